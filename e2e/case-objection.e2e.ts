import JSZip from 'jszip';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CasePageModel } from './pages/case.page.ts';
import { LoginPage } from './pages/login.page.ts';
import { AppShell } from './pages/shell.page.ts';
import { DEMO_PASSWORD, demoEmail, launchBrowser, newContext, screenshot } from './support/browser.ts';

// Journey 2: a lawyer opens the Echo case, sees the limitation finding, and downloads the objection.
describe('a lawyer of Echo', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser.close());

  it('sees the limitation finding of the Echo case and downloads the objection', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await new LoginPage(page).goto().then((l) => l.signIn(demoEmail('lawyer'), DEMO_PASSWORD));
    const shell = new AppShell(page);
    await shell.title();
    await shell.switchOrganisation('Echo');
    expect(await shell.open('Cases')).toBe('Cases — Echo');
    const kase = new CasePageModel(page);
    await kase.openFromList('Претензии органов госдоходов 2020–2021 (Echo)');
    const timeline = await kase.timeline();
    expect(timeline.some((a) => a.includes('15 January 2021'))).toBe(true);
    expect(await kase.findingCodes()).toContain('LIMITATION_EXPIRED');
    const limitation = await kase.finding('LIMITATION_EXPIRED');
    expect(limitation).toMatch(/expired/);
    expect(limitation).toMatch(/CoAO Art\. 62/);
    await screenshot(page, 'case');

    // The ruling of 15 January 2021 was withdrawn on 4 February: the draft is dated the last day it stood.
    expect(await kase.asOf()).toBe('2021-02-03');

    const docx = await kase.download('Download (DOCX, English)');
    expect(docx.name).toMatch(/\.docx$/);
    const zip = await JSZip.loadAsync(docx.bytes);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('Echo');
    const pdf = await kase.download('Download (PDF, Русский)');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await context.close();
  });

  it('is told in Russian why nothing is drafted on a date after the withdrawal, and can pick an earlier one', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await new LoginPage(page).goto().then((l) => l.signIn(demoEmail('lawyer'), DEMO_PASSWORD));
    const shell = new AppShell(page);
    await shell.title();
    await shell.switchLanguage('ru');
    await shell.switchOrganisation('Echo');
    await shell.open('Дела');
    const kase = new CasePageModel(page);
    await kase.openFromList('Претензии органов госдоходов 2020–2021 (Echo)');
    await kase.setAsOf('2021-03-01');
    const reason = await kase.refusal('Скачать (DOCX, Русский)');
    expect(reason).toContain('постановление уже отозвано или отменено');
    expect(reason).toContain('3 февраля 2021');
    expect(reason).not.toMatch(/OBJECTION_|withdrawn|2021-02/);
    await kase.setAsOf('2021-01-28');
    const docx = await kase.download('Скачать (DOCX, Русский)');
    const xml = (await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('28 января 2021');
    await page.getByTestId('objection-error').waitFor({ state: 'detached' });
    await shell.switchLanguage('en');
    await context.close();
  });
});

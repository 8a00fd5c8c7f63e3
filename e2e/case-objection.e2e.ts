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

    const docx = await kase.download('Download (DOCX, English)');
    expect(docx.name).toMatch(/\.docx$/);
    const zip = await JSZip.loadAsync(docx.bytes);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('Echo');
    const pdf = await kase.download('Download (PDF, Русский)');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await context.close();
  });
});

import JSZip from 'jszip';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CasePageModel } from './pages/case.page.ts';
import { LoginPage } from './pages/login.page.ts';
import { AppShell } from './pages/shell.page.ts';
import { DEMO_PASSWORD, demoEmail, launchBrowser, newContext, screenshot } from './support/browser.ts';

// Journey (issue 13): a lawyer, in Russian, opens a case, records a protocol and a ruling (with its
// scan) from the browser, is told beside the field what is wrong with an implausible date, and
// downloads the objection. The lawyer is an account of its own, made here by the instance admin,
// in Kadir Kassiet, whose cases no other journey reads.
const LAWYER = 'lawyer-workplace@e2e.test';
const PASSWORD = 'a long e2e lawyer password';

describe('a lawyer working in Russian', () => {
  let browser: Browser;
  let kadir = '';
  beforeAll(async () => {
    browser = await launchBrowser();
    kadir = Object.entries(inject('organisations')).find(([name]) => name.includes('Kadir'))?.[1] ?? '';
    const context = await newContext(browser);
    const page = await context.newPage();
    await new LoginPage(page).goto().then((l) => l.signIn(demoEmail('admin'), DEMO_PASSWORD));
    await new AppShell(page).title();
    const csrf = (await context.cookies()).find((c) => c.name === 'civic_csrf')?.value ?? '';
    const headers = { 'x-csrf-token': csrf };
    const made = await page.request.post('/api/v1/users', {
      headers,
      data: { email: LAWYER, name: 'Асель Омарова', password: PASSWORD, locale: 'ru' },
    });
    if (made.status() !== 201 && made.status() !== 409) throw new Error(await made.text());
    const member = await page.request.put(`/api/v1/orgs/${kadir}/members`, {
      headers,
      data: { email: LAWYER, role: 'lawyer' },
    });
    if (!member.ok()) throw new Error(await member.text());
    await context.close();
  });
  afterAll(async () => browser.close());

  it('opens a case, adds a protocol and a ruling with its scan, and downloads the objection', async () => {
    expect(kadir).toMatch(/^org_/);
    const context = await newContext(browser);
    const page = await context.newPage();
    await new LoginPage(page).goto().then((l) => l.signIn(LAWYER, PASSWORD));
    const shell = new AppShell(page);
    await shell.title();
    await shell.switchLanguage('ru');
    await page.goto(`/orgs/${kadir}/cases`);
    await page.getByTestId('new-case').waitFor();
    await screenshot(page, 'workplace-cases-ru');

    const form = page.getByTestId('new-case');
    await form.locator('input[name=title]').fill('Проверка отчёта 2020 года');
    await form.locator('input[name=openedOn]').fill('2021-01-05');
    await form.locator('input[name=pack]').fill('kz');
    await form.getByRole('button', { name: 'Открыть дело' }).click();
    await page.getByTestId('add-action').waitFor();
    expect(await shell.title()).toBe('Проверка отчёта 2020 года');

    const add = page.getByTestId('add-action');
    await add.locator('select[name=kind]').selectOption('protocol');
    await add.locator('input[name=authority]').fill('Департамент государственных доходов');
    await add.locator('input[name=servedOn]').fill('2021-01-05');
    await add.locator('input[name=article]').fill('460-1');
    await add.locator('input[name="offence.committedOn"]').fill('2020-04-10');
    await add.getByRole('button', { name: 'Добавить действие' }).click();
    await page.getByRole('status').filter({ hasText: 'Действие добавлено.' }).waitFor();

    // A ruling dated before the offence is refused, and the form says so beside the date, in Russian.
    await add.locator('select[name=kind]').selectOption('ruling');
    await add.locator('input[name=rulingOn]').fill('2019-12-01');
    await add.locator('input[name="offence.committedOn"]').fill('2020-04-10');
    await add.getByRole('button', { name: 'Добавить действие' }).click();
    const wrong = page.locator('[data-field-error="rulingOn"]');
    await wrong.waitFor();
    expect(await wrong.innerText()).toContain('Поле дела заполнено неверно');
    expect(await wrong.innerText()).not.toMatch(/is before|CASE_FIELD/);
    await screenshot(page, 'workplace-case-error-ru');

    await add.locator('input[name=rulingOn]').fill('2021-01-15');
    await add.locator('input[name=article]').fill('460-1');
    await add.locator('input[name="penalty.mci"]').fill('100');
    await add.locator('input[name=document]').setInputFiles({
      name: 'постановление.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 скан постановления\n'),
    });
    await add.getByRole('button', { name: 'Добавить действие' }).click();
    await page.getByTestId('documents').filter({ hasText: 'постановление.pdf' }).waitFor();
    const kase = new CasePageModel(page);
    const timeline = await kase.timeline();
    expect(timeline.some((a) => a.includes('протокол об административном правонарушении'))).toBe(true);
    expect(timeline.some((a) => a.includes('15 января 2021') && a.includes('постановление.pdf'))).toBe(true);
    await screenshot(page, 'workplace-case-ru');

    await kase.setAsOf('2021-01-20');
    const docx = await kase.download('Скачать (DOCX, Русский)');
    const xml = (await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('15 января 2021');

    await shell.switchLanguage('kk');
    await page.getByTestId('add-action').getByRole('button', { name: 'Әрекетті қосу' }).waitFor();
    await screenshot(page, 'workplace-case-kk');
    await page.goto(`/orgs/${kadir}/cases`);
    await page.getByTestId('new-case').waitFor();
    await screenshot(page, 'workplace-cases-kk');
    await context.close();
  });
});

import {
  closeContext,
  findUserByEmailView,
  markRead,
  openContext,
  runNotifications,
  systemActor,
  updateProfile,
  users,
  type AppContext,
} from '@civic/app';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LoginPage } from './pages/login.page.ts';
import { AppShell } from './pages/shell.page.ts';
import { DEMO_PASSWORD, demoEmail, launchBrowser, newContext, screenshot } from './support/browser.ts';

// The bell: the schedule runs as of 8 February 2021, five working days before Echo's 2020 Q4 report
// (F.018.00, due 15 February) — through the app's use case on the server's own database file, not
// real time — and the demo accountant, reading Russian, sees the count, opens the reminder, marks
// it read and the count drops. What it changes is given back afterwards: every message of the run
// is marked read (the bells other journeys see stay at zero) and the accountant's language is
// restored.
const AS_OF = '2021-02-08';

describe('the notification bell', () => {
  let browser: Browser;
  let ctx: AppContext;
  let accountantId = '';
  let locale = 'en';

  beforeAll(async () => {
    const db = inject('database');
    ctx = await openContext(db.file, { env: { CIVIC_DB_KEY: db.key }, migrate: false });
    const accountant = await findUserByEmailView(ctx, demoEmail('accountant'));
    if (!accountant) throw new Error('no demo accountant');
    accountantId = accountant.id;
    locale = accountant.locale;
    const ru = await updateProfile(ctx, systemActor('e2e'), accountantId, { locale: 'ru' });
    if (!ru.ok) throw new Error(ru.error.message);
    const run = await runNotifications(ctx, { asOf: AS_OF, waves: false });
    if (!run.ok) throw new Error(run.error.message);
    expect(run.value.messages.filter((m) => m.to === demoEmail('accountant'))).toEqual([
      expect.objectContaining({ kind: 'obligation', dueOn: '2021-02-15', channel: 'in-app' }),
    ]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    const reached = new Set((await users(ctx)).map((u) => u.id));
    for (const id of reached) await markRead(ctx, id);
    await updateProfile(ctx, systemActor('e2e'), accountantId, { locale });
    await closeContext(ctx);
  });

  it('shows the reminder under the bell in Russian; marking it read lowers the count', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await new LoginPage(page).goto();
    await new LoginPage(page).signIn(demoEmail('accountant'), DEMO_PASSWORD);
    const shell = new AppShell(page);
    expect(await shell.title()).toBe('Обзор — Echo');
    const count = page.getByTestId('notification-count');
    await count.waitFor();
    expect(await count.innerText()).toBe('1');
    expect(await page.getByTestId('notification-bell').getAttribute('aria-label')).toBe(
      'Уведомления: непрочитанных 1',
    );

    await page.getByTestId('notification-bell').click();
    expect(await shell.title()).toBe('Уведомления');
    const item = page.getByTestId('notifications').locator('li').first();
    const subject = 'Отчёт о поступлении и расходовании иностранных средств (F.018.00) — 15 февраля 2021 г.';
    expect(await item.locator('h2').innerText()).toContain(subject);
    const text = await item.innerText();
    expect(text).toContain('Через 5 рабочих дней, 15 февраля 2021 г., истекает срок.');
    expect(text).toContain('Срок: 15 февраля 2021 г.');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|org_\w+/);
    await screenshot(page, 'notifications-ru');

    await item.getByRole('button', { name: 'Прочитано' }).click();
    await count.waitFor({ state: 'detached' });
    expect(await page.getByTestId('notification-bell').getAttribute('aria-label')).toBe(
      'Уведомления: непрочитанных 0',
    );
    expect(await item.getByRole('button', { name: 'Прочитано' }).count()).toBe(0);
    await context.close();
  });
});

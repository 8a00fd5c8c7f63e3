import {
  base32Decode,
  closeContext,
  createOrganisation,
  createUser,
  grantMembership,
  openContext,
  systemActor,
  totpCode,
} from '@civic/app';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LoginPage } from './pages/login.page.ts';
import { AppShell } from './pages/shell.page.ts';
import { launchBrowser, newContext, screenshot } from './support/browser.ts';

// Journey (issue 13), in Russian, in an organisation of its own (ОФ «Арна», made here) so no other
// journey's data changes: the admin invites an accountant from the Members page and copies the
// link; the accountant opens it, sets a password, changes it (the other session ends), turns on
// two-step sign-in by reading the secret text (the code is computed here, as an app would) and then
// signs in with a code. Screenshots of the new pages in ru and kk.
const ADMIN = 'admin@arna.test';
const ADMIN_PASSWORD = 'a long arna admin password';
const ACCOUNTANT = 'buh@arna.test';
const FIRST_PASSWORD = 'первый длинный пароль';
const NEW_PASSWORD = 'второй длинный пароль';

async function signedIn(browser: Browser, email: string, password: string): Promise<Page> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await new LoginPage(page).goto().then((l) => l.signIn(email, password));
  await new AppShell(page).title();
  return page;
}

const meStatus = async (context: BrowserContext): Promise<number> =>
  (await context.request.get('/api/v1/me')).status();

describe('people of a new organisation, in Russian', () => {
  let browser: Browser;
  let org = '';
  let link = '';
  beforeAll(async () => {
    browser = await launchBrowser();
    const db = inject('database');
    const ctx = await openContext(db.file, { env: { CIVIC_DB_KEY: db.key }, migrate: false });
    try {
      const actor = systemActor('e2e-setup');
      const made = await createOrganisation(ctx, { name: 'ОФ «Арна»' });
      if (!made.ok) throw new Error(made.error.message);
      org = made.value.id;
      const admin = await createUser(ctx, actor, {
        email: ADMIN,
        name: 'Гульнара Сейткали',
        password: ADMIN_PASSWORD,
        locale: 'ru',
      });
      if (!admin.ok) throw new Error(admin.error.message);
      const m = await grantMembership(ctx, actor, { organisationId: org, email: ADMIN, role: 'admin' });
      if (!m.ok) throw new Error(m.error.message);
    } finally {
      await closeContext(ctx);
    }
  });
  afterAll(async () => browser.close());

  it('the admin invites an accountant by e-mail and gets the link to copy', async () => {
    const page = await signedIn(browser, ADMIN, ADMIN_PASSWORD);
    await page.locator('nav[aria-label] a', { hasText: 'Участники' }).click();
    expect(await new AppShell(page).title()).toBe('Участники — ОФ «Арна»');
    const form = page.getByTestId('invite-form');
    await form.locator('input[name=email]').fill('не адрес');
    await form.getByRole('button', { name: 'Пригласить' }).click();
    const fieldError = form.locator('[data-field-error=email]');
    await fieldError.waitFor();
    expect(await fieldError.innerText()).toMatch(/[а-яё]/i);
    await form.locator('input[name=email]').fill(ACCOUNTANT);
    await form.locator('select[name=role]').selectOption({ label: 'Бухгалтер' });
    await form.getByRole('button', { name: 'Пригласить' }).click();
    link = await page.getByTestId('invitation-link').inputValue();
    expect(link).toMatch(/\/invitation\/[A-Za-z0-9_-]{40,}$/);
    await page.getByTestId('invitations').getByText(ACCOUNTANT).waitFor();
    await screenshot(page, 'workplace-members-ru');
    await new AppShell(page).switchLanguage('kk');
    await page.getByRole('heading', { name: 'Мүшелер — ОФ «Арна»' }).waitFor();
    await screenshot(page, 'workplace-members-kk');
    await new AppShell(page).switchLanguage('ru');
    await page.context().close();
  });

  it('the accountant accepts, changes the password (the other session ends), turns on two-step sign-in and signs in with a code', async () => {
    expect(link).not.toBe('');
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(new URL(link).pathname);
    await page.getByTestId('language').selectOption('kk');
    await page.getByTestId('accept-form').waitFor();
    await screenshot(page, 'workplace-invitation-kk');
    await page.getByTestId('language').selectOption('ru');
    await page.getByText('Вас приглашают в «ОФ «Арна»»; роль: Бухгалтер.', { exact: false }).waitFor();
    await screenshot(page, 'workplace-invitation-ru');
    await page.locator('input[name=name]').fill('Айгерим Бекова');
    await page.locator('input[name=password]').fill(FIRST_PASSWORD);
    await page.getByRole('button', { name: 'Принять и войти' }).click();
    await page.waitForURL(`**/orgs/${org}/dashboard`);
    const shell = new AppShell(page);
    await shell.title();

    // A second session (another browser), ended by the password change.
    const other = await signedIn(browser, ACCOUNTANT, FIRST_PASSWORD);
    expect(await meStatus(other.context())).toBe(200);
    await page.goto('/account');
    await page.getByTestId('password-form').waitFor();
    const pw = page.getByTestId('password-form');
    await pw.locator('input[name=currentPassword]').fill('не тот пароль вовсе');
    await pw.locator('input[name=newPassword]').fill(NEW_PASSWORD);
    await pw.getByRole('button', { name: 'Сменить пароль' }).click();
    await pw.locator('[data-field-error=currentPassword]').waitFor();
    await pw.locator('input[name=currentPassword]').fill(FIRST_PASSWORD);
    await pw.getByRole('button', { name: 'Сменить пароль' }).click();
    await page.getByText('Пароль изменён; остальные ваши сеансы завершены.').waitFor();
    expect(await meStatus(other.context())).toBe(401);
    expect(await meStatus(context)).toBe(200);
    await other.context().close();

    // Two-step sign-in: the QR code and the secret as text; off until the server confirms a code.
    const twoStep = page.getByTestId('two-step');
    await twoStep.getByRole('button', { name: 'Подключить приложение-аутентификатор' }).click();
    await twoStep.getByTestId('totp-qr').waitFor();
    const secret = await twoStep.getByTestId('totp-secret').innerText();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await twoStep.getByTestId('two-step-state').innerText()).toBe('Выключен');
    expect(await twoStep.getByRole('status').count()).toBe(0);
    await screenshot(page, 'workplace-two-step-ru');
    const key = base32Decode(secret) ?? new Uint8Array();
    const setup = twoStep.getByTestId('two-step-setup');
    await setup
      .locator('input[name=code]')
      .fill(totpCode(key, new Date()) === '000000' ? '111111' : '000000');
    await setup.getByRole('button', { name: 'Подтвердить и включить' }).click();
    await setup.locator('[data-field-error=code]').waitFor();
    expect(await twoStep.getByTestId('two-step-state').innerText()).toBe('Выключен');
    await setup.locator('input[name=code]').fill(totpCode(key, new Date()));
    await setup.getByRole('button', { name: 'Подтвердить и включить' }).click();
    await twoStep.getByRole('status').filter({ hasText: 'Двухэтапный вход включён.' }).waitFor();
    await twoStep.getByTestId('two-step-state').filter({ hasText: 'Включён' }).waitFor();
    expect(await twoStep.getByTestId('recovery-codes').locator('li').count()).toBe(10);
    await screenshot(page, 'workplace-recovery-codes-ru');
    await shell.switchLanguage('kk');
    await twoStep.getByRole('heading', { name: 'Резервтік кодтар' }).waitFor();
    await screenshot(page, 'workplace-account-kk');
    await shell.switchLanguage('ru');
    await context.close();

    // Signing in now asks for the code (the next step's, as the last one was used to confirm).
    const again = await newContext(browser);
    const login = await again.newPage();
    await new LoginPage(login).goto().then((l) => l.signIn(ACCOUNTANT, NEW_PASSWORD));
    await login.locator('input[name=totp]').waitFor();
    await login.locator('input[name=totp]').fill(totpCode(key, new Date(Date.now() + 30_000)));
    await login.locator('button[type=submit]').click();
    await login.waitForURL(`**/orgs/${org}/dashboard`);
    expect(await meStatus(again)).toBe(200);
    await again.close();
  });

  it('the admin changes the accountant\u2019s role, cannot demote the last admin, and removes the accountant after confirming', async () => {
    const page = await signedIn(browser, ADMIN, ADMIN_PASSWORD);
    await page.goto(`/orgs/${org}/members`);
    const members = page.getByTestId('members');
    const accountant = members.locator(`tr[data-member="${ACCOUNTANT}"]`);
    await accountant.waitFor();
    await accountant.getByRole('combobox').selectOption({ label: 'Наблюдатель' });
    await page.getByRole('status').filter({ hasText: 'Роль Айгерим Бекова: Наблюдатель.' }).waitFor();
    await members
      .locator(`tr[data-member="${ADMIN}"]`)
      .getByRole('combobox')
      .selectOption({ label: 'Юрист' });
    const refused = page.getByTestId('members-error');
    await refused.waitFor();
    expect(await refused.innerText()).toBe('В организации должен остаться хотя бы один администратор.');
    expect(await members.locator(`tr[data-member="${ADMIN}"]`).getByRole('combobox').inputValue()).toBe(
      'admin',
    );
    await accountant.getByRole('button', { name: 'Удалить' }).click();
    await accountant
      .getByText('Удалить Айгерим Бекова из организации? Доступ к ней будет закрыт сразу.')
      .waitFor();
    await screenshot(page, 'workplace-members-remove-ru');
    await accountant.getByRole('button', { name: 'Да, удалить' }).click();
    await accountant.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'Айгерим Бекова: удалён(а) из организации.' }).waitFor();
    await page.context().close();
  });
});

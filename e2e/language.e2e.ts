import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginPage } from './pages/login.page.ts';
import { AppShell } from './pages/shell.page.ts';
import { DEMO_PASSWORD, demoEmail, launchBrowser, newContext, screenshot } from './support/browser.ts';

// The language switch persists: across a reload (this browser) and on another device (the account).
describe('the language switch', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser.close());

  it('switches to Russian and Kazakh, keeps the choice on reload and on a new device', async () => {
    const first = await newContext(browser);
    const page = await first.newPage();
    await new LoginPage(page).goto().then((l) => l.signIn(demoEmail('monitor'), DEMO_PASSWORD));
    const shell = new AppShell(page);
    await shell.title();
    await shell.switchLanguage('ru');
    expect(await shell.navLinks()).toContain('Дела');
    await page.reload();
    expect(await shell.title()).toMatch(/^Обзор — /);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
    await screenshot(page, 'dashboard-ru');
    await shell.switchLanguage('kk');
    expect(await shell.title()).toMatch(/^Шолу — /);
    await screenshot(page, 'dashboard-kk');
    await first.close();

    // Another browser with nothing saved: the account remembers Kazakh.
    const second = await newContext(browser);
    const page2 = await second.newPage();
    await new LoginPage(page2).goto().then((l) => l.signIn(demoEmail('monitor'), DEMO_PASSWORD));
    const shell2 = new AppShell(page2);
    expect(await shell2.title()).toMatch(/^Шолу — /);
    await shell2.switchLanguage('en');
    expect(await shell2.title()).toMatch(/^Dashboard — /);
    await second.close();
  });

  it('shows sign-in errors from the server in the chosen language', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const login = await new LoginPage(page).goto();
    await new AppShell(page).switchLanguage('ru');
    await login.signIn('nobody@example.org', 'wrong password');
    expect(await login.error()).toBe('Неверный адрес электронной почты или пароль.');
    await context.close();
  });
});

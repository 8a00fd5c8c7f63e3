import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginPage } from './pages/login.page.ts';
import { AppShell } from './pages/shell.page.ts';
import { DEMO_PASSWORD, demoEmail, launchBrowser, newContext, PHONE, screenshot } from './support/browser.ts';

// The sign-in journey, and a screenshot of each main page on a laptop and the dashboard on a phone.
describe('signing in', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser.close());

  it('refuses a wrong password, then signs the accountant in to Echo and shows every main page', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/orgs/anything/ledger');
    await page.waitForURL('**/login?next=*');
    const login = new LoginPage(page);
    await screenshot(page, 'login');
    await login.signIn(demoEmail('accountant'), 'not the password');
    expect(await login.error()).toBe('Wrong e-mail or password.');
    await login.signIn(demoEmail('accountant'), DEMO_PASSWORD);
    const shell = new AppShell(page);
    // Back where the user was going: an organisation that is not theirs is "not found".
    await page.waitForURL('**/orgs/anything/ledger');
    expect(await shell.title()).toBe('Not found');
    await page.getByRole('link', { name: 'Go to your dashboard' }).click();
    await page.waitForURL('**/orgs/*/dashboard');
    expect(await shell.title()).toBe('Dashboard — Echo');
    expect(await shell.organisations()).toEqual(['Echo']);
    expect(await shell.navLinks()).toEqual([
      'Dashboard',
      'Ledger',
      'Obligations & filings',
      'Cases',
      'Monitor',
      'Account',
    ]);
    await screenshot(page, 'dashboard');
    for (const [link, title, shot] of [
      ['Ledger', 'Ledger — Echo', 'ledger'],
      ['Obligations & filings', 'Obligations & filings — Echo', 'filings'],
      ['Cases', 'Cases — Echo', 'cases'],
      ['Monitor', 'Monitor', 'monitor'],
      ['Account', 'Account', 'account'],
    ] as const) {
      expect(await shell.open(link)).toBe(title);
      await screenshot(page, shot);
    }
    await shell.signOut();
    await page.goto('/');
    await page.waitForURL('**/login?next=*');
    await context.close();
  });

  it('keeps a session across a reload and works on a phone screen', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await new LoginPage(page).goto().then((l) => l.signIn(demoEmail('lawyer'), DEMO_PASSWORD));
    const shell = new AppShell(page);
    await shell.title();
    expect(await shell.organisations()).toHaveLength(4);
    await page.reload();
    expect(await shell.title()).toMatch(/^Dashboard — /);
    await screenshot(page, 'dashboard-phone');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await context.close();
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginPage } from './pages/login.page.ts';
import { AppShell } from './pages/shell.page.ts';
import { DEMO_PASSWORD, demoEmail, launchBrowser, newContext } from './support/browser.ts';

// Keyboard-usable, labelled controls: every form control and button on each main page has an
// accessible name, and the app can be used from the keyboard alone (skip link, navigation,
// the obligations calendar switch).

/** The controls on the page a screen reader could not name (their outer HTML, shortened). */
function unlabelled(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const named = (el: Element): boolean => {
      const aria = el.getAttribute('aria-label') ?? '';
      if (aria.trim() !== '') return true;
      const by = el.getAttribute('aria-labelledby');
      if (by && by.split(/\s+/).some((id) => (document.getElementById(id)?.textContent ?? '').trim() !== ''))
        return true;
      if ((el.getAttribute('title') ?? '').trim() !== '') return true;
      if (
        el instanceof HTMLInputElement ||
        el instanceof HTMLSelectElement ||
        el instanceof HTMLTextAreaElement
      ) {
        if (
          el instanceof HTMLInputElement &&
          (el.type === 'hidden' || ((el.type === 'submit' || el.type === 'button') && el.value.trim() !== ''))
        )
          return true;
        return [...(el.labels ?? [])].some((l) => (l.textContent ?? '').trim() !== '');
      }
      return (el.textContent ?? '').trim() !== '';
    };
    return [...document.querySelectorAll('input, select, textarea, button, a[href]')]
      .filter((el) => !named(el))
      .map((el) => el.outerHTML.slice(0, 160));
  });
}

describe('accessibility of the main pages', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser.close());

  it('names every control on every main page, for each role that sees it', async () => {
    for (const role of ['accountant', 'lawyer', 'monitor'] as const) {
      const context = await newContext(browser);
      const page = await context.newPage();
      const login = await new LoginPage(page).goto();
      expect(await unlabelled(page)).toEqual([]);
      if (role === 'accountant') {
        // The check finds what it looks for: a bare control added to the page is reported.
        await page.evaluate(() =>
          document.body.insertAdjacentHTML(
            'beforeend',
            '<input id="bare-probe"><button id="bare-button"></button>',
          ),
        );
        expect(await unlabelled(page)).toEqual([
          '<input id="bare-probe">',
          '<button id="bare-button"></button>',
        ]);
        await page.evaluate(() =>
          ['bare-probe', 'bare-button'].forEach((id) => document.getElementById(id)?.remove()),
        );
      }
      await login.signIn(demoEmail(role), DEMO_PASSWORD);
      const shell = new AppShell(page);
      await shell.title();
      for (const link of await shell.navLinks()) {
        await shell.open(link);
        await page.waitForLoadState('networkidle');
        expect({ role, link, unlabelled: await unlabelled(page) }).toEqual({ role, link, unlabelled: [] });
      }
      await context.close();
    }
  });

  it('is usable from the keyboard: skip link, navigation, and the calendar view of obligations', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await new LoginPage(page).goto().then((l) => l.signIn(demoEmail('accountant'), DEMO_PASSWORD));
    const shell = new AppShell(page);
    expect(await shell.title()).toBe('Dashboard — Echo');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    // Walk the focus order to the navigation link and follow it with Enter.
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await page.evaluate(() => document.activeElement?.textContent)) === 'Obligations & filings';
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    expect(await shell.title()).toBe('Obligations & filings — Echo');
    await page.getByRole('button', { name: 'Calendar' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('obligations-calendar').waitFor();
    expect(await page.getByRole('button', { name: 'Calendar' }).getAttribute('aria-pressed')).toBe('true');
    const before = await page.getByTestId('obligations-calendar').locator('h3').innerText();
    await page.getByRole('button', { name: 'Next month' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (b) => document.querySelector('[data-testid=obligations-calendar] h3')?.textContent !== b,
      before,
    );
    await context.close();
  });
});

import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '../..');

/** Debian's Chromium, headless, with nothing that phones home. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

export const LAPTOP = { width: 1366, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** A fresh browser profile (no cookies, no localStorage) pointed at the test server. */
export function newContext(browser: Browser, viewport = LAPTOP): Promise<BrowserContext> {
  return browser.newContext({ baseURL: inject('baseUrl'), viewport, locale: 'en-GB' });
}

/** Keeps a screenshot of the page under test-artifacts/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ROOT, 'test-artifacts', 'screenshots', `${name}.png`), fullPage: true });
}

export const DEMO_PASSWORD = 'civic-demo-2021';
export const demoEmail = (role: 'admin' | 'accountant' | 'lawyer' | 'monitor' | 'viewer'): string =>
  `${role}@demo.civicledger.org`;

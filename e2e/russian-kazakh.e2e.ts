import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginPage } from './pages/login.page.ts';
import { AppShell } from './pages/shell.page.ts';
import { DEMO_PASSWORD, demoEmail, launchBrowser, newContext, screenshot } from './support/browser.ts';
import { untranslatedWords } from './support/latin-words.ts';

// Russian and Kazakh all the way down: each role signs in, switches to ru and kk and walks every
// page of the navigation, every case's detail page, each filing with its check open, the Monitor
// with a wave open and (admin) the audit trail; the visible text may hold Latin letters only in
// proper names, form numbers, codes and URLs (support/latin-words.ts). Screenshots:
// test-artifacts/screenshots/.
const ROLES = ['accountant', 'lawyer', 'monitor', 'admin'] as const;
const LANGS = ['ru', 'kk'] as const;

/** The page's visible text once its data has loaded (no "loading" indicator left). */
async function visibleText(page: Page): Promise<string> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(
    () => document.querySelectorAll('[aria-busy="true"], .loading').length === 0,
    null,
    {
      timeout: 30_000,
    },
  );
  return page.locator('body').innerText();
}

/** Opens every filing's check (its lint problems with their messages), then looks. */
async function openFilingChecks(page: Page, look: () => Promise<void>): Promise<void> {
  const checks = page.locator('[data-testid="filing"] p.small button');
  const n = await checks.count();
  if (n === 0) return;
  for (let i = 0; i < n; i += 1) await checks.nth(i).click();
  await page.locator('[data-testid="filing"] [role="status"]').first().waitFor();
  await look();
}

/** Opens the first detected wave (its category, dates and places on the map), then looks. */
async function openWave(page: Page, look: () => Promise<void>): Promise<void> {
  const wave = page.getByTestId('wave').first();
  if ((await wave.count()) === 0) return;
  await wave.locator('button').first().click();
  await look();
}

describe('Russian and Kazakh pages', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser.close());

  it('the check catches an English label planted in a Russian page', async () => {
    expect(untranslatedWords('Обязательства Submit отчёт')).toEqual(['Submit']);
    expect(untranslatedWords('Echo, Алматы: F.017.00, https://adilet.zan.kz, 1 485 км')).toEqual([]);
    expect(untranslatedWords('проверить командой civic verify --key')).toEqual([]);
    // Names are admitted whole; their words alone are ordinary English.
    expect(untranslatedWords('Kazakhstan International Bureau for Human Rights, Legal Media Center')).toEqual(
      [],
    );
    expect(untranslatedWords('Legal advice for the Center')).toEqual([
      'Center',
      'Legal',
      'advice',
      'for',
      'the',
    ]);
    expect(untranslatedWords('Demo Fund Open Door')).toEqual(['Demo', 'Door', 'Fund', 'Open']);
    expect(untranslatedWords('civic: verify the key')).toEqual(['civic', 'key', 'the', 'verify']);
    const fingerprint = 'beae 0c1d ebfa 9f3a 1b2c 3d4e 5f60 7182 93a4 b5c6 d7e8 f901 2345 6789 abcd ef01';
    expect(untranslatedWords(`Отпечаток: ${fingerprint}`)).toEqual([]);
    expect(untranslatedWords('Отпечаток: beae ebfa')).toEqual(['beae', 'ebfa']);
    // A public key whose pieces between "/" have no digit (one the check once took for words).
    expect(
      untranslatedWords('Открытый ключ (Ed25519): iQYTuFr/fPsFkMakinUrXbipRaiezfvxNKSWQlFTUKA='),
    ).toEqual([]);
    expect(untranslatedWords('ключ: fPsFkMakinUrXbipRaiez/Submit')).toEqual([
      'Submit',
      'fPsFkMakinUrXbipRaiez',
    ]);
    const context = await newContext(browser);
    const page = await context.newPage();
    await new LoginPage(page).goto().then((l) => l.signIn(demoEmail('accountant'), DEMO_PASSWORD));
    const shell = new AppShell(page);
    await shell.title();
    await shell.switchLanguage('ru');
    await page.evaluate(() => {
      const planted = document.createElement('button');
      planted.textContent = 'Submit report';
      document.querySelector('main')?.append(planted);
    });
    expect(untranslatedWords(await visibleText(page))).toEqual(expect.arrayContaining(['Submit', 'report']));
    // The language is the user's stored setting: give the other journeys back their English.
    await shell.switchLanguage('en');
    await context.close();
  });

  // The four roles walk at the same time (each in a context of its own; the language is each
  // user's stored setting, so one role's two languages go one after the other): most of a page's
  // time is waiting for the network to settle, not work.
  for (const role of ROLES)
    it.concurrent(
      `${role} in ru and kk: no untranslated Latin word on any page`,
      async () => {
        const found: Record<string, string[]> = {};
        for (const lang of LANGS) Object.assign(found, await walk(browser, role, lang));
        expect(found).toEqual({});
      },
      480_000,
    );
});

/** Signs `role` in, switches to `lang`, walks every page; the untranslated words found per page. */
async function walk(browser: Browser, role: (typeof ROLES)[number], lang: (typeof LANGS)[number]) {
  const context = await newContext(browser);
  const page = await context.newPage();
  await new LoginPage(page).goto().then((l) => l.signIn(demoEmail(role), DEMO_PASSWORD));
  const shell = new AppShell(page);
  await shell.title();
  await shell.switchLanguage(lang);
  const found: Record<string, string[]> = {};
  const links = await page
    .locator('nav[aria-label] a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? '').filter((h) => h.startsWith('/')));
  const look = async (name: string) => {
    const words = untranslatedWords(await visibleText(page));
    if (words.length > 0) found[`${lang} ${name}`] = words;
    await screenshot(page, `${lang}-${role}${name.replace(/[/?=&]/g, '-')}`);
  };
  const details: string[] = [];
  for (const href of links) {
    await page.goto(href);
    await shell.title();
    await look(href);
    if (/\/cases$/.test(href))
      details.push(
        ...(await page
          .locator('main a[href*="/cases/"]')
          .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))),
      );
    if (/\/filings$/.test(href)) await openFilingChecks(page, () => look(`${href}#checks`));
    if (/\/monitor$/.test(href)) await openWave(page, () => look(`${href}#wave`));
  }
  for (const href of [...new Set(details)]) {
    await page.goto(href);
    await shell.title();
    await look(href);
  }
  // The language is the user's stored setting: give the other journeys back their English.
  await shell.switchLanguage('en');
  await context.close();
  return found;
}

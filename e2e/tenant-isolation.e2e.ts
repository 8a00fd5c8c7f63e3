import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LoginPage } from './pages/login.page.ts';
import { AppShell } from './pages/shell.page.ts';
import { DEMO_PASSWORD, demoEmail, launchBrowser, newContext, screenshot } from './support/browser.ts';

// Journey 4: a viewer of one organisation (Echo) cannot reach another's (KIBHR) ledger by any URL:
// not through the web app's routes, and not through any API URL the server has.
describe('a viewer of Echo', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser.close());

  it("cannot reach KIBHR's ledger or any of its data by any URL", async () => {
    const orgs = inject('organisations');
    const kibhr = orgs['Kazakhstan International Bureau for Human Rights'] ?? '';
    const echo = orgs['Echo'] ?? '';
    expect(kibhr).toMatch(/^org_/);
    const context = await newContext(browser);
    const page = await context.newPage();
    await new LoginPage(page).goto().then((l) => l.signIn(demoEmail('viewer'), DEMO_PASSWORD));
    const shell = new AppShell(page);
    expect(await shell.title()).toBe('Dashboard — Echo');
    expect(await shell.organisations()).toEqual(['Echo']);
    expect(await shell.navLinks()).not.toContain('Audit trail');

    // The web app's routes for the other organisation.
    for (const path of [
      '',
      '/dashboard',
      '/ledger',
      '/filings',
      '/cases',
      '/audit',
      '/ledger/receipts',
      '/nonsense',
    ]) {
      await page.goto(`/orgs/${kibhr}${path}`);
      expect(await shell.title(), path).toBe('Not found');
      expect(await page.locator('body').innerText()).not.toContain('International Bureau');
    }
    await screenshot(page, 'not-found-other-organisation');

    // Every organisation route the API has (from its OpenAPI document), with the viewer's cookies.
    const doc = (await (await page.request.get('/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const orgPaths = Object.entries(doc.paths).filter(([p]) => p.startsWith('/api/v1/orgs/{orgId}'));
    expect(orgPaths.length).toBeGreaterThanOrEqual(4);
    const csrf = (await context.cookies()).find((c) => c.name === 'civic_csrf')?.value ?? '';
    for (const [p, methods] of orgPaths) {
      const url = p.replace('{orgId}', kibhr).replace(/\{\w+\}/g, 'x');
      for (const method of Object.keys(methods)) {
        const res = await page.request.fetch(url, {
          method,
          headers: { 'x-csrf-token': csrf, 'content-type': 'application/json' },
          data: method === 'get' ? undefined : {},
        });
        expect([method, p, res.status()]).toEqual([method, p, 404]);
        const text = await res.text();
        expect(text).not.toContain('International Bureau');
        expect(JSON.parse(text)).toMatchObject({ error: { code: 'ORG_NOT_FOUND' } });
      }
    }
    // Their own ledger still works, so the 404s above are not an outage.
    await page.goto(`/orgs/${echo}/ledger`);
    expect(await shell.title()).toBe('Ledger — Echo');
    await context.close();
  });
});

import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginPage } from './pages/login.page.ts';
import { MonitorPageModel } from './pages/monitor.page.ts';
import { AppShell } from './pages/shell.page.ts';
import {
  DEMO_PASSWORD,
  demoEmail,
  launchBrowser,
  newContext,
  PHONE,
  ROOT,
  screenshot,
} from './support/browser.ts';

// Journey 3: a monitor opens the monitor, sees the November 2020 wave on the timeline and the map,
// writes and publishes the brief, and the public Atom feed lists it.
describe('a monitor', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser.close());

  it('sees the November 2020 wave on the timeline and the map, publishes the brief, and the feed lists it', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await new LoginPage(page).goto().then((l) => l.signIn(demoEmail('monitor'), DEMO_PASSWORD));
    const shell = new AppShell(page);
    await shell.title();
    expect(await shell.open('Monitor')).toBe('Monitor');
    const monitor = new MonitorPageModel(page);

    const bands = await monitor.timelineWaves();
    expect(bands.some((b) => /November 2020/.test(b))).toBe(true);
    const waves = await monitor.waves();
    const n = waves.findIndex((w) => /November 2020/.test(w));
    expect(n).toBeGreaterThanOrEqual(0);
    await monitor.showWave(n);
    const places = await monitor.mapWavePlaces();
    expect(places).toEqual(expect.arrayContaining(['Almaty']));
    expect(places.length).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'monitor');

    await monitor.writeBrief(n);
    expect(await monitor.previewText()).toContain('2020');
    expect(await monitor.publish()).toContain('Atom feed');
    await page
      .getByTestId('brief-preview')
      .screenshot({ path: join(ROOT, 'test-artifacts', 'screenshots', 'monitor-brief.png') });

    const href = await monitor.feedHref();
    expect(href).toBe('/api/v1/feed.atom');
    // The feed is public: a fresh browser without a session reads it.
    const anonymous = await newContext(browser);
    const feed = await anonymous.request.get(href ?? '');
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toContain('application/atom+xml');
    const xml = await feed.text();
    expect(xml).toMatch(/<entry>[\s\S]*urn:civicledger:brief:brf_/);
    await anonymous.close();

    // Search narrows the table to November 2020.
    await monitor.search({ from: '2020-11-01', to: '2020-11-30' });
    await page.getByText(/incidents match/).waitFor();
    const rows = await monitor.incidentRows();
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((r) => r.includes('November 2020'))).toBe(true);
    await context.close();
  });

  it('says what was searched when nothing matches, and removing a filter brings the incidents back', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await new LoginPage(page).goto().then((l) => l.signIn(demoEmail('monitor'), DEMO_PASSWORD));
    await new AppShell(page).title();
    await page.goto('/monitor');
    const monitor = new MonitorPageModel(page);
    await monitor.search({ q: 'zzqxv', action: 'fine' });
    const empty = page.getByTestId('no-match');
    await empty.waitFor();
    const text = await empty.innerText();
    expect(text).toContain('«zzqxv»');
    expect(text).toContain('«fine»');
    expect(text).not.toMatch(/nothing here yet/i);
    await page.getByTestId('remove-filter-q').click();
    expect((await monitor.incidentRows()).length).toBeGreaterThan(0);
    await context.close();
  });

  it('works on a phone width', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await new LoginPage(page).goto().then((l) => l.signIn(demoEmail('monitor'), DEMO_PASSWORD));
    await new AppShell(page).title();
    await page.goto('/monitor');
    const monitor = new MonitorPageModel(page);
    expect((await monitor.timelineWaves()).length).toBeGreaterThan(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(page, 'monitor-phone');
    await context.close();
  });
});

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureBrief } from './brief-fixture.ts';
import { renderBriefHtml } from './render-brief-html.ts';

// Real parts: the HTML brief written to a file and opened in a real headless Chromium, offline.
const root = new URL('../../../../', import.meta.url).pathname;
const artifacts = join(root, 'test-artifacts');

describe('an HTML brief in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
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
  });
  afterAll(async () => browser?.close());

  it.each(['en', 'ru', 'kk'] as const)(
    'shows the timeline chart and the map (%s), with no network request',
    async (lang) => {
      const dir = mkdtempSync(join(tmpdir(), 'civic-brief-html-'));
      const file = join(dir, `brief-${lang}.html`);
      writeFileSync(file, renderBriefHtml(fixtureBrief(lang)));
      const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
      const requests: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('file:')) requests.push(r.url());
      });
      await page.goto(`file://${file}`);
      for (const selector of ['svg.brief-timeline', 'svg.brief-map']) {
        const svg = page.locator(selector);
        await expect.poll(() => svg.isVisible()).toBe(true);
        const box = await svg.boundingBox();
        expect(box?.width ?? 0).toBeGreaterThan(400);
        expect(box?.height ?? 0).toBeGreaterThan(150);
      }
      expect(await page.locator('svg.brief-map polygon').count()).toBe(1);
      expect(await page.locator('svg.brief-map circle').count()).toBe(3);
      expect(await page.locator('svg.brief-timeline rect').count()).toBeGreaterThan(8);
      const outline = await page.locator('svg.brief-map polygon').boundingBox();
      expect(outline?.width ?? 0).toBeGreaterThan(400);
      expect(await page.locator('h1').textContent()).toContain(
        { en: 'Coordinated wave', ru: 'Скоординированная волна', kk: 'Үйлестірілген толқын' }[lang],
      );
      mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: join(artifacts, `wave-brief-${lang}.png`), fullPage: true });
      expect(requests).toEqual([]);
      await page.close();
    },
  );
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  closeContext,
  createOrganisation,
  createUser,
  grantMembership,
  openContext,
  systemActor,
  type AppContext,
} from '@civic/app';
import { buildServer } from '@civic/server';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginPage } from './pages/login.page.ts';
import { AppShell } from './pages/shell.page.ts';
import { launchBrowser, LAPTOP, ROOT, screenshot } from './support/browser.ts';

// "Safe when the office is raided" in the browser (issue 15): the account page's list of sessions
// (end another one: it is signed out) and «Lock now» (asked twice, then every page is the locked
// page, in Russian and in Kazakh). Locking ends every session of the server it runs on, so this
// journey runs its OWN server (the same build, over a database of its own): the shared server of the
// other journeys is never locked. Real parts: Fastify listening on a port, SQLite, Chromium.
const PASSWORD = 'raid-safety-2021';
const RU = 'director@raid.test';
const KK = 'direktor@raid.test';

describe('raid safety: sessions and lock now', () => {
  let dir: string;
  let ctx: AppContext;
  let app: FastifyInstance;
  let baseURL: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  const browse = async (locale: 'ru-RU' | 'kk-KZ', userAgent?: string): Promise<BrowserContext> => {
    const c = await browser.newContext({
      baseURL,
      viewport: LAPTOP,
      locale,
      ...(userAgent ? { userAgent } : {}),
    });
    contexts.push(c);
    return c;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'civic-raid-e2e-'));
    ctx = await openContext(join(dir, 'raid.db'), { env: {} });
    const actor = systemActor('e2e-setup');
    const org = await createOrganisation(ctx, { name: 'ОФ «Тұлпар»', bin: '100140000013' });
    if (!org.ok) throw new Error(org.error.message);
    for (const [email, locale] of [
      [RU, 'ru'],
      [KK, 'kk'],
    ] as const) {
      const u = await createUser(ctx, actor, {
        email,
        name: email,
        password: PASSWORD,
        locale,
        instanceAdmin: true,
      });
      if (!u.ok) throw new Error(u.error.message);
      const m = await grantMembership(ctx, actor, { organisationId: org.value.id, email, role: 'admin' });
      if (!m.ok) throw new Error(m.error.message);
    }
    app = await buildServer(ctx, {
      webRoot: join(ROOT, 'packages/web/dist'),
      lockPollMs: 500,
      loginRateLimit: { max: 100, maxPerAddress: 500, windowMs: 60_000 },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('server has no port');
    baseURL = `http://127.0.0.1:${address.port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await app?.close();
    await closeContext(ctx).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the sessions on the account page; ending the other one signs that browser out', async () => {
    const office = await browse('ru-RU');
    const laptop = await browse(
      'ru-RU',
      'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
    );
    const here = await office.newPage();
    const there = await laptop.newPage();
    await new LoginPage(there).goto().then((l) => l.signIn(RU, PASSWORD));
    await new AppShell(there).title();
    await new LoginPage(here).goto().then((l) => l.signIn(RU, PASSWORD));
    const shell = new AppShell(here);
    await shell.title();
    await here.goto('/account');
    const sessions = here.getByTestId('my-sessions');
    await sessions.getByRole('heading', { name: 'Ваши сеансы' }).waitFor();
    const rows = sessions.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    const current = rows.filter({ hasText: '(этот)' });
    expect(await current.count()).toBe(1);
    const other = rows.filter({ hasText: 'Firefox' });
    expect(await other.count()).toBe(1);
    await screenshot(here, 'raid-sessions-ru');

    await other.getByRole('button', { name: 'Завершить' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('(этот)');
    // The other browser is signed out: its next page is the sign-in page.
    await there.goto('/account');
    await there.waitForURL('**/login?next=*');

    // The same list in Kazakh, for the Kazakh-speaking director.
    const kk = await (await browse('kk-KZ')).newPage();
    await new LoginPage(kk).goto().then((l) => l.signIn(KK, PASSWORD));
    await new AppShell(kk).title();
    await kk.goto('/account');
    await kk.getByTestId('my-sessions').getByRole('heading', { name: 'Сіздің сеанстарыңыз' }).waitFor();
    await kk.getByTestId('lock-panel').waitFor();
    await screenshot(kk, 'raid-sessions-kk');
  });

  it('«Lock now» asks first, then every page is the locked page, in Russian and Kazakh', async () => {
    const page = await (await browse('ru-RU')).newPage();
    await new LoginPage(page).goto().then((l) => l.signIn(RU, PASSWORD));
    await new AppShell(page).title();
    await page.goto('/account');
    const panel = page.getByTestId('lock-panel');
    await panel.getByRole('button', { name: 'Заблокировать сейчас' }).click();
    const confirm = panel.getByRole('alertdialog');
    expect(await confirm.innerText()).toContain('Заблокировать CivicLedger сейчас?');
    await screenshot(page, 'raid-lock-confirm-ru');
    // Cancel first: nothing happens.
    await confirm.getByRole('button', { name: 'Отмена' }).click();
    expect(await confirm.count()).toBe(0);
    await panel.getByRole('button', { name: 'Заблокировать сейчас' }).click();
    await panel.getByRole('alertdialog').getByRole('button', { name: 'Да, заблокировать' }).click();
    // The page reloads onto the locked page.
    await page.getByRole('heading', { name: 'CivicLedger заблокирован' }).waitFor();
    expect(await page.locator('body').innerText()).toContain('Ничего не удалено');
    await screenshot(page, 'raid-locked-ru');
    for (const path of ['/', '/login', '/account', '/orgs/x/ledger', '/monitor']) {
      const res = await page.goto(path);
      expect([path, res?.status()]).toEqual([path, 503]);
      expect(await page.locator('h1').innerText()).toBe('CivicLedger заблокирован');
    }
    // Every other browser too, in its own language; the API answers INSTANCE_LOCKED.
    const kk = await (await browse('kk-KZ')).newPage();
    await kk.goto('/account');
    expect(await kk.locator('h1').innerText()).toBe('CivicLedger бұғатталды');
    await screenshot(kk, 'raid-locked-kk');
    const api = await kk.request.get('/api/v1/health');
    expect(api.status()).toBe(503);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('INSTANCE_LOCKED');
  });
});

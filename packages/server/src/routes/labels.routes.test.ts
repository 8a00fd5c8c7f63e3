import { DEMO_PASSWORD, freshContext, organisations, seedDemo, testDialects } from '@civic/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build1CStatement } from '../../../../e2e/support/statements.ts';
import { buildServer } from '../build-server.ts';
import { clientFor, cookiesOf, type TestClient } from '../http-test-kit.ts';

// Codes travel with words in the request's language (issue #11): finding and lint messages, the
// incidents' actions and legal bases, the waves' categories and the audit trail's actions.
// Real parts: Fastify through inject(), the demo seed (the 2020–21 cases, filings and incidents),
// the kz rule pack, both dialects.
const ISO_DATE = /\d{4}-\d{2}-\d{2}/;
const ENGLISH_WORD = /\b(?:the|of|on|is|was|not|and|from|before|period|expired|limitation)\b/i;

for (const dialect of testDialects()) {
  describe(`labels and messages in the request's language on ${dialect}`, () => {
    let ctx: Awaited<ReturnType<typeof freshContext>>;
    let app: Awaited<ReturnType<typeof buildServer>>;
    const as: Record<string, TestClient> = {};
    let echo = '';
    beforeAll(async () => {
      ctx = await freshContext(dialect);
      await seedDemo(ctx);
      app = await buildServer(ctx);
      echo = (await organisations(ctx)).find((o) => o.name === 'Echo')?.id ?? '';
      for (const role of ['admin', 'lawyer', 'monitor', 'accountant']) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/session',
          payload: { email: `${role}@demo.civicledger.org`, password: DEMO_PASSWORD },
        });
        const cookies = cookiesOf(res);
        as[role] = clientFor(app, '', role, cookies, cookies['civic_csrf'] ?? '');
      }
    });
    afterAll(async () => {
      await app.close();
      await ctx.close();
    });
    const who = (role: string): TestClient => {
      const c = as[role];
      if (!c) throw new Error(role);
      return c;
    };
    const get = async (role: string, url: string, lang: string) =>
      (await who(role).request('GET', url, undefined, { 'accept-language': lang })).json() as unknown;

    it('gives every finding of a case check its message in Russian and Kazakh, English kept as the check wrote it', async () => {
      const { cases } = (await get('lawyer', `/api/v1/orgs/${echo}/cases`, 'ru')) as {
        cases: { id: string }[];
      };
      const url = `/api/v1/orgs/${echo}/cases/${cases[0]?.id ?? ''}/check?asOf=2021-02-01`;
      type Check = { findings: { code: string; message: string }[] };
      const en = (await get('lawyer', url, 'en')) as Check;
      const expired = en.findings.find((f) => f.code === 'LIMITATION_EXPIRED');
      expect(expired?.message).toMatch(/limitation period/i);
      for (const lang of ['ru', 'kk']) {
        const check = (await get('lawyer', url, lang)) as Check;
        expect(check.findings.length).toBe(en.findings.length);
        for (const f of check.findings) {
          expect(f.message, `${lang} ${f.code}`).not.toMatch(ISO_DATE);
          expect(f.message, `${lang} ${f.code}`).not.toMatch(ENGLISH_WORD);
        }
        const message = check.findings.find((f) => f.code === 'LIMITATION_EXPIRED')?.message ?? '';
        expect(message).toMatch(
          lang === 'ru'
            ? /Срок давности .* истёк \d+ \p{L}+ \d{4} г\./u
            : /Ескіру мерзімі .* \d{4} жылғы \d+ \p{L}+ өтті/u,
        );
      }
    });

    it('says what each case deadline is in the request\u2019s language', async () => {
      type Deadlines = { deadlines: { kind: string; summary: string }[] };
      const url = `/api/v1/deadlines?all=true&asOf=2020-12-01`;
      const en = (await get('lawyer', url, 'en')) as Deadlines;
      expect(en.deadlines.length).toBeGreaterThan(0);
      for (const lang of ['ru', 'kk']) {
        const d = (await get('lawyer', url, lang)) as Deadlines;
        expect(d.deadlines.map((x) => x.kind)).toEqual(en.deadlines.map((x) => x.kind));
        for (const x of d.deadlines) {
          expect(x.summary, `${lang} ${x.kind}`).not.toMatch(ISO_DATE);
          expect(x.summary, `${lang} ${x.kind}`).not.toMatch(ENGLISH_WORD);
        }
      }
    });

    it('gives every lint problem its message in the request\u2019s language', async () => {
      const { filings } = (await get('accountant', `/api/v1/orgs/${echo}/filings`, 'ru')) as {
        filings: { id: string }[];
      };
      type Lint = { problems: { code: string; message: string; label: string }[] };
      let seen = 0;
      for (const f of filings) {
        const url = `/api/v1/orgs/${echo}/filings/${f.id}/lint?asOf=2030-01-01`;
        const en = (await get('accountant', url, 'en')) as Lint;
        for (const lang of ['ru', 'kk']) {
          const lint = (await get('accountant', url, lang)) as Lint;
          expect(lint.problems.map((p) => p.code)).toEqual(en.problems.map((p) => p.code));
          for (const p of lint.problems) {
            seen += 1;
            expect(p.message, `${lang} ${p.code}`).not.toBe(
              en.problems.find((e) => e.code === p.code)?.message,
            );
            expect(p.message, `${lang} ${p.code}`).not.toMatch(ISO_DATE);
            expect(p.message, `${lang} ${p.code}`).not.toMatch(ENGLISH_WORD);
          }
        }
      }
      expect(seen).toBeGreaterThan(0);
    });

    it('labels the incidents\u2019 actions and legal bases, and the waves\u2019 categories', async () => {
      type Page = {
        incidents: {
          action: string;
          actionLabel: string;
          legalBasis: string | null;
          legalBasisLabel: string | null;
        }[];
      };
      const ru = (await get('monitor', '/api/v1/incidents?limit=200', 'ru')) as Page;
      const kk = (await get('monitor', '/api/v1/incidents?limit=200', 'kk')) as Page;
      expect(ru.incidents.length).toBeGreaterThan(0);
      expect(ru.incidents.find((i) => i.action === 'fine')?.actionLabel).toBe('штраф');
      expect(kk.incidents.find((i) => i.action === 'fine')?.actionLabel).toBe('айыппұл');
      const coao = ru.incidents.find((i) => /460-1/.test(i.legalBasis ?? ''));
      expect(coao?.legalBasisLabel).toBe('ст. 460-1 КоАП РК');
      expect(kk.incidents.find((i) => /460-1/.test(i.legalBasis ?? ''))?.legalBasisLabel).toBe(
        'ӘҚБтК 460-1-бабы',
      );
      for (const i of ru.incidents) expect(i.actionLabel).not.toMatch(/[A-Za-z]/);
      type Waves = { waves: { category: string; categoryLabel: string; actionLabels: string[] }[] };
      const waves = (await get('monitor', '/api/v1/waves?replications=99&seed=1', 'kk')) as Waves;
      expect(waves.waves.length).toBeGreaterThan(0);
      for (const w of waves.waves) {
        expect(w.categoryLabel.replace(/\d/g, ''), w.category).not.toMatch(/[A-Za-z]/);
        for (const a of w.actionLabels) expect(a).not.toMatch(/[A-Za-z]/);
      }
    });

    it('gives a bad uploaded file\u2019s detail in the request\u2019s language, with its facts as params', async () => {
      const bad = build1CStatement({
        account: 'KZ926010131000012345',
        holder: 'ОФ «Эхо»',
        holderBin: '070940000014',
        from: '01.03.2021',
        to: '31.03.2021',
        opening: '0.00',
        incoming: {
          number: '9',
          date: '10.03.2021',
          amount: '1000000.00',
          payer: 'Фонд',
          payerAccount: 'DE89370400440532013000',
          payerSector: '21',
          purpose: 'Грант',
        },
      }).replace(/Сумма=1000000\.00/, 'Сумма=1000000.00.5');
      const line = bad.split(/\r?\n/).findIndex((l) => l.startsWith('Сумма=1000000.00.5')) + 1;
      type Failure = {
        error: { code: string; message: string; detail?: string; detailParams?: Record<string, unknown> };
      };
      const send = async (lang: string) =>
        (
          await who('accountant').request(
            'POST',
            `/api/v1/orgs/${echo}/ledger/imports?fileName=bad.txt`,
            Buffer.from(bad, 'utf8'),
            { 'content-type': 'application/octet-stream', 'accept-language': lang },
          )
        ).json() as Failure;
      const en = await send('en');
      expect(en.error.detail).toContain('1000000.00.5');
      const ru = await send('ru');
      const kk = await send('kk');
      expect(ru.error.code).toBe(en.error.code);
      expect(ru.error.detailParams).toMatchObject({ line, value: '1000000.00.5' });
      expect(ru.error.detail).toContain(`строка ${line}`.replace(/^с/, 'С'));
      expect(ru.error.detail).toContain('значение «1000000.00.5»');
      expect(kk.error.detail).toContain(`${line}-жол`);
      expect(kk.error.detail).toContain('«1000000.00.5» мәні');
      for (const d of [ru.error.detail ?? '', kk.error.detail ?? ''])
        expect(d.replace(/«[^»]*»/g, '')).not.toMatch(/[A-Za-z]/);
    });

    it('labels the audit trail\u2019s actions and records', async () => {
      type Trail = {
        entries: {
          action: string;
          entity: string;
          actionLabel: string;
          entityLabel: string;
          actor: { userId: string | null; label: string };
        }[];
      };
      const ru = (await get('admin', `/api/v1/orgs/${echo}/audit`, 'ru')) as Trail;
      const en = (await get('admin', `/api/v1/orgs/${echo}/audit`, 'en')) as Trail;
      expect(ru.entries.length).toBeGreaterThan(0);
      for (const e of ru.entries) {
        expect(e.actionLabel, e.action).not.toMatch(/[A-Za-z]/);
        expect(e.entityLabel, e.entity).not.toMatch(/[A-Za-z]/);
        if (e.actor.userId === null) expect(e.actor.label).not.toMatch(/[A-Za-z]/);
      }
      expect(ru.entries.some((e) => e.actor.userId === null)).toBe(true);
      expect(en.entries[0]?.actionLabel).toMatch(/[a-z]/);
    });
  });
}

import { DEMO_PASSWORD, freshContext, organisations, seedDemo, testDialects } from '@civic/app';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../build-server.ts';
import { clientFor, cookiesOf, type TestClient } from '../http-test-kit.ts';

// API tests for the cases routes on the demo data (the 2020–21 cases): happy path, bad input (400
// with code and field), no session (401), wrong role (403) or tenant (404).
// Real parts: Fastify through inject(), the demo seed, the rule pack, DOCX/PDF rendering, both dialects.
for (const dialect of testDialects()) {
  describe(`cases routes on ${dialect}`, () => {
    let ctx: Awaited<ReturnType<typeof freshContext>>;
    let app: Awaited<ReturnType<typeof buildServer>>;
    const as: Record<string, TestClient> = {};
    let echo = '';
    let kibhr = '';
    let echoCase = '';
    beforeAll(async () => {
      ctx = await freshContext(dialect);
      await seedDemo(ctx);
      app = await buildServer(ctx);
      const orgs = await organisations(ctx);
      echo = orgs.find((o) => o.name === 'Echo')?.id ?? '';
      kibhr = orgs.find((o) => o.name === 'Kazakhstan International Bureau for Human Rights')?.id ?? '';
      for (const role of ['lawyer', 'viewer', 'accountant', 'monitor']) {
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
    const code = (res: { statusCode: number; json(): unknown }) => [
      res.statusCode,
      (res.json() as { error?: { code: string; field?: string } }).error?.code,
    ];

    it('lists the cases of an organisation to its members only', async () => {
      const list = (await who('viewer').request('GET', `/api/v1/orgs/${echo}/cases`)).json() as {
        cases: { id: string; title: string }[];
      };
      expect(list.cases.map((c) => c.title)).toContain('Претензии органов госдоходов 2020–2021 (Echo)');
      echoCase =
        list.cases.find((c) => c.title === 'Претензии органов госдоходов 2020–2021 (Echo)')?.id ?? '';
      expect(code(await who('viewer').request('GET', `/api/v1/orgs/${kibhr}/cases`))).toEqual([
        404,
        'ORG_NOT_FOUND',
      ]);
      expect(code(await app.inject({ method: 'GET', url: `/api/v1/orgs/${echo}/cases` }))).toEqual([
        401,
        'AUTH_REQUIRED',
      ]);
      const across = (await who('lawyer').request('GET', '/api/v1/cases')).json() as {
        cases: { organisationId: string }[];
      };
      expect(new Set(across.cases.map((c) => c.organisationId)).size).toBe(4);
    });

    it('gives each action the kind of its authority and of its offender, with labels in the request’s language', async () => {
      const res = await who('viewer').request('GET', `/api/v1/orgs/${echo}/cases/${echoCase}`, undefined, {
        'accept-language': 'kk',
      });
      const actions = (
        res.json() as {
          actions: {
            authority: string | null;
            authorityType: string | null;
            authorityTypeLabel: string | null;
            offender: string | null;
            offenderLabel: string | null;
          }[];
        }
      ).actions;
      const named = actions.filter((a) => a.authority !== null);
      expect(named.length).toBeGreaterThan(0);
      // Every authority of the demo case is a state revenue office or a court, named as entered.
      for (const a of named) {
        expect(['tax-authority', 'court']).toContain(a.authorityType);
        expect(['мемлекеттік кірістер органдары', 'сот']).toContain(a.authorityTypeLabel);
      }
      expect(
        actions.filter((a) => a.offender === 'legal-entity').every((a) => a.offenderLabel === 'заңды тұлға'),
      ).toBe(true);
    });
    it('shows a case and its check with the limitation finding; another organisation\u2019s case is not found', async () => {
      const c = (await who('viewer').request('GET', `/api/v1/orgs/${echo}/cases/${echoCase}`)).json() as {
        actions: { kind: string }[];
      };
      expect(c.actions.map((a) => a.kind)).toContain('ruling');
      const check = (
        await who('viewer').request('GET', `/api/v1/orgs/${echo}/cases/${echoCase}/check?asOf=2021-02-01`)
      ).json() as { findings: { code: string; citation: string }[] };
      expect(check.findings.find((f) => f.code === 'LIMITATION_EXPIRED')?.citation).toMatch(/CoAO Art\. 62/);
      // Codes travel with a label in the request's language.
      for (const [lang, finding, kind] of [
        ['ru', 'Истёк срок давности', 'постановление по делу об административном правонарушении'],
        ['kk', 'Ескіру мерзімі өтті', 'әкімшілік құқық бұзушылық туралы іс бойынша қаулы'],
        ['en', 'Limitation period expired', 'ruling'],
      ] as const) {
        const labelled = (
          await who('viewer').request(
            'GET',
            `/api/v1/orgs/${echo}/cases/${echoCase}/check?asOf=2021-02-01`,
            undefined,
            { 'accept-language': lang },
          )
        ).json() as {
          findings: { code: string; label: string }[];
          actions: { kind: string; kindLabel: string }[];
        };
        expect(labelled.findings.find((f) => f.code === 'LIMITATION_EXPIRED')?.label).toBe(finding);
        expect(labelled.actions.find((a) => a.kind === 'ruling')?.kindLabel).toBe(kind);
      }
      expect(
        code(
          await who('viewer').request('GET', `/api/v1/orgs/${echo}/cases/${echoCase}/check?asOf=yesterday`),
        ),
      ).toEqual([400, 'REQUEST_INVALID']);
      expect(code(await who('lawyer').request('GET', `/api/v1/orgs/${kibhr}/cases/${echoCase}`))).toEqual([
        404,
        'CASE_NOT_FOUND',
      ]);
      expect(code(await who('monitor').request('GET', `/api/v1/orgs/${echo}/cases/${echoCase}`))).toEqual([
        404,
        'ORG_NOT_FOUND',
      ]);
    });

    it('drafts the objection for a lawyer (DOCX, PDF) and refuses a viewer', async () => {
      const docx = await who('lawyer').request(
        'GET',
        `/api/v1/orgs/${echo}/cases/${echoCase}/objection?lang=en&format=docx&asOf=2021-01-28&to=court`,
      );
      expect(docx.statusCode).toBe(200);
      const zip = await JSZip.loadAsync(docx.rawPayload);
      expect(await zip.file('word/document.xml')?.async('string')).toContain('Echo');
      const pdf = await who('lawyer').request(
        'GET',
        `/api/v1/orgs/${echo}/cases/${echoCase}/objection?lang=ru&format=pdf&asOf=2021-01-28`,
      );
      expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // Today the ruling has long been annulled (6 Apr 2021): there is nothing to complain of.
      expect(
        code(await who('lawyer').request('GET', `/api/v1/orgs/${echo}/cases/${echoCase}/objection?lang=ru`)),
      ).toEqual([409, 'OBJECTION_NOTHING_TO_ANNUL']);
      expect(
        code(
          await who('lawyer').request('GET', `/api/v1/orgs/${echo}/cases/${echoCase}/objection?format=odt`),
        ),
      ).toEqual([400, 'REQUEST_INVALID']);
      expect(
        code(await who('viewer').request('GET', `/api/v1/orgs/${echo}/cases/${echoCase}/objection`)),
      ).toEqual([403, 'AUTH_FORBIDDEN']);
    });

    it('lists deadlines across the organisations of the user, and as iCalendar', async () => {
      const d = (await who('lawyer').request('GET', '/api/v1/deadlines?all=true')).json() as {
        deadlines: { organisationId: string }[];
      };
      expect(d.deadlines.length).toBeGreaterThan(0);
      const mine = new Set([echo, kibhr]);
      expect(d.deadlines.some((x) => mine.has(x.organisationId))).toBe(true);
      const viewer = (await who('viewer').request('GET', '/api/v1/deadlines?all=true')).json() as {
        deadlines: { organisationId: string }[];
      };
      expect(viewer.deadlines.every((x) => x.organisationId === echo)).toBe(true);
      expect(code(await who('viewer').request('GET', `/api/v1/deadlines?orgId=${kibhr}`))).toEqual([
        404,
        'ORG_NOT_FOUND',
      ]);
      const ics = await who('lawyer').request('GET', '/api/v1/deadlines.ics?all=true');
      expect(ics.body.startsWith('BEGIN:VCALENDAR')).toBe(true);
      expect(code(await app.inject({ method: 'GET', url: '/api/v1/deadlines' }))).toEqual([
        401,
        'AUTH_REQUIRED',
      ]);
    });
  });
}

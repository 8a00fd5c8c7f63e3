import { createHash } from 'node:crypto';
import { testDialects } from '@civic/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testWorld, type TestClient, type TestWorld } from '../http-test-kit.ts';

// API tests for the routes that change cases (issue 13): open a case, add each kind of action (the
// case file's validation: dates in a plausible order, a court decision's outcome), attach a document
// (stored encrypted with its sha256, listed with the action), each audited with before/after.
// Real parts: Fastify through inject(), the kz rule pack, argon2id, a SQLite file and PostgreSQL.
for (const dialect of testDialects()) {
  describe(`case changes on ${dialect}`, () => {
    let w: TestWorld;
    let org = '';
    let other = '';
    const as: Record<'lawyer' | 'viewer' | 'outsider' | 'admin', TestClient> = {} as never;
    beforeAll(async () => {
      w = await testWorld(dialect);
      org = await w.org('Case Org');
      other = await w.org('Other Org');
      const ids = {
        lawyer: await w.user('lawyer@case.test', { [org]: 'lawyer' }),
        viewer: await w.user('viewer@case.test', { [org]: 'viewer' }),
        outsider: await w.user('outsider@case.test', { [other]: 'admin' }),
        admin: await w.user('admin@case.test', { [org]: 'admin' }),
      };
      for (const k of ['lawyer', 'viewer', 'outsider', 'admin'] as const) as[k] = await w.client(ids[k], k);
    });
    afterAll(async () => w.close());
    const err = (res: { statusCode: number; json(): unknown }) => [
      res.statusCode,
      (res.json() as { error?: { code: string; field?: string } }).error?.code,
      (res.json() as { error?: { field?: string } }).error?.field,
    ];

    it('opens a case with a protocol, adds a ruling, a payment and a court decision that changed the fine, and attaches a document', async () => {
      const created = await as.lawyer.request('POST', `/api/v1/orgs/${org}/cases`, {
        title: 'Tax notice 2020',
        pack: 'kz',
        openedOn: '2020-11-20',
        actions: [
          {
            kind: 'protocol',
            authority: 'State Revenue Department',
            servedOn: '2020-12-10',
            article: '460-1',
            offence: { committedOn: '2020-01-15', alleges: 'late' },
          },
        ],
      });
      expect(created.statusCode, created.body).toBe(201);
      const c = created.json() as { id: string; actions: { id: string; kind: string }[] };
      expect(c.actions.map((a) => a.kind)).toEqual(['protocol']);
      const base = `/api/v1/orgs/${org}/cases/${c.id}`;

      const ruling = await as.lawyer.request('POST', `${base}/actions`, {
        kind: 'ruling',
        rulingOn: '2021-01-15',
        article: '460-1',
        penalty: { mci: 100, amount: '291700' },
        offence: { committedOn: '2020-01-15' },
      });
      expect(ruling.statusCode, ruling.body).toBe(201);
      expect(ruling.json()).toMatchObject({
        kind: 'ruling',
        rulingOn: '2021-01-15',
        penalty: { mci: 100, amount: '291700', currency: 'KZT' },
        documents: [],
      });
      const payment = await as.lawyer.request('POST', `${base}/actions`, {
        kind: 'payment',
        servedOn: '2021-02-01',
        penalty: { amount: '291700' },
      });
      expect(payment.statusCode, payment.body).toBe(201);
      const decision = await as.lawyer.request('POST', `${base}/actions`, {
        kind: 'court-decision',
        hearingOn: '2021-04-05',
        rulingOn: '2021-04-05',
        outcome: 'changed',
        penalty: { amount: '100000' },
      });
      expect(decision.statusCode, decision.body).toBe(201);
      expect(decision.json()).toMatchObject({ outcome: 'changed', penalty: { amount: '100000' } });

      const bytes = Buffer.from('%PDF-1.4 the ruling, scanned\n');
      const rulingId = (ruling.json() as { id: string }).id;
      const doc = await as.lawyer.request(
        'POST',
        `${base}/actions/${rulingId}/documents?name=${encodeURIComponent('постановление.pdf')}`,
        bytes,
        { 'content-type': 'application/octet-stream' },
      );
      expect(doc.statusCode, doc.body).toBe(201);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      expect(doc.json()).toMatchObject({ sha256, size: bytes.length });

      const shown = (await as.viewer.request('GET', base)).json() as {
        actions: { kind: string; documents: { name: string; sha256: string }[] }[];
      };
      expect(shown.actions.map((a) => a.kind)).toEqual(['protocol', 'ruling', 'payment', 'court-decision']);
      expect(shown.actions[1]?.documents).toEqual([
        expect.objectContaining({ name: 'постановление.pdf', sha256 }),
      ]);
      const audit = (await as.admin.request('GET', `/api/v1/orgs/${org}/audit?entityId=${c.id}`)).json() as {
        entries: { action: string; before: { actions: unknown[] } | null; after: { actions: unknown[] } }[];
      };
      const adds = audit.entries.filter((e) => e.action === 'add-action');
      expect(adds).toHaveLength(3);
      expect(adds.map((e) => [e.before?.actions.length, e.after.actions.length]).sort()).toEqual([
        [1, 2],
        [2, 3],
        [3, 4],
      ]);
      expect(audit.entries.some((e) => e.action === 'create' && e.before === null)).toBe(true);
    });

    it('refuses what the case file refuses, naming the field', async () => {
      const c = (
        await as.lawyer.request('POST', `/api/v1/orgs/${org}/cases`, { title: 'Second', pack: 'kz' })
      ).json() as { id: string };
      const actions = `/api/v1/orgs/${org}/cases/${c.id}/actions`;
      expect(
        err(
          await as.lawyer.request('POST', actions, {
            kind: 'ruling',
            rulingOn: '2020-01-10',
            offence: { committedOn: '2020-03-01' },
          }),
        ),
      ).toEqual([400, 'CASE_FIELD_INVALID', 'rulingOn']);
      expect(
        err(await as.lawyer.request('POST', actions, { kind: 'ruling', rulingOn: '2021-02-30' })),
      ).toEqual([400, 'CASE_FIELD_INVALID', 'rulingOn']);
      expect(err(await as.lawyer.request('POST', actions, { kind: 'court-decision' }))).toEqual([
        400,
        'CASE_FIELD_REQUIRED',
        'outcome',
      ]);
      expect(
        err(await as.lawyer.request('POST', actions, { kind: 'court-decision', outcome: 'maybe' })),
      ).toEqual([400, 'CASE_FIELD_INVALID', 'outcome']);
      expect(err(await as.lawyer.request('POST', actions, { kind: 'arrest' }))).toEqual([
        400,
        'CASE_FIELD_INVALID',
        'kind',
      ]);
      expect(
        err(await as.lawyer.request('POST', `/api/v1/orgs/${org}/cases`, { title: ' ', pack: 'kz' })),
      ).toEqual([400, 'CASE_FIELD_INVALID', 'title']);
      expect(
        err(await as.lawyer.request('POST', `/api/v1/orgs/${org}/cases`, { title: 'X', pack: 'nowhere' })),
      ).toEqual([400, 'CASE_PACK_UNKNOWN', 'pack']);
      // Nothing half-written: the case still has no action.
      const shown = (await as.lawyer.request('GET', `/api/v1/orgs/${org}/cases/${c.id}`)).json() as {
        actions: unknown[];
      };
      expect(shown.actions).toEqual([]);
    });

    it('takes null for a field left empty (a form\u2019s blank date or amount), as the case file does', async () => {
      const created = await as.lawyer.request('POST', `/api/v1/orgs/${org}/cases`, {
        title: 'Blank fields',
        pack: 'kz',
        openedOn: null,
        notes: null,
      });
      expect(created.statusCode, created.body).toBe(201);
      const { id } = created.json() as { id: string };
      const added = await as.lawyer.request('POST', `/api/v1/orgs/${org}/cases/${id}/actions`, {
        kind: 'ruling',
        rulingOn: '2021-01-15',
        servedOn: null,
        authority: null,
        penalty: { mci: 100, amount: null, suspensionMonths: null },
        offence: { committedOn: null },
      });
      expect(added.statusCode, added.body).toBe(201);
      expect(added.json()).toMatchObject({ servedOn: null, penalty: { mci: 100, amount: null } });
    });

    it('answers 401 without a session, 403 to a viewer and 404 to another organisation', async () => {
      const body = { title: 'Nope', pack: 'kz' };
      expect(err(await w.anonymous.request('POST', `/api/v1/orgs/${org}/cases`, body))[0]).toBe(401);
      expect(err(await as.viewer.request('POST', `/api/v1/orgs/${org}/cases`, body))).toEqual([
        403,
        'AUTH_FORBIDDEN',
        undefined,
      ]);
      expect(err(await as.outsider.request('POST', `/api/v1/orgs/${org}/cases`, body))[1]).toBe(
        'ORG_NOT_FOUND',
      );
      const theirs = (
        await as.outsider.request('POST', `/api/v1/orgs/${other}/cases`, { title: 'Theirs', pack: 'kz' })
      ).json() as { id: string };
      expect(
        err(
          await as.lawyer.request('POST', `/api/v1/orgs/${org}/cases/${theirs.id}/actions`, {
            kind: 'notice',
          }),
        ),
      ).toEqual([404, 'CASE_NOT_FOUND', 'caseId']);
      const mine = (
        await as.lawyer.request('POST', `/api/v1/orgs/${org}/cases`, { title: 'Mine', pack: 'kz' })
      ).json() as { id: string };
      expect(
        err(
          await as.lawyer.request(
            'POST',
            `/api/v1/orgs/${org}/cases/${mine.id}/actions/act_none/documents?name=x.pdf`,
            Buffer.from('x'),
            { 'content-type': 'application/octet-stream' },
          ),
        ),
      ).toEqual([404, 'CASE_ACTION_NOT_FOUND', 'actionId']);
    });
  });
}

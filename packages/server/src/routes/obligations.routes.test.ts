import { testDialects } from '@civic/app';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build1CStatement } from '../../../../e2e/support/statements.ts';
import { testWorld, type TestClient, type TestWorld } from '../http-test-kit.ts';

// The obligations list as the web app reads it: pages, status and due-day filters, counts, the
// iCalendar download, and a cached answer that follows every change to the ledger.
// Real parts: Fastify through inject(), the real 1C reader, a SQLite file and a PostgreSQL database.
const incoming = (number: string, date: string) => ({
  number,
  date,
  amount: '1000000.00',
  payer: 'Open Door Fund (Germany)',
  payerAccount: 'DE89370400440532013000',
  payerSector: '21',
  purpose: `Grant tranche ${number}`,
});
const statement = (number: string, date: string) =>
  build1CStatement({
    account: 'KZ716010131000012345',
    holder: 'ОФ «Гамма»',
    holderBin: '070940000014',
    from: '01.01.2021',
    to: '31.12.2021',
    opening: '0.00',
    incoming: incoming(number, date),
  });

interface Obligation {
  id: string;
  title: string;
  form: string;
  period: { from: string; to: string; label: string };
  dueOn: string;
  status: string;
  filingId: string | null;
}
interface ObligationPage {
  asOf: string;
  obligations: Obligation[];
  total: number;
  counts: Record<string, number>;
}

for (const dialect of testDialects()) {
  describe(`obligations route on ${dialect}`, () => {
    let w: TestWorld;
    let org = '';
    let accountant: TestClient;
    let viewer: TestClient;
    let monitor: TestClient;
    const days = ['05.02.2021', '10.03.2021', '14.04.2021', '19.05.2021', '23.06.2021'];
    beforeAll(async () => {
      w = await testWorld(dialect);
      org = await w.org('Gamma Org');
      accountant = await w.client(await w.user('acc@g.test', { [org]: 'accountant' }), 'acc');
      viewer = await w.client(await w.user('view@g.test', { [org]: 'viewer' }), 'view');
      monitor = await w.client(await w.user('mon@g.test', { [org]: 'monitor' }), 'mon');
      for (const [i, day] of days.entries()) {
        const res = await accountant.request(
          'POST',
          `/api/v1/orgs/${org}/ledger/imports?fileName=s${i}.txt`,
          Buffer.from(statement(String(i + 1), day), 'utf8'),
          { 'content-type': 'application/octet-stream' },
        );
        expect(res.statusCode, res.body).toBe(200);
      }
      const candidates = (
        await viewer.request('GET', `/api/v1/orgs/${org}/ledger/candidates?status=proposed`)
      ).json() as { candidates: { id: string }[] };
      expect(candidates.candidates).toHaveLength(days.length);
      let sourceId = '';
      for (const c of candidates.candidates) {
        const body = sourceId
          ? { sourceId }
          : { newSource: { name: 'Open Door Fund', category: 'foreign-organisation', country: 'DE' } };
        const res = await accountant.request(
          'POST',
          `/api/v1/orgs/${org}/ledger/candidates/${c.id}/confirm`,
          body,
        );
        expect(res.statusCode, res.body).toBe(200);
        sourceId = (res.json() as { receipt: { sourceId: string } }).receipt.sourceId;
      }
    });
    afterAll(async () => w.close());

    const get = async (c: TestClient, query: string) => {
      const res = await c.request('GET', `/api/v1/orgs/${org}/obligations?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as ObligationPage;
    };
    const code = (res: { statusCode: number; json(): unknown }) => [
      res.statusCode,
      (res.json() as { error?: { code: string; field?: string } }).error,
    ];

    it('gives titles, period names and legal bases in the request’s language (from the pack)', async () => {
      const list = async (lang: string) => {
        const res = await viewer.request(
          'GET',
          `/api/v1/orgs/${org}/obligations?asOf=2021-07-01`,
          undefined,
          {
            'accept-language': lang,
          },
        );
        expect(res.statusCode, res.body).toBe(200);
        return (res.json() as { obligations: (Obligation & { legalBasis: string[] })[] }).obligations;
      };
      const [en, ru, kk] = [await list('en'), await list('ru'), await list('kk')];
      const notice = (l: typeof en) => l.find((o) => o.form === 'F.017.00');
      expect(notice(ru)?.title).toBe(
        'Уведомление о получении денег и (или) иного имущества от иностранных источников',
      );
      expect(notice(kk)?.title).toBe('Шетелдік көздерден ақша және (немесе) өзге мүлік алу туралы хабарлама');
      expect(notice(en)?.title).toMatch(/^Notification of a receipt/);
      expect(notice(ru)?.legalBasis.join(' ')).toMatch(/Налогового кодекса/);
      expect(notice(kk)?.legalBasis.join(' ')).toMatch(/Салық кодексі/);
      const report = (l: typeof en) => l.find((o) => o.form === 'F.018.00');
      expect(report(ru)?.period.label).toMatch(/^\d (полугодие|квартал) 20\d\d г\.$|^20\d\d год$/);
      expect(report(kk)?.period.label).toMatch(/^20\d\d жыл/);
      for (const o of [...ru, ...kk]) {
        expect(o.title, o.title).not.toMatch(/[A-Za-z]{3,}/);
        expect(o.period.label).not.toMatch(/-(H|Q)\d/);
      }
      // Codes and dates do not change with the language.
      expect(ru.map((o) => [o.id, o.form, o.dueOn, o.status])).toEqual(
        en.map((o) => [o.id, o.form, o.dueOn, o.status]),
      );
    });

    it('pages through the list in due-day order, with the total and the count of each status', async () => {
      const all = await get(viewer, 'asOf=2021-07-01');
      const notifications = all.obligations.filter((o) => o.form === 'F.017.00');
      expect(notifications).toHaveLength(days.length);
      expect(all.total).toBe(all.obligations.length);
      expect(Object.values(all.counts).reduce((a, b) => a + b, 0)).toBe(all.total);
      expect(all.obligations.map((o) => o.dueOn)).toEqual([...all.obligations.map((o) => o.dueOn)].sort());
      const pages: Obligation[] = [];
      for (let offset = 0; offset < all.total; offset += 2) {
        const page = await get(viewer, `asOf=2021-07-01&limit=2&offset=${offset}`);
        expect(page.total).toBe(all.total);
        pages.push(...page.obligations);
      }
      expect(pages.map((o) => o.id)).toEqual(all.obligations.map((o) => o.id));
      expect((await get(viewer, `asOf=2021-07-01&limit=2&offset=${all.total}`)).obligations).toEqual([]);
    });

    it('keeps only the statuses and due days asked for', async () => {
      const all = await get(viewer, 'asOf=2021-07-01');
      const missedOrDue = await get(viewer, 'asOf=2021-07-01&status=missed,due');
      expect(missedOrDue.obligations.map((o) => o.id)).toEqual(
        all.obligations.filter((o) => o.status === 'missed' || o.status === 'due').map((o) => o.id),
      );
      expect(missedOrDue.total).toBe((all.counts['missed'] ?? 0) + (all.counts['due'] ?? 0));
      expect(missedOrDue.counts).toEqual(all.counts);
      const spring = await get(viewer, 'asOf=2021-07-01&dueFrom=2021-03-01&dueTo=2021-04-30');
      expect(spring.obligations.length).toBeGreaterThan(0);
      expect(spring.obligations.map((o) => o.id)).toEqual(
        all.obligations.filter((o) => o.dueOn >= '2021-03-01' && o.dueOn <= '2021-04-30').map((o) => o.id),
      );
    });

    it('answers from the records as they are now: a new filing changes the same question’s answer', async () => {
      const before = await get(viewer, 'asOf=2021-07-01');
      const target = before.obligations.find((o) => o.form === 'F.017.00' && o.filingId === null);
      expect(target).toBeDefined();
      const prepared = await accountant.request('POST', `/api/v1/orgs/${org}/filings`, {
        obligationId: target?.id,
      });
      expect(prepared.statusCode, prepared.body).toBe(201);
      const filing = prepared.json() as { id: string };
      const after = await get(viewer, 'asOf=2021-07-01');
      expect(after.obligations.find((o) => o.id === target?.id)?.filingId).toBe(filing.id);
      const submitted = await accountant.request(
        'POST',
        `/api/v1/orgs/${org}/filings/${filing.id}/submission`,
        { submittedOn: '2021-06-30', channel: 'egov', incomingNumber: 'G-1' },
      );
      expect(submitted.statusCode, submitted.body).toBe(200);
      const filed = await get(viewer, 'asOf=2021-07-01');
      expect(filed.obligations.find((o) => o.id === target?.id)?.status).toMatch(/^filed-/);
      expect((filed.counts['filed-on-time'] ?? 0) + (filed.counts['filed-late'] ?? 0)).toBe(
        (before.counts['filed-on-time'] ?? 0) + (before.counts['filed-late'] ?? 0) + 1,
      );
    });

    it('keeps exactly the rows of each status asked for, on days at the edges (due that day, filed that day)', async () => {
      const statuses = ['upcoming', 'due', 'filed-on-time', 'filed-late', 'missed'];
      const dues = (await get(viewer, 'asOf=2021-07-01')).obligations.map((o) => o.dueOn);
      const edges = dues.flatMap((d) => {
        const t = Date.parse(d);
        return [-10, -1, 0, 1].map((n) => new Date(t + n * 86_400_000).toISOString().slice(0, 10));
      });
      for (const asOf of [...new Set([...edges, '2021-06-30', '2020-12-31'])].sort()) {
        const all = await get(viewer, `asOf=${asOf}`);
        for (const kept of [...statuses.map((s) => [s]), ['missed', 'due'], ['upcoming', 'filed-on-time']]) {
          const want = all.obligations.filter((o) => kept.includes(o.status)).map((o) => o.id);
          const got = await get(viewer, `asOf=${asOf}&status=${kept.join(',')}`);
          expect(
            got.obligations.map((o) => o.id),
            `${asOf} ${kept.join(',')}`,
          ).toEqual(want);
          expect(got.total).toBe(want.length);
          const page = await get(viewer, `asOf=${asOf}&status=${kept.join(',')}&limit=1&offset=1`);
          expect(page.obligations.map((o) => o.id)).toEqual(want.slice(1, 2));
        }
      }
    });

    it('gives a calendar month in few fields, and a report’s receipts as the first ones with their count', async () => {
      const full = await get(viewer, 'asOf=2021-07-01&dueFrom=2021-03-01&dueTo=2021-06-30');
      const lean = await get(viewer, 'asOf=2021-07-01&dueFrom=2021-03-01&dueTo=2021-06-30&fields=calendar');
      expect(lean.obligations).toEqual(
        full.obligations.map((o) => ({
          id: o.id,
          title: o.title,
          form: o.form,
          period: o.period,
          dueOn: o.dueOn,
          status: o.status,
          filingId: o.filingId,
        })),
      );
      const all = (await viewer.request('GET', `/api/v1/orgs/${org}/obligations?asOf=2021-07-01`)).json() as {
        obligations: { form: string; receiptIds: string[]; receiptCount: number }[];
      };
      for (const o of all.obligations) expect(o.receiptIds.length).toBe(Math.min(o.receiptCount, 100));
      expect(
        all.obligations.filter((o) => o.form === 'F.018.00').reduce((n, o) => n + o.receiptCount, 0),
      ).toBe(days.length);
    });

    it('answers a page asked again (its body kept with the cached list) with the same bytes, in each view asked', async () => {
      const path = `/api/v1/orgs/${org}/obligations?asOf=2021-07-01&limit=4`;
      const body = async (query: string) => {
        const res = await viewer.request('GET', `${path}${query}`);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
        return res.body;
      };
      const full = await body('');
      const lean = await body('&fields=calendar');
      expect(lean).not.toBe(full);
      // Each view again, after the other, then a page of another length: each its own body.
      expect(await body('')).toBe(full);
      expect(await body('&fields=calendar')).toBe(lean);
      const page = JSON.parse(full) as ObligationPage;
      expect((JSON.parse(lean) as ObligationPage).obligations.map((o) => o.id)).toEqual(
        page.obligations.map((o) => o.id),
      );
      const shorter = JSON.parse(await body('&offset=1')) as ObligationPage;
      expect(shorter.obligations.map((o) => o.id)).toEqual(
        (await get(viewer, 'asOf=2021-07-01&limit=5')).obligations.slice(1).map((o) => o.id),
      );
    });

    it('gives the same obligations as an iCalendar file', async () => {
      const all = await get(viewer, 'asOf=2021-07-01&limit=1000');
      const res = await viewer.request('GET', `/api/v1/orgs/${org}/obligations.ics?asOf=2021-07-01`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/calendar/);
      const events = new ICAL.Component(ICAL.parse(res.body)).getAllSubcomponents('vevent');
      expect(events.map((e) => String(e.getFirstPropertyValue('dtstart'))).sort()).toEqual(
        all.obligations.map((o) => o.dueOn).sort(),
      );
    });

    it('refuses bad input (400 with the field), no session (401), a role without access (403)', async () => {
      expect(code(await viewer.request('GET', `/api/v1/orgs/${org}/obligations?status=late`))).toEqual([
        400,
        expect.objectContaining({ code: 'REQUEST_INVALID', field: 'status' }),
      ]);
      expect(code(await viewer.request('GET', `/api/v1/orgs/${org}/obligations?limit=0`))).toEqual([
        400,
        expect.objectContaining({ field: 'limit' }),
      ]);
      expect(code(await viewer.request('GET', `/api/v1/orgs/${org}/obligations?limit=5000`))).toEqual([
        400,
        expect.objectContaining({ field: 'limit' }),
      ]);
      expect(code(await viewer.request('GET', `/api/v1/orgs/${org}/obligations?offset=-1`))).toEqual([
        400,
        expect.objectContaining({ field: 'offset' }),
      ]);
      expect(code(await viewer.request('GET', `/api/v1/orgs/${org}/obligations?dueFrom=1.3.2021`))).toEqual([
        400,
        expect.objectContaining({ field: 'dueFrom' }),
      ]);
      expect(code(await viewer.request('GET', `/api/v1/orgs/${org}/obligations.ics?dueTo=x`))).toEqual([
        400,
        expect.objectContaining({ field: 'dueTo' }),
      ]);
      expect(code(await w.anonymous.request('GET', `/api/v1/orgs/${org}/obligations.ics`))[0]).toBe(401);
      expect(code(await monitor.request('GET', `/api/v1/orgs/${org}/obligations.ics`))[0]).toBe(403);
    });
  });
}

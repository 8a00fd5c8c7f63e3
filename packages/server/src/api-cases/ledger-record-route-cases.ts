// Coverage table, part 6: the ledger records (sources, grants, bank accounts, receipts, expenditures:
// create, read, change from a version, remove), one official rate by hand, and a user's "send what is
// queued". Each kind's five columns are covered by the table-driven tests in routes/routes.test.ts
// (one row per kind, run on both dialects), and send-queued by routes/notifications.routes.test.ts.
import { expect } from 'vitest';
import type { CoverageFixture } from './coverage-fixture.ts';
import {
  ANON,
  bad,
  forbidden,
  OUTSIDER,
  OWN_ACCOUNT,
  see,
  type Case,
  type CoverageTable,
  type RouteCases,
} from './route-cases.ts';

const anId = () => ({ id: 'rec_coverage' });
const withId = (c: Case): Case => ({ ...c, params: anId });
/** A viewer of Echo may read the ledger, not change it; a monitor of KIBHR may not even read it. */
const viewer = forbidden('viewer', { params: anId });
const monitorAtKibhr = forbidden('monitor', {
  params: (f: CoverageFixture) => ({ orgId: f.org.kibhr, id: 'rec_coverage' }),
});

const ROUTES = 'routes/routes.test.ts';
const TESTED = 'create, read, list, change from its version, refuse a stale one, remove; audited';
const record = (write: boolean): RouteCases => ({
  happy: see(ROUTES, TESTED),
  badInput: see(ROUTES, "bad input names the field, in the request's language"),
  noSession: withId(ANON),
  wrongRole: write ? viewer : monitorAtKibhr,
  otherTenant: withId(OUTSIDER),
});
/** A one-rate CSV (a day and currency no other row reads) as the raw request body. */
const ratesFile = (
  query = 'fileName=rates.csv',
  row = '2019-01-02,CHF,380.25,1',
): Pick<Case, 'query' | 'body' | 'headers'> => ({
  query,
  body: Buffer.from(`date,currency,rate,units\n${row}\n`, 'utf8'),
  headers: { 'content-type': 'application/octet-stream' },
});
const RATES = 'enters one official rate by hand; bad input, no session, wrong role, other tenant';

const rows: Record<string, RouteCases> = {};
for (const kind of ['sources', 'grants', 'accounts', 'receipts', 'expenditures']) {
  if (kind === 'accounts') rows[`GET /api/v1/orgs/:orgId/ledger/accounts`] = record(false);
  rows[`POST /api/v1/orgs/:orgId/ledger/${kind}`] = record(true);
  for (const method of ['GET', 'PATCH', 'DELETE'])
    rows[`${method} /api/v1/orgs/:orgId/ledger/${kind}/:id`] = record(method !== 'GET');
}

const NOTIFY = 'routes/notifications.routes.test.ts';
export const LEDGER_RECORD_ROUTE_CASES: CoverageTable = {
  ...rows,
  'POST /api/v1/orgs/:orgId/ledger/rates': {
    happy: see(ROUTES, RATES),
    badInput: see(ROUTES, RATES),
    noSession: ANON,
    wrongRole: forbidden('viewer'),
    otherTenant: OUTSIDER,
  },
  'POST /api/v1/orgs/:orgId/ledger/rates/import': {
    happy: {
      as: 'accountant',
      ...ratesFile(),
      status: 200,
      check: (res) =>
        expect(res.json()).toMatchObject({
          read: 1,
          currencies: ['CHF'],
          from: '2019-01-02',
          to: '2019-01-02',
        }),
    },
    badInput: [
      bad('accountant', 'fileName', ratesFile('')),
      bad('accountant', 'body', { query: 'fileName=rates.csv', body: {} }),
      bad(
        'accountant',
        'rate',
        ratesFile('fileName=bad.csv', '2019-01-02,CHF,many,1'),
        'IMPORT_RATE_INVALID',
      ),
    ],
    noSession: { ...ANON, ...ratesFile() },
    wrongRole: forbidden('viewer', ratesFile()),
    otherTenant: { ...OUTSIDER, ...ratesFile() },
  },
  'POST /api/v1/me/notifications/send-queued': {
    happy: see(NOTIFY, 'e-mails only the caller’s queued messages, once'),
    badInput: see(NOTIFY, 'e-mails only the caller’s queued messages, once'),
    noSession: ANON,
    wrongRole: OWN_ACCOUNT,
    otherTenant: OWN_ACCOUNT,
  },
};

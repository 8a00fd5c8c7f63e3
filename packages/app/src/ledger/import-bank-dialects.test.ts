import { readFileSync } from 'node:fs';
import { freshStore, testDialects } from '@civic/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../context.ts';
import { localiseWarning } from '../errors/localise-error.ts';
import { createOrganisation } from '../organisations.ts';
import { exportLedgerJournal } from './export-ledger-journal.ts';
import { listForeignCandidates } from './foreign-candidates.ts';
import { importBankStatement } from './import-bank-statement.ts';

const DIR = new URL('../../../formats/src/bank/fixtures/dialects/', import.meta.url);
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(name, DIR)));

type Line = readonly [
  direction: 'in' | 'out',
  amount: bigint,
  bookedOn: string,
  extras: Record<string, string> | null,
];

/**
 * The common banks' 1C dialects (fixtures written from the 1C exchange standard and the field sets
 * the banks document; names, numbers and IBANs invented, check digits right): each imports whole,
 * its unknown fields kept with the lines and named once each in the warnings.
 */
const DIALECTS: readonly (readonly [
  name: string,
  encoding: string,
  currency: string,
  lines: readonly Line[],
  extras: readonly string[],
])[] = [
  [
    'halyk-1.02.windows-1251.txt',
    'windows-1251',
    'KZT',
    [
      [
        'in',
        1500000000n,
        '2025-02-03',
        { ВидДокумента: 'Входящее платежное поручение', КодБанкаКорреспондента: 'COBADEFF' },
      ],
      ['out', 35000000n, '2025-02-14', { ВидДокумента: 'Платежное поручение' }],
    ],
    ['ВидДокумента', 'КодБанкаКорреспондента'],
  ],
  [
    'kaspi-2.00.utf8.txt',
    'utf-8',
    'KZT',
    [
      [
        'in',
        25000000n,
        '2025-03-05',
        { ВидДокумента: 'Перевод', СтатусДокумента: 'Исполнен', ВремяОперации: '14:02:55' },
      ],
      ['out', 1250000n, '2025-03-20', { ВидДокумента: 'Комиссия', СтатусДокумента: 'Исполнен' }],
    ],
    ['ВидДокумента', 'СтатусДокумента', 'ВремяОперации'],
  ],
  [
    'forte-1.03.utf8-bom.txt',
    'utf-8',
    'KZT',
    [['in', 4000000000n, '2025-04-10', { ТипОперации: 'Зачисление', ВидДокумента: 'Мемориальный ордер' }]],
    ['ТипОперации', 'ВидДокумента'],
  ],
  [
    'bcc-1.03.cp866.txt',
    'cp866',
    'KZT',
    [
      ['out', 12000000n, '2025-05-06', { ПризнакВалютнойОперации: '0' }],
      ['in', 3000000n, '2025-05-15', { ПризнакВалютнойОперации: '0' }],
    ],
    ['ПризнакВалютнойОперации'],
  ],
  [
    'jusan-1.03.windows-1251.txt',
    'windows-1251',
    'KZT',
    [
      ['in', 7000000n, '2025-06-02', { ВремяОперации: '10:11:12' }],
      ['out', 2000000n, '2025-06-03', { ВремяОперации: '16:40:01' }],
    ],
    ['ВремяОперации'],
  ],
  [
    'bereke-1.03.usd.utf8-bom.txt',
    'utf-8',
    'USD',
    [['in', 2500000n, '2025-07-12', { КурсВалюты: '512,34', СуммаВНациональнойВалюте: '12808500,00' }]],
    ['КурсВалюты', 'СуммаВНациональнойВалюте'],
  ],
  [
    'freedom-2.00.utf8.txt',
    'utf-8',
    'KZT',
    [
      ['in', 900000n, '2025-08-04', { ИдентификаторТранзакции: 'FRH-2025-08-04-000913' }],
      ['out', 450000n, '2025-08-25', { ИдентификаторТранзакции: 'FRH-2025-08-25-001207' }],
    ],
    ['ИдентификаторТранзакции'],
  ],
  [
    'sber-ru-1.03.windows-1251.txt',
    'windows-1251',
    'RUB',
    [
      ['in', 30000000n, '2025-09-08', { ВидДокумента: 'Платежное поручение', СтатусОтправки: 'Исполнен' }],
      ['out', 1500000n, '2025-09-30', { ВидДокумента: 'Банковский ордер', СтатусОтправки: 'Исполнен' }],
    ],
    ['ВидДокумента', 'СтатусОтправки'],
  ],
];

for (const dialect of testDialects()) {
  describe(`the banks' 1C dialects on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    let ctx: AppContext;
    beforeAll(async () => {
      store = await freshStore(dialect);
      ctx = { store, now: () => new Date('2026-01-01T00:00:00Z') };
    });
    afterAll(async () => store.close());

    it.each(DIALECTS)(
      '%s: every line imported, unknown fields kept and named once',
      async (name, encoding, currency, lines, extras) => {
        const o = await createOrganisation(ctx, { name: `org ${name}` });
        if (!o.ok) throw new Error(o.error.message);
        const r = await importBankStatement(ctx, { bytes: fixture(name), fileName: name, org: o.value.id });
        if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} (line ${String(r.error.line)})`);
        expect([r.value.format, r.value.encoding, r.value.imported]).toEqual(['1c', encoding, lines.length]);
        expect(r.value.accounts.map((a) => a.currency)).toEqual([currency]);
        const extraWarnings = r.value.warnings.filter((w) => w.code === 'IMPORT_FIELD_EXTRA');
        expect(extraWarnings.map((w) => w.field)).toEqual(extras);
        const stored = await store.db
          .selectFrom('bank_line')
          .select(['direction', 'amount_minor', 'booked_on', 'extras', 'currency', 'source_line'])
          .where('organisation_id', '=', o.value.id)
          .orderBy('source_line')
          .execute();
        expect(
          stored.map((s) => [
            s.direction,
            BigInt(s.amount_minor),
            s.booked_on,
            s.extras === null ? null : JSON.parse(s.extras),
          ]),
        ).toEqual(lines);
        expect(new Set(stored.map((s) => s.currency))).toEqual(new Set([currency]));
        // The warning names the field and its first line in each language.
        const first = extraWarnings[0];
        if (first === undefined) throw new Error('no warning');
        expect(localiseWarning(first, 'ru')).toContain(
          `${first.field ?? ''}, впервые в строке ${String(first.line)}`,
        );
        expect(localiseWarning(first, 'kk')).toContain(`алғаш рет ${String(first.line)}-жолда`);
        expect(localiseWarning(first, 'en')).toContain(`first at line ${String(first.line)}`);
      },
    );

    it('shows the extras in a candidate line and exports them in the journal CSV', async () => {
      const o = await createOrganisation(ctx, { name: 'extras shown' });
      if (!o.ok) throw new Error(o.error.message);
      const name = 'halyk-1.02.windows-1251.txt';
      const r = await importBankStatement(ctx, { bytes: fixture(name), fileName: name, org: o.value.id });
      if (!r.ok) throw new Error(r.error.message);
      const [candidate] = await listForeignCandidates(ctx, o.value.id);
      expect(candidate?.extras).toEqual({
        ВидДокумента: 'Входящее платежное поручение',
        КодБанкаКорреспондента: 'COBADEFF',
      });
      let csv = '';
      const e = await exportLedgerJournal(ctx, {
        org: o.value.id,
        format: 'csv',
        scope: 'all',
        write: (chunk: string) => {
          csv += chunk;
        },
      });
      if (!e.ok) throw new Error(e.error.message);
      expect(csv.split('\r\n')[0]?.endsWith(',description,extras,budget_line')).toBe(true);
      expect(csv).toContain('"{""ВидДокумента"":""Платежное поручение""}"');
    });
  });
}

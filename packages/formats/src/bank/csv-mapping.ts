import { ok, type Result } from '@civic/core';
import { z } from 'zod';
import { readCurrency } from './currency-code.ts';
import { importFail } from './import-error.ts';
import type { DateLayout } from './scalar.ts';
import { normaliseEncoding, type TextEncoding } from './text-decode.ts';

/** A column by its header name (with `header: true`) or by its 1-based position. */
export type ColumnRef = string | number;

/** Which CSV column holds which statement field. Leave out what the file does not have. */
export interface CsvColumns {
  readonly date: ColumnRef;
  /** The payment document's own date, when it differs from the booking date. */
  readonly documentDate?: ColumnRef | undefined;
  /** One signed amount: positive = money in (or out, with `sign: "out-positive"`). */
  readonly amount?: ColumnRef | undefined;
  /** Debit = money out of the account. */
  readonly debit?: ColumnRef | undefined;
  /** Credit = money into the account. */
  readonly credit?: ColumnRef | undefined;
  readonly currency?: ColumnRef | undefined;
  readonly account?: ColumnRef | undefined;
  readonly counterpartyName?: ColumnRef | undefined;
  readonly counterpartyTaxId?: ColumnRef | undefined;
  readonly counterpartyAccount?: ColumnRef | undefined;
  readonly counterpartyBankCode?: ColumnRef | undefined;
  readonly counterpartySectorCode?: ColumnRef | undefined;
  readonly counterpartyCountry?: ColumnRef | undefined;
  readonly purpose?: ColumnRef | undefined;
  readonly purposeCode?: ColumnRef | undefined;
  readonly reference?: ColumnRef | undefined;
  readonly documentNumber?: ColumnRef | undefined;
}

/** A saved CSV column mapping (JSON; see docs/formats.md). */
export interface CsvMapping {
  /** One character; "\t" for tab. */
  readonly delimiter: string;
  readonly encoding: TextEncoding;
  /** Whether the first (non-skipped) row names the columns. */
  readonly header: boolean;
  /** Rows to skip before the header or the data (bank titles, blank lines). */
  readonly skipRows: number;
  readonly dateFormat: DateLayout;
  readonly decimalSeparator: '.' | ',';
  /** For a single `amount` column: which sign is money in. */
  readonly sign: 'in-positive' | 'out-positive';
  readonly columns: CsvColumns;
  /** The currency of every row when there is no currency column. */
  readonly currency?: string | undefined;
  /** The account of every row when there is no account column. */
  readonly account?: string | undefined;
}

export const DATE_LAYOUTS = [
  'DD.MM.YYYY',
  'YYYY-MM-DD',
  'MM/DD/YYYY',
  'DD/MM/YYYY',
  'DD-MM-YYYY',
  'YYYYMMDD',
] as const satisfies readonly DateLayout[];

const columnRef = z.union([z.string().trim().min(1), z.number().int().min(1)]);
const DELIMITER_WORDS: Record<string, string> = {
  tab: '\t',
  '\\t': '\t',
  comma: ',',
  semicolon: ';',
  pipe: '|',
};

const columnsSchema = z.strictObject({
  date: columnRef,
  documentDate: columnRef.optional(),
  amount: columnRef.optional(),
  debit: columnRef.optional(),
  credit: columnRef.optional(),
  currency: columnRef.optional(),
  account: columnRef.optional(),
  counterpartyName: columnRef.optional(),
  counterpartyTaxId: columnRef.optional(),
  counterpartyAccount: columnRef.optional(),
  counterpartyBankCode: columnRef.optional(),
  counterpartySectorCode: columnRef.optional(),
  counterpartyCountry: columnRef.optional(),
  purpose: columnRef.optional(),
  purposeCode: columnRef.optional(),
  reference: columnRef.optional(),
  documentNumber: columnRef.optional(),
});

const mappingSchema = z
  .strictObject({
    delimiter: z
      .string()
      .default(',')
      .transform((d) => DELIMITER_WORDS[d.toLowerCase()] ?? d)
      .refine(
        (d) => d.length === 1 && d !== '"' && d !== '\n' && d !== '\r',
        'must be one character other than a quote or a line break',
      ),
    encoding: z
      .string()
      .default('utf-8')
      .refine((e) => normaliseEncoding(e) !== null, 'must be utf-8, windows-1251 or cp866')
      .transform((e) => normaliseEncoding(e) ?? 'utf-8'),
    header: z.boolean().default(true),
    skipRows: z.number().int().min(0).default(0),
    dateFormat: z.enum(DATE_LAYOUTS).default('YYYY-MM-DD'),
    decimalSeparator: z.enum(['.', ',']).default('.'),
    sign: z.enum(['in-positive', 'out-positive']).default('in-positive'),
    columns: columnsSchema,
    currency: z
      .string()
      .refine((c) => readCurrency(c) !== null, 'must be a known ISO 4217 code')
      .transform((c) => readCurrency(c) ?? c)
      .optional(),
    account: z.string().trim().min(1).optional(),
  })
  .superRefine((m, ctx) => {
    const c = m.columns;
    if (c.amount !== undefined && (c.debit !== undefined || c.credit !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['columns', 'amount'],
        message: 'give either one signed amount column or debit/credit columns, not both',
      });
    }
    if (c.amount === undefined && c.debit === undefined && c.credit === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['columns', 'amount'],
        message: 'needs an amount column, or debit and credit columns',
      });
    }
    if (c.currency === undefined && m.currency === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['currency'],
        message: 'needs a currency column (columns.currency) or a fixed currency',
      });
    if (c.account === undefined && m.account === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['account'],
        message: 'needs an account column (columns.account) or a fixed account',
      });
    if (!m.header) {
      for (const [key, ref] of Object.entries(c)) {
        if (typeof ref === 'string')
          ctx.addIssue({
            code: 'custom',
            path: ['columns', key],
            message:
              'names a header column, but the mapping says there is no header row: use a 1-based number',
          });
      }
    }
  });

/**
 * Validates a CSV mapping read from JSON. Errors are IMPORT_CSV_MAPPING_INVALID with `field` the
 * dotted path of the first offending key (e.g. `columns.amount`).
 */
export function parseCsvMapping(json: unknown, file = 'csv mapping'): Result<CsvMapping> {
  const r = mappingSchema.safeParse(json);
  if (r.success) {
    return ok(r.data satisfies CsvMapping);
  }
  const issue = r.error.issues[0];
  const field = issue?.path.map(String).join('.') || undefined;
  const all = r.error.issues
    .map((i) => `${i.path.map(String).join('.') || '(mapping)'}: ${i.message}`)
    .join('; ');
  return importFail(
    'IMPORT_CSV_MAPPING_INVALID',
    `the CSV mapping is not valid: ${all}`,
    file,
    undefined,
    field,
  );
}

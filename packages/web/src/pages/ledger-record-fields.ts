import type {
  AccountRecord,
  ExpenditureRecord,
  GrantRecord,
  ReceiptRecord,
  SourceRecord,
} from '@civic/server/api';

/** The record kinds, as the API's path names them. */
export const KINDS = ['sources', 'grants', 'accounts', 'receipts', 'expenditures'] as const;
export type Kind = (typeof KINDS)[number];

export type AnyRecord = SourceRecord | GrantRecord | AccountRecord | ReceiptRecord | ExpenditureRecord;

/** Where a field's choices come from: a fixed list, or another kind of record. */
export type Choices = 'category' | 'kind' | 'sources' | 'grants' | 'accounts' | 'budgetLines';

export interface FieldSpec {
  readonly name: string;
  readonly type?: 'date' | 'select';
  readonly choices?: Choices;
  /** Left empty, the field is sent as null (else it is required by the domain's rules). */
  readonly optional?: boolean;
}

const f = (name: string, more: Omit<FieldSpec, 'name'> = {}): FieldSpec => ({ name, ...more });
const opt = { optional: true } as const;

/** The form of each kind: the same fields the API's body takes (http/api/ledger.ts). */
export const FIELDS: Record<Kind, readonly FieldSpec[]> = {
  sources: [
    f('name'),
    f('category', { type: 'select', choices: 'category', optional: true }),
    f('country', opt),
    f('taxId', opt),
    f('notes', opt),
  ],
  grants: [
    f('sourceId', { type: 'select', choices: 'sources' }),
    f('agreementNumber'),
    f('agreementDate', { type: 'date', optional: true }),
    f('currency'),
    f('amount'),
    f('periodFrom', { type: 'date', optional: true }),
    f('periodTo', { type: 'date', optional: true }),
    f('activity', opt),
    f('title', opt),
  ],
  accounts: [f('number'), f('currency'), f('bankName', opt), f('bankCode', opt), f('label', opt)],
  receipts: [
    f('sourceId', { type: 'select', choices: 'sources' }),
    f('grantId', { type: 'select', choices: 'grants', optional: true }),
    f('accountId', { type: 'select', choices: 'accounts', optional: true }),
    f('receivedOn', { type: 'date' }),
    f('kind', { type: 'select', choices: 'kind' }),
    f('currency', opt),
    f('amount', opt),
    f('propertyDescription', opt),
    f('valuationMethod', opt),
    f('valuedOn', { type: 'date', optional: true }),
    f('description', opt),
  ],
  expenditures: [
    f('spentOn', { type: 'date' }),
    f('currency'),
    f('amount'),
    f('allocations', { type: 'select', choices: 'grants' }),
    // The chosen grant's budget lines (optional): sent as the allocation's `budgetLineId`.
    f('budgetLineId', { type: 'select', choices: 'budgetLines', optional: true }),
    f('accountId', { type: 'select', choices: 'accounts', optional: true }),
    f('counterparty', opt),
    f('description', opt),
  ],
};

/** Each grant's budget lines as an expenditure form's choices, by grant id (their names, in order). */
export function budgetLineChoices(
  grants: readonly GrantRecord[],
): Record<string, readonly { value: string; label: string }[]> {
  return Object.fromEntries(
    grants.map((g) => [g.id, g.budgetLines.map((l) => ({ value: l.id, label: l.name }))]),
  );
}

/** A record's values as the form's text fields. */
export function formValues(kind: Kind, record: AnyRecord | null): Record<string, string> {
  const out: Record<string, string> = {};
  const r: Record<string, unknown> = record ? { ...record } : {};
  if (kind === 'receipts') {
    const p = r['property'];
    if (p && typeof p === 'object') {
      const prop = p as Record<string, unknown>;
      r['propertyDescription'] = prop['description'];
      r['valuationMethod'] = prop['method'];
      r['valuedOn'] = prop['valuedOn'];
    }
    if (!record) r['kind'] = 'money';
  }
  if (kind === 'expenditures' && Array.isArray(r['allocations'])) {
    const first = (r['allocations'] as { grantId: string; budgetLineId?: string | null }[])[0];
    r['allocations'] = first?.grantId ?? '';
    r['budgetLineId'] = first?.budgetLineId ?? '';
  }
  if (kind === 'sources' && !record) r['category'] = 'foreign-organisation';
  for (const field of FIELDS[kind]) {
    const v = r[field.name];
    out[field.name] = typeof v === 'string' ? v : '';
  }
  return out;
}

/** The form's text fields as the API's body: empty optional fields are null. */
export function formBody(kind: Kind, values: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of FIELDS[kind]) {
    const v = (values[field.name] ?? '').trim();
    body[field.name] = v === '' && field.optional ? null : v;
  }
  if (kind === 'expenditures') {
    body['allocations'] = [{ grantId: body['allocations'], budgetLineId: body['budgetLineId'] }];
    delete body['budgetLineId'];
  }
  if (kind === 'receipts' && body['kind'] === 'money') {
    for (const k of ['propertyDescription', 'valuationMethod', 'valuedOn']) body[k] = null;
  }
  return body;
}

/**
 * The field an API error names, as the form's field (`allocations[0].grantId` → allocations,
 * `allocations[0].budgetLineId` → budgetLineId).
 */
export function formField(field: string | undefined): string | undefined {
  if (field !== undefined && /^allocations\[\d+\]\.budgetLineId$/.test(field)) return 'budgetLineId';
  return field?.replace(/[[.].*$/, '');
}

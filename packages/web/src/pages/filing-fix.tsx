import type { AccountRecord, GrantRecord, SourceRecord } from '@civic/server/api';
import { useI18n } from '../i18n/i18n.tsx';
import { useApi } from '../use-api.ts';
import { LedgerRecordForm } from './ledger-record-form.tsx';
import { budgetLineChoices, type AnyRecord, type Kind } from './ledger-record-fields.ts';

/** A record a lint finding names, as the ledger's record kind. */
export const LINT_RECORD_KINDS: Readonly<Record<string, Kind>> = {
  source: 'sources',
  grant: 'grants',
  receipt: 'receipts',
  expenditure: 'expenditures',
};

/** The form field that fixes a finding (the form opens there); other codes open at the first field. */
export const LINT_FIX_FIELDS: Readonly<Record<string, string>> = {
  LINT_SOURCE_COUNTRY_MISSING: 'country',
  LINT_SOURCE_CATEGORY_MISSING: 'category',
  LINT_PROPERTY_VALUATION_MISSING: 'amount',
  LINT_RATE_MISSING: 'amount',
  LINT_RECEIPT_WITHOUT_GRANT: 'grantId',
};

/** Which of the records a finding names holds the field at fault (the others are context). */
const LINT_FIX_RECORD: Readonly<Record<string, string>> = {
  LINT_SOURCE_COUNTRY_MISSING: 'source',
  LINT_SOURCE_CATEGORY_MISSING: 'source',
  LINT_RECEIPT_WITHOUT_GRANT: 'receipt',
  LINT_PROPERTY_VALUATION_MISSING: 'receipt',
  LINT_RATE_MISSING: 'receipt',
};

/** The record a finding names and the field that fixes it, or null when no form can fix it. */
export function fixOf(p: {
  readonly code: string;
  readonly records?: readonly { readonly kind: string; readonly id: string }[] | undefined;
}): { kind: Kind; id: string; field?: string } | null {
  const records = p.records ?? [];
  const wanted = LINT_FIX_RECORD[p.code];
  const r =
    records.find((x) => x.kind === wanted) ?? records.find((x) => LINT_RECORD_KINDS[x.kind] !== undefined);
  const kind = r ? LINT_RECORD_KINDS[r.kind] : undefined;
  const field = LINT_FIX_FIELDS[p.code];
  return r && kind ? { kind, id: r.id, ...(field ? { field } : {}) } : null;
}

/** The record at fault, opened in its form inside the filing; saving it reruns the check there. */
export function FilingFix({
  orgId,
  kind,
  id,
  field,
  onSaved,
  onCancel,
}: {
  orgId: string;
  kind: Kind;
  id: string;
  field: string | undefined;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const base = `/api/v1/orgs/${encodeURIComponent(orgId)}/ledger`;
  const record = useApi<AnyRecord>(`${base}/${kind}/${encodeURIComponent(id)}`);
  const sources = useApi<{ sources: SourceRecord[] }>(`${base}/sources`);
  const grants = useApi<{ grants: GrantRecord[] }>(`${base}/grants`);
  const accounts = useApi<{ accounts: AccountRecord[] }>(`${base}/accounts`);
  if (!record.data) return null;
  return (
    <div className="panel" data-testid="filing-fix">
      <p className="small">{t('lf.fixHint')}</p>
      <LedgerRecordForm
        base={base}
        kind={kind}
        record={record.data}
        focus={field}
        choices={{
          sources: (sources.data?.sources ?? []).map((s) => ({ value: s.id, label: s.name })),
          grants: (grants.data?.grants ?? []).map((g) => ({
            value: g.id,
            label: g.title ?? g.agreementNumber,
          })),
          accounts: (accounts.data?.accounts ?? []).map((a) => ({ value: a.id, label: a.number })),
        }}
        lineChoices={budgetLineChoices(grants.data?.grants ?? [])}
        onSaved={onSaved}
        onCancel={onCancel}
      />
    </div>
  );
}

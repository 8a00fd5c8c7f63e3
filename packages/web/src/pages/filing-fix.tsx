import type { AccountRecord, GrantRecord, SourceRecord } from '@civic/server/api';
import { useI18n } from '../i18n/i18n.tsx';
import { useApi } from '../use-api.ts';
import { LedgerRecordForm } from './ledger-record-form.tsx';
import type { AnyRecord, Kind } from './ledger-record-fields.ts';

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
};

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
        onSaved={onSaved}
        onCancel={onCancel}
      />
    </div>
  );
}

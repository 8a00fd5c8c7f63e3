import type { AccountRecord, GrantRecord, SourceRecord } from '@civic/server/api';
import { useState } from 'react';
import { api, ApiFailure } from '../api.ts';
import { ErrorBox, Panel } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { navigate, useLocation } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { LedgerRecordForm } from './ledger-record-form.tsx';
import { budgetLineChoices, KINDS, type AnyRecord, type Kind } from './ledger-record-fields.ts';

/** `?record=sources/src_1&field=country` opens that record's form at that field (a finding's fix). */
export function recordLink(orgId: string, kind: Kind, id: string, field?: string): string {
  const q = new URLSearchParams({ record: `${kind}/${id}`, ...(field ? { field } : {}) });
  return `/orgs/${encodeURIComponent(orgId)}/ledger?${q.toString()}#records`;
}

function isKind(k: string | undefined): k is Kind {
  return (KINDS as readonly string[]).includes(k ?? '');
}

/** The ledger's records of each kind: listed, created, edited and removed where the role allows. */
export function LedgerRecords({
  orgId,
  canWrite,
  refreshKey,
  onChanged,
}: {
  orgId: string;
  canWrite: boolean;
  refreshKey: number;
  onChanged: () => void;
}) {
  const { t, amount, date } = useI18n();
  const location = useLocation();
  const query = new URLSearchParams(location.split('?')[1] ?? '');
  const [linkKind, linkId] = (query.get('record') ?? '').split('/');
  const [kind, setKind] = useState<Kind>(isKind(linkKind) ? linkKind : 'sources');
  const [editing, setEditing] = useState<string | null>(linkId ?? null);
  const [error, setError] = useState<ApiFailure | null>(null);
  const base = `/api/v1/orgs/${encodeURIComponent(orgId)}/ledger`;
  const records = useApi<Record<string, AnyRecord[]>>(`${base}/${kind}`, refreshKey);
  const sources = useApi<{ sources: SourceRecord[] }>(`${base}/sources`, refreshKey);
  const grants = useApi<{ grants: GrantRecord[] }>(`${base}/grants`, refreshKey);
  const accounts = useApi<{ accounts: AccountRecord[] }>(`${base}/accounts`, refreshKey);
  const list = records.data?.[kind] ?? [];
  const choices = {
    sources: (sources.data?.sources ?? []).map((s) => ({ value: s.id, label: s.name })),
    grants: (grants.data?.grants ?? []).map((g) => ({ value: g.id, label: g.title ?? g.agreementNumber })),
    accounts: (accounts.data?.accounts ?? []).map((a) => ({
      value: a.id,
      label: `${a.number} (${a.currency})`,
    })),
  };
  const summary = (r: AnyRecord): string => {
    if ('name' in r)
      return [r.name, r.category ? t(`category.${r.category}` as MessageKey) : null, r.country]
        .filter(Boolean)
        .join(' · ');
    if ('agreementNumber' in r)
      return `${r.title ?? r.agreementNumber} — ${amount(r.amount, r.currency)}${r.budgetLines
        .map(
          (l) =>
            `; ${t('lf.lineAllocated', {
              name: l.name,
              allocated: amount(l.allocated ?? '0', r.currency),
              amount: amount(l.amount, r.currency),
            })}`,
        )
        .join('')}`;
    if ('receivedOn' in r)
      return `${date(r.receivedOn)} — ${r.amount && r.currency ? amount(r.amount, r.currency) : '—'}`;
    if ('spentOn' in r) return `${date(r.spentOn)} — ${amount(r.amount, r.currency)} ${r.description ?? ''}`;
    return `${r.number} (${r.currency})${r.label ? ` — ${r.label}` : ''}`;
  };
  const close = () => {
    setEditing(null);
    if (query.get('record')) navigate(location.split('?')[0] ?? '', { replace: true });
  };
  const remove = (r: AnyRecord) => {
    if (!window.confirm(t('lf.removeConfirm'))) return;
    setError(null);
    api('DELETE', `${base}/${kind}/${encodeURIComponent(r.id)}?version=${r.version}`).then(
      onChanged,
      (e: unknown) => setError(e instanceof ApiFailure ? e : new ApiFailure(0, 'NETWORK', String(e))),
    );
  };
  const editedRecord = editing === 'new' ? null : list.find((r) => r.id === editing);
  return (
    <Panel id="records" title={t('lf.records')}>
      <div className="row" role="tablist">
        {KINDS.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={k === kind}
            onClick={() => (setKind(k), setEditing(null))}
          >
            {t(`lf.kind.${k}`)}
          </button>
        ))}
      </div>
      {records.error && <ErrorBox error={records.error} />}
      {error && <ErrorBox error={error} />}
      <ul className="plain" data-testid={`records-${kind}`}>
        {list.map((r) => (
          <li key={r.id}>
            {summary(r)}{' '}
            {canWrite && (
              <>
                <button type="button" onClick={() => setEditing(r.id)}>
                  {t('lf.edit')}
                </button>{' '}
                <button type="button" onClick={() => remove(r)}>
                  {t('lf.remove')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {canWrite && editing === null && (
        <button type="button" onClick={() => setEditing('new')}>
          {t('lf.new')}
        </button>
      )}
      {canWrite && editing !== null && editedRecord !== undefined && (
        <LedgerRecordForm
          key={`${kind}-${editing}`}
          base={base}
          kind={kind}
          record={editedRecord}
          focus={query.get('field') ?? undefined}
          choices={choices}
          lineChoices={budgetLineChoices(grants.data?.grants ?? [])}
          onSaved={() => {
            close();
            onChanged();
          }}
          onCancel={close}
        />
      )}
    </Panel>
  );
}

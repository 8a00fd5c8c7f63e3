import { CANDIDATE_REASON_LABELS, labelOf } from '@civic/core';
import { useState } from 'react';
import { api, ApiFailure } from '../api.ts';
import { ErrorBox } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { CandidateSourceCheck } from './candidate-source-check.tsx';

export interface Candidate {
  id: string;
  bookedOn: string;
  amount: string;
  currency: string;
  counterparty: { name: string | null; account: string | null };
  purpose: string | null;
  /** The bank file's fields the importer does not read, as written. */
  extras?: Record<string, string>;
  reasons: { code: string; message: string }[];
  suggestedSourceId: string | null;
}

const CATEGORIES = [
  'foreign-organisation',
  'international-organisation',
  'foreign-state',
  'foreign-citizen',
  'stateless-person',
] as const;

/** One proposed receipt: confirm it (with the source's category) or reject it. */
function CandidateRow({ orgId, c, onDecided }: { orgId: string; c: Candidate; onDecided: () => void }) {
  const { t, date, amount, locale } = useI18n();
  const [category, setCategory] = useState<string>('foreign-organisation');
  const [name, setName] = useState(c.counterparty.name ?? '');
  const [error, setError] = useState<ApiFailure | null>(null);
  const base = `/api/v1/orgs/${encodeURIComponent(orgId)}/ledger/candidates/${encodeURIComponent(c.id)}`;
  const decide = async (action: 'confirm' | 'reject') => {
    setError(null);
    try {
      await api(
        'POST',
        `${base}/${action}`,
        action === 'confirm' ? (c.suggestedSourceId ? {} : { newSource: { name, category } }) : undefined,
      );
      onDecided();
    } catch (e) {
      setError(e instanceof ApiFailure ? e : new ApiFailure(0, 'NETWORK', String(e)));
    }
  };
  return (
    <li className="candidate" data-testid="candidate">
      <p>
        <strong>{amount(c.amount, c.currency)}</strong> — {date(c.bookedOn)} — {c.counterparty.name ?? '?'}
      </p>
      {c.purpose && <p className="muted small">{c.purpose}</p>}
      {c.extras && Object.keys(c.extras).length > 0 && (
        <dl className="muted small" aria-label={t('ledger.extras')} data-testid="candidate-extras">
          {Object.entries(c.extras).map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt> <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      <ul className="small">
        {c.reasons.map((r) => (
          <li key={r.code}>{labelOf(CANDIDATE_REASON_LABELS, r.code, locale)}</li>
        ))}
      </ul>
      {c.suggestedSourceId && <CandidateSourceCheck orgId={orgId} sourceId={c.suggestedSourceId} canWrite />}
      <div className="row">
        {!c.suggestedSourceId && (
          <>
            <label className="field">
              <span>{t('ledger.sourceName')}</span>
              <input value={name} onChange={(e) => setName(e.target.value)} />
            </label>
            <label className="field">
              <span>{t('ledger.category')}</span>
              <select value={category} onChange={(e) => setCategory(e.target.value)}>
                {CATEGORIES.map((k) => (
                  <option key={k} value={k}>
                    {t(`category.${k}` as MessageKey)}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        <button type="button" className="accent" onClick={() => void decide('confirm')}>
          {t('ledger.confirm')}
        </button>
        <button type="button" onClick={() => void decide('reject')}>
          {t('ledger.reject')}
        </button>
      </div>
      {error && <ErrorBox error={error} />}
    </li>
  );
}

export function CandidateList({
  orgId,
  candidates,
  onDecided,
  canWrite,
}: {
  orgId: string;
  candidates: readonly Candidate[];
  onDecided: () => void;
  canWrite: boolean;
}) {
  const { t } = useI18n();
  if (candidates.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="candidates-title">
      <h2 id="candidates-title">{t('ledger.candidates')}</h2>
      <p className="muted small">{t('ledger.candidatesHelp')}</p>
      <ul className="plain">
        {canWrite
          ? candidates.map((c) => <CandidateRow key={c.id} orgId={orgId} c={c} onDecided={onDecided} />)
          : candidates.map((c) => <li key={c.id}>{c.counterparty.name}</li>)}
      </ul>
    </section>
  );
}

import { LINT_CODE_LABELS, labelOf } from '@civic/core';
import { useState, type FormEvent } from 'react';
import { api, ApiFailure } from '../api.ts';
import { ErrorBox } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/en.ts';

export interface Filing {
  id: string;
  form: string;
  period: { from: string; to: string };
  state: 'draft' | 'submitted';
  submittedOn: string | null;
}
interface Lint {
  errors: number;
  warnings: number;
  problems: { code: string; severity?: string; message: string }[];
}

/** One filing: downloads, its lint results, and (for a draft) the form that records its submission. */
export function FilingItem({
  base,
  filing,
  canWrite,
  onChanged,
  today,
}: {
  base: string;
  filing: Filing;
  canWrite: boolean;
  onChanged: () => void;
  /** Today in the organisation's rule-pack time zone (from the API), the default submission day. */
  today: string | undefined;
}) {
  const { t, date, locale } = useI18n();
  const [lint, setLint] = useState<Lint | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [form, setForm] = useState({
    submittedOn: today ?? new Date().toISOString().slice(0, 10),
    channel: 'cabinet.salyk.kz',
    incomingNumber: '',
  });
  const url = `${base}/filings/${encodeURIComponent(filing.id)}`;
  const fail = (e: unknown) =>
    setError(e instanceof ApiFailure ? e : new ApiFailure(0, 'NETWORK', String(e)));
  const check = () => api<Lint>('GET', `${url}/lint`).then(setLint, fail);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    api('POST', `${url}/submission`, form).then(onChanged, fail);
  };
  return (
    <li className="filing" data-testid="filing">
      <p>
        <strong>{filing.form}</strong> — {date(filing.period.from)} – {date(filing.period.to)} —{' '}
        <span className={`badge ${filing.state}`}>{t(`status.${filing.state}` as MessageKey)}</span>
        {filing.submittedOn && ` (${date(filing.submittedOn)})`}
      </p>
      <p className="small">
        {t('filings.download')}: <a href={`${url}/document?format=pdf`}>PDF</a> ·{' '}
        <a href={`${url}/document?format=xlsx`}>XLSX</a> · <a href={`${url}/bundle`}>{t('filings.bundle')}</a>{' '}
        <button type="button" onClick={() => void check()}>
          {t('filings.check')}
        </button>
      </p>
      {lint && (
        <div className="small" role="status">
          {lint.problems.length === 0 ? (
            t('filings.noProblems')
          ) : (
            <>
              {t('filings.problems', { errors: lint.errors, warnings: lint.warnings })}
              <ul>
                {lint.problems.map((p, i) => (
                  <li key={`${p.code}-${i}`}>
                    <strong>{labelOf(LINT_CODE_LABELS, p.code, locale)}</strong>
                    {`: ${p.message}`}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {canWrite && filing.state === 'draft' && (
        <form className="row" onSubmit={submit}>
          <label className="field">
            <span>{t('filings.submittedOn')}</span>
            <input
              type="date"
              required
              value={form.submittedOn}
              onChange={(e) => setForm({ ...form, submittedOn: e.target.value })}
            />
          </label>
          <label className="field">
            <span>{t('filings.channel')}</span>
            <input
              required
              value={form.channel}
              onChange={(e) => setForm({ ...form, channel: e.target.value })}
            />
          </label>
          <label className="field">
            <span>{t('filings.incomingNumber')}</span>
            <input
              required
              value={form.incomingNumber}
              onChange={(e) => setForm({ ...form, incomingNumber: e.target.value })}
            />
          </label>
          <button type="submit">{t('filings.submit')}</button>
        </form>
      )}
      {error && <ErrorBox error={error} />}
    </li>
  );
}

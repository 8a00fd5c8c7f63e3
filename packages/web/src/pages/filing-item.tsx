import { LINT_CODE_LABELS, labelOf } from '@civic/core';
import { useState, type FormEvent } from 'react';
import { api, ApiFailure } from '../api.ts';
import { ErrorBox } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { FilingFix, fixOf } from './filing-fix.tsx';
import type { Kind } from './ledger-record-fields.ts';

export interface Filing {
  id: string;
  obligationId: string;
  form: string;
  period: { from: string; to: string };
  state: 'draft' | 'submitted';
  submittedOn: string | null;
  /** The RFC 3161 timestamp of the filing's log head, when an authority gave one. */
  timestamp?: { time: string; authority: string } | null;
}
interface Lint {
  errors: number;
  warnings: number;
  problems: { code: string; severity?: string; message: string; records?: { kind: string; id: string }[] }[];
}

/** One filing: downloads, its lint results, and (for a draft) the form that records its submission. */
export function FilingItem({
  orgId,
  base,
  filing,
  canWrite,
  onChanged,
  today,
}: {
  orgId: string;
  base: string;
  filing: Filing;
  canWrite: boolean;
  onChanged: () => void;
  /** Today in the organisation's rule-pack time zone (from the API), the default submission day. */
  today: string | undefined;
}) {
  const { t, date, dateTime, locale } = useI18n();
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
  const [fixing, setFixing] = useState<{ kind: Kind; id: string; field?: string } | null>(null);
  const check = () => api<Lint>('GET', `${url}/lint`).then(setLint, fail);
  // After a fix the draft is prepared again from the ledger as it now is, then checked again here.
  const recheck = () => {
    setFixing(null);
    api('POST', `${base}/filings`, { obligationId: filing.obligationId }).then(check, fail);
  };
  const send = (acknowledgedLintErrors: readonly string[]) => {
    setError(null);
    api('POST', `${url}/submission`, { ...form, acknowledgedLintErrors }).then(onChanged, fail);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send([]);
  };
  const unacknowledged = error?.code === 'FILING_LINT_UNACKNOWLEDGED' ? (error.lintErrors ?? []) : null;
  return (
    <li className="filing" data-testid="filing">
      <p>
        <strong>{filing.form}</strong> — {date(filing.period.from)} – {date(filing.period.to)} —{' '}
        <span className={`badge ${filing.state}`}>{t(`status.${filing.state}` as MessageKey)}</span>
        {filing.submittedOn && ` (${date(filing.submittedOn)})`}
      </p>
      {filing.timestamp && (
        <p className="small" data-testid="filing-timestamp">
          {t('filings.timestamp', {
            time: dateTime(filing.timestamp.time),
            authority: filing.timestamp.authority,
          })}
        </p>
      )}
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
                    {`: ${p.message}`}{' '}
                    {canWrite && filing.state === 'draft' && fixOf(p) && (
                      <button type="button" data-testid="fix" onClick={() => setFixing(fixOf(p))}>
                        {t('lf.fix')}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {fixing && (
        <FilingFix
          orgId={orgId}
          kind={fixing.kind}
          id={fixing.id}
          field={fixing.field}
          onSaved={recheck}
          onCancel={() => setFixing(null)}
        />
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
      {unacknowledged ? (
        <div className="error" role="alert" data-testid="acknowledge">
          <p>
            <strong>{t('lf.ack.title')}</strong>
          </p>
          <p>{t('lf.ack.intro')}</p>
          <ul>
            {unacknowledged.map((e) => (
              <li key={e.code}>{e.label}</li>
            ))}
          </ul>
          <button type="button" onClick={() => send(unacknowledged.map((e) => e.code))}>
            {t('lf.ack.confirm')}
          </button>
        </div>
      ) : (
        error && <ErrorBox error={error} />
      )}
    </li>
  );
}

import { useState, type MouseEvent } from 'react';
import { LOCALES, lastDayRulingStood, type RulingEvent } from '@civic/core';
import { ApiFailure, downloadFile } from '../api.ts';
import { Panel } from '../components/status.tsx';
import { LANGUAGE_NAMES, useI18n } from '../i18n/i18n.tsx';

/**
 * The objection downloads of a case. The draft's date (as of) defaults to the last day the ruling
 * stood when a withdrawal or an annulling court decision later undid it (a later date has nothing
 * to annul), otherwise to today (the server's default); the lawyer may choose another. A refusal
 * (e.g. nothing to annul on that date) is shown in the interface language instead of downloading.
 */
export function ObjectionPanel({ base, actions }: { base: string; actions: readonly RulingEvent[] }) {
  const { t, date, locale } = useI18n();
  const stood = lastDayRulingStood(actions);
  const [asOf, setAsOf] = useState<string>(stood ?? '');
  const [error, setError] = useState<ApiFailure | null>(null);
  const langs = [locale, ...LOCALES.filter((l) => l !== locale)];
  const href = (l: string, f: string) =>
    `${base}/objection?lang=${l}&format=${f}${asOf ? `&asOf=${encodeURIComponent(asOf)}` : ''}`;

  const download = async (e: MouseEvent<HTMLAnchorElement>, url: string) => {
    e.preventDefault();
    setError(null);
    try {
      const { blob, fileName } = await downloadFile(url);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    } catch (x) {
      setError(x instanceof ApiFailure ? x : new ApiFailure(0, 'NETWORK', String(x)));
    }
  };

  return (
    <Panel id="objection" title={t('cases.objection')}>
      <p className="muted small">{t('cases.objectionHelp')}</p>
      <p>
        <label>
          {t('cases.objectionAsOf')}{' '}
          <input
            type="date"
            data-testid="objection-as-of"
            value={asOf}
            onChange={(e) => setAsOf(e.target.value)}
          />
        </label>
      </p>
      {stood !== null && (
        <p className="muted small" data-testid="objection-as-of-hint">
          {t('cases.objectionStood', { date: date(stood) })}
        </p>
      )}
      {error && (
        <div className="error" role="alert" data-testid="objection-error">
          <p>{t('common.error', { message: error.message })}</p>
          {locale === 'en' && error.where?.detail && <p className="small muted">{error.where.detail}</p>}
          {error.code === 'OBJECTION_NOTHING_TO_ANNUL' && stood !== null && (
            <p className="small">{t('cases.objectionStood', { date: date(stood) })}</p>
          )}
        </div>
      )}
      <ul className="plain" data-testid="objection-links">
        {langs.map((l) =>
          (['docx', 'pdf'] as const).map((f) => (
            <li key={`${l}-${f}`}>
              <a href={href(l, f)} download onClick={(e) => void download(e, href(l, f))}>
                {t('cases.download', { format: f.toUpperCase(), lang: LANGUAGE_NAMES[l] })}
              </a>
            </li>
          )),
        )}
      </ul>
    </Panel>
  );
}

import type { BankPreview } from '@civic/server/api';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { extraFields, ImportAliasOffer } from './ledger-import-aliases.tsx';

/**
 * What a statement would import (the server's preview, the same result as `civic import bank
 * --dry-run`): each statement with its balances and whether it adds up, the totals, which lines are
 * duplicates and which will be proposed as foreign funding. Import or Cancel; a statement that does
 * not add up is imported only when the box «import anyway» is ticked.
 */
export function ImportPreview({
  preview,
  orgId,
  orgName,
  onImport,
  onCancel,
  onAliasSaved,
}: {
  preview: BankPreview;
  orgId: string;
  orgName: string;
  onImport: (acceptUnbalanced: boolean) => void;
  onCancel: () => void;
  /** A bank's field name was saved as a known field: preview the file again. */
  onAliasSaved: () => void;
}) {
  const { t, amount, date } = useI18n();
  const [accept, setAccept] = useState(false);
  const money = (value: string | null, currency: string) => (value === null ? '—' : amount(value, currency));
  return (
    <section className="full" aria-labelledby="preview-title" data-testid="import-preview">
      <h3 id="preview-title">{t('preview.title')}</h3>
      <p role="status">
        {t('preview.summary', {
          lines: preview.lineCount,
          imported: preview.imported,
          duplicates: preview.duplicates,
          candidates: preview.foreignCandidates,
        })}
      </p>
      {preview.accounts.some((a) => a.from !== null || a.to !== null) && (
        <p data-testid="preview-period">
          {t('preview.period')}:{' '}
          {preview.accounts
            .filter((a) => a.from !== null || a.to !== null)
            .map(
              (a) =>
                `${a.account} ${t('preview.periodRange', {
                  from: a.from === null ? '…' : date(a.from),
                  to: a.to === null ? '…' : date(a.to),
                })}`,
            )
            .join('; ')}
        </p>
      )}
      {preview.otherOwnerBin !== null && (
        <p className="warning" role="alert" data-testid="other-owner-bin">
          {t('preview.otherOwnerBin', { bin: preview.otherOwnerBin, org: orgName })}
        </p>
      )}
      {preview.otherOwner !== null && (
        <p className="warning" role="alert" data-testid="other-owner">
          {t('preview.otherOwner', { accounts: preview.otherOwner.join(', '), org: orgName })}
        </p>
      )}
      <table>
        <caption>{t('preview.statements')}</caption>
        <thead>
          <tr>
            <th>{t('preview.account')}</th>
            <th>{t('preview.statement')}</th>
            <th>{t('preview.opening')}</th>
            <th>{t('preview.computed')}</th>
            <th>{t('preview.closing')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {preview.statements.map((s, i) => (
            <tr key={i} data-balanced={s.balanced}>
              <td>{s.account}</td>
              <td>{s.statement ?? '—'}</td>
              <td>{money(s.opening, s.currency)}</td>
              <td>{money(s.computedClosing, s.currency)}</td>
              <td>{money(s.closing, s.currency)}</td>
              <td>{s.balanced ? t('preview.balanced') : (s.mismatch ?? t('preview.unbalanced'))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {t('preview.totalIn')}: {preview.totals.in.map((x) => amount(x.amount, x.currency)).join(', ') || '—'}
        ; {t('preview.totalOut')}:{' '}
        {preview.totals.out.map((x) => amount(x.amount, x.currency)).join(', ') || '—'}
      </p>
      <table>
        <caption>{t('preview.lines')}</caption>
        <thead>
          <tr>
            <th>{t('preview.date')}</th>
            <th>{t('preview.amount')}</th>
            <th>{t('preview.counterparty')}</th>
            <th>{t('preview.purpose')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {preview.lines.map((l, i) => (
            <tr key={i} data-duplicate={l.duplicate}>
              <td>{date(l.date)}</td>
              <td>
                {l.direction === 'in' ? t('preview.in') : t('preview.out')} {amount(l.amount, l.currency)}
              </td>
              <td>{l.counterparty ?? '—'}</td>
              <td>{l.purpose ?? '—'}</td>
              <td>
                {l.duplicate
                  ? t('preview.duplicate')
                  : l.foreignReasons.length > 0
                    ? `${t('preview.foreign')}: ${l.foreignReasons.map((r) => r.label).join(', ')}`
                    : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview.linesTruncated && (
        <p data-testid="preview-lines-truncated">
          {t('preview.linesTruncated', { shown: preview.lines.length, count: preview.lineCount })}
        </p>
      )}
      {preview.warnings.length > 0 && (
        <>
          <h4>{t('preview.warnings')}</h4>
          <ul>
            {preview.warnings.map((w, i) => (
              <li key={i}>{w.message}</li>
            ))}
          </ul>
        </>
      )}
      <ImportAliasOffer orgId={orgId} fields={extraFields(preview.warnings)} onSaved={onAliasSaved} />
      {!preview.balanced && (
        <label>
          <input type="checkbox" checked={accept} onChange={(e) => setAccept(e.target.checked)} />{' '}
          {t('preview.acceptUnbalanced')}
        </label>
      )}
      <div className="row">
        <button type="button" disabled={!preview.balanced && !accept} onClick={() => onImport(accept)}>
          {t('preview.import')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('preview.cancel')}
        </button>
      </div>
    </section>
  );
}

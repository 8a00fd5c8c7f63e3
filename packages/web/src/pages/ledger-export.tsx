import type { JournalExportQuery } from '@civic/server/api';
import { useState } from 'react';
import { Panel } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';

/** The formats by the names their tools give them (proper names, the same in every language). */
const FORMATS: readonly { value: JournalExportQuery['format']; name: string }[] = [
  { value: 'ledger', name: 'ledger-cli' },
  { value: 'hledger', name: 'hledger' },
  { value: 'beancount', name: 'Beancount' },
  { value: 'csv', name: 'CSV' },
];

/**
 * The journal download of the Ledger page (GET …/ledger/export, the same text as `civic ledger
 * export`): a format, what to include, and a link the browser saves under the server's file name.
 * The journal's comments and the CSV's header are in the interface language.
 */
export function LedgerExport({ orgId }: { orgId: string }) {
  const { t, locale } = useI18n();
  const [format, setFormat] = useState<JournalExportQuery['format']>('ledger');
  const [scope, setScope] = useState<'funding' | 'all'>('funding');
  const href = `/api/v1/orgs/${encodeURIComponent(orgId)}/ledger/export?${new URLSearchParams({
    format,
    scope,
    lang: locale,
  }).toString()}`;
  return (
    <Panel id="journal-export" title={t('export.title')}>
      <p className="small">{t('export.intro')}</p>
      <div className="row" data-testid="journal-export">
        <label className="field">
          <span>{t('export.format')}</span>
          <select
            name="format"
            value={format}
            onChange={(e) => setFormat(FORMATS.find((f) => f.value === e.target.value)?.value ?? 'ledger')}
          >
            {FORMATS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('export.scope')}</span>
          <select
            name="scope"
            value={scope}
            onChange={(e) => setScope(e.target.value === 'all' ? 'all' : 'funding')}
          >
            <option value="funding">{t('export.scopeFunding')}</option>
            <option value="all">{t('export.scopeAll')}</option>
          </select>
        </label>
        <a href={href} download>
          {t('export.download')}
        </a>
      </div>
    </Panel>
  );
}

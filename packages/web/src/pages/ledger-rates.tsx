import { useState } from 'react';
import { Empty, ErrorBox, Panel } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useApi } from '../use-api.ts';

const CURRENCIES = ['USD', 'EUR', 'GBP', 'RUB', 'CNY', 'CHF'] as const;

/** The latest official rates of a currency, as imported (`civic import rates`). */
export function LedgerRates() {
  const { t, date } = useI18n();
  const [currency, setCurrency] = useState<string>('USD');
  const rates = useApi<{ rates: { date: string; rate: string; units: number }[] }>(
    `/api/v1/rates?currency=${currency}&limit=10`,
  );
  return (
    <Panel id="rates" title={t('ledger.rates')}>
      <label className="field inline">
        <span>{t('ledger.currency')}</span>
        <select value={currency} onChange={(e) => setCurrency(e.target.value)}>
          {CURRENCIES.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </label>
      {rates.error && <ErrorBox error={rates.error} />}
      {rates.data && rates.data.rates.length === 0 && <Empty />}
      {rates.data && rates.data.rates.length > 0 && (
        <ul className="plain" data-testid="rates">
          {rates.data.rates.map((r) => (
            <li key={r.date}>
              {date(r.date)}: <strong>{r.rate}</strong>{' '}
              <span className="muted small">{t('ledger.rate', { units: r.units, currency })}</span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

import type { ListedRate, OfficialRateRecord } from '@civic/server/api';
import { useState, type FormEvent } from 'react';
import { api, ApiFailure } from '../api.ts';
import { Empty, ErrorBox, Panel } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { RatesImportForm } from './ledger-rates-import.tsx';
import { useApi } from '../use-api.ts';

const CURRENCIES = ['USD', 'EUR', 'GBP', 'RUB', 'CNY', 'CHF'] as const;

/** The latest official rates of a currency, as imported (`civic import rates` or a file uploaded here) or entered by hand. */
export function LedgerRates({ orgId, canWrite }: { orgId: string; canWrite: boolean }) {
  const { t, date } = useI18n();
  const [currency, setCurrency] = useState<string>('USD');
  const [refresh, setRefresh] = useState(0);
  const rates = useApi<{ rates: ListedRate[] }>(`/api/v1/rates?currency=${currency}&limit=10`, refresh);
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
            <li key={`${r.base} ${r.date}`}>
              {date(r.date)}: <strong>{r.rate}</strong>{' '}
              <span className="muted small">
                {r.base === 'KZT'
                  ? t('ledger.rate', { units: r.units, currency })
                  : t('ledger.rateBase', { base: r.base, units: r.units, currency })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {canWrite && <RateEntry orgId={orgId} currency={currency} onSaved={() => setRefresh((x) => x + 1)} />}
      {canWrite && <RatesImportForm orgId={orgId} onImported={() => setRefresh((x) => x + 1)} />}
    </Panel>
  );
}

/** One official rate entered by hand (POST …/ledger/rates), e.g. copied from the National Bank's page. */
function RateEntry({ orgId, currency, onSaved }: { orgId: string; currency: string; onSaved: () => void }) {
  const { t, date } = useI18n();
  const [form, setForm] = useState({ date: '', rate: '', units: '1' });
  const [error, setError] = useState<ApiFailure | null>(null);
  const [saved, setSaved] = useState<OfficialRateRecord | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    api<OfficialRateRecord>('POST', `/api/v1/orgs/${encodeURIComponent(orgId)}/ledger/rates`, {
      date: form.date,
      currency,
      rate: form.rate,
      units: Number(form.units) || 1,
    }).then(
      (r) => {
        setSaved(r);
        onSaved();
      },
      (err: unknown) => setError(err instanceof ApiFailure ? err : new ApiFailure(0, 'NETWORK', String(err))),
    );
  };
  return (
    <form className="row" onSubmit={submit} data-testid="rate-entry">
      <strong>{t('lf.rate.title')}</strong>
      <label className="field">
        <span>{t('lf.rate.date')}</span>
        <input
          type="date"
          required
          value={form.date}
          onChange={(e) => setForm({ ...form, date: e.target.value })}
        />
      </label>
      <label className="field">
        <span>{t('lf.rate.rate')}</span>
        <input
          required
          inputMode="decimal"
          value={form.rate}
          onChange={(e) => setForm({ ...form, rate: e.target.value })}
        />
      </label>
      <label className="field">
        <span>{t('lf.rate.units')}</span>
        <input
          inputMode="numeric"
          value={form.units}
          onChange={(e) => setForm({ ...form, units: e.target.value })}
        />
      </label>
      <button type="submit">{t('lf.save')}</button>
      {saved && (
        <p role="status" className="small">
          {t('lf.rate.saved', {
            rate: saved.rate,
            units: saved.units,
            currency: saved.currency,
            date: date(saved.date),
          })}
        </p>
      )}
      {error && <ErrorBox error={error} />}
    </form>
  );
}

import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/** What the accountant says about the currency of a CSV statement the import could not read alone. */
export type CurrencyMapping = { readonly currencyColumn: string } | { readonly currency: string };

/**
 * Shown when an import stops with IMPORT_CSV_MAPPING_REQUIRED about the currency (issue 12): the
 * column it names (`field`: a header that holds currency codes), or no currency column at all
 * (`field` = `currency`). The accountant picks the column that holds the currency, or states the
 * statement's currency, and the import runs again with that mapping.
 */
export function CurrencyMappingForm({
  field,
  onRetry,
}: {
  field: string;
  onRetry: (mapping: CurrencyMapping) => void;
}) {
  const { t } = useI18n();
  const named = field !== 'currency' && field !== 'currencyColumn';
  const [choice, setChoice] = useState<'column' | 'currency'>(named ? 'column' : 'currency');
  const [column, setColumn] = useState(named ? field : '');
  const [currency, setCurrency] = useState('');
  const valid = choice === 'column' ? column.trim() !== '' : /^[A-Za-z]{3}$/.test(currency.trim());
  return (
    <fieldset className="full" data-testid="currency-mapping">
      <legend>{t('ledger.mapTitle')}</legend>
      <p>{named ? t('ledger.mapColumnFound', { column: field }) : t('ledger.mapNoColumn')}</p>
      <label className="field">
        <input type="radio" checked={choice === 'column'} onChange={() => setChoice('column')} />
        <span>{t('ledger.mapUseColumn')}</span>
        <input
          name="currencyColumn"
          value={column}
          onChange={(e) => {
            setColumn(e.target.value);
            setChoice('column');
          }}
        />
      </label>
      <label className="field">
        <input type="radio" checked={choice === 'currency'} onChange={() => setChoice('currency')} />
        <span>{t('ledger.mapStateCurrency')}</span>
        <input
          name="currency"
          maxLength={3}
          value={currency}
          onChange={(e) => {
            setCurrency(e.target.value.toUpperCase());
            setChoice('currency');
          }}
        />
      </label>
      <button
        type="button"
        disabled={!valid}
        onClick={() =>
          onRetry(
            choice === 'column'
              ? { currencyColumn: column.trim() }
              : { currency: currency.trim().toUpperCase() },
          )
        }
      >
        {t('ledger.mapRetry')}
      </button>
    </fieldset>
  );
}

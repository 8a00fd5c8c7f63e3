import { LOCALES } from '@civic/core';
import type { ImportAliasList } from '@civic/server/api';
import { useState } from 'react';
import { api, ApiFailure } from '../api.ts';
import { ErrorBox } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useApi } from '../use-api.ts';

/** A field of the statement the import does not read, with the line it first appears on. */
export interface UnknownField {
  readonly field: string;
  readonly line: number;
}

/**
 * Offered where a 1C statement names fields the import does not read — the error that stops the
 * preview (an amount under the bank's own name) or the preview's warnings: «treat «ВидДокумента»
 * as …» with the known fields in the user's language. Saving stores the alias for the organisation
 * (PUT …/ledger/import-aliases, audited) and `onSaved` runs the preview again.
 */
export function ImportAliasOffer({
  orgId,
  fields,
  onSaved,
}: {
  orgId: string;
  fields: readonly UnknownField[];
  onSaved: () => void;
}) {
  const { t, locale } = useI18n();
  const url = `/api/v1/orgs/${encodeURIComponent(orgId)}/ledger/import-aliases`;
  // Loaded again in the interface language when it changes (the fields' labels).
  const list = useApi<ImportAliasList>(url, LOCALES.indexOf(locale));
  const [targets, setTargets] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  if (fields.length === 0) return null;
  const options = list.data?.targets ?? [];
  const saved = list.data?.aliases ?? [];
  const shown = error ?? list.error;

  const change = async (run: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await run();
      onSaved();
    } catch (x) {
      setError(x instanceof ApiFailure ? x : new ApiFailure(0, 'NETWORK', String(x)));
    } finally {
      setBusy(false);
    }
  };
  const save = (field: string) => {
    const target = targets[field];
    return target ? change(() => api<ImportAliasList>('PUT', url, { field, target })) : Promise.resolve();
  };
  const remove = (field: string) =>
    change(() => api<ImportAliasList>('DELETE', `${url}/${encodeURIComponent(field)}`));

  return (
    <fieldset className="full" data-testid="import-aliases">
      <legend>{t('alias.title')}</legend>
      <p className="small">{t('alias.intro')}</p>
      <ul>
        {fields.map((f) => (
          <li key={f.field} data-field={f.field}>
            <label className="field">
              <span>{t('alias.treatAs', { field: f.field })}</span>
              <select
                value={targets[f.field] ?? ''}
                onChange={(e) => setTargets((x) => ({ ...x, [f.field]: e.target.value }))}
              >
                <option value="">{t('alias.choose')}</option>
                {options.map((o) => (
                  <option key={o.field} value={o.field}>
                    {o.label}
                  </option>
                ))}
              </select>
            </label>{' '}
            <span className="small">{t('alias.field', { field: f.field, line: f.line })}</span>{' '}
            <button type="button" disabled={busy || !targets[f.field]} onClick={() => void save(f.field)}>
              {t('alias.save')}
            </button>
          </li>
        ))}
      </ul>
      {saved.length > 0 && (
        <>
          <p className="small">{t('alias.savedList')}</p>
          <ul className="small" data-testid="saved-aliases">
            {saved.map((a) => (
              <li key={a.field}>
                {a.field} → {a.targetLabel}{' '}
                <button type="button" disabled={busy} onClick={() => void remove(a.field)}>
                  {t('alias.remove')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {shown && <ErrorBox error={shown} />}
    </fieldset>
  );
}

/** The fields a preview's warnings name as not read (IMPORT_FIELD_EXTRA), each once. */
export function extraFields(
  warnings: readonly { code?: string; field?: string; line: number }[],
): UnknownField[] {
  const seen = new Set<string>();
  const out: UnknownField[] = [];
  for (const w of warnings)
    if (w.code === 'IMPORT_FIELD_EXTRA' && w.field !== undefined && !seen.has(w.field)) {
      seen.add(w.field);
      out.push({ field: w.field, line: w.line });
    }
  return out;
}

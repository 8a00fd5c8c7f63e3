import type { RatesImport } from '@civic/server/api';
import { useState, type FormEvent } from 'react';
import { ApiFailure, uploadFile } from '../api.ts';
import { ErrorBox } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * A rates file (the NBK daily XML or CSV date,currency,rate,units) uploaded as the web's
 * `civic import rates` (POST …/ledger/rates/import); says what it imported, or the file's error
 * (file, line and field, in the user's language) beside the control.
 */
export function RatesImportForm({ orgId, onImported }: { orgId: string; onImported: () => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ file: string; result: RatesImport } | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setError(null);
    setDone(null);
    setBusy(true);
    try {
      const q = new URLSearchParams({ fileName: file.name });
      const result = await uploadFile<RatesImport>(
        `/api/v1/orgs/${encodeURIComponent(orgId)}/ledger/rates/import?${q}`,
        file,
        () => undefined,
      );
      setDone({ file: file.name, result });
      onImported();
    } catch (x) {
      setError(x instanceof ApiFailure ? x : new ApiFailure(0, 'NETWORK', String(x)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="row" onSubmit={(e) => void submit(e)} data-testid="rates-import">
      <strong>{t('lf.rates.title')}</strong>
      <label className="field">
        <span>{t('lf.rates.file')}</span>
        <input
          type="file"
          required
          accept=".xml,.csv,text/xml,application/xml,text/csv"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </label>
      <button type="submit" disabled={busy || !file}>
        {t('lf.rates.upload')}
      </button>
      <p className="muted small">{t('lf.rates.hint')}</p>
      {done && (
        <p role="status" className="small" data-testid="rates-imported">
          {t('lf.rates.done', {
            file: done.file,
            read: done.result.read,
            imported: done.result.imported,
            duplicates: done.result.duplicates,
            updated: done.result.updated,
          })}
        </p>
      )}
      {error && <ErrorBox error={error} />}
    </form>
  );
}

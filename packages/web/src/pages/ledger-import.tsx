import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiFailure, uploadFile } from '../api.ts';
import { ErrorBox } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session.tsx';
import type { BankPreview } from '@civic/server/api';
import { ImportAliasOffer } from './ledger-import-aliases.tsx';
import { CurrencyMappingForm, type CurrencyMapping } from './ledger-import-mapping.tsx';
import { ImportPreview } from './ledger-import-preview.tsx';

interface ImportResult {
  read: number;
  imported: number;
  duplicates: number;
  foreignCandidates: number;
  warnings?: { code: string | null; line: number; field: string | null }[];
}

/** Import errors the preview repeats with `unknownFields` when the file is 1C. */
const PREVIEW_NAMES_FIELDS: ReadonlySet<string> = new Set([
  'IMPORT_FIELD_MISSING',
  'IMPORT_ACCOUNT_UNMATCHED',
]);

/** Upload a bank statement with a progress bar; tells what the import found. */
export function LedgerImport({ orgId, onImported }: { orgId: string; onImported: () => void }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const orgName = me?.memberships.find((m) => m.organisationId === orgId)?.organisationName ?? '';
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [preview, setPreview] = useState<BankPreview | null>(null);

  const upload = async (mapping?: CurrencyMapping, acceptUnbalanced = false) => {
    if (!file) return;
    setError(null);
    setResult(null);
    setPreview(null);
    setProgress(0);
    try {
      const q = new URLSearchParams({
        fileName: file.name,
        ...(format ? { format } : {}),
        ...mapping,
        ...(acceptUnbalanced ? { acceptUnbalanced: 'true' } : {}),
      });
      setResult(
        await uploadFile<ImportResult>(
          `/api/v1/orgs/${encodeURIComponent(orgId)}/ledger/imports?${q}`,
          file,
          setProgress,
        ),
      );
      onImported();
    } catch (x) {
      const failure = x instanceof ApiFailure ? x : new ApiFailure(0, 'NETWORK', String(x));
      // A file whose amount, date or accounts may sit under a bank's own 1C names: the preview
      // gives the same error with the fields it cannot read, each offered an alias.
      if (PREVIEW_NAMES_FIELDS.has(failure.code)) await showPreview();
      else setError(failure);
    } finally {
      setProgress(null);
    }
  };

  /** The same file read and checked by the server, nothing written: shown for Import or Cancel. */
  const showPreview = async () => {
    if (!file) return;
    setError(null);
    setResult(null);
    setProgress(0);
    try {
      const q = new URLSearchParams({ fileName: file.name, ...(format ? { format } : {}) });
      setPreview(
        await uploadFile<BankPreview>(
          `/api/v1/orgs/${encodeURIComponent(orgId)}/ledger/imports/preview?${q}`,
          file,
          setProgress,
        ),
      );
    } catch (x) {
      setPreview(null);
      setError(x instanceof ApiFailure ? x : new ApiFailure(0, 'NETWORK', String(x)));
    } finally {
      setProgress(null);
    }
  };

  // The preview's messages and labels are in the language it was asked in: ask again on a switch.
  const previewedIn = useRef(locale);
  useEffect(() => {
    if (previewedIn.current === locale) return;
    previewedIn.current = locale;
    if (preview || error?.unknownFields) void showPreview();
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void upload();
  };
  // The import stopped on the currency: offer the mapping, then run it again (issue 12).
  const mappingField =
    error?.code === 'IMPORT_CSV_MAPPING_REQUIRED' && error.field !== undefined ? error.field : null;

  return (
    <form className="row" onSubmit={submit} aria-labelledby="import-title">
      <h2 id="import-title" className="full">
        {t('ledger.import')}
      </h2>
      <label className="field">
        <span>{t('ledger.file')}</span>
        <input type="file" name="statement" required onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </label>
      <label className="field">
        <span>{t('ledger.format')}</span>
        <select value={format} onChange={(e) => setFormat(e.target.value)}>
          <option value="">{t('ledger.formatAuto')}</option>
          <option value="1c">1C</option>
          <option value="csv">CSV</option>
          <option value="camt053">CAMT.053</option>
          <option value="mt940">MT940</option>
        </select>
      </label>
      <button type="submit" disabled={!file || progress !== null}>
        {t('ledger.upload')}
      </button>
      <button type="button" disabled={!file || progress !== null} onClick={() => void showPreview()}>
        {t('preview.button')}
      </button>
      {preview && (
        <ImportPreview
          preview={preview}
          orgId={orgId}
          orgName={orgName}
          onAliasSaved={() => void showPreview()}
          onImport={(accept) => void upload(undefined, accept)}
          onCancel={() => setPreview(null)}
        />
      )}
      {progress !== null && (
        <div className="full" role="status">
          <progress max={1} value={progress < 1 ? progress : undefined} aria-label={t('ledger.import')} />{' '}
          {progress < 1
            ? t('ledger.uploading', { percent: Math.round(progress * 100) })
            : t('ledger.processing')}
        </div>
      )}
      {result && (
        <p className="full" role="status" data-testid="import-result">
          {t('ledger.imported', {
            read: result.read,
            imported: result.imported,
            duplicates: result.duplicates,
            candidates: result.foreignCandidates,
          })}
        </p>
      )}
      {result?.warnings?.some((w) => w.code === 'IMPORT_FIELD_EXTRA') && (
        <ul className="full small" data-testid="import-warnings">
          {result.warnings
            .filter((w) => w.code === 'IMPORT_FIELD_EXTRA')
            .map((w) => (
              <li key={`${w.field ?? ''}:${String(w.line)}`}>
                {t('ledger.extraField', { field: w.field ?? '', line: w.line })}
              </li>
            ))}
        </ul>
      )}
      {error && (
        <div className="full">
          <ErrorBox error={error} />
        </div>
      )}
      {error?.unknownFields && error.unknownFields.length > 0 && (
        <ImportAliasOffer orgId={orgId} fields={error.unknownFields} onSaved={() => void showPreview()} />
      )}
      {mappingField !== null && (
        <CurrencyMappingForm key={mappingField} field={mappingField} onRetry={(m) => void upload(m)} />
      )}
    </form>
  );
}

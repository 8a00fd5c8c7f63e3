import type { BankImportList } from '@civic/server/api';
import { useI18n } from '../i18n/i18n.tsx';
import { useApi } from '../use-api.ts';

/**
 * The statements imported although their balances do not add up (issue 14): when, which file, how
 * many lines. The arithmetic is in the organisation's log and the API; nothing shows while every
 * import balanced.
 */
export function UnbalancedImports({ orgId, refreshKey }: { orgId: string; refreshKey: number }) {
  const { t, dateTime, number } = useI18n();
  const list = useApi<BankImportList>(`/api/v1/orgs/${encodeURIComponent(orgId)}/ledger/imports`, refreshKey);
  const unbalanced = (list.data?.imports ?? []).filter((b) => b.unbalanced !== null);
  if (unbalanced.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="unbalanced-title" data-testid="unbalanced-imports">
      <h2 id="unbalanced-title">{t('preview.unbalancedImports')}</h2>
      <ul>
        {unbalanced.map((b) => (
          <li key={b.id}>
            {dateTime(b.importedAt)} — {b.fileName}:{' '}
            {t('preview.unbalancedImport', { lines: number(b.imported) })}
          </li>
        ))}
      </ul>
    </section>
  );
}

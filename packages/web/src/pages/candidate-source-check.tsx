import { LINT_CODE_LABELS, labelOf } from '@civic/core';
import type { SourceRecord } from '@civic/server/api';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { useApi } from '../use-api.ts';
import { FilingFix } from './filing-fix.tsx';

/** What a filing check would find in a source, by the field that fixes it. */
const SOURCE_GAPS = [
  { code: 'LINT_SOURCE_CATEGORY_MISSING', field: 'category' },
  { code: 'LINT_SOURCE_COUNTRY_MISSING', field: 'country' },
] as const;

/**
 * The source a proposed payment will be booked to, checked before it is confirmed (issue 13): a
 * source without a category or a country is named with the filing check's label, and the finding
 * opens the source's form at that field; after saving, the source is checked again here.
 */
export function CandidateSourceCheck({
  orgId,
  sourceId,
  canWrite,
}: {
  orgId: string;
  sourceId: string;
  canWrite: boolean;
}) {
  const { t, locale } = useI18n();
  const [round, setRound] = useState(0);
  const [fixing, setFixing] = useState<string | null>(null);
  const source = useApi<SourceRecord>(
    `/api/v1/orgs/${encodeURIComponent(orgId)}/ledger/sources/${encodeURIComponent(sourceId)}`,
    round,
  );
  if (!source.data) return null;
  const s = source.data;
  const gaps = SOURCE_GAPS.filter((g) => s[g.field] === null);
  if (gaps.length === 0 && fixing === null) return null;
  return (
    <div className="small" data-testid="candidate-findings">
      <ul>
        {gaps.map((g) => (
          <li key={g.code} data-code={g.code}>
            <strong>{labelOf(LINT_CODE_LABELS, g.code, locale)}</strong>
            {`: ${s.name} `}
            {canWrite && (
              <button type="button" data-testid="fix" onClick={() => setFixing(g.field)}>
                {t('lf.fix')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {fixing !== null && (
        <FilingFix
          orgId={orgId}
          kind="sources"
          id={sourceId}
          field={fixing}
          onSaved={() => {
            setFixing(null);
            setRound((r) => r + 1);
          }}
          onCancel={() => setFixing(null)}
        />
      )}
    </div>
  );
}

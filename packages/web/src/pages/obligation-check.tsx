import type { ObligationCheck } from '@civic/server/api';
import { useState } from 'react';
import { ErrorBox, Loading } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useApi } from '../use-api.ts';
import { FilingFix, fixOf } from './filing-fix.tsx';
import type { Kind } from './ledger-record-fields.ts';

/**
 * An obligation checked before its filing is prepared (issue 13): each finding that names a record
 * opens that record's form at the field; after saving, the check runs again here.
 */
export function ObligationCheckPanel({
  base,
  orgId,
  obligationId,
  canWrite,
  onFixed,
}: {
  base: string;
  orgId: string;
  obligationId: string;
  canWrite: boolean;
  onFixed: () => void;
}) {
  const { t } = useI18n();
  const [round, setRound] = useState(0);
  const [fixing, setFixing] = useState<{ kind: Kind; id: string; field?: string } | null>(null);
  const check = useApi<ObligationCheck>(
    `${base}/obligations/${encodeURIComponent(obligationId)}/check`,
    round,
  );
  return (
    <div className="small" data-testid="obligation-check">
      {check.loading && !check.data && <Loading />}
      {check.error && <ErrorBox error={check.error} />}
      {check.data && (
        <div role="status">
          {check.data.problems.length === 0 ? (
            t('filings.noProblems')
          ) : (
            <>
              {t('filings.problems', { errors: check.data.errors, warnings: check.data.warnings })}
              <ul>
                {check.data.problems.map((p, i) => {
                  const fix = fixOf(p);
                  return (
                    <li key={`${p.code}-${i}`} data-code={p.code}>
                      <strong>{p.label}</strong>
                      {`: ${p.message}`}{' '}
                      {canWrite && fix && (
                        <button type="button" data-testid="fix" onClick={() => setFixing(fix)}>
                          {t('lf.fix')}
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </div>
      )}
      {fixing && (
        <FilingFix
          orgId={orgId}
          kind={fixing.kind}
          id={fixing.id}
          field={fixing.field}
          onSaved={() => {
            setFixing(null);
            setRound((r) => r + 1);
            onFixed();
          }}
          onCancel={() => setFixing(null)}
        />
      )}
    </div>
  );
}

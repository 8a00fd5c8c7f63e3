import { roleAllows } from '@civic/core';
import { useState } from 'react';
import { api, ApiFailure } from '../api.ts';
import { Empty, ErrorBox, Panel } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session.tsx';
import { useApi } from '../use-api.ts';
import { FilingItem, type Filing } from './filing-item.tsx';
import { ObligationsPanel } from './obligations-panel.tsx';
import { OrgSection } from './section.tsx';

/** Obligations with due days and statuses; filings prepared, checked, downloaded and submitted. */
export default function FilingsPage({ orgId }: { orgId: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<ApiFailure | null>(null);
  const base = `/api/v1/orgs/${encodeURIComponent(orgId)}`;
  const filings = useApi<{ filings: Filing[] }>(`${base}/filings`, version);
  // The default submission day is today where the pack's law counts days (Almaty for kz), from the server.
  const org = useApi<{ today?: string }>(base);
  const role = me?.memberships.find((m) => m.organisationId === orgId)?.role;
  const canWrite = role !== undefined && roleAllows(role, 'filings:write');
  const changed = () => setVersion((v) => v + 1);
  const prepare = (obligationId: string) => {
    setError(null);
    api('POST', `${base}/filings`, { obligationId }).then(changed, (e: unknown) =>
      setError(e instanceof ApiFailure ? e : new ApiFailure(0, 'NETWORK', String(e))),
    );
  };

  return (
    <OrgSection orgId={orgId} title={(name) => `${t('filings.title')} — ${name}`}>
      <ObligationsPanel base={base} version={version} canWrite={canWrite} onPrepare={prepare} />
      {error && <ErrorBox error={error} />}
      <Panel id="filings" title={t('filings.filings')}>
        {filings.error && <ErrorBox error={filings.error} />}
        {filings.data && filings.data.filings.length === 0 && <Empty />}
        {filings.data && filings.data.filings.length > 0 && (
          <ul className="plain" data-testid="filings">
            {filings.data.filings.map((f) => (
              <FilingItem
                orgId={orgId}
                key={f.id}
                base={base}
                filing={f}
                canWrite={canWrite}
                onChanged={changed}
                today={org.data?.today}
              />
            ))}
          </ul>
        )}
      </Panel>
    </OrgSection>
  );
}

import { roleAllows } from '@civic/core';
import { useState } from 'react';
import { api, ApiFailure } from '../api.ts';
import { Empty, ErrorBox, Loading, Panel } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { useSession } from '../session.tsx';
import { useApi } from '../use-api.ts';
import { FilingItem, type Filing } from './filing-item.tsx';
import { OrgSection } from './section.tsx';

interface Obligation {
  id: string;
  title: string;
  form: string;
  period: { from: string; to: string; label: string };
  dueOn: string;
  status: string;
  citation: string;
  citationUrl: string | null;
  verified: boolean;
  filingId: string | null;
}

/** Obligations with due days and statuses; filings prepared, checked, downloaded and submitted. */
export default function FilingsPage({ orgId }: { orgId: string }) {
  const { t, date } = useI18n();
  const { me } = useSession();
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<ApiFailure | null>(null);
  const base = `/api/v1/orgs/${encodeURIComponent(orgId)}`;
  const obligations = useApi<{ asOf: string; obligations: Obligation[] }>(`${base}/obligations`, version);
  const filings = useApi<{ filings: Filing[] }>(`${base}/filings`, version);
  const role = me?.memberships.find((m) => m.organisationId === orgId)?.role;
  const canWrite = role !== undefined && roleAllows(role, 'filings:write');
  const changed = () => setVersion((v) => v + 1);
  const prepare = (obligationId: string) => {
    setError(null);
    api('POST', `${base}/filings`, { obligationId }).then(changed, (e: unknown) => setError(e instanceof ApiFailure ? e : new ApiFailure(0, 'NETWORK', String(e))));
  };
  const statusLabel = (s: string) => t(`status.${s}` as MessageKey);

  return (
    <OrgSection orgId={orgId} title={(name) => `${t('filings.title')} — ${name}`}>
      <Panel id="obligations" title={t('filings.obligations')}>
        {obligations.loading && <Loading />}
        {obligations.error && <ErrorBox error={obligations.error} />}
        {obligations.data && obligations.data.obligations.length === 0 && <Empty />}
        {obligations.data && obligations.data.obligations.length > 0 && (
          <div className="table-wrap">
            <table data-testid="obligations">
              <thead>
                <tr>
                  <th scope="col">{t('filings.form')}</th>
                  <th scope="col">{t('filings.what')}</th>
                  <th scope="col">{t('ledger.period')}</th>
                  <th scope="col">{t('filings.due')}</th>
                  <th scope="col">{t('filings.status')}</th>
                  <th scope="col">{t('filings.basis')}</th>
                  {canWrite && <th scope="col" aria-label={t('filings.prepare')} />}
                </tr>
              </thead>
              <tbody>
                {obligations.data.obligations.map((o) => (
                  <tr key={o.id} className={`status-${o.status}`}>
                    <td>{o.form}</td>
                    <td>{o.title}</td>
                    <td>{o.period.from === o.period.to ? date(o.period.from) : o.period.label}</td>
                    <td>
                      <time dateTime={o.dueOn}>{date(o.dueOn)}</time>
                    </td>
                    <td>
                      <span className={`badge ${o.status}`}>{statusLabel(o.status)}</span>
                    </td>
                    <td className="small">
                      {o.citationUrl ? (
                        <a href={o.citationUrl} rel="noreferrer noopener" target="_blank">
                          {o.citation}
                        </a>
                      ) : (
                        o.citation
                      )}
                      {!o.verified && <span className="muted"> ({t('filings.unverified')})</span>}
                    </td>
                    {canWrite && (
                      <td>
                        {o.filingId === null && (
                          <button type="button" onClick={() => prepare(o.id)}>
                            {t('filings.prepare')}
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
      {error && <ErrorBox error={error} />}
      <Panel id="filings" title={t('filings.filings')}>
        {filings.error && <ErrorBox error={filings.error} />}
        {filings.data && filings.data.filings.length === 0 && <Empty />}
        {filings.data && filings.data.filings.length > 0 && (
          <ul className="plain" data-testid="filings">
            {filings.data.filings.map((f) => (
              <FilingItem key={f.id} base={base} filing={f} canWrite={canWrite} onChanged={changed} />
            ))}
          </ul>
        )}
      </Panel>
    </OrgSection>
  );
}

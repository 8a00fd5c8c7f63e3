import { Empty, ErrorBox, Loading, Panel } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { useApi } from '../use-api.ts';
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
}
interface Filing {
  id: string;
  form: string;
  period: { from: string; to: string };
  state: 'draft' | 'submitted';
  submittedOn: string | null;
}

// TODO(filings): calendar view; prepare a filing with its lint results; record the submission;
// the proof bundle.
export default function FilingsPage({ orgId }: { orgId: string }) {
  const { t, date } = useI18n();
  const base = `/api/v1/orgs/${encodeURIComponent(orgId)}`;
  const obligations = useApi<{ asOf: string; obligations: Obligation[] }>(`${base}/obligations`);
  const filings = useApi<{ filings: Filing[] }>(`${base}/filings`);
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
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
      <Panel id="filings" title={t('filings.filings')}>
        {filings.error && <ErrorBox error={filings.error} />}
        {filings.data && filings.data.filings.length === 0 && <Empty />}
        {filings.data && filings.data.filings.length > 0 && (
          <ul className="plain">
            {filings.data.filings.map((f) => (
              <li key={f.id}>
                {f.form} — {date(f.period.from)} – {date(f.period.to)} — {statusLabel(f.state)}
                {f.submittedOn && ` (${date(f.submittedOn)})`} — {t('filings.download')}:{' '}
                <a href={`${base}/filings/${encodeURIComponent(f.id)}/document?format=pdf`}>PDF</a> · <a href={`${base}/filings/${encodeURIComponent(f.id)}/document?format=xlsx`}>XLSX</a>
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </OrgSection>
  );
}

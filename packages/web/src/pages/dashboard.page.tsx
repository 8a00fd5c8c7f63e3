import { localPlaceName, type Role } from '@civic/core';
import { ErrorBox, Loading, Panel } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';
import { useApi } from '../use-api.ts';
import { CasesPanel, DuePanel, IncidentsPanel } from './dashboard-panels.tsx';

interface Organisation {
  id: string;
  name: string;
  bin: string | null;
  city: string | null;
  role: Role;
  /** Today in the organisation's rule-pack time zone (the server's; never the UTC date). */
  today?: string;
}

/** The organisation at a glance: what is due, open cases with their next deadline, recent incidents. */
export default function DashboardPage({ orgId }: { orgId: string }) {
  const { t, date, locale } = useI18n();
  const { me } = useSession();
  const org = useApi<Organisation>(`/api/v1/orgs/${encodeURIComponent(orgId)}`);
  if (org.loading) return <Loading />;
  if (org.error || !org.data) return org.error ? <ErrorBox error={org.error} /> : null;
  const o = org.data;
  return (
    <>
      <h1 data-testid="page-title">
        {t('dashboard.title')} — {o.name}
      </h1>
      <p className="muted">
        {t('dashboard.today', { date: date(o.today ?? new Date().toISOString().slice(0, 10)) })}
      </p>
      <dl className="facts">
        <div>
          <dt>{t('dashboard.organisation')}</dt>
          <dd>{o.name}</dd>
        </div>
        <div>
          <dt>{t('dashboard.bin')}</dt>
          <dd>{o.bin ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('dashboard.city')}</dt>
          <dd>{o.city === null ? '—' : localPlaceName(o.city, locale)}</dd>
        </div>
        <div>
          <dt>{t('common.role')}</dt>
          <dd>{t(`role.${o.role}`)}</dd>
        </div>
      </dl>
      <div className="grid">
        <DuePanel orgId={orgId} role={o.role} />
        <CasesPanel orgId={orgId} role={o.role} />
        <IncidentsPanel />
        <Panel id="orgs" title={t('dashboard.yourOrganisations')}>
          <ul className="plain">
            {me?.memberships.map((m) => (
              <li key={m.organisationId}>
                <Link to={`/orgs/${encodeURIComponent(m.organisationId)}/dashboard`}>
                  {m.organisationName}
                </Link>{' '}
                <span className="muted small">({t(`role.${m.role}`)})</span>
              </li>
            ))}
          </ul>
        </Panel>
      </div>
    </>
  );
}

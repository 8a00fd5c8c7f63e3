import type { Role } from '@civic/core';
import { Empty, ErrorBox, Loading, Panel } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';
import { useApi } from '../use-api.ts';

interface Organisation {
  id: string;
  name: string;
  bin: string | null;
  city: string | null;
  role: Role;
}

// TODO(capabilities): fill "due and overdue" from the obligations API, "open cases" from the
// claims API and "recent incidents" from the incidents API as they land.
export default function DashboardPage({ orgId }: { orgId: string }) {
  const { t, date } = useI18n();
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
      <p className="muted">{t('dashboard.today', { date: date(new Date().toISOString().slice(0, 10)) })}</p>
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
          <dd>{o.city ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('common.role')}</dt>
          <dd>{t(`role.${o.role}`)}</dd>
        </div>
      </dl>
      <div className="grid">
        <Panel id="due" title={t('dashboard.due')}>
          <Empty />
        </Panel>
        <Panel id="cases" title={t('dashboard.cases')}>
          <Empty />
        </Panel>
        <Panel id="incidents" title={t('dashboard.incidents')}>
          <Empty />
        </Panel>
        <Panel id="orgs" title={t('dashboard.yourOrganisations')}>
          <ul className="plain">
            {me?.memberships.map((m) => (
              <li key={m.organisationId}>
                <Link to={`/orgs/${encodeURIComponent(m.organisationId)}/dashboard`}>{m.organisationName}</Link> <span className="muted small">({t(`role.${m.role}`)})</span>
              </li>
            ))}
          </ul>
        </Panel>
      </div>
    </>
  );
}

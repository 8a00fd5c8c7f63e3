import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { Loading, NotFound } from './components/status.tsx';
import { Layout, ORG_SECTIONS } from './layout.tsx';
import { matchPath, Redirect, useLocation } from './router.tsx';
import { defaultOrgId, rememberOrg, useSession } from './session.tsx';
import DashboardPage from './pages/dashboard.page.tsx';
import LoginPage from './pages/login.page.tsx';

// The two pages a visit starts on (sign-in, dashboard) come with the shell, so the first page shows
// without a second round trip or a suspended render; every other page is its own chunk.
const MonitorPage = lazy(() => import('./pages/monitor.page.tsx'));
const IncidentPage = lazy(() => import('./pages/incident.page.tsx'));
const NewIncidentPage = lazy(() =>
  import('./pages/incident.page.tsx').then((m) => ({ default: m.NewIncidentPage })),
);
const BriefsPage = lazy(() => import('./pages/briefs.page.tsx'));
const AccountPage = lazy(() => import('./pages/account.page.tsx'));
const CasePage = lazy(() => import('./pages/case.page.tsx'));
const NotificationsPage = lazy(() => import('./pages/notifications.page.tsx'));
const InvitationPage = lazy(() => import('./pages/invitation.page.tsx'));
const NewOrganisationPage = lazy(() => import('./pages/new-organisation.page.tsx'));
const ORG_PAGES: Readonly<
  Record<string, LazyExoticComponent<ComponentType<{ orgId: string }>> | ComponentType<{ orgId: string }>>
> = {
  dashboard: DashboardPage,
  ledger: lazy(() => import('./pages/ledger.page.tsx')),
  filings: lazy(() => import('./pages/filings.page.tsx')),
  cases: lazy(() => import('./pages/cases.page.tsx')),
  audit: lazy(() => import('./pages/audit.page.tsx')),
  settings: lazy(() => import('./pages/settings.page.tsx')),
  members: lazy(() => import('./pages/members.page.tsx')),
};

export function App() {
  const { me } = useSession();
  const location = useLocation();
  const path = location.split('?')[0] ?? '/';

  if (me === undefined) return <Loading />;
  // An invitation link opens without a session (the person has no account yet).
  const invitation = matchPath('/invitation/:token', path);
  if (invitation?.token)
    return (
      <Suspense fallback={<Loading />}>
        <InvitationPage token={invitation.token} />
      </Suspense>
    );
  if (path === '/login') {
    if (me) return <Redirect to="/" />;
    return <LoginPage />;
  }
  if (!me) return <Redirect to={`/login?next=${encodeURIComponent(location)}`} />;

  if (path === '/' || path === '') {
    const org = defaultOrgId(me);
    return <Redirect to={org ? `/orgs/${encodeURIComponent(org)}/dashboard` : '/monitor'} />;
  }

  const caseMatch = matchPath('/orgs/:orgId/cases/:caseId', path);
  const orgMatch =
    matchPath('/orgs/:orgId/:section', path) ??
    (matchPath('/orgs/:orgId', path) ? { ...matchPath('/orgs/:orgId', path), section: 'dashboard' } : null);
  let page = <NotFound />;
  let orgId: string | undefined;
  if (caseMatch?.orgId && caseMatch.caseId) {
    const membership = me.memberships.find((m) => m.organisationId === caseMatch.orgId);
    if (membership) {
      orgId = membership.organisationId;
      page = <CasePage orgId={orgId} caseId={caseMatch.caseId} />;
    }
  } else if (orgMatch?.orgId && orgMatch.section) {
    const membership = me.memberships.find((m) => m.organisationId === orgMatch.orgId);
    const Page = ORG_PAGES[orgMatch.section];
    // Not a member: the same "not found" as the API gives, and no request for the data is made.
    if (membership && Page && ORG_SECTIONS.some((s) => s.path === orgMatch.section)) {
      orgId = membership.organisationId;
      rememberOrg(orgId);
      page = <Page orgId={orgId} />;
    }
  } else if (path === '/monitor') page = <MonitorPage />;
  else if (path === '/monitor/briefs') page = <BriefsPage />;
  else if (path === '/monitor/incidents/new') page = <NewIncidentPage />;
  else if (matchPath('/monitor/incidents/:id', path)?.id) {
    const id = matchPath('/monitor/incidents/:id', path)?.id ?? '';
    page = <IncidentPage key={id} id={id} />;
  } else if (path === '/account') page = <AccountPage />;
  else if (path === '/notifications') page = <NotificationsPage />;
  else if (path === '/organisations/new' && me.user.instanceAdmin) page = <NewOrganisationPage />;

  return (
    <Layout orgId={orgId}>
      <Suspense fallback={<Loading />}>{page}</Suspense>
    </Layout>
  );
}

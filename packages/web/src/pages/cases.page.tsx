import {
  CASE_ACTION_KIND_LABELS,
  caseDeadlineText,
  labelOf,
  roleAllows,
  type CaseDeadline,
} from '@civic/core';
import { Empty, ErrorBox, Loading, Panel } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';
import { useApi } from '../use-api.ts';
import { NewCaseForm } from './case-forms.tsx';
import { OrgSection } from './section.tsx';

interface CaseSummary {
  id: string;
  title: string;
  pack: string;
  status: 'open' | 'closed';
  openedOn: string | null;
  actions: number;
  lastAction: { kind: string; date: string | null } | null;
}
interface Deadline extends Pick<CaseDeadline, 'kind' | 'basis'> {
  id: string;
  date: string;
  caseId: string;
  caseTitle: string;
  organisationId: string;
  organisationName: string;
  status: 'open' | 'moot';
  passed: boolean;
  verified: boolean;
}

/** The box lists what is still to be done: open deadlines whose day has not passed. */
const openDeadlines = <D extends { status: string; passed: boolean }>(all: readonly D[]): D[] =>
  all.filter((d) => d.status === 'open' && !d.passed);

/** The organisation's cases, and the deadlines of every case across the user's organisations. */
export default function CasesPage({ orgId }: { orgId: string }) {
  const { t, date, locale } = useI18n();
  const cases = useApi<{ cases: CaseSummary[] }>(`/api/v1/orgs/${encodeURIComponent(orgId)}/cases`);
  const deadlines = useApi<{ deadlines: Deadline[] }>('/api/v1/deadlines');
  const upcoming = openDeadlines(deadlines.data?.deadlines ?? []);
  const { me } = useSession();
  const role = me?.memberships.find((m) => m.organisationId === orgId)?.role;
  const canWrite = role !== undefined && roleAllows(role, 'cases:write');
  return (
    <OrgSection orgId={orgId} title={(name) => `${t('cases.title')} — ${name}`}>
      <Panel id="cases" title={t('cases.title')}>
        {cases.loading && <Loading />}
        {cases.error && <ErrorBox error={cases.error} />}
        {cases.data && cases.data.cases.length === 0 && <Empty />}
        {cases.data && cases.data.cases.length > 0 && (
          <div className="table-wrap">
            <table data-testid="cases">
              <thead>
                <tr>
                  <th scope="col">{t('cases.case')}</th>
                  <th scope="col">{t('cases.opened')}</th>
                  <th scope="col">{t('cases.lastAction')}</th>
                  <th scope="col">{t('cases.status')}</th>
                </tr>
              </thead>
              <tbody>
                {cases.data.cases.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link to={`/orgs/${encodeURIComponent(orgId)}/cases/${encodeURIComponent(c.id)}`}>
                        {c.title}
                      </Link>
                    </td>
                    <td>{c.openedOn ? date(c.openedOn) : '—'}</td>
                    <td>
                      {c.lastAction
                        ? `${labelOf(CASE_ACTION_KIND_LABELS, c.lastAction.kind, locale)}${c.lastAction.date ? `, ${date(c.lastAction.date)}` : ''}`
                        : '—'}
                    </td>
                    <td>{c.status === 'open' ? t('cases.open') : t('cases.closed')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
      {canWrite && cases.data && (
        <Panel id="new-case" title={t('workplace.newCase')}>
          <NewCaseForm orgId={orgId} pack={cases.data.cases.at(-1)?.pack} />
        </Panel>
      )}
      <Panel id="deadlines" title={t('cases.deadlinesAll')}>
        {deadlines.error && <ErrorBox error={deadlines.error} />}
        {deadlines.data && upcoming.length === 0 && <Empty />}
        {upcoming.length > 0 && (
          <ul className="plain" data-testid="deadlines">
            {upcoming.map((d) => (
              <li key={d.id}>
                <time dateTime={d.date}>{date(d.date)}</time> — {d.organisationName}:{' '}
                <Link
                  to={`/orgs/${encodeURIComponent(d.organisationId)}/cases/${encodeURIComponent(d.caseId)}`}
                >
                  {caseDeadlineText(locale, d)}
                </Link>
                {!d.verified && <span className="muted small"> ({t('filings.unverified')})</span>}
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </OrgSection>
  );
}

import {
  ACTION_TYPE_LABELS,
  caseDeadlineText,
  labelOf,
  localPlaceName,
  type CaseDeadline,
} from '@civic/core';
import { roleAllows, type Role } from '@civic/core';
import { Empty, Panel } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { Link } from '../router.tsx';
import { useApi } from '../use-api.ts';

interface Obligation {
  id: string;
  form: string;
  title: string;
  dueOn: string;
  status: string;
}
interface CaseSummary {
  id: string;
  title: string;
  status: 'open' | 'closed';
}
interface Deadline extends Pick<CaseDeadline, 'kind' | 'basis'> {
  id: string;
  date: string;
  caseId: string;
  status: 'open' | 'moot';
  passed: boolean;
}
interface Incident {
  id: string;
  date: string;
  organisation: string;
  place: string;
  action: string;
}

/** What is due and overdue: obligations with status `due` or `missed`, soonest first. */
export function DuePanel({ orgId, role }: { orgId: string; role: Role }) {
  const { t, date } = useI18n();
  const r = useApi<{ obligations: Obligation[] }>(
    roleAllows(role, 'filings:read')
      ? `/api/v1/orgs/${encodeURIComponent(orgId)}/obligations?status=due,missed&limit=8`
      : null,
  );
  const due = r.data?.obligations ?? [];
  return (
    <Panel id="due" title={t('dashboard.due')}>
      {due.length === 0 ? (
        <Empty>{t('dashboard.nothingDue')}</Empty>
      ) : (
        <ul className="plain" data-testid="due">
          {due.map((o) => (
            <li key={o.id}>
              <span className={`badge ${o.status}`}>{t(`status.${o.status}` as MessageKey)}</span> {o.form}:{' '}
              {date(o.dueOn)}
            </li>
          ))}
        </ul>
      )}
      {roleAllows(role, 'filings:read') && (
        <Link to={`/orgs/${encodeURIComponent(orgId)}/filings`}>{t('dashboard.more')}</Link>
      )}
    </Panel>
  );
}

/** Open cases, each with its next open deadline. */
export function CasesPanel({ orgId, role }: { orgId: string; role: Role }) {
  const { t, date, locale } = useI18n();
  const allowed = roleAllows(role, 'cases:read');
  const cases = useApi<{ cases: CaseSummary[] }>(
    allowed ? `/api/v1/orgs/${encodeURIComponent(orgId)}/cases` : null,
  );
  const deadlines = useApi<{ deadlines: Deadline[] }>(
    allowed ? `/api/v1/deadlines?orgId=${encodeURIComponent(orgId)}` : null,
  );
  const open = (cases.data?.cases ?? []).filter((c) => c.status === 'open');
  const next = (caseId: string) =>
    deadlines.data?.deadlines.find((d) => d.caseId === caseId && d.status === 'open' && !d.passed);
  return (
    <Panel id="cases" title={t('dashboard.cases')}>
      {open.length === 0 ? (
        <Empty>{t('dashboard.noCases')}</Empty>
      ) : (
        <ul className="plain">
          {open.map((c) => {
            const d = next(c.id);
            return (
              <li key={c.id}>
                <Link to={`/orgs/${encodeURIComponent(orgId)}/cases/${encodeURIComponent(c.id)}`}>
                  {c.title}
                </Link>
                {d && (
                  <div className="small muted">
                    {t('dashboard.nextDeadline', { date: date(d.date), what: caseDeadlineText(locale, d) })}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Panel>
  );
}

/** The latest incidents the user may see (own, shared with their network, public). */
export function IncidentsPanel() {
  const { t, date, locale } = useI18n();
  const r = useApi<{ incidents: Incident[] }>('/api/v1/incidents?limit=5');
  const list = r.data?.incidents ?? [];
  return (
    <Panel id="incidents" title={t('dashboard.incidents')}>
      {list.length === 0 ? (
        <Empty />
      ) : (
        <ul className="plain">
          {list.map((i) => (
            <li key={i.id}>
              {date(i.date)} — {i.organisation}, {localPlaceName(i.place, locale, i.date)}:{' '}
              {labelOf(ACTION_TYPE_LABELS, i.action, locale)}
            </li>
          ))}
        </ul>
      )}
      <Link to="/monitor">{t('dashboard.more')}</Link>
    </Panel>
  );
}

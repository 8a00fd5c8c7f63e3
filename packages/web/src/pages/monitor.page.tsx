import { ACTION_TYPE_LABELS, labelOf, localLegalBasis, localPlaceName } from '@civic/core';
import { useState, type FormEvent } from 'react';
import { api, ApiFailure } from '../api.ts';
import { ErrorBox, Loading, Panel } from '../components/status.tsx';
import { FilterChips, NoMatch } from './monitor-no-match.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';
import { useApi } from '../use-api.ts';
import { IncidentMap, TimelineChart, type MapPlace } from './monitor-charts.tsx';
import { wavePlaces, WavesPanel, type Wave } from './monitor-waves.tsx';

interface Incident {
  id: string;
  date: string;
  organisation: string;
  place: string;
  action: string;
  legalBasis: string | null;
  visibility: string;
}
interface Page {
  incidents: Incident[];
  hasMore: boolean;
  next: string | null;
  total?: number;
  /** More than `total` (the server's cap) match. */
  totalCapped?: boolean;
}
interface Summary {
  count: number;
  weeks: { week: string; count: number }[];
  months: { month: string; count: number }[];
  places: MapPlace[];
  outline: [number, number][];
}

const FIELDS = ['q', 'from', 'to', 'place', 'action', 'legalBasis', 'organisation'] as const;
type Field = (typeof FIELDS)[number];
const LABELS: Record<Field, MessageKey> = {
  q: 'monitor.q',
  from: 'monitor.from',
  to: 'monitor.to',
  place: 'monitor.place',
  action: 'monitor.action',
  legalBasis: 'monitor.legalBasis',
  organisation: 'monitor.organisation',
};

function queryOf(filters: Partial<Record<Field, string>>): string {
  const p = new URLSearchParams();
  for (const f of FIELDS) if (filters[f]?.trim()) p.set(f, filters[f].trim());
  return p.toString();
}

/**
 * The monitor: incidents the user may see (public, shared by their networks, their organisations'
 * own) with search and filters, a timeline chart, a map, detected waves, and briefs to preview and
 * publish; the Atom feed link.
 */
export default function MonitorPage() {
  const { t, number, date, locale } = useI18n();
  const { me } = useSession();
  const [draft, setDraft] = useState<Partial<Record<Field, string>>>({});
  const [query, setQuery] = useState('');
  const [extra, setExtra] = useState<{ incidents: Incident[]; next: string | null } | null>(null);
  const [moreError, setMoreError] = useState<ApiFailure | undefined>();
  // A link to a wave (from an incident's page) selects it.
  const [selected, setSelected] = useState<string | null>(() =>
    new URLSearchParams(window.location.search).get('wave'),
  );
  const page = useApi<Page>(`/api/v1/incidents?limit=50&total=true${query ? `&${query}` : ''}`);
  const summary = useApi<Summary>(`/api/v1/incidents/summary${query ? `?${query}` : ''}`);
  const waves = useApi<{ waves: Wave[] }>('/api/v1/waves');
  const canPublish = (me?.memberships ?? []).some((m) => m.role === 'monitor' || m.role === 'admin');
  const canWrite = (me?.memberships ?? []).some((m) => ['monitor', 'admin', 'lawyer'].includes(m.role));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setExtra(null);
    setQuery(queryOf(draft));
  };
  const clear = () => {
    setDraft({});
    setExtra(null);
    setQuery('');
  };
  const removeFilter = (field: string) => {
    const rest = Object.fromEntries([...new URLSearchParams(query)].filter(([f]) => f !== field));
    setDraft(rest);
    setExtra(null);
    setQuery(queryOf(rest));
  };
  const more = async () => {
    const next = extra?.next ?? page.data?.next;
    if (!next) return;
    try {
      const p = await api<Page>(
        'GET',
        `/api/v1/incidents?limit=50&after=${encodeURIComponent(next)}${query ? `&${query}` : ''}`,
      );
      setExtra({ incidents: [...(extra?.incidents ?? []), ...p.incidents], next: p.hasMore ? p.next : null });
    } catch (e) {
      setMoreError(e instanceof ApiFailure ? e : new ApiFailure(0, 'NETWORK', String(e)));
    }
  };

  const rows = [...(page.data?.incidents ?? []), ...(extra?.incidents ?? [])];
  const hasMore = extra ? extra.next !== null : (page.data?.hasMore ?? false);
  const waveList = waves.data?.waves ?? [];
  const chosen = waveList.find((w) => w.id === selected) ?? waveList[0];
  const s = summary.data;
  const byWeek = s !== undefined && s.weeks.length <= 160;

  return (
    <>
      <h1 data-testid="page-title">{t('monitor.title')}</h1>
      <p className="muted">
        {t('monitor.network', { count: number(me?.networkOrganisationIds.length ?? 0) })}{' '}
        <a href="/api/v1/feed.atom" type="application/atom+xml" data-testid="feed-link">
          {t('monitor.feed')}
        </a>
      </p>
      <p className="actions">
        {canWrite && (
          <Link to="/monitor/incidents/new" className="button" data-testid="new-incident">
            {t('inc.new')}
          </Link>
        )}
        <Link to="/monitor/briefs" data-testid="briefs-link">
          {t('briefs.all')}
        </Link>
      </p>

      <form
        className="filters"
        role="search"
        aria-label={t('monitor.search')}
        onSubmit={submit}
        data-testid="incident-filters"
      >
        {FIELDS.map((f) => (
          <label key={f}>
            {t(LABELS[f])}
            <input
              name={f}
              type={f === 'from' || f === 'to' ? 'date' : f === 'q' ? 'search' : 'text'}
              value={draft[f] ?? ''}
              onChange={(e) => setDraft({ ...draft, [f]: e.target.value })}
            />
          </label>
        ))}
        <span className="actions">
          <button type="submit">{t('monitor.apply')}</button>
          <button type="button" onClick={clear}>
            {t('monitor.clear')}
          </button>
        </span>
      </form>

      <div className="grid">
        <Panel id="timeline" title={t('monitor.timeline')}>
          {summary.loading && <Loading />}
          {summary.error && <ErrorBox error={summary.error} />}
          {s && (
            <TimelineChart
              unit={byWeek ? 'week' : 'month'}
              buckets={
                byWeek
                  ? s.weeks.map((w) => ({ start: w.week, count: w.count }))
                  : s.months.map((m) => ({ start: m.month, count: m.count }))
              }
              waves={waveList}
            />
          )}
        </Panel>
        <Panel id="map" title={t('monitor.map')}>
          {s && (
            <IncidentMap outline={s.outline} places={s.places} highlight={chosen ? wavePlaces(chosen) : []} />
          )}
        </Panel>
      </div>

      <WavesPanel
        waves={waveList}
        loading={waves.loading}
        error={waves.error}
        selected={chosen?.id ?? null}
        onSelect={setSelected}
        canPublish={canPublish}
      />

      <Panel id="incidents" title={t('monitor.incidents')}>
        {page.loading && <Loading />}
        {page.error && <ErrorBox error={page.error} />}
        <FilterChips filters={[...new URLSearchParams(query)]} labels={LABELS} onRemove={removeFilter} />
        {page.data?.total !== undefined && (
          <p className="muted" role="status" data-testid="incident-count">
            {t(page.data.totalCapped ? 'monitor.countCapped' : 'monitor.count', {
              count: number(page.data.total),
            })}
          </p>
        )}
        {page.data && rows.length === 0 && (
          <NoMatch filters={[...new URLSearchParams(query)]} labels={LABELS} onRemove={removeFilter} />
        )}
        {rows.length > 0 && (
          <div className="table-wrap">
            <table data-testid="incidents">
              <thead>
                <tr>
                  <th scope="col">{t('monitor.date')}</th>
                  <th scope="col">{t('monitor.organisation')}</th>
                  <th scope="col">{t('monitor.place')}</th>
                  <th scope="col">{t('monitor.action')}</th>
                  <th scope="col">{t('monitor.legalBasis')}</th>
                  <th scope="col">{t('monitor.visibility')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((i) => (
                  <tr key={i.id} data-incident-id={i.id}>
                    <td>
                      <Link to={`/monitor/incidents/${encodeURIComponent(i.id)}`} data-testid="incident-link">
                        {date(i.date)}
                      </Link>
                    </td>
                    <td>{i.organisation}</td>
                    <td>{localPlaceName(i.place, locale, i.date)}</td>
                    <td>{labelOf(ACTION_TYPE_LABELS, i.action, locale)}</td>
                    <td>{localLegalBasis(i.legalBasis, locale) ?? ''}</td>
                    <td>{t(`visibility.${i.visibility}` as MessageKey)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {hasMore && (
          <button type="button" onClick={() => void more()}>
            {t('monitor.more')}
          </button>
        )}
        {moreError && <ErrorBox error={moreError} />}
      </Panel>
    </>
  );
}

import { ACTION_TYPE_LABELS, formatNumber, labelOf, localLegalBasis, localPlaceName } from '@civic/core';
import type { IncidentView } from '@civic/server/api';
import { useState } from 'react';
import { ErrorBox, Loading, Panel } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, navigate } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { IncidentForm } from './incident-form.tsx';
import type { Wave } from './monitor-waves.tsx';

interface WaveWithIncidents extends Wave {
  incidentIds?: readonly string[];
}

/** A source's title, else its web site's name. */
const sourceName = (s: { url: string; title?: string }): string => {
  if (s.title) return s.title;
  try {
    return new URL(s.url).host;
  } catch {
    return s.url;
  }
};

/** Entering a new incident: the form, then its page. */
export function NewIncidentPage() {
  const { t } = useI18n();
  return (
    <>
      <p>
        <Link to="/monitor">{t('inc.back')}</Link>
      </p>
      <h1 data-testid="page-title">{t('inc.newTitle')}</h1>
      <IncidentForm
        incident={null}
        onSaved={(saved) => navigate(`/monitor/incidents/${encodeURIComponent(saved.id)}`, { replace: true })}
        onCancel={() => navigate('/monitor')}
      />
    </>
  );
}

/**
 * One incident: every field in the user's language, its sources, the case it was promoted from (for
 * members of that organisation), the detected waves it belongs to with links to them; a form to
 * change it for those who may.
 */
export default function IncidentPage({ id }: { id: string }) {
  const { t, date, dateTime, number, locale } = useI18n();
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState(false);
  const loaded = useApi<IncidentView>(`/api/v1/incidents/${encodeURIComponent(id)}`, version);
  const waves = useApi<{ waves: WaveWithIncidents[] }>('/api/v1/waves');
  const i = loaded.data;
  const degrees = (v: number) => formatNumber(locale, v, { maximumFractionDigits: 4 });
  if (loaded.error) return <ErrorBox error={loaded.error} />;
  if (!i) return <Loading />;
  const mine = (waves.data?.waves ?? []).filter((w) => w.incidentIds?.includes(i.id));
  // Labels from the codes in the language shown now (the page follows a language switch).
  const action = labelOf(ACTION_TYPE_LABELS, i.action, locale);
  const place = localPlaceName(i.place, locale, i.date);
  const region = i.region === null ? null : localPlaceName(i.region, locale);
  const dash = '—';
  const rows: [string, string][] = [
    [t('monitor.date'), i.dateTo !== i.date ? `${date(i.date)} – ${date(i.dateTo)}` : date(i.date)],
    [t('inc.f.organisation'), i.organisation],
    [t('inc.f.place'), place],
    [t('inc.region'), region ?? dash],
    [
      t('inc.coordinates'),
      i.latitude === null || i.longitude === null ? dash : `${degrees(i.latitude)}; ${degrees(i.longitude)}`,
    ],
    [t('inc.f.authority'), i.authority ?? dash],
    [t('inc.f.office'), i.office ?? dash],
    [t('inc.f.action'), action],
    [t('inc.f.legalBasis'), localLegalBasis(i.legalBasis, locale) ?? i.legalBasis ?? dash],
    [t('inc.f.penaltyMci'), i.penaltyMci === null ? dash : t('inc.penalty', { count: number(i.penaltyMci) })],
    [
      t('inc.f.suspensionMonths'),
      i.suspensionMonths === null ? dash : t('inc.months', { count: number(i.suspensionMonths) }),
    ],
    [t('inc.f.outcome'), i.outcome ?? dash],
    [t('inc.f.notes'), i.notes ?? dash],
    [t('inc.f.visibility'), t(`visibility.${i.visibility}` as 'visibility.public')],
  ];
  return (
    <>
      <p>
        <Link to="/monitor">{t('inc.back')}</Link>
      </p>
      <h1 data-testid="page-title">{t('inc.title', { action, organisation: i.organisation })}</h1>
      <p className="muted">{t('inc.recorded', { date: dateTime(i.createdAt) })}</p>
      {editing ? (
        <IncidentForm
          incident={i}
          onSaved={() => {
            setEditing(false);
            setVersion((v) => v + 1);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          {i.editable && (
            <button type="button" onClick={() => setEditing(true)} data-testid="edit-incident">
              {t('inc.edit')}
            </button>
          )}
          <Panel id="incident-details" title={t('inc.details')}>
            <dl className="facts" data-testid="incident-details">
              {rows.map(([k, v]) => (
                <div key={k}>
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
          </Panel>
        </>
      )}
      <Panel id="incident-sources" title={t('inc.sources')}>
        {i.sources.length === 0 ? (
          <p className="muted">{t('inc.noSources')}</p>
        ) : (
          <ul data-testid="incident-sources">
            {i.sources.map((s) => (
              <li key={s.url}>
                <a href={s.url} rel="noopener noreferrer" target="_blank">
                  {sourceName(s)}
                </a>
                {s.date && <span className="muted small"> · {date(s.date)}</span>}
              </li>
            ))}
          </ul>
        )}
      </Panel>
      {i.promotedFrom && (
        <Panel id="incident-case" title={t('inc.promotedFrom')}>
          <Link
            to={`/orgs/${encodeURIComponent(i.promotedFrom.organisationId)}/cases/${encodeURIComponent(i.promotedFrom.caseId)}`}
            data-testid="incident-case"
          >
            {t('inc.openCase')}
          </Link>
        </Panel>
      )}
      <Panel id="incident-waves" title={t('inc.waves')}>
        {waves.loading && <Loading />}
        {waves.data && mine.length === 0 && <p className="muted">{t('inc.noWaves')}</p>}
        {mine.length > 0 && (
          <ul data-testid="incident-waves">
            {mine.map((w) => (
              <li key={w.id}>
                <Link to={`/monitor?wave=${encodeURIComponent(w.id)}#waves`}>
                  {t('inc.waveLink', { from: date(w.from), to: date(w.to) })}
                </Link>
                {w.categoryLabel && <span className="muted small"> · {w.categoryLabel}</span>}
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </>
  );
}

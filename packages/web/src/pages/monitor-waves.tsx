import { formatDecimalText } from '@civic/core';
import { useState } from 'react';
import { api, ApiFailure } from '../api.ts';
import { Empty, ErrorBox, Loading, Panel } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';

export interface Wave {
  id: string;
  from: string;
  to: string;
  organisations: readonly string[] | number;
  places: readonly string[] | number;
  actions: readonly unknown[] | number;
  pValue: number;
  /** The scanned category in the request's language («штраф · ст. 460-1 КоАП РК»). */
  categoryLabel?: string;
}
interface Brief {
  id: string;
  title: string;
  publishedAt: string | null;
}

const size = (v: readonly unknown[] | number): number => (typeof v === 'number' ? v : v.length);
export const wavePlaces = (w: Wave): string[] => (typeof w.places === 'number' ? [] : w.places.map(String));

/** Detected waves, each with a button to show it on the map and, for publishers, to write a brief. */
export function WavesPanel({
  waves,
  loading,
  error,
  selected,
  onSelect,
  canPublish,
}: {
  waves: readonly Wave[];
  loading: boolean;
  error: ApiFailure | undefined;
  selected: string | null;
  onSelect(id: string): void;
  canPublish: boolean;
}) {
  const { t, date, locale } = useI18n();
  const [brief, setBrief] = useState<Brief | null>(null);
  const [working, setWorking] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | undefined>();

  const write = async (waveId: string) => {
    setWorking(true);
    setFailure(undefined);
    try {
      const b = await api<Brief>('POST', '/api/v1/briefs', { waveId, lang: locale });
      setBrief(b);
    } catch (e) {
      setFailure(e instanceof ApiFailure ? e : new ApiFailure(0, 'NETWORK', String(e)));
    } finally {
      setWorking(false);
    }
  };
  const publish = async () => {
    if (!brief) return;
    try {
      setBrief(await api<Brief>('POST', `/api/v1/briefs/${encodeURIComponent(brief.id)}/publish`));
    } catch (e) {
      setFailure(e instanceof ApiFailure ? e : new ApiFailure(0, 'NETWORK', String(e)));
    }
  };

  return (
    <>
      <Panel id="waves" title={t('monitor.waves')}>
        {loading && <Loading />}
        {error && <ErrorBox error={error} />}
        {!loading && !error && waves.length === 0 && <Empty>{t('monitor.noWaves')}</Empty>}
        <ul className="waves" data-testid="waves">
          {waves.map((w) => (
            <li
              key={w.id}
              id={`wave-${w.id}`}
              data-testid="wave"
              aria-current={selected === w.id ? 'true' : undefined}
            >
              <strong>{t('monitor.waveLabel', { from: date(w.from), to: date(w.to) })}</strong>
              {w.categoryLabel && <span data-testid="wave-category">{w.categoryLabel}</span>}
              <span className="muted small">
                {t('monitor.waveFacts', {
                  actions: size(w.actions),
                  organisations: size(w.organisations),
                  places: size(w.places),
                  p: formatDecimalText(locale, w.pValue.toFixed(3)),
                })}
              </span>
              <span className="actions">
                <button type="button" onClick={() => onSelect(w.id)} aria-pressed={selected === w.id}>
                  {t('monitor.showWave')}
                </button>
                {canPublish && (
                  <button
                    type="button"
                    onClick={() => void write(w.id)}
                    disabled={working}
                    data-testid="write-brief"
                  >
                    {t('monitor.writeBrief')}
                  </button>
                )}
              </span>
            </li>
          ))}
        </ul>
        {working && <p role="status">{t('monitor.writing')}</p>}
        {failure && <ErrorBox error={failure} />}
      </Panel>
      {brief && (
        <Panel id="brief" title={`${t('monitor.brief')}: ${brief.title}`}>
          <iframe
            title={t('monitor.briefPreview')}
            sandbox=""
            src={`/api/v1/briefs/${encodeURIComponent(brief.id)}`}
            className="brief-frame"
            data-testid="brief-preview"
          />
          <p>
            <Link to="/monitor/briefs" data-testid="all-briefs">
              {t('briefs.all')}
            </Link>
          </p>
          {brief.publishedAt ? (
            <p role="status" data-testid="brief-published">
              {t('monitor.published', { date: date(brief.publishedAt.slice(0, 10)) })}
            </p>
          ) : (
            <>
              <p className="muted">{t('monitor.unpublished')}</p>
              <button type="button" onClick={() => void publish()} data-testid="publish-brief">
                {t('monitor.publish')}
              </button>
            </>
          )}
        </Panel>
      )}
    </>
  );
}

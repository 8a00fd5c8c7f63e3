import { localPlaceName } from '@civic/core';
import { useI18n } from '../i18n/i18n.tsx';

export interface Bucket {
  /** First day of the week (Monday) or the month (YYYY-MM). */
  readonly start: string;
  readonly count: number;
}
export interface WaveSpan {
  readonly id: string;
  readonly from: string;
  readonly to: string;
}
export interface MapPlace {
  readonly name: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly count: number;
}

const DAY = 86_400_000;
const dayNumber = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY;
};
const W = 720;
const H = 240;
const L = 40;
const R = 12;
const T = 16;
const B = 36;

/**
 * Incidents per week or month as bars on a time axis, with each detected wave as a shaded band
 * (labelled, so a screen reader and a test can find it). Pure SVG, scales to the container.
 */
export function TimelineChart({
  buckets,
  unit,
  waves,
}: {
  buckets: readonly Bucket[];
  unit: 'week' | 'month';
  waves: readonly WaveSpan[];
}) {
  const { t, date, number } = useI18n();
  if (buckets.length === 0) return null;
  const starts = buckets.map((b) => dayNumber(unit === 'month' ? `${b.start}-01` : b.start));
  const width = unit === 'month' ? 31 : 7;
  const first = Math.min(...starts, ...waves.map((w) => dayNumber(w.from)));
  const last = Math.max(...starts.map((s) => s + width), ...waves.map((w) => dayNumber(w.to) + 1));
  const x = (day: number): number => L + ((day - first) / Math.max(1, last - first)) * (W - L - R);
  const top = Math.max(1, ...buckets.map((b) => b.count));
  const y = (n: number): number => T + (H - T - B) * (1 - n / top);
  const years: number[] = [];
  for (let yr = new Date(first * DAY).getUTCFullYear(); yr <= new Date(last * DAY).getUTCFullYear() + 1; yr++)
    years.push(yr);
  const barW = Math.max(1, x(first + width) - x(first) - 0.5);
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby="timeline-desc"
        data-testid="timeline"
        width="100%"
      >
        <desc id="timeline-desc">
          {t('monitor.timelineDesc', { unit: t(unit === 'week' ? 'monitor.week' : 'monitor.month') })}
        </desc>
        <rect x="0" y="0" width={W} height={H} fill="#ffffff" />
        {waves.map((w, n) => {
          const label = t('monitor.waveLabel', { from: date(w.from), to: date(w.to) });
          const x0 = x(dayNumber(w.from));
          return (
            <g key={w.id} data-testid="timeline-wave" aria-label={label}>
              <title>{label}</title>
              <rect
                x={x0 - 2}
                y={T}
                width={Math.max(4, x(dayNumber(w.to) + 1) - x0 + 4)}
                height={H - T - B}
                fill="#f6d6a8"
                opacity="0.8"
              />
              <text x={Math.min(x0, W - 190)} y={T + 12 + 13 * n} fontSize="11" fill="#8a4b00">
                {label}
              </text>
            </g>
          );
        })}
        {[0, Math.round(top / 2), top].map((n) => (
          <g key={n}>
            <line x1={L} x2={W - R} y1={y(n)} y2={y(n)} stroke="#dddddd" strokeWidth="0.5" />
            <text x={L - 6} y={y(n) + 4} fontSize="10" textAnchor="end" fill="#555">
              {number(n)}
            </text>
          </g>
        ))}
        {buckets.map((b, i) => (
          <rect
            key={b.start}
            x={x(starts[i] ?? first)}
            y={y(b.count)}
            width={barW}
            height={H - B - y(b.count)}
            fill="#2f6690"
          >
            <title>{`${unit === 'month' ? b.start : date(b.start)}: ${number(b.count)}`}</title>
          </rect>
        ))}
        <line x1={L} x2={W - R} y1={H - B} y2={H - B} stroke="#333" />
        {years
          .filter((yr) => dayNumber(`${yr}-01-01`) >= first && dayNumber(`${yr}-01-01`) <= last)
          .map((yr) => (
            <text
              key={yr}
              x={x(dayNumber(`${yr}-01-01`))}
              y={H - B + 16}
              fontSize="10"
              textAnchor="middle"
              fill="#333"
            >
              {yr}
            </text>
          ))}
      </svg>
    </figure>
  );
}

/**
 * The country's outline (bundled, simplified Natural Earth, from the API) in an equirectangular
 * projection true to scale at 48°N, with a circle per place sized by its incidents; the places of
 * the selected wave are outlined and named (in the user's language, through the gazetteer).
 */
export function IncidentMap({
  outline,
  places,
  highlight,
}: {
  outline: readonly (readonly [number, number])[];
  places: readonly MapPlace[];
  highlight: readonly string[];
}) {
  const { t, number, locale } = useI18n();
  if (outline.length === 0) return null;
  const lons = [...outline.map(([lon]) => lon), ...places.map((p) => p.longitude)];
  const lats = [...outline.map(([, lat]) => lat), ...places.map((p) => p.latitude)];
  const [lonMin, lonMax, latMin, latMax] = [
    Math.min(...lons) - 0.5,
    Math.max(...lons) + 0.5,
    Math.min(...lats) - 0.5,
    Math.max(...lats) + 0.5,
  ];
  const cos = Math.cos((48 * Math.PI) / 180);
  const k = (W - 20) / ((lonMax - lonMin) * cos);
  const height = Math.round((latMax - latMin) * k + 20);
  const px = (lon: number, lat: number): [number, number] => [
    10 + (lon - lonMin) * cos * k,
    10 + (latMax - lat) * k,
  ];
  const marked = new Set(highlight.map((h) => h.trim().toLowerCase()));
  const top = Math.max(1, ...places.map((p) => p.count));
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${W} ${height}`}
        role="img"
        aria-labelledby="map-desc"
        data-testid="map"
        width="100%"
      >
        <desc id="map-desc">{t('monitor.mapDesc')}</desc>
        <rect x="0" y="0" width={W} height={height} fill="#eef4f8" />
        <polygon
          points={outline.map(([lon, lat]) => px(lon, lat).join(',')).join(' ')}
          fill="#f5f0e6"
          stroke="#8a7f6a"
          strokeWidth="1.2"
        />
        {places.map((p) => {
          const [cx, cy] = px(p.longitude, p.latitude);
          const on = marked.has(p.name.trim().toLowerCase());
          return (
            <g key={p.name} data-testid={on ? 'map-wave-place' : 'map-place'}>
              <title>{`${localPlaceName(p.name, locale)}: ${number(p.count)}`}</title>
              <circle
                cx={cx}
                cy={cy}
                r={3 + 12 * Math.sqrt(p.count / top)}
                fill={on ? '#d1495b' : '#2f6690'}
                fillOpacity="0.55"
                stroke={on ? '#7a1020' : '#1d3f5a'}
                strokeWidth={on ? 2 : 0.8}
              />
              {on && (
                <text x={cx + 8} y={cy - 6} fontSize="12" fill="#7a1020">
                  {localPlaceName(p.name, locale)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

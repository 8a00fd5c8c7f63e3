// Detection power and false-positive rate of the wave scan on generated data with known truth
// (the table in docs/waves.md). Not a timing benchmark: run it by hand,
//   npx tsx bench/waves-power.ts [seeds=100] [replications=199]
// Each scenario: scattered background actions over five years (uniform dates, 16 kinds of action,
// 12 legal bases, 80 organisations in their home cities), with or without an injected wave.
import {
  calendarDate,
  daysBetween,
  detectWaves,
  seededRandom,
  syntheticBackground,
  syntheticWave,
  type Incident,
} from '@civic/core';

const seeds = Number(process.argv[2] ?? 100);
const replications = Number(process.argv[3] ?? 199);
const FROM = calendarDate('2018-10-15');

interface Scenario {
  readonly name: string;
  readonly background: number;
  readonly wave?: { count: number; days: number; places: number; action?: 'notice' | 'fine' };
  readonly oneArticle?: boolean;
}

const SCENARIOS: Scenario[] = [
  { name: 'no wave, 250 background actions', background: 250 },
  { name: 'no wave, 1,000 background actions', background: 1000 },
  { name: 'no wave, 250 actions all under one article', background: 250, oneArticle: true },
  {
    name: '12 notices, 6 weeks, 5 cities (the issue)',
    background: 250,
    wave: { count: 12, days: 42, places: 5 },
  },
  {
    name: '12 notices, 6 weeks, 5 cities; 1,000 background',
    background: 1000,
    wave: { count: 12, days: 42, places: 5 },
  },
  {
    name: '12 notices, 6 weeks; all actions under one article',
    background: 250,
    oneArticle: true,
    wave: { count: 12, days: 42, places: 5 },
  },
  { name: '8 notices, 6 weeks, 4 cities', background: 250, wave: { count: 8, days: 42, places: 4 } },
  { name: '6 notices, 6 weeks, 3 cities', background: 250, wave: { count: 6, days: 42, places: 3 } },
  {
    name: '4 fines, 11 days, 2 cities',
    background: 250,
    wave: { count: 4, days: 11, places: 2, action: 'fine' },
  },
  { name: '12 notices spread over 90 days', background: 250, wave: { count: 12, days: 90, places: 5 } },
];

function run(s: Scenario, seed: number): { positive: boolean; found: boolean; exact: boolean } {
  const bg = syntheticBackground({
    random: seededRandom(10_000 + seed),
    from: calendarDate('2015-01-01'),
    days: 5 * 365,
    count: s.background,
    ...(s.oneArticle ? { legalBases: ['CoAO 460-1 part 1', 'CoAO 460-1 part 2'] } : {}),
  });
  let incidents: Incident[] = bg;
  if (s.wave)
    incidents = [
      ...bg,
      ...syntheticWave({
        random: seededRandom(20_000 + seed),
        from: FROM,
        days: s.wave.days,
        count: s.wave.count,
        places: s.wave.places,
        action: s.wave.action ?? 'notice',
        legalBasis: ['CoAO 460-1 part 1', 'CoAO 460-1 part 2'],
      }),
    ];
  const waves = detectWaves(incidents, { random: seededRandom(seed), replications }).waves.filter(
    (w) => w.pValue < 0.05 && w.coordinated,
  );
  const injected = s.wave?.count ?? 0;
  const hit = waves.find(
    (w) =>
      injected > 0 &&
      w.incidentIds.filter((id) => id.startsWith('wave-')).length >= Math.ceil(0.8 * injected),
  );
  const to = s.wave
    ? calendarDate(new Date(Date.parse(FROM) + (s.wave.days - 1) * 86_400_000).toISOString().slice(0, 10))
    : FROM;
  return {
    positive: waves.some((w) => !w.incidentIds.some((id) => id.startsWith('wave-'))),
    found: hit !== undefined,
    exact:
      hit !== undefined &&
      Math.abs(daysBetween(hit.from, FROM)) <= 3 &&
      Math.abs(daysBetween(hit.to, to)) <= 3,
  };
}

process.stdout.write(
  `| scenario | runs | wave found (p < 0.05) | dated within ±3 days | other significant waves (false positives) |\n|---|---|---|---|---|\n`,
);
for (const s of SCENARIOS) {
  let found = 0;
  let exact = 0;
  let positive = 0;
  for (let seed = 1; seed <= seeds; seed++) {
    const r = run(s, seed);
    found += r.found ? 1 : 0;
    exact += r.exact ? 1 : 0;
    positive += r.positive ? 1 : 0;
  }
  const pct = (x: number) => `${((100 * x) / seeds).toFixed(0)} %`;
  process.stdout.write(
    `| ${s.name} | ${seeds} | ${s.wave ? pct(found) : '—'} | ${s.wave ? pct(exact) : '—'} | ${pct(positive)} |\n`,
  );
}

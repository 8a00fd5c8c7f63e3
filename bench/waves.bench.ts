// Wave detection: the space–time permutation scan over 100,000 generated incidents (ten years of
// scattered actions against 2,000 organisations, with three injected waves) and 999 Monte Carlo
// replications, through app (worker threads as the job size decides). Target (issue 5, 2-core
// machine): under 30 s. CIVIC_BENCH_WAVE_INCIDENTS=N and CIVIC_BENCH_WAVE_REPLICATIONS=R change the size.
import { availableParallelism } from 'node:os';
import {
  calendarDate,
  prepareWaveScan,
  seededRandom,
  syntheticBackground,
  syntheticWave,
  type Incident,
} from '@civic/core';
import { detectWavesInIncidents, reportedWaves } from '@civic/app';
import { note, report, timed } from './lib.ts';

const N = Number(process.env['CIVIC_BENCH_WAVE_INCIDENTS'] ?? 100_000);
const R = Number(process.env['CIVIC_BENCH_WAVE_REPLICATIONS'] ?? 999);

const random = seededRandom(20201126);
const waves = [
  { from: '2017-03-01', action: 'notice' as const, count: 250 },
  { from: '2020-11-02', action: 'notice' as const, count: 400 },
  { from: '2021-01-11', action: 'fine' as const, count: 250 },
];
const injected: Incident[] = waves.flatMap((w, k) =>
  syntheticWave({
    random,
    from: calendarDate(w.from),
    days: 42,
    count: w.count,
    places: 8,
    action: w.action,
    legalBasis: 'CoAO 460-1 part 2',
    idPrefix: `wave${k}`,
  }),
);
const incidents = [
  ...syntheticBackground({
    random,
    from: calendarDate('2015-01-01'),
    days: 3650,
    count: N - injected.length,
    organisations: 2000,
  }),
  ...injected,
];
note(`waves: ${incidents.length} incidents, ${R} replications, ${availableParallelism()} cores`);

const prepared = await timed(() => prepareWaveScan(incidents));
const cylinders = prepared.result.zones.length * prepared.result.windowStart.length;
note(
  `waves: ${prepared.result.zones.length} categories × ${prepared.result.windowStart.length} windows = ${cylinders.toLocaleString('en')} cylinders per replicate`,
);

const cpu0 = process.cpuUsage();
const run = await timed(() => detectWavesInIncidents(incidents, { seed: 1, replications: R }));
const used = process.cpuUsage(cpu0);
// CPU time of every thread of the process: on a busy shared machine the wall time says more about
// the neighbours than about the scan; CPU seconds / cores is what an idle machine would take.
const cpuSeconds = (used.user + used.system) / 1e6;
if (!run.result.ok) throw new Error(run.result.error.message);
const found = reportedWaves(run.result.value.waves);
const recovered = waves.filter((_, k) =>
  found.some(
    (w) => w.incidentIds.filter((id) => id.startsWith(`wave${k}-`)).length >= 0.8 * (waves[k]?.count ?? 0),
  ),
).length;
report('waves', 'detect_seconds', run.seconds, 's', {
  incidents: incidents.length,
  replications: R,
  target: 30,
});
report('waves', 'cylinders_per_second', (cylinders * (R + 1)) / run.seconds, 'cylinders/s', {
  cylindersPerReplicate: cylinders,
  categories: prepared.result.zones.length,
  windows: prepared.result.windowStart.length,
});
report('waves', 'detect_cpu_seconds', cpuSeconds, 's', { threads: Math.min(4, availableParallelism()) });
report('waves', 'prepare_seconds', prepared.seconds, 's');
report('waves', 'injected_waves_found', recovered, 'waves', {
  injected: waves.length,
  significant: found.length,
});

// Loaded with `--import` into every process of the server the abuse bench starts (the cluster's
// processes inherit it): measures this process's event-loop delay with perf_hooks. On SIGUSR2 it
// writes what it measured since the last SIGUSR2 to CIVIC_BENCH_LOOP_DIR/<pid>-<n>.json and starts
// again, so the bench takes one reading for the quiet server and one for the server under abuse.
// With CIVIC_BENCH_ABUSE_PROFILE set it also profiles the CPU (V8's sampling profiler, as
// `--cpu-prof` does, every 500 µs) between two signals and writes <pid>-<n>.cpuprofile there: a
// profile of exactly the measured window, without the start-up's compiling.
// (SIGUSR1 is Node's inspector signal: not that one.)
import cluster from 'node:cluster';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const dir = process.env['CIVIC_BENCH_LOOP_DIR'];
const profileDir = process.env['CIVIC_BENCH_ABUSE_PROFILE'];

function startProfiler(): (file: string) => void {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.start');
  return (file) =>
    session.post('Profiler.stop', (err, r) => {
      if (!err) writeFileSync(file, JSON.stringify(r.profile));
      session.disconnect();
    });
}

if (dir) {
  // The histogram records each interval between its timer's runs: the delay is what exceeds the
  // interval (RESOLUTION ms).
  const RESOLUTION = 5;
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION });
  histogram.enable();
  let reading = 0;
  let stopProfile: ((file: string) => void) | undefined;
  const ms = (ns: number) => Math.max(0, Number((ns / 1e6 - RESOLUTION).toFixed(2)));
  process.on('SIGUSR2', () => {
    reading += 1;
    const figures = {
      pid: process.pid,
      role: cluster.isWorker ? 'server' : 'primary',
      reading,
      p50: ms(histogram.percentile(50)),
      p99: ms(histogram.percentile(99)),
      max: ms(histogram.max),
      samples: histogram.count,
    };
    stopProfile?.(join(profileDir ?? dir, `${process.pid}-${reading}.cpuprofile`));
    stopProfile = profileDir ? startProfiler() : undefined;
    writeFileSync(join(dir, `${process.pid}-${reading}.json`), JSON.stringify(figures));
    // Reset once the loop has run again, so that the time this handler took (starting and stopping
    // the profiler costs tens of ms) counts in no window.
    setTimeout(() => histogram.reset(), 20);
  });
}

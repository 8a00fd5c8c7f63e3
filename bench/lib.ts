import { performance } from 'node:perf_hooks';

/** Prints one benchmark figure as a JSON line on stdout. */
export function report(
  bench: string,
  metric: string,
  value: number,
  unit: string,
  extra: Record<string, unknown> = {},
): void {
  process.stdout.write(
    `${JSON.stringify({ bench, metric, value: Number(value.toFixed(4)), unit, ...extra })}\n`,
  );
}

/** Times an async function in seconds. */
export async function timed<T>(fn: () => Promise<T> | T): Promise<{ seconds: number; result: T }> {
  const t0 = performance.now();
  const result = await fn();
  return { seconds: (performance.now() - t0) / 1000, result };
}

export function note(message: string): void {
  process.stderr.write(`  ${message}\n`);
}

/** The p-th percentile (0–100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? 0;
}

// Where a process's time went, from a V8 CPU profile (`node --cpu-prof`, a .cpuprofile JSON file):
// self time summed by function (name, file, line) and by file/package, largest first.
// `node --import tsx bench/cpuprofile-summary.ts FILE_OR_DIR [TOP]`; the abuse bench calls
// `summariseProfile` on each profile of the server when CIVIC_BENCH_ABUSE_PROFILE is set.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface ProfileSummary {
  readonly file: string;
  readonly totalMs: number;
  /** Self time (ms) by function, largest first. */
  readonly functions: readonly { readonly name: string; readonly ms: number }[];
  /** Self time (ms) by package or file (idle, GC and the program as V8 names them), largest first. */
  readonly places: readonly { readonly name: string; readonly ms: number }[];
}

/** A file's short name: the package for node_modules, else the path from packages/ or the file name. */
function placeOf(url: string, functionName: string): string {
  if (url === '') return `(${functionName.replace(/[()]/g, '') || 'native'})`;
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm?.[1]) return nm[1];
  const pk = /packages\/(.*)$/.exec(url);
  if (pk?.[1]) return pk[1];
  if (url.startsWith('node:')) return url;
  return basename(url);
}

const top = (m: Map<string, number>, n: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, us]) => ({ name, ms: Number((us / 1000).toFixed(1)) }));

/** Sums the self time of each sample (the time until the next one) by function and by place. */
export function summariseProfile(file: string, n = 12): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const functions = new Map<string, number>();
  const places = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i] ?? -1);
    const us = profile.timeDeltas[i + 1] ?? 0;
    if (!node) continue;
    total += us;
    const { functionName, url, lineNumber } = node.callFrame;
    const place = placeOf(url, functionName);
    const name = `${functionName || '(anonymous)'} ${url ? `${place}:${lineNumber + 1}` : ''}`.trim();
    functions.set(name, (functions.get(name) ?? 0) + us);
    places.set(place, (places.get(place) ?? 0) + us);
  }
  return {
    file,
    totalMs: Number((total / 1000).toFixed(1)),
    functions: top(functions, n),
    places: top(places, n),
  };
}

/** The .cpuprofile files of a folder (or the one file given). */
export function profileFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(path, f));
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const [path, n] = process.argv.slice(2);
  if (!path) {
    process.stderr.write('usage: cpuprofile-summary.ts FILE_OR_DIR [TOP]\n');
    process.exit(2);
  }
  for (const f of profileFiles(path))
    process.stdout.write(`${JSON.stringify(summariseProfile(f, Number(n ?? 15)), null, 1)}\n`);
}

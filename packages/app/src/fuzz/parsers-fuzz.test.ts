import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/seed-demo.ts';
import { exportBundle } from '../filings/filing-bundle.ts';
import { listFilings } from '../filings/filing-records.ts';
import { freshContext } from '../test-support.ts';
import { fuzzSettings, fuzzTarget, problemWith, type FuzzReport } from './fuzz-check.ts';
import { bundleTarget, FILE_TARGETS, type CorpusFile, type FuzzTarget } from './fuzz-targets.ts';

// Issue #14, "No parser can be crashed": every reader of a file a user brings gets the real
// fixtures mutated byte by byte (fast-check; a fixed seed and a bounded count here, thousands of
// runs with `npm run fuzz`). The only allowed answers are a result or a refusal with a known code
// naming the file; a throw, an unknown code, a huge message or a stack trace fails.
const settings = fuzzSettings();
const say = (report: FuzzReport): void => {
  // `npm run fuzz` prints each reader's slowest read as a JSON line.
  if (process.env['CIVIC_FUZZ_REPORT'] === '1')
    console.log(JSON.stringify({ fuzz: report, seed: settings.seed }));
};

describe('fuzzing every reader with mutated real files', { timeout: 300_000 }, () => {
  it.each(FILE_TARGETS.map((t) => [t.name, t] as const))(
    '%s: the unmutated files are answered well',
    (_, t) => {
      for (const file of t.corpus()) {
        const answer = t.read(file.bytes, file.name);
        expect(problemWith(t, file.name, answer, false)).toBeNull();
      }
    },
  );

  it.each(FILE_TARGETS.map((t) => [t.name, t] as const))(
    `%s: ${String(settings.runs)} mutated files, each read or refused by name`,
    (_, t) => {
      const report = fuzzTarget(t, settings);
      say(report);
      expect(report.runs).toBe(settings.runs);
    },
  );

  it('mutates every seed that once found a defect (issue #12) besides the fixtures', () => {
    const seeds = readdirSync(new URL('../../../formats/src/fixtures/seeds/', import.meta.url)).sort();
    const mutated = new Set(FILE_TARGETS.flatMap((t) => t.corpus().map((f) => f.name)));
    expect(seeds.filter((f) => !mutated.has(f))).toEqual([]);
    expect(seeds.length).toBeGreaterThan(8);
  });

  it('fails on a reader that throws, refuses without naming the file, or lets a changed bundle pass', () => {
    const base = FILE_TARGETS[0] as FuzzTarget;
    const throwing: FuzzTarget = {
      ...base,
      read: (bytes) => {
        if (bytes.length !== base.corpus()[0]?.bytes.length) throw new RangeError('Invalid array length');
        return { ok: true };
      },
    };
    expect(() => fuzzTarget(throwing, { runs: 50, seed: 1 })).toThrow(/threw RangeError/);
    const nameless: FuzzTarget = {
      ...base,
      read: () => ({ ok: false, code: 'IMPORT_LINE_INVALID', file: 'other.txt', message: 'bad' }),
    };
    expect(() => fuzzTarget(nameless, { runs: 5, seed: 1 })).toThrow(/names the file other\.txt/);
    const gullible = bundleTarget(base.corpus());
    expect(() => fuzzTarget({ ...gullible, read: () => ({ ok: true }) }, { runs: 20, seed: 1 })).toThrow(
      /a changed bundle verified/,
    );
  });
});

describe('fuzzing the proof bundle reader', { timeout: 300_000 }, () => {
  let ctx: Awaited<ReturnType<typeof freshContext>>;
  const bundles: CorpusFile[] = [];
  beforeAll(async () => {
    ctx = await freshContext('sqlite');
    await seedDemo(ctx);
    const filings = await listFilings(ctx);
    if (!filings.ok) throw new Error(filings.error.message);
    for (const f of [...filings.value]
      .sort((a, b) => (a.state === b.state ? 0 : a.state === 'submitted' ? -1 : 1))
      .slice(0, 2)) {
      const b = await exportBundle(ctx, { filingId: f.id });
      if (!b.ok) throw new Error(b.error.message);
      bundles.push({ name: `bundle-${f.id}.json`, bytes: new TextEncoder().encode(b.value.text) });
    }
  }, 180_000);
  afterAll(async () => ctx.close());

  it('verifies the demo bundles as exported', () => {
    expect(bundles.length).toBeGreaterThan(0);
    const t = bundleTarget(bundles);
    for (const b of bundles) expect(t.read(b.bytes, b.name)).toEqual({ ok: true });
  });

  it(`refuses each of ${String(settings.runs)} mutated bundles with a fault code, never verifying one`, () => {
    const report = fuzzTarget(bundleTarget(bundles), settings);
    say(report);
    expect(report.runs).toBe(settings.runs);
  });
});

import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// Issue #14, "Any size, in constant memory": a ~40 MB MT940 file (thousands of daily statements),
// a ~40 MB MT940 file of one statement of one page (~180,000 lines) and a ~40 MB camt.053 file (one statement of ~100,000 entries), made as they are read, are read
// by the streamed readers in a child whose heap is capped at 96 MB. A reader that held the file,
// its text or its lines (or kept a slice of every chunk) runs out of memory and the child dies.
const CHILD = fileURLToPath(new URL('./stream-memory.child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

describe('MT940 and CAMT in constant memory', () => {
  it('reads 40 MB of each under a 96 MB heap', { timeout: 240_000 }, async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--max-old-space-size=96', '--import', 'tsx', CHILD, 'mt940,mt940-page,camt053', '40'],
      { cwd: ROOT, maxBuffer: 1 << 20 },
    );
    const runs = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { format: string; lines: number; balanced: boolean; peakHeapMB: number });
    expect(runs.map((r) => [r.format, r.balanced])).toEqual([
      ['mt940', true],
      ['mt940-page', true],
      ['camt053', true],
    ]);
    for (const r of runs) {
      expect(r.lines).toBeGreaterThan(90_000);
      expect(r.peakHeapMB).toBeLessThan(80);
    }
  });
});

import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// Issue #14, "peak RSS under 500 MB" at 1,000,000 lines: the fingerprinter remembers every line of
// the file (to number repeats), and that memory must stay small. It held each fingerprint as a
// string (~125 MB at a million lines); now 16 bytes a line and its slot (~28 MB). Measured after
// a full collection in a child, so the figure is what is held, not what happened to be garbage.
const CHILD = fileURLToPath(new URL('./fingerprint-memory.child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

describe('fingerprints of a million-line file', () => {
  it(
    '400,000 lines are remembered in under 32 MB (a string each held 48 MB)',
    { timeout: 60_000 },
    async () => {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--expose-gc', '--import', 'tsx', CHILD, '400000'],
        { cwd: ROOT, maxBuffer: 1 << 20 },
      );
      const r = JSON.parse(stdout.trim()) as {
        lines: number;
        distinctOfFirstThousand: number;
        last: string;
        again: string;
        heldMB: number;
      };
      expect(r.lines).toBe(400_000);
      // Repeats are told apart from their first occurrence (1,000 lines, 1,000 fingerprints).
      expect(r.distinctOfFirstThousand).toBe(1000);
      expect(r.last).toMatch(/^[0-9a-f]{32}$/);
      // The first line met again is a repeat: a fingerprint of its own.
      expect(r.again).toMatch(/^[0-9a-f]{32}$/);
      expect(r.again).not.toBe(r.last);
      // 14 MB of tables, plus buffers of the tables outgrown that a collection may not have swept yet.
      expect(r.heldMB).toBeLessThan(32);
    },
  );
});

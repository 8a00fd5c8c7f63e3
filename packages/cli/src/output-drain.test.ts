import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Real parts: child processes whose standard output is a pipe that the reader leaves unread for a
// while, as `civic … --json | jq` does when jq is slow to start. One process at a time.
const bin = new URL('../bin/civic.js', import.meta.url).pathname;
const root = new URL('../../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'civic-drain-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a script, reading nothing from its stdout for `waitMs`, then everything. */
function slowRead(
  args: string[],
  waitMs = 400,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: root });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.pause();
    child.stderr.on('data', (d: Buffer) => err.push(d));
    setTimeout(() => {
      child.stdout.on('data', (d: Buffer) => out.push(d));
      child.stdout.resume();
    }, waitMs);
    child.on('close', (code) =>
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
  });
}

describe('civic lets its output drain before it exits', { timeout: 120_000 }, () => {
  it('exitWhenDrained: a megabyte written just before exit reaches a slow reader whole, with the code', async () => {
    const output = new URL('./output.ts', import.meta.url).href;
    const script = join(dir, 'big.mjs');
    writeFileSync(
      script,
      `const { exitWhenDrained } = await import('${output}');\nprocess.stdout.write('x'.repeat(1 << 20));\nawait exitWhenDrained(3);\n`,
    );
    const r = await slowRead(['--import', 'tsx', script]);
    expect(r.stderr).toBe('');
    expect(r.stdout.length).toBe(1 << 20);
    expect(r.code).toBe(3);
  });

  it('civic rules show --json: a result over 64 KiB through a pipe parses whole', async () => {
    const r = await slowRead([bin, 'rules', 'show', '--pack', 'kz', '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(64 * 1024);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: 'kz' });
  });

  it('quotes at most 80 characters of a 2 MB bad value, on stderr and in the --json error', async () => {
    const file = join(dir, 'long.csv');
    const value = '2020-11-10'.repeat(200_000);
    writeFileSync(file, `date,place,organisation,action\n${value},Almaty,Echo,notice\n`);
    const r = await slowRead([bin, 'waves', 'detect', '--input', file, '--json']);
    expect(r.code).toBe(2);
    const { error } = JSON.parse(r.stdout) as { error: { code: string; message: string; line: number } };
    expect(error).toMatchObject({ code: expect.stringMatching(/^IMPORT_/), line: 2 });
    expect(error.message.length).toBeLessThan(300);
    expect(error.message, error.message).toContain(`"${value.slice(0, 80)}… (2000000 characters)"`);
    expect(r.stderr.length).toBeLessThan(500);
  });
});

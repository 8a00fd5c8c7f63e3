import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOrganisation, freshContext, listBankImports } from '@civic/app';
import { generate1CStatement } from '@civic/formats';
import { describe, expect, it } from 'vitest';

// What `npm ci` leaves (scripts/build.mjs through `prepare`; the test setup builds it again from
// the current sources) is what `civic` runs, and it answers exactly as the sources do.
const bin = new URL('../bin/civic.js', import.meta.url).pathname;
const version = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

function civic(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
}

describe('the built civic command', () => {
  it("starts node with the server's V8 flags (scripts/server-node-flags.json, what `npm start` passes)", () => {
    const flags = JSON.parse(
      readFileSync(new URL('../../../scripts/server-node-flags.json', import.meta.url), 'utf8'),
    ) as unknown;
    expect(Array.isArray(flags) && flags.every((f) => typeof f === 'string' && f.startsWith('--'))).toBe(
      true,
    );
    const r = spawnSync(process.execPath, [...(flags as string[]), '-e', 'process.stdout.write("ok")'], {
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('ok');
  });

  it('runs the build, and gives the same answer as the sources', () => {
    const args = ['deadline', '--from', '2021-01-05', '--working-days', '10', '--json'];
    const built = civic(args, { CIVIC_SHOW_ENTRY: '1' });
    expect(built.stderr).toContain('running the build in dist/bundle');
    expect(built.status).toBe(0);
    const source = civic(args, { CIVIC_SHOW_ENTRY: '1', CIVIC_FROM_SOURCE: '1' });
    expect(source.stderr).toContain('running the sources through tsx');
    expect(built.stdout).toBe(source.stdout);
    expect(JSON.parse(built.stdout)).toMatchObject({ due: '2021-01-20' });
  });

  it('gives the same error and exit code as the sources', () => {
    const args = ['deadline', '--from', '2021-02-30', '--working-days', '10', '--json'];
    const built = civic(args, {});
    const source = civic(args, { CIVIC_FROM_SOURCE: '1' });
    expect(built.status).toBe(2);
    expect(built.status).toBe(source.status);
    expect(built.stdout).toBe(source.stdout);
  });

  it('imports an incident file large enough to be parsed on its own thread (the built worker)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'civic-built-incidents-'));
    try {
      const header =
        'date,organisation,place,latitude,longitude,authority,action,legal_basis,penalty_mci,suspension_months,outcome,source_url,notes\n';
      const row = (i: number) =>
        `2020-0${1 + (i % 9)}-1${i % 10},Built Org ${i % 50},Almaty,,,City Court,fine,CoAO 460-1,${i % 9},,appealed,https://example.org/b/${i},"built thread row ${i}, a note long enough to make the file pass four MiB"\n`;
      const file = join(dir, 'big.csv');
      writeFileSync(file, header + Array.from({ length: 24_000 }, (_, i) => row(i)).join(''));
      expect(readFileSync(file).length).toBeGreaterThan(4 << 20);
      const r = civic(['incidents', 'import', file, '--db', join(dir, 'x.db'), '--json'], {
        CIVIC_SHOW_ENTRY: '1',
      });
      expect(r.stderr).toContain('running the build in dist/bundle');
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ read: 24_000, imported: 24_000, warnings: [] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints its version without loading anything else', () => {
    const r = civic(['--version'], {});
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });

  it('imports a statement of more than 1 MiB from the build', async () => {
    const ctx = await freshContext('sqlite');
    const dir = mkdtempSync(join(tmpdir(), 'civic-built-import-'));
    try {
      const org = await createOrganisation(ctx, { name: 'Built import' });
      if (!org.ok) throw new Error(org.error.message);
      const g = generate1CStatement({ documents: 2500, seed: 31 });
      expect(g.bytes.length).toBeGreaterThan(1 << 20);
      const file = join(dir, 'statement.txt');
      writeFileSync(file, g.bytes);
      const r = civic(['import', 'bank', file, '--db', ctx.url, '--json'], { CIVIC_SHOW_ENTRY: '1' });
      expect(r.stderr).toContain('running the build in dist/bundle');
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ read: 2500, imported: 2500, duplicates: 0 });
      const [batch] = await listBankImports(ctx, org.value.id);
      expect(batch?.imported).toBe(2500);
    } finally {
      await ctx.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

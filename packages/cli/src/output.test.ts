import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorSpec } from '@civic/app';
import { domainError, err } from '@civic/core';
import { afterAll, describe, expect, it } from 'vitest';
import { CliError, EXIT_BAD_INPUT, exitCodeOf, orFail } from './output.ts';

// Real parts: the shared error table of @civic/app and the `civic` binary in a child process.
const bin = new URL('../bin/civic.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'civic-exit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function civic(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { encoding: 'utf8', timeout: 200_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      },
    );
  });
}

describe('CliError and orFail take the exit code from the error table', () => {
  it('gives an error the exit code of its code, not always 2', () => {
    expect(new CliError(domainError('INTERNAL', 'boom')).exitCode).toBe(70);
    expect(new CliError(domainError('IMPORT_PLACE_NOT_IN_GAZETTEER', 'kept')).exitCode).toBe(0);
    expect(new CliError(domainError('DATE_INVALID', 'bad')).exitCode).toBe(2);
    expect(exitCodeOf('WAVE_NOT_FOUND')).toBe(errorSpec('WAVE_NOT_FOUND').exitCode);
  });

  it('gives a code not in the table yet exit 2 (bad input)', () => {
    expect(new CliError(domainError('SOMETHING_NOT_IN_THE_TABLE', 'x')).exitCode).toBe(EXIT_BAD_INPUT);
  });

  it('throws from orFail with the table exit code, or the one a command contract fixes', () => {
    const thrown = (f: () => unknown): CliError => {
      try {
        f();
      } catch (e) {
        if (e instanceof CliError) return e;
      }
      throw new Error('no CliError');
    };
    expect(thrown(() => orFail(err(domainError('INTERNAL', 'boom')))).exitCode).toBe(70);
    expect(thrown(() => orFail(err(domainError('INTERNAL', 'boom')), EXIT_BAD_INPUT)).exitCode).toBe(2);
    expect(orFail({ ok: true, value: 5 })).toBe(5);
  });
});

// One process at a time: each starts the TypeScript sources through tsx, and the machine is shared.
describe('civic exits with the table exit code of the error it reports', { timeout: 240_000 }, () => {
  const cases: [string, string, string[]][] = [
    [
      'a bad date',
      'DATE_INVALID',
      ['deadline', '--pack', 'kz', '--from', '2021-02-30', '--working-days', '10', '--json'],
    ],
    [
      'a day outside the calendar (HTTP 422)',
      'RULE_CALENDAR_NOT_COVERED',
      ['deadline', '--pack', 'kz', '--from', '2040-01-05', '--working-days', '3', '--json'],
    ],
    [
      'both --input and --db',
      'WAVES_INPUT_CONFLICT',
      ['waves', 'detect', '--input', 'a.csv', '--db', 'b.db', '--json'],
    ],
    [
      'an unreadable incident file (CLI only)',
      'WAVES_INPUT_NOT_FOUND',
      ['waves', 'detect', '--input', join(dir, 'missing.csv'), '--json'],
    ],
    ['an unreadable bundle', 'BUNDLE_UNREADABLE', ['verify', join(dir, 'missing.json'), '--json']],
    ['a place not in the gazetteer', 'PLACE_UNKNOWN', ['places', 'find', 'Atlantis', '--json']],
  ];

  it.each(cases)('%s → %s', async (_what, code, args) => {
    const r = await civic(args);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code } });
    expect(r.stderr).toContain(`civic: ${code}: `);
    expect(r.code).toBe(errorSpec(code).exitCode);
    expect(r.code).toBe(2);
  });

  it('exits with the table codes of CLI_OPTION_REQUIRED and CLI_OPTION_INVALID on a usage error', async () => {
    const missing = await civic(['verify']);
    expect(missing.code).toBe(errorSpec('CLI_OPTION_REQUIRED').exitCode);
    const unknown = await civic(['places', 'find', 'Almaty', '--no-such-option']);
    expect(unknown.code).toBe(errorSpec('CLI_OPTION_INVALID').exitCode);
    expect(unknown.stderr).toContain('no-such-option');
  });

  it('keeps the claim check contract: 2 on a bad file, naming it', async () => {
    const file = join(dir, 'claim.json');
    writeFileSync(file, '{ "pack": "kz", ');
    const r = await civic(['claim', 'check', file, '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'CLAIM_FILE_NOT_JSON' } });
  });
});

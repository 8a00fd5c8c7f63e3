import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Real parts: the `civic` binary in a child process, the real rules/kz.yaml.
const bin = new URL('../../bin/civic.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'civic-claim-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function civic(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { encoding: 'utf8', timeout: 90_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      },
    );
  });
}
let n = 0;
function claimFile(content: unknown): string {
  const f = join(dir, `claim-${n++}.json`);
  writeFileSync(f, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return f;
}

// The claim file example of issue 4, verbatim: a 2019 offence ruled on in January 2021 (Echo's ruling, legal-brief.md §2.1).
const ISSUE_EXAMPLE = {
  pack: 'kz',
  offence: {
    article: '460-1',
    tier: 'inaccurate-information',
    committedOn: '2019-04-10',
    continuing: false,
    discoveredOn: '2020-11-26',
  },
  offender: 'legal-entity',
  proceedingsStartedOn: '2021-01-05',
  rulingOn: '2021-01-15',
  servedOn: '2021-01-15',
  penalty: { mci: 400, amount: '1166800', currency: 'KZT', suspensionMonths: 3 },
  priorPenalties: [{ article: '460-1', tier: 'failure-to-notify', finalOn: '2020-05-02' }],
};

describe('civic claim check', { timeout: 180_000 }, () => {
  it('prints the contract JSON and exits 1 when a finding favours the defence', async () => {
    const r = await civic(['claim', 'check', claimFile(ISSUE_EXAMPLE), '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as Record<string, Record<string, unknown>>;
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['limitation', 'penalty', 'appeal', 'findings']));
    expect(out['limitation']).toMatchObject({
      expiresOn: '2019-06-10',
      status: 'expired',
      evaluatedOn: '2021-01-15',
      // Issue 10, finding 3: the limitation rests on the open questions of Art. 62 (brief §1.5).
      verified: false,
      alternatives: [],
    });
    expect(typeof out['limitation']?.['citation']).toBe('string');
    expect(out['penalty']).toMatchObject({
      mciYear: 2021,
      mciValue: 2917,
      expectedAmount: '1166800',
      amountMatches: true,
      suspensionLawful: true,
    });
    // Finding 5: 10 working days (29 Jan) or 10 calendar days (25 Jan): act on the earlier.
    expect(out['appeal']).toMatchObject({ deadline: '2021-01-29', dueSafe: '2021-01-25', verified: false });
    expect(out['appeal']?.['readings']).toEqual([
      { basis: '10 working days', due: '2021-01-29', verified: false },
      { basis: '10 calendar days', due: '2021-01-25', verified: false },
    ]);
    const findings = out['findings'] as unknown as {
      code: string;
      severity: string;
      message: string;
      citation: string | null;
    }[];
    expect(findings[0]).toMatchObject({ code: 'LIMITATION_EXPIRED', severity: 'critical' });
    for (const f of findings)
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['code', 'severity', 'message', 'citation']));
  });

  it('exits 0 when no finding favours the defence (offence on 1 Jan 2021, ruled within two months)', async () => {
    const r = await civic([
      'claim',
      'check',
      claimFile({
        pack: 'kz',
        offence: { article: '460-1', tier: 'failure-to-notify', committedOn: '2021-01-01' },
        offender: 'legal-entity',
        proceedingsStartedOn: '2021-01-20',
        rulingOn: '2021-02-01',
        penalty: { mci: 100, amount: '291700' },
      }),
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      limitation: { status: 'running', expiresOn: '2021-03-01' },
      penalty: { amountMatches: true, expectedAmount: '291700' },
    });
  });

  it('gives null penalty fields and no appeal deadline for a bare claim, judged on --as-of', async () => {
    const f = claimFile({
      pack: 'kz',
      offence: { article: '460-1', tier: 'failure-to-notify', committedOn: '2021-01-01' },
    });
    const running = await civic(['claim', 'check', f, '--json', '--as-of', '2021-02-15']);
    expect(running.code).toBe(0);
    expect(JSON.parse(running.stdout)).toMatchObject({
      limitation: { status: 'running', evaluatedOn: '2021-02-15' },
      penalty: {
        mciYear: null,
        mciValue: null,
        expectedAmount: null,
        amountMatches: null,
        suspensionLawful: null,
      },
      appeal: { deadline: null },
    });
    const expired = await civic(['claim', 'check', f, '--json', '--as-of', '2021-03-02']);
    expect(expired.code).toBe(1);
    expect(JSON.parse(expired.stdout)).toMatchObject({
      limitation: { status: 'expired', evaluatedOn: '2021-03-02' },
    });
  });

  it('gives the continuing-offence reading in alternatives', async () => {
    const r = await civic([
      'claim',
      'check',
      claimFile({ ...ISSUE_EXAMPLE, offence: { ...ISSUE_EXAMPLE.offence, continuing: true } }),
      '--json',
    ]);
    const out = JSON.parse(r.stdout) as {
      limitation: { alternatives: unknown[] };
      findings: { code: string }[];
    };
    expect(out.limitation.alternatives).toEqual([
      expect.objectContaining({
        reading: 'discovery',
        startsOn: '2020-11-26',
        expiresOn: '2021-01-26',
        status: 'running',
      }),
    ]);
    expect(out.findings.map((f) => f.code)).toContain('LIMITATION_EXPIRED_IF_NOT_CONTINUING');
    expect(r.code).toBe(1);
  });

  it.each([
    [
      'a missing committedOn',
      { pack: 'kz', offence: { article: '460-1', tier: 'failure-to-notify' } },
      'offence.committedOn',
    ],
    ['an impossible date', { ...ISSUE_EXAMPLE, rulingOn: '2021-02-30' }, 'rulingOn'],
    [
      'an unknown tier',
      { ...ISSUE_EXAMPLE, offence: { ...ISSUE_EXAMPLE.offence, tier: 'no-such-tier' } },
      'offence.tier',
    ],
    ['an unknown pack', { ...ISSUE_EXAMPLE, pack: 'no-such-pack' }, 'pack'],
    ['a path as the pack (never opened)', { ...ISSUE_EXAMPLE, pack: '/etc/passwd' }, 'pack'],
    ['text that is not JSON', '{ "pack": "kz", ', null],
  ])('exits 2 on %s, naming the field', async (_name, content, field) => {
    const r = await civic(['claim', 'check', claimFile(content), '--json']);
    expect(r.code).toBe(2);
    if (field) {
      expect(r.stderr).toContain(field);
      expect(JSON.parse(r.stdout)).toMatchObject({ error: { field } });
    }
  });

  it('exits 2 for a file that does not exist and for a bad --as-of', async () => {
    expect((await civic(['claim', 'check', join(dir, 'none.json')])).code).toBe(2);
    expect((await civic(['claim', 'check', claimFile(ISSUE_EXAMPLE), '--as-of', '2021-13-01'])).code).toBe(2);
  });

  it('prints a readable report without --json', async () => {
    const r = await civic(['claim', 'check', claimFile(ISSUE_EXAMPLE)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('LIMITATION_EXPIRED');
    expect(r.stdout).toContain('2019-06-10');
    expect(r.stdout).toContain('1166800');
  });
});

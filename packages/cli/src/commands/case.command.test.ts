import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Real parts: the `civic` binary, a SQLite demo database (civic init --demo), jszip, pdftotext, ical.js.
const bin = new URL('../../bin/civic.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'civic-case-'));
const db = join(dir, 'demo.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(cmd: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { encoding: 'utf8', timeout: 90_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}
const civic = (...args: string[]) => run(process.execPath, [bin, ...args]);

let ids: Record<string, string> = {};
beforeAll(async () => {
  const init = await civic('init', '--db', db, '--demo', '--json');
  expect(init.code).toBe(0);
  const cases = JSON.parse((await civic('cases', '--db', db, '--json')).stdout) as {
    cases: { id: string; organisationName: string }[];
  };
  ids = Object.fromEntries(cases.cases.map((c) => [c.organisationName, c.id]));
}, 120_000);

describe('civic cases, case and deadlines on the demo database', { timeout: 180_000 }, () => {
  it('lists the seven cases of 2020–21 across organisations', async () => {
    const r = await civic('cases', '--db', db, '--json');
    const out = JSON.parse(r.stdout) as {
      cases: { organisationName: string; status: string; actions: number }[];
    };
    expect(out.cases.map((c) => c.organisationName).sort()).toEqual([
      'Echo',
      'Erkindik Kanaty',
      'International Legal Initiative',
      'Kadir Kassiet',
      'Kazakhstan International Bureau for Human Rights',
      'Legal Media Center',
      'MediaNet International Journalism Centre',
    ]);
    const one = await civic('cases', '--db', db, '--org', 'Echo', '--json');
    expect((JSON.parse(one.stdout) as { cases: unknown[] }).cases).toHaveLength(1);
  });

  it('shows the Echo case with its ruling (400 MCI = 1,166,800, brief §2.1)', async () => {
    const r = await civic('case', 'show', ids['Echo'] ?? '?', '--db', db, '--json');
    expect(r.code).toBe(0);
    const c = (
      JSON.parse(r.stdout) as {
        case: {
          actions: {
            kind: string;
            rulingOn: string | null;
            penalty: { mci: number; amount: string; suspensionMonths: number } | null;
          }[];
        };
      }
    ).case;
    expect(c.actions.find((a) => a.kind === 'ruling')).toMatchObject({
      rulingOn: '2021-01-15',
      penalty: { mci: 400, amount: '1166800', suspensionMonths: 3 },
    });
    expect(c.actions.map((a) => a.kind)).toEqual(expect.arrayContaining(['withdrawal', 'court-decision']));
  });

  it('checks the Echo case: the limitation finding and the amount check, exit 1', async () => {
    const r = await civic('case', 'check', ids['Echo'] ?? '?', '--db', db, '--as-of', '2021-01-20', '--json');
    expect(r.code).toBe(1);
    const v = JSON.parse(r.stdout) as {
      findings: { code: string; citation: string }[];
      actions: { kind: string; penalty: { expectedAmount: string; amountMatches: boolean } | null }[];
    };
    expect(v.findings[0]?.code).toBe('LIMITATION_EXPIRED');
    expect(v.actions.find((a) => a.kind === 'ruling')?.penalty).toMatchObject({
      expectedAmount: '1166800',
      amountMatches: true,
    });
  });

  it('exits 0 for a case with nothing to raise, 2 for an unknown case', async () => {
    expect((await civic('case', 'check', ids['Legal Media Center'] ?? '?', '--db', db, '--json')).code).toBe(
      0,
    );
    const missing = await civic('case', 'check', 'case_none', '--db', db, '--json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('CASE_NOT_FOUND');
  });

  it('drafts the Echo objection as DOCX (read with jszip) in Russian', async () => {
    const out = join(dir, 'echo-ru.docx');
    const r = await civic(
      'case',
      'objection',
      ids['Echo'] ?? '?',
      '--db',
      db,
      '--lang',
      'ru',
      '--format',
      'docx',
      '--out',
      out,
      '--as-of',
      '2021-01-20',
    );
    expect(r.code).toBe(0);
    const xml =
      (await (await JSZip.loadAsync(readFileSync(out))).file('word/document.xml')?.async('string')) ?? '';
    // Issue 10: long-form dates, the request heading, no codes or ISO dates in the body.
    // The organisation by its Cyrillic name (a demo alias), not «Echo».
    for (const fact of ['ОФ «Эхо»', '15 января 2021 г.', 'стёк срок давности', 'ПРОШУ:', 'КоАП РК'])
      expect(xml).toContain(fact);
    expect(xml).not.toMatch(/LIMITATION_EXPIRED|2021-01-15|>Echo|Echo</);
  });

  it('drafts the KIBHR objection as PDF (read with pdftotext) in Kazakh', async () => {
    const out = join(dir, 'kibhr-kk.pdf');
    const r = await civic(
      'case',
      'objection',
      ids['Kazakhstan International Bureau for Human Rights'] ?? '?',
      '--db',
      db,
      '--lang',
      'kk',
      '--format',
      'pdf',
      '--out',
      out,
      '--as-of',
      '2021-01-28',
    );
    expect(r.code).toBe(0);
    const text = (await run('pdftotext', [out, '-'])).stdout.replace(/\s+/g, ' ');
    for (const fact of [
      'Адам құқықтары және заңдылықты сақтау жөніндегі Қазақстан халықаралық бюросы',
      '2021 жылғы 25 қаңтар',
      '2 333 600',
      'скіру мерзімі өтті',
      'СҰРАЙМЫН:',
    ])
      expect(text).toContain(fact);
  });

  it('refuses an objection in an unknown language (exit 2)', async () => {
    expect(
      (
        await civic(
          'case',
          'objection',
          ids['Echo'] ?? '?',
          '--db',
          db,
          '--lang',
          'de',
          '--format',
          'pdf',
          '--out',
          join(dir, 'x.pdf'),
        )
      ).code,
    ).toBe(2);
  });

  it('lists deadlines as JSON and as an iCalendar feed that ical.js reads', async () => {
    const json = JSON.parse(
      (await civic('deadlines', '--db', db, '--json', '--all', '--as-of', '2021-01-20')).stdout,
    ) as { deadlines: { kind: string; date: string; organisationName: string }[] };
    expect(json.deadlines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'appeal', date: '2021-01-29', organisationName: 'Echo' }),
      ]),
    );
    const out = join(dir, 'deadlines.ics');
    expect((await civic('deadlines', '--db', db, '--ics', '--all', '--out', out)).code).toBe(0);
    const cal = new ICAL.Component(ICAL.parse(readFileSync(out, 'utf8')));
    const events = cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.length).toBe(json.deadlines.length);
    expect(events.some((e) => e.summary.includes('Echo') && e.startDate.toString() === '2021-01-29')).toBe(
      true,
    );
  });

  it('adds a case from a file, and exits 2 naming the field of a bad one', async () => {
    const good = join(dir, 'case.json');
    writeFileSync(
      good,
      JSON.stringify({
        title: 'New notice',
        pack: 'kz',
        actions: [{ kind: 'notice', servedOn: '2021-03-01' }],
      }),
    );
    const added = await civic('case', 'add', good, '--db', db, '--org', 'Echo', '--json');
    expect(added.code).toBe(0);
    const bad = join(dir, 'bad-case.json');
    writeFileSync(
      bad,
      JSON.stringify({
        title: 'Bad',
        pack: 'kz',
        actions: [{ kind: 'ruling', offence: { committedOn: '2021-02-30' } }],
      }),
    );
    const r = await civic('case', 'add', bad, '--db', db, '--org', 'Echo');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('actions[0].offence.committedOn');
  });
});

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import {
  closeContext,
  freshContext,
  listAudit,
  openContext,
  setDefaultKeyFile,
  testDialects,
} from '@civic/app';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, labelOf } from '@civic/core';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { setCliActorName } from './cli-actor.ts';
import { registerCommands } from './commands/index.ts';
import { startSmtpCapture } from './commands/smtp-capture.ts';

// Every CLI command that changes stored data leaves one audit entry with the actor (`--actor NAME`,
// else the operating-system user) and `channel: cli` (issue 15). Real parts: the CLI's commands run
// in this process through commander (as bin/civic.js wires them), on a real SQLite file and, for the
// ledger sample, the real PostgreSQL.
const dir = mkdtempSync(join(tmpdir(), 'civic-cli-audit-all-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};

/** Runs `civic ARGS` in this process and returns what it printed (JSON with --json). */
async function civic(args: readonly string[]): Promise<unknown> {
  const program = new Command('civic')
    .option('--key-file <file>')
    .option('--actor <name>')
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} });
  program.hook('preAction', () => {
    const o = program.opts<{ keyFile?: string; actor?: string }>();
    setDefaultKeyFile(o.keyFile);
    setCliActorName(o.actor);
  });
  registerCommands(program);
  let out = '';
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }) as typeof process.stdout.write;
  try {
    await program.parseAsync([...args], { from: 'user' });
  } finally {
    process.stdout.write = write;
    setCliActorName(undefined);
  }
  return out.trim().startsWith('{') ? (JSON.parse(out) as unknown) : out;
}

const ACTOR = 'Айгерим (бухгалтер)';
const OS_USER = userInfo().username;

interface Step {
  readonly args: (db: string, seen: Map<string, string>) => string[];
  readonly entity: string;
  readonly action: string;
  /** Keeps an id of what was printed for later steps. */
  readonly keep?: (out: unknown, seen: Map<string, string>) => void;
}

const pick = (out: unknown, ...path: string[]): string =>
  String(path.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], out));

const CASE = JSON.stringify({
  title: 'Notice',
  pack: 'kz',
  actions: [{ kind: 'notice', servedOn: '2021-03-01' }],
});
const INCIDENTS =
  'date,organisation,place,latitude,longitude,authority,action,legal_basis,penalty_mci,suspension_months,outcome,source_url,notes\n' +
  '2021-01-15,Echo,Almaty,,,SRC,fine,CoAO 460-1,400,3,,,\n';
const RATES = 'date,currency,rate,units\n2021-03-05,USD,420.16,1\n';

/** The ledger commands, in an order where each finds what it needs. */
const LEDGER: readonly Step[] = [
  { args: (db) => ['init', '--db', db, '--org', 'Echo', '--json'], entity: 'organisation', action: 'create' },
  { args: (db) => ['org', 'aliases', 'Эхо', '--db', db, '--json'], entity: 'organisation', action: 'update' },
  {
    args: (db) => ['org', 'name', 'Echo Centre', '--db', db, '--json'],
    entity: 'organisation',
    action: 'update',
  },
  { args: (db) => ['org', 'name', 'Echo', '--db', db, '--json'], entity: 'organisation', action: 'update' },
  {
    args: (db) => [
      'source',
      'add',
      '--db',
      db,
      '--name',
      'NED',
      '--category',
      'foreign-organisation',
      '--country',
      'US',
      '--json',
    ],
    entity: 'foreign-source',
    action: 'create',
  },
  {
    args: (db) => [
      'grant',
      'add',
      '--db',
      db,
      '--source',
      'NED',
      '--agreement',
      '2021-117',
      '--currency',
      'USD',
      '--amount',
      '50000',
      '--json',
    ],
    entity: 'grant',
    action: 'create',
  },
  {
    args: (db) => [
      'account',
      'add',
      '--db',
      db,
      '--number',
      'KZ756010002000123456',
      '--currency',
      'KZT',
      '--json',
    ],
    entity: 'bank-account',
    action: 'create',
  },
  {
    args: (db) => ['import', 'rates', file('rates.csv', RATES), '--db', db, '--json'],
    entity: 'official-rate',
    action: 'import',
  },
  {
    args: (db) => [
      'receipt',
      'add',
      '--db',
      db,
      '--source',
      'NED',
      '--grant',
      '2021-117',
      '--date',
      '2021-03-05',
      '--amount',
      '5000',
      '--currency',
      'USD',
      '--json',
    ],
    entity: 'receipt',
    action: 'create',
  },
  {
    args: (db) => [
      'expenditure',
      'add',
      '--db',
      db,
      '--date',
      '2021-03-10',
      '--amount',
      '1000',
      '--currency',
      'USD',
      '--grant',
      '2021-117',
      '--description',
      'Rent',
      '--json',
    ],
    entity: 'expenditure',
    action: 'create',
  },
  {
    args: (db) => ['incidents', 'import', file('incidents.csv', INCIDENTS), '--db', db, '--json'],
    entity: 'incident',
    action: 'import',
  },
  {
    args: (db) => ['case', 'add', file('case.json', CASE), '--db', db, '--json'],
    entity: 'case',
    action: 'create',
  },
];

async function trail(
  db: string,
): Promise<{ entity: string; action: string; label: string; channel: string }[]> {
  const ctx = await openContext(db);
  try {
    return (await listAudit(ctx, { limit: 500 })).map((e) => ({
      entity: e.entity,
      action: e.action,
      label: e.actor.label,
      channel: e.channel,
    }));
  } finally {
    await closeContext(ctx);
  }
}

/** The newest `limit` entries as they are stored (to check that no key material is in them). */
async function entries(db: string, limit: number): Promise<unknown[]> {
  const ctx = await openContext(db);
  try {
    return await listAudit(ctx, { limit });
  } finally {
    await closeContext(ctx);
  }
}

async function runSteps(db: string, steps: readonly Step[]): Promise<void> {
  const seen = new Map<string, string>();
  for (const [i, step] of steps.entries()) {
    const before = (await trail(db).catch(() => [])).length;
    // Every other command names its actor; the rest are the operating-system user's.
    const actorArgs = i % 2 === 0 ? ['--actor', ACTOR] : [];
    const out = await civic([...step.args(db, seen), ...actorArgs]);
    step.keep?.(out, seen);
    const after = await trail(db);
    // The demo seed's own system entries (`demo-seed`) are not the command's.
    const added = after.slice(0, after.length - before).filter((e) => e.label !== 'demo-seed');
    expect(added, `${step.args(db, seen).slice(0, 2).join(' ')} writes one entry`).toEqual([
      { entity: step.entity, action: step.action, label: i % 2 === 0 ? ACTOR : OS_USER, channel: 'cli' },
    ]);
    // People read the trail: each entity and action has a label in their language.
    expect(labelOf(AUDIT_ENTITY_LABELS, step.entity, 'ru')).not.toBe(step.entity);
    expect(labelOf(AUDIT_ACTION_LABELS, step.action, 'kk')).not.toBe(step.action);
  }
}

for (const dialect of testDialects()) {
  describe(`every writing ledger command audits, on ${dialect}`, () => {
    it('one entry per command, with the actor and channel cli', { timeout: 120_000 }, async () => {
      const base = await freshContext(dialect);
      try {
        await runSteps(base.url, LEDGER);
      } finally {
        await base.close();
      }
    });
  });
}

describe('every writing command of the instance audits (SQLite)', () => {
  const db = join(dir, 'demo.db');
  const seed: Step[] = [
    { args: (d) => ['init', '--db', d, '--demo', '--json'], entity: 'instance', action: 'seed-demo' },
  ];
  it(
    'the demo seed, briefs, filings, notifications and their e-mail, encryption and key change',
    { timeout: 240_000 },
    async () => {
      // init --demo is one entry, not one per demo record.
      await runSteps(db, seed);
      const waves = (await civic(['waves', 'detect', '--db', db, '--replications', '99', '--json'])) as {
        waves: { id: string }[];
      };
      const wave = waves.waves[0]?.id ?? '';
      const obligations = (await civic([
        'obligations',
        '--db',
        db,
        '--org',
        'Echo',
        '--as-of',
        '2021-04-01',
        '--json',
      ])) as {
        obligations: { id: string; status: string }[];
      };
      const due = obligations.obligations.find(
        (o) => o.status !== 'filed-on-time' && o.status !== 'filed-late',
      );
      expect(due, 'the demo has an obligation to file').toBeDefined();
      const keyFile = file('db.key', 'a long passphrase for the audit test\n');
      const newKeyFile = file('db-new.key', 'another long passphrase for the test\n');
      await runSteps(db, [
        {
          args: (d) => ['brief', 'create', '--db', d, '--wave', wave, '--replications', '99', '--json'],
          entity: 'brief',
          action: 'create',
          keep: (out, seen) => seen.set('brief', pick(out, 'brief', 'id')),
        },
        {
          args: (d, seen) => ['brief', 'publish', seen.get('brief') ?? '', '--db', d, '--json'],
          entity: 'brief',
          action: 'publish',
        },
        {
          args: (d) => ['filing', 'prepare', '--db', d, '--obligation', due?.id ?? '', '--json'],
          entity: 'filing',
          action: 'prepare',
          keep: (out, seen) => seen.set('filing', pick(out, 'id')),
        },
        {
          args: (d, seen) => [
            'filing',
            'submit',
            '--db',
            d,
            '--filing',
            seen.get('filing') ?? '',
            '--on',
            '2021-04-01',
            '--channel',
            'paper',
            '--number',
            '17',
            '--json',
          ],
          entity: 'filing',
          action: 'submit',
        },
        {
          args: (d) => ['notify', 'run', '--db', d, '--as-of', '2021-04-01', '--no-waves', '--json'],
          entity: 'notification',
          action: 'run',
        },
      ]);
      // Messages kept in the app while there was no SMTP, e-mailed (a real SMTP server on the loopback).
      const smtp = await startSmtpCapture();
      process.env['SMTP_URL'] = smtp.url;
      try {
        await runSteps(db, [
          {
            args: (d) => ['notify', 'outbox', '--send-queued', '--db', d, '--json'],
            entity: 'notification',
            action: 'send',
          },
        ]);
      } finally {
        delete process.env['SMTP_URL'];
        await smtp.close();
      }
      // encrypt and key change: the entry is read with the key that opens the database afterwards.
      await civic(['encrypt', '--db', db, '--key-file', keyFile, '--actor', ACTOR, '--json']);
      setDefaultKeyFile(keyFile);
      expect((await trail(db))[0]).toEqual({
        entity: 'instance',
        action: 'encrypt',
        label: ACTOR,
        channel: 'cli',
      });
      process.env['CIVIC_DB_NEW_KEY_FILE'] = newKeyFile;
      try {
        // A wrong current key changes nothing and records nothing.
        const wrong = file('wrong.key', 'not the passphrase of this database\n');
        await expect(
          civic(['key', 'change', '--db', db, '--key-file', wrong, '--json']),
        ).rejects.toMatchObject({
          error: { code: 'DB_KEY_INVALID' },
        });
        setDefaultKeyFile(keyFile);
        expect((await trail(db))[0]).toMatchObject({ entity: 'instance', action: 'encrypt' });
        await civic(['key', 'change', '--db', db, '--key-file', keyFile, '--actor', ACTOR, '--json']);
      } finally {
        delete process.env['CIVIC_DB_NEW_KEY_FILE'];
      }
      // The key change is in the trail (read with the new key), with no key material in it.
      setDefaultKeyFile(newKeyFile);
      expect((await trail(db))[0]).toEqual({
        entity: 'instance',
        action: 'key-change',
        label: ACTOR,
        channel: 'cli',
      });
      const entry = JSON.stringify(await entries(db, 1));
      for (const secret of ['a long passphrase', 'another long passphrase', 'wrapped', 'salt'])
        expect(entry).not.toContain(secret);

      // A restore is recorded in the database it wrote.
      setDefaultKeyFile(newKeyFile);
      const identity = join(dir, 'backup.key');
      const { publicKey } = (await civic(['backup', 'keygen', '--out', identity, '--json'])) as {
        publicKey: string;
      };
      const backup = join(dir, 'demo.age');
      await civic([
        'backup',
        'create',
        '--db',
        db,
        '--key-file',
        newKeyFile,
        '--out',
        backup,
        '--recipient',
        publicKey,
        '--json',
      ]);
      const restored = join(dir, 'restored.db');
      await civic([
        'backup',
        'restore',
        backup,
        '--identity',
        identity,
        '--db',
        restored,
        '--actor',
        ACTOR,
        '--json',
      ]);
      setDefaultKeyFile(undefined);
      expect((await trail(restored))[0]).toEqual({
        entity: 'instance',
        action: 'restore',
        label: ACTOR,
        channel: 'cli',
      });
    },
  );
});

describe('the civic binary records its actor (one spawn)', () => {
  it('civic init --actor NAME writes the entry with channel cli', { timeout: 120_000 }, async () => {
    const db = join(dir, 'spawned.db');
    const bin = new URL('../bin/civic.js', import.meta.url).pathname;
    const code = await new Promise<number | null>((resolve) => {
      execFile(
        process.execPath,
        [bin, 'init', '--db', db, '--org', 'Echo', '--actor', ACTOR, '--json'],
        (e) => resolve(e ? (typeof e.code === 'number' ? e.code : null) : 0),
      );
    });
    expect(code).toBe(0);
    expect(await trail(db)).toEqual([
      { entity: 'organisation', action: 'create', label: ACTOR, channel: 'cli' },
    ]);
  });
});

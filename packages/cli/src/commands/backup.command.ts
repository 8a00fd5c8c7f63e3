import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  auditDatabase,
  backupKeyFileText,
  createBackup,
  currentDbSecret,
  generateBackupKeyPair,
  readBackupIdentities,
  restoreBackup,
  verifyBackup,
  type BackupFault,
  type BackupOpening,
  type BackupSealing,
} from '@civic/app';
import type { Command } from 'commander';
import { CliError, describeError, exitCodeOf, orFail, printJson } from '../output.ts';
import { cliLang, LANG_OPTION_HELP } from '../lang/cli-lang.ts';
import { keyWrittenNote } from '../lang/backup-report.ts';
import { backupRestoredLine, backupVerifiedReport, backupWrittenLine } from '../lang/monitor-reports.ts';

const collect = (v: string, all: string[]): string[] => [...all, v];

function passphraseFrom(variable: string): string {
  const p = process.env[variable];
  if (!p)
    throw new CliError({
      code: 'CLI_OPTION_REQUIRED',
      message: `the environment variable ${variable} named by --passphrase-env is empty or not set`,
      field: 'passphrase-env',
    });
  return p;
}

function sealingOf(opts: { recipient: string[]; passphraseEnv?: string }): BackupSealing {
  if (opts.passphraseEnv === undefined) return { kind: 'recipients', recipients: opts.recipient };
  if (opts.recipient.length > 0)
    throw new CliError({
      code: 'CLI_OPTION_INVALID',
      message: 'the age format encrypts to recipients or to one passphrase, not both',
      field: 'passphrase-env',
    });
  return { kind: 'passphrase', passphrase: passphraseFrom(opts.passphraseEnv) };
}

function openingOf(opts: { identity?: string; passphraseEnv?: string }): BackupOpening {
  if (opts.passphraseEnv !== undefined)
    return { kind: 'passphrase', passphrase: passphraseFrom(opts.passphraseEnv) };
  if (opts.identity === undefined)
    throw new CliError({
      code: 'CLI_OPTION_REQUIRED',
      message: '--identity KEYFILE is required',
      field: 'identity',
    });
  return { kind: 'identities', identities: orFail(readBackupIdentities(opts.identity)) };
}

function encryptionSecret(): Buffer {
  const secret = currentDbSecret();
  if (!secret)
    throw new CliError({
      code: 'DB_KEY_REQUIRED',
      message: '--encrypt needs a key: give it with CIVIC_DB_KEY, CIVIC_DB_KEY_FILE or --key-file',
      field: 'encrypt',
    });
  return secret;
}

/** A failed check: named on stderr (and as JSON), exit 1 for a damaged or unopenable backup. */
function failWith(f: BackupFault, json: boolean): never {
  const { part, ...error } = f;
  if (json) printJson({ ok: false, part, error });
  process.stderr.write(`civic: ${describeError(error)} — part ${part}\n`);
  process.exit(exitCodeOf(error.code));
}

export function registerBackup(program: Command): void {
  const backup = program.command('backup').description('encrypted backups (age format) that restore');

  backup
    .command('keygen')
    .description('make a backup key pair: the secret key into KEYFILE (mode 0600), the public key printed')
    .requiredOption('--out <keyfile>', 'the key file to write (never overwritten)')
    .option('--lang <lang>', LANG_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(async (opts: { out: string; lang?: string; json?: boolean }) => {
      const lang = cliLang(opts.lang);
      const pair = await generateBackupKeyPair();
      try {
        writeFileSync(opts.out, backupKeyFileText(pair, new Date()), { mode: 0o600, flag: 'wx' });
      } catch (e) {
        const exists = (e as NodeJS.ErrnoException).code === 'EEXIST';
        throw new CliError({
          code: exists ? 'BACKUP_KEY_FILE_EXISTS' : 'BACKUP_IDENTITY_UNREADABLE',
          message: exists
            ? `${opts.out} exists: a key file is never overwritten`
            : `cannot write ${opts.out}`,
          file: opts.out,
        });
      }
      if (opts.json) printJson({ publicKey: pair.publicKey });
      else {
        process.stderr.write(keyWrittenNote(opts.out, lang));
        process.stdout.write(`${pair.publicKey}\n`);
      }
    });

  backup
    .command('create')
    .description('write one encrypted backup: a snapshot of the database, the stored files, a manifest')
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .requiredOption('--out <file>', 'the backup file to write')
    .option(
      '--recipient <pubkey>',
      'an age public key (age1…) that can open the backup; repeat for more',
      collect,
      [],
    )
    .option('--passphrase-env <var>', 'encrypt to the passphrase in this environment variable instead')
    .option('--files <dir>', 'the folder of stored files to include')
    .option('--lang <lang>', LANG_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(
      async (opts: {
        db: string;
        lang?: string;
        out: string;
        recipient: string[];
        passphraseEnv?: string;
        files?: string;
        json?: boolean;
      }) => {
        const s = orFail(
          await createBackup({
            databaseUrl: opts.db,
            out: opts.out,
            sealing: sealingOf(opts),
            filesDir: opts.files,
            now: new Date(),
          }),
        );
        if (opts.json) printJson({ file: s.file, bytes: s.bytes, ...s.manifest });
        else process.stdout.write(backupWrittenLine(s, cliLang(opts.lang)));
      },
    );

  backup
    .command('verify')
    .description(
      'decrypt a backup and check every part against its manifest; exit 1 naming the part that fails',
    )
    .argument('<file>', 'the backup file')
    .option('--identity <keyfile>', 'the age key file')
    .option(
      '--passphrase-env <var>',
      'the environment variable holding the passphrase (for a passphrase backup)',
    )
    .option('--lang <lang>', LANG_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(
      async (
        file: string,
        opts: { identity?: string; passphraseEnv?: string; lang?: string; json?: boolean },
      ) => {
        const opening = openingOf(opts);
        // Streamed: decrypted and hashed 64 KiB at a time, however large the backup.
        const opened = await verifyBackup(file, opening);
        if (!opened.ok) failWith(opened.error, opts.json === true);
        const m = opened.value.manifest;
        if (opts.json) printJson({ ok: true, file, ...m });
        else process.stdout.write(backupVerifiedReport(file, m, cliLang(opts.lang)));
      },
    );

  backup
    .command('restore')
    .description(
      'restore a backup into a NEW database (never over an existing one), checked before it appears',
    )
    .argument('<file>', 'the backup file')
    .option('--identity <keyfile>', 'the age key file')
    .option(
      '--passphrase-env <var>',
      'the environment variable holding the passphrase (for a passphrase backup)',
    )
    .requiredOption('--db <newdb>', 'a new SQLite file, or the URL of an empty PostgreSQL database')
    .option('--files <dir>', "a new folder for the backup's stored files")
    .option(
      '--encrypt',
      'write the new SQLite database encrypted with the key of --key-file, CIVIC_DB_KEY_FILE or CIVIC_DB_KEY',
    )
    .option('--lang <lang>', LANG_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(
      async (
        file: string,
        opts: {
          identity?: string;
          passphraseEnv?: string;
          db: string;
          files?: string;
          encrypt?: boolean;
          lang?: string;
          json?: boolean;
        },
      ) => {
        const r = await restoreBackup({
          file,
          opening: openingOf(opts),
          target: opts.db,
          filesDir: opts.files,
          encryptWith: opts.encrypt ? encryptionSecret() : undefined,
        });
        if (!r.ok) failWith(r.error, opts.json === true);
        const s = r.value;
        await auditDatabase(s.target, {
          entity: 'instance',
          entityId: 'database',
          action: 'restore',
          organisationId: null,
          after: { backup: basename(file), chains: s.chains, files: s.files },
        });
        if (opts.json)
          printJson({ ok: true, db: s.target, files: s.files, chains: s.chains, manifest: s.manifest });
        else process.stdout.write(backupRestoredLine(file, s, cliLang(opts.lang)));
      },
    );
}

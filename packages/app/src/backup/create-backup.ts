import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { domainError, err, ok, type Result } from '@civic/core';
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { dumpPostgresStreaming, isPostgresUrl, readSqliteSnapshotFacts, snapshotSqlite } from '@civic/store';
import { closeContext, openContext } from '../context.ts';
import { checkRecipients } from './backup-keys.ts';
import {
  describePart,
  sealBackup,
  sealBackupStream,
  sha256Of,
  type BackupManifest,
  type BackupSealing,
} from './backup-archive.ts';
import { Spool } from './backup-spool.ts';
import type { TarEntry } from './tar-archive.ts';
import type { StreamedEntry } from './tar-stream.ts';

export interface CreateBackupInput {
  /** A SQLite file or a postgres:// URL. */
  readonly databaseUrl: string;
  /** The backup file to write (written under a temporary name, renamed when complete). */
  readonly out: string;
  readonly sealing: BackupSealing;
  /** The folder of stored files to include, when the instance keeps files outside the database. */
  readonly filesDir?: string | undefined;
  readonly now: Date;
  /** Also return the sha256 of the encrypted bytes (to check the file reads back as written). */
  readonly sealedDigest?: boolean;
}

export interface BackupSummary {
  readonly file: string;
  readonly bytes: number;
  /** sha256 of the encrypted file as written (when asked for with `sealedDigest`). */
  readonly sha256?: string;
  readonly manifest: BackupManifest;
}

/** Every regular file under `dir`, as archive entries `files/<relative path>`, in a stable order. */
function storedFiles(dir: string): TarEntry[] {
  const out: TarEntry[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(d, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.isFile())
        out.push({ name: `files/${relative(dir, path).split('\\').join('/')}`, data: readFileSync(path) });
    }
  };
  walk(dir);
  return out;
}

/** A consistent copy of a SQLite database, with the schema version and log heads of that very copy. */
async function snapshot(
  url: string,
): Promise<Omit<BackupManifest, 'format' | 'version' | 'createdAt' | 'parts'> & { part: TarEntry }> {
  // Opened like every command: an encrypted file with the key from --key-file or the environment.
  const ctx = await openContext(url, { migrate: false });
  try {
    const image = snapshotSqlite(ctx.store.db);
    return {
      dialect: 'sqlite',
      ...readSqliteSnapshotFacts(image),
      part: { name: 'database.sqlite', data: image },
    };
  } finally {
    await closeContext(ctx);
  }
}

/**
 * Writes one encrypted backup: a snapshot of the database, the stored files and a manifest with
 * each part's sha256, the schema version and the log heads. The file appears only when complete.
 */
export async function createBackup(input: CreateBackupInput): Promise<Result<BackupSummary>> {
  if (input.sealing.kind === 'recipients') {
    if (input.sealing.recipients.length === 0)
      return err(
        domainError('BACKUP_RECIPIENT_REQUIRED', 'give at least one --recipient or --passphrase-env', {
          field: 'recipient',
        }),
      );
    const checked = checkRecipients(input.sealing.recipients);
    if (!checked.ok) return checked;
  }
  if (!isPostgresUrl(input.databaseUrl) && !existsSync(input.databaseUrl))
    return err(
      domainError('BACKUP_DATABASE_NOT_FOUND', `there is no database at ${input.databaseUrl}`, {
        field: 'db',
      }),
    );
  if (input.filesDir !== undefined && !existsSync(input.filesDir))
    return err(
      domainError('BACKUP_FILES_DIR_NOT_FOUND', `there is no folder ${input.filesDir}`, { field: 'files' }),
    );
  if (isPostgresUrl(input.databaseUrl)) return createPostgresBackup(input);
  const snap = await snapshot(input.databaseUrl);
  const files = input.filesDir === undefined ? [] : storedFiles(input.filesDir);
  const parts = [snap.part, ...files];
  const manifest: BackupManifest = {
    format: 'civicledger-backup',
    version: 1,
    createdAt: input.now.toISOString(),
    dialect: snap.dialect,
    schemaVersion: snap.schemaVersion,
    logHeads: snap.logHeads,
    parts: parts.map((p) => describePart(p.name, p.data)),
  };
  const sealed = await sealBackup(manifest, parts, input.sealing);
  const tmp = join(dirname(input.out), `.${Date.now().toString(36)}-${process.pid}.backup-partial`);
  try {
    writeFileSync(tmp, sealed, { mode: 0o600, flush: true });
    renameSync(tmp, input.out);
  } finally {
    rmSync(tmp, { force: true });
  }
  return ok({
    file: input.out,
    bytes: sealed.length,
    manifest,
    ...(input.sealedDigest ? { sha256: sha256Of(sealed) } : {}),
  });
}

/** A stored file as a streamed entry (its bytes are already in memory). */
const streamed = (e: TarEntry): StreamedEntry => ({
  name: e.name,
  size: e.data.length,
  data: async function* () {
    yield e.data;
  },
});

/**
 * The PostgreSQL backup, streamed (issue 15): pg_dump's output goes through a sealed spool (see
 * backup-spool.ts) while its sha256 is taken, then the archive flows through the age encrypter into
 * the file. No step holds the dump in memory.
 */
async function createPostgresBackup(input: CreateBackupInput): Promise<Result<BackupSummary>> {
  const spool = await Spool.create(input.out);
  const tmp = join(dirname(input.out), `.${Date.now().toString(36)}-${process.pid}.backup-partial`);
  try {
    const facts = await dumpPostgresStreaming(input.databaseUrl, (c) => spool.write(c));
    const dumpSha = await spool.close();
    const files = input.filesDir === undefined ? [] : storedFiles(input.filesDir);
    const manifest: BackupManifest = {
      format: 'civicledger-backup',
      version: 1,
      createdAt: input.now.toISOString(),
      dialect: 'postgres',
      schemaVersion: facts.schemaVersion,
      logHeads: facts.logHeads,
      parts: [
        { name: 'database.pgdump', bytes: spool.bytes, sha256: dumpSha },
        ...files.map((p) => describePart(p.name, p.data)),
      ],
    };
    const sealed = await sealBackupStream(
      manifest,
      [{ name: 'database.pgdump', size: spool.bytes, data: () => spool.read() }, ...files.map(streamed)],
      input.sealing,
    );
    const digest = createHash('sha256');
    let bytes = 0;
    const out = await open(tmp, 'wx', 0o600);
    try {
      const reader = sealed.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        digest.update(value);
        bytes += value.length;
        await out.write(value);
      }
      await out.sync();
    } finally {
      await out.close();
    }
    renameSync(tmp, input.out);
    return ok({
      file: input.out,
      bytes,
      manifest,
      ...(input.sealedDigest ? { sha256: digest.digest('hex') } : {}),
    });
  } finally {
    rmSync(tmp, { force: true });
    await spool.remove();
  }
}

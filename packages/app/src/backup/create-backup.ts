import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { domainError, err, ok, type Result } from '@civic/core';
import {
  dumpPostgresStreaming,
  isPostgresUrl,
  snapshotSqliteToFile,
  type SqliteSnapshotFile,
} from '@civic/store';
import { closeContext, openContext } from '../context.ts';
import { checkRecipients } from './backup-keys.ts';
import {
  describePart,
  sealBackupStream,
  type BackupManifest,
  type BackupPart,
  type BackupSealing,
} from './backup-archive.ts';
import { Spool } from './backup-spool.ts';
import { fileEntry, sha256OfFile, writeSealed } from './backup-write.ts';
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

const NO_FILES: { entries: StreamedEntry[]; parts: BackupPart[] } = { entries: [], parts: [] };

/**
 * Every regular file under `dir`, as streamed archive entries `files/<relative path>` in a stable
 * order, with their sizes and sha256 for the manifest.
 */
async function storedFiles(dir: string): Promise<{ entries: StreamedEntry[]; parts: BackupPart[] }> {
  const entries: ReturnType<typeof fileEntry>[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(d, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.isFile())
        entries.push(fileEntry(`files/${relative(dir, path).split('\\').join('/')}`, path));
    }
  };
  walk(dir);
  const parts: BackupPart[] = [];
  // Read twice (hashed for the manifest, then archived), never held: a folder of scans may be large.
  for (const e of entries) parts.push({ name: e.name, bytes: e.size, sha256: await sha256OfFile(e.path) });
  return { entries, parts };
}

/** The name of the part that holds a SQLite snapshot's throwaway key (an encrypted store's backup only). */
export const DATABASE_KEY_PART = 'database.key';

/**
 * The SQLite backup, streamed (issue 15): a consistent copy on disk (`VACUUM INTO` a private folder;
 * an encrypted store's copy rekeyed under a throwaway key that travels as part `database.key`, never
 * plain on disk), hashed, then streamed through the age encrypter into the file. No step holds the
 * database image in memory.
 */
async function createSqliteBackup(input: CreateBackupInput): Promise<Result<BackupSummary>> {
  // Opened like every command: an encrypted file with the key from --key-file or the environment.
  const ctx = await openContext(input.databaseUrl, { migrate: false });
  let snap: SqliteSnapshotFile;
  try {
    snap = snapshotSqliteToFile(ctx.store.db, ctx.store.keys, input.out);
  } finally {
    await closeContext(ctx);
  }
  try {
    const files = input.filesDir === undefined ? NO_FILES : await storedFiles(input.filesDir);
    const keyBytes = snap.key ? Buffer.from(`${JSON.stringify(snap.key)}\n`) : undefined;
    const database = fileEntry('database.sqlite', snap.file);
    const key = keyBytes ? [{ name: DATABASE_KEY_PART, data: keyBytes }] : [];
    const manifest: BackupManifest = {
      format: 'civicledger-backup',
      version: 1,
      createdAt: input.now.toISOString(),
      dialect: 'sqlite',
      schemaVersion: snap.facts.schemaVersion,
      logHeads: snap.facts.logHeads,
      parts: [
        { name: database.name, bytes: database.size, sha256: await sha256OfFile(snap.file) },
        ...key.map((p) => describePart(p.name, p.data)),
        ...files.parts,
      ],
    };
    const sealed = await sealBackupStream(
      manifest,
      [database, ...key.map(streamed), ...files.entries],
      input.sealing,
    );
    const written = await writeSealed(sealed, input.out);
    keyBytes?.fill(0);
    return ok({
      file: input.out,
      bytes: written.bytes,
      manifest,
      ...(input.sealedDigest ? { sha256: written.sha256 } : {}),
    });
  } finally {
    snap.remove();
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
  return createSqliteBackup(input);
}

/** A small part as a streamed entry (its bytes are already in memory). */
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
  try {
    const facts = await dumpPostgresStreaming(input.databaseUrl, (c) => spool.write(c));
    const dumpSha = await spool.close();
    const files = input.filesDir === undefined ? NO_FILES : await storedFiles(input.filesDir);
    const manifest: BackupManifest = {
      format: 'civicledger-backup',
      version: 1,
      createdAt: input.now.toISOString(),
      dialect: 'postgres',
      schemaVersion: facts.schemaVersion,
      logHeads: facts.logHeads,
      parts: [{ name: 'database.pgdump', bytes: spool.bytes, sha256: dumpSha }, ...files.parts],
    };
    const sealed = await sealBackupStream(
      manifest,
      [{ name: 'database.pgdump', size: spool.bytes, data: () => spool.read() }, ...files.entries],
      input.sealing,
    );
    const written = await writeSealed(sealed, input.out);
    return ok({
      file: input.out,
      bytes: written.bytes,
      manifest,
      ...(input.sealedDigest ? { sha256: written.sha256 } : {}),
    });
  } finally {
    await spool.remove();
  }
}

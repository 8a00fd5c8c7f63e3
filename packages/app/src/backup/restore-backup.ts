import { existsSync, linkSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { domainError, err, ok, type Result } from '@civic/core';
import {
  encryptSqliteFile,
  wrappedKeyPath,
  isPostgresDatabaseEmpty,
  isPostgresUrl,
  listLogHeads,
  openPostgresRestore,
  stagePostgresRestore,
  tidyPostgresRestore,
  rekeyRestoredSnapshot,
  type SnapshotKey,
} from '@civic/store';
import { closeContext, openContext, type AppContext } from '../context.ts';
import { verifyLog } from '../log/hash-log.ts';
import type { BackupFault, BackupManifest, BackupOpening } from './backup-archive.ts';
import { readBackupFile } from './backup-stream-read.ts';
import { extractBackup } from './backup-stream-restore.ts';
import { DATABASE_KEY_PART } from './create-backup.ts';

/** The throwaway key part of a backup of an encrypted store; undefined when it is not one. */
function parseSnapshotKey(bytes: Buffer): SnapshotKey | undefined {
  try {
    const v = JSON.parse(bytes.toString('utf8')) as { cipher?: unknown; key?: unknown };
    if (
      (v.cipher === 'aegis' || v.cipher === 'chacha20') &&
      typeof v.key === 'string' &&
      /^[0-9a-f]{64}$/.test(v.key)
    )
      return { cipher: v.cipher, key: v.key };
  } catch {
    // Not JSON: undefined below.
  }
  return undefined;
}

export interface RestoreBackupInput {
  readonly file: string;
  readonly opening: BackupOpening;
  /** A new SQLite file (must not exist) or an empty PostgreSQL database's URL. */
  readonly target: string;
  /** Where the backup's stored files go (a new folder); needed when the backup holds any. */
  readonly filesDir?: string | undefined;
  /** Write the restored SQLite database encrypted with this secret (passphrase or key-file bytes). */
  readonly encryptWith?: Buffer | undefined;
}

export interface RestoreSummary {
  readonly target: string;
  readonly manifest: BackupManifest;
  readonly files: number;
  readonly chains: number;
}

/** The temporary name a SQLite restore writes to before the final rename (left by a killed restore; removed by the next). */
export const restoringName = (target: string): string =>
  join(dirname(target), `.${basename(target)}.restoring`);

/**
 * The stored files, written under `DIR.restoring` and moved into place just before the database
 * appears (so a kill never leaves a database without its files); `undo` removes them again when
 * the database then fails to appear.
 */
interface FilesStaging {
  readonly tmp: string | undefined;
  commit(): void;
  undo(): void;
}

function filesStaging(filesDir: string | undefined): FilesStaging {
  const tmp = filesDir === undefined ? undefined : `${filesDir}.restoring`;
  return {
    tmp,
    commit() {
      if (tmp === undefined || filesDir === undefined) return;
      mkdirSync(tmp, { recursive: true });
      renameSync(tmp, filesDir);
    },
    undo() {
      if (filesDir !== undefined) rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

const removeSqlite = (file: string): void => {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`, wrappedKeyPath(file)])
    rmSync(f, { force: true });
};

/** The manifest's promises checked on the restored database: every chain verifies and every head is the one recorded. */
async function checkRestored(
  ctx: AppContext,
  manifest: BackupManifest,
): Promise<Result<number, BackupFault>> {
  const heads = await listLogHeads(ctx.store.db);
  for (const h of heads) {
    const v = await verifyLog(ctx, h.organisation);
    if (!v.ok)
      return err({
        ...domainError('BACKUP_LOG_INVALID', `log chain ${h.organisation || '(none)'}: ${v.fault.message}`),
        part: 'log',
      });
  }
  const same =
    heads.length === manifest.logHeads.length &&
    heads.every((h, i) => {
      const m = manifest.logHeads[i];
      return (
        m !== undefined && m.organisation === h.organisation && m.seq === h.seq && m.entryHash === h.entryHash
      );
    });
  if (!same)
    return err({
      ...domainError('BACKUP_LOG_INVALID', 'the restored log heads differ from the manifest'),
      part: 'log',
    });
  return ok(heads.length);
}

async function verifyAt(url: string, manifest: BackupManifest): Promise<Result<number, BackupFault>> {
  const ctx = await openContext(url, { migrate: false });
  try {
    return await checkRestored(ctx, manifest);
  } finally {
    await closeContext(ctx);
  }
}

/** Writes the SQLite image as it streams into a temporary file, then checks it and links it into place. */
async function restoreSqlite(
  input: RestoreBackupInput,
  manifest: BackupManifest,
  files: FilesStaging,
): Promise<Result<{ chains: number; files: number }, BackupFault>> {
  const target = input.target;
  const tmp = restoringName(target);
  removeSqlite(tmp);
  mkdirSync(dirname(target), { recursive: true });
  try {
    const out = await open(tmp, 'wx', 0o600);
    const keyChunks: Buffer[] = [];
    let written: Result<number, BackupFault>;
    try {
      written = await extractBackup(input.file, input.opening, manifest, {
        database: async (chunk) => {
          for (let at = 0; at < chunk.length;) at += (await out.write(chunk, at)).bytesWritten;
        },
        other: (name, chunk) => {
          if (name === DATABASE_KEY_PART) keyChunks.push(Buffer.from(chunk));
        },
        filesDir: files.tmp,
      });
      await out.sync();
    } finally {
      await out.close();
    }
    if (!written.ok) return written;
    // A backup of an encrypted store holds its copy under a throwaway key (part database.key):
    // rekeyed here under a new data key, or decrypted when no --encrypt was asked for.
    const key = manifest.parts.some((p) => p.name === DATABASE_KEY_PART)
      ? parseSnapshotKey(Buffer.concat(keyChunks))
      : null;
    keyChunks.forEach((c) => c.fill(0));
    if (key === undefined)
      return err({
        ...domainError('BACKUP_CORRUPT', 'the database key part is damaged'),
        part: DATABASE_KEY_PART,
      });
    if (key) rekeyRestoredSnapshot(tmp, key, input.encryptWith ?? null);
    else if (input.encryptWith) encryptSqliteFile(tmp, input.encryptWith);
    const checked = await verifyAt(tmp, manifest);
    if (!checked.ok) return checked;
    // The wrapped key first, then the database; a link never replaces a file that appeared meanwhile (rename would).
    files.commit();
    try {
      if (input.encryptWith) linkSync(wrappedKeyPath(tmp), wrappedKeyPath(target));
      linkSync(tmp, target);
    } catch (e) {
      files.undo();
      throw e;
    }
    return ok({ chains: checked.value, files: written.value });
  } finally {
    removeSqlite(tmp);
  }
}

/**
 * Feeds the dump to pg_restore as it streams (one transaction) into a staging database beside the
 * target, checks it there, and only then swaps it in: the target holds no table of the backup
 * until the restore has succeeded, whenever the process is stopped (even killed).
 */
async function restorePg(
  input: RestoreBackupInput,
  manifest: BackupManifest,
  files: FilesStaging,
): Promise<Result<{ chains: number; files: number }, BackupFault>> {
  const stage = await stagePostgresRestore(input.target);
  let published = false;
  const pg = openPostgresRestore(stage.url);
  try {
    const written = await extractBackup(input.file, input.opening, manifest, {
      database: (chunk) => pg.write(chunk),
      filesDir: files.tmp,
    });
    if (!written.ok) {
      await pg.abort();
      return written;
    }
    await pg.finish();
    const checked = await verifyAt(stage.url, manifest);
    if (!checked.ok) return checked;
    files.commit();
    try {
      await stage.publish();
    } catch (e) {
      files.undo();
      throw e;
    }
    published = true;
    return ok({ chains: checked.value, files: written.value });
  } catch (e) {
    await pg.abort();
    throw e;
  } finally {
    if (!published) await stage.discard();
  }
}

/**
 * Restores a backup into a NEW database: decrypts it, checks every part against the manifest,
 * writes the database under a temporary name (SQLite) or in one transaction (PostgreSQL, into an
 * empty database), verifies every log chain and the manifest's heads, and only then makes it
 * visible. A failure at any step leaves nothing behind.
 */
export async function restoreBackup(input: RestoreBackupInput): Promise<Result<RestoreSummary, BackupFault>> {
  const pgTarget = isPostgresUrl(input.target);
  if (pgTarget && input.encryptWith)
    return err({
      ...domainError(
        'BACKUP_ENCRYPT_UNSUPPORTED',
        "--encrypt is for SQLite: PostgreSQL's disk encryption is the operator's",
        { field: 'encrypt' },
      ),
      part: 'db',
    });
  if (!pgTarget && (existsSync(input.target) || existsSync(wrappedKeyPath(input.target))))
    return err({
      ...domainError('BACKUP_TARGET_EXISTS', `${input.target} exists: restore only into a new database`, {
        field: 'db',
      }),
      part: 'db',
    });
  // A restore killed before this one may have left its staging database (or, killed between the
  // two renames, the emptied target under another name): put that back first.
  if (pgTarget) await tidyPostgresRestore(input.target);
  if (pgTarget && !(await isPostgresDatabaseEmpty(input.target)))
    return err({
      ...domainError('BACKUP_TARGET_EXISTS', 'the PostgreSQL database is not empty', { field: 'db' }),
      part: 'db',
    });
  // Read as a stream twice: first every part is checked against the manifest (nothing is written
  // if one fails), then the database and the stored files are written as they are decrypted. No
  // part is held whole in memory, however large.
  const verified = await readBackupFile(input.file, input.opening);
  if (!verified.ok) return verified;
  const manifest = verified.value;
  const dbPart = manifest.dialect === 'postgres' ? 'database.pgdump' : 'database.sqlite';
  if (!manifest.parts.some((p) => p.name === dbPart))
    return err({ ...domainError('BACKUP_CORRUPT', 'the backup holds no database'), part: dbPart });
  if ((manifest.dialect === 'postgres') !== pgTarget)
    return err({
      ...domainError(
        'BACKUP_DIALECT_MISMATCH',
        `this is a ${manifest.dialect} backup: restore it into a ${manifest.dialect} database`,
        { field: 'db' },
      ),
      part: 'db',
    });
  const hasFiles = manifest.parts.some((p) => p.name.startsWith('files/'));
  if (hasFiles && input.filesDir === undefined)
    return err({
      ...domainError('BACKUP_FILES_DIR_REQUIRED', 'the backup holds stored files: give --files DIR', {
        field: 'files',
      }),
      part: 'files',
    });
  if (input.filesDir !== undefined && existsSync(input.filesDir))
    return err({
      ...domainError(
        'BACKUP_TARGET_EXISTS',
        `${input.filesDir} exists: restore files only into a new folder`,
        { field: 'files' },
      ),
      part: 'files',
    });
  const files = filesStaging(input.filesDir);
  const filesTmp = files.tmp;
  if (filesTmp !== undefined) rmSync(filesTmp, { recursive: true, force: true });
  try {
    const restored = pgTarget
      ? await restorePg(input, manifest, files)
      : await restoreSqlite(input, manifest, files);
    if (!restored.ok) return restored;
    return ok({ target: input.target, manifest, files: restored.value.files, chains: restored.value.chains });
  } finally {
    if (filesTmp !== undefined) rmSync(filesTmp, { recursive: true, force: true });
  }
}

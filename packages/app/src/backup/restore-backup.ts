import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { domainError, err, ok, type Result } from '@civic/core';
import {
  emptyPostgresDatabase,
  encryptSqliteFile,
  wrappedKeyPath,
  isPostgresDatabaseEmpty,
  isPostgresUrl,
  listLogHeads,
} from '@civic/store';
import { closeContext, openContext, type AppContext } from '../context.ts';
import { verifyLog } from '../log/hash-log.ts';
import {
  openBackup,
  type BackupFault,
  type BackupManifest,
  type BackupOpening,
  type OpenedBackup,
} from './backup-archive.ts';
import { restorePostgresFromFile, verifyBackupFile } from './backup-stream-restore.ts';

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

function writeFiles(dir: string, parts: ReadonlyMap<string, Uint8Array>, manifest: BackupManifest): number {
  const tmp = `${dir}.restoring`;
  rmSync(tmp, { recursive: true, force: true });
  let n = 0;
  for (const p of manifest.parts) {
    if (!p.name.startsWith('files/')) continue;
    const rel = p.name.slice('files/'.length);
    if (rel.split('/').some((s) => s === '..' || s === '')) continue;
    const path = join(tmp, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, parts.get(p.name) ?? new Uint8Array(0), { mode: 0o600 });
    n++;
  }
  mkdirSync(tmp, { recursive: true });
  renameSync(tmp, dir);
  return n;
}

async function restoreSqlite(
  target: string,
  data: Uint8Array,
  manifest: BackupManifest,
  encryptWith: Buffer | undefined,
): Promise<Result<number, BackupFault>> {
  const tmp = restoringName(target);
  removeSqlite(tmp);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(tmp, data, { mode: 0o600, flush: true });
  try {
    if (encryptWith) encryptSqliteFile(tmp, encryptWith);
    const checked = await verifyAt(tmp, manifest);
    if (!checked.ok) return checked;
    // The wrapped key first, then the database; a link never replaces a file that appeared meanwhile (rename would).
    if (encryptWith) linkSync(wrappedKeyPath(tmp), wrappedKeyPath(target));
    linkSync(tmp, target);
    return checked;
  } finally {
    removeSqlite(tmp);
  }
}

async function restorePg(
  input: RestoreBackupInput,
  manifest: BackupManifest,
): Promise<Result<number, BackupFault>> {
  const target = input.target;
  if (!(await isPostgresDatabaseEmpty(target)))
    return err({
      ...domainError('BACKUP_TARGET_EXISTS', 'the PostgreSQL database is not empty', { field: 'db' }),
      part: 'db',
    });
  try {
    const fed = await restorePostgresFromFile(input.file, input.opening, target, manifest);
    if (!fed.ok) {
      await emptyPostgresDatabase(target);
      return fed;
    }
    const checked = await verifyAt(target, manifest);
    if (!checked.ok) await emptyPostgresDatabase(target);
    return checked;
  } catch (e) {
    await emptyPostgresDatabase(target);
    throw e;
  }
}

/** Reads and opens a backup held whole in memory (a SQLite restore). */
async function openFile(file: string, opening: BackupOpening): Promise<Result<OpenedBackup, BackupFault>> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    return err({ ...domainError('BACKUP_UNREADABLE', `cannot read ${file}`, { file }), part: 'file' });
  }
  return openBackup(bytes, opening);
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
  if (pgTarget && !(await isPostgresDatabaseEmpty(input.target)))
    return err({
      ...domainError('BACKUP_TARGET_EXISTS', 'the PostgreSQL database is not empty', { field: 'db' }),
      part: 'db',
    });
  // Into PostgreSQL the backup is read as a stream, twice (verified, then fed to pg_restore): a
  // large dump is never held in memory. A SQLite image is written whole anyway.
  const opened = pgTarget
    ? await verifyBackupFile(input.file, input.opening)
    : await openFile(input.file, input.opening);
  if (!opened.ok) return opened;
  const { manifest, parts } = opened.value;
  const dbPart = manifest.dialect === 'postgres' ? 'database.pgdump' : 'database.sqlite';
  const data = parts.get(dbPart) ?? new Uint8Array(0);
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
  const restored = pgTarget
    ? await restorePg(input, manifest)
    : await restoreSqlite(input.target, data, manifest, input.encryptWith);
  if (!restored.ok) return restored;
  const files = input.filesDir === undefined ? 0 : writeFiles(input.filesDir, parts, manifest);
  return ok({ target: input.target, manifest, files, chains: restored.value });
}

import { createHash } from 'node:crypto';
import {
  createReadStream,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { domainError, err, ok, type Result } from '@civic/core';
import { checkRecipients } from './backup-keys.ts';
import { createBackup } from './create-backup.ts';

/** The server's backup schedule, from BACKUP_DIR, BACKUP_RECIPIENTS, BACKUP_INTERVAL and BACKUP_KEEP. */
export interface BackupSchedule {
  readonly dir: string;
  readonly recipients: readonly string[];
  readonly intervalMs: number;
  readonly keep: number;
}

const UNITS: Readonly<Record<string, number>> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Reads the schedule from the environment: undefined when BACKUP_DIR or BACKUP_RECIPIENTS is not
 * set (no scheduled backups). BACKUP_RECIPIENTS is age public keys separated by commas or spaces;
 * BACKUP_INTERVAL a number with m, h or d (default 24h); BACKUP_KEEP how many to keep (default 7).
 */
export function parseBackupSchedule(
  env: Readonly<Record<string, string | undefined>>,
): Result<BackupSchedule | undefined> {
  const dir = env['BACKUP_DIR'];
  const list = (env['BACKUP_RECIPIENTS'] ?? '').split(/[\s,]+/).filter(Boolean);
  if (!dir || list.length === 0) return ok(undefined);
  const recipients = checkRecipients(list);
  if (!recipients.ok) return err({ ...recipients.error, field: 'BACKUP_RECIPIENTS' });
  const m = /^(\d+)([mhd])$/.exec(env['BACKUP_INTERVAL'] ?? '24h');
  const intervalMs = m ? Number(m[1]) * (UNITS[m[2] ?? 'h'] ?? 0) : 0;
  if (intervalMs < 60_000)
    return err(
      domainError('CLI_OPTION_INVALID', 'BACKUP_INTERVAL is a number with m, h or d, e.g. 24h', {
        field: 'BACKUP_INTERVAL',
      }),
    );
  const keep = Number(env['BACKUP_KEEP'] ?? '7');
  if (!Number.isInteger(keep) || keep < 1)
    return err(
      domainError('CLI_OPTION_INVALID', 'BACKUP_KEEP is a whole number of at least 1', {
        field: 'BACKUP_KEEP',
      }),
    );
  return ok({ dir, recipients: recipients.value, intervalMs, keep });
}

/** One scheduled backup as the admin page shows it (from its status file beside it). */
export interface BackupRecord {
  readonly file: string;
  readonly bytes: number;
  readonly createdAt: string;
  readonly verifiedAt: string | null;
}

const NAME = /^civicledger-(\d{8}T\d{6}Z)\.age$/;
const stamp = (d: Date): string =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');

/** The instant in a backup's name (`civicledger-20261205T215709Z.age`). */
function createdAtOf(name: string): string {
  const t = NAME.exec(name)?.[1] ?? '';
  return `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}T${t.slice(9, 11)}:${t.slice(11, 13)}:${t.slice(13, 15)}.000Z`;
}

/** The scheduled backups in the folder, newest first. */
export function listScheduledBackups(dir: string): BackupRecord[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => NAME.test(n));
  } catch {
    return [];
  }
  return names
    .sort()
    .reverse()
    .map((n) => {
      const path = join(dir, n);
      let verifiedAt: string | null = null;
      try {
        verifiedAt =
          (JSON.parse(readFileSync(`${path}.json`, 'utf8')) as { verifiedAt?: string }).verifiedAt ?? null;
      } catch {
        verifiedAt = null;
      }
      const s = statSync(path);
      return { file: n, bytes: s.size, createdAt: createdAtOf(n), verifiedAt };
    });
}

/** What the admin page shows: the last backup, and whether none is newer than two days. */
export function scheduledBackupStatus(dir: string, now: Date): { last: BackupRecord | null; stale: boolean } {
  const last = listScheduledBackups(dir)[0] ?? null;
  const stale = last === null || now.getTime() - Date.parse(last.createdAt) > 2 * 86_400_000;
  return { last, stale };
}

/** The file as written: its size, sha256 and first 22 bytes, read as a stream (a backup may be large). */
async function readBack(file: string): Promise<{ bytes: number; sha256: string; head: Buffer }> {
  const hash = createHash('sha256');
  let bytes = 0;
  const head: Buffer[] = [];
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 16 }) as AsyncIterable<Buffer>) {
    if (bytes < 22) head.push(chunk.subarray(0, 22 - bytes));
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { bytes, sha256: hash.digest('hex'), head: Buffer.concat(head) };
}

/**
 * Makes a scheduled backup when the newest in the folder is older than the interval (so restarts and
 * several server processes do not make one each), verifies it after writing (the file read back
 * byte for byte against what was encrypted, and its age header present), records when it was
 * verified beside it, and keeps only the newest `keep`. Returns the new record, or null when none
 * was due.
 */
export async function runScheduledBackup(
  schedule: BackupSchedule,
  databaseUrl: string,
  now: Date,
): Promise<Result<BackupRecord | null>> {
  mkdirSync(schedule.dir, { recursive: true, mode: 0o700 });
  const newest = listScheduledBackups(schedule.dir)[0];
  if (newest && now.getTime() - Date.parse(newest.createdAt) < schedule.intervalMs) return ok(null);
  const file = join(schedule.dir, `civicledger-${stamp(now)}.age`);
  const made = await createBackup({
    databaseUrl,
    out: file,
    sealing: { kind: 'recipients', recipients: schedule.recipients },
    now,
    sealedDigest: true,
  });
  if (!made.ok) return made;
  const back = await readBack(file);
  const verified =
    back.bytes === made.value.bytes &&
    back.sha256 === made.value.sha256 &&
    back.head.toString('latin1') === 'age-encryption.org/v1\n';
  const verifiedAt = verified ? new Date().toISOString() : null;
  writeFileSync(
    `${file}.json`,
    `${JSON.stringify({ bytes: made.value.bytes, createdAt: now.toISOString(), verifiedAt })}\n`,
  );
  for (const old of listScheduledBackups(schedule.dir).slice(schedule.keep)) {
    rmSync(join(schedule.dir, old.file), { force: true });
    rmSync(join(schedule.dir, `${old.file}.json`), { force: true });
  }
  if (!verified)
    return err(
      domainError('BACKUP_CORRUPT', `the backup written to ${file} does not read back as written`, { file }),
    );
  return ok({
    file: `civicledger-${stamp(now)}.age`,
    bytes: made.value.bytes,
    createdAt: now.toISOString(),
    verifiedAt,
  });
}

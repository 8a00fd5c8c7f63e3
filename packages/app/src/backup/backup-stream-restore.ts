import { mkdirSync, writeFileSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { domainError, err, ok, type Result } from '@civic/core';
import {
  MANIFEST_NAME,
  type BackupFault,
  type BackupManifest,
  type BackupOpening,
} from './backup-archive.ts';
import { readBackupFile } from './backup-stream-read.ts';

/** Where a restore's second pass puts the backup's parts. */
export interface ExtractTargets {
  /** Receives the database part's bytes as they are decrypted (a temporary file, pg_restore's input). */
  readonly database: (chunk: Uint8Array) => void | Promise<void>;
  /** Receives a small part other than the database and the stored files (`database.key`). */
  readonly other?: (name: string, chunk: Uint8Array) => void;
  /** A new folder for the stored files (`files/…`); left out, they are only checked. */
  readonly filesDir?: string | undefined;
}

/** A stored file's path under the restore's folder; undefined for a name that would leave it. */
function storedFilePath(dir: string, name: string): string | undefined {
  if (!name.startsWith('files/')) return undefined;
  const rel = name.slice('files/'.length);
  if (rel.split('/').some((s) => s === '..' || s === '.' || s === '')) return undefined;
  return join(dir, rel);
}

async function writeAll(handle: FileHandle, chunk: Uint8Array): Promise<void> {
  for (let at = 0; at < chunk.length;) at += (await handle.write(chunk, at)).bytesWritten;
}

/** Writes the stored files one at a time as their chunks pass. */
class StoredFileWriter {
  private current: { name: string; handle: FileHandle } | undefined;
  written = 0;

  constructor(private readonly dir: string | undefined) {}

  async write(name: string, chunk: Uint8Array): Promise<void> {
    const path = this.dir === undefined ? undefined : storedFilePath(this.dir, name);
    if (path === undefined) return;
    if (this.current?.name !== name) {
      await this.close();
      mkdirSync(dirname(path), { recursive: true });
      this.current = { name, handle: await open(path, 'wx', 0o600) };
    }
    await writeAll(this.current.handle, chunk);
  }

  async end(name: string): Promise<void> {
    const path = this.dir === undefined ? undefined : storedFilePath(this.dir, name);
    if (path === undefined) return;
    if (this.current?.name === name) await this.close();
    else {
      // An empty file: no chunk ever came.
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, new Uint8Array(0), { mode: 0o600, flag: 'wx' });
    }
    this.written++;
  }

  async close(): Promise<void> {
    const c = this.current;
    this.current = undefined;
    if (c) await c.handle.close();
  }
}

/**
 * A restore's second pass: streams the backup again (after `readBackupFile` verified it), handing
 * the database part to `targets.database` and writing each stored file into `targets.filesDir`,
 * every part checked against its sha256 again on the way and the manifest against the one verified
 * (the file may have changed in between). Nothing is held whole. Returns how many stored files were
 * written; on a fault the caller removes what the targets received.
 */
export async function extractBackup(
  file: string,
  opening: BackupOpening,
  verified: BackupManifest,
  targets: ExtractTargets,
): Promise<Result<number, BackupFault>> {
  const databasePart = verified.dialect === 'postgres' ? 'database.pgdump' : 'database.sqlite';
  const files = new StoredFileWriter(targets.filesDir);
  try {
    const read = await readBackupFile(file, opening, {
      data: (name, chunk) => {
        if (name === databasePart) return targets.database(chunk);
        if (!name.startsWith('files/')) return targets.other?.(name, chunk);
        return files.write(name, chunk);
      },
      end: (name) => files.end(name),
    });
    if (!read.ok) return read;
    if (JSON.stringify(read.value) !== JSON.stringify(verified))
      return err({
        ...domainError('BACKUP_CORRUPT', 'the backup changed since it was verified', {
          field: MANIFEST_NAME,
        }),
        part: MANIFEST_NAME,
      });
    return ok(files.written);
  } finally {
    await files.close();
  }
}

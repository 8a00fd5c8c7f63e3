import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { domainError, err, ok, type Result } from '@civic/core';
import { openPostgresRestore } from '@civic/store';
import { Decrypter } from 'age-encryption';
import {
  MANIFEST_NAME,
  parseManifest,
  type BackupFault,
  type BackupManifest,
  type BackupOpening,
  type OpenedBackup,
} from './backup-archive.ts';
import { readTarStream, TarStreamError } from './tar-stream.ts';

const fault = (code: string, part: string, message: string): Result<never, BackupFault> =>
  err({ ...domainError(code, message, { field: part }), part });

/** The backup file decrypted as a stream (nothing of it held whole), or the header's fault. */
async function decryptFile(
  file: string,
  opening: BackupOpening,
): Promise<Result<ReadableStream<Uint8Array>, BackupFault>> {
  if (!existsSync(file))
    return err({ ...domainError('BACKUP_UNREADABLE', `cannot read ${file}`, { file }), part: 'file' });
  const d = new Decrypter();
  if (opening.kind === 'passphrase') d.addPassphrase(opening.passphrase);
  else for (const id of opening.identities) d.addIdentity(id);
  try {
    const source = Readable.toWeb(
      createReadStream(file, { highWaterMark: 1 << 16 }),
    ) as ReadableStream<Uint8Array>;
    return ok(await d.decrypt(source));
  } catch {
    return fault(
      'BACKUP_DECRYPT_FAILED',
      'age header',
      'the key does not open this backup, or its header is damaged',
    );
  }
}

/**
 * `openBackup` for a file too large for memory: decrypts and reads it as a stream, checking every
 * part against the manifest (size and sha256, nothing missing or extra). The database part is only
 * hashed; the other parts (stored files) are kept.
 */
export async function verifyBackupFile(
  file: string,
  opening: BackupOpening,
  keep: (name: string) => boolean = (name) => name !== 'database.pgdump' && name !== 'database.sqlite',
): Promise<Result<OpenedBackup, BackupFault>> {
  const plain = await decryptFile(file, opening);
  if (!plain.ok) return plain;
  const seen = new Map<string, { bytes: number; sha256: string }>();
  const kept = new Map<string, Uint8Array[]>();
  let hash = createHash('sha256');
  let manifest: BackupManifest | undefined;
  let first = true;
  try {
    await readTarStream(plain.value, {
      onData(name, chunk) {
        hash.update(chunk);
        if (name === MANIFEST_NAME || keep(name))
          kept.set(name, [...(kept.get(name) ?? []), Buffer.from(chunk)]);
      },
      onEnd(name, size) {
        seen.set(name, { bytes: size, sha256: hash.digest('hex') });
        hash = createHash('sha256');
        if (first) {
          first = false;
          manifest = name === MANIFEST_NAME ? parseManifest(Buffer.concat(kept.get(name) ?? [])) : undefined;
          if (!manifest) throw new TarStreamError(MANIFEST_NAME, 'not a CivicLedger manifest');
        }
      },
    });
  } catch (e) {
    if (e instanceof TarStreamError)
      return fault('BACKUP_CORRUPT', e.entry, `the backup is damaged here: ${e.reason}`);
    throw e;
  }
  if (!manifest)
    return fault('BACKUP_CORRUPT', MANIFEST_NAME, 'the manifest is missing or not a CivicLedger manifest');
  for (const p of manifest.parts) {
    const s = seen.get(p.name);
    if (!s) return fault('BACKUP_CORRUPT', p.name, 'a part the manifest lists is missing');
    if (s.bytes !== p.bytes || s.sha256 !== p.sha256)
      return fault('BACKUP_CORRUPT', p.name, 'the part does not match its sha256 in the manifest');
  }
  const extra = [...seen.keys()].find(
    (n) => n !== MANIFEST_NAME && !manifest?.parts.some((p) => p.name === n),
  );
  if (extra) return fault('BACKUP_CORRUPT', extra, 'a part is not in the manifest');
  const parts = new Map(
    [...kept].filter(([n]) => n !== MANIFEST_NAME).map(([n, c]) => [n, new Uint8Array(Buffer.concat(c))]),
  );
  return ok({ manifest, parts });
}

/**
 * Feeds the backup's `database.pgdump` to pg_restore as it is decrypted (one transaction). The part
 * is hashed again on the way: if it no longer matches the manifest (the file changed since it was
 * verified), pg_restore is killed before its input ends, and nothing is kept.
 */
export async function restorePostgresFromFile(
  file: string,
  opening: BackupOpening,
  target: string,
  manifest: BackupManifest,
): Promise<Result<void, BackupFault>> {
  const expected = manifest.parts.find((p) => p.name === 'database.pgdump');
  if (!expected) return fault('BACKUP_CORRUPT', 'database.pgdump', 'the backup holds no database');
  const plain = await decryptFile(file, opening);
  if (!plain.ok) return plain;
  const pg = openPostgresRestore(target);
  const hash = createHash('sha256');
  try {
    await readTarStream(plain.value, {
      async onData(name, chunk) {
        if (name !== 'database.pgdump') return;
        hash.update(chunk);
        await pg.write(chunk);
      },
      onEnd(name) {
        if (name === 'database.pgdump' && hash.digest('hex') !== expected.sha256)
          throw new TarStreamError(name, 'the part changed since it was verified');
      },
    });
    await pg.finish();
    return ok(undefined);
  } catch (e) {
    await pg.abort();
    if (e instanceof TarStreamError)
      return fault('BACKUP_CORRUPT', e.entry, `the backup is damaged here: ${e.reason}`);
    throw e;
  }
}

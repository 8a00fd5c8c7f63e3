import { createHash, type Hash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { domainError, err, ok, type Result } from '@civic/core';
import { Decrypter } from 'age-encryption';
import {
  MANIFEST_NAME,
  parseManifest,
  type BackupFault,
  type BackupManifest,
  type BackupOpening,
  type BackupPart,
} from './backup-archive.ts';
import { readTarStream, TarStreamError } from './tar-stream.ts';

const fault = (code: string, part: string, message: string): Result<never, BackupFault> =>
  err({ ...domainError(code, message, { field: part }), part });

/** A part that is not what the manifest says (its own message, not "damaged here"). */
class PartMismatch extends TarStreamError {}

/**
 * The file as a stream read 64 KiB at a time, only as fast as it is consumed (node 20's
 * `Readable.toWeb` reads ahead without bound: a large backup ended up whole in its queue).
 */
function fileStream(handle: FileHandle): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const chunk = new Uint8Array(1 << 16);
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
        if (bytesRead === 0) controller.close();
        else controller.enqueue(chunk.subarray(0, bytesRead));
      },
    },
    { highWaterMark: 1 },
  );
}

/** The backup file decrypted as a stream (nothing of it held whole), or the header's fault. */
async function decryptFile(
  handle: FileHandle,
  opening: BackupOpening,
): Promise<Result<ReadableStream<Uint8Array>, BackupFault>> {
  const d = new Decrypter();
  if (opening.kind === 'passphrase') d.addPassphrase(opening.passphrase);
  else for (const id of opening.identities) d.addIdentity(id);
  try {
    return ok(await d.decrypt(fileStream(handle)));
  } catch {
    return fault(
      'BACKUP_DECRYPT_FAILED',
      'age header',
      'the key does not open this backup, or its header is damaged',
    );
  }
}

/** Where a part's bytes go while the backup streams (a restore's temporary files). */
export interface PartSink {
  /** Each chunk of each part the manifest lists, as it is decrypted (before its sha256 is known). */
  data(name: string, chunk: Uint8Array): void | Promise<void>;
  /** After the part's last chunk, once its size and sha256 matched the manifest. */
  end?(name: string): void | Promise<void>;
}

/** The manifest's checks applied part by part as the archive streams past. */
class PartChecker {
  private manifest: BackupManifest | undefined;
  private readonly manifestChunks: Uint8Array[] = [];
  private parts = new Map<string, BackupPart>();
  private readonly seen = new Set<string>();
  private hash: Hash = createHash('sha256');

  constructor(private readonly sink: PartSink | undefined) {}

  async data(name: string, chunk: Uint8Array): Promise<void> {
    if (!this.manifest) {
      this.first(name);
      this.manifestChunks.push(chunk.slice());
      return;
    }
    this.partNamed(name);
    this.hash.update(chunk);
    await this.sink?.data(name, chunk);
  }

  async end(name: string, size: number): Promise<void> {
    if (!this.manifest) {
      this.first(name);
      this.manifest = parseManifest(Buffer.concat(this.manifestChunks));
      if (!this.manifest) throw new PartMismatch(MANIFEST_NAME, 'the manifest is not a CivicLedger manifest');
      this.parts = new Map(this.manifest.parts.map((p) => [p.name, p]));
      return;
    }
    const part = this.partNamed(name);
    const sha256 = this.hash.digest('hex');
    this.hash = createHash('sha256');
    if (size !== part.bytes || sha256 !== part.sha256)
      throw new PartMismatch(name, 'the part does not match its sha256 in the manifest');
    this.seen.add(name);
    await this.sink?.end?.(name);
  }

  /** The manifest once every part it lists was seen, or the first part missing. */
  done(): Result<BackupManifest, BackupFault> {
    if (!this.manifest)
      return fault('BACKUP_CORRUPT', MANIFEST_NAME, 'the manifest is missing or not a CivicLedger manifest');
    const missing = this.manifest.parts.find((p) => !this.seen.has(p.name));
    if (missing) return fault('BACKUP_CORRUPT', missing.name, 'a part the manifest lists is missing');
    return ok(this.manifest);
  }

  private first(name: string): void {
    if (name !== MANIFEST_NAME)
      throw new PartMismatch(MANIFEST_NAME, 'the manifest is missing: the archive does not start with it');
  }

  private partNamed(name: string): BackupPart {
    const part = this.parts.get(name);
    if (!part || this.seen.has(name)) throw new PartMismatch(name, 'a part is not in the manifest');
    return part;
  }
}

/**
 * Reads a backup file once, as a stream: the age payload is decrypted 64 KiB at a time and the
 * archive read entry by entry; each part is hashed as it passes and checked against the manifest
 * (its first entry) as soon as it ends; nothing missing, nothing extra. Memory stays flat whatever
 * the backup's size: only the manifest is kept. `sink` receives the parts' bytes (a restore); a
 * damaged chunk, or a part that does not match, is a fault naming the part.
 */
export async function readBackupFile(
  file: string,
  opening: BackupOpening,
  sink?: PartSink,
): Promise<Result<BackupManifest, BackupFault>> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch {
    return err({ ...domainError('BACKUP_UNREADABLE', `cannot read ${file}`, { file }), part: 'file' });
  }
  try {
    const plain = await decryptFile(handle, opening);
    if (!plain.ok) return plain;
    const check = new PartChecker(sink);
    await readTarStream(plain.value, {
      onData: (name, chunk) => check.data(name, chunk),
      onEnd: (name, size) => check.end(name, size),
    });
    return check.done();
  } catch (e) {
    if (e instanceof PartMismatch) return fault('BACKUP_CORRUPT', e.entry, e.reason);
    if (e instanceof TarStreamError)
      return fault('BACKUP_CORRUPT', e.entry, `the backup is damaged here: ${e.reason}`);
    throw e;
  } finally {
    await handle.close();
  }
}

/**
 * `civic backup verify`: decrypts the backup as a stream and checks every part against the
 * manifest (size and sha256), in bounded memory. Fails naming the part (`age header` when the key
 * does not open it).
 */
export async function verifyBackup(
  file: string,
  opening: BackupOpening,
): Promise<Result<{ manifest: BackupManifest }, BackupFault>> {
  const r = await readBackupFile(file, opening);
  return r.ok ? ok({ manifest: r.value }) : r;
}

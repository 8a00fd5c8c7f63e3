import { createHash } from 'node:crypto';
import { domainError, err, ok, type DomainError, type Result } from '@civic/core';
import type { LogHead } from '@civic/store';
import { Decrypter, Encrypter } from 'age-encryption';
import { entryAt, packTar, unpackTar, type TarEntry } from './tar-archive.ts';
import { tarStream, type StreamedEntry } from './tar-stream.ts';

export const MANIFEST_NAME = 'manifest.json';
export const BACKUP_FORMAT = 'civicledger-backup';

export interface BackupPart {
  readonly name: string;
  readonly bytes: number;
  readonly sha256: string;
}

/** The first entry of every backup: what it holds and how to check it (docs/formats.md, "Backup"). */
export interface BackupManifest {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: 1;
  readonly createdAt: string;
  readonly dialect: 'sqlite' | 'postgres';
  /** The last migration applied to the database copied. */
  readonly schemaVersion: string;
  /** Every hash chain's head in the copy (organisation '' is the chain tied to none). */
  readonly logHeads: LogHead[];
  /** Every other entry, in archive order, with its size and sha256. */
  readonly parts: BackupPart[];
}

/** Who can open a backup: age public keys, or (on its own, as the age format requires) one passphrase. */
export type BackupSealing =
  | { readonly kind: 'recipients'; readonly recipients: readonly string[] }
  | { readonly kind: 'passphrase'; readonly passphrase: string };

export type BackupOpening =
  | { readonly kind: 'identities'; readonly identities: readonly string[] }
  | { readonly kind: 'passphrase'; readonly passphrase: string };

export const sha256Of = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

export function describePart(name: string, data: Uint8Array): BackupPart {
  return { name, bytes: data.length, sha256: sha256Of(data) };
}

/** The manifest plus parts as one archive, encrypted in the age format. */
export async function sealBackup(
  manifest: BackupManifest,
  parts: readonly TarEntry[],
  sealing: BackupSealing,
): Promise<Uint8Array> {
  const e = new Encrypter();
  if (sealing.kind === 'passphrase') e.setPassphrase(sealing.passphrase);
  else for (const r of sealing.recipients) e.addRecipient(r);
  const manifestBytes = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
  const tar = packTar(
    [{ name: MANIFEST_NAME, data: manifestBytes }, ...parts],
    Math.floor(Date.parse(manifest.createdAt) / 1000),
  );
  return e.encrypt(tar);
}

/** `sealBackup` as a stream: the manifest, then parts whose data comes in chunks (a large dump). */
export async function sealBackupStream(
  manifest: BackupManifest,
  parts: readonly StreamedEntry[],
  sealing: BackupSealing,
): Promise<ReadableStream<Uint8Array>> {
  const e = new Encrypter();
  if (sealing.kind === 'passphrase') e.setPassphrase(sealing.passphrase);
  else for (const r of sealing.recipients) e.addRecipient(r);
  const manifestBytes = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
  const tar = tarStream(
    [
      {
        name: MANIFEST_NAME,
        size: manifestBytes.length,
        data: async function* () {
          yield manifestBytes;
        },
      },
      ...parts,
    ],
    Math.floor(Date.parse(manifest.createdAt) / 1000),
  );
  return e.encrypt(tar);
}

/** A backup whose every part matched its manifest. */
export interface OpenedBackup {
  readonly manifest: BackupManifest;
  readonly parts: ReadonlyMap<string, Uint8Array>;
}

/** A backup that failed a check: the part at fault (`age header` when nothing could be decrypted). */
export type BackupFault = DomainError & { readonly part: string };

const fault = (code: string, part: string, message: string): Result<never, BackupFault> =>
  err({ ...domainError(code, message, { field: part }), part });

/**
 * The part a damaged chunk falls in: the entry in which the first byte that could not be decrypted
 * lies (age decrypts in 64 KiB chunks, so damage in the first chunk names the manifest).
 */
function partAt(plain: Uint8Array, offset: number): string {
  if (offset === 0) return MANIFEST_NAME;
  return entryAt(plain, offset) ?? entryAt(plain, offset - 1) ?? 'archive';
}

/** Decrypts chunk by chunk, so that a damaged chunk names the part it falls in. */
async function decryptAll(
  bytes: Uint8Array,
  opening: BackupOpening,
): Promise<Result<Uint8Array, BackupFault>> {
  const d = new Decrypter();
  if (opening.kind === 'passphrase') d.addPassphrase(opening.passphrase);
  else for (const id of opening.identities) d.addIdentity(id);
  const chunks: Uint8Array[] = [];
  let plainBytes = 0;
  let stream: ReadableStream<Uint8Array>;
  try {
    stream = await d.decrypt(
      new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(bytes);
          c.close();
        },
      }),
    );
  } catch {
    return fault(
      'BACKUP_DECRYPT_FAILED',
      'age header',
      'the key does not open this backup, or its header is damaged',
    );
  }
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      plainBytes += value.length;
    }
  } catch {
    if (plainBytes === 0 && chunks.length === 0 && bytes.length < 200)
      return fault('BACKUP_DECRYPT_FAILED', 'age header', 'the backup is cut short');
    return fault(
      'BACKUP_CORRUPT',
      partAt(concat(chunks, plainBytes), plainBytes),
      'the encrypted data is damaged here',
    );
  }
  return ok(concat(chunks, plainBytes));
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export function parseManifest(data: Uint8Array): BackupManifest | undefined {
  try {
    const m = JSON.parse(new TextDecoder().decode(data)) as Partial<BackupManifest>;
    if (
      m.format !== BACKUP_FORMAT ||
      m.version !== 1 ||
      !Array.isArray(m.parts) ||
      !Array.isArray(m.logHeads)
    )
      return undefined;
    return m as BackupManifest;
  } catch {
    return undefined;
  }
}

/** Decrypts a backup and checks every part against the manifest (size and sha256), and that nothing is missing or extra. */
export async function openBackup(
  bytes: Uint8Array,
  opening: BackupOpening,
): Promise<Result<OpenedBackup, BackupFault>> {
  const plain = await decryptAll(bytes, opening);
  if (!plain.ok) return plain;
  const tar = unpackTar(plain.value);
  if (!tar.ok)
    return fault('BACKUP_CORRUPT', partAt(plain.value, tar.offset), `the archive is damaged: ${tar.reason}`);
  const [first, ...rest] = tar.entries;
  const manifest = first?.name === MANIFEST_NAME ? parseManifest(first.data) : undefined;
  if (!manifest)
    return fault('BACKUP_CORRUPT', MANIFEST_NAME, 'the manifest is missing or not a CivicLedger manifest');
  const parts = new Map(rest.map((e) => [e.name, e.data]));
  for (const p of manifest.parts) {
    const data = parts.get(p.name);
    if (!data) return fault('BACKUP_CORRUPT', p.name, 'a part the manifest lists is missing');
    if (data.length !== p.bytes || sha256Of(data) !== p.sha256)
      return fault('BACKUP_CORRUPT', p.name, 'the part does not match its sha256 in the manifest');
  }
  const extra = rest.find((e) => !manifest.parts.some((p) => p.name === e.name));
  if (extra) return fault('BACKUP_CORRUPT', extra.name, 'a part is not in the manifest');
  return ok({ manifest, parts });
}

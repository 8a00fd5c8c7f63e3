import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { StoreKeyError } from './store-key-error.ts';

/**
 * Stored files (case documents, filing attachments) are sealed with AES-256-GCM under the store's
 * file key before they reach a table, on SQLite and PostgreSQL alike:
 *
 *   "CLF1" | 12-byte IV | 16-byte tag | ciphertext
 *
 * The additional data names the row (`case_document:ID`, `attachment:FILING:SEQ`), so sealed bytes
 * moved to another row do not open. Bytes without the magic are a file stored before encryption (or
 * in a plain set-up) and are returned as they are.
 */
const MAGIC = Buffer.from('CLF1', 'latin1');
const HEADER = MAGIC.length + 12 + 16;

export function isSealedFile(stored: Uint8Array): boolean {
  return stored.length >= HEADER && Buffer.from(stored.buffer, stored.byteOffset, 4).equals(MAGIC);
}

/** The bytes to store: sealed when the store has a file key, else as they are. */
export function sealStoredFile(fileKey: Buffer | null, rowName: string, bytes: Uint8Array): Uint8Array {
  if (!fileKey) return bytes;
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', fileKey, iv);
  c.setAAD(Buffer.from(rowName, 'utf8'));
  const body = Buffer.concat([c.update(bytes), c.final()]);
  return new Uint8Array(Buffer.concat([MAGIC, iv, c.getAuthTag(), body]));
}

/**
 * The file's bytes. Throws StoreKeyError: `DB_KEY_REQUIRED` for a sealed file when the store has no
 * file key, `DB_KEY_INVALID` when the key or the row does not match (or a byte was altered).
 */
export function openStoredFile(fileKey: Buffer | null, rowName: string, stored: Uint8Array): Uint8Array {
  if (!isSealedFile(stored)) return stored;
  if (!fileKey)
    throw new StoreKeyError('DB_KEY_REQUIRED', `the stored file ${rowName} is encrypted: the key is needed`);
  const b = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  try {
    const d = createDecipheriv('aes-256-gcm', fileKey, b.subarray(4, 16));
    d.setAAD(Buffer.from(rowName, 'utf8'));
    d.setAuthTag(b.subarray(16, HEADER));
    return new Uint8Array(Buffer.concat([d.update(b.subarray(HEADER)), d.final()]));
  } catch {
    throw new StoreKeyError('DB_KEY_INVALID', `the stored file ${rowName} does not open with this key`);
  }
}

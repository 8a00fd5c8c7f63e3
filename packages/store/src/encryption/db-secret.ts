import { readFileSync } from 'node:fs';
import { StoreKeyError } from './store-key-error.ts';

/**
 * The operator's secret for an encrypted store, from (first found) an explicit key file
 * (`--key-file`), `CIVIC_DB_KEY_FILE`, or the passphrase in `CIVIC_DB_KEY`; null when none is set.
 * A key file's bytes are the secret (one trailing newline dropped, so `echo … > file` works).
 * Throws `DB_KEY_REQUIRED` naming the key file when it cannot be read or is empty.
 */
export function resolveDbSecret(
  env: Readonly<Record<string, string | undefined>>,
  keyFile?: string,
): Buffer | null {
  const file = keyFile ?? nonEmpty(env['CIVIC_DB_KEY_FILE']);
  if (file !== undefined) {
    const field = keyFile !== undefined ? 'key-file' : 'CIVIC_DB_KEY_FILE';
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      throw new StoreKeyError('DB_KEY_REQUIRED', `the key file ${file} cannot be read`, file, field);
    }
    const secret = stripNewline(bytes);
    if (secret.length === 0)
      throw new StoreKeyError('DB_KEY_REQUIRED', `the key file ${file} is empty`, file, field);
    return secret;
  }
  const passphrase = nonEmpty(env['CIVIC_DB_KEY']);
  return passphrase === undefined ? null : Buffer.from(passphrase, 'utf8');
}

const nonEmpty = (v: string | undefined): string | undefined => (v === undefined || v === '' ? undefined : v);

function stripNewline(b: Buffer): Buffer {
  let end = b.length;
  if (end > 0 && b[end - 1] === 0x0a) end--;
  if (end > 0 && b[end - 1] === 0x0d) end--;
  return b.subarray(0, end);
}

import { createHash } from 'node:crypto';

/** sha256 of a text's UTF-8 bytes, or of raw bytes, in lower-case hex. */
export function sha256Hex(data: string | Uint8Array): string {
  const h = createHash('sha256');
  if (typeof data === 'string') h.update(data, 'utf8');
  else h.update(data);
  return h.digest('hex');
}

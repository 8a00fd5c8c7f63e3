import { hash } from 'node:crypto';

/**
 * sha256 of a text's UTF-8 bytes, or of raw bytes, in lower-case hex. One call, no Hash object
 * (a half-year's filing hashes each of its tens of thousands of lines).
 */
export function sha256Hex(data: string | Uint8Array): string {
  return hash('sha256', data, 'hex');
}

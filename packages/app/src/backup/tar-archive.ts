/**
 * The plain layer inside a backup: a POSIX ustar archive, so that someone with the key and no
 * CivicLedger can still open it (`age -d -i KEY backup.age | tar x`). Only regular files, names of
 * at most 100 bytes; everything is held in memory.
 */
export interface TarEntry {
  readonly name: string;
  readonly data: Uint8Array;
}

export const TAR_BLOCK = 512;
const BLOCK = TAR_BLOCK;
const enc = new TextEncoder();
const dec = new TextDecoder();

function writeText(header: Uint8Array, offset: number, length: number, text: string): void {
  const bytes = enc.encode(text);
  if (bytes.length > length) throw new Error(`tar: "${text}" is longer than ${length} bytes`);
  header.set(bytes, offset);
}

const octal = (n: number, width: number): string => `${n.toString(8).padStart(width - 1, '0')}\0`;

export function headerFor(name: string, size: number, mtime: number): Uint8Array {
  const h = new Uint8Array(BLOCK);
  writeText(h, 0, 100, name);
  writeText(h, 100, 8, octal(0o600, 8));
  writeText(h, 108, 8, octal(0, 8));
  writeText(h, 116, 8, octal(0, 8));
  writeText(h, 124, 12, octal(size, 12));
  writeText(h, 136, 12, octal(mtime, 12));
  writeText(h, 148, 8, '        ');
  writeText(h, 156, 1, '0');
  writeText(h, 257, 6, 'ustar\0');
  writeText(h, 263, 2, '00');
  const sum = h.reduce((a, b) => a + b, 0);
  writeText(h, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return h;
}

const padded = (n: number): number => Math.ceil(n / BLOCK) * BLOCK;

/** One archive of the entries, in order; `mtime` (seconds) is written on every entry. */
export function packTar(entries: readonly TarEntry[], mtime: number): Uint8Array {
  const total = entries.reduce((a, e) => a + BLOCK + padded(e.data.length), 0) + 2 * BLOCK;
  const out = new Uint8Array(total);
  let at = 0;
  for (const e of entries) {
    out.set(headerFor(e.name, e.data.length, mtime), at);
    out.set(e.data, at + BLOCK);
    at += BLOCK + padded(e.data.length);
  }
  return out;
}

const field = (h: Uint8Array, offset: number, length: number): string =>
  dec.decode(h.subarray(offset, offset + length)).replace(/\0.*$/s, '');

export type TarRead =
  | { readonly ok: true; readonly entries: TarEntry[] }
  | { readonly ok: false; readonly offset: number; readonly reason: string; readonly entries: TarEntry[] };

/** Reads an archive written by `packTar`. Never throws; a bad header names its offset. */
export function unpackTar(bytes: Uint8Array): TarRead {
  const entries: TarEntry[] = [];
  let at = 0;
  while (at + BLOCK <= bytes.length) {
    const h = bytes.subarray(at, at + BLOCK);
    if (h.every((b) => b === 0)) return { ok: true, entries };
    const stored = Number.parseInt(field(h, 148, 8).trim(), 8);
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : (h[i] ?? 0);
    if (stored !== sum) return { ok: false, offset: at, reason: 'header checksum', entries };
    const size = Number.parseInt(field(h, 124, 12).trim(), 8);
    if (!Number.isSafeInteger(size) || size < 0) return { ok: false, offset: at, reason: 'size', entries };
    const name = field(h, 0, 100);
    if (at + BLOCK + size > bytes.length)
      return { ok: false, offset: at, reason: `entry ${name} is cut short`, entries };
    entries.push({ name, data: bytes.subarray(at + BLOCK, at + BLOCK + size) });
    at += BLOCK + padded(size);
  }
  return { ok: false, offset: at, reason: 'no end-of-archive marker', entries };
}

/** The name of the entry whose header or data holds byte `offset` of an archive (only the headers before it are read). */
export function entryAt(bytes: Uint8Array, offset: number): string | undefined {
  let at = 0;
  while (at + BLOCK <= bytes.length && at <= offset) {
    const h = bytes.subarray(at, at + BLOCK);
    if (h.every((b) => b === 0)) return undefined;
    const size = Number.parseInt(field(h, 124, 12).trim(), 8);
    if (!Number.isSafeInteger(size)) return undefined;
    const next = at + BLOCK + padded(size);
    if (offset < next) return field(h, 0, 100);
    at = next;
  }
  return undefined;
}

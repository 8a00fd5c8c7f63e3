import { NOT_STATEMENT_KIND_LABELS, type NotStatementKind, type Result, ok } from '@civic/core';
import { importFail } from './import-error.ts';

/** How many first bytes the check reads: whatever the file's size, nothing more. */
export const SNIFF_BYTES = 4096;

const startsWith = (head: Uint8Array, magic: readonly number[], at = 0): boolean =>
  head.length >= at + magic.length && magic.every((b, i) => head[at + i] === b);
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** Signatures no bank statement starts with, most specific first. */
const MAGIC: readonly (readonly [NotStatementKind, readonly number[], number?])[] = [
  ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['gif', ascii('GIF8')],
  ['webp', ascii('WEBP'), 8],
  ['tiff', [0x49, 0x49, 0x2a, 0x00]],
  ['tiff', [0x4d, 0x4d, 0x00, 0x2a]],
  ['ole', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['pdf', ascii('%PDF-')],
  ['gzip', [0x1f, 0x8b]],
  ['rar', ascii('Rar!\u001a\u0007')],
  ['7z', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['sqlite', ascii('SQLite format 3\u0000')],
];

function latin1(head: Uint8Array): string {
  let s = '';
  for (const b of head) s += String.fromCharCode(b);
  return s;
}

/**
 * What a file looks like when it cannot be a bank statement (an image, an archive, a PDF, an
 * office document, a program, other binary data), from its first bytes only; null when it may be
 * one (text in any of the statements' encodings).
 */
export function sniffNotStatement(bytes: Uint8Array): NotStatementKind | null {
  const head = bytes.subarray(0, SNIFF_BYTES);
  for (const [kind, magic, at] of MAGIC) if (startsWith(head, magic, at ?? 0)) return kind;
  if (startsWith(head, [0x50, 0x4b]) && (head[2] ?? 0) < 9 && (head[3] ?? 0) < 9) {
    // DOCX, XLSX and ODF files are ZIP archives whose first entries name their parts.
    const names = latin1(head);
    return /\[Content_Types\]\.xml|^PK[\s\S]{26,}(?:word|xl|ppt)\/|mimetype\s*application\/vnd\.oasis/.test(
      names,
    )
      ? 'office'
      : 'zip';
  }
  if (startsWith(head, ascii('MZ')) && head.subarray(0, 256).includes(0)) return 'executable';
  if (startsWith(head, ascii('BM')) && head.subarray(0, 64).includes(0)) return 'bmp';
  // Text in UTF-8, Windows-1251 or CP866 has no NUL (but for padding after its end) and few
  // control bytes; binary data has both.
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i] ?? 0;
    if (b === 0) return onlyPadding(head, i) ? null : 'binary';
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 26) control++;
  }
  return head.length >= 64 && control * 10 > head.length ? 'binary' : null;
}

/** Whether the head goes on with nothing but NULs, blanks and end-of-file marks from `from`. */
function onlyPadding(head: Uint8Array, from: number): boolean {
  for (let i = from; i < head.length; i++) {
    const b = head[i] ?? 0;
    if (b !== 0 && b !== 9 && b !== 10 && b !== 13 && b !== 32 && b !== 26) return false;
  }
  return true;
}

/**
 * Refuses, from its first bytes, a file that is not a bank statement at all, with
 * IMPORT_NOT_STATEMENT naming what it looks like (`details.kind`, labelled in each language).
 */
export function checkLooksLikeStatement(head: Uint8Array, file: string): Result<null> {
  const kind = sniffNotStatement(head);
  if (kind === null) return ok(null);
  return importFail(
    'IMPORT_NOT_STATEMENT',
    `not a bank statement (looks like ${NOT_STATEMENT_KIND_LABELS[kind].en})`,
    file,
    undefined,
    undefined,
    { kind },
  );
}

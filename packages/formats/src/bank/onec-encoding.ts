import type { StatementWarning } from '@civic/core';
import { decodeText, hasUtf8Bom, type TextEncoding } from './text-decode.ts';

/** Whether a file's head is UTF-8 (a character cut at the end of the head does not count against it). */
function isValidUtf8Head(head: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** How much of a file its encoding is detected from. */
export const ONEC_PROBE_BYTES = 64 * 1024;
const DECLARATION = /(?:^|\n)\s*Кодировка\s*=\s*([^\r\n]*)/;

/** What `Кодировка=` declares: `Windows` → Windows-1251, `DOS` → CP866, anything else → UTF-8. */
export function declaredEncoding(value: string): TextEncoding {
  const v = value.trim().toLowerCase();
  if (v === 'windows' || v === 'windows-1251' || v === 'cp1251') return 'windows-1251';
  if (v === 'dos' || v === 'cp866') return 'cp866';
  return 'utf-8';
}

/**
 * Detects a 1C file's encoding. The `Кодировка=` line is itself Cyrillic, so it decodes readably in
 * exactly one of the candidate encodings: that one is what the bytes really are. When the
 * declaration disagrees with the bytes (a file re-saved by hand), the bytes win and a warning says so.
 * Only the first 64 KiB are read: a file of any size is detected from its head.
 */
export function detectOnecEncoding(bytes: Uint8Array): {
  encoding: TextEncoding;
  warnings: StatementWarning[];
} {
  if (hasUtf8Bom(bytes)) return { encoding: 'utf-8', warnings: [] };
  const probe = bytes.subarray(0, ONEC_PROBE_BYTES);
  for (const candidate of ['utf-8', 'windows-1251', 'cp866'] as const) {
    const text = decodeText(probe, candidate);
    const m = DECLARATION.exec(text);
    if (!m) continue;
    const declared = declaredEncoding(m[1] ?? '');
    const line = text.slice(0, m.index).split('\n').length + (text.charAt(m.index) === '\n' ? 1 : 0);
    const warnings: StatementWarning[] =
      declared === candidate
        ? []
        : [
            {
              line,
              field: 'Кодировка',
              message: `the file says "Кодировка=${(m[1] ?? '').trim()}" but its bytes are ${candidate}; read as ${candidate}`,
            },
          ];
    return { encoding: candidate, warnings };
  }
  if (isValidUtf8Head(probe)) return { encoding: 'utf-8', warnings: [] };
  return {
    encoding: 'windows-1251',
    warnings: [
      {
        line: 1,
        field: 'Кодировка',
        message: 'no "Кодировка=" line and the bytes are not UTF-8; read as windows-1251',
      },
    ],
  };
}

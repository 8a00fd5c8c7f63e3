import type { FilingRecord } from '@civic/core';

/**
 * A filing as JSON (docs/formats.md, "Filing JSON"): `{ "filing": {…header…}, "content": {…} }`,
 * two-space indented, amounts as decimal strings. The content is exactly what was hashed: its
 * RFC 8785 canonical form hashes to `filing.contentHash`.
 */
export function renderFilingJson(filing: FilingRecord): string {
  const { content, ...header } = filing;
  return `${JSON.stringify({ format: 'civicledger-filing/1', filing: header, content }, null, 2)}\n`;
}

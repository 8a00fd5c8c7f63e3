/**
 * CSV formula injection: a spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return as a formula (`=HYPERLINK(…)`, `=cmd|' /C calc'!A0`). Every CSV the project
 * writes passes each cell through `guardCsvCell`, which puts a `'` in front of such a cell — the
 * spreadsheet then shows the text as written. A plain decimal number (`-1500.00`, `-43.2`) is not
 * guarded: it cannot be a formula, and an amount column must stay a number for the accountant.
 *
 * The project's own readers undo the guard (`unguardCsvCell`), so a file written here reads back
 * exactly. To keep that exact, a cell that already starts with `'` followed by a trigger or by
 * another `'` is guarded too (one more `'`), and the reader takes off exactly one.
 */
const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

function needsGuard(value: string): boolean {
  const first = value.charAt(0);
  if (TRIGGERS.has(first)) return !PLAIN_NUMBER.test(value);
  if (first !== "'") return false;
  const second = value.charAt(1);
  return second === "'" || TRIGGERS.has(second);
}

/** The cell with a leading `'` when a spreadsheet would otherwise run it as a formula. */
export function guardCsvCell(value: string): string {
  return value !== '' && needsGuard(value) ? `'${value}` : value;
}

/** Undoes `guardCsvCell` on a cell read from CSV: `'=x` → `=x`, `''x` → `'x`; anything else as is. */
export function unguardCsvCell(value: string): string {
  if (value.charCodeAt(0) !== 39 /* ' */) return value;
  const second = value.charAt(1);
  return second === "'" || TRIGGERS.has(second) ? value.slice(1) : value;
}

/** One cell as written: guarded, then quoted (RFC 4180) when it holds a comma, quote or line break. */
export function csvCell(value: string): string {
  const v = guardCsvCell(value);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

import type { DomainError } from '@civic/core';

/** Exit codes of the CLI contract: 0 success, 1 a finding the user must act on, 2 bad input. */
export const EXIT_OK = 0;
export const EXIT_FINDING = 1;
export const EXIT_BAD_INPUT = 2;

/** Serialises values for --json: bigint as a JSON number when safe, else a string. */
export function toJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_k, v: unknown) => (typeof v === 'bigint' ? (v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString()) : v),
    2,
  );
}

export function printJson(value: unknown): void {
  process.stdout.write(`${toJson(value)}\n`);
}

/** A bad-input error: on stderr, naming file, line and field; and as JSON on stdout with --json. */
export class CliError extends Error {
  constructor(
    readonly error: DomainError,
    readonly exitCode: number = EXIT_BAD_INPUT,
  ) {
    super(error.message);
  }
}

export function describeError(e: DomainError): string {
  const where = [e.file, e.line !== undefined ? `line ${e.line}` : undefined, e.field ? `field ${e.field}` : undefined].filter(Boolean).join(', ');
  return `${e.code}: ${e.message}${where ? ` (${where})` : ''}`;
}

/** Turns a Result error into a thrown CliError (exit 2 unless told otherwise). */
export function orFail<T>(r: { ok: true; value: T } | { ok: false; error: DomainError }, exitCode = EXIT_BAD_INPUT): T {
  if (!r.ok) throw new CliError(r.error, exitCode);
  return r.value;
}

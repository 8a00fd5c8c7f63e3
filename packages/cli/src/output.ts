import { errorSpec } from '@civic/app';
import { capMessage, type DomainError } from '@civic/core';

/**
 * Exit codes of the CLI contract: 0 success, 1 a finding the user must act on, 2 bad input. An
 * error's own exit code comes from the shared error table of @civic/app (docs/errors.md).
 */
export const EXIT_OK = 0;
export const EXIT_FINDING = 1;
export const EXIT_BAD_INPUT = 2;

/** Serialises values for --json: bigint as a JSON number when safe, else a string. */
export function toJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_k, v: unknown) =>
      typeof v === 'bigint'
        ? v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= -BigInt(Number.MAX_SAFE_INTEGER)
          ? Number(v)
          : v.toString()
        : v,
    2,
  );
}

/**
 * An error as `--json` prints it (`{"error": …}`): the domain error, its message capped, and the
 * fields the web's error body lifts out of its details in the same shape — `unknownFields`
 * ([{ field, line }]: a 1C file's fields the importer does not read, for an alias).
 */
export function errorJson(e: DomainError): Record<string, unknown> {
  const list = e.details?.['unknownFields'];
  const unknownFields = Array.isArray(list)
    ? list.flatMap((u: unknown) =>
        typeof u === 'object' && u !== null && 'field' in u && 'line' in u
          ? [{ field: String(u.field), line: Number(u.line) }]
          : [],
      )
    : null;
  return { ...e, message: capMessage(e.message), ...(unknownFields ? { unknownFields } : {}) };
}

export function printJson(value: unknown): void {
  process.stdout.write(`${toJson(value)}\n`);
}

/** Resolves once every byte written to `stream` so far has been handed to the OS (or the reader left). */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || stream.writableLength === 0) {
      resolve();
      return;
    }
    stream.once('error', () => resolve());
    // The callback of an empty write runs after every earlier write has been flushed.
    stream.write('', () => resolve());
  });
}

/**
 * The one way `civic` ends: waits until standard output and standard error have drained, then
 * exits with `code`. `process.exit` right after a large write to a pipe drops whatever the
 * reader has not taken yet — a `--json` result cut at 64 KiB. Every command ends through it
 * (main.ts calls it after the command, whether it succeeded or failed).
 */
export async function exitWhenDrained(code: number): Promise<never> {
  process.exitCode = code;
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  process.exit(code);
}

/** The exit code the error table gives a code (2, bad input, for a code not in it yet). */
export function exitCodeOf(code: string): number {
  return errorSpec(code).exitCode;
}

/**
 * An expected error: on stderr, naming file, line and field; and as JSON on stdout with --json. It
 * exits with its code's exit code from the error table unless a command's contract says otherwise.
 */
export class CliError extends Error {
  constructor(
    readonly error: DomainError,
    readonly exitCode: number = exitCodeOf(error.code),
  ) {
    super(capMessage(error.message));
  }
}

export function describeError(e: DomainError): string {
  const where = [
    e.file,
    e.line !== undefined ? `line ${e.line}` : undefined,
    e.field ? `field ${e.field}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  return `${e.code}: ${capMessage(e.message)}${where ? ` (${where})` : ''}`;
}

/** Turns a Result error into a thrown CliError (its code's exit code from the error table unless told otherwise). */
export function orFail<T>(
  r: { ok: true; value: T } | { ok: false; error: DomainError },
  exitCode?: number,
): T {
  if (!r.ok) throw new CliError(r.error, exitCode ?? exitCodeOf(r.error.code));
  return r.value;
}

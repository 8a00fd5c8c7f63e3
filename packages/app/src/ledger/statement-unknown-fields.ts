import { err, type DomainError, type Result } from '@civic/core';
import { detectBankFormat, onecUnknownFields } from '@civic/formats';
import type { AppContext } from '../context.ts';
import { resolveAliases } from './import-settings.ts';

/** The first bytes of a statement that are searched for fields the importer does not read. */
export const UNKNOWN_FIELDS_HEAD_BYTES = 64 * 1024;

/**
 * A 1C file that cannot be read, with the fields its first 64 KiB name that the importer does not
 * read (an amount under the bank's own name) as `details.unknownFields` ([{ field, line }]): the
 * import page offers an alias for each, and `civic import bank --json` prints the same
 * `error.unknownFields`. The head is cut at its last line break so that no half-read field name is
 * offered. Anything else (a success, another format, no unknown field) is returned as it is.
 */
export function withUnknownFields<T>(
  result: Result<T>,
  head: Uint8Array,
  input: {
    readonly fileName: string;
    readonly format?: string | null | undefined;
    readonly aliases?: Readonly<Record<string, string>> | undefined;
  },
): Result<T> {
  if (result.ok) return result;
  const format = input.format ?? detectBankFormat(head, input.fileName);
  if (format !== '1c') return result;
  const whole = head.lastIndexOf(0x0a);
  const unknown = onecUnknownFields(whole < 0 ? head : head.subarray(0, whole + 1), input.aliases ?? {});
  if (unknown.length === 0) return result;
  const unknownFields = unknown.map((u) => ({ field: u.name, line: u.line }));
  return err({ ...result.error, details: { ...result.error.details, unknownFields } });
}

/**
 * `withUnknownFields` for an import that failed (the CLI's `civic import bank`), with the aliases
 * the import used: the organisation's saved ones and those given with it.
 */
export async function importFailureWithUnknownFields(
  ctx: AppContext,
  org: string,
  failed: { readonly ok: false; readonly error: DomainError },
  head: Uint8Array,
  input: {
    readonly fileName: string;
    readonly format?: string | null | undefined;
    readonly aliases?: Readonly<Record<string, string>> | undefined;
  },
): Promise<Result<never>> {
  const aliases = await resolveAliases(ctx, org, input.aliases);
  return withUnknownFields<never>(failed, head, {
    ...input,
    aliases: aliases.ok ? aliases.value : input.aliases,
  });
}

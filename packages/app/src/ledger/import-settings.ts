import { domainError, err, ok, type Result } from '@civic/core';
import { parseCsvMapping, type CsvMapping } from '@civic/formats';
import { getCsvMapping, getOrganisationSetting, saveCsvMapping, setOrganisationSetting } from '@civic/store';
import type { AppContext } from '../context.ts';

const ALIASES_SETTING = '1c-aliases';

/** Checks an aliases value: a JSON object of bank field name → known 1C field name. */
export function parseAliases(value: unknown, file = 'aliases'): Result<Record<string, string>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return err(
      domainError('IMPORT_ALIASES_INVALID', 'aliases must be a JSON object of "bank field": "known field"', {
        file,
      }),
    );
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string' || !k.trim() || !v.trim())
      return err(
        domainError('IMPORT_ALIASES_INVALID', `alias "${k}" must map to a field name`, { file, field: k }),
      );
    out[k.trim()] = v.trim();
  }
  return ok(out);
}

/** The 1C field aliases saved for the organisation (`civic import bank --aliases FILE --save-aliases`). */
export async function savedAliases(ctx: AppContext, org: string): Promise<Record<string, string>> {
  const text = await getOrganisationSetting(ctx.store.db, org, ALIASES_SETTING);
  if (!text) return {};
  const parsed = parseAliases(JSON.parse(text) as unknown);
  return parsed.ok ? parsed.value : {};
}

/** Saves 1C field aliases for the organisation, merged over those saved before. */
export async function saveAliases(
  ctx: AppContext,
  org: string,
  aliases: Readonly<Record<string, string>>,
): Promise<Record<string, string>> {
  const merged = { ...(await savedAliases(ctx, org)), ...aliases };
  await writeAliases(ctx, org, merged);
  return merged;
}

/** Replaces the organisation's saved 1C field aliases with `aliases`. */
export async function writeAliases(
  ctx: AppContext,
  org: string,
  aliases: Readonly<Record<string, string>>,
): Promise<void> {
  await setOrganisationSetting(ctx.store.db, org, ALIASES_SETTING, JSON.stringify(aliases));
}

/** The aliases for one import: the organisation's saved ones, overridden by those given. */
export async function resolveAliases(
  ctx: AppContext,
  org: string,
  given: Readonly<Record<string, string>> | undefined,
): Promise<Result<Record<string, string>>> {
  if (given !== undefined) {
    const checked = parseAliases(given);
    if (!checked.ok) return checked;
    return ok({ ...(await savedAliases(ctx, org)), ...checked.value });
  }
  return ok(await savedAliases(ctx, org));
}

/**
 * The CSV mapping for one import: the one given (saved under `name` when a name is given), or the
 * one saved under `name`, or none (the parser then needs none: not a CSV file, or inferable).
 */
export async function resolveCsvMapping(
  ctx: AppContext,
  org: string,
  given: unknown,
  name: string | undefined,
  file = 'csv mapping',
): Promise<Result<CsvMapping | undefined>> {
  if (given !== undefined) {
    const checked = parseCsvMapping(given, file);
    if (!checked.ok) return checked;
    if (name)
      await saveCsvMapping(ctx.store.db, {
        organisationId: org,
        name,
        mapping: checked.value,
        createdAt: ctx.now().toISOString(),
      });
    return ok(checked.value);
  }
  if (!name) return ok(undefined);
  const saved = await getCsvMapping(ctx.store.db, org, name);
  if (saved === undefined)
    return err(
      domainError('IMPORT_MAPPING_NOT_FOUND', `no CSV mapping saved as "${name}"`, { field: 'mapping' }),
    );
  return parseCsvMapping(saved, name);
}

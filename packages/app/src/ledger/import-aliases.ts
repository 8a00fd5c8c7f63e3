import { domainError, err, labelOf, ok, ONEC_FIELD_LABELS, type Locale, type Result } from '@civic/core';
import { ONEC_BALANCE_FIELDS, ONEC_DOCUMENT_FIELDS, ONEC_HEADER_FIELDS } from '@civic/formats';
import type { AppContext } from '../context.ts';
import { saveAliases, savedAliases, writeAliases } from './import-settings.ts';

/** One saved alias: the bank's field name and the 1C field it is read as. */
export interface ImportAlias {
  readonly field: string;
  readonly target: string;
}

const KNOWN = new Set([...ONEC_HEADER_FIELDS, ...ONEC_BALANCE_FIELDS, ...ONEC_DOCUMENT_FIELDS]);
const KNOWN_LOWER = new Set([...KNOWN].map((f) => f.toLowerCase()));

/** The fields the import page offers an unknown field to be read as, with their labels in `locale`. */
export function aliasTargets(locale: Locale): { field: string; label: string }[] {
  return Object.keys(ONEC_FIELD_LABELS).map((field) => ({
    field,
    label: labelOf(ONEC_FIELD_LABELS, field, locale),
  }));
}

/** The organisation's saved aliases, by field name. */
export async function listImportAliases(ctx: AppContext, org: string): Promise<ImportAlias[]> {
  return Object.entries(await savedAliases(ctx, org))
    .map(([field, target]) => ({ field, target }))
    .sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
}

/**
 * Saves one alias for the organisation's later imports (the web import page; the CLI's
 * `--aliases FILE --save-aliases` saves a whole file): the bank's `field` — a name the importer
 * does not read already — is read as the known 1C field `target`. Saving a field again replaces its
 * target. Returns the alias with the value it replaced (null when new), for the audit trail.
 */
export async function addImportAlias(
  ctx: AppContext,
  org: string,
  alias: ImportAlias,
): Promise<Result<{ alias: ImportAlias; before: string | null }>> {
  const field = alias.field.trim();
  const target = alias.target.trim();
  if (field === '' || field.length > 100 || /[=\r\n]/.test(field) || KNOWN_LOWER.has(field.toLowerCase()))
    return err(
      domainError(
        'IMPORT_ALIAS_FIELD_INVALID',
        `"${field}" is not a bank's own field name (empty, "=", a line break, or a field the importer reads already)`,
        { field: 'field' },
      ),
    );
  if (!KNOWN.has(target))
    return err(
      domainError('IMPORT_ALIAS_TARGET_UNKNOWN', `"${target}" is not a 1C field the importer reads`, {
        field: 'target',
      }),
    );
  const before = (await savedAliases(ctx, org))[field] ?? null;
  await saveAliases(ctx, org, { [field]: target });
  return ok({ alias: { field, target }, before });
}

/** Removes one saved alias; IMPORT_ALIAS_NOT_FOUND when none is saved under `field`. */
export async function removeImportAlias(
  ctx: AppContext,
  org: string,
  field: string,
): Promise<Result<ImportAlias>> {
  const saved = await savedAliases(ctx, org);
  const target = saved[field];
  if (target === undefined)
    return err(domainError('IMPORT_ALIAS_NOT_FOUND', `no alias is saved for "${field}"`, { field: 'field' }));
  const rest = Object.fromEntries(Object.entries(saved).filter(([k]) => k !== field));
  await writeAliases(ctx, org, rest);
  return ok({ field, target });
}

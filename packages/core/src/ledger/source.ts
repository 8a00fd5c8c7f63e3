import type { SourceId } from '../ids.ts';
import { domainError, err, ok, type DomainError, type Result } from '../result.ts';
import { binCheckDigitError } from './bin-iin.ts';

/**
 * The five kinds of foreign source the Kazakh law names (Tax Code 2017 Art. 29(1); CoAO Art. 460-1
 * title): foreign states, international organisations, foreign organisations, foreign citizens
 * and stateless persons. Rule packs for other countries map their own categories onto these.
 */
export const FOREIGN_SOURCE_CATEGORIES = [
  'foreign-state',
  'international-organisation',
  'foreign-organisation',
  'foreign-citizen',
  'stateless-person',
] as const;
export type ForeignSourceCategory = (typeof FOREIGN_SOURCE_CATEGORIES)[number];

/** A foreign source of money or property, as the organisation records it. */
export interface ForeignSource {
  readonly id: SourceId;
  readonly organisationId: string;
  readonly name: string;
  /** `null` only while the category is not yet known: filing lint reports it. */
  readonly category: ForeignSourceCategory | null;
  /** ISO 3166-1 alpha-2 code, or null (international organisations, stateless persons). */
  readonly country: string | null;
  readonly taxId: string | null;
  /** Bank accounts (IBAN or other) the source pays from; used to recognise its payments. */
  readonly accounts: readonly string[];
  /** Other names it appears under in bank statements. */
  readonly aliases: readonly string[];
  readonly notes: string | null;
  readonly illustrative: boolean;
}

export function isForeignSourceCategory(value: string): value is ForeignSourceCategory {
  return (FOREIGN_SOURCE_CATEGORIES as readonly string[]).includes(value);
}

export function parseSourceCategory(value: string, field = 'category'): Result<ForeignSourceCategory> {
  const v = value.trim().toLowerCase();
  if (isForeignSourceCategory(v)) return ok(v);
  return err(
    domainError(
      'LEDGER_SOURCE_CATEGORY_INVALID',
      `${field}: "${value}" is not one of ${FOREIGN_SOURCE_CATEGORIES.join(', ')}`,
      { field },
    ),
  );
}

export interface SourceInput {
  readonly name: string;
  readonly category: string | null;
  readonly country?: string | null;
  readonly taxId?: string | null;
  readonly accounts?: readonly string[];
  readonly aliases?: readonly string[];
  readonly notes?: string | null;
}

export interface ValidSource {
  readonly name: string;
  readonly category: ForeignSourceCategory | null;
  readonly country: string | null;
  readonly taxId: string | null;
  readonly accounts: readonly string[];
  readonly aliases: readonly string[];
  readonly notes: string | null;
}

/**
 * A source's tax number is read as a Kazakh BIN/IIN where it is one: the source is in Kazakhstan
 * (an international organisation's office there), or no country is given and the number has the
 * BIN's twelve digits. A foreign source's own tax number (a Russian INN also has twelve digits) is
 * not checked against the Kazakh control digit.
 */
function sourceTaxIdError(taxId: string, country: string): DomainError | null {
  if (country === 'KZ' || (country === '' && /^\d{12}$/.test(taxId))) {
    if (!/^\d{12}$/.test(taxId))
      return domainError(
        'LEDGER_SOURCE_TAX_ID_INVALID',
        `taxId: a BIN/IIN in Kazakhstan is 12 digits, not "${taxId}"`,
        {
          field: 'taxId',
        },
      );
    return binCheckDigitError(taxId, 'taxId');
  }
  return null;
}

/** Checks a source before it is stored: a name, a known category, a two-letter country, a BIN/IIN's control digit. */
export function validateSource(input: SourceInput): Result<ValidSource> {
  const name = input.name.trim();
  if (!name)
    return err(domainError('LEDGER_SOURCE_NAME_REQUIRED', 'a source needs a name', { field: 'name' }));
  let category: ForeignSourceCategory | null = null;
  if (input.category !== null && input.category.trim() !== '') {
    const c = parseSourceCategory(input.category);
    if (!c.ok) return c;
    category = c.value;
  }
  const countryText = input.country?.trim().toUpperCase() ?? '';
  if (countryText && !/^[A-Z]{2}$/.test(countryText)) {
    return err(
      domainError(
        'LEDGER_COUNTRY_INVALID',
        `country "${input.country ?? ''}" is not an ISO 3166 two-letter code`,
        { field: 'country' },
      ),
    );
  }
  if (countryText === 'KZ' && category !== 'international-organisation' && category !== null) {
    return err(
      domainError('LEDGER_SOURCE_NOT_FOREIGN', `a ${category} cannot be in Kazakhstan (country KZ)`, {
        field: 'country',
      }),
    );
  }
  const taxId = input.taxId?.trim() || null;
  const taxIdError = taxId !== null ? sourceTaxIdError(taxId, countryText) : null;
  if (taxIdError) return err(taxIdError);
  return ok({
    name,
    category,
    country: countryText || null,
    taxId,
    accounts: (input.accounts ?? []).map(normaliseAccount).filter((a) => a !== ''),
    aliases: (input.aliases ?? []).map((a) => a.trim()).filter((a) => a !== ''),
    notes: input.notes?.trim() || null,
  });
}

/** An account number as compared: no spaces, upper case ("kz12 3456" → "KZ123456"). */
export function normaliseAccount(account: string): string {
  return account.replace(/[\s-]/g, '').toUpperCase();
}

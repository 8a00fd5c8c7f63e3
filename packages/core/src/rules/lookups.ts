import type { CalendarDate } from '../calendar-date.ts';
import { parseCurrency } from '../currency.ts';
import { parseMinorUnits } from '../money.ts';
import type { Locale } from '../locale.ts';
import { domainError, err, ok, type Result } from '../result.ts';
import { localText, type LocalText } from './local-text.ts';
import type { Obligation } from './obligation.schema.ts';
import type { AppealRule, LimitationRule, Offence, OffenceTier } from './offence.schema.ts';
import type { Citation, InForce } from './rule-meta.schema.ts';
import type { FineUnit, Requirement, RulePack, ScopeItem } from './rule-pack.schema.ts';

/** Whether a rule is in force on a day (both ends inclusive). */
export function inForceOn(rule: { readonly inForce: InForce }, date: CalendarDate): boolean {
  return rule.inForce.from <= date && (rule.inForce.to === null || date <= rule.inForce.to);
}

function notInForce(what: string, date: CalendarDate, pack: RulePack): Result<never> {
  return err(
    domainError('RULE_NOT_IN_FORCE', `the ${pack.id} pack has no ${what} in force on ${date}`, {
      field: 'date',
      details: { pack: pack.id, date },
    }),
  );
}

/** The offence by article: the version in force on `on` when given, else the latest version. */
export function findOffence(pack: RulePack, article: string, on?: CalendarDate): Offence | undefined {
  const versions = pack.offences.filter((o) => o.article === article);
  if (on !== undefined) return versions.find((o) => inForceOn(o, on));
  return versions.reduce<Offence | undefined>(
    (latest, o) => (latest === undefined || o.inForce.from > latest.inForce.from ? o : latest),
    undefined,
  );
}

export interface TierLookup {
  readonly offence: Offence;
  readonly tier: OffenceTier;
  /** The tier's own citation, else its offence's. */
  readonly citation: Citation;
  /** Both the offence and the tier are verified. */
  readonly verified: boolean;
  /** The sanctions a ruling under this tier may lawfully carry. */
  readonly sanctions: readonly ('fine' | 'suspension' | 'ban')[];
}

/** A tier of an article's offence (the version in force on `on` when given), with its citation and lawful sanctions. */
export function findTier(
  pack: RulePack,
  article: string,
  tierId: string,
  on?: CalendarDate,
): TierLookup | undefined {
  const offence = findOffence(pack, article, on);
  const tier = offence?.tiers.find((t) => t.id === tierId);
  if (!offence || !tier) return undefined;
  const sanctions: ('fine' | 'suspension' | 'ban')[] = ['fine'];
  if (tier.suspension) sanctions.push('suspension');
  if (tier.ban) sanctions.push('ban');
  return {
    offence,
    tier,
    citation: tier.citation ?? offence.citation,
    verified: offence.verified && tier.verified,
    sanctions,
  };
}

const governs = (articles: readonly string[], article: string): boolean =>
  articles.includes(article) || articles.includes('*');

/**
 * The limitation period for an article, the version in force on the offence date; a version naming
 * the article wins over a general (`*`) one. `RULE_NOT_IN_FORCE` when none applies.
 */
export function limitationFor(
  pack: RulePack,
  article: string,
  offenceDate: CalendarDate,
): Result<LimitationRule> {
  const inForce = pack.limitations.filter((l) => governs(l.articles, article) && inForceOn(l, offenceDate));
  const rule = inForce.find((l) => l.articles.includes(article)) ?? inForce[0];
  return rule ? ok(rule) : notInForce(`limitation period for article ${article}`, offenceDate, pack);
}

/** The appeal rule in force on a day (optionally for an article's rulings). */
export function appealRule(pack: RulePack, on: CalendarDate, article?: string): Result<AppealRule> {
  const inForce = pack.appeals.filter(
    (a) => inForceOn(a, on) && (article === undefined || governs(a.articles, article)),
  );
  const rule =
    (article === undefined ? undefined : inForce.find((a) => a.articles.includes(article))) ?? inForce[0];
  return rule ? ok(rule) : notInForce('appeal rule', on, pack);
}

/** Every obligation (each version) in force on a day. */
export function obligationsInForce(pack: RulePack, date: CalendarDate): Obligation[] {
  return pack.obligations.filter((o) => inForceOn(o, date));
}

/** The version of an obligation in force on a day. */
export function obligationOn(pack: RulePack, id: string, date: CalendarDate): Obligation | undefined {
  return pack.obligations.find((o) => o.id === id && inForceOn(o, date));
}

/** The legal bases (e.g. tax-code articles) of an obligation in force on a day. */
export function legalBasisOn(pack: RulePack, obligation: Obligation, date: CalendarDate): ScopeItem[] {
  return pack.legalBases.filter((b) => obligation.legalBasis.includes(b.id) && inForceOn(b, date));
}

/** A requirement (cap, account, retention) in force on a day. */
export function requirementOn(pack: RulePack, id: string, date: CalendarDate): Requirement | undefined {
  return pack.requirements.find((r) => r.id === id && inForceOn(r, date));
}

/** Scope items (activities, sources, exemptions, legal bases) in force on a day. */
export function scopeOn(items: readonly ScopeItem[], date: CalendarDate): ScopeItem[] {
  return items.filter((i) => inForceOn(i, date));
}

export interface FineUnitAmount {
  /** The year the value belongs to. */
  readonly year: number;
  /** The value as a number of currency units (e.g. 2778). */
  readonly value: number;
  /** The value as written in the pack. */
  readonly valueText: string;
  /** The value in minor units of `currency`. */
  readonly minor: bigint;
  readonly currency: string;
  /** The unit's code (e.g. the pack's abbreviation). */
  readonly code: string;
  readonly citation: Citation;
  readonly verified: boolean;
  readonly note?: LocalText | undefined;
}

/**
 * The fine unit's value in force on a day. Which day to pass is the pack's `fineUnit.rule` (e.g. the
 * day proceedings began): see `fineUnitRule`. `RULE_NOT_IN_FORCE` when no value covers the day or
 * the pack has no fine unit.
 */
export function fineUnitFor(pack: RulePack, date: CalendarDate): Result<FineUnitAmount> {
  const unit = pack.fineUnit;
  const value = unit?.values.find((v) => inForceOn(v, date));
  if (!unit || !value) return notInForce('fine unit value', date, pack);
  const currency = parseCurrency(unit.currency, 'fineUnit.currency');
  if (!currency.ok) return currency;
  const minor = parseMinorUnits(value.value, currency.value);
  if (!minor.ok) return minor;
  return ok({
    year: value.year,
    value: Number(value.value),
    valueText: value.value,
    minor: minor.value,
    currency: unit.currency,
    code: unit.code,
    citation: value.citation,
    verified: value.verified,
    note: value.note,
  });
}

/** The contract's name for `fineUnitFor` (the unit is the pack's, not a fixed index). */
export const mciFor = fineUnitFor;

/** The rule choosing the fine unit's value (e.g. "the value in force when proceedings began"). */
export function fineUnitRule(pack: RulePack): FineUnit['rule'] | null {
  return pack.fineUnit?.rule ?? null;
}

/**
 * An authority's name in the language, when the pack knows the name as recorded (in any of its
 * languages, letter case and spacing aside); otherwise the name as recorded.
 */
export function authorityName(pack: RulePack, recorded: string, locale: Locale): string {
  return knownAuthorityName(pack, recorded, locale) ?? recorded;
}

/**
 * The pack's name in the language of an authority (or authority type: «районное управление
 * государственных доходов») recorded under any of its names; null when the pack does not know it,
 * so that a document can say the name is left to translate rather than print it silently.
 */
export function knownAuthorityName(pack: RulePack, recorded: string, locale: Locale): string | null {
  const key = (t: string): string => t.toLocaleLowerCase().replace(/\s+/g, ' ').trim();
  const wanted = key(recorded);
  const names = (t: LocalText): string[] =>
    typeof t === 'string' ? [t] : Object.values(t).filter((n) => n !== undefined);
  const find = (k: string) => pack.authorities.find((a) => names(a.name).some((n) => key(n) === k));
  const found = find(wanted);
  if (found) return localText(found.name, locale);
  // "Department …, district office": each part by itself, when the pack knows every one.
  const parts = wanted.split(/\s*,\s*/);
  if (parts.length < 2) return null;
  const each = parts.map(find);
  return each.every((a) => a !== undefined)
    ? each.map((a) => (a ? localText(a.name, locale) : '')).join(', ')
    : null;
}

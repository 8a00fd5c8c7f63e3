import { languagesOf, type LocalText } from './local-text.ts';
import type { RulePack } from './rule-pack.schema.ts';

/** One text of a pack a user reads, with its path in the pack. */
export interface PackText {
  readonly path: readonly (string | number)[];
  readonly text: LocalText;
}

type Path = readonly (string | number)[];

function add(out: PackText[], path: Path, text: LocalText | undefined): void {
  if (text !== undefined) out.push({ path, text });
}

/**
 * Every user-facing text of a pack: names and titles, forms and their fields, local-style
 * citations, tier names and conduct, open questions, period names, the calendar's holiday names.
 * Notes are checked apart (`checkUnverifiedNotes`: only an unverified rule's note is read by
 * users); citations of sources are not in it.
 */
export function packTexts(pack: RulePack): PackText[] {
  const out: PackText[] = [];
  add(out, ['name'], pack.name);
  for (const [kind, text] of Object.entries(pack.periodNames)) add(out, ['periodNames', kind], text);
  pack.offenderKinds.forEach((k, i) => add(out, ['offenderKinds', i, 'title'], k.title));
  pack.authorities.forEach((a, i) => add(out, ['authorities', i, 'name'], a.name));
  for (const list of ['legalBases', 'coveredActivities', 'sourceCategories', 'exemptions'] as const) {
    pack[list].forEach((item, i) => {
      add(out, [list, i, 'title'], item.title);
      add(out, [list, i, 'cite'], item.cite);
    });
  }
  pack.thresholds.forEach((t, i) => add(out, ['thresholds', i, 'title'], t.title));
  pack.requirements.forEach((r, i) => {
    add(out, ['requirements', i, 'title'], r.title);
    add(out, ['requirements', i, 'text'], r.text);
  });
  pack.obligations.forEach((o, i) => {
    add(out, ['obligations', i, 'title'], o.title);
    add(out, ['obligations', i, 'form', 'title'], o.form.title);
    o.form.fields.forEach((f, j) => add(out, ['obligations', i, 'form', 'fields', j, 'title'], f.title));
  });
  pack.offences.forEach((o, i) => {
    add(out, ['offences', i, 'title'], o.title);
    add(out, ['offences', i, 'cite'], o.cite);
    o.tiers.forEach((t, j) => {
      add(out, ['offences', i, 'tiers', j, 'name'], t.name);
      add(out, ['offences', i, 'tiers', j, 'conduct'], t.conduct);
    });
  });
  pack.limitations.forEach((l, i) => {
    add(out, ['limitations', i, 'cite'], l.cite);
    l.openQuestions.forEach((q, j) => add(out, ['limitations', i, 'openQuestions', j], q));
  });
  pack.appeals.forEach((a, i) => {
    add(out, ['appeals', i, 'title'], a.title);
    add(out, ['appeals', i, 'cite'], a.cite);
    add(out, ['appeals', i, 'complaint', 'cite'], a.complaint.cite);
    if (a.consideration) add(out, ['appeals', i, 'consideration', 'cite'], a.consideration.cite);
    if (a.restoration) add(out, ['appeals', i, 'restoration', 'cite'], a.restoration.cite);
  });
  if (pack.fineUnit) add(out, ['fineUnit', 'name'], pack.fineUnit.name);
  pack.calendar.years.forEach((y, i) =>
    y.holidays.forEach((h, j) => add(out, ['calendar', 'years', i, 'holidays', j, 'name'], h.name)),
  );
  return out;
}

/** The notes of the pack's unverified rules and entries (`verified: false`), wherever they sit. */
export function unverifiedNotes(value: unknown, path: Path = []): PackText[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => unverifiedNotes(v, [...path, i]));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const out: PackText[] = [];
  const note = record.note;
  if (record.verified === false && (typeof note === 'string' || (typeof note === 'object' && note !== null)))
    out.push({ path: [...path, 'note'], text: note as LocalText });
  for (const [key, v] of Object.entries(record))
    if (key !== 'note') out.push(...unverifiedNotes(v, [...path, key]));
  return out;
}

/**
 * An unverified rule's note is the caveat users read beside its result (pages, documents, the
 * CLI): it must be given in every language the pack declares, like every other text users read.
 */
export function checkUnverifiedNotes(pack: RulePack): { path: Path; message: string }[] {
  return missingLanguages(pack, unverifiedNotes(pack));
}

function missingLanguages(pack: RulePack, texts: readonly PackText[]): { path: Path; message: string }[] {
  const issues: { path: Path; message: string }[] = [];
  for (const { path, text } of texts) {
    const has = languagesOf(text);
    for (const lang of pack.languages) {
      if (!has.includes(lang))
        issues.push({
          path: typeof text === 'string' ? path : [...path, lang],
          message: `the pack declares the language "${lang}" but this text has no "${lang}" version`,
        });
    }
  }
  return issues;
}

/** The texts lacking one of the pack's declared languages, with the missing language named. */
export function checkPackLanguages(pack: RulePack): { path: Path; message: string }[] {
  return missingLanguages(pack, packTexts(pack));
}

/**
 * Every object carrying both `source` and `verified` keeps them consistent: `unconfirmed` goes with
 * `verified: false`, every other kind with `verified: true`.
 */
export function checkSourceKinds(value: unknown, path: Path = []): { path: Path; message: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => checkSourceKinds(v, [...path, i]));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const issues: { path: Path; message: string }[] = [];
  if (typeof record.source === 'string' && typeof record.verified === 'boolean') {
    const expected = record.source !== 'unconfirmed';
    if (record.verified !== expected)
      issues.push({
        path: [...path, 'verified'],
        message: `a rule whose source is "${record.source}" must have verified: ${String(expected)}`,
      });
  }
  for (const [key, v] of Object.entries(record)) {
    // The calendar's years and entries use `source` for the text of their source, not its kind.
    if (path.length === 1 && path[0] === 'calendar' && (key === 'years' || key === 'neverMoved')) continue;
    issues.push(...checkSourceKinds(v, [...path, key]));
  }
  return issues;
}

/**
 * A copy of raw pack data in which every rule that states `verified` but no `source` gets the
 * source kind `verified` implies (true: `public-source`, false: `unconfirmed`), so that packs
 * written before source kinds existed still read. The shipped packs state `source` on every rule.
 */
export function withDefaultSourceKinds(value: unknown, path: Path = []): unknown {
  if (Array.isArray(value)) return value.map((v, i) => withDefaultSourceKinds(v, [...path, i]));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const skip = path.length === 1 && path[0] === 'calendar' && (key === 'years' || key === 'neverMoved');
    out[key] = skip ? v : withDefaultSourceKinds(v, [...path, key]);
  }
  if (typeof out.verified === 'boolean' && !('source' in out) && path.length > 0)
    out.source = out.verified ? 'public-source' : 'unconfirmed';
  return out;
}

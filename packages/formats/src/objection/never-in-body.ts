import type { Locale } from '@civic/core';
import { OBJECTION_TEMPLATES } from './objection-templates.ts';

/** What a filing's reader must never see, and where (issue 10, "Never in the body"). */
export interface NeverInBodyOptions {
  readonly lang: Locale;
  /** Codes of the pack and vocabularies that must not show (tier ids such as `inaccurate-information`). */
  readonly codes?: readonly string[];
  /** Latin words a ru/kk document may hold: proper names with no Cyrillic form. */
  readonly latinNames?: readonly string[];
  /** The text has one paragraph per line (DOCX): each line must then start with a capital. */
  readonly paragraphs?: boolean;
}

// Abbreviations a sentence may continue after in lower case («2021 г. и», «вх. №», "e.g. a").
const ABBREVIATIONS = new Set([
  'г',
  'гг',
  'вх',
  'ст',
  'п',
  'пп',
  'мес',
  'no',
  'art',
  'arts',
  'т',
  'е',
  'см',
  'g',
  'e',
]);

function check(found: string[], what: string, text: string, re: RegExp): void {
  const m = re.exec(text);
  if (m) found.push(`${what}: «${m[0]}»`);
}

/**
 * Finds what may never stand in a filing drafted for a court or an official: returns one line per
 * kind of defect (empty when clean). The lawyer's note at the top is exempt from the wording rules
 * but never from ids and codes; the annexed register alone may hold sha256 hashes. Works on the
 * text a reader gets back (pdftotext, a DOCX's paragraphs).
 */
export function neverInBody(text: string, options: NeverInBodyOptions): string[] {
  const t = OBJECTION_TEMPLATES[options.lang];
  const found: string[] = [];
  const flat = text.replace(/\s+/g, ' ');
  const noteEnd = flat.indexOf(t.lawyerNoteEnd);
  const afterNote = noteEnd < 0 ? flat : flat.slice(noteEnd + t.lawyerNoteEnd.length);
  const annexAt = afterNote.lastIndexOf(t.registerHeading);
  // The register heading also stands in the list of annexes: the table is after its last mention.
  const hasTable = annexAt >= 0 && /[0-9a-f]{64}/.test(afterNote.slice(annexAt));
  const body = hasTable ? afterNote.slice(0, annexAt) : afterNote;
  const noteAndBody = flat.slice(0, flat.length - afterNote.length) + body;
  check(found, 'an ISO date', flat, /\b\d{4}-\d{2}-\d{2}\b/);
  check(found, 'an internal id', flat, /\b[a-z]{2,5}_[A-Za-z0-9]{4,}/);
  check(found, 'a code', flat, /\b[A-Z][A-Z0-9]{2,}(?:_[A-Z0-9]+)+\b/);
  for (const code of options.codes ?? []) if (flat.includes(code)) found.push(`a code: «${code}»`);
  check(found, 'a source mark', flat, /\[[CDU]\]|§/);
  check(
    found,
    'a research note',
    flat,
    /\b(?:the brief|legal brief|legal-brief|research note|TODO|FIXME)\b/i,
  );
  check(found, 'a doubled full stop', flat, /[^.]\.\s*\.(?!\.)/);
  check(found, 'a hash in the body', body, /\b[0-9a-f]{40,}\b|sha-?256/i);
  for (const m of flat.matchAll(/(\S*)([.!?])\s+([a-zа-яёәғқңөұүһі])/gu)) {
    const before = (m[1] ?? '').replace(/^.*[^\p{L}\p{N}]/u, '').toLowerCase();
    if (m[2] === '.' && ABBREVIATIONS.has(before)) continue;
    found.push(`a sentence starting in lower case: «${m[0]}»`);
    break;
  }
  if (options.paragraphs)
    for (const line of text.split('\n')) {
      const start = line.trim().replace(/^\d+\.\s+/, '');
      if (/^[a-zа-яёәғқңөұүһі]/u.test(start)) {
        found.push(`a paragraph starting in lower case: «${start.slice(0, 40)}»`);
        break;
      }
    }
  if (options.lang !== 'en') {
    const names = new Set((options.latinNames ?? []).flatMap((n) => n.split(/\s+/)));
    const latin = [...noteAndBody.matchAll(/[A-Za-z][A-Za-z0-9.-]*/g)]
      .map((m) => m[0].replace(/[.-]+$/, ''))
      .filter((w) => !/^F\.\d{3}\.\d{2}$/.test(w) && !/^[IVX]+$/.test(w) && !names.has(w));
    if (latin.length > 0)
      found.push(`Latin words in a ${options.lang} document: «${latin.slice(0, 5).join(', ')}»`);
  }
  return found;
}

import { formatDateCase, isDateCase, type FindingParam, type Locale } from '@civic/core';
import { currencyWord, isIsoDay, localNumber, longDate } from './document-format.ts';
import type { ObjectionTemplate } from './objection-templates.ts';
import { capitalise } from './objection-words.ts';
import type { LawyerNote, ObjectionData, ObjectionFact, ObjectionGround } from './objection.ts';

// The sentences of an objection, worded from its phrase tables: facts, grounds, the lawyer's note.

/**
 * Replaces `{name}` with params; unknown names stay as they are. An ISO day is written in the
 * language's long form, in the case its `{name:case}` hint asks for (core `formatDateCase`:
 * `{date:of}` → «2021 жылғы 15 қаңтардағы», «от 15 января 2021 г.»).
 */
export function fill(
  template: string,
  params: Readonly<Record<string, FindingParam | undefined>>,
  lang: Locale,
): string {
  return template.replace(/\{(\w+)(?::(\w+))?\}/g, (m, name: string, hint: string | undefined) => {
    const v = params[name];
    if (v === undefined || v === null) return m;
    if (isIsoDay(v)) return hint && isDateCase(hint) ? formatDateCase(lang, v, hint) : longDate(v, lang);
    return String(v);
  });
}

/** One sentence: a capital first letter, single spaces, one full stop at the end, never two. */
export function sentence(text: string): string {
  const t = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s+([.,;:])/g, '$1')
    .replace(/\.+$/, '');
  const one = capitalise(t.replace(/([^.])\.\.(?!\.)/g, '$1.'));
  return /[?!]$/.test(one) ? one : `${one}.`;
}

/** Whether free text recorded in a case reads in the document's language (never English in ru/kk). */
function inLanguage(text: string, lang: Locale): boolean {
  if (lang === 'en') return true;
  if (/[A-Za-z]{3,}/.test(text.replace(/F\.\d{3}\.\d{2}/g, ''))) return false;
  // Kazakh text has letters Russian lacks; a phrase of several words without one is Russian.
  if (lang === 'kk' && text.trim().split(/\s+/).length > 2) return /[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/.test(text);
  return /[А-Яа-яЁё]/.test(text);
}

export function factText(t: ObjectionTemplate, f: ObjectionFact, lang: Locale): string {
  const parts = [`${f.date ? longDate(f.date, lang) : t.undated} — ${t.actionKinds[f.kind]}`];
  const by = [f.authority, f.office, f.place].filter((x): x is string => !!x).join(', ');
  if (by) parts[0] += ` (${by})`;
  if (f.article) parts.push(fill(t.factArticle, { article: f.article, tier: f.tier ?? '—' }, lang));
  if (f.what)
    parts.push(
      fill(t.factAllegation, { what: inLanguage(f.what, lang) ? f.what : t.allegationToWrite }, lang),
    );
  if (f.committedOn) parts.push(fill(t.factCommitted, { date: f.committedOn }, lang));
  const p = f.penalty;
  if (p && (p.mci !== null || p.amount !== null))
    parts.push(
      fill(
        t.factFine,
        {
          mci: p.mci === null ? '—' : localNumber(p.mci, lang),
          amount: p.amount === null ? '—' : localNumber(p.amount, lang),
          currency: currencyWord(p.currency, lang),
        },
        lang,
      ),
    );
  if (p?.suspensionMonths) parts.push(fill(t.factSuspension, { months: t.months(p.suspensionMonths) }, lang));
  // Each part is its own sentence: «… Алматы). Статья 460-1 КоАП РК, состав: …».
  return parts.map(sentence).join(' ');
}

function groundParams(
  t: ObjectionTemplate,
  g: ObjectionGround,
  lang: Locale,
  row: number | null,
): Record<string, FindingParam> {
  const params: Record<string, FindingParam> = { ...g.params, row };
  for (const [key, v] of Object.entries(params)) {
    if (v === null) params[key] = '—';
    else if (isIsoDay(v))
      continue; // written by `fill`, in the case the template asks for
    else if (typeof v === 'number' && key !== 'year' && !key.endsWith('Year'))
      params[key] = localNumber(v, lang);
    else if (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v)) params[key] = localNumber(v, lang);
  }
  for (const key of ['period', 'window']) {
    const v = params[key];
    if (typeof v === 'string') params[key] = t.period(v);
  }
  if (typeof params['currency'] === 'string') params['currency'] = currencyWord(params['currency'], lang);
  return params;
}

/**
 * A ground in the document's words; a rule not confirmed is argued conditionally («Если …»), never
 * stated as fact. The continuing-offence reading follows only as the alternative, and only where it
 * also favours the defence (its period also ran out before the ruling).
 */
export function groundText(
  t: ObjectionTemplate,
  g: ObjectionGround,
  lang: Locale,
  row: number | null,
): string {
  const template = t.grounds[g.code];
  if (!template) return lang === 'en' ? sentence(g.message) : t.groundToWrite;
  const params = groundParams(t, g, lang, row);
  const main = g.verified
    ? sentence(fill(template, params, lang))
    : sentence(`${t.conditional} ${fill(template, params, lang)}`);
  const alt = g.code === 'LIMITATION_EXPIRED' && isIsoDay(g.params['alternativeExpiresOn']);
  return alt ? `${main} ${sentence(fill(t.alternativeContinuing, params, lang))}` : main;
}

/** The lawyer's note, each item saying what it is about in the note's language. */
export function noteItems(t: ObjectionTemplate, data: ObjectionData, lang: Locale): string[] {
  const items: string[] = [];
  data.grounds.forEach((g, i) => {
    if (!g.verified && g.cite) items.push(fill(t.note.groundUnverified, { n: i + 1, cite: g.cite }, lang));
  });
  if (data.rulingOn && !data.rulingNumber) items.push(t.note.blankNumber);
  if (data.rulingOn && !data.rulingOfficial) items.push(t.note.blankOfficial);
  for (const n of data.notes ?? []) items.push(noteText(t, n, lang));
  return items.map(sentence);
}

function noteText(t: ObjectionTemplate, n: LawyerNote, lang: Locale): string {
  switch (n.kind) {
    case 'open-question':
      return fill(t.note.openQuestion, { text: n.text }, lang);
    case 'deadline': {
      const readings = n.readings
        .map((r) => fill(t.note.deadlineReading, { count: t.dayCount(r.days, r.unit), date: r.due }, lang))
        .join('; ');
      return `${sentence(fill(t.note.deadline, { cite: n.cite ?? '—', readings }, lang))} ${fill(t.note.deadlineAct, { date: n.act }, lang)}`;
    }
    case 'restoration-rule':
      return fill(t.note.restorationRule, { cite: n.cite }, lang);
    case 'continuing':
      return fill(t.note.continuing, { startsOn: n.startsOn, expiresOn: n.expiresOn }, lang);
    case 'offence-part':
      return fill(t.note.offencePart, { cite: n.cite }, lang);
    case 'untranslated':
      return fill(t.note.untranslated, { text: n.text }, lang);
  }
}

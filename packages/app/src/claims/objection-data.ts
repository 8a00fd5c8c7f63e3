import {
  knownAuthorityName,
  isCalendarDate,
  localPlaceName,
  localText,
  plainDecimal,
  type CalendarDate,
  type CaseAction,
  type Finding,
  type Locale,
  type RulePack,
} from '@civic/core';
import type { LawyerNote, ObjectionData, ObjectionGround } from '@civic/formats';
import { findOrganisation } from '@civic/store';
import type { AppContext } from '../context.ts';
import { organisationNameIn } from '../organisation-name.ts';
import { loadRulePack } from '../rules/load-rule-pack.ts';
import type { CaseCheckResult } from './case-check.ts';
import { actionDate } from './case-view.ts';

/** Who a complaint is addressed to (`--to`): the court with jurisdiction, or a higher official. */
export type ObjectionAddressee = 'court' | 'higher-official';

/** A place name in the document's language as it was on the day (Нур-Султан in 2021), else as recorded. */
function placeIn(name: string | null, lang: Locale, on: CalendarDate | null): string | null {
  if (!name) return null;
  return on ? localPlaceName(name, lang, on) : localPlaceName(name, lang);
}

/**
 * Whether a recorded name can stand in a document of the language as it is: English takes Latin
 * letters, Kazakh a text with Kazakh letters (or a single word, a proper name), Russian Cyrillic.
 */
function inScriptOf(text: string, lang: Locale): boolean {
  if (lang === 'en') return !/[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]/.test(text);
  if (lang === 'kk') return /[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/.test(text) || !/\s/.test(text.trim());
  return /[А-Яа-яЁё]/.test(text);
}

/** The pack's provision for a finding code: the limitation rule, else the offence; none for records. */
function ruleOfFinding(pack: RulePack, code: string, article: string | null) {
  if (code.startsWith('RECORD_')) return null;
  if (code.startsWith('LIMITATION_')) {
    const l = pack.limitations.find((x) => x.articles.includes(article ?? '')) ?? pack.limitations[0];
    return l ? { cite: l.cite, source: l.source } : null;
  }
  const offence = pack.offences.find((o) => o.article === article) ?? pack.offences[0];
  return offence ? { cite: offence.cite, source: offence.source } : null;
}

/** "10 working days" (the appeal check's reading) as a count and a unit. */
function readingOf(basis: string): { days: number; unit: 'working' | 'calendar' } | null {
  const m = /^(\d+) (working|calendar) days?$/.exec(basis);
  return m ? { days: Number(m[1]), unit: m[2] === 'working' ? 'working' : 'calendar' } : null;
}

/** The grounds: each finding that favours the defence, once; a conceding one never enters. */
function groundsOf(
  pack: RulePack | null,
  findings: readonly Finding[],
  ruling: CaseAction | undefined,
  lang: Locale,
) {
  const seen = new Set<string>();
  const offence = pack?.offences.find((o) => o.article === (ruling?.article ?? null)) ?? pack?.offences[0];
  return findings
    .filter((f) => {
      const key = `${f.code}|${f.message}`;
      if (!f.favoursDefence || seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((f): ObjectionGround => {
      const rule = pack ? ruleOfFinding(pack, f.code, ruling?.article ?? null) : null;
      const params = { ...f.params };
      const tier = offence?.tiers.find((x) => x.id === params['tier']);
      if (tier) params['tier'] = localText(tier.name ?? tier.conduct, lang);
      return {
        code: f.code,
        message: f.message,
        citation: f.citation,
        verified: f.verified,
        params,
        cite: rule?.cite ? localText(rule.cite, lang) : null,
        source: rule ? (f.verified ? rule.source : 'unconfirmed') : null,
      };
    });
}

/** The points the lawyer must check that the grounds and blanks do not already say. */
function notesOf(
  pack: RulePack | null,
  r: CaseCheckResult,
  ruling: CaseAction | undefined,
  grounds: readonly ObjectionGround[],
  lang: Locale,
): LawyerNote[] {
  const notes: LawyerNote[] = [];
  const limitation = grounds.filter((g) => g.code.startsWith('LIMITATION_'));
  if (limitation.length > 0)
    for (const q of pack?.limitations.flatMap((l) => l.openQuestions) ?? [])
      notes.push({ kind: 'open-question', text: localText(q, lang) });
  for (const g of limitation) {
    const startsOn = g.params['alternativeStartsOn'];
    const expiresOn = g.params['alternativeExpiresOn'];
    if (
      g.code === 'LIMITATION_EXPIRED_IF_NOT_CONTINUING' &&
      typeof startsOn === 'string' &&
      isCalendarDate(startsOn) &&
      typeof expiresOn === 'string' &&
      isCalendarDate(expiresOn)
    )
      notes.push({ kind: 'continuing', startsOn, expiresOn });
  }
  const offence = pack?.offences.find((o) => o.article === (ruling?.article ?? null));
  const tier = offence?.tiers.find((t) => t.id === ruling?.tier);
  if (offence?.cite && tier && tier.part === null)
    notes.push({ kind: 'offence-part', cite: localText(offence.cite, lang) });
  const appealCheck = ruling
    ? r.check.actions.find((a) => a.actionId === ruling.id)?.check?.appeal
    : undefined;
  const appealRule = pack?.appeals[0];
  if (appealCheck?.dueSafe && !appealCheck.verified) {
    const readings = appealCheck.readings.flatMap((x) => {
      const reading = readingOf(x.basis);
      return reading ? [{ ...reading, due: x.due }] : [];
    });
    const cite = appealRule?.complaint.cite ? localText(appealRule.complaint.cite, lang) : null;
    notes.push({ kind: 'deadline', cite, readings, act: appealCheck.dueSafe });
  }
  const restoration = appealRule?.restoration;
  if (appealCheck?.dueSafe && appealCheck.dueSafe < r.check.asOf && restoration && !restoration.verified)
    notes.push({ kind: 'restoration-rule', cite: localText(restoration.cite, lang) });
  return notes;
}

/**
 * The facts of an objection from a checked case, in one language: only events on or before the
 * check's date, places named as they were on the day; each ground that favours the defence (once)
 * with its provision cited as lawyers cite it and its source kind; the provisions each request
 * point rests on; the organisation's records in the annex register; the lawyer's note.
 */
export async function objectionData(
  ctx: AppContext,
  r: CaseCheckResult,
  lang: Locale = 'ru',
  to: ObjectionAddressee = 'court',
): Promise<ObjectionData> {
  const c = r.case;
  const asOf = r.check.asOf;
  const org = await findOrganisation(ctx.store.db, c.organisationId);
  const packR = await loadRulePack(c.pack);
  const pack = packR.ok ? packR.value : null;
  const happened = c.actions.filter((a) => {
    const on = actionDate(a);
    return on === null || on <= asOf;
  });
  const ruling = happened.filter((a) => a.kind === 'ruling' && a.rulingOn !== null).at(-1);
  const addressed = ruling ?? [...happened].reverse().find((a) => a.authority !== null) ?? null;
  const offence = pack?.offences.find((o) => o.article === (ruling?.article ?? null)) ?? pack?.offences[0];
  const tierName = (id: string | null): string | null => {
    const t = offence?.tiers.find((x) => x.id === id);
    return t ? localText(t.name ?? t.conduct, lang) : id;
  };
  const articleCite = (article: string | null): string | null => {
    const o = pack?.offences.find((x) => x.article === article);
    return o?.cite ? localText(o.cite, lang) : article;
  };
  const grounds = groundsOf(pack, r.check.findings, ruling, lang);
  // A name the pack cannot write in the document's language is kept as recorded and flagged in
  // the lawyer's note (never silently left in another language).
  const untranslated = new Set<string>();
  const named = (text: string | null): string | null => {
    if (!text || !pack) return text;
    const known = knownAuthorityName(pack, text, lang);
    if (known === null && !inScriptOf(text, lang)) untranslated.add(text);
    return known ?? text;
  };
  const limitationRule =
    pack?.limitations.find((x) => x.articles.includes(ruling?.article ?? '')) ?? pack?.limitations[0];
  const restoration = pack?.appeals[0]?.restoration;
  const appealCheck = ruling
    ? r.check.actions.find((a) => a.actionId === ruling.id)?.check?.appeal
    : undefined;
  const due = appealCheck?.dueSafe ?? appealCheck?.deadline ?? null;
  const orgPlace = placeIn(org?.city ?? null, lang, asOf);
  return {
    caseId: c.id,
    caseTitle: c.title,
    draftedOn: asOf,
    illustrative: c.illustrative || c.actions.some((a) => a.illustrative),
    organisation: { name: organisationNameIn(org ?? null, lang), bin: org?.bin ?? null, city: orgPlace },
    authority: {
      name: named(addressed?.authority ?? null),
      office: named(addressed?.office ?? null),
      place: placeIn(addressed?.place ?? null, lang, addressed ? actionDate(addressed) : asOf),
    },
    rulingOn: ruling?.rulingOn ?? null,
    rulingNumber: ruling?.number ?? null,
    rulingOfficial: ruling?.official ?? null,
    rulingIllustrative: ruling?.illustrative ?? false,
    facts: happened.map((a) => ({
      date: actionDate(a),
      kind: a.kind,
      authority: named(a.authority),
      office: named(a.office),
      place: placeIn(a.place, lang, actionDate(a)),
      article: articleCite(a.article),
      tier: tierName(a.tier),
      what: a.offence?.what ?? null,
      reference: a.offence?.reference ?? null,
      committedOn: a.offence?.committedOn ?? null,
      penalty: a.penalty
        ? {
            mci: a.penalty.mci,
            amount: a.penalty.amount ? plainDecimal(a.penalty.amount.minor, a.penalty.amount.currency) : null,
            currency: a.penalty.amount?.currency ?? null,
            suspensionMonths: a.penalty.suspensionMonths,
          }
        : null,
      notes: null,
    })),
    grounds,
    exhibits: [],
    annexes: happened.flatMap((a) => a.documents.map((d) => ({ name: d.name, sha256: d.sha256 }))),
    appealDeadline: due ? { date: due, verified: appealCheck?.verified ?? false } : null,
    to,
    place: placeIn(addressed?.place ?? org?.city ?? null, lang, asOf),
    address: orgPlace,
    requestBasis: {
      limitation: limitationRule?.cite ? localText(limitationRule.cite, lang) : null,
      restoration: restoration ? localText(restoration.cite, lang) : null,
      offence: offence?.cite ? localText(offence.cite, lang) : null,
    },
    notes: [
      ...notesOf(pack, r, ruling, grounds, lang),
      ...[...untranslated].map((text) => ({ kind: 'untranslated' as const, text })),
    ],
    register: r.check.exhibits.map((e) => ({
      submittedOn: e.submittedOn,
      form: e.form ?? '',
      periodFrom: e.periodFrom ?? null,
      periodTo: e.periodTo ?? null,
      incomingNumber: e.incomingNumber,
      sha256: e.contentHash,
    })),
  };
}

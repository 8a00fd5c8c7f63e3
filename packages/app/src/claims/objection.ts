import { readFile } from 'node:fs/promises';
import {
  domainError,
  err,
  findPlace,
  isLocale,
  localText,
  ok,
  plainDecimal,
  type CalendarDate,
  type LegalCase,
  type Locale,
  type Result,
  type RulePack,
  type SourceKind,
} from '@civic/core';
import {
  composeObjection,
  longDate as longDateOf,
  renderObjectionDocx,
  renderObjectionPdf,
  type ObjectionData,
  type ObjectionText,
} from '@civic/formats';
import { findOrganisation } from '@civic/store';
import type { AppContext } from '../context.ts';
import { appendLogEntry } from '../log/hash-log.ts';
import { loadRulePack } from '../rules/load-rule-pack.ts';
import { checkCase, type CaseCheckResult } from './case-check.ts';
import { sha256OfBytes } from './cases.ts';
import { actionDate } from './case-view.ts';

export type ObjectionFormat = 'docx' | 'pdf';

let fonts: { regular: Uint8Array; bold: Uint8Array } | undefined;
/** DejaVu Sans (with Cyrillic), bundled in assets/fonts. */
async function objectionFonts(): Promise<{ regular: Uint8Array; bold: Uint8Array }> {
  if (fonts) return fonts;
  const dir = new URL('../../../../assets/fonts/', import.meta.url);
  fonts = {
    regular: await readFile(new URL('DejaVuSans.ttf', dir)),
    bold: await readFile(new URL('DejaVuSans-Bold.ttf', dir)),
  };
  return fonts;
}

/** Who a complaint is addressed to (`--to`): the court with jurisdiction, or a higher official. */
export type ObjectionAddressee = 'court' | 'higher-official';

const SOURCE_PHRASES: Readonly<Record<Locale, Readonly<Record<SourceKind, string>>>> = {
  ru: {
    'official-text': 'Норма сверена с официальным текстом',
    'public-source': 'Норма приведена по публичному источнику',
    derived: 'Вывод сделан из подтверждённых источниками данных',
    unconfirmed: 'Норма не подтверждена: проверить по официальному тексту',
  },
  kk: {
    'official-text': 'Норма ресми мәтінмен салыстырылған',
    'public-source': 'Норма жария дереккөз бойынша келтірілген',
    derived: 'Қорытынды расталған деректерден шығарылған',
    unconfirmed: 'Норма расталмаған: ресми мәтін бойынша тексеру қажет',
  },
  en: {
    'official-text': 'The rule was checked against the official text',
    'public-source': 'The rule is cited from a public source',
    derived: 'Derived from facts confirmed in sources',
    unconfirmed: 'The rule is unconfirmed: check it against the official text',
  },
};

/** A place name in the document's language (the gazetteer's), else as recorded. */
function placeIn(name: string | null, lang: Locale): string | null {
  if (!name) return null;
  const p = findPlace(name);
  if (!p) return name;
  return lang === 'ru' ? p.nameRu : lang === 'kk' ? p.nameKk : p.name;
}

/** The pack's provisions for a finding code: the limitation rule, the appeal rule, else the offence. */
function ruleOfFinding(pack: RulePack, code: string, article: string | null) {
  const offence = pack.offences.find((o) => o.article === article) ?? pack.offences[0];
  if (code.startsWith('LIMITATION_')) {
    const l = pack.limitations.find((x) => x.articles.includes(article ?? '')) ?? pack.limitations[0];
    return l
      ? { cite: l.cite, source: l.source, verified: l.verified && l.openQuestions.length === 0 }
      : null;
  }
  if (code.startsWith('RECORD_')) return null;
  return offence ? { cite: offence.cite, source: offence.source, verified: offence.verified } : null;
}

/**
 * The facts of an objection from a checked case, in one language: only events on or before the
 * check's date; each ground that favours the defence (once) with its provision cited as lawyers
 * cite it and the phrase of its source kind; the organisation's records in the annex register; the
 * unverified points for the lawyer's note.
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
  const rulings = happened.filter((a) => a.kind === 'ruling' && a.rulingOn !== null);
  const ruling = rulings.at(-1);
  const addressed = ruling ?? [...happened].reverse().find((a) => a.authority !== null) ?? null;
  const seen = new Set<string>();
  const grounds = r.check.findings.filter((f) => {
    const key = `${f.code}|${f.message}`;
    if (!f.favoursDefence || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const offence = pack?.offences.find((o) => o.article === (ruling?.article ?? null)) ?? pack?.offences[0];
  const tierName = (id: string | null): string | null => {
    const t = offence?.tiers.find((x) => x.id === id);
    return t ? localText(t.name ?? t.conduct, lang) : id;
  };
  const articleCite = (article: string | null): string | null => {
    const o = pack?.offences.find((x) => x.article === article);
    return o?.cite ? localText(o.cite, lang) : article;
  };
  const rulingCheck = ruling ? r.check.actions.find((a) => a.actionId === ruling.id)?.check : undefined;
  const lawyerNotes: string[] = [];
  const groundViews = grounds.map((f) => {
    const rule = pack ? ruleOfFinding(pack, f.code, ruling?.article ?? null) : null;
    const cite = rule?.cite ? localText(rule.cite, lang) : null;
    const source = f.verified ? (rule?.source ?? 'public-source') : 'unconfirmed';
    if (!f.verified && cite) lawyerNotes.push(`${SOURCE_PHRASES[lang].unconfirmed}: ${cite}`);
    const params = { ...f.params };
    if (typeof params['tier'] === 'string') params['tier'] = tierName(params['tier']);
    return {
      code: f.code,
      message: f.message,
      citation: f.citation,
      verified: f.verified,
      params,
      cite,
      sourcePhrase: f.code.startsWith('RECORD_') ? null : SOURCE_PHRASES[lang][source],
    };
  });
  for (const q of pack?.limitations.flatMap((l) => l.openQuestions) ?? [])
    if (grounds.some((g) => g.code.startsWith('LIMITATION_'))) lawyerNotes.push(localText(q, lang));
  const due = rulingCheck?.appeal.dueSafe ?? rulingCheck?.appeal.deadline ?? null;
  if (due && rulingCheck && !rulingCheck.appeal.verified) {
    const readings = rulingCheck.appeal.readings.map((x) => longDateOf(x.due, lang)).join(' / ');
    lawyerNotes.push(`${SOURCE_PHRASES[lang].unconfirmed}: ${readings}`);
  }
  const place = placeIn(addressed?.place ?? org?.city ?? null, lang);
  return {
    caseId: c.id,
    caseTitle: c.title,
    draftedOn: asOf,
    illustrative: c.illustrative || c.actions.some((a) => a.illustrative),
    organisation: { name: org?.name ?? '', bin: org?.bin ?? null, city: placeIn(org?.city ?? null, lang) },
    authority: {
      name: addressed?.authority ?? null,
      office: addressed?.office ?? null,
      place: placeIn(addressed?.place ?? null, lang),
    },
    rulingOn: ruling?.rulingOn ?? null,
    facts: happened.map((a) => ({
      date: actionDate(a),
      kind: a.kind,
      authority: a.authority,
      office: a.office,
      place: placeIn(a.place, lang),
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
    grounds: groundViews,
    exhibits: [],
    annexes: happened.flatMap((a) => a.documents.map((d) => ({ name: d.name, sha256: d.sha256 }))),
    appealDeadline: due ? { date: due, verified: rulingCheck?.appeal.verified ?? false } : null,
    to,
    place,
    address: placeIn(org?.city ?? null, lang),
    lawyerNotes,
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

/**
 * Nothing left to complain of on the draft's date: the ruling was withdrawn or a court annulled it
 * on or before that date. Returns the reason, or null when there is a ruling to annul.
 */
export function nothingToAnnul(c: LegalCase, asOf: CalendarDate): string | null {
  const ruling = c.actions
    .filter((a) => a.kind === 'ruling' && a.rulingOn !== null && a.rulingOn <= asOf)
    .at(-1);
  if (!ruling?.rulingOn) return null;
  const after = c.actions.find((a) => {
    const on = actionDate(a);
    if (on === null || on > asOf || on < (ruling.rulingOn ?? on)) return false;
    return a.kind === 'withdrawal' || (a.kind === 'court-decision' && a.outcome === 'annulled');
  });
  if (!after) return null;
  const on = actionDate(after) ?? '';
  return after.kind === 'withdrawal'
    ? `the ruling of ${ruling.rulingOn} was withdrawn on ${on}, before the draft's date ${asOf}: there is nothing to annul`
    : `a court annulled the ruling of ${ruling.rulingOn} on ${on}, before the draft's date ${asOf}: there is nothing to annul`;
}

export interface DraftedObjection {
  readonly text: ObjectionText;
  readonly bytes: Uint8Array;
  readonly sha256: string;
  readonly mediaType: string;
  readonly fileName: string;
}

/**
 * Drafts an objection (a complaint when the case has a ruling) from a case: DOCX the lawyer edits,
 * or PDF; in Russian, Kazakh or English. Appends `claim.objection-drafted` (language, format,
 * sha256) to the organisation's log. Errors: CASE_NOT_FOUND, OBJECTION_LANG_INVALID, OBJECTION_FORMAT_INVALID.
 */
export async function draftObjection(
  ctx: AppContext,
  caseId: string,
  options: { lang: string; format: string; asOf?: CalendarDate; to?: string },
): Promise<Result<DraftedObjection>> {
  const to = options.to ?? 'court';
  if (to !== 'court' && to !== 'higher-official')
    return err(
      domainError('OBJECTION_TO_INVALID', `to: "${to}" is not court or higher-official`, { field: 'to' }),
    );
  if (!isLocale(options.lang))
    return err(
      domainError('OBJECTION_LANG_INVALID', `lang: "${options.lang}" is not one of ru, kk, en`, {
        field: 'lang',
      }),
    );
  if (options.format !== 'docx' && options.format !== 'pdf')
    return err(
      domainError('OBJECTION_FORMAT_INVALID', `format: "${options.format}" is not docx or pdf`, {
        field: 'format',
      }),
    );
  const lang: Locale = options.lang;
  const checked = await checkCase(ctx, caseId, options.asOf === undefined ? {} : { asOf: options.asOf });
  if (!checked.ok) return checked;
  const nothing = nothingToAnnul(checked.value.case, checked.value.check.asOf);
  if (nothing !== null) return err(domainError('OBJECTION_NOTHING_TO_ANNUL', nothing, { field: 'asOf' }));
  const text = composeObjection(await objectionData(ctx, checked.value, lang, to), lang);
  const bytes =
    options.format === 'docx'
      ? await renderObjectionDocx(text)
      : await renderObjectionPdf(text, {
          fonts: await objectionFonts(),
          created: new Date(`${checked.value.check.asOf}T00:00:00Z`),
        });
  const sha256 = sha256OfBytes(bytes);
  await appendLogEntry(ctx, {
    org: checked.value.case.organisationId,
    kind: 'claim.objection-drafted',
    subjectId: caseId,
    content: { lang, format: options.format, sha256, size: bytes.byteLength },
  });
  return ok({
    text,
    bytes,
    sha256,
    mediaType:
      options.format === 'docx'
        ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
        : 'application/pdf',
    fileName: `objection-${caseId}-${lang}.${options.format}`,
  });
}

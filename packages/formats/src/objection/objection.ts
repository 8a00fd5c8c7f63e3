import {
  formatDecimalMoney,
  formatLongDate,
  type CalendarDate,
  type CaseActionKind,
  type FindingParam,
  type Locale,
} from '@civic/core';
import { OBJECTION_TEMPLATES, type ObjectionTemplate } from './objection-templates.ts';

/** The facts of an objection, language-neutral: app gathers them from a case and its check. */
export interface ObjectionData {
  readonly caseId: string;
  readonly caseTitle: string;
  readonly draftedOn: CalendarDate;
  /** Parts of the case are illustrative (demo data): the draft says so at the top. */
  readonly illustrative: boolean;
  readonly organisation: { readonly name: string; readonly bin: string | null; readonly city: string | null };
  /** The authority the objection answers (of the ruling, else of the latest action). */
  readonly authority: {
    readonly name: string | null;
    readonly office: string | null;
    readonly place: string | null;
  };
  /** The ruling contested, when there is one. */
  readonly rulingOn: CalendarDate | null;
  readonly facts: readonly ObjectionFact[];
  readonly grounds: readonly ObjectionGround[];
  readonly exhibits: readonly { readonly description: string; readonly contentHash: string }[];
  readonly annexes: readonly { readonly name: string; readonly sha256: string }[];
  /** The last day to file, when known, and whether that rule is verified. */
  readonly appealDeadline: { readonly date: CalendarDate; readonly verified: boolean } | null;
}

export interface ObjectionFact {
  readonly date: CalendarDate | null;
  readonly kind: CaseActionKind;
  readonly authority: string | null;
  readonly office: string | null;
  readonly place: string | null;
  readonly article: string | null;
  readonly tier: string | null;
  readonly what: string | null;
  readonly reference: string | null;
  readonly committedOn: CalendarDate | null;
  readonly penalty: {
    readonly mci: number | null;
    readonly amount: string | null;
    readonly currency: string | null;
    readonly suspensionMonths: number | null;
  } | null;
  readonly notes: string | null;
}

/** One ground of the objection: a finding with its legal basis. */
export interface ObjectionGround {
  readonly code: string;
  /** The English message of the finding (used where a language has no template for the code). */
  readonly message: string;
  readonly citation: string | null;
  readonly verified: boolean;
  readonly params: Readonly<Record<string, FindingParam>>;
}

/** A block of the composed document: the renderers (DOCX, PDF) lay these out. */
export type ObjectionBlock =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string; readonly bold?: boolean }
  | { readonly kind: 'right'; readonly text: string }
  | { readonly kind: 'item'; readonly number: number; readonly text: string; readonly note?: string };

export interface ObjectionText {
  readonly lang: Locale;
  readonly title: string;
  readonly blocks: readonly ObjectionBlock[];
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Replaces `{name}` with params; unknown names stay as they are. Given a language, a parameter
 * that is a calendar date is written as the document writes dates («15 января 2021 года»): a
 * document that leaves the building carries no ISO dates.
 */
export function fill(
  template: string,
  params: Readonly<Record<string, FindingParam | undefined>>,
  lang?: Locale,
): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name];
    if (v === undefined || v === null) return m;
    return lang && typeof v === 'string' && ISO_DAY.test(v) ? documentDate(lang, v) : String(v);
  });
}

/** A date as the objection writes it: «15 января 2021 года», «2021 жылғы 15 қаңтар». */
export function documentDate(lang: Locale, date: string): string {
  return formatLongDate(lang, date, { document: true });
}

function factText(t: ObjectionTemplate, f: ObjectionFact, lang: Locale): string {
  const parts = [`${f.date ? documentDate(lang, f.date) : t.undated} — ${t.actionKinds[f.kind]}`];
  const by = [f.authority, f.office, f.place].filter((x): x is string => !!x).join(', ');
  if (by) parts[0] += ` (${by})`;
  if (f.article) parts.push(fill(t.factArticle, { article: f.article, tier: f.tier ?? '—' }));
  if (f.what || f.reference)
    parts.push(fill(t.factAllegation, { what: f.what ?? '—', reference: f.reference ?? '—' }));
  if (f.committedOn) parts.push(fill(t.factCommitted, { date: f.committedOn }, lang));
  const p = f.penalty;
  if (p && (p.mci !== null || p.amount !== null))
    parts.push(
      fill(t.factFine, {
        mci: p.mci ?? '—',
        money: p.amount !== null && p.currency ? formatDecimalMoney(lang, p.amount, p.currency) : '—',
      }),
    );
  if (p?.suspensionMonths) parts.push(fill(t.factSuspension, { months: t.months(p.suspensionMonths) }));
  if (f.notes) parts.push(f.notes);
  return parts.join('. ').replace(/\.\./g, '.') + '.';
}

function groundText(t: ObjectionTemplate, g: ObjectionGround, lang: Locale): string {
  const template = t.grounds[g.code];
  if (!template) return g.message;
  const params: Record<string, FindingParam> = { ...g.params };
  for (const key of ['period', 'window']) {
    const v = params[key];
    if (typeof v === 'string') params[key] = t.period(v);
  }
  return fill(template, params, lang);
}

/**
 * Composes the objection in one language from its facts: addressee and sender, the facts in
 * order, each ground with its legal basis and whether that rule is verified, the organisation's
 * records as exhibits, the request (terminate the proceedings, annul the ruling), annexes, date.
 */
export function composeObjection(data: ObjectionData, lang: Locale): ObjectionText {
  const t = OBJECTION_TEMPLATES[lang];
  const title = data.rulingOn ? fill(t.titleComplaint, { date: data.rulingOn }, lang) : t.titleObjection;
  const blocks: ObjectionBlock[] = [];
  if (data.illustrative) blocks.push({ kind: 'paragraph', text: t.illustrative, bold: true });
  const to = [data.authority.name, data.authority.office, data.authority.place]
    .filter((x): x is string => !!x)
    .join(', ');
  blocks.push({ kind: 'right', text: `${t.to}: ${to || t.unknownAuthority}` });
  blocks.push({
    kind: 'right',
    text: `${t.from}: ${data.organisation.name}${data.organisation.bin ? `, ${t.bin} ${data.organisation.bin}` : ''}${data.organisation.city ? `, ${data.organisation.city}` : ''}`,
  });
  blocks.push({ kind: 'title', text: title });
  blocks.push({
    kind: 'paragraph',
    text: fill(t.intro, { organisation: data.organisation.name, case: data.caseTitle }),
  });
  blocks.push({ kind: 'heading', text: t.factsHeading });
  data.facts.forEach((f, i) => blocks.push({ kind: 'item', number: i + 1, text: factText(t, f, lang) }));
  blocks.push({ kind: 'heading', text: t.groundsHeading });
  if (data.grounds.length === 0) blocks.push({ kind: 'paragraph', text: t.noGrounds });
  data.grounds.forEach((g, i) =>
    blocks.push({
      kind: 'item',
      number: i + 1,
      text: groundText(t, g, lang),
      note: `${t.basis}: ${g.citation ?? t.noCitation}. ${g.verified ? t.verified : t.unverified}`,
    }),
  );
  if (data.exhibits.length > 0) {
    blocks.push({ kind: 'heading', text: t.exhibitsHeading });
    blocks.push({ kind: 'paragraph', text: t.exhibitsIntro });
    data.exhibits.forEach((e, i) => blocks.push({ kind: 'item', number: i + 1, text: e.description }));
  }
  blocks.push({ kind: 'heading', text: t.requestHeading });
  blocks.push({ kind: 'paragraph', text: t.requestIntro });
  let n = 1;
  blocks.push({ kind: 'item', number: n++, text: t.requestTerminate });
  if (data.rulingOn)
    blocks.push({ kind: 'item', number: n++, text: fill(t.requestAnnul, { date: data.rulingOn }, lang) });
  if (data.grounds.some((g) => g.code.startsWith('SUSPENSION_')))
    blocks.push({ kind: 'item', number: n++, text: t.requestLiftSuspension });
  if (data.appealDeadline)
    blocks.push({
      kind: 'paragraph',
      text:
        fill(t.deadlineNote, { date: data.appealDeadline.date }, lang) +
        (data.appealDeadline.verified ? '' : ` ${t.unverified}`),
    });
  if (data.annexes.length > 0) {
    blocks.push({ kind: 'heading', text: t.annexesHeading });
    data.annexes.forEach((a, i) =>
      blocks.push({ kind: 'item', number: i + 1, text: `${a.name} (sha256 ${a.sha256})` }),
    );
  }
  blocks.push({ kind: 'paragraph', text: `${t.date}: ${documentDate(lang, data.draftedOn)}` });
  blocks.push({
    kind: 'paragraph',
    text: `${t.signature}: ____________________ (${data.organisation.name})`,
  });
  blocks.push({ kind: 'paragraph', text: fill(t.draftNote, { case: data.caseTitle }) });
  return { lang, title, blocks };
}

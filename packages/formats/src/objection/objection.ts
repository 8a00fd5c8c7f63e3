import type { CalendarDate, CaseActionKind, FindingParam, Locale } from '@civic/core';
import { currencyWord, isIsoDay, localNumber, longDate } from './document-format.ts';
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
  /** The last day to file (the earliest reading), when known, and whether that rule is verified. */
  readonly appealDeadline: { readonly date: CalendarDate; readonly verified: boolean } | null;
  /** Who the complaint goes to: the court with jurisdiction (default) or a higher official. */
  readonly to?: 'court' | 'higher-official';
  /** The place the document is signed in, in the document's language. */
  readonly place?: string | null;
  /** The organisation's address as its record gives it. */
  readonly address?: string | null;
  /** Points the lawyer must check before filing (unverified rules), in the document's language. */
  readonly lawyerNotes?: readonly string[];
  /** Filings offered in the annex table: date, form, period, incoming number, sha256. */
  readonly register?: readonly {
    readonly submittedOn: CalendarDate | null;
    readonly form: string;
    readonly periodFrom: CalendarDate | null;
    readonly periodTo: CalendarDate | null;
    readonly incomingNumber: string | null;
    readonly sha256: string;
  }[];
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
  /** The provision as lawyers cite it in the document's language («статья 62 КоАП РК»). */
  readonly cite?: string | null;
  /** The source-kind phrase of the rule, in the document's language. */
  readonly sourcePhrase?: string | null;
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

/** Replaces `{name}` with params; unknown names stay as they are. */
export function fill(template: string, params: Readonly<Record<string, FindingParam | undefined>>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name];
    return v === undefined || v === null ? m : String(v);
  });
}

function factText(t: ObjectionTemplate, f: ObjectionFact, lang: Locale): string {
  const parts = [`${f.date ? longDate(f.date, lang) : t.undated} — ${t.actionKinds[f.kind]}`];
  const by = [f.authority, f.office, f.place].filter((x): x is string => !!x).join(', ');
  if (by) parts[0] += ` (${by})`;
  if (f.article) parts.push(fill(t.factArticle, { article: f.article, tier: f.tier ?? '—' }));
  // The allegation as recorded; text in another script than the document's is left for the lawyer
  // to word (never English in a Russian or Kazakh filing). The reference names records, which the
  // annex register gives.
  if (f.what) {
    const fits = lang === 'en' || /[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]/.test(f.what);
    parts.push(
      fill(t.factAllegation, { what: fits ? f.what : t.groundToWrite }).replace(
        / \([^)]*\{reference\}[^)]*\)/,
        '',
      ),
    );
  }
  if (f.committedOn) parts.push(fill(t.factCommitted, { date: longDate(f.committedOn, lang) }));
  const p = f.penalty;
  if (p && (p.mci !== null || p.amount !== null))
    parts.push(
      fill(t.factFine, {
        mci: p.mci === null ? '—' : localNumber(p.mci, lang),
        amount: p.amount === null ? '—' : localNumber(p.amount, lang),
        currency: currencyWord(p.currency, lang),
      }),
    );
  if (p?.suspensionMonths) parts.push(fill(t.factSuspension, { months: t.months(p.suspensionMonths) }));
  return sentence(parts.join('. '));
}

/** One sentence: a single full stop at the end, never two. */
function sentence(text: string): string {
  return text.replace(/\s+$/, '').replace(/\.+$/, '').replace(/\.\./g, '.') + '.';
}

function groundText(t: ObjectionTemplate, g: ObjectionGround, lang: Locale): string {
  const template = t.grounds[g.code];
  if (!template) return lang === 'en' ? g.message : t.groundToWrite;
  const params: Record<string, FindingParam> = { ...g.params };
  for (const [key, v] of Object.entries(params)) {
    if (v === null) params[key] = '—';
    else if (isIsoDay(v)) params[key] = longDate(v, lang);
    else if (typeof v === 'number' && key !== 'year' && !key.endsWith('Year'))
      params[key] = localNumber(v, lang);
    else if (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v)) params[key] = localNumber(v, lang);
  }
  for (const key of ['period', 'window']) {
    const v = params[key];
    if (typeof v === 'string') params[key] = t.period(v);
  }
  if (typeof params['currency'] === 'string') params['currency'] = currencyWord(params['currency'], lang);
  // A rule not confirmed is argued conditionally, never stated as fact.
  const text = sentence(fill(template, params));
  return g.verified ? text : `${t.conditional} ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

/**
 * Composes the objection in one language from its facts: addressee and sender, the facts in
 * order, each ground with its legal basis and whether that rule is verified, the organisation's
 * records as exhibits, the request (terminate the proceedings, annul the ruling), annexes, date.
 */
export function composeObjection(data: ObjectionData, lang: Locale): ObjectionText {
  const t = OBJECTION_TEMPLATES[lang];
  const day = (d: CalendarDate): string => longDate(d, lang);
  const title = data.rulingOn ? fill(t.titleComplaint, { date: day(data.rulingOn) }) : t.titleObjection;
  const blocks: ObjectionBlock[] = [];
  // A note for the lawyer, above the document and removable: what is unverified, and the demo banner.
  const notes = data.lawyerNotes ?? [];
  if (data.illustrative || notes.length > 0) {
    blocks.push({ kind: 'paragraph', text: t.lawyerNoteHeading, bold: true });
    if (data.illustrative) blocks.push({ kind: 'paragraph', text: t.illustrative, bold: true });
    notes.forEach((n, i) => blocks.push({ kind: 'item', number: i + 1, text: n }));
    blocks.push({ kind: 'paragraph', text: t.lawyerNoteEnd });
  }
  const authority = [data.authority.name, data.authority.office, data.authority.place]
    .filter((x): x is string => !!x)
    .join(', ');
  const addressee =
    (data.to ?? 'court') === 'court'
      ? fill(t.toCourt, { place: data.place ?? data.authority.place ?? '' })
      : fill(t.toHigherOfficial, { authority: authority || t.unknownAuthority });
  blocks.push({ kind: 'right', text: addressee.replace(/\s+$/, '') });
  const applicant = [
    data.organisation.name,
    data.organisation.bin ? `${t.bin} ${data.organisation.bin}` : null,
    data.address ? `${t.address}: ${data.address}` : data.place ? `${t.address}: ${data.place}` : null,
  ].filter((x): x is string => !!x);
  blocks.push({ kind: 'right', text: `${t.from}: ${applicant.join(', ')}` });
  blocks.push({ kind: 'right', text: `${t.respondent}: ${authority || t.unknownAuthority}` });
  if (data.rulingOn)
    blocks.push({ kind: 'right', text: fill(t.rulingComplained, { date: day(data.rulingOn) }) });
  blocks.push({ kind: 'title', text: title });
  blocks.push({ kind: 'paragraph', text: sentence(fill(t.intro, { organisation: data.organisation.name })) });
  blocks.push({ kind: 'heading', text: t.factsHeading });
  data.facts.forEach((f, i) => blocks.push({ kind: 'item', number: i + 1, text: factText(t, f, lang) }));
  blocks.push({ kind: 'heading', text: t.groundsHeading });
  if (data.grounds.length === 0) blocks.push({ kind: 'paragraph', text: t.noGrounds });
  data.grounds.forEach((g, i) =>
    blocks.push({
      kind: 'item',
      number: i + 1,
      text: groundText(t, g, lang),
      note: sentence(
        [`${t.basis}: ${g.cite ?? t.noCitation}`, g.sourcePhrase ?? null].filter(Boolean).join('. '),
      ),
    }),
  );
  const restore = data.appealDeadline !== null && data.appealDeadline.date < data.draftedOn;
  if (restore && data.appealDeadline) {
    blocks.push({ kind: 'heading', text: t.restorationHeading });
    blocks.push({ kind: 'paragraph', text: fill(t.restoration, { date: day(data.appealDeadline.date) }) });
  }
  blocks.push({ kind: 'heading', text: t.requestHeading });
  let n = 1;
  if (restore) blocks.push({ kind: 'item', number: n++, text: t.requestRestore });
  if (data.rulingOn)
    blocks.push({ kind: 'item', number: n++, text: fill(t.requestAnnul, { date: day(data.rulingOn) }) });
  blocks.push({ kind: 'item', number: n++, text: t.requestTerminate });
  if (data.grounds.some((g) => g.code.startsWith('SUSPENSION_')))
    blocks.push({ kind: 'item', number: n++, text: t.requestLiftSuspension });
  const register = data.register ?? [];
  blocks.push({ kind: 'heading', text: t.annexesHeading });
  let a = 1;
  blocks.push({ kind: 'item', number: a++, text: t.annexCopyRuling });
  data.annexes.forEach((x) => blocks.push({ kind: 'item', number: a++, text: x.name }));
  if (register.length > 0) blocks.push({ kind: 'item', number: a++, text: t.registerHeading });
  blocks.push({ kind: 'paragraph', text: `${data.place ? `${data.place}, ` : ''}${day(data.draftedOn)}` });
  blocks.push({ kind: 'paragraph', text: t.signatureBlock });
  if (register.length > 0) {
    blocks.push({ kind: 'heading', text: t.registerHeading });
    register.forEach((r, i) =>
      blocks.push({
        kind: 'item',
        number: i + 1,
        text: [
          r.submittedOn ? day(r.submittedOn) : t.undated,
          r.form,
          r.periodFrom && r.periodTo ? `${day(r.periodFrom)} – ${day(r.periodTo)}` : '—',
          `${t.incoming} ${r.incomingNumber ?? '—'}`,
          `sha256 ${r.sha256}`,
        ].join('; '),
      }),
    );
  }
  // Never a doubled full stop (a long date ending in «г.» before the sentence's own full stop).
  const single = (text: string): string => text.replace(/([^.])\.\.(?!\.)/g, '$1.');
  return {
    lang,
    title,
    blocks: blocks.map((b) => ({
      ...b,
      text: single(b.text),
      ...('note' in b && b.note ? { note: single(b.note) } : {}),
    })),
  };
}

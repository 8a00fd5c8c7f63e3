import type { CalendarDate, CaseActionKind, FindingParam, Locale, SourceKind } from '@civic/core';
import { longDate } from './document-format.ts';
import { factText, fill, groundText, noteItems, sentence } from './objection-prose.ts';
import { OBJECTION_TEMPLATES } from './objection-templates.ts';
import { ruInstrumentalName } from './objection-words.ts';

export { fill } from './objection-prose.ts';

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
  /** The ruling's number and the official who issued it; null leaves a blank to fill («№ ____»). */
  readonly rulingNumber?: string | null;
  readonly rulingOfficial?: string | null;
  /** The ruling's number and official are illustrative (demo data): each is marked so in the text. */
  readonly rulingIllustrative?: boolean;
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
  /**
   * The provisions each request point rests on, as lawyers cite them in the document's language
   * (from the pack): the limitation period (annulment and termination), the restoration of a
   * missed time limit, the offence (lifting a suspension its tier does not provide).
   */
  readonly requestBasis?: {
    readonly limitation: string | null;
    readonly restoration: string | null;
    readonly offence: string | null;
  };
  /** What the lawyer must check before filing, beyond what the grounds and blanks say. */
  readonly notes?: readonly LawyerNote[];
  /** Filings offered in the annex table: date, form, period, incoming number, sha256. */
  readonly register?: readonly RegisterRow[];
}

export interface RegisterRow {
  readonly submittedOn: CalendarDate | null;
  readonly form: string;
  readonly periodFrom: CalendarDate | null;
  readonly periodTo: CalendarDate | null;
  readonly incomingNumber: string | null;
  readonly sha256: string;
}

/** An item of the lawyer's note (worded by the objection's phrase tables). */
export type LawyerNote =
  | { readonly kind: 'open-question'; readonly text: string }
  | {
      readonly kind: 'deadline';
      readonly cite: string | null;
      readonly readings: readonly {
        readonly days: number;
        readonly unit: 'working' | 'calendar';
        readonly due: CalendarDate;
      }[];
      readonly act: CalendarDate;
    }
  | { readonly kind: 'restoration-rule'; readonly cite: string }
  | { readonly kind: 'continuing'; readonly startsOn: CalendarDate; readonly expiresOn: CalendarDate }
  | { readonly kind: 'offence-part'; readonly cite: string }
  /** A name recorded in another language that the pack cannot render in the document's. */
  | { readonly kind: 'untranslated'; readonly text: string };

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
  /** The English message of the finding (used in English where a code has no wording). */
  readonly message: string;
  readonly citation: string | null;
  readonly verified: boolean;
  readonly params: Readonly<Record<string, FindingParam>>;
  /** The provision as lawyers cite it in the document's language («статья 62 КоАП РК»). */
  readonly cite?: string | null;
  /** The source kind of the rule (its phrase printed after the basis); null for the records ground. */
  readonly source?: SourceKind | null;
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

/**
 * Composes the objection in one language from its facts: the lawyer's note, addressee and parties
 * (the ruling with its number, date and official), the facts in order, each ground with its
 * provision and source kind, the request (each point citing its provision), annexes, place and
 * date, signature; the register of filings (with their sha256) only in the annex.
 */
export function composeObjection(data: ObjectionData, lang: Locale): ObjectionText {
  const t = OBJECTION_TEMPLATES[lang];
  const day = (d: CalendarDate): string => longDate(d, lang);
  const mark = (text: string): string => (data.rulingIllustrative ? `${text} ${t.illustrativeMark}` : text);
  const number = data.rulingNumber ? mark(data.rulingNumber) : t.blankNumber;
  // Russian puts the official in the instrumental («вынесенное А. Б. Оспановым»).
  const recorded =
    data.rulingOfficial && lang === 'ru' ? ruInstrumentalName(data.rulingOfficial) : data.rulingOfficial;
  const official = recorded ? mark(recorded) : t.blankOfficial;
  const ruling = data.rulingOn ? { date: data.rulingOn, number, official } : null;
  const title = ruling ? fill(t.titleComplaint, ruling, lang) : t.titleObjection;
  const blocks: ObjectionBlock[] = [];
  // A note for the lawyer, above the document and removable: what is unverified, and the demo banner.
  const notes = noteItems(t, data, lang);
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
      ? fill(t.toCourt, { place: data.place ?? data.authority.place ?? '' }, lang)
      : fill(t.toHigherOfficial, { authority: authority || t.unknownAuthority }, lang);
  blocks.push({ kind: 'right', text: addressee.replace(/\s+$/, '') });
  const applicant = [
    data.organisation.name,
    data.organisation.bin ? `${t.bin} ${data.organisation.bin}` : null,
    data.address ? `${t.address}: ${data.address}` : data.place ? `${t.address}: ${data.place}` : null,
  ].filter((x): x is string => !!x);
  blocks.push({ kind: 'right', text: `${t.from}: ${applicant.join(', ')}` });
  blocks.push({ kind: 'right', text: `${t.respondent}: ${authority || t.unknownAuthority}` });
  if (ruling) blocks.push({ kind: 'right', text: fill(t.rulingComplained, ruling, lang) });
  blocks.push({ kind: 'title', text: title });
  blocks.push({
    kind: 'paragraph',
    text: sentence(fill(t.intro, { organisation: data.organisation.name }, lang)),
  });
  blocks.push({ kind: 'heading', text: t.factsHeading });
  data.facts.forEach((f, i) => blocks.push({ kind: 'item', number: i + 1, text: factText(t, f, lang) }));
  blocks.push({ kind: 'heading', text: t.groundsHeading });
  if (data.grounds.length === 0) blocks.push({ kind: 'paragraph', text: t.noGrounds });
  const register = data.register ?? [];
  data.grounds.forEach((g, i) => {
    const hash = g.params['contentHash'];
    const row = register.findIndex((r) => r.sha256 === hash);
    blocks.push({
      kind: 'item',
      number: i + 1,
      text: groundText(t, g, lang, row < 0 ? null : row + 1),
      note: sentence(
        [`${t.basis}: ${g.cite ?? t.noCitation}`, g.source ? t.sourcePhrases[g.source] : null]
          .filter(Boolean)
          .join('. '),
      ),
    });
  });
  const restore = data.appealDeadline !== null && data.appealDeadline.date < data.draftedOn;
  if (restore && data.appealDeadline) {
    blocks.push({ kind: 'heading', text: t.restorationHeading });
    blocks.push({
      kind: 'paragraph',
      text: sentence(fill(t.restoration, { date: data.appealDeadline.date }, lang)),
    });
  }
  requestPoints(t, data, restore, ruling, lang).forEach((text, i) =>
    blocks.push(i === 0 ? { kind: 'heading', text } : { kind: 'item', number: i, text }),
  );
  blocks.push({ kind: 'heading', text: t.annexesHeading });
  let a = 1;
  blocks.push({ kind: 'item', number: a++, text: t.annexCopyRuling });
  data.annexes.forEach((x) => blocks.push({ kind: 'item', number: a++, text: sentence(x.name) }));
  if (register.length > 0) blocks.push({ kind: 'item', number: a++, text: sentence(t.registerHeading) });
  blocks.push({ kind: 'paragraph', text: `${data.place ? `${data.place}, ` : ''}${day(data.draftedOn)}` });
  blocks.push({ kind: 'paragraph', text: t.signatureBlock });
  if (register.length > 0) {
    blocks.push({ kind: 'heading', text: t.registerHeading });
    blocks.push({ kind: 'paragraph', text: t.registerRow });
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
  return { lang, title, blocks };
}

/** The request heading and its points, each citing the provision it rests on. */
function requestPoints(
  t: (typeof OBJECTION_TEMPLATES)[Locale],
  data: ObjectionData,
  restore: boolean,
  ruling: { date: string; number: string } | null,
  lang: Locale,
): string[] {
  const basis = data.requestBasis ?? { limitation: null, restoration: null, offence: null };
  const limitation = data.grounds.some((g) => g.code.startsWith('LIMITATION_EXPIRED'));
  const groundCites = [...new Set(data.grounds.map((g) => g.cite).filter((c): c is string => !!c))];
  const annulCites = limitation && basis.limitation ? [basis.limitation] : groundCites;
  const on = (cites: readonly (string | null)[]): string => t.onBasis(cites.filter((c): c is string => !!c));
  const points = [t.requestHeading];
  if (restore) points.push(sentence(fill(t.requestRestore, { basis: on([basis.restoration]) }, lang)));
  if (ruling) points.push(sentence(fill(t.requestAnnul, { ...ruling, basis: on(annulCites) }, lang)));
  points.push(
    sentence(
      limitation
        ? fill(t.requestTerminateLimitation, { basis: on([basis.limitation]) }, lang)
        : fill(t.requestTerminate, { basis: on(groundCites) }, lang),
    ),
  );
  if (data.grounds.some((g) => g.code.startsWith('SUSPENSION_')))
    points.push(sentence(fill(t.requestLiftSuspension, { basis: on([basis.offence]) }, lang)));
  return points;
}

import type { CaseActionKind, Locale, SourceKind } from '@civic/core';
import { OBJECTION_EN } from './objection-text-en.ts';
import { OBJECTION_KK } from './objection-text-kk.ts';
import { OBJECTION_RU } from './objection-text-ru.ts';

/**
 * The wording of an objection in one language, as data: every word the document and its lawyer's
 * note print comes from here. `{name}` is filled from the facts and the finding's params; no legal
 * fact lives here (articles, periods and amounts come from the case and the pack's citations).
 */
export interface ObjectionTemplate {
  readonly titleComplaint: string;
  readonly titleObjection: string;
  readonly illustrative: string;
  readonly from: string;
  readonly bin: string;
  readonly unknownAuthority: string;
  readonly intro: string;
  readonly factsHeading: string;
  readonly groundsHeading: string;
  readonly noGrounds: string;
  readonly requestHeading: string;
  /** A ground whose code has no wording in this language: the lawyer writes it (never English in ru/kk). */
  readonly groundToWrite: string;
  /** An allegation recorded in another language than the document's: the lawyer words it. */
  readonly allegationToWrite: string;
  /** The opening of a ground resting on an unconfirmed rule ("If …"). */
  readonly conditional: string;
  readonly lawyerNoteHeading: string;
  readonly lawyerNoteEnd: string;
  readonly toCourt: string;
  readonly toHigherOfficial: string;
  readonly address: string;
  readonly respondent: string;
  /** The ruling complained of: `{number}`, `{date}`, `{official}` (blanks to fill when unknown). */
  readonly rulingComplained: string;
  readonly blankNumber: string;
  readonly blankOfficial: string;
  /** After a demo ruling's number and official: «(иллюстративно)», «(иллюстрациялық)». */
  readonly illustrativeMark: string;
  readonly restorationHeading: string;
  readonly restoration: string;
  readonly requestRestore: string;
  readonly requestAnnul: string;
  readonly requestTerminateLimitation: string;
  readonly requestTerminate: string;
  readonly requestLiftSuspension: string;
  readonly annexCopyRuling: string;
  readonly annexesHeading: string;
  readonly registerHeading: string;
  readonly registerRow: string;
  readonly signatureBlock: string;
  readonly incoming: string;
  readonly basis: string;
  readonly noCitation: string;
  readonly undated: string;
  readonly factArticle: string;
  readonly factAllegation: string;
  readonly factCommitted: string;
  readonly factFine: string;
  readonly factSuspension: string;
  readonly actionKinds: Readonly<Record<CaseActionKind, string>>;
  /** Grounds by finding code; a code without one is left for the lawyer (or its English message in en). */
  readonly grounds: Readonly<Record<string, string>>;
  /** The continuing-offence reading, raised only as the alternative it is, after the main ground. */
  readonly alternativeContinuing: string;
  /** The phrase of a rule's source kind. */
  readonly sourcePhrases: Readonly<Record<SourceKind, string>>;
  /** The lawyer's note, item by item (each labelled in the note's language). */
  readonly note: {
    readonly groundUnverified: string;
    readonly openQuestion: string;
    readonly deadline: string;
    readonly deadlineReading: string;
    readonly deadlineAct: string;
    readonly restorationRule: string;
    readonly continuing: string;
    readonly blankNumber: string;
    readonly blankOfficial: string;
    readonly offencePart: string;
    /** `{text}`: a name the pack cannot write in the document's language. */
    readonly untranslated: string;
  };
  /** The request point's basis: «на основании части 1 статьи 62 КоАП РК» from the pack's cites. */
  onBasis(cites: readonly string[]): string;
  /** "10 working days" in words. */
  dayCount(days: number, kind: 'working' | 'calendar'): string;
  months(n: number): string;
  /** An ISO 8601 period in words ("P1Y6M" → "1 year 6 months"). */
  period(iso: string): string;
}

export const OBJECTION_TEMPLATES: Readonly<Record<Locale, ObjectionTemplate>> = {
  en: OBJECTION_EN,
  ru: OBJECTION_RU,
  kk: OBJECTION_KK,
};

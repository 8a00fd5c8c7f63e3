import { isCalendarDate } from '../calendar-date.ts';
import type { Locale } from '../locale.ts';
import { legalBasisCites, periodName } from '../obligations/localize-obligation.ts';
import { localText } from '../rules/local-text.ts';
import { obligationCaveats } from '../rules/obligation-basis.ts';
import type { SourceKind } from '../rules/rule-meta.schema.ts';
import type { RulePack } from '../rules/rule-pack.schema.ts';
import type { FilingContent } from './filing-content.ts';

/**
 * The words of a filing's header in one language, from its rule pack: what a rendered filing prints
 * instead of the English the content was prepared with (the content and its hash never change).
 */
export interface FilingWords {
  readonly obligationTitle: string;
  /** The form's exact official title in the language (the pack's `form.title`). */
  readonly formTitle: string;
  /** Where the form's title and layout come from (the pack's `form.source`), for the reader's phrase. */
  readonly formSource: SourceKind | null;
  /** The obligation's source kind (the version in force for the period). */
  readonly obligationSource: SourceKind | null;
  /** «1 полугодие 2023 г.», «2023 жылғы 1-жартыжылдық», "H1 2023". */
  readonly periodName: string;
  /** The legal bases as lawyers cite them in the language. */
  readonly legalBasis: readonly string[];
  /** The pack's notes on the unverified rules the filing rests on, in the language (`obligationCaveats`). */
  readonly caveats: readonly string[];
}

/**
 * The words of a filing's header from the pack: the version of the obligation whose id and form are
 * the filing's and that is in force on the period's first day (else any version with that id and
 * form). Texts the pack lacks fall back to the content's. Never throws.
 */
export function filingWords(pack: RulePack, content: FilingContent, lang: Locale): FilingWords {
  const o = content.obligation;
  const same = pack.obligations.filter((v) => v.id === o.ruleId && v.form.id === content.form.id);
  const inForce = (on: string) =>
    same.find((v) => v.inForce.from <= on && (v.inForce.to === null || on <= v.inForce.to));
  const version = inForce(o.period.from) ?? inForce(o.dueOn) ?? same[0];
  return {
    obligationTitle: version ? localText(version.title, lang) : o.title,
    formTitle: version ? localText(version.form.title, lang) : content.form.title,
    formSource: version?.form.source ?? version?.source ?? null,
    obligationSource: version?.source ?? null,
    periodName: periodName(pack, o.period.label, lang),
    legalBasis: legalBasisCites(pack, o.ruleId, o.dueOn, lang),
    caveats:
      version && isCalendarDate(o.period.from)
        ? obligationCaveats(pack, version, o.period.from).map((note) => localText(note, lang))
        : [],
  };
}

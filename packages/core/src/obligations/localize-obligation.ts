import type { Locale } from '../locale.ts';
import { localText } from '../rules/local-text.ts';
import { obligationCaveats } from '../rules/obligation-basis.ts';
import type { RulePack } from '../rules/rule-pack.schema.ts';
import type { ObligationInstance } from './derive-obligations.ts';

const PERIOD_LABEL = /^(\d{4}(?:\/\d{4})?)(?:-(Q|H)(\d)|-(\d{2}))?$/;

/**
 * A reporting period's label ("2023-H1", "2022-Q4", "2024-03", "2023") in the pack's words for the
 * language: ru «1 полугодие 2023 г.», kk «2023 жылғы 1-жартыжылдық». A label the pack has no name
 * for comes back as it is.
 */
export function periodName(pack: RulePack, label: string, lang: Locale): string {
  const m = PERIOD_LABEL.exec(label);
  if (!m) return label;
  const [, year = '', qh, qhIndex, month] = m;
  const kind = qh === 'Q' ? 'quarter' : qh === 'H' ? 'half-year' : month ? 'month' : 'year';
  const n = qhIndex ?? (month ? String(Number(month)) : '');
  const template = pack.periodNames[kind];
  if (template === undefined) return label;
  return localText(template, lang).replaceAll('{n}', n).replaceAll('{year}', year);
}

/** The obligation's legal bases in force on `dueOn`, as a lawyer cites them in the language («пункт 2 статьи 29 …»). */
export function legalBasisCites(pack: RulePack, obligationId: string, dueOn: string, lang: Locale): string[] {
  const version =
    pack.obligations.find(
      (o) =>
        o.id === obligationId && o.inForce.from <= dueOn && (o.inForce.to === null || dueOn <= o.inForce.to),
    ) ?? pack.obligations.find((o) => o.id === obligationId);
  const bases = (version?.legalBasis ?? []).flatMap((id) => pack.legalBases.filter((b) => b.id === id));
  // Only the statutes in force on the due day (a 2023 report rests on the 2017 Code, not the 2026
  // one); when none is, every basis the obligation names.
  const inForce = bases.filter(
    (b) => b.inForce.from <= dueOn && (b.inForce.to === null || dueOn <= b.inForce.to),
  );
  return (inForce.length > 0 ? inForce : bases).map((b) => localText(b.cite ?? b.title, lang));
}

/**
 * An obligation with the words a person reads in their language, from the pack: its title, its
 * form's title, its period's name, its legal bases in the local style (`legalBasis`) and the pack's
 * notes on the unverified rules it rests on (`caveats`). Codes, dates and the citation of the
 * source stay as they are.
 */
export function localizeObligation(
  o: ObligationInstance,
  pack: RulePack,
  lang: Locale,
): ObligationInstance & { readonly legalBasis: readonly string[]; readonly caveats: readonly string[] } {
  const same = pack.obligations.filter((v) => v.id === o.obligationId && v.form.id === o.form);
  const from = o.period.from;
  const version =
    same.find((v) => v.inForce.from <= from && (v.inForce.to === null || from <= v.inForce.to)) ??
    same[0] ??
    pack.obligations.find((v) => v.id === o.obligationId);
  return {
    ...o,
    title: version ? localText(version.title, lang) : o.title,
    formTitle: version ? localText(version.form.title, lang) : o.formTitle,
    period: { ...o.period, label: periodName(pack, o.period.label, lang) },
    legalBasis: legalBasisCites(pack, o.obligationId, o.dueOn, lang),
    caveats: version ? obligationCaveats(pack, version, from).map((note) => localText(note, lang)) : [],
  };
}

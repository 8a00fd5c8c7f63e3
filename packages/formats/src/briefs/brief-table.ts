import { isIllustrativeIncident, localPlaceName, organisationNameInBrief, type Incident } from '@civic/core';
import { briefLabels, type BriefLabels, type BriefLanguage } from './brief-labels.ts';

/**
 * The rows of the "actions" table, as text cells in column order; shared by every rendering. Places
 * are named as on the incident's day; legal bases as `cites` gives them (the pack's citation, no
 * part the pack lacks); an illustrative incident carries the mark after its organisation.
 */
export function briefTable(
  incidents: readonly Incident[],
  lang: BriefLanguage,
  cites?: Readonly<Record<string, string>>,
  names?: Readonly<Record<string, string>>,
): { header: string[]; rows: string[][]; links: (string | null)[] } {
  const l = briefLabels(lang);
  const c = l.columns;
  const sorted = [...incidents].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.organisation < b.organisation ? -1 : 1,
  );
  return {
    header: [c.date, c.organisation, c.place, c.action, c.basis, c.authority, c.outcome],
    rows: sorted.map((i) => [
      l.date(i.date),
      isIllustrativeIncident(i)
        ? `${organisationNameInBrief(i.organisation, lang)} ${l.illustrativeMark}`
        : i.organisation,
      localPlaceName(i.place, lang, i.date),
      l.actionName(i.action) + penaltyText(i, l),
      i.legalBasis ? (cites?.[i.legalBasis] ?? i.legalBasis) : '—',
      [i.authority, i.office]
        .filter((x): x is string => !!x)
        .map((x) => names?.[x] ?? x)
        .join(', ') || '—',
      i.outcome ?? '—',
    ]),
    links: sorted.map((i) => i.sources[0]?.url ?? null),
  };
}

function penaltyText(i: Incident, l: BriefLabels): string {
  const parts: string[] = [];
  if (i.penaltyMci !== null) parts.push(l.penaltyMci(String(i.penaltyMci)));
  if (i.suspensionMonths !== null) parts.push(l.suspendedMonths(String(i.suspensionMonths)));
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

import { citeLegalBasis, knownAuthorityName, type Incident, type RulePack } from '@civic/core';
import type { BriefLanguage, WaveBrief } from '@civic/formats';
import { listRulePacks, loadRulePack } from '../rules/load-rule-pack.ts';

/**
 * Every legal basis the brief prints, cited in its language from the rule pack of the incidents'
 * country (article parts only where the pack has them); without a pack, codes and articles are
 * still cited in the language.
 */
export function basisCites(
  pack: RulePack | null,
  incidents: readonly Incident[],
  waveBases: readonly string[],
  zoneBasis: string | null,
  lang: 'en' | 'ru' | 'kk',
): Record<string, string> {
  const bases = new Set([...waveBases, ...incidents.flatMap((i) => (i.legalBasis ? [i.legalBasis] : []))]);
  if (zoneBasis) bases.add(zoneBasis);
  return Object.fromEntries([...bases].map((b) => [b, citeLegalBasis(pack, b, lang)]));
}

/** Each authority and office the incidents record, in the brief's language where the pack knows it. */
export function authorityNames(
  pack: RulePack | null,
  incidents: readonly Incident[],
  lang: 'en' | 'ru' | 'kk',
): Record<string, string> {
  const names: Record<string, string> = {};
  for (const text of incidents.flatMap((i) => [i.authority, i.office])) {
    const known = text && pack ? knownAuthorityName(pack, text, lang) : null;
    if (text && known) names[text] = known;
  }
  return names;
}

/** The rule pack of the incidents' country (its citations, its time zone), when one is installed. */
export async function packOf(incidents: readonly Pick<Incident, 'country'>[]): Promise<RulePack | null> {
  const country = incidents[0]?.country ?? 'KZ';
  const listed = (await listRulePacks()).find((p) => p.valid && p.jurisdiction === country);
  const loaded = listed ? await loadRulePack(listed.id) : null;
  return loaded?.ok ? loaded.value : null;
}

/**
 * A stored brief's facts told in another language (the Atom feed in the language asked): the same
 * wave and incidents, its legal bases and authorities cited from the rule pack in that language.
 * The monitor's own summary is in the brief's language, so the generated one is told instead.
 */
export async function briefInLanguage(data: WaveBrief, lang: BriefLanguage): Promise<WaveBrief> {
  if (data.lang === lang) return data;
  const pack = await packOf(data.incidents);
  const { summary: _own, ...facts } = data;
  return {
    ...facts,
    lang,
    basisCites: basisCites(pack, data.incidents, data.wave.legalBasis, data.wave.zone.legalBasis, lang),
    authorityNames: authorityNames(pack, data.incidents, lang),
  };
}

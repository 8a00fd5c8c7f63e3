import {
  FINDING_CODE_LABELS,
  findingMessage,
  labelOf,
  localCitations,
  localText,
  unverifiedNotes,
  type ClaimCheck,
  type Finding,
  type Locale,
  type LocalText,
} from '@civic/core';
import { loadRulePackSync } from '../rules/load-rule-pack.ts';

/** A pack's citations in the local style, keyed by their source's text (none when the pack is unknown). */
export type LocalCitations = ReadonlyMap<string, LocalText>;

/** The local-style citations of a pack by id (loadRulePackSync caches the pack). */
export function localCitationsOf(packId: string): LocalCitations {
  const pack = loadRulePackSync(packId);
  return pack.ok ? localCitations(pack.value) : new Map();
}

/** The notes of a pack's unverified rules by their source's text (none when the pack is unknown). */
export function unverifiedNotesOf(packId: string): LocalCitations {
  const pack = loadRulePackSync(packId);
  return pack.ok ? unverifiedNotes(pack.value) : new Map();
}

/**
 * A finding as JSON: the contract's four fields, then whether its rule is verified and whether it
 * favours the defence; given a language, its `message` and `label` in it (ru and kk messages from
 * the finding's params; English is the check's own sentence).
 */
export function findingView(f: Finding, lang?: Locale, cites?: LocalCitations, notes?: LocalCitations) {
  const cite = f.citation === null ? undefined : cites?.get(f.citation);
  // What is open about an unverified rule, in the language (the pack's `note`).
  const note = f.verified || f.citation === null ? undefined : notes?.get(f.citation);
  return {
    code: f.code,
    severity: f.severity,
    message: lang ? findingMessage(f, lang) : f.message,
    ...(lang ? { label: labelOf(FINDING_CODE_LABELS, f.code, lang) } : {}),
    citation: f.citation,
    ...(lang && cite !== undefined ? { citationLabel: localText(cite, lang) } : {}),
    verified: f.verified,
    ...(lang && note !== undefined ? { unverifiedNote: localText(note, lang) } : {}),
    favoursDefence: f.favoursDefence,
    weight: f.weight,
    ...(f.citationUrl ? { citationUrl: f.citationUrl } : {}),
    ...(f.actionId ? { actionId: f.actionId } : {}),
  };
}

/**
 * The JSON of `civic claim check --json` (docs/claims.md): `limitation`, `penalty`, `appeal`,
 * `findings` with the contract's fields first, then fields that explain them.
 */
export function claimCheckView(
  c: ClaimCheck,
  lang: Locale = 'en',
  cites?: LocalCitations,
  notes?: LocalCitations,
) {
  const l = c.limitation;
  const p = c.penalty;
  return {
    limitation: {
      expiresOn: l?.expiresOn ?? null,
      status: l?.status ?? null,
      evaluatedOn: l?.evaluatedOn ?? null,
      citation: l?.citation ?? null,
      verified: l?.verified ?? false,
      alternatives: (l?.alternatives ?? []).map((a) => ({
        reading: a.reading,
        startsOn: a.startsOn,
        expiresOn: a.expiresOn,
        status: a.status,
        verified: a.verified,
      })),
      evaluatedAgainst: l?.evaluatedAgainst ?? null,
      reading: l?.reading ?? null,
      startsOn: l?.startsOn ?? null,
      period: l?.period ?? null,
      rule: l?.ruleId ?? null,
      openQuestions: (l?.openQuestions ?? []).map((q) => localText(q, lang)),
    },
    penalty: {
      mciYear: p.mciYear,
      mciValue: p.mciValue,
      expectedAmount: p.expectedAmount,
      amountMatches: p.amountMatches,
      suspensionLawful: p.suspensionLawful,
      currency: p.currency,
      mciDate: p.mciDate,
      mciDateBasis: p.mciDateBasis,
      mciDateAssumed: p.mciDateAssumed,
      offender: p.offender,
      tierMci: p.tierMci,
      imposedMci: p.imposedMci,
      imposedAmount: p.imposedAmount,
      suspensionMonths: p.suspensionMonths,
      suspensionMaxMonths: p.suspensionMaxMonths,
      repeat: p.repeat,
    },
    appeal: {
      deadline: c.appeal.deadline,
      dueSafe: c.appeal.dueSafe,
      readings: c.appeal.readings.map((r) => ({ basis: r.basis, due: r.due, verified: r.verified })),
      verified: c.appeal.verified,
      from: c.appeal.from,
      fromEvent: c.appeal.fromEvent,
      days: c.appeal.days,
      kind: c.appeal.kind,
      citation: c.appeal.citation,
    },
    findings: c.findings.map((f) => findingView(f, lang, cites, notes)),
    offence: {
      ...c.offence,
      title: localText(c.offence.title, lang),
      conduct: localText(c.offence.conduct, lang),
    },
    favoursDefence: c.favoursDefence,
  };
}
export type ClaimCheckView = ReturnType<typeof claimCheckView>;

import type { CalendarDate } from '../calendar-date.ts';
import type { LocalText } from '../rules/local-text.ts';
import { findOffence, findTier, fineUnitFor, type TierLookup } from '../rules/lookups.ts';
import type { RulePack } from '../rules/rule-pack.schema.ts';
import { domainError, err, ok, type Result } from '../result.ts';
import { checkAppeal, type AppealCheck } from './appeal-check.ts';
import type { Claim } from './claim.ts';
import { favoursDefence, finding, sortFindings, type Finding, type FindingBasis } from './finding.ts';
import { checkLimitation, type LimitationCheck } from './limitation-check.ts';
import { checkPenalty, type PenaltyCheck } from './penalty-check.ts';

export interface ClaimCheckOptions {
  /** Today, or the `--as-of` date: the decisive date when the claim has no ruling and no proceedings date. */
  readonly asOf: CalendarDate;
}

/** Everything a check says about one claim; `findings` are sorted most serious first. */
export interface ClaimCheck {
  readonly limitation: LimitationCheck | null;
  readonly penalty: PenaltyCheck;
  readonly appeal: AppealCheck;
  readonly findings: readonly Finding[];
  readonly offence: {
    readonly article: string;
    readonly title: LocalText;
    readonly tier: string;
    readonly part: string | null;
    readonly conduct: LocalText;
    readonly inForceOnOffenceDate: boolean;
    readonly citation: string;
    readonly verified: boolean;
  };
  readonly favoursDefence: boolean;
}

function lookupTier(pack: RulePack, claim: Claim): Result<{ lookup: TierLookup; inForce: boolean }> {
  const { article, tier, committedOn } = claim.offence;
  if (!findOffence(pack, article)) {
    const known = [...new Set(pack.offences.map((o) => o.article))].join(', ') || 'none';
    return err(
      domainError(
        'CLAIM_ARTICLE_UNKNOWN',
        `offence.article: the ${pack.id} pack has no article "${article}" (it has: ${known})`,
        { field: 'offence.article' },
      ),
    );
  }
  const inForce = findTier(pack, article, tier, committedOn);
  if (inForce) return ok({ lookup: inForce, inForce: true });
  const latest = findTier(pack, article, tier);
  if (latest) return ok({ lookup: latest, inForce: false });
  const tiers = [
    ...new Set(pack.offences.filter((o) => o.article === article).flatMap((o) => o.tiers.map((t) => t.id))),
  ].join(', ');
  return err(
    domainError(
      'CLAIM_TIER_UNKNOWN',
      `offence.tier: article ${article} of the ${pack.id} pack has no tier "${tier}" (it has: ${tiers})`,
      { field: 'offence.tier' },
    ),
  );
}

/** One RULE_UNVERIFIED finding per rule the check relied on that is not verified against the official text. */
function unverifiedRules(
  pack: RulePack,
  claim: Claim,
  lookup: TierLookup,
  limitation: LimitationCheck | null,
  penalty: PenaltyCheck,
  appeal: AppealCheck,
): Finding[] {
  const out: Finding[] = [];
  const note = (rule: string, what: string, basis: FindingBasis) =>
    out.push(
      finding(
        'RULE_UNVERIFIED',
        `${what} rests on a rule not verified against the official text (${basis.citation?.text ?? 'no citation'}): a lawyer must check it before relying on it.`,
        basis,
        { rule, what },
      ),
    );
  const limitationRule = limitation ? pack.limitations.find((l) => l.id === limitation.ruleId) : undefined;
  if (limitationRule && !limitationRule.verified)
    note(`limitation:${limitationRule.id}`, 'The limitation period', {
      citation: limitationRule.citation,
      verified: false,
    });
  if (!lookup.verified)
    note(
      `tier:${lookup.offence.article}/${lookup.tier.id}`,
      `Tier "${lookup.tier.id}" of article ${lookup.offence.article}`,
      { citation: lookup.citation, verified: false },
    );
  if (claim.penalty && penalty.mciDate) {
    const unitRule = pack.fineUnit?.rule;
    if (unitRule && !unitRule.verified)
      note('fine-unit:rule', `The choice of the ${pack.fineUnit?.code ?? 'fine unit'} year`, {
        citation: unitRule.citation,
        verified: false,
      });
    const unit = fineUnitFor(pack, penalty.mciDate);
    if (unit.ok && !unit.value.verified)
      note(`fine-unit:${unit.value.year}`, `The ${unit.value.code} value of ${unit.value.year}`, {
        citation: unit.value.citation,
        verified: false,
      });
  }
  if (appeal.ruleId && !appeal.verified) {
    const rule = pack.appeals.find((a) => a.id === appeal.ruleId);
    note(`appeal:${appeal.ruleId}`, 'The appeal deadline', {
      citation: rule?.complaint.citation ?? null,
      verified: false,
    });
  }
  return out;
}

/**
 * Checks one authority action against a pack (pure: the clock comes in as `asOf`): limitation,
 * penalty, repeat tier, appeal deadline, with a finding for each problem, each citing its rule and
 * saying whether that rule is verified. Fails only when the claim names an article, tier or offender
 * the pack does not know (CLAIM_ARTICLE_UNKNOWN, CLAIM_TIER_UNKNOWN, CLAIM_OFFENDER_UNKNOWN).
 */
export function checkClaim(pack: RulePack, claim: Claim, options: ClaimCheckOptions): Result<ClaimCheck> {
  const t = lookupTier(pack, claim);
  if (!t.ok) return t;
  const { lookup, inForce } = t.value;
  if (
    claim.offender &&
    pack.offenderKinds.length > 0 &&
    !pack.offenderKinds.some((k) => k.id === claim.offender)
  ) {
    return err(
      domainError(
        'CLAIM_OFFENDER_UNKNOWN',
        `offender: the ${pack.id} pack has no offender kind "${claim.offender}" (it has: ${pack.offenderKinds.map((k) => k.id).join(', ')})`,
        { field: 'offender' },
      ),
    );
  }
  const findings: Finding[] = [];
  if (!inForce) {
    findings.push(
      finding(
        'OFFENCE_NOT_IN_FORCE',
        `Tier "${claim.offence.tier}" of article ${claim.offence.article} was not in force on the offence date ${claim.offence.committedOn}.`,
        { citation: lookup.citation, verified: lookup.verified },
        {
          article: claim.offence.article,
          tier: claim.offence.tier,
          committedOn: claim.offence.committedOn,
          inForceFrom: lookup.offence.inForce.from,
        },
      ),
    );
  }
  const limitation = checkLimitation(pack, claim, options.asOf);
  const penalty = checkPenalty(pack, claim, lookup);
  const appeal = checkAppeal(pack, claim, options.asOf);
  findings.push(...limitation.findings, ...penalty.findings, ...appeal.findings);
  findings.push(...unverifiedRules(pack, claim, lookup, limitation.check, penalty.check, appeal.check));
  const sorted = sortFindings(findings);
  return ok({
    limitation: limitation.check,
    penalty: penalty.check,
    appeal: appeal.check,
    findings: sorted,
    offence: {
      article: lookup.offence.article,
      title: lookup.offence.title,
      tier: lookup.tier.id,
      part: lookup.tier.part,
      conduct: lookup.tier.conduct,
      inForceOnOffenceDate: inForce,
      citation: lookup.citation.text,
      verified: lookup.verified,
    },
    favoursDefence: favoursDefence(sorted),
  });
}

import { type CalendarDate } from '../calendar-date.ts';
import { fineUnitFor, type FineUnitAmount, type TierLookup } from '../rules/lookups.ts';
import type { RulePack } from '../rules/rule-pack.schema.ts';
import type { Claim } from './claim.ts';
import { finding, type Finding } from './finding.ts';
import { plainDecimal } from './plain-decimal.ts';
import { checkRepeat, type RepeatCheck } from './repeat-check.ts';

/** The contract fields are the first five; the rest explain them. Fields are null where the claim gives no penalty. */
export interface PenaltyCheck {
  readonly mciYear: number | null;
  readonly mciValue: number | null;
  /** The fine the tier and the fine unit give, as a decimal string of the pack's currency ("1166800"). */
  readonly expectedAmount: string | null;
  readonly amountMatches: boolean | null;
  readonly suspensionLawful: boolean | null;
  /** Which date chose the fine unit's value: the pack's rule names one; a fallback is said so. */
  readonly mciDate: CalendarDate | null;
  readonly mciDateBasis: 'proceedingsStartedOn' | 'rulingOn' | 'servedOn' | 'committedOn' | null;
  readonly mciDateAssumed: boolean;
  readonly currency: string | null;
  readonly offender: string | null;
  /** The tier's fine for the offender, in fine units (per protocol where the tier says so). */
  readonly tierMci: number | null;
  readonly imposedMci: number | null;
  readonly imposedAmount: string | null;
  readonly suspensionMonths: number | null;
  readonly suspensionMaxMonths: number | null;
  readonly repeat: RepeatCheck | null;
}

const EMPTY = {
  mciYear: null,
  mciValue: null,
  expectedAmount: null,
  amountMatches: null,
  suspensionLawful: null,
  mciDate: null,
  mciDateBasis: null,
  mciDateAssumed: false,
  currency: null,
  offender: null,
  tierMci: null,
  imposedMci: null,
  imposedAmount: null,
  suspensionMonths: null,
  suspensionMaxMonths: null,
} as const;

/** The date whose fine-unit value a fine uses, by the pack's rule, with the fallback used when that date is missing. */
function mciDateFor(
  pack: RulePack,
  claim: Claim,
): { date: CalendarDate; basis: NonNullable<PenaltyCheck['mciDateBasis']>; assumed: boolean } {
  const appliesAt = pack.fineUnit?.rule.appliesAt ?? 'proceedings-start';
  const chain: [NonNullable<PenaltyCheck['mciDateBasis']>, CalendarDate | null][] =
    appliesAt === 'offence'
      ? [['committedOn', claim.offence.committedOn]]
      : appliesAt === 'ruling'
        ? [
            ['rulingOn', claim.rulingOn],
            ['servedOn', claim.servedOn],
            ['proceedingsStartedOn', claim.proceedingsStartedOn],
          ]
        : [
            ['proceedingsStartedOn', claim.proceedingsStartedOn],
            ['rulingOn', claim.rulingOn],
            ['servedOn', claim.servedOn],
          ];
  const first = chain.findIndex(([, d]) => d !== null);
  const hit = chain[first];
  if (hit && hit[1]) return { date: hit[1], basis: hit[0], assumed: first > 0 };
  return { date: claim.offence.committedOn, basis: 'committedOn', assumed: true };
}

/** The offender kind: the claim's, else the first of the pack's kinds the tier sets a fine for. */
function offenderFor(
  pack: RulePack,
  lookup: TierLookup,
  claim: Claim,
): { offender: string | null; assumed: boolean } {
  if (claim.offender) return { offender: claim.offender, assumed: false };
  const kinds = Object.keys(lookup.tier.fine);
  const ordered = [...pack.offenderKinds.map((k) => k.id).filter((k) => kinds.includes(k)), ...kinds];
  // Prefer a kind the tier actually sets a fine for.
  const pick =
    ordered.find((k) => lookup.tier.fine[k] !== null && lookup.tier.fine[k] !== undefined) ??
    ordered[0] ??
    null;
  return { offender: pick, assumed: pick !== null };
}

/** Every year's value of the fine unit, for telling which year an amount was computed with. */
function unitValues(pack: RulePack): FineUnitAmount[] {
  const out: FineUnitAmount[] = [];
  for (const v of pack.fineUnit?.values ?? []) {
    const r = fineUnitFor(pack, v.inForce.from);
    if (r.ok) out.push(r.value);
  }
  return out;
}

/**
 * The penalty of a claim against its tier: the fine-unit value of the year the pack's rule names
 * (proceedings start for Kazakhstan's CoAO Art. 44(1)), the amount that gives, whether the amount
 * imposed matches, whether the fine is a lawful multiple for the tier, whether a suspension is
 * provided at all and within its maximum, and the repeat-tier check.
 */
export function checkPenalty(
  pack: RulePack,
  claim: Claim,
  lookup: TierLookup,
): { check: PenaltyCheck; findings: Finding[] } {
  const findings: Finding[] = [];
  const repeat = checkRepeat(claim, lookup);
  findings.push(...repeat.findings);
  const p = claim.penalty;
  if (!p) return { check: { ...EMPTY, repeat: repeat.check }, findings };

  const tierBasis = { citation: lookup.citation, verified: lookup.verified };
  const { offender, assumed: offenderAssumed } = offenderFor(pack, lookup, claim);
  if (offenderAssumed && offender) {
    findings.push(
      finding(
        'PENALTY_OFFENDER_ASSUMED',
        `The claim does not say what kind of offender it concerns; the fine for "${offender}" was used.`,
        tierBasis,
        { offender },
      ),
    );
  }
  const tierMci = offender === null ? null : (lookup.tier.fine[offender] ?? null);
  const { date: mciDate, basis: mciDateBasis, assumed: mciDateAssumed } = mciDateFor(pack, claim);
  const unit = fineUnitFor(pack, mciDate);
  const unitRule = pack.fineUnit?.rule;
  if (mciDateAssumed) {
    findings.push(
      finding(
        'PENALTY_MCI_DATE_ASSUMED',
        `The claim does not give the date the pack's rule needs (${unitRule?.appliesAt ?? 'proceedings-start'}); the value in force on ${mciDateBasis} (${mciDate}) was used.`,
        { citation: unitRule?.citation ?? null, verified: unitRule?.verified ?? false },
        { mciDate, mciDateBasis },
      ),
    );
  }

  // The suspension: only a tier that provides one may carry it, and no longer than its maximum.
  const months = p.suspensionMonths ?? 0;
  const maxMonths = lookup.tier.suspension?.maxMonths ?? null;
  let suspensionLawful = true;
  if (months > 0 && !lookup.tier.suspension) {
    suspensionLawful = false;
    findings.push(
      finding(
        'SUSPENSION_NOT_PROVIDED',
        `A suspension of ${months} month(s) was imposed, but tier "${lookup.tier.id}" of article ${lookup.offence.article} provides no suspension.`,
        tierBasis,
        { months, tier: lookup.tier.id, article: lookup.offence.article },
      ),
    );
  } else if (months > 0 && maxMonths !== null && months > maxMonths) {
    suspensionLawful = false;
    findings.push(
      finding(
        'SUSPENSION_TOO_LONG',
        `A suspension of ${months} month(s) was imposed; tier "${lookup.tier.id}" allows at most ${maxMonths}.`,
        tierBasis,
        { months, maxMonths, tier: lookup.tier.id },
      ),
    );
  }

  const base = {
    ...EMPTY,
    mciDate,
    mciDateBasis,
    mciDateAssumed,
    offender,
    tierMci,
    suspensionLawful,
    repeat: repeat.check,
    imposedMci: p.mci,
    imposedAmount: p.amount ? plainDecimal(p.amount.minor, p.amount.currency) : null,
    suspensionMonths: p.suspensionMonths,
    suspensionMaxMonths: maxMonths,
  };
  if (!unit.ok) {
    findings.push(
      finding(
        'PENALTY_TIER_AMOUNT_UNKNOWN',
        `The ${pack.id} pack has no fine-unit value in force on ${mciDate}: the amount cannot be checked.`,
        { citation: unitRule?.citation ?? null, verified: false },
        { mciDate },
      ),
    );
    return { check: base, findings };
  }
  const u = unit.value;
  const unitBasis = {
    citation: unitRule?.citation ?? u.citation,
    verified: u.verified && (unitRule?.verified ?? false),
  };

  // How many fine units: as the ruling states, else as the amount implies.
  let mci = p.mci;
  if (mci === null && p.amount && u.minor > 0n && p.amount.minor % u.minor === 0n)
    mci = Number(p.amount.minor / u.minor);
  if (mci === null && tierMci !== null) mci = tierMci;

  if (mci !== null && tierMci !== null && tierMci > 0) {
    const perProtocol = lookup.tier.finePer !== undefined;
    const lawful = perProtocol ? mci % tierMci === 0 : mci === tierMci;
    if (!lawful) {
      // Only a fine above what the tier allows is a ground for the defence; one below is a discrepancy.
      const exceeds = perProtocol ? mci > tierMci : mci > tierMci;
      findings.push(
        finding(
          'PENALTY_NOT_MULTIPLE_OF_TIER',
          perProtocol
            ? `The fine of ${mci} ${u.code} is not a whole multiple of the ${tierMci} ${u.code} per ${lookup.tier.finePer ?? 'protocol'} that the tier "${lookup.tier.id}" sets for this kind of offender (${offender ?? 'not stated'}).`
            : `The fine of ${mci} ${u.code} is not the ${tierMci} ${u.code} that the tier "${lookup.tier.id}" sets for this kind of offender (${offender ?? 'not stated'}).`,
          tierBasis,
          { mci, tierMci, tier: lookup.tier.id, offender, per: lookup.tier.finePer ?? null, exceeds },
          exceeds ? 'critical' : 'warning',
          exceeds,
        ),
      );
    }
  } else if (tierMci === null) {
    findings.push(
      finding(
        'PENALTY_TIER_AMOUNT_UNKNOWN',
        `The ${pack.id} pack gives no fine for tier "${lookup.tier.id}" and offender "${offender ?? '?'}": only the fine-unit arithmetic is checked.`,
        tierBasis,
        { tier: lookup.tier.id, offender },
      ),
    );
  }

  const expected = mci === null ? null : (BigInt(Math.round(mci * 100)) * u.minor) / 100n;
  let check: PenaltyCheck = {
    ...base,
    mciYear: u.year,
    mciValue: u.value,
    currency: u.currency,
    expectedAmount: expected === null ? null : plainDecimal(expected, u.currency),
    imposedMci: mci,
  };
  if (!p.amount || expected === null) return { check, findings };

  const matches = p.amount.currency === u.currency && p.amount.minor === expected;
  if (matches) return { check: { ...check, amountMatches: true }, findings };
  // An amount that is right for another year's value: the wrong year was used, or (when the date was assumed) proceedings began then.
  const other =
    mci === null
      ? undefined
      : unitValues(pack).find(
          (v) =>
            v.year !== u.year &&
            v.currency === p.amount?.currency &&
            (BigInt(Math.round(mci * 100)) * v.minor) / 100n === p.amount.minor,
        );
  if (other && mciDateAssumed) {
    findings.push(
      finding(
        'PENALTY_MCI_YEAR_INFERRED',
        `The amount ${plainDecimal(p.amount.minor, p.amount.currency)} ${p.amount.currency} is ${mci} × ${other.valueText}, the ${u.code} of ${other.year}: it is right only if the date the fine is fixed at (${unitRule?.appliesAt ?? 'proceedings-start'}) fell in ${other.year}. Check the protocol's date.`,
        unitBasis,
        {
          amount: plainDecimal(p.amount.minor, p.amount.currency),
          mci,
          year: other.year,
          value: other.value,
        },
      ),
    );
    check = {
      ...check,
      mciYear: other.year,
      mciValue: other.value,
      expectedAmount: plainDecimal(p.amount.minor, p.amount.currency),
      amountMatches: true,
    };
    return { check, findings };
  }
  check = { ...check, amountMatches: false };
  // Only an amount above the lawful one favours the defence (finding 1 of issue #10): a fine below it
  // harms no one the objection speaks for, and is reported as a discrepancy.
  const exceeds = p.amount.currency === u.currency && p.amount.minor > expected;
  findings.push(
    finding(
      'PENALTY_AMOUNT_MISMATCH',
      `The amount imposed, ${plainDecimal(p.amount.minor, p.amount.currency)} ${p.amount.currency}, is not ${mci} × ${u.valueText} (the ${u.code} of ${u.year}) = ${check.expectedAmount ?? '?'} ${u.currency}: it is ${exceeds ? 'more' : 'less'} than the law allows.`,
      unitBasis,
      {
        exceeds,
        imposed: plainDecimal(p.amount.minor, p.amount.currency),
        expected: check.expectedAmount,
        mci,
        year: u.year,
        value: u.value,
        currency: u.currency,
      },
      exceeds ? 'critical' : 'warning',
      exceeds,
    ),
  );
  if (other) {
    findings.push(
      finding(
        'PENALTY_MCI_WRONG_YEAR',
        `The amount imposed is ${mci} × ${other.valueText}, the ${u.code} of ${other.year}; the fine must use the value of ${u.year}, in force on ${mciDate} (${mciDateBasis}).${exceeds ? '' : ' The amount is lower than the lawful one, so this is a discrepancy, not a ground of defence.'}`,
        unitBasis,
        {
          usedYear: other.year,
          usedValue: other.value,
          lawfulYear: u.year,
          lawfulValue: u.value,
          mciDate,
          exceeds,
        },
        exceeds ? 'critical' : 'warning',
        exceeds,
      ),
    );
  }
  return { check, findings };
}

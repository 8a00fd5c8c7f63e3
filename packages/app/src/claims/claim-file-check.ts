import { lstatSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  checkClaim,
  domainError,
  err,
  ok,
  packToday,
  parseCurrency,
  parseMinorUnits,
  type CalendarDate,
  type Claim,
  type ClaimCheck,
  type Result,
  type RulePack,
  offenderKindOf,
} from '@civic/core';
import { PACK_ID, parseClaimFile, type ClaimFile } from '@civic/formats';
import { loadRulePack } from '../rules/load-rule-pack.ts';
import { rulesDir } from '../rules/rules-dir.ts';

/** Today as a legal day: the date in the pack's time zone at the instant the driver passes in (never the UTC date). */
export const todayOf = (now: Date, pack: RulePack): CalendarDate => packToday(pack, now);

/** A claim file with money read in the pack's currency (the file may name another). */
export function claimFromFile(file: ClaimFile, pack: RulePack, fileName?: string): Result<Claim> {
  const where = fileName === undefined ? {} : { file: fileName };
  let penalty: Claim['penalty'] = null;
  if (file.penalty) {
    const code = parseCurrency(file.penalty.currency ?? pack.currency, 'penalty.currency');
    if (!code.ok) return err({ ...code.error, ...where });
    let amount = null;
    if (file.penalty.amount !== null) {
      const minor = parseMinorUnits(file.penalty.amount, code.value, { field: 'penalty.amount' });
      if (!minor.ok) return err({ ...minor.error, code: 'CLAIM_FIELD_INVALID', ...where });
      amount = { minor: minor.value, currency: code.value };
    }
    penalty = { mci: file.penalty.mci, amount, suspensionMonths: file.penalty.suspensionMonths };
  }
  return ok({
    pack: file.pack,
    offence: file.offence,
    // «Юридическое лицо», «заңды тұлға», «юрлицо» are the pack's `legal-entity`; an unknown kind
    // stays as written and the check refuses it naming the field (CLAIM_OFFENDER_UNKNOWN).
    offender: offenderKindOf(file.offender) ?? file.offender,
    proceedingsStartedOn: file.proceedingsStartedOn,
    rulingOn: file.rulingOn,
    servedOn: file.servedOn,
    penalty,
    // A prior penalty a court annulled is undone; one whose outcome is unknown is kept, and a repeat
    // finding resting on it says so (issue 10, finding 2).
    priorPenalties: file.priorPenalties
      .filter((p) => p.outcome !== 'annulled')
      .map((p) => ({
        article: p.article,
        tier: p.tier,
        finalOn: p.finalOn,
        ...(p.outcome === 'unknown' ? { outcomeUnknown: true } : {}),
      })),
  });
}

/**
 * Loads the pack a claim file names: an id, looked up as `<id>.yaml` in the rules folder (or the
 * folder given, `civic claim check --rules DIR`), and read only when it is a regular file there.
 * Never a path: CLAIM_FIELD_INVALID (field `pack`) for one, CLAIM_PACK_UNKNOWN for an id with no
 * pack — in both cases nothing is opened.
 */
export async function loadClaimPack(
  packRef: string,
  claimFileName: string,
  rulesFolder: string = rulesDir(),
): Promise<Result<RulePack>> {
  if (!PACK_ID.test(packRef))
    return err(
      domainError('CLAIM_FIELD_INVALID', `pack: "${packRef}" is not a rule pack id (a path is never read)`, {
        file: claimFileName,
        field: 'pack',
      }),
    );
  const packFile = join(resolve(rulesFolder), `${packRef}.yaml`);
  let regular = false;
  try {
    regular = lstatSync(packFile).isFile();
  } catch {
    regular = false;
  }
  const pack = regular ? await loadRulePack(packFile) : null;
  if (pack?.ok) return pack;
  if (pack === null || pack.error.code === 'RULE_PACK_NOT_FOUND') {
    return err(
      domainError('CLAIM_PACK_UNKNOWN', `pack: there is no rule pack "${packRef}" in the rules folder`, {
        file: claimFileName,
        field: 'pack',
      }),
    );
  }
  return pack;
}

export interface ClaimFileCheck {
  readonly claim: Claim;
  readonly pack: RulePack;
  readonly check: ClaimCheck;
  /** Non-fatal remarks on the file (unknown keys). */
  readonly warnings: readonly string[];
}

/**
 * `civic claim check`: reads a claim file, loads its pack and checks it. `asOf` is the decisive
 * date when the claim has neither a ruling nor a proceedings date; given `now` instead, it is
 * today in the pack's time zone (the CLI's default). `rulesDir` is where the pack id is looked up
 * (the repository's rules folder by default).
 * Errors name the file and field: CLAIM_FILE_NOT_JSON, CLAIM_FIELD_REQUIRED, CLAIM_FIELD_INVALID,
 * CLAIM_PACK_UNKNOWN, CLAIM_ARTICLE_UNKNOWN, CLAIM_TIER_UNKNOWN, CLAIM_OFFENDER_UNKNOWN.
 */
export async function checkClaimFile(
  bytes: Uint8Array | string,
  options: { fileName: string; rulesDir?: string } & ({ asOf: CalendarDate } | { now: Date }),
): Promise<Result<ClaimFileCheck>> {
  const file = parseClaimFile(bytes, { fileName: options.fileName });
  if (!file.ok) return file;
  const pack = await loadClaimPack(file.value.pack, options.fileName, options.rulesDir);
  if (!pack.ok) return pack;
  const claim = claimFromFile(file.value, pack.value, options.fileName);
  if (!claim.ok) return claim;
  const asOf = 'asOf' in options ? options.asOf : todayOf(options.now, pack.value);
  const check = checkClaim(pack.value, claim.value, { asOf });
  if (!check.ok) return err({ ...check.error, file: options.fileName });
  const warnings = file.value.unknownFields.map((f) => `${f}: not a field of the claim file (ignored)`);
  return ok({ claim: claim.value, pack: pack.value, check: check.value, warnings });
}

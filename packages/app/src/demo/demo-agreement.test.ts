import { readFileSync } from 'node:fs';
import { findOffence, parseRulePack } from '@civic/core';
import type { CaseActionInput } from '@civic/formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEMO_CASES } from './demo-cases.ts';
import { CAMPAIGN_2020_21, demoBackground } from './demo-incidents-data.ts';
import { DEMO_ORGANISATIONS } from './demo-organisations.ts';

const pack = parseRulePack(
  parse(readFileSync(new URL('../../../../rules/kz.yaml', import.meta.url), 'utf8')),
  'kz.yaml',
);
if (!pack.ok) throw new Error(pack.error.message);
const kz = pack.value;

/** The incident action a case action of each kind is recorded as. */
const INCIDENT_ACTION: Readonly<Record<string, string>> = {
  notice: 'notice',
  summons: 'summons',
  protocol: 'protocol',
  ruling: 'fine',
  withdrawal: 'withdrawal',
  'court-decision': 'court-decision',
};

/** The incidents a case action is recorded as: `<incident action> <day>`; a ruling's proceedings are its protocol's. */
function incidentKeys(a: CaseActionInput): string[] {
  const action = INCIDENT_ACTION[a.kind];
  const day =
    a.kind === 'protocol' ? a.proceedingsStartedOn : (a.rulingOn ?? a.servedOn ?? a.proceedingsStartedOn);
  const keys = action && day ? [`${action} ${day}`] : [];
  if (a.kind === 'ruling' && a.proceedingsStartedOn) keys.push(`protocol ${a.proceedingsStartedOn}`);
  return keys;
}

const nameOf = new Map<string, string>(DEMO_ORGANISATIONS.map((o) => [o.key, o.name]));

describe('the demo cases and incidents agree', () => {
  const rows = DEMO_CASES.flatMap((c) =>
    c.actions.flatMap((a) => incidentKeys(a).map((key) => [nameOf.get(c.org) ?? c.org, key] as const)),
  );
  it.each(rows)('%s: the case action is an incident of the same day (%s)', (org, key) => {
    const incidents = CAMPAIGN_2020_21.filter((r) => r[1] === org).map((r) => `${r[4]} ${r[0]}`);
    expect(incidents).toContain(key);
  });

  it.each(DEMO_ORGANISATIONS.map((o) => o.name))(
    'every 2020–21 incident of %s is an action of its case, on its day',
    (org) => {
      const c = DEMO_CASES.find((x) => nameOf.get(x.org) === org);
      const keys = new Set((c?.actions ?? []).flatMap(incidentKeys));
      // A suspension is part of its ruling (the fine's incident on the same day).
      for (const r of CAMPAIGN_2020_21.filter((x) => x[1] === org))
        expect(keys).toContain(`${r[4] === 'suspension' ? 'fine' : r[4]} ${r[0]}`);
    },
  );

  it('gives no incident under an article of the pack a suspension no tier provides, or a part the pack lacks', () => {
    const offence = findOffence(kz, '460-1');
    const parts = new Set(offence?.tiers.map((t) => t.part).filter((p) => p !== null));
    const maxMonths = Math.max(0, ...(offence?.tiers.map((t) => t.suspension?.maxMonths ?? 0) ?? []));
    for (const r of [...CAMPAIGN_2020_21, ...demoBackground()]) {
      if (!r[5].includes('460-1')) continue;
      const part = /ч\. (\d+)/.exec(r[5])?.[1];
      if (part) expect(parts.has(part), `${r[0]} ${r[1]}: «${r[5]}»`).toBe(true);
      if (r[7] !== null) expect(r[7], `${r[0]} ${r[1]}`).toBeLessThanOrEqual(maxMonths);
      // A fine is a sum of the pack's amounts for a legal entity (100 or 200 MCI each).
      if (r[6] !== null) expect(r[6] % 100, `${r[0]} ${r[1]}: ${r[6]} MCI`).toBe(0);
    }
  });
});

import type { ActionType, Incident } from '../incident.ts';
import { actionFamily, type ActionFamily } from './action-family.ts';
import { normaliseLegalBasis } from './legal-basis.ts';
import { compareText } from './wave-breadth.ts';

/**
 * A scan "zone": a category of action, not a circle on the map (docs/waves.md). A zone is one of
 * family × article, the family alone, the article alone, or one action type alone (for data where
 * every action cites one article). Zones overlap (a notice under CoAO 460-1 belongs to four of
 * them); the permutation test accounts for that by taking the maximum over all of them in every
 * replicate.
 */
export interface WaveZone {
  /** Stable key, e.g. `family=inspection;basis=coao 460-1`. */
  readonly key: string;
  /** For people, e.g. `any inspection action · CoAO 460-1` or `notice`. */
  readonly label: string;
  readonly action: ActionType | null;
  readonly family: ActionFamily | null;
  /** The normalised article (see normaliseLegalBasis), or null for a zone of any basis. */
  readonly legalBasis: string | null;
}

export interface ZoneAssignment {
  readonly zones: readonly WaveZone[];
  /** For each incident (in the order given), the indices of its zones, ascending. */
  readonly memberships: readonly (readonly number[])[];
  /** For each pair of zones (k1 * K + k2), 1 when some kind of incident belongs to both. */
  readonly overlap: Uint8Array;
}

// Zones with the same members describe the same cylinders: the most specific name is kept.
const SPECIFICITY: Record<string, number> = { 'family+basis': 1, action: 2, family: 3, basis: 4 };

interface Candidate {
  readonly zone: WaveZone;
  readonly shape: keyof typeof SPECIFICITY;
  readonly kinds: Set<string>;
}

/** The zone keys of one kind of incident, registering the zones (and the kind in each) as it goes. */
function zonesOf(action: ActionType, rawBasis: string, candidates: Map<string, Candidate>): string[] {
  const basis = normaliseLegalBasis(rawBasis);
  const basisKey = basis?.toLowerCase() ?? null;
  const family = actionFamily(action);
  const kind = `${action}|${basisKey ?? ''}`;
  const mine: { zone: WaveZone; shape: Candidate['shape'] }[] = [
    { zone: { key: `action=${action}`, label: action, action, family, legalBasis: null }, shape: 'action' },
    {
      zone: {
        key: `family=${family}`,
        label: `any ${family} action`,
        action: null,
        family,
        legalBasis: null,
      },
      shape: 'family',
    },
  ];
  if (basis !== null && basisKey !== null) {
    mine.push(
      {
        zone: {
          key: `family=${family};basis=${basisKey}`,
          label: `any ${family} action · ${basis}`,
          action: null,
          family,
          legalBasis: basis,
        },
        shape: 'family+basis',
      },
      {
        zone: {
          key: `basis=${basisKey}`,
          label: `any action · ${basis}`,
          action: null,
          family: null,
          legalBasis: basis,
        },
        shape: 'basis',
      },
    );
  }
  for (const m of mine) {
    let c = candidates.get(m.zone.key);
    if (!c) {
      c = { zone: m.zone, shape: m.shape, kinds: new Set() };
      candidates.set(m.zone.key, c);
    }
    c.kinds.add(kind);
  }
  return mine.map((m) => m.zone.key);
}

/** Assigns every incident to its zones and drops zones that duplicate another's members. */
export function assignZones(incidents: readonly Incident[]): ZoneAssignment {
  const candidates = new Map<string, Candidate>();
  // Incidents of one kind (action and article) share their zones: work them out once per kind.
  const zonesOfKind = new Map<string, string[]>();
  const perIncident: string[][] = [];
  for (const inc of incidents) {
    const raw = inc.legalBasis ?? '';
    const kindKey = `${inc.action}\u0000${raw}`;
    let keys = zonesOfKind.get(kindKey);
    if (keys === undefined) {
      keys = zonesOf(inc.action, raw, candidates);
      zonesOfKind.set(kindKey, keys);
    }
    perIncident.push(keys);
  }

  // Keep one zone per distinct member set: the most specific shape, then the smallest key.
  const bySet = new Map<string, Candidate>();
  const sortedCandidates = [...candidates.values()].sort(
    (a, b) =>
      (SPECIFICITY[a.shape] ?? 9) - (SPECIFICITY[b.shape] ?? 9) || compareText(a.zone.key, b.zone.key),
  );
  const canonical = new Map<string, string>();
  for (const c of sortedCandidates) {
    const signature = [...c.kinds].sort(compareText).join('\n');
    const kept = bySet.get(signature);
    if (kept) canonical.set(c.zone.key, kept.zone.key);
    else {
      bySet.set(signature, c);
      canonical.set(c.zone.key, c.zone.key);
    }
  }
  const kept = [...bySet.values()].sort((a, b) => compareText(a.zone.key, b.zone.key));
  const index = new Map(kept.map((c, i) => [c.zone.key, i]));
  const idsOfKind = new Map<readonly string[], number[]>();
  const memberships = perIncident.map((keys) => {
    let ids = idsOfKind.get(keys);
    if (ids === undefined) {
      const set = new Set<number>();
      for (const key of keys) {
        const i = index.get(canonical.get(key) ?? key);
        if (i !== undefined) set.add(i);
      }
      ids = [...set].sort((a, b) => a - b);
      idsOfKind.set(keys, ids);
    }
    return ids;
  });

  const K = kept.length;
  const overlap = new Uint8Array(K * K);
  for (let a = 0; a < K; a++) {
    for (let b = 0; b < K; b++) {
      const ka = kept[a]?.kinds;
      const kb = kept[b]?.kinds;
      if (ka && kb && [...ka].some((k) => kb.has(k))) overlap[a * K + b] = 1;
    }
  }
  return { zones: kept.map((c) => c.zone), memberships, overlap };
}

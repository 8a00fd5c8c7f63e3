import type { DetectedWave } from '@civic/core';

/**
 * A wave as the CLI and the API print it. The first eight fields are the contract
 * (`id, from, to, organisations, places, actions, legalBasis, pValue`); the rest explain it.
 */
export function waveJson(w: DetectedWave) {
  return {
    id: w.id,
    from: w.from,
    to: w.to,
    organisations: w.organisations,
    places: w.places,
    actions: w.actions,
    legalBasis: w.legalBasis,
    pValue: w.pValue,
    llr: w.llr,
    expected: w.expected,
    category: w.category,
    spreadKm: w.spreadKm,
    coordinated: w.coordinated,
    windowFrom: w.windowFrom,
    windowTo: w.windowTo,
    actionTypes: w.actionTypes,
    incidentIds: w.incidentIds,
  };
}

export type WaveJson = ReturnType<typeof waveJson>;

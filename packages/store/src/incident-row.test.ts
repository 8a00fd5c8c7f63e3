import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarDate, incidentSearchText, placeSearchNames } from '@civic/core';
import type { NewIncident } from './incident.repository.ts';
import { SearchTextMemo } from './incident-row.ts';

// The bulk writer's indexed text (memoised per repeated text, joined without per-row lists) is
// exactly core's incidentSearchText, row after row with the memo warm, for texts in Latin, Russian
// and Kazakh letters, with organisation aliases and gazetteer names, and with empty or missing fields.

const WORDS = [
  'grant',
  'Almaty',
  'штрафом',
  'уведомления',
  'сотта',
  'Алматыда',
  'оштрафован',
  'есеп',
  '460-1',
  "Qazaq'stan",
  '',
];
const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }).map((ws) => ws.join(' '));
const maybe = fc.option(text, { nil: null });
const ALIASES: Record<string, readonly string[]> = { Echo: ['Эхо', 'Echo'], 'Ақиқат Қоры': ['Akikat Fund'] };

const incident = fc.record({
  organisation: fc.constantFrom('Echo', 'Ақиқат Қоры', 'KIBHR', 'Эхо'),
  place: fc.constantFrom('Almaty', 'Алматы', 'Өскемен', 'Nowhere', 'Shymkent', ''),
  authority: maybe,
  office: maybe,
  legalBasis: maybe,
  outcome: maybe,
  notes: maybe,
});

describe('the bulk writer’s indexed text', () => {
  it('is core’s incidentSearchText for every row, memo warm or cold', () => {
    const organisationNames = (o: string) => ALIASES[o] ?? [];
    const memo = new SearchTextMemo(placeSearchNames, organisationNames);
    fc.assert(
      fc.property(fc.array(incident, { minLength: 1, maxLength: 30 }), (rows) => {
        for (const r of rows) {
          const row = { ...r, date: calendarDate('2020-01-01') } as unknown as NewIncident;
          expect(memo.text(row)).toBe(incidentSearchText(r, placeSearchNames, organisationNames));
        }
      }),
      { seed: 14, numRuns: 100 },
    );
  });
});

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

  it('is core’s for notes cut into pieces anywhere: punctuation, spacing, marks, mixed scripts', () => {
    // The notes' terms are memoised per space-separated piece: any separator next to a space, a
    // space first or last, two in a row, a combining mark after a space, a piece mixing scripts.
    const piece = fc.constantFrom(
      ...WORDS,
      'протокол,',
      '(жалоба)',
      'audit.Проверка',
      'Өскемен—Almaty',
      '\u0301ударение',
      'e\u0301',
      "д'Артаньян",
      'финансирование;',
      '№12',
      '\t',
      '\n',
    );
    const separator = fc.constantFrom(' ', '  ', ' , ', '\t', ' \n');
    const notes = fc
      .array(fc.tuple(piece, separator), { maxLength: 10 })
      .chain((xs) => fc.tuple(fc.constant(xs), fc.boolean(), fc.boolean()))
      .map(
        ([xs, lead, trail]) =>
          `${lead ? ' ' : ''}${xs.map(([p, sep]) => p + sep).join('')}${trail ? '' : 'end'}`,
      );
    const memo = new SearchTextMemo(placeSearchNames, () => []);
    fc.assert(
      fc.property(fc.array(notes, { minLength: 1, maxLength: 20 }), (all) => {
        for (const n of all) {
          const r = {
            organisation: 'Echo',
            place: 'Almaty',
            authority: null,
            office: null,
            legalBasis: null,
            outcome: null,
            notes: n,
          };
          const row = { ...r, date: calendarDate('2020-01-01') } as unknown as NewIncident;
          expect(memo.text(row)).toBe(incidentSearchText(r, placeSearchNames));
        }
      }),
      { seed: 14, numRuns: 200 },
    );
  });
});

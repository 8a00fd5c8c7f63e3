import { describe, expect, it } from 'vitest';
import { legalBasisKey, normaliseLegalBasis } from './legal-basis.ts';

// Each row: how a monitor may write a basis → the article it is grouped under.
// Sources for the spellings: legal-brief.md §1.4 (CoAO Art. 460-1, "parts"), §2.1 (Zhovtis:
// "different parts of one article").
const ROWS: readonly [string | null, string | null][] = [
  ['CoAO 460-1 part 2', 'CoAO 460-1'],
  ['CoAO 460-1 part 1', 'CoAO 460-1'],
  ['CoAO 460-1', 'CoAO 460-1'],
  ['Art. 460-1(2) CoAO', 'CoAO 460-1'],
  ['CoAO art. 460.1, p. 2', 'CoAO 460-1'],
  ['ст. 460-1 ч. 2 КоАП РК', 'CoAO 460-1'],
  ['статья 460-1 часть 3 Кодекса об административных правонарушениях', 'CoAO 460-1'],
  ['ӘҚБтК 460-1-бабы 2-бөлігі', 'CoAO 460-1'],
  ['Code of Administrative Offences, Article 489 part 10', 'CoAO 489'],
  ['Criminal Code art. 174', 'CC 174'],
  ['УК РК ст. 403', 'CC 403'],
  ['Tax Code art. 29', 'Tax Code 29'],
  ['  coao   460-1  ', 'CoAO 460-1'],
  ['Law on Non-commercial Organisations', 'Law on Non-commercial Organisations'],
  ['', null],
  ['   ', null],
  [null, null],
];

describe('normaliseLegalBasis', () => {
  it.each(ROWS)('%s → %s', (input, expected) => {
    expect(normaliseLegalBasis(input)).toBe(expected);
  });

  it('groups case-insensitively', () => {
    expect(legalBasisKey('COAO 460-1 PART 2')).toBe(legalBasisKey('CoAO 460-1 part 1'));
    expect(legalBasisKey('CoAO 460-1')).not.toBe(legalBasisKey('CoAO 489'));
  });
});

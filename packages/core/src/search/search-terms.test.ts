import { describe, expect, it } from 'vitest';
import { foldForMatching } from '../gazetteer/normalise-place-name.ts';
import { stemKazakh } from './kazakh-stem.ts';
import { queryAlternatives, wordTerms } from './search-terms.ts';

const fold = (w: string) => foldForMatching(w);

describe('stemKazakh (on folded words)', () => {
  it.each([
    ['Өскеменде', 'оскемен'], // locative -де
    ['сотта', 'сот'], // locative -та
    ['сотқа', 'сот'], // dative -қа
    ['Ұйымға', 'уиым'], // dative -ға
    ['Алматыдан', 'алматы'], // ablative -дан
    ['Қазақстаннан', 'казакстан'], // ablative -нан
    ['Астананың', 'астана'], // genitive -ның
    ['сотпен', 'сот'], // instrumental -пен
    ['ұйымдарға', 'уиым'], // plural -дар + dative -ға
    ['Алматы', 'алматы'], // no accusative: the -ты of a name stays
    ['Өскемен', 'оскемен'], // no instrumental -мен
    ['суда', 'суда'], // a stem keeps three letters
  ])('%s → %s', (word, stem) => {
    expect(stemKazakh(fold(word))).toBe(stem);
  });
});

describe('wordTerms', () => {
  it('gives Russian inflected forms one term', () => {
    const terms = ['штраф', 'штрафа', 'штрафом', 'штрафы'].map((w) => wordTerms(fold(w)).term);
    expect(new Set(terms)).toEqual(new Set(['штраф']));
  });

  it('finds the noun in a verb made from it', () => {
    expect(wordTerms(fold('оштрафован')).extras).toContain('штраф');
    expect(wordTerms(fold('арестован')).extras).toContain('арест');
  });

  it('leaves Latin words and numbers as they are', () => {
    expect(wordTerms('fined')).toEqual({ term: 'fined', extras: [] });
    expect(wordTerms('460')).toEqual({ term: '460', extras: [] });
  });

  it('reads a word with a Kazakh ending both ways in a query', () => {
    const alternatives = queryAlternatives(fold('Алматыда'));
    expect(alternatives).toContain(wordTerms(fold('Алматы')).term);
    expect(queryAlternatives(fold('штрафом'))).toEqual(['штраф']);
  });
});

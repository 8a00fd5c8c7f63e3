/**
 * A small Kazakh suffix stripper for search (there is no maintained Snowball algorithm for
 * Kazakh). It works on *folded* words (see foldForMatching: ғ→г, қ→к, ң→н, і→и, ә→а, ө→о,
 * ұ/ү→у), so «Өскеменде» arrives as "оскеменде" and leaves as "оскемен".
 *
 * What it covers, once per word, longest ending first:
 * - one case ending: locative -да/-де/-та/-те, ablative -дан/-ден/-тан/-тен/-нан/-нен,
 *   dative -ға/-ге/-қа/-ке, genitive -ның/-нің/-дың/-дің/-тың/-тің, instrumental -бен/-пен;
 * - then one plural ending: -лар/-лер/-дар/-дер/-тар/-тер.
 * What it does not: the accusative (-ны/-ды/-ты…: «Алматы» would lose its -ты), the
 * instrumental -мен («Өскемен»), possessive endings (-ы/-і/-сы/-сі, so «облысы» stays), the
 * locative after a possessive (-нда/-нде), the dative forms that are a bare vowel or -на/-не
 * (too often the end of a Russian word), verb endings, and vowel harmony (an ending is
 * stripped whatever the stem's vowels).
 * A stem keeps at least three letters («суда» is never cut to «су»).
 */
export function stemKazakh(folded: string): string {
  const cased = strip(folded, CASE_ENDINGS);
  return strip(cased, PLURAL_ENDINGS);
}

const MIN_STEM = 3;

// Folded spellings, longest first ("-дан" before "-да").
const CASE_ENDINGS = [
  'нан',
  'нен',
  'дан',
  'ден',
  'тан',
  'тен',
  'нын',
  'нин',
  'дын',
  'дин',
  'тын',
  'тин',
  'бен',
  'пен',
  'да',
  'де',
  'та',
  'те',
  'га',
  'ге',
  'ка',
  'ке',
] as const;

const PLURAL_ENDINGS = ['лар', 'лер', 'дар', 'дер', 'тар', 'тер'] as const;

function strip(word: string, endings: readonly string[]): string {
  for (const e of endings)
    if (word.length - e.length >= MIN_STEM && word.endsWith(e)) return word.slice(0, -e.length);
  return word;
}

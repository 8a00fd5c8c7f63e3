import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBinIin, computeBinIinCheckDigit, isValidBinIin, withBinIinCheckDigit } from './bin-iin.ts';

/**
 * Rows worked by hand from the published algorithm (Government Decree No. 565 of 11 June 2003;
 * OECD "Kazakhstan – TIN" sheet): weights 1…11, mod 11; on 10 the weights 3…11,1,2; on 10 again none.
 */
const ROWS: readonly (readonly [string, string, ReturnType<typeof checkBinIin>])[] = [
  // 0·1+6·2+1·3+2·4+1·5+1·6+6·7+0+0+0+1·11 = 87; 87 mod 11 = 10 → second weights: 0+24+5+12+7+8+54+0+0+0+2 = 112; 112 mod 11 = 2
  ['an IIN whose first sum gives 10, checked by the second weights', '061211600012', null],
  ['the same IIN with another control digit', '061211600013', 'check-digit'],
  // 9·1+8·2+0+3·4+4·5+0+0+0+0+4·10+4·11 = 141; 141 mod 11 = 9
  ['a BIN (first weights)', '980340000449', null],
  ['the demo Echo BIN', '070940000014', null],
  ['a BIN one digit off', '070940000011', 'check-digit'],
  ['two digits swapped', '079040000014', 'check-digit'],
  ['eleven digits', '07094000001', 'shape'],
  ['thirteen digits', '0709400000140', 'shape'],
  ['a letter', '07094000001O', 'shape'],
  ['spaces', '0709 4000 0014', 'shape'],
  ['empty', '', 'shape'],
  ['all zeros (sum 0, control 0)', '000000000000', null],
];

describe('checkBinIin', () => {
  it.each(ROWS)('%s: %s', (_what, value, problem) => {
    expect(checkBinIin(value)).toBe(problem);
    expect(isValidBinIin(value)).toBe(problem === null);
  });

  it('finds no control digit where both weightings give 10', () => {
    // Both sums are 10 mod 11: no number is issued with these eleven digits.
    const none = Array.from({ length: 200000 }, (_, i) => String(i).padStart(11, '0')).find(
      (d) => computeBinIinCheckDigit(d) === null,
    );
    expect(none).toBeDefined();
    for (let c = 0; c <= 9; c++) expect(checkBinIin(`${none ?? ''}${String(c)}`)).toBe('check-digit');
  });
});

describe('BIN/IIN properties', () => {
  const eleven = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 11, maxLength: 11 });

  it('a number built with its control digit passes, and every other last digit fails', () => {
    fc.assert(
      fc.property(eleven, (d) => {
        const built = withBinIinCheckDigit(d);
        if (built === null) return;
        expect(isValidBinIin(built)).toBe(true);
        const others = [...'0123456789'].filter((c) => c !== built.slice(11));
        for (const c of others) expect(isValidBinIin(`${d}${c}`)).toBe(false);
      }),
    );
  });

  it('changing any one of the first ten digits is caught while both numbers use the first weights', () => {
    const firstSum = (d: string): number =>
      [...d.slice(0, 11)].reduce((sum, c, i) => sum + (i + 1) * Number(c), 0) % 11;
    fc.assert(
      fc.property(eleven, fc.nat(9), fc.integer({ min: 1, max: 9 }), (d, at, delta) => {
        const built = withBinIinCheckDigit(d);
        if (built === null) return;
        const changed = String((Number(built[at]) + delta) % 10);
        const typo = `${built.slice(0, at)}${changed}${built.slice(at + 1)}`;
        // Weights 1…10 are non-zero mod 11 (the eleventh, 11, is 0: that digit is not guarded by the
        // first sum), so a one-digit change among the first ten always moves the sum.
        // Where a sum lands on 10 the second weights decide, and a typo may pass (08000000000 + 1).
        fc.pre(firstSum(built) !== 10 && firstSum(typo) !== 10);
        expect(checkBinIin(typo)).toBe('check-digit');
      }),
    );
  });
});

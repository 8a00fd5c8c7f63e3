import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currency } from './currency.ts';
import { divRound, formatMinor, parseMinorUnits } from './money.ts';

const KZT = currency('KZT');
const JPY = currency('JPY');
const KWD = currency('KWD');

describe('parseMinorUnits', () => {
  it.each([
    ['1166800', KZT, 116680000n],
    ['1 166 800,50', KZT, 116680050n],
    ['1166800.5', KZT, 116680050n],
    ['-0.01', KZT, -1n],
    ['+12', KZT, 1200n],
    ['1500', JPY, 1500n],
    ['1.234', KWD, 1234n],
    ['0,10', KZT, 10n],
  ])('%s %s → %s', (text, cur, expected) => {
    expect(parseMinorUnits(text, cur)).toEqual({ ok: true, value: expected });
  });

  it.each(['', 'abc', '1.2.3', '1,2.3', '0.001', '1e5', '--1', '1.5'])('rejects %s', (text) => {
    const cur = text === '1.5' ? JPY : KZT;
    const r = parseMinorUnits(text, cur, { field: 'Сумма' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'AMOUNT_INVALID', field: 'Сумма' });
  });

  it('round-trips any minor amount through its decimal text', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), (minor) => {
        expect(parseMinorUnits(formatMinor(minor, KZT), KZT)).toEqual({ ok: true, value: minor });
      }),
    );
  });

  it('reads a plain decimal (the quick path) as the general reading does (a leading space takes it)', () => {
    const plain = fc
      .tuple(
        fc.constantFrom('', '-'),
        fc.stringMatching(/^\d{1,12}$/),
        fc.option(fc.stringMatching(/^\d{0,4}$/), { nil: undefined }),
      )
      .map(([sign, whole, fraction]) => `${sign}${whole}${fraction === undefined ? '' : `.${fraction}`}`);
    fc.assert(
      fc.property(
        plain,
        fc.constantFrom(KZT, JPY, KWD),
        fc.constantFrom('auto', '.', ','),
        (text, cur, sep) => {
          const options = { decimalSeparator: sep } as const;
          const quick = parseMinorUnits(text, cur, options);
          const general = parseMinorUnits(` ${text}`, cur, options);
          expect(quick.ok).toBe(general.ok);
          if (quick.ok && general.ok) expect(quick.value).toBe(general.value);
          if (!quick.ok && !general.ok) expect(quick.error.code).toBe(general.error.code);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('divRound', () => {
  it('rounds half away from zero', () => {
    expect(divRound(5n, 2n)).toBe(3n);
    expect(divRound(-5n, 2n)).toBe(-3n);
    expect(divRound(4n, 3n)).toBe(1n);
  });
});

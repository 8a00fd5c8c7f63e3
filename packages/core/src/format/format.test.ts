import { afterEach, describe, expect, it } from 'vitest';
import {
  formatDateTime,
  formatDayMonth,
  formatDecimalMoney,
  formatDuration,
  formatIsoPeriod,
  formatKilometres,
  formatLongDate,
  formatMinorMoney,
  formatMonthYear,
  formatMonthName,
  formatNumber,
  formatPercent,
  formatShortDate,
  formatWeekday,
} from './index.ts';

const NB = '\u00a0';

/**
 * Every expectation below, computed twice: with the platform's full ICU, and with Intl and every
 * toLocale* method removed (as in a browser or Node build with no Kazakh data). The formatter must
 * give the same text both times, so it must not touch the platform's locale data at all.
 */
const CASES: ReadonlyArray<readonly [string, () => string, string]> = [
  ['kk long date', () => formatLongDate('kk', '2025-12-20'), '2025 жылғы 20 желтоқсан'],
  ['ru long date', () => formatLongDate('ru', '2025-12-20'), '20 декабря 2025 г.'],
  ['ru document date', () => formatLongDate('ru', '2021-01-15', { document: true }), '15 января 2021 года'],
  ['en long date', () => formatLongDate('en', '2025-12-20'), '20 December 2025'],
  ['kk date of a timestamp', () => formatLongDate('kk', '2020-11-16T09:30:00Z'), '2020 жылғы 16 қараша'],
  ['ru short date', () => formatShortDate('ru', '2021-03-05'), '05.03.2021'],
  ['kk short date', () => formatShortDate('kk', '2021-03-05'), '05.03.2021'],
  ['en short date', () => formatShortDate('en', '2021-03-05'), '5 Mar 2021'],
  ['ru day and month', () => formatDayMonth('ru', '2020-11-16'), '16 нояб.'],
  ['kk month and year', () => formatMonthYear('kk', 2025, 12), '2025 жылғы желтоқсан'],
  ['ru month and year', () => formatMonthYear('ru', 2021, 1), 'январь 2021 г.'],
  ['en month and year', () => formatMonthYear('en', 2021, 1), 'January 2021'],
  ['kk month', () => formatMonthName('kk', 4), 'сәуір'],
  ['kk weekday', () => formatWeekday('kk', 1), 'дүйсенбі'],
  ['kk short weekday', () => formatWeekday('kk', 7, 'short'), 'жс'],
  ['ru short weekday', () => formatWeekday('ru', 3, 'short'), 'ср'],
  [
    'ru date and time',
    () => formatDateTime('ru', { date: '2025-12-20', hour: 9, minute: 5 }),
    '20 декабря 2025 г., 09:05',
  ],
  ['kk number', () => formatNumber('kk', 1485), `1${NB}485`],
  ['ru number', () => formatNumber('ru', 1166800), `1${NB}166${NB}800`],
  ['en number', () => formatNumber('en', 1166800), '1,166,800'],
  ['ru decimal comma', () => formatNumber('ru', 2.4), '2,4'],
  ['ru negative', () => formatNumber('ru', -12345.678), `-12${NB}345,68`],
  ['small number', () => formatNumber('ru', 999), '999'],
  [
    'bigint beyond a float',
    () => formatNumber('kk', 9007199254740993n),
    `9${NB}007${NB}199${NB}254${NB}740${NB}993`,
  ],
  ['kk money', () => formatMinorMoney('kk', 1853160000n, 'KZT'), `18${NB}531${NB}600,00${NB}₸`],
  ['ru money', () => formatDecimalMoney('ru', '1166800.00', 'KZT'), `1${NB}166${NB}800,00${NB}₸`],
  ['ru dollars', () => formatMinorMoney('ru', '250000000', 'USD'), `2${NB}500${NB}000,00${NB}$`],
  ['kk other currency by code', () => formatMinorMoney('kk', 150000n, 'CHF'), `1${NB}500,00${NB}CHF`],
  ['en money', () => formatMinorMoney('en', 1853160000n, 'KZT'), '₸18,531,600.00'],
  ['en negative dollars', () => formatMinorMoney('en', -5n, 'USD'), '-US$0.05'],
  ['no minor unit', () => formatMinorMoney('ru', 1234n, 'JPY'), `1${NB}234${NB}JPY`],
  [
    'money beyond a float',
    () => formatMinorMoney('ru', 900719925474099123n, 'KZT'),
    `9${NB}007${NB}199${NB}254${NB}740${NB}991,23${NB}₸`,
  ],
  ['decimal padded to the minor unit', () => formatDecimalMoney('kk', '5', 'KZT'), `5,00${NB}₸`],
  ['not a decimal', () => formatDecimalMoney('ru', 'n/a', 'KZT'), 'n/a KZT'],
  ['ru percent', () => formatPercent('ru', 2.44), `2,4${NB}%`],
  ['en percent', () => formatPercent('en', 12.5), '12.5%'],
  ['ru distance', () => formatKilometres('ru', 1485.4), `1${NB}485${NB}км`],
  ['kk distance', () => formatKilometres('kk', 1485.6), `1${NB}486${NB}км`],
  ['ru months', () => formatIsoPeriod('ru', 'P2M'), `2${NB}месяца`],
  ['ru 5 months', () => formatDuration('ru', { months: 5 }), `5${NB}месяцев`],
  ['ru 21 days', () => formatDuration('ru', { days: 21 }), `21${NB}день`],
  ['ru 12 days', () => formatDuration('ru', { days: 12 }), `12${NB}дней`],
  ['ru year and months', () => formatIsoPeriod('ru', 'P1Y3M'), `1${NB}год и 3${NB}месяца`],
  ['kk months', () => formatIsoPeriod('kk', 'P3M'), `3${NB}ай`],
  ['kk year and days', () => formatDuration('kk', { years: 1, days: 10 }), `1${NB}жыл және 10${NB}күн`],
  ['en months', () => formatIsoPeriod('en', 'P2M'), `2${NB}months`],
  ['en one year', () => formatIsoPeriod('en', 'P1Y'), `1${NB}year`],
  ['not a period', () => formatIsoPeriod('ru', 'two months'), 'two months'],
];

type Saved = { target: object; key: string; value: unknown };
let saved: Saved[] = [];

function refuse(name: string): () => never {
  // A plain function, so that `new Intl.NumberFormat(…)` reaches the throw too.
  return function refused(): never {
    throw new Error(`${name} used: the formatter must not depend on the platform's locale data`);
  };
}

/** Removes Intl and the toLocale* methods, as on a platform with no locale data. */
function removeLocaleData(): void {
  const replace = (target: object, key: string, value: unknown): void => {
    saved.push({ target, key, value: Reflect.get(target, key) });
    Object.defineProperty(target, key, { value, configurable: true, writable: true });
  };
  replace(globalThis, 'Intl', new Proxy({}, { get: (_t, p) => refuse(`Intl.${String(p)}`) }));
  replace(Number.prototype, 'toLocaleString', refuse('Number.toLocaleString'));
  replace(BigInt.prototype, 'toLocaleString', refuse('BigInt.toLocaleString'));
  for (const m of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString'])
    replace(Date.prototype, m, refuse(`Date.${m}`));
  replace(String.prototype, 'localeCompare', refuse('String.localeCompare'));
}

afterEach(() => {
  for (const s of saved.reverse())
    Object.defineProperty(s.target, s.key, { value: s.value, configurable: true, writable: true });
  saved = [];
});

describe('the project formatter', () => {
  it.each(CASES)('%s, with full ICU', (_name, run, expected) => {
    expect(typeof Intl.DateTimeFormat).toBe('function');
    expect(run()).toBe(expected);
  });

  it.each(CASES)('%s, with the locale data removed', (_name, run, expected) => {
    removeLocaleData();
    expect(() => new Intl.NumberFormat('kk').format(1)).toThrow(/locale data/);
    expect(run()).toBe(expected);
  });

  it('differs from what a platform without Kazakh data prints', () => {
    // The defect the issue reports: "2025 M12 20" and "KZT 18,531,600.00" on the Kazakh page.
    expect(formatLongDate('kk', '2025-12-20')).not.toMatch(/M12|[A-Z]{3}/);
    expect(formatMinorMoney('kk', 1853160000n, 'KZT')).not.toContain('KZT');
  });
});

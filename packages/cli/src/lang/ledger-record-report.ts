import { EQUIVALENT_STATUS_LABELS, formatDecimalMoney, labelOf, type Locale } from '@civic/core';
import { categoryLabel, filingLabels } from '@civic/formats';
import { listDay } from './deadline-report.ts';
import { countOf, phrase, type ReportWords } from './report-text.ts';

/**
 * The readable output of the ledger record commands (`source`, `grant`, `account`, `receipt`,
 * `expenditure` — `add` and `list`) in ru/kk/en, from their JSON views: a source's category by
 * its label, sums and dates through the core formatter, the equivalent in the jurisdiction's
 * currency with how it was found. Names, agreement numbers, accounts and ids stay as entered.
 * English keeps the lines it always printed (ISO dates, codes) for the scripts that read them.
 */
const WORDS = {
  sourceAdded: {
    en: 'added source {id:text} {name:text}',
    ru: 'добавлен источник {id:text} {name:text}',
    kk: '{id:text} {name:text} көзі қосылды',
  },
  grantAdded: {
    en: 'added grant {id:text} {agreement:text}',
    ru: 'добавлен грант {id:text} {agreement:text}',
    kk: '{id:text} {agreement:text} гранты қосылды',
  },
  accountAdded: {
    en: 'account {id:text} {number:text} {currency:text}',
    ru: 'добавлен счёт {id:text} {number:text} {currency:text}',
    kk: '{id:text} {number:text} {currency:text} шоты қосылды',
  },
  receiptAdded: {
    en: 'recorded receipt {id:text} (KZT equivalent {status:text})',
    ru: 'записано поступление {id:text} ({equivalent:text})',
    kk: '{id:text} түсімі жазылды ({equivalent:text})',
  },
  expenditureAdded: {
    en: 'recorded expenditure {id:text}',
    ru: 'записан расход {id:text} ({amount:text}, распределён на {grants:text})',
    kk: '{id:text} шығысы жазылды ({amount:text}, {grants:text} бөлінді)',
  },
  equivalent: {
    en: '{equivalent:text} {currency:text}',
    ru: 'эквивалент {sum:text}, {how:text}',
    kk: 'баламасы {sum:text}, {how:text}',
  },
  noEquivalent: {
    en: '{status:text}',
    ru: 'эквивалент не рассчитан: {how:text}',
    kk: 'баламасы есептелмеді: {how:text}',
  },
  categoryMissing: { en: '(category missing)', ru: '(категория не указана)', kk: '(санаты көрсетілмеген)' },
  noValuation: { en: '(no valuation)', ru: '(без оценки)', kk: '(бағаланбаған)' },
  sources: { en: 'no sources', ru: 'источников нет', kk: 'көздер жоқ' },
  grants: { en: 'no grants', ru: 'грантов нет', kk: 'гранттар жоқ' },
  accounts: { en: 'no accounts', ru: 'счетов нет', kk: 'шоттар жоқ' },
  receipts: { en: 'no receipts', ru: 'поступлений нет', kk: 'түсімдер жоқ' },
  expenditures: { en: 'no expenditures', ru: 'расходов нет', kk: 'шығыстар жоқ' },
} as const satisfies ReportWords;

const GRANTS = { ru: ['грант', 'гранта', 'грантов'], kk: 'грантқа', en: ['grant', 'grants'] } as const;

type Json = Readonly<Record<string, unknown>>;
const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const money = (lang: Locale, amount: unknown, currency: unknown): string =>
  formatDecimalMoney(lang, text(amount), text(currency));

/** What an empty list says: «источников нет». */
export function emptyListLine(
  kind: 'sources' | 'grants' | 'accounts' | 'receipts' | 'expenditures',
  lang: Locale,
): string {
  return phrase(WORDS, lang, kind);
}

/** `civic source add`. */
export function sourceAddedLine(s: Json, lang: Locale): string {
  return phrase(WORDS, lang, 'sourceAdded', { id: text(s['id']), name: text(s['name']) });
}

/** One line of `civic source list`: id, name, category by its label, country code. */
export function sourceLine(s: Json, lang: Locale): string {
  const category = s['category'];
  const label =
    category === null || category === undefined
      ? phrase(WORDS, lang, 'categoryMissing')
      : lang === 'en'
        ? String(category)
        : categoryLabel(filingLabels(lang), String(category));
  return `${text(s['id'])}  ${text(s['name'])}  ${label}  ${text(s['country'])}`;
}

/** `civic grant add`. */
export function grantAddedLine(g: Json, lang: Locale): string {
  return phrase(WORDS, lang, 'grantAdded', { id: text(g['id']), agreement: text(g['agreementNumber']) });
}

/** One line of `civic grant list`: id, agreement number, the sum agreed. */
export function grantLine(g: Json, lang: Locale): string {
  const sum =
    lang === 'en' ? `${text(g['amount'])} ${text(g['currency'])}` : money(lang, g['amount'], g['currency']);
  return `${text(g['id'])}  ${text(g['agreementNumber'])}  ${sum}`;
}

/** `civic account add`. */
export function accountAddedLine(a: Json, lang: Locale): string {
  return phrase(WORDS, lang, 'accountAdded', {
    id: text(a['id']),
    number: text(a['number']),
    currency: text(a['currency']),
  });
}

/** One line of `civic account list`: id, number, currency (codes in every language). */
export function accountLine(a: Json): string {
  return `${text(a['id'])}  ${text(a['number'])}  ${text(a['currency'])}`;
}

/** A receipt's or an expenditure's equivalent in words: «эквивалент 7 551 450,00 ₸, по официальному курсу». */
function equivalentWords(kzt: Json, lang: Locale): string {
  const how = labelOf(EQUIVALENT_STATUS_LABELS, text(kzt['status']), lang);
  const sum = kzt['equivalent'] ?? kzt['kzt'];
  const currency = kzt['equivalentCurrency'] ?? kzt['currency'];
  return sum === null || sum === undefined
    ? phrase(WORDS, lang, 'noEquivalent', { how })
    : phrase(WORDS, lang, 'equivalent', { sum: money(lang, sum, currency), how });
}

const kztOf = (r: Json): Json => (r['kzt'] ?? {}) as Json;

/** `civic receipt add`: the receipt and its equivalent. */
export function receiptAddedLine(r: Json, lang: Locale): string {
  const kzt = kztOf(r);
  return phrase(WORDS, lang, 'receiptAdded', {
    id: text(r['id']),
    status: text(kzt['status']),
    equivalent: lang === 'en' ? '' : equivalentWords(kzt, lang),
  });
}

/** One line of `civic receipt list`: id, day, amount (or «без оценки»), the equivalent. */
export function receiptLine(r: Json, lang: Locale): string {
  const kzt = kztOf(r);
  if (lang === 'en')
    return `${text(r['id'])}  ${text(r['receivedOn'])}  ${String(r['amount'] ?? '(no valuation)')} ${text(r['currency'])}  KZT ${String(kzt['kzt'] ?? 'missing')}`;
  const amount =
    r['amount'] === null || r['amount'] === undefined
      ? phrase(WORDS, lang, 'noValuation')
      : money(lang, r['amount'], r['currency']);
  return `${text(r['id'])}  ${listDay(lang, text(r['receivedOn']))}  ${amount}  ${equivalentWords(kzt, lang)}`;
}

/** `civic expenditure add`: the expenditure, its sum and how many grants it is allocated to. */
export function expenditureAddedLine(e: Json, lang: Locale): string {
  const allocations = Array.isArray(e['allocations']) ? e['allocations'].length : 0;
  return phrase(WORDS, lang, 'expenditureAdded', {
    id: text(e['id']),
    amount: lang === 'en' ? '' : money(lang, e['amount'], e['currency']),
    grants: lang === 'en' ? '' : countOf(lang, allocations, GRANTS),
  });
}

/** One line of `civic expenditure list`: id, day, amount. */
export function expenditureLine(e: Json, lang: Locale): string {
  if (lang === 'en')
    return `${text(e['id'])}  ${text(e['spentOn'])}  ${text(e['amount'])} ${text(e['currency'])}`;
  return `${text(e['id'])}  ${listDay(lang, text(e['spentOn']))}  ${money(lang, e['amount'], e['currency'])}`;
}

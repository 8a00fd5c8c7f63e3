import type { Locale, Vocabulary } from '@civic/core';

/**
 * What a fault of a bundle or of the log is, in ru/kk/en (`civic verify`, `civic log verify`):
 * the verifier's codes stay in the line, each followed by its label; where it failed, and why a
 * bundle has no timestamp, are put in the language from the verifier's own English (formats, app).
 * A code or a reason not known here keeps the code alone (never an English sentence in ru/kk).
 */
export const PROOF_FAULT_LABELS: Vocabulary<
  | 'BUNDLE_NOT_UTF8'
  | 'BUNDLE_NOT_JSON'
  | 'BUNDLE_SHAPE_INVALID'
  | 'BUNDLE_NOT_CANONICAL'
  | 'BUNDLE_HASH_MISMATCH'
  | 'BUNDLE_HEAD_MISMATCH'
  | 'BUNDLE_UNSIGNED'
  | 'BUNDLE_SIGNATURE_INVALID'
  | 'BUNDLE_SIGNER_MISMATCH'
  | 'BUNDLE_FILING_HASH_MISMATCH'
  | 'BUNDLE_FILING_NOT_LOGGED'
  | 'BUNDLE_SUBMISSION_MISMATCH'
  | 'BUNDLE_RECORD_HASH_MISMATCH'
  | 'BUNDLE_TIMESTAMP_INVALID'
  | 'BUNDLE_TIMESTAMP_UNTRUSTED'
  | 'LOG_CHAIN_BROKEN'
  | 'LOG_CONTENT_HASH_MISMATCH'
  | 'LOG_CONTENT_NOT_CANONICAL'
  | 'LOG_ENTRY_HASH_MISMATCH'
  | 'LOG_SEQ_GAP'
> = {
  BUNDLE_NOT_UTF8: {
    en: 'the file is not valid UTF-8',
    ru: 'файл не в кодировке UTF-8',
    kk: 'файл UTF-8 кодтауында емес',
  },
  BUNDLE_NOT_JSON: {
    en: 'the file is not JSON',
    ru: 'файл не читается как пакет',
    kk: 'файл пакет ретінде оқылмайды',
  },
  BUNDLE_SHAPE_INVALID: {
    en: 'the bundle does not have the expected shape',
    ru: 'в пакете нет нужных частей или они неверного вида',
    kk: 'пакеттің құрылымы дұрыс емес',
  },
  BUNDLE_NOT_CANONICAL: {
    en: 'the bundle is not written canonically',
    ru: 'пакет записан не в каноническом виде',
    kk: 'пакет канондық түрде жазылмаған',
  },
  BUNDLE_HASH_MISMATCH: {
    en: "the bundle's hash does not match",
    ru: 'хеш пакета не совпадает',
    kk: 'пакет хэші сәйкес келмейді',
  },
  BUNDLE_HEAD_MISMATCH: {
    en: 'the head of the chain is not the one signed',
    ru: 'вершина цепочки не совпадает с подписанной',
    kk: 'тізбек шыңы қол қойылғанымен сәйкес келмейді',
  },
  BUNDLE_UNSIGNED: {
    en: 'the head of the chain is not signed',
    ru: 'вершина цепочки не подписана',
    kk: 'тізбек шыңына қол қойылмаған',
  },
  BUNDLE_SIGNATURE_INVALID: {
    en: 'a signature does not hold',
    ru: 'подпись не сходится',
    kk: 'қолтаңба дұрыс емес',
  },
  BUNDLE_SIGNER_MISMATCH: {
    en: 'another key signed it than the one given with --key',
    ru: 'подписано не тем ключом, что передан в `civic verify --key`',
    kk: 'қолтаңба `civic verify --key` арқылы берілген кілтпен қойылмаған',
  },
  BUNDLE_FILING_HASH_MISMATCH: {
    en: "the filing's content hash is not the one in the log",
    ru: 'хеш содержимого отчёта не совпадает с записанным в журнале',
    kk: 'есеп мазмұнының хэші журналдағымен сәйкес келмейді',
  },
  BUNDLE_FILING_NOT_LOGGED: {
    en: 'the filing is not in the log',
    ru: 'отчёта нет в журнале',
    kk: 'есеп журналда жоқ',
  },
  BUNDLE_SUBMISSION_MISMATCH: {
    en: 'the submission is not the one in the log',
    ru: 'сведения о представлении не совпадают с журналом',
    kk: 'тапсыру туралы мәліметтер журналмен сәйкес келмейді',
  },
  BUNDLE_RECORD_HASH_MISMATCH: {
    en: "a record's hash is not the one in the log",
    ru: 'хеш записи (поступления или расхода) не совпадает с журналом',
    kk: 'жазба (түсім не шығыс) хэші журналмен сәйкес келмейді',
  },
  BUNDLE_TIMESTAMP_INVALID: {
    en: 'the timestamp does not hold',
    ru: 'метка времени не сходится',
    kk: 'уақыт белгісі дұрыс емес',
  },
  BUNDLE_TIMESTAMP_UNTRUSTED: {
    en: 'the time-stamping authority does not chain to a trusted root',
    ru: 'служба меток времени не восходит к доверенному корневому сертификату',
    kk: 'уақыт белгісі қызметі сенімді түбір сертификатқа тізбектелмейді',
  },
  LOG_CHAIN_BROKEN: {
    en: 'the chain is broken',
    ru: 'цепочка журнала разорвана',
    kk: 'журнал тізбегі үзілген',
  },
  LOG_CONTENT_HASH_MISMATCH: {
    en: "an entry's content hash does not match",
    ru: 'хеш содержимого записи журнала не совпадает',
    kk: 'журнал жазбасы мазмұнының хэші сәйкес келмейді',
  },
  LOG_CONTENT_NOT_CANONICAL: {
    en: "an entry's content is not written canonically",
    ru: 'содержимое записи журнала записано не в каноническом виде',
    kk: 'журнал жазбасының мазмұны канондық түрде жазылмаған',
  },
  LOG_ENTRY_HASH_MISMATCH: {
    en: "an entry's hash does not match",
    ru: 'хеш записи журнала не совпадает',
    kk: 'журнал жазбасының хэші сәйкес келмейді',
  },
  LOG_SEQ_GAP: {
    en: 'the entries are not numbered without a gap',
    ru: 'в нумерации записей журнала пропуск',
    kk: 'журнал жазбаларының нөмірленуінде үзіліс бар',
  },
};

type Phrase = Readonly<Record<Exclude<Locale, 'en'>, string>>;
const PLACES: Readonly<Record<string, Phrase>> = {
  bundle: { ru: 'пакет', kk: 'пакет' },
  log: { ru: 'журнал', kk: 'журнал' },
  timestamp: { ru: 'метка времени', kk: 'уақыт белгісі' },
};

/**
 * Where a fault is, in the language: "log entry 4 (filing.submitted fil_1)" → «запись журнала 4
 * (fil_1)», "filing fil_1 receipt rcp_2" → «отчёт fil_1, поступление rcp_2». English as it is.
 */
export function faultPlace(where: string, lang: Locale): string {
  if (lang === 'en') return where;
  const known = PLACES[where];
  if (known) return known[lang];
  const entry = lang === 'ru' ? 'запись журнала $1' : 'журналдың $1-жазбасы';
  return where
    .replace(/log entry (\d+) \([\w.-]+ ([^)]*)\)/, `${entry} ($2)`)
    .replace(/log entry (\d+)/, entry)
    .replace(/^filing /, lang === 'ru' ? 'отчёт ' : 'есеп ')
    .replace(/ receipts?\b/, lang === 'ru' ? ', поступление' : ', түсім')
    .replace(/ expenditures?\b/, lang === 'ru' ? ', расход' : ', шығыс');
}

const REASONS: readonly (readonly [RegExp, Phrase])[] = [
  [
    /^no time-stamping authority is configured/,
    { ru: 'служба меток времени не настроена (TSA_URL)', kk: 'уақыт белгісі қызметі бапталмаған (TSA_URL)' },
  ],
  [/^the bundle carries no timestamp$/, { ru: 'в пакете её нет', kk: 'пакетте ол жоқ' }],
  [
    /did not answer within (\d+) s$/,
    { ru: 'служба меток времени не ответила за $1 с', kk: 'уақыт белгісі қызметі $1 с ішінде жауап бермеді' },
  ],
  [
    /could not be reached$/,
    { ru: 'служба меток времени недоступна', kk: 'уақыт белгісі қызметіне қосылу мүмкін болмады' },
  ],
  [
    /answered HTTP (\d+)$/,
    { ru: 'служба меток времени ответила ошибкой $1', kk: 'уақыт белгісі қызметі $1 қатесімен жауап берді' },
  ],
  [/^the filing is not in the log$/, { ru: 'отчёта нет в журнале', kk: 'есеп журналда жоқ' }],
  [
    /^the authority is not checked against a trust anchor/,
    {
      ru: 'доверие к службе не проверялось: передайте сертификаты её удостоверяющего центра в `civic verify --tsa-ca` или TSA_CA_FILE',
      kk: 'қызметке сенім тексерілмеді: оның куәландырушы орталығының сертификаттарын `civic verify --tsa-ca` немесе TSA_CA_FILE арқылы беріңіз',
    },
  ],
  [
    /^the authority's certificate chains to a trusted root/,
    {
      ru: 'сертификат службы восходит к доверенному корневому сертификату из файла центров; отзыв не проверяется',
      kk: 'қызмет сертификаты орталықтар файлындағы сенімді түбір сертификатқа тізбектеледі; кері қайтарылуы тексерілмейді',
    },
  ],
];

/** Why a bundle has no timestamp, or how far its authority is trusted, in the language. */
export function timestampReason(reason: string, lang: Locale): string {
  if (lang === 'en') return reason;
  for (const [pattern, phrase] of REASONS) {
    const m = pattern.exec(reason);
    if (m) return phrase[lang].replace(/\$(\d)/g, (_, i: string) => m[Number(i)] ?? '');
  }
  return lang === 'ru' ? 'служба меток времени не выдала метку' : 'уақыт белгісі қызметі белгі бермеді';
}

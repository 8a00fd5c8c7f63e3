import { FILING_STATE_LABELS, labelOf, type Locale } from '@civic/core';
import type { BundleSummary } from '@civic/formats';
import { listDay } from './deadline-report.ts';
import { faultPlace, PROOF_FAULT_LABELS, timestampReason } from './proof-words.ts';
import { countOf, phrase, utcMoment, type ReportWords } from './report-text.ts';

/**
 * The readable output of `civic export bundle`, `civic verify` and `civic log verify` in ru/kk/en:
 * what was written or checked, counts in the right plural form, dates and moments in words,
 * a filing's state by its label, each fault's code followed by its label. Hashes, ids, keys and
 * names stay as they are. English keeps the lines it always printed.
 */
const WORDS = {
  wrote: {
    en: 'wrote {out:text}: filing {id:text}, {entries:text} log entries, head {head:text}{stamp:text}',
    ru: 'записан пакет {out:text}: отчёт {id:text}, {entries:text} журнала, хеш вершины {head:text}{stamp:text}',
    kk: '{out:text} пакеті жазылды: {id:text} есебі, журналдағы {entries:text}, шың хэші {head:text}{stamp:text}',
  },
  stamped: {
    en: ', timestamped {time:text} by {authority:text}',
    ru: ', метка времени {time:text} от службы {authority:text}',
    kk: ', уақыт белгісі {time:text}, қызмет: {authority:text}',
  },
  unstamped: {
    en: ', no timestamp ({reason:text})',
    ru: ', без метки времени ({reason:text})',
    kk: ', уақыт белгісі жоқ ({reason:text})',
  },
  ok: {
    en: 'OK: every hash and signature holds in {file:text}',
    ru: 'ВЕРНО: все хеши и подписи в {file:text} сходятся',
    kk: 'ДҰРЫС: {file:text} ішіндегі барлық хэш пен қолтаңба сәйкес',
  },
  organisation: {
    en: 'organisation: {name:text}{bin:text}',
    ru: 'организация: {name:text}{bin:text}',
    kk: 'ұйым: {name:text}{bin:text}',
  },
  bin: { en: ' (BIN {bin:text})', ru: ' (БИН {bin:text})', kk: ' (БСН {bin:text})' },
  signedBy: {
    en: 'signed by: key {fingerprint:text}',
    ru: 'подписано ключом {fingerprint:text}',
    kk: 'қол қойған кілт: {fingerprint:text}',
  },
  keyChecked: {
    en: 'the signing key is the one given with --key',
    ru: 'ключ подписи — тот, что передан в `civic verify --key`',
    kk: 'қолтаңба кілті `civic verify --key` арқылы берілген кілтпен бірдей',
  },
  keyNotChecked: {
    en: 'authenticity: the signature proves only that the holder of this key wrote the bundle; compare the fingerprint above with the one the organisation publishes (or pass it with --key)',
    ru: 'подлинность: подпись доказывает лишь, что пакет записал владелец этого ключа; сверьте отпечаток выше с тем, который публикует организация (или передайте его в `civic verify --key`)',
    kk: 'түпнұсқалық: қолтаңба пакетті осы кілттің иесі жазғанын ғана дәлелдейді; жоғарыдағы саусақ ізін ұйым жариялаған саусақ ізімен салыстырыңыз (немесе оны `civic verify --key` арқылы беріңіз)',
  },
  filing: {
    en: 'filing: {id:text} {form:text} {from:text}–{to:text} ({state:text}), content sha256 {hash:text}',
    ru: 'отчёт: {id:text} {form:text} {from:text}–{to:text} ({state:text}), хеш содержимого (SHA-256) {hash:text}',
    kk: 'есеп: {id:text} {form:text} {from:text}–{to:text} ({state:text}), мазмұн хэші (SHA-256) {hash:text}',
  },
  submitted: {
    en: 'submitted: {on:text} via {channel:text}, incoming number {number:text}, {attachments:text} attachment(s)',
    ru: 'представлен {on:on} через {channel:text}, входящий № {number:text}, {attachments:text}',
    kk: '{on:on} {channel:text} арқылы тапсырылды, кіріс № {number:text}, {attachments:text}',
  },
  notSubmitted: { en: 'not submitted', ru: 'не представлен', kk: 'тапсырылмаған' },
  corrects: { en: 'corrects: {list:text}', ru: 'исправляет: {list:text}', kk: 'түзетеді: {list:text}' },
  records: {
    en: 'records: {receipts:text} receipt(s), {expenditures:text} expenditure(s)',
    ru: 'записи: {receipts:text}, {expenditures:text}',
    kk: 'жазбалар: {receipts:text}, {expenditures:text}',
  },
  log: {
    en: 'log: {entries:text} entries ({content:text} with content), head {head:text}',
    ru: 'журнал: {entries:text} (с содержимым: {content}), хеш вершины {head:text}',
    kk: 'журнал: {entries:text} (мазмұнымен: {content}), шың хэші {head:text}',
  },
  timestamp: {
    en: 'timestamp: the head existed at {time:text}, says the time-stamping authority {authority:text} (RFC 3161; its signature and certificate hold); {reason:text}',
    ru: 'метка времени: вершина существовала {time:text}, по данным службы меток времени {authority:text} (RFC 3161; её подпись и сертификат верны); {reason:text}',
    kk: 'уақыт белгісі: шың {time:text} кезінде болған, уақыт белгісі қызметі {authority:text} растайды (RFC 3161; оның қолтаңбасы мен сертификаты дұрыс); {reason:text}',
  },
  noTimestamp: {
    en: "timestamp: none ({reason:text}): the times in the bundle are the organisation's own clock",
    ru: 'метка времени: нет ({reason:text}): время в пакете — по часам самой организации',
    kk: 'уақыт белгісі: жоқ ({reason:text}): пакеттегі уақыт ұйымның өз сағаты бойынша',
  },
  failed: {
    en: 'FAILED: {where:text}: {code:text}: {message:text}',
    ru: 'НЕ СХОДИТСЯ: {where:text}: {code:text}: {message:text}',
    kk: 'СӘЙКЕС ЕМЕС: {where:text}: {code:text}: {message:text}',
  },
  chainOk: {
    en: 'OK {name:text}: {entries:text} entries, head {head:text}',
    ru: 'ВЕРНО {name:text}: {entries:text}, хеш вершины {head:text}',
    kk: 'ДҰРЫС {name:text}: {entries:text}, шың хэші {head:text}',
  },
  chainFailed: {
    en: 'FAILED {name:text}: {code:text}: {message:text}',
    ru: 'НЕ СХОДИТСЯ {name:text}: запись журнала {seq}: {code:text}: {message:text}',
    kk: 'СӘЙКЕС ЕМЕС {name:text}: журналдың {seq}-жазбасы: {code:text}: {message:text}',
  },
} as const satisfies ReportWords;

const ENTRIES = { ru: ['запись', 'записи', 'записей'], kk: 'жазба', en: ['entry', 'entries'] } as const;
const ATTACHMENTS = {
  ru: ['вложение', 'вложения', 'вложений'],
  kk: 'тіркеме',
  en: ['attachment', 'attachments'],
} as const;
const RECEIPTS = {
  ru: ['поступление', 'поступления', 'поступлений'],
  kk: 'түсім',
  en: ['receipt', 'receipts'],
} as const;
const EXPENDITURES = {
  ru: ['расход', 'расхода', 'расходов'],
  kk: 'шығыс',
  en: ['expenditure', 'expenditures'],
} as const;

const en = (lang: Locale): boolean => lang === 'en';
/** A count: as it always was in English ("12"), with its noun in ru/kk («12 записей»). */
const count = (lang: Locale, n: number, forms: Parameters<typeof countOf>[2]): string =>
  en(lang) ? String(n) : countOf(lang, n, forms);

/** `civic export bundle`: the file written, the log entries it carries, its head and timestamp. */
export function bundleWrittenLine(
  out: string,
  filingId: string,
  s: BundleSummary | null,
  lang: Locale,
): string {
  const stamp = s?.timestamp
    ? phrase(WORDS, lang, 'stamped', {
        time: utcMoment(lang, s.timestamp.time),
        authority: s.timestamp.authority,
      })
    : phrase(WORDS, lang, 'unstamped', { reason: timestampReason(s?.timestampReason ?? '?', lang) });
  return `${phrase(WORDS, lang, 'wrote', {
    out,
    id: filingId,
    entries: s ? count(lang, s.entries, ENTRIES) : '?',
    head: s?.headHash ?? '?',
    stamp,
  })}\n`;
}

/** What `civic verify` prints for a bundle that holds. */
export function verifiedLines(file: string, s: BundleSummary, keyChecked: boolean, lang: Locale): string {
  const day = (iso: string): string => (en(lang) ? iso : listDay(lang, iso));
  const state = en(lang) ? s.filing.state : labelOf(FILING_STATE_LABELS, s.filing.state, lang);
  const lines = [
    phrase(WORDS, lang, 'ok', { file }),
    phrase(WORDS, lang, 'organisation', {
      name: s.organisation.name,
      bin: s.organisation.bin ? phrase(WORDS, lang, 'bin', { bin: s.organisation.bin }) : '',
    }),
    phrase(WORDS, lang, 'signedBy', { fingerprint: s.signedBy.fingerprint }),
    phrase(WORDS, lang, keyChecked ? 'keyChecked' : 'keyNotChecked'),
    phrase(WORDS, lang, 'filing', {
      id: s.filing.id,
      form: s.filing.form,
      from: day(s.filing.periodFrom),
      to: day(s.filing.periodTo),
      state,
      hash: s.filing.contentHash,
    }),
    s.submission
      ? phrase(WORDS, lang, 'submitted', {
          on: s.submission.submittedOn,
          channel: s.submission.channel,
          number: s.submission.incomingNumber,
          attachments: count(lang, s.submission.attachments, ATTACHMENTS),
        })
      : phrase(WORDS, lang, 'notSubmitted'),
    ...(s.corrects.length ? [phrase(WORDS, lang, 'corrects', { list: s.corrects.join(' → ') })] : []),
    phrase(WORDS, lang, 'records', {
      receipts: count(lang, s.receipts, RECEIPTS),
      expenditures: count(lang, s.expenditures, EXPENDITURES),
    }),
    phrase(WORDS, lang, 'log', {
      entries: count(lang, s.entries, ENTRIES),
      content: en(lang) ? String(s.entriesWithContent) : s.entriesWithContent,
      head: s.headHash,
    }),
    s.timestamp
      ? phrase(WORDS, lang, 'timestamp', {
          time: utcMoment(lang, s.timestamp.time),
          authority: s.timestamp.authority,
          reason: timestampReason(s.timestamp.reason, lang),
        })
      : phrase(WORDS, lang, 'noTimestamp', {
          reason: timestampReason(s.timestampReason ?? 'the bundle carries no timestamp', lang),
        }),
  ];
  return `${lines.join('\n')}\n`;
}

/** A fault's message: the verifier's own English, its label in ru/kk (nothing for a code not known). */
const faultMessage = (code: string, message: string, lang: Locale): string => {
  if (en(lang)) return message;
  const label = Object.hasOwn(PROOF_FAULT_LABELS, code)
    ? PROOF_FAULT_LABELS[code as keyof typeof PROOF_FAULT_LABELS][lang]
    : '';
  return label;
};

/** `civic verify`: the first thing in the bundle that does not hold. */
export function verifyFailedLine(
  fault: { code: string; where: string; message: string },
  lang: Locale,
): string {
  const message = faultMessage(fault.code, fault.message, lang);
  const line = phrase(WORDS, lang, 'failed', {
    where: faultPlace(fault.where, lang),
    code: fault.code,
    message,
  });
  return `${message === '' ? line.replace(/: $/, '') : line}\n`;
}

/** `civic log verify`: one line an organisation's chain. */
export function chainLine(
  r:
    | { ok: true; name: string; entries: number; headHash: string | null }
    | { ok: false; name: string; fault: { seq: number; code: string; message: string } },
  lang: Locale,
): string {
  if (r.ok)
    return `${phrase(WORDS, lang, 'chainOk', {
      name: r.name,
      entries: count(lang, r.entries, ENTRIES),
      head: r.headHash ?? '-',
    })}\n`;
  const message = faultMessage(r.fault.code, r.fault.message, lang);
  const line = phrase(WORDS, lang, 'chainFailed', {
    name: r.name,
    seq: r.fault.seq,
    code: r.fault.code,
    message,
  });
  return `${message === '' ? line.replace(/: $/, '') : line}\n`;
}

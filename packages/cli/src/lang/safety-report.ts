import type { DuressStatus } from '@civic/app';
import { russianPluralIndex, type Locale } from '@civic/core';
import { countOf, phrase } from './phrase.ts';

/**
 * The readable output of the commands that guard the data (`key change`, `lock`, `duress`,
 * `encrypt`) and the secrets `civic` asks for on a terminal, in ru/kk/en. English keeps the lines
 * it always printed; `--json` never passes through here.
 */
const WORDS = {
  currentPassphrase: {
    en: 'current passphrase: ',
    ru: 'текущая парольная фраза: ',
    kk: 'қазіргі құпия фраза: ',
  },
  newPassphrase: { en: 'new passphrase: ', ru: 'новая парольная фраза: ', kk: 'жаңа құпия фраза: ' },
  duressPassword: {
    en: 'duress password: ',
    ru: 'пароль под принуждением: ',
    kk: 'мәжбүрлеу құпиясөзі: ',
  },
  keyChanged: {
    en: 'the key of {db:text} is changed; only the new key opens it now',
    ru: 'ключ базы данных {db:text} заменён: теперь её открывает только новый ключ',
    kk: '{db:text} дерекқорының кілті ауыстырылды: енді оны тек жаңа кілт ашады',
  },
  locked: {
    en: 'locked: {n:text} session(s) ended; a running server stops serving within seconds.\nRestart it with the key to unlock. Nothing was deleted.',
    ru: 'CivicLedger заблокирован: {ended:text} {sessions:text}; работающий сервер перестанет отвечать в течение нескольких секунд.\nЧтобы разблокировать, запустите его заново с ключом. Ничего не удалено.',
    kk: 'CivicLedger бұғатталды: {sessions:text} {ended:text}; жұмыс істеп тұрған сервер бірнеше секунд ішінде жауап беруді тоқтатады.\nБұғатты ашу үшін оны кілтпен қайта іске қосыңыз. Ештеңе жойылған жоқ.',
  },
  duressSet: {
    en: 'the duress password is set: signing in with it shows an empty organisation and locks the instance',
    ru: 'пароль под принуждением задан: вход с ним показывает пустую организацию и блокирует CivicLedger',
    kk: 'мәжбүрлеу құпиясөзі орнатылды: онымен кірген адам бос ұйымды көреді, ал CivicLedger бұғатталады',
  },
  duressOff: {
    en: 'the duress password is off',
    ru: 'пароль под принуждением отключён',
    kk: 'мәжбүрлеу құпиясөзі өшірілді',
  },
  duressOn: {
    en: 'set on {at:text}',
    ru: 'пароль под принуждением задан {day:on} в {time:text} UTC',
    kk: 'мәжбүрлеу құпиясөзі {day:on} {time:text} UTC уақытында орнатылған',
  },
  duressDecoy: {
    en: '',
    ru: '; пустая организация называется «{name:text}»',
    kk: '; бос ұйымның атауы — «{name:text}»',
  },
  duressNone: {
    en: 'off',
    ru: 'пароль под принуждением не задан (выключен)',
    kk: 'мәжбүрлеу құпиясөзі орнатылмаған (өшірулі)',
  },
  encrypted: {
    en: '{db:text} is encrypted ({tables:text} tables, {rows:text} rows checked). Keep its key away from this machine; the file {db:text}.wrapped-key must stay beside it.',
    ru: 'база данных {db:text} зашифрована (проверено: {tables:text}, {rows:text}). Храните её ключ не на этом компьютере; файл {db:text}.wrapped-key должен лежать рядом с ней.',
    kk: '{db:text} дерекқоры шифрланды (тексерілді: {tables:text}, {rows:text}). Оның кілтін осы компьютерден тыс сақтаңыз; {db:text}.wrapped-key файлы оның жанында тұруы керек.',
  },
} as const;

/** The question before a secret is read from the terminal (on standard error, not echoed). */
export function secretPrompt(
  lang: Locale,
  which: 'currentPassphrase' | 'newPassphrase' | 'duressPassword',
): string {
  return phrase(WORDS[which], lang);
}

/** `civic key change`. */
export function keyChangedLine(database: string, lang: Locale): string {
  return `${phrase(WORDS.keyChanged, lang, { db: database })}\n`;
}

/** `civic lock`: how many sessions ended, and how to unlock. */
export function lockedReport(sessionsEnded: number, lang: Locale): string {
  const sessions = countOf(lang, sessionsEnded, {
    en: ['session', 'sessions'],
    ru: ['сеанс', 'сеанса', 'сеансов'],
    kk: 'сеанс',
  });
  // ru: «завершён 1 сеанс», «завершено 3 сеанса»; kk: «3 сеанс аяқталды».
  const ended =
    lang === 'kk' ? 'аяқталды' : russianPluralIndex(sessionsEnded) === 0 ? 'завершён' : 'завершено';
  return `${phrase(WORDS.locked, lang, { n: String(sessionsEnded), sessions, ended })}\n`;
}

/** `civic duress set|clear`: what was done. */
export function duressDoneLine(done: 'set' | 'clear', lang: Locale): string {
  return `${phrase(done === 'set' ? WORDS.duressSet : WORDS.duressOff, lang)}\n`;
}

/** `civic duress status`: whether one is set, since when (a day in words in ru/kk), and the decoy's name. */
export function duressStatusLine(s: DuressStatus, lang: Locale): string {
  if (!s.enabled) return `${phrase(WORDS.duressNone, lang)}\n`;
  const at = s.setAt ?? '';
  const line = phrase(WORDS.duressOn, lang, {
    at,
    day: at.slice(0, 10),
    time: at.slice(11, 16),
  });
  const decoy =
    s.decoyName !== null && lang !== 'en' ? phrase(WORDS.duressDecoy, lang, { name: s.decoyName }) : '';
  return `${line}${decoy}\n`;
}

/** `civic encrypt`: the file encrypted, what was checked, and where its wrapped key lies. */
export function encryptedLine(s: { database: string; tables: number; rows: number }, lang: Locale): string {
  const en = lang === 'en';
  return `${phrase(WORDS.encrypted, lang, {
    db: s.database,
    tables: en
      ? String(s.tables)
      : countOf(lang, s.tables, {
          en: ['table', 'tables'],
          ru: ['таблица', 'таблицы', 'таблиц'],
          kk: 'кесте',
        }),
    rows: en
      ? String(s.rows)
      : countOf(lang, s.rows, { en: ['row', 'rows'], ru: ['строка', 'строки', 'строк'], kk: 'жол' }),
  })}\n`;
}

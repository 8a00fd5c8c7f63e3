import {
  DEMO_SUMMARY_LABELS,
  formatNumber,
  hasLabel,
  isLocale,
  labelOf,
  OTHER_RECORDS_LABEL,
  renderMessage,
  ROLE_LABELS,
  type Locale,
} from '@civic/core';

/**
 * The language `npm start` writes its console text in: CIVIC_LANG, else the first of LC_ALL,
 * LC_MESSAGES, LANG that is set (ru_RU.UTF-8 → ru, kk_KZ → kk), else English — the rule of the
 * `civic` command (docs/cli.md). An unknown value reads English: a start never fails on it.
 */
export function startLang(env: Readonly<Record<string, string | undefined>>): Locale {
  const civic = env['CIVIC_LANG']?.trim().toLowerCase();
  if (isLocale(civic)) return civic;
  const posix = [env['LC_ALL'], env['LC_MESSAGES'], env['LANG']].find((v) => v !== undefined && v !== '');
  const lang = posix
    ?.trim()
    .toLowerCase()
    .split(/[_.@-]/)[0];
  return isLocale(lang) ? lang : 'en';
}

const WORDS = {
  keyMade: {
    en: 'A new encrypted database was created. Its key, shown only this once and stored nowhere:',
    ru: 'Создана новая зашифрованная база данных. Её ключ показан только один раз и нигде не хранится:',
    kk: 'Жаңа шифрланған дерекқор құрылды. Оның кілті тек бір рет көрсетіледі және еш жерде сақталмайды:',
  },
  keyKeep: {
    en: 'Keep it in a password manager or on paper, away from this computer: without it nobody,\nyou included, can read the data. Every later start needs it:',
    ru: 'Храните его в менеджере паролей или на бумаге, не на этом компьютере: без него никто,\nв том числе вы, не прочитает данные. Он нужен при каждом следующем запуске:',
    kk: 'Оны құпиясөз менеджерінде немесе қағазда, осы компьютерден тыс сақтаңыз: онсыз ешкім,\nсіз де, деректерді оқи алмайды. Ол әрбір келесі іске қосуда қажет:',
  },
  keyFile: {
    en: '(or CIVIC_DB_KEY_FILE=/path/to/keyfile)',
    ru: '(или CIVIC_DB_KEY_FILE=/путь/к/файлу-ключа)',
    kk: '(немесе CIVIC_DB_KEY_FILE=/кілт/файлының/жолы)',
  },
  unlocked: {
    en: 'The instance was locked ({at:text}); started with its key, it serves again.',
    ru: 'CivicLedger был заблокирован ({at:text}); запущен с ключом и снова работает.',
    kk: 'CivicLedger бұғатталған еді ({at:text}); кілтпен іске қосылды және қайта жұмыс істейді.',
  },
  seeding: {
    en: 'First start: seeding the demo data (the 2020–21 Kazakhstan case)…',
    ru: 'Первый запуск: загружаются демонстрационные данные (дело 2020–2021 гг. в Казахстане)…',
    kk: 'Алғашқы іске қосу: демонстрациялық деректер жүктелуде (Қазақстандағы 2020–2021 жылдардағы іс)…',
  },
  seeded: { en: 'Seeded: {list:text}', ru: 'Загружено: {list:text}', kk: 'Жүктелді: {list:text}' },
  serving: {
    en: 'CivicLedger is serving http://localhost:{port:text}/ on {where:text}{processes:text}',
    ru: 'CivicLedger работает: http://localhost:{port:text}/, база данных {where:text}{processes:text}',
    kk: 'CivicLedger жұмыс істеп тұр: http://localhost:{port:text}/, дерекқор {where:text}{processes:text}',
  },
  processes: {
    en: ' with {n:text} processes',
    ru: ', серверных процессов: {n:text}',
    kk: ', сервер процестері: {n:text}',
  },
  demoLogin: {
    en: 'Demo login: {email:text} / {password:text} (every demo account has this password)',
    ru: 'Демонстрационный вход: {email:text} / {password:text} (этот пароль у всех демонстрационных пользователей)',
    kk: 'Демонстрациялық кіру: {email:text} / {password:text} (бұл құпиясөз барлық демонстрациялық пайдаланушыларда бар)',
  },
  noWeb: {
    en: '(web app not built: run `npm run build -w @civic/web`)',
    ru: '(веб-приложение не собрано: выполните `npm run build -w @civic/web`)',
    kk: '(веб-қосымша жиналмаған: `npm run build -w @civic/web` орындаңыз)',
  },
  plainSqlite: {
    en: 'Warning: this database is not encrypted. Stop the server and run `civic encrypt --db …` (docs/security.md).',
    ru: 'Внимание: эта база данных не зашифрована. Остановите сервер и выполните `civic encrypt --db …` (docs/security.md).',
    kk: 'Назар аударыңыз: бұл дерекқор шифрланбаған. Серверді тоқтатып, `civic encrypt --db …` орындаңыз (docs/security.md).',
  },
  plainFiles: {
    en: 'Warning: stored files are not encrypted: set CIVIC_DB_KEY or CIVIC_DB_KEY_FILE (docs/security.md).',
    ru: 'Внимание: сохранённые файлы не зашифрованы: задайте CIVIC_DB_KEY или CIVIC_DB_KEY_FILE (docs/security.md).',
    kk: 'Назар аударыңыз: сақталған файлдар шифрланбаған: CIVIC_DB_KEY немесе CIVIC_DB_KEY_FILE орнатыңыз (docs/security.md).',
  },
} as const;

type Word = keyof typeof WORDS;
const say = (lang: Locale, key: Word, params: Readonly<Record<string, string>> = {}): string =>
  renderMessage(WORDS[key], lang, params);

/**
 * Printed once, when `npm start` made the database encrypted with a key it generated. The
 * `    CIVIC_DB_KEY=…` line is the same in every language (people and scripts copy it).
 */
export function keyAnnouncement(key: string, lang: Locale): string[] {
  return [
    '',
    say(lang, 'keyMade'),
    '',
    `    CIVIC_DB_KEY=${key}`,
    '',
    ...say(lang, 'keyKeep').split('\n'),
    `    CIVIC_DB_KEY='${key}' npm start     ${say(lang, 'keyFile')}`,
    '',
  ];
}

/** A start with the key unlocked a locked instance. */
export const unlockedLine = (lockedAt: string, lang: Locale): string =>
  say(lang, 'unlocked', { at: lockedAt });

export const seedingLine = (lang: Locale): string => say(lang, 'seeding');

/** What the demo seed made: "Seeded: 7 organisations, …"; «Загружено: организации — 7, …». */
export function seededLine(summary: Readonly<Record<string, number>>, lang: Locale): string {
  const list = Object.entries(summary).map(([k, v]) =>
    lang === 'en'
      ? `${v} ${k}`
      : `${hasLabel(DEMO_SUMMARY_LABELS, k) ? labelOf(DEMO_SUMMARY_LABELS, k, lang) : OTHER_RECORDS_LABEL[lang]} — ${formatNumber(lang, v)}`,
  );
  return say(lang, 'seeded', { list: list.join(', ') });
}

/** Where the server listens, and the demo login with one line a role. */
export function servingLines(
  s: {
    port: number;
    where: string;
    processes: number;
    demo: { email: string; password: string; accounts: readonly { role: string; email: string }[] } | null;
  },
  lang: Locale,
): string[] {
  const processes = s.processes > 1 ? say(lang, 'processes', { n: String(s.processes) }) : '';
  const lines = [say(lang, 'serving', { port: String(s.port), where: s.where, processes })];
  if (s.demo) {
    lines.push(say(lang, 'demoLogin', { email: s.demo.email, password: s.demo.password }));
    for (const a of s.demo.accounts)
      lines.push(`  ${(lang === 'en' ? a.role : labelOf(ROLE_LABELS, a.role, lang)).padEnd(10)} ${a.email}`);
  }
  return lines;
}

export const noWebLine = (lang: Locale): string => say(lang, 'noWeb');

/** The warning when the data is not encrypted at rest: the SQLite file, or PostgreSQL's stored files. */
export const plainWarning = (dialect: string, lang: Locale): string =>
  say(lang, dialect === 'sqlite' ? 'plainSqlite' : 'plainFiles');

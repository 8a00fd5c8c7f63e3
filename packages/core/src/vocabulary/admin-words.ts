import type { Locale } from '../locale.ts';
import { renderMessage, type MessageParam, type MessageTemplates } from './message-template.ts';
import { NOTHING, present } from './cli-words.ts';
import type { Vocabulary } from './vocabulary.ts';

/** Who may see an incident. */
export const VISIBILITY_LABELS: Vocabulary<'public' | 'network' | 'private'> = {
  public: { en: 'public', ru: 'публичные', kk: 'жалпыға ашық' },
  network: { en: 'network', ru: 'для сети партнёров', kk: 'серіктестер желісі үшін' },
  private: { en: 'private', ru: 'закрытые', kk: 'жабық' },
};

/** The database a backup was made from. */
export const DIALECT_LABELS: Vocabulary<'sqlite' | 'postgres'> = {
  sqlite: { en: 'sqlite', ru: 'файла базы данных', kk: 'дерекқор файлы' },
  postgres: { en: 'postgres', ru: 'сервера базы данных', kk: 'дерекқор сервері' },
};

/**
 * The words of the command line's readable output for incidents, waves, organisations and backups
 * (`incidents import|export|search`, `waves detect`, `org aliases|key`, `backup create|verify|
 * restore`) in ru/kk/en. English keeps the output it always had; Russian and Kazakh numbers and
 * dates go through the core formatter (`{n}` without a hint).
 */
export const ADMIN_WORDS = {
  incidentsImported: {
    en: 'imported {imported:text} of {read:text} incidents from {file:text} ({visibility:text})',
    ru: 'импортировано инцидентов: {imported} из {read}, файл {file:text} ({visibility:text})',
    kk: 'импортталған оқиғалар: {read} ішінен {imported}, файл {file:text} ({visibility:text})',
  },
  warning: {
    en: '  warning: {message:text}',
    ru: '  предупреждение: {message:text}',
    kk: '  ескерту: {message:text}',
  },
  onLine: { en: ' (line {line:text})', ru: ' (строка {line})', kk: ' ({line}-жол)' },
  incidentsExported: {
    en: 'exported {count:text} incidents to {file:text}',
    ru: 'экспортировано инцидентов: {count}, файл {file:text}',
    kk: 'экспортталған оқиғалар: {count}, файл {file:text}',
  },
  incidentsFound: {
    en: '{shown:text} of {total:text} incidents',
    ru: 'инцидентов: {shown} из {total}',
    kk: 'оқиғалар: {total} ішінен {shown}',
  },
  incidentUnder: { en: ' under {basis:text}', ru: ', {basis:text}', kk: ', {basis:text}' },
  incidentPenalty: { en: ', {mci:text} MCI', ru: ', {mci} МРП', kk: ', {mci} АЕК' },
  wavesSummary: {
    en: '{count:text} {what:text} in {incidents:text} incidents; {replications:text} replications, seed {seed:text}',
    ru: '{what:text}: {count}; инцидентов: {incidents}; повторений Монте-Карло: {replications}, начальное число {seed:text}',
    kk: '{what:text}: {count}; оқиғалар: {incidents}; Монте-Карло қайталаулары: {replications}, бастапқы сан {seed:text}',
  },
  wavesAll: { en: 'waves and clusters', ru: 'волны и скопления', kk: 'толқындар мен шоғырлар' },
  wavesSignificant: {
    en: 'significant coordinated waves (p < 0.05)',
    ru: 'значимые скоординированные волны (вероятность случайного совпадения < 0,05)',
    kk: 'маңызды үйлестірілген толқындар (кездейсоқ сәйкестік ықтималдығы < 0,05)',
  },
  wave: {
    en: '  {from:text} – {to:text}  {category:text}: {actions:text} actions (expected {expected:text}) against {organisations:text} organisations in {places:text} places{spread:text}; p = {p:text}{coordinated:text}',
    ru: '  {from:text} – {to:text}  {category:text}: действий {actions} (ожидалось {expected}), организаций {organisations}, мест {places}{spread:text}; вероятность случайного совпадения {p}{coordinated:text}',
    kk: '  {from:text} – {to:text}  {category:text}: әрекеттер {actions} (күтілгені {expected}), ұйымдар {organisations}, орындар {places}{spread:text}; кездейсоқ сәйкестік ықтималдығы {p}{coordinated:text}',
  },
  waveSpread: {
    en: ', {km:text} apart',
    ru: ', на расстоянии до {km:text}',
    kk: ', арақашықтығы {km:text} дейін',
  },
  notCoordinated: { en: ' (not coordinated)', ru: ' (не скоординирована)', kk: ' (үйлестірілмеген)' },
  reindexed: {
    en: ' ({n:text} incidents re-indexed)',
    ru: ' (инцидентов переиндексировано: {n})',
    kk: ' (қайта индекстелген оқиғалар: {n})',
  },
  orgBin: {
    en: '{name:text}: BIN {bin:text}',
    ru: '{name:text}: БИН {bin:text}',
    kk: '{name:text}: БСН {bin:text}',
  },
  orgBinChanged: {
    en: '{name:text}: BIN {before:text} → {bin:text}; filings and objections made from now on carry it',
    ru: '{name:text}: БИН {before:text} → {bin:text}; его укажут отчёты и возражения, подготовленные с этого момента',
    kk: '{name:text}: БСН {before:text} → {bin:text}; осы сәттен бастап дайындалған есептер мен қарсылықтарда көрсетіледі',
  },
  orgName: {
    en: '{name:text}',
    ru: '{name:text}',
    kk: '{name:text}',
  },
  orgRenamed: {
    en: '"{before:text}" → "{name:text}"; the old name stays among its aliases; filings and objections made from now on carry the new one',
    ru: '«{before:text}» → «{name:text}»; прежнее название остаётся среди других названий организации; новое укажут отчёты и возражения, подготовленные с этого момента',
    kk: '«{before:text}» → «{name:text}»; бұрынғы атауы ұйымның басқа атауларының арасында қалады; жаңасы осы сәттен бастап дайындалған есептер мен қарсылықтарда көрсетіледі',
  },
  signingKey: {
    en: '{name:text}: Ed25519 signing key\nfingerprint: {fingerprint:text}\npublic key: {key:text}',
    ru: '{name:text}: ключ подписи Ed25519\nотпечаток: {fingerprint:text}\nоткрытый ключ: {key:text}',
    kk: '{name:text}: Ed25519 қолтаңба кілті\nсаусақ ізі: {fingerprint:text}\nашық кілт: {key:text}',
  },
  backupWritten: {
    en: 'wrote {file:text} ({bytes:text} bytes): {parts:text} part(s), schema {schema:text}, {chains:text} log chain(s)',
    ru: 'записана резервная копия {file:text} ({bytes} байт): частей {parts}, версия схемы {schema:text}, цепочек журнала {chains}',
    kk: '{file:text} сақтық көшірмесі жазылды ({bytes} байт): бөліктер {parts}, схема нұсқасы {schema:text}, журнал тізбектері {chains}',
  },
  backupVerified: {
    en: 'OK {file:text}: made {created:text} from {dialect:text}, schema {schema:text}',
    ru: 'ПРОВЕРЕНО {file:text}: создана {day} в {time:text} UTC из {dialect:text}, версия схемы {schema:text}',
    kk: 'ТЕКСЕРІЛДІ {file:text}: {dialect:text} негізінде {day:on} {time:text} UTC уақытында жасалған, схема нұсқасы {schema:text}',
  },
  backupPart: {
    en: '  {name:text} {bytes:text} bytes sha256 {sha256:text}',
    ru: '  {name:text}: {bytes} байт, sha256 {sha256:text}',
    kk: '  {name:text}: {bytes} байт, sha256 {sha256:text}',
  },
  backupRestored: {
    en: 'restored {file:text} into {target:text}: {chains:text} log chain(s) verified, heads as in the manifest{files:text}',
    ru: 'копия {file:text} восстановлена в {target:text}: проверено цепочек журнала: {chains}, последние записи совпадают с манифестом{files:text}',
    kk: '{file:text} көшірмесі {target:text} ішіне қалпына келтірілді: тексерілген журнал тізбектері: {chains}, соңғы жазбалары манифестке сәйкес{files:text}',
  },
  backupFiles: {
    en: ', {n:text} stored file(s)',
    ru: ', сохранённых файлов: {n}',
    kk: ', сақталған файлдар: {n}',
  },
} as const satisfies Record<string, MessageTemplates>;

export type AdminWord = keyof typeof ADMIN_WORDS;

/** One phrase of the CLI's readable output in the language, its params through the core formatter. */
export function adminText(
  locale: Locale,
  key: AdminWord,
  params: Readonly<Record<string, MessageParam>> = {},
): string {
  return renderMessage(ADMIN_WORDS[key], locale, present(params)).replaceAll(NOTHING, '');
}

import type { CandidateReasonCode } from '../ledger/foreign-candidate.ts';
import type { ObligationStatus } from '../obligations/obligation-status.ts';
import type { Vocabulary } from './vocabulary.ts';

/** Why a bank payment looks foreign. */
export const CANDIDATE_REASON_LABELS: Vocabulary<CandidateReasonCode> = {
  'non-resident-sender': {
    en: 'the sender is a non-resident',
    ru: 'отправитель — нерезидент',
    kk: 'жіберуші — бейрезидент',
  },
  'foreign-currency': {
    en: 'paid in a foreign currency',
    ru: 'оплата в иностранной валюте',
    kk: 'шетел валютасында төленген',
  },
  'known-foreign-source': {
    en: 'a known foreign donor',
    ru: 'известный иностранный донор',
    kk: 'белгілі шетелдік донор',
  },
};

/** An obligation's status. */
export const OBLIGATION_STATUS_LABELS: Vocabulary<ObligationStatus> = {
  upcoming: { en: 'upcoming', ru: 'предстоит', kk: 'алдағы' },
  due: { en: 'due', ru: 'срок наступил', kk: 'мерзімі келді' },
  'filed-on-time': { en: 'filed on time', ru: 'подано в срок', kk: 'мерзімінде тапсырылды' },
  'filed-late': { en: 'filed late', ru: 'подано с опозданием', kk: 'кешіктіріліп тапсырылды' },
  missed: { en: 'missed', ru: 'пропущено', kk: 'өткізіп алынды' },
};

/** A finding's or a lint problem's severity. */
export const SEVERITY_LABELS: Vocabulary<'critical' | 'error' | 'warning' | 'info'> = {
  critical: { en: 'critical', ru: 'критично', kk: 'маңызды' },
  error: { en: 'error', ru: 'ошибка', kk: 'қате' },
  warning: { en: 'warning', ru: 'предупреждение', kk: 'ескерту' },
  info: { en: 'note', ru: 'сведения', kk: 'мәлімет' },
};

/** What an audit entry records (the action column of the audit trail). */
export const AUDIT_ACTION_LABELS: Vocabulary<
  | 'add-action'
  | 'add-organisation'
  | 'accept-invitation'
  | 'cancel-invitation'
  | 'resend-invitation'
  | 'change-password'
  | 'invite'
  | 'role-change'
  | 'totp-recovery-codes'
  | 'totp-recovery-used'
  | 'create'
  | 'delete'
  | 'duress-clear'
  | 'duress-set'
  | 'encrypt'
  | 'import'
  | 'key-change'
  | 'lock'
  | 'login'
  | 'prepare'
  | 'publish'
  | 'unpublish'
  | 'restore'
  | 'run'
  | 'seed-demo'
  | 'send'
  | 'submit'
  | 'totp-disable'
  | 'totp-enable'
  | 'totp-enrol-start'
  | 'update'
> = {
  'add-action': { en: 'action added', ru: 'добавлено действие', kk: 'әрекет қосылды' },
  'add-organisation': { en: 'organisation added', ru: 'добавлена организация', kk: 'ұйым қосылды' },
  'accept-invitation': {
    en: 'invitation accepted',
    ru: 'приглашение принято',
    kk: 'шақыру қабылданды',
  },
  'cancel-invitation': { en: 'invitation cancelled', ru: 'приглашение отменено', kk: 'шақыру тоқтатылды' },
  'resend-invitation': {
    en: 'invitation sent again',
    ru: 'приглашение отправлено снова',
    kk: 'шақыру қайта жіберілді',
  },
  'change-password': { en: 'password changed', ru: 'пароль изменён', kk: 'құпиясөз өзгертілді' },
  invite: { en: 'invited', ru: 'отправлено приглашение', kk: 'шақыру жіберілді' },
  'role-change': { en: 'role changed', ru: 'роль изменена', kk: 'рөл өзгертілді' },
  'totp-recovery-codes': {
    en: 'recovery codes issued',
    ru: 'выданы резервные коды',
    kk: 'резервтік кодтар берілді',
  },
  'totp-recovery-used': {
    en: 'recovery code used',
    ru: 'использован резервный код',
    kk: 'резервтік код пайдаланылды',
  },
  create: { en: 'created', ru: 'создано', kk: 'құрылды' },
  delete: { en: 'deleted', ru: 'удалено', kk: 'жойылды' },
  'duress-clear': {
    en: 'duress password turned off',
    ru: 'пароль под принуждением отключён',
    kk: 'мәжбүрлеу құпиясөзі өшірілді',
  },
  'duress-set': {
    en: 'duress password set',
    ru: 'задан пароль под принуждением',
    kk: 'мәжбүрлеу құпиясөзі орнатылды',
  },
  encrypt: { en: 'database encrypted', ru: 'база данных зашифрована', kk: 'дерекқор шифрланды' },
  import: { en: 'imported from a file', ru: 'импортировано из файла', kk: 'файлдан импортталды' },
  'key-change': {
    en: 'database key changed',
    ru: 'ключ базы данных изменён',
    kk: 'дерекқор кілті өзгертілді',
  },
  lock: { en: 'instance locked', ru: 'система заблокирована', kk: 'жүйе бұғатталды' },
  login: { en: 'signed in', ru: 'вход в систему', kk: 'жүйеге кіру' },
  unpublish: { en: 'taken back from publication', ru: 'снято с публикации', kk: 'жариялаудан алынды' },
  prepare: { en: 'prepared', ru: 'подготовлено', kk: 'дайындалды' },
  publish: { en: 'published', ru: 'опубликовано', kk: 'жарияланды' },
  restore: {
    en: 'restored from a backup',
    ru: 'восстановлено из резервной копии',
    kk: 'сақтық көшірмеден қалпына келтірілді',
  },
  run: { en: 'notifications computed', ru: 'уведомления сформированы', kk: 'хабарламалар жасалды' },
  'seed-demo': {
    en: 'demo data loaded',
    ru: 'загружены демонстрационные данные',
    kk: 'демонстрациялық деректер жүктелді',
  },
  send: {
    en: 'queued messages sent',
    ru: 'отправлены отложенные сообщения',
    kk: 'кейінге қалдырылған хабарламалар жіберілді',
  },
  submit: { en: 'submitted', ru: 'подано', kk: 'тапсырылды' },
  'totp-disable': {
    en: 'two-step sign-in turned off',
    ru: 'двухэтапный вход отключён',
    kk: 'екі кезеңді кіру өшірілді',
  },
  'totp-enable': {
    en: 'two-step sign-in turned on',
    ru: 'двухэтапный вход включён',
    kk: 'екі кезеңді кіру қосылды',
  },
  'totp-enrol-start': {
    en: 'two-step sign-in set-up started',
    ru: 'начата настройка двухэтапного входа',
    kk: 'екі кезеңді кіруді баптау басталды',
  },
  update: { en: 'changed', ru: 'изменено', kk: 'өзгертілді' },
};

/** What an audit entry is about. */
export const AUDIT_ENTITY_LABELS: Vocabulary<
  | 'instance'
  | 'invitation'
  | 'membership'
  | 'network'
  | 'receipt'
  | 'user'
  | 'organisation'
  | 'foreign-source'
  | 'bank-account'
  | 'official-rate'
  | 'grant'
  | 'source'
  | 'expenditure'
  | 'filing'
  | 'case'
  | 'case-document'
  | 'incident'
  | 'brief'
  | 'notification'
  | 'bank-import'
  | 'import-alias'
> = {
  instance: { en: 'instance', ru: 'система', kk: 'жүйе' },
  'foreign-source': { en: 'foreign source', ru: 'иностранный источник', kk: 'шетелдік көз' },
  'bank-account': { en: 'bank account', ru: 'банковский счёт', kk: 'банк шоты' },
  'official-rate': { en: 'official rate', ru: 'официальный курс', kk: 'ресми бағам' },
  grant: { en: 'grant', ru: 'грант', kk: 'грант' },
  source: { en: 'foreign source', ru: 'иностранный источник', kk: 'шетелдік көз' },
  expenditure: { en: 'expenditure', ru: 'расход', kk: 'шығыс' },
  filing: { en: 'filing', ru: 'отчёт', kk: 'есеп' },
  case: { en: 'case', ru: 'дело', kk: 'іс' },
  'case-document': { en: 'case document', ru: 'документ по делу', kk: 'іс құжаты' },
  incident: { en: 'incident', ru: 'инцидент', kk: 'оқиға' },
  brief: { en: 'brief', ru: 'справка', kk: 'анықтама' },
  invitation: { en: 'invitation', ru: 'приглашение', kk: 'шақыру' },
  notification: { en: 'notifications', ru: 'уведомления', kk: 'хабарламалар' },
  membership: { en: 'membership', ru: 'участие в организации', kk: 'ұйымға мүшелік' },
  network: { en: 'network', ru: 'сеть', kk: 'желі' },
  receipt: { en: 'receipt', ru: 'поступление', kk: 'түсім' },
  user: { en: 'user', ru: 'пользователь', kk: 'пайдаланушы' },
  organisation: { en: 'organisation', ru: 'организация', kk: 'ұйым' },
  'bank-import': {
    en: 'bank statement import',
    ru: 'импорт банковской выписки',
    kk: 'банк үзіндісінің импорты',
  },
  'import-alias': {
    en: 'a bank’s 1C field name',
    ru: 'название поля 1С у банка',
    kk: 'банктің 1С өрісінің атауы',
  },
};

/** Who made an audited change when no person did (the system actor's label, as stored). */
export const AUDIT_SYSTEM_ACTOR_LABELS: Vocabulary<'demo-seed' | 'cli'> = {
  'demo-seed': {
    en: 'demo data loader',
    ru: 'загрузка демонстрационных данных',
    kk: 'демонстрациялық деректерді жүктеу',
  },
  cli: { en: 'command line', ru: 'командная строка', kk: 'пәрмен жолы' },
};

/** What a file that is not a bank statement looks like, told from its first bytes (IMPORT_NOT_STATEMENT). */
export type NotStatementKind =
  | 'png'
  | 'jpeg'
  | 'gif'
  | 'webp'
  | 'tiff'
  | 'bmp'
  | 'zip'
  | 'office'
  | 'ole'
  | 'pdf'
  | 'gzip'
  | 'rar'
  | '7z'
  | 'executable'
  | 'sqlite'
  | 'binary';

export const NOT_STATEMENT_KIND_LABELS: Vocabulary<NotStatementKind> = {
  png: { en: 'a PNG image', ru: 'изображение PNG', kk: 'PNG суреті' },
  jpeg: { en: 'a JPEG image', ru: 'изображение JPEG', kk: 'JPEG суреті' },
  gif: { en: 'a GIF image', ru: 'изображение GIF', kk: 'GIF суреті' },
  webp: { en: 'a WebP image', ru: 'изображение WebP', kk: 'WebP суреті' },
  tiff: { en: 'a TIFF image', ru: 'изображение TIFF', kk: 'TIFF суреті' },
  bmp: { en: 'a BMP image', ru: 'изображение BMP', kk: 'BMP суреті' },
  zip: { en: 'a ZIP archive', ru: 'архив ZIP', kk: 'ZIP мұрағаты' },
  office: {
    en: 'an office document (Word, Excel)',
    ru: 'офисный документ (Word, Excel)',
    kk: 'кеңсе құжаты (Word, Excel)',
  },
  ole: {
    en: 'an old office document (Word, Excel 97–2003)',
    ru: 'офисный документ старого формата (Word, Excel 97–2003)',
    kk: 'ескі пішімдегі кеңсе құжаты (Word, Excel 97–2003)',
  },
  pdf: { en: 'a PDF document', ru: 'документ PDF', kk: 'PDF құжаты' },
  gzip: { en: 'a gzip archive', ru: 'архив gzip', kk: 'gzip мұрағаты' },
  rar: { en: 'a RAR archive', ru: 'архив RAR', kk: 'RAR мұрағаты' },
  '7z': { en: 'a 7-Zip archive', ru: 'архив 7-Zip', kk: '7-Zip мұрағаты' },
  executable: { en: 'a program', ru: 'программу', kk: 'бағдарлама' },
  sqlite: { en: 'a database file', ru: 'файл базы данных', kk: 'дерекқор файлы' },
  binary: {
    en: 'binary data, not text',
    ru: 'двоичные данные, а не текст',
    kk: 'мәтін емес, екілік деректер',
  },
};

/** A member's role in an organisation (in e-mails and documents; the web app has its own catalogue). */
export const ROLE_LABELS: Vocabulary<'admin' | 'accountant' | 'lawyer' | 'monitor' | 'viewer'> = {
  admin: { en: 'administrator', ru: 'администратор', kk: 'әкімші' },
  accountant: { en: 'accountant', ru: 'бухгалтер', kk: 'бухгалтер' },
  lawyer: { en: 'lawyer', ru: 'юрист', kk: 'заңгер' },
  monitor: { en: 'monitor', ru: 'монитор', kk: 'монитор' },
  viewer: { en: 'viewer', ru: 'наблюдатель', kk: 'бақылаушы' },
};

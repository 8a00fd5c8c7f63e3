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
  | 'change-password'
  | 'create'
  | 'delete'
  | 'lock'
  | 'login'
  | 'totp-disable'
  | 'totp-enable'
  | 'totp-enrol-start'
  | 'update'
> = {
  'add-action': { en: 'action added', ru: 'добавлено действие', kk: 'әрекет қосылды' },
  'add-organisation': { en: 'organisation added', ru: 'добавлена организация', kk: 'ұйым қосылды' },
  'change-password': { en: 'password changed', ru: 'пароль изменён', kk: 'құпиясөз өзгертілді' },
  create: { en: 'created', ru: 'создано', kk: 'құрылды' },
  delete: { en: 'deleted', ru: 'удалено', kk: 'жойылды' },
  lock: { en: 'instance locked', ru: 'система заблокирована', kk: 'жүйе бұғатталды' },
  login: { en: 'signed in', ru: 'вход в систему', kk: 'жүйеге кіру' },
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
  membership: { en: 'membership', ru: 'участие в организации', kk: 'ұйымға мүшелік' },
  network: { en: 'network', ru: 'сеть', kk: 'желі' },
  receipt: { en: 'receipt', ru: 'поступление', kk: 'түсім' },
  user: { en: 'user', ru: 'пользователь', kk: 'пайдаланушы' },
  organisation: { en: 'organisation', ru: 'организация', kk: 'ұйым' },
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

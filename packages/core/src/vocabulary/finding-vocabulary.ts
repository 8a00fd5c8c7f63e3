import type { FindingCode } from '../claims/finding.ts';
import type { Vocabulary } from './vocabulary.ts';

/** What each claim-check finding is, in a few words. */
export const FINDING_CODE_LABELS: Vocabulary<FindingCode> = {
  LIMITATION_EXPIRED: {
    en: 'Limitation period expired',
    ru: 'Истёк срок давности',
    kk: 'Ескіру мерзімі өтті',
  },
  LIMITATION_EXPIRED_IF_NOT_CONTINUING: {
    en: 'Time-barred unless the offence is continuing',
    ru: 'Срок давности истёк, если правонарушение не длящееся',
    kk: 'Құқық бұзушылық созылмалы болмаса, ескіру мерзімі өтті',
  },
  LIMITATION_RUNNING: {
    en: 'Limitation period still running',
    ru: 'Срок давности не истёк',
    kk: 'Ескіру мерзімі әлі өтпеді',
  },
  LIMITATION_RULE_MISSING: {
    en: 'No limitation rule in the pack',
    ru: 'Нет нормы о сроке давности',
    kk: 'Ескіру мерзімі туралы норма жоқ',
  },
  COURT_OUTCOME_UNKNOWN: {
    en: 'Outcome of a court decision unknown',
    ru: 'Результат судебного решения неизвестен',
    kk: 'Сот шешімінің нәтижесі белгісіз',
  },
  OFFENCE_NOT_IN_FORCE: {
    en: 'Provision not in force on the offence date',
    ru: 'Норма не действовала на дату правонарушения',
    kk: 'Құқық бұзушылық күні норма күшінде болмаған',
  },
  PENALTY_AMOUNT_MISMATCH: {
    en: 'Fine amount does not match',
    ru: 'Сумма штрафа не совпадает',
    kk: 'Айыппұл сомасы сәйкес емес',
  },
  PENALTY_MCI_WRONG_YEAR: {
    en: 'MCI of the wrong year',
    ru: 'МРП не того года',
    kk: 'АЕК басқа жылдікі',
  },
  PENALTY_MCI_YEAR_INFERRED: {
    en: 'MCI year inferred',
    ru: 'Год МРП определён косвенно',
    kk: 'АЕК жылы жанама анықталды',
  },
  PENALTY_MCI_DATE_ASSUMED: {
    en: 'MCI date assumed',
    ru: 'Дата для МРП принята условно',
    kk: 'АЕК күні шартты түрде алынды',
  },
  PENALTY_NOT_MULTIPLE_OF_TIER: {
    en: 'Fine is not the tier’s amount',
    ru: 'Штраф не соответствует санкции статьи',
    kk: 'Айыппұл баптың санкциясына сәйкес емес',
  },
  PENALTY_TIER_AMOUNT_UNKNOWN: {
    en: 'Tier amount unknown',
    ru: 'Размер санкции неизвестен',
    kk: 'Санкция мөлшері белгісіз',
  },
  PENALTY_OFFENDER_ASSUMED: {
    en: 'Kind of offender assumed',
    ru: 'Вид лица принят условно',
    kk: 'Тұлға түрі шартты түрде алынды',
  },
  SUSPENSION_NOT_PROVIDED: {
    en: 'Suspension not provided for this tier',
    ru: 'Приостановление не предусмотрено этой частью статьи',
    kk: 'Баптың бұл бөлігінде тоқтата тұру көзделмеген',
  },
  SUSPENSION_TOO_LONG: {
    en: 'Suspension longer than the law allows',
    ru: 'Приостановление дольше допустимого',
    kk: 'Тоқтата тұру рұқсат етілгеннен ұзақ',
  },
  REPEAT_WITHOUT_PRIOR_PENALTY: {
    en: 'Repeat offence without a prior penalty',
    ru: 'Повторность без предыдущего взыскания',
    kk: 'Алдыңғы жазасыз қайталау',
  },
  RECORD_CONTRADICTS_ALLEGATION: {
    en: 'Our records contradict the allegation',
    ru: 'Наши записи опровергают обвинение',
    kk: 'Біздің жазбалар айыптауды жоққа шығарады',
  },
  RECORD_SUPPORTS_ALLEGATION: {
    en: 'Our records support the allegation',
    ru: 'Наши записи подтверждают обвинение',
    kk: 'Біздің жазбалар айыптауды растайды',
  },
  RULE_UNVERIFIED: {
    en: 'Rule not verified against the official text',
    ru: 'Норма не сверена с официальным текстом',
    kk: 'Норма ресми мәтінмен салыстырылмаған',
  },
  APPEAL_DEADLINE: { en: 'Appeal deadline', ru: 'Срок обжалования', kk: 'Шағымдану мерзімі' },
  APPEAL_RULE_MISSING: {
    en: 'No appeal rule in the pack',
    ru: 'Нет нормы об обжаловании',
    kk: 'Шағымдану туралы норма жоқ',
  },
};

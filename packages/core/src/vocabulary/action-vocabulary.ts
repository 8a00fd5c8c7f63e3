import type { CaseActionKind, CourtOutcome } from '../claims/case.ts';
import type { ActionType } from '../incident.ts';
import type { ActionFamily } from '../waves/action-family.ts';
import type { Vocabulary } from './vocabulary.ts';

/** What an authority did, as recorded in an incident (domain/glossary.md). */
export const ACTION_TYPE_LABELS: Vocabulary<ActionType> = {
  notice: { en: 'notice', ru: 'уведомление', kk: 'хабарлама' },
  summons: { en: 'summons', ru: 'вызов', kk: 'шақыру' },
  inspection: { en: 'inspection', ru: 'проверка', kk: 'тексеру' },
  protocol: { en: 'protocol', ru: 'протокол', kk: 'хаттама' },
  fine: { en: 'fine', ru: 'штраф', kk: 'айыппұл' },
  suspension: { en: 'suspension', ru: 'приостановление деятельности', kk: 'қызметті тоқтата тұру' },
  'registration-denied': { en: 'registration denied', ru: 'отказ в регистрации', kk: 'тіркеуден бас тарту' },
  search: { en: 'search', ru: 'обыск', kk: 'тінту' },
  detention: { en: 'detention', ru: 'задержание', kk: 'ұстау' },
  'court-decision': { en: 'court decision', ru: 'решение суда', kk: 'сот шешімі' },
  withdrawal: { en: 'withdrawal of charges', ru: 'отзыв обвинений', kk: 'айыптауды қайтарып алу' },
  warning: { en: 'warning', ru: 'предупреждение', kk: 'ескерту' },
  liquidation: { en: 'liquidation', ru: 'ликвидация', kk: 'тарату' },
  'travel-ban': { en: 'travel ban', ru: 'запрет на выезд', kk: 'шетелге шығуға тыйым' },
  'account-freeze': { en: 'account freeze', ru: 'арест счёта', kk: 'шотқа тыйым салу' },
  other: { en: 'other', ru: 'другое', kk: 'басқа' },
};

/** Families of actions a wave is found in. */
export const ACTION_FAMILY_LABELS: Vocabulary<ActionFamily> = {
  inspection: { en: 'inspections', ru: 'проверки', kk: 'тексерулер' },
  sanction: { en: 'sanctions', ru: 'санкции', kk: 'санкциялар' },
  resolution: { en: 'resolution', ru: 'разрешение дела', kk: 'істі шешу' },
  coercion: { en: 'coercion', ru: 'принуждение', kk: 'мәжбүрлеу' },
  registration: { en: 'registration', ru: 'регистрация', kk: 'тіркеу' },
  other: { en: 'other', ru: 'другое', kk: 'басқа' },
};

/** An authority's action in a case (domain/glossary.md, "Law and documents"). */
export const CASE_ACTION_KIND_LABELS: Vocabulary<CaseActionKind> = {
  notice: { en: 'notice', ru: 'уведомление', kk: 'хабарлама' },
  summons: { en: 'summons', ru: 'вызов (повестка)', kk: 'шақыру' },
  inspection: { en: 'inspection', ru: 'проверка', kk: 'тексеру' },
  protocol: {
    en: 'protocol on an administrative offence',
    ru: 'протокол об административном правонарушении',
    kk: 'әкімшілік құқық бұзушылық туралы хаттама',
  },
  ruling: {
    en: 'ruling',
    ru: 'постановление по делу об административном правонарушении',
    kk: 'әкімшілік құқық бұзушылық туралы іс бойынша қаулы',
  },
  suspension: {
    en: 'suspension of activity',
    ru: 'приостановление деятельности',
    kk: 'қызметті тоқтата тұру',
  },
  appeal: { en: 'complaint against the ruling', ru: 'жалоба на постановление', kk: 'қаулыға шағым' },
  'court-decision': { en: 'court decision', ru: 'решение суда', kk: 'сот шешімі' },
  withdrawal: { en: 'withdrawal of charges', ru: 'отзыв обвинений', kk: 'айыптауды қайтарып алу' },
  payment: { en: 'payment of the fine', ru: 'уплата штрафа', kk: 'айыппұлды төлеу' },
};

/** What a court decision did to the ruling (docs/claims.md, "The case file"). */
export const COURT_OUTCOME_LABELS: Vocabulary<CourtOutcome> = {
  annulled: { en: 'annulled', ru: 'отменено', kk: 'күшін жойды' },
  upheld: { en: 'upheld', ru: 'оставлено в силе', kk: 'күшінде қалдырылды' },
  changed: { en: 'changed', ru: 'изменено', kk: 'өзгертілді' },
  returned: {
    en: 'returned for new consideration',
    ru: 'направлено на новое рассмотрение',
    kk: 'жаңадан қарауға жіберілді',
  },
  unknown: { en: 'outcome unknown', ru: 'исход неизвестен', kk: 'нәтижесі белгісіз' },
};

import {
  actionFamily,
  dateParts,
  formatDayMonth,
  formatShortDate,
  type ActionFamily,
  type ActionType,
  type CalendarDate,
} from '@civic/core';
import { KK } from './brief-labels-kk.ts';

export type BriefLanguage = 'en' | 'ru' | 'kk';
export const BRIEF_LANGUAGES: readonly BriefLanguage[] = ['en', 'ru', 'kk'];

export function isBriefLanguage(text: string): text is BriefLanguage {
  return (BRIEF_LANGUAGES as readonly string[]).includes(text);
}

/** Every word a brief prints, per language. */
export interface BriefLabels {
  readonly lang: BriefLanguage;
  readonly title: (
    actions: number,
    category: string,
    organisations: number,
    from: string,
    to: string,
  ) => string;
  readonly clusterTitle: (actions: number, category: string, from: string, to: string) => string;
  readonly whatHappened: string;
  readonly toWhom: string;
  readonly where: string;
  readonly when: string;
  readonly article: string;
  readonly timeBarred: string;
  readonly timeline: string;
  readonly map: string;
  readonly incidents: string;
  readonly method: string;
  readonly summary: (p: {
    actions: number;
    category: string;
    organisations: number;
    places: number;
    from: string;
    to: string;
    spread: string | null;
  }) => string;
  readonly chance: (p: { expected: string; pValue: string; replications: string; seed: string }) => string;
  readonly notCoordinated: string;
  readonly spread: (km: string) => string;
  readonly limitationUnavailable: (n: number) => string;
  readonly limitation: (p: {
    actions: number;
    checked: number;
    barred: number;
    running: number;
    unknown: number;
    /** Checked, but the limitation finding rests on unverified rules: counted apart, never as time-barred. */
    unverified: number;
    unverifiedBarred: number;
  }) => string;
  /** Put before a brief showing illustrative (demo) incidents: `n` of `total` are. */
  readonly illustrativeNotice: (n: number, total: number) => string;
  /** Marks an illustrative incident in the table. */
  readonly illustrativeMark: string;
  readonly window: (from: string, to: string, days: number) => string;
  readonly noArticle: string;
  readonly notOnMap: (places: string) => string;
  readonly columns: {
    date: string;
    organisation: string;
    place: string;
    action: string;
    basis: string;
    authority: string;
    outcome: string;
    source: string;
  };
  readonly methodText: string;
  /** `at` is the day the brief was generated, in the language's long form. */
  readonly generated: (at: string) => string;
  readonly actionName: (a: ActionType) => string;
  readonly familyName: (f: ActionFamily) => string;
  readonly date: (d: CalendarDate) => string;
  /** A date on the timeline's axis (day and month). */
  readonly shortDate: (d: CalendarDate) => string;
  readonly days: string;
  readonly count: string;
  /** A category with no action or family: "any action". */
  readonly anyAction: string;
  /** A category of one family, with the family's name: "any inspection action". */
  readonly anyFamilyAction: (family: string) => string;
  readonly penaltyMci: (mci: string) => string;
  readonly suspendedMonths: (months: string) => string;
  readonly mapTitle: (places: number) => string;
}

const RU_ACTIONS: Record<ActionType, string> = {
  notice: 'уведомление',
  summons: 'вызов',
  inspection: 'проверка',
  protocol: 'протокол',
  fine: 'штраф',
  suspension: 'приостановление',
  'registration-denied': 'отказ в регистрации',
  search: 'обыск',
  detention: 'задержание',
  'court-decision': 'решение суда',
  withdrawal: 'отзыв обвинений',
  warning: 'предупреждение',
  liquidation: 'ликвидация',
  'travel-ban': 'запрет на выезд',
  'account-freeze': 'арест счёта',
  other: 'другое',
};
const RU_FAMILIES: Record<ActionFamily, string> = {
  inspection: 'проверки',
  sanction: 'санкции',
  resolution: 'разрешение дела',
  coercion: 'принуждение',
  registration: 'регистрация',
  other: 'другое',
};

const EN: BriefLabels = {
  lang: 'en',
  title: (a, c, o, f, t) => `Coordinated wave: ${a} actions (${c}) against ${o} organisations, ${f} – ${t}`,
  clusterTitle: (a, c, f, t) => `Cluster of ${a} actions (${c}), ${f} – ${t}`,
  whatHappened: 'What happened',
  toWhom: 'To whom',
  where: 'Where',
  when: 'When',
  article: 'Under which article',
  timeBarred: 'Time-barred claims',
  timeline: 'Timeline',
  map: 'Map',
  incidents: 'The actions',
  method: 'Method',
  summary: (p) =>
    `Between ${p.from} and ${p.to}, ${p.actions} actions of the kind “${p.category}” were recorded against ${p.organisations} organisations in ${p.places} places${p.spread ? `, ${p.spread} apart at the widest` : ''}.`,
  chance: (p) =>
    `If the kind of action and its date were unrelated, about ${p.expected} such actions would be expected in this window. The chance of a cluster at least this strong anywhere in the data is p = ${p.pValue} (Monte Carlo, ${p.replications} replications, seed ${p.seed}).`,
  notCoordinated: 'It reaches too few organisations or places to be called coordinated.',
  spread: (km) => `${km}\u00a0km`,
  limitationUnavailable: (n) =>
    `Unknown for all ${n} actions: claim checks are not available here, so no limitation period was checked.`,
  limitation: (p) =>
    `Of ${p.actions} actions, ${p.checked} have a case checked against the limitation period with a verified finding: ${p.barred} were time-barred when brought, ${p.running} within time.${p.unverified > 0 ? ` ${p.unverified} more have a finding that rests on unverified rules (the start or the exceptions of the limitation period are open questions) and are not counted as time-barred, although ${p.unverifiedBarred} of them would be.` : ''} Unknown for ${p.unknown} (no case recorded, or no offence alleged).`,
  illustrativeNotice: (n, t) =>
    `ILLUSTRATIVE DATA: ${n} of the ${t} actions in this brief are illustrative (demo data: generated, or with a name, place or day chosen for the example) and are marked so in the table.`,
  illustrativeMark: '(illustrative)',
  window: (f, t, d) => `${f} – ${t} (scanned window of ${d} days)`,
  noArticle: 'no article recorded',
  notOnMap: (p) => `Not on the map (no coordinates): ${p}.`,
  columns: {
    date: 'Date',
    organisation: 'Organisation',
    place: 'Place',
    action: 'Action',
    basis: 'Legal basis',
    authority: 'Authority',
    outcome: 'Outcome',
    source: 'Source',
  },
  methodText:
    'Space–time permutation scan statistic (Kulldorff et al., 2005) with categories of action (action family, article, or both) as zones: dates are shuffled among the incidents and the strongest cluster is found again in each replicate; the p-value is the share of replicates with a stronger cluster anywhere.',
  generated: (at) => `Generated on ${at} by CivicLedger`,
  actionName: (a) => a.replace(/-/g, ' '),
  familyName: (f) => f,
  date: (d) => formatShortDate('en', d),
  shortDate: (d) => formatDayMonth('en', d),
  days: 'days',
  count: 'actions',
  anyAction: 'any action',
  anyFamilyAction: (f) => `any ${f} action`,
  penaltyMci: (n) => `${n} MCI`,
  suspendedMonths: (n) => `suspended ${n} mo.`,
  mapTitle: (n) => `Map: ${n} places`,
};

const RU: BriefLabels = {
  lang: 'ru',
  title: (a, c, o, f, t) =>
    `Скоординированная волна: ${a} действий (${c}) против ${o} организаций, ${f} – ${t}`,
  clusterTitle: (a, c, f, t) => `Кластер из ${a} действий (${c}), ${f} – ${t}`,
  whatHappened: 'Что произошло',
  toWhom: 'Против кого',
  where: 'Где',
  when: 'Когда',
  article: 'По какой статье',
  timeBarred: 'Требования за пределами срока давности',
  timeline: 'Хронология',
  map: 'Карта',
  incidents: 'Действия',
  method: 'Метод',
  summary: (p) =>
    `С ${p.from} по ${p.to} зарегистрировано ${p.actions} действий вида «${p.category}» против ${p.organisations} организаций в ${p.places} населённых пунктах${p.spread ? `, на расстоянии до ${p.spread}` : ''}.`,
  chance: (p) =>
    `Если бы вид действия и его дата были не связаны, в этом окне ожидалось бы около ${p.expected} таких действий. Вероятность кластера не слабее этого где-либо в данных: p = ${p.pValue} (метод Монте-Карло, ${p.replications} повторений, начальное значение ${p.seed}).`,
  notCoordinated: 'Организаций или мест слишком мало, чтобы назвать волну скоординированной.',
  spread: (km) => `${km}\u00a0км`,
  limitationUnavailable: (n) =>
    `Неизвестно для всех ${n} действий: проверка требований здесь недоступна, срок давности не проверялся.`,
  limitation: (p) =>
    `Из ${p.actions} действий ${p.checked} имеют дело с подтверждённым выводом о сроке давности: ${p.barred} предъявлены за пределами срока, ${p.running} — в срок.${p.unverified > 0 ? ` Ещё по ${p.unverified} вывод опирается на неподтверждённые нормы (начало течения срока и исключения из него — открытые вопросы), поэтому они не считаются предъявленными за пределами срока, хотя для ${p.unverifiedBarred} из них срок по расчёту истёк.` : ''} Неизвестно для ${p.unknown} (дело не заведено или правонарушение не вменяется).`,
  illustrativeNotice: (n, t) =>
    `ИЛЛЮСТРАТИВНЫЕ ДАННЫЕ: ${n} из ${t} действий в этой справке иллюстративны (демонстрационные данные: сгенерированы или название, место либо день выбраны для примера) и отмечены в таблице.`,
  illustrativeMark: '(иллюстративно)',
  window: (f, t, d) => `${f} – ${t} (окно поиска ${d} дн.)`,
  noArticle: 'статья не указана',
  notOnMap: (p) => `Не на карте (нет координат): ${p}.`,
  columns: {
    date: 'Дата',
    organisation: 'Организация',
    place: 'Место',
    action: 'Действие',
    basis: 'Основание',
    authority: 'Орган',
    outcome: 'Итог',
    source: 'Источник',
  },
  methodText:
    'Пространственно-временная перестановочная скан-статистика (Kulldorff et al., 2005), где «зоны» — категории действий (вид действия, статья или оба): даты перемешиваются между инцидентами, и в каждом повторении снова ищется сильнейший кластер; p — доля повторений с более сильным кластером.',
  generated: (at) => `Создано ${at} в CivicLedger`,
  actionName: (a) => RU_ACTIONS[a],
  familyName: (f) => RU_FAMILIES[f],
  date: (d) => formatShortDate('ru', d),
  shortDate: (d) => {
    const { month, day } = dateParts(d);
    return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}`;
  },
  days: 'дн.',
  count: 'действий',
  anyAction: 'любые действия',
  anyFamilyAction: (f) => `любые действия: ${f}`,
  penaltyMci: (n) => `${n} МРП`,
  suspendedMonths: (n) => `приостановление ${n} мес.`,
  mapTitle: (n) => `Карта: населённых пунктов — ${n}`,
};

const LABELS: Record<BriefLanguage, BriefLabels> = { en: EN, ru: RU, kk: KK };

export function briefLabels(lang: BriefLanguage): BriefLabels {
  return LABELS[lang];
}

/** Colours of the action families in the chart and the map legend. */
export const FAMILY_COLOURS: Record<ActionFamily, string> = {
  inspection: '#1f6fb2',
  sanction: '#c0392b',
  resolution: '#27ae60',
  coercion: '#8e44ad',
  registration: '#d68910',
  other: '#7f8c8d',
};

export function colourOf(action: ActionType): string {
  return FAMILY_COLOURS[actionFamily(action)];
}

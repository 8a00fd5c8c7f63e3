import { dateParts, formatLongDate, type ActionFamily, type ActionType } from '@civic/core';
import type { BriefLabels } from './brief-labels.ts';

const KK_ACTIONS: Record<ActionType, string> = {
  notice: 'хабарлама',
  summons: 'шақыру',
  inspection: 'тексеру',
  protocol: 'хаттама',
  fine: 'айыппұл',
  suspension: 'тоқтата тұру',
  'registration-denied': 'тіркеуден бас тарту',
  search: 'тінту',
  detention: 'ұстау',
  'court-decision': 'сот шешімі',
  withdrawal: 'айыптаулардан бас тарту',
  warning: 'ескерту',
  liquidation: 'тарату',
  'travel-ban': 'шетелге шығуға тыйым',
  'account-freeze': 'шотқа тыйым салу',
  other: 'басқа',
};
const KK_FAMILIES: Record<ActionFamily, string> = {
  inspection: 'тексерулер',
  sanction: 'санкциялар',
  resolution: 'істің шешілуі',
  coercion: 'мәжбүрлеу',
  registration: 'тіркеу',
  other: 'басқа',
};

/**
 * The brief in Kazakh (Cyrillic). Numbers stand before the noun in the singular ("8 ұйымға") and
 * never take a case ending, so no suffix has to follow the vowels of a numeral.
 */
export const KK: BriefLabels = {
  lang: 'kk',
  title: (a, c, o, f, t) => `Үйлестірілген толқын: ${o} ұйымға қатысты ${a} әрекет (${c}), ${f} – ${t}`,
  clusterTitle: (a, c, f, t) => `Кластер: ${a} әрекет (${c}), ${f} – ${t}`,
  whatHappened: 'Не болды',
  toWhom: 'Кімге қатысты',
  where: 'Қай жерде',
  when: 'Қашан',
  article: 'Қай бап бойынша',
  timeBarred: 'Ескіру мерзімі өткен талаптар',
  timeline: 'Хронология',
  map: 'Карта',
  incidents: 'Әрекеттер',
  method: 'Әдіс',
  summary: (p) =>
    `${p.from} – ${p.to} аралығында ${p.places} елді мекендегі ${p.organisations} ұйымға қатысты «${p.category}» түріндегі ${p.actions} әрекет тіркелді${p.spread ? ` (ең алыс ара қашықтық — ${p.spread})` : ''}.`,
  chance: (p) =>
    `Егер әрекеттің түрі мен күні бір-бірімен байланыссыз болса, бұл кезеңде шамамен ${p.expected} осындай әрекет күтілер еді. Деректердің кез келген жерінде кемінде осындай күшті кластердің кездейсоқ пайда болу ықтималдығы: p = ${p.pValue} (Монте-Карло әдісі, ${p.replications} қайталау, бастапқы мән ${p.seed}).`,
  notCoordinated:
    'Ұйымдар немесе елді мекендер тым аз, сондықтан оны үйлестірілген толқын деп атауға болмайды.',
  spread: (km) => `${km}\u00a0км`,
  limitationUnavailable: (n) =>
    `Барлық ${n} әрекет бойынша белгісіз: мұнда талаптарды тексеру мүмкін емес, сондықтан ескіру мерзімі тексерілген жоқ.`,
  limitation: (p) =>
    `Барлығы ${p.actions} әрекет; оның ішінде ${p.checked} әрекет бойынша іс ескіру мерзіміне тексеріліп, қорытынды расталған: ${p.barred} талап ескіру мерзімі өткеннен кейін қойылған, ${p.running} талап — мерзімінде.${p.unverified > 0 ? ` Тағы ${p.unverified} әрекет бойынша қорытынды расталмаған нормаларға сүйенеді (мерзімнің басталуы мен одан ерекшеліктер — ашық мәселелер), сондықтан олар мерзімі өткен деп есептелмейді, бірақ есеп бойынша олардың ${p.unverifiedBarred} мерзімі өткен.` : ''} ${p.unknown} әрекет бойынша белгісіз (іс тіркелмеген немесе құқық бұзушылық айыпталмаған).`,
  illustrativeNotice: (n, t) =>
    `ИЛЛЮСТРАЦИЯЛЫҚ ДЕРЕКТЕР: осы анықтамадағы ${t} әрекеттің ${n} әрекеті иллюстрациялық (демо деректер: жасанды түрде жасалған немесе атауы, орны не күні мысал үшін алынған) және кестеде белгіленген.`,
  illustrativeMark: '(иллюстрациялық)',
  window: (f, t, d) => `${f} – ${t} (іздеу кезеңі: ${d} күн)`,
  noArticle: 'бап көрсетілмеген',
  notOnMap: (p) => `Картада жоқ (координаттары белгісіз): ${p}.`,
  columns: {
    date: 'Күні',
    organisation: 'Ұйым',
    place: 'Орны',
    action: 'Әрекет',
    basis: 'Құқықтық негіз',
    authority: 'Орган',
    outcome: 'Нәтижесі',
    source: 'Дереккөз',
  },
  methodText:
    'Кеңістік-уақыттық алмастыру скан-статистикасы (Kulldorff et al., 2005), мұнда «аймақтар» — әрекет санаттары (әрекет түрі, бап немесе екеуі де): күндер инциденттер арасында араластырылады да, әр қайталауда ең күшті кластер қайта ізделеді; p — деректердің кез келген жерінде күштірек кластер табылған қайталаулардың үлесі.',
  generated: (at) => `${at} CivicLedger жүйесінде жасалды`,
  actionName: (a) => KK_ACTIONS[a],
  familyName: (f) => KK_FAMILIES[f],
  date: (d) => formatLongDate('kk', d),
  shortDate: (d) => {
    const { month, day } = dateParts(d);
    return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}`;
  },
  days: 'күн',
  count: 'әрекет',
  anyAction: 'кез келген әрекет',
  anyFamilyAction: (f) => `кез келген әрекет: ${f}`,
  penaltyMci: (n) => `${n} АЕК`,
  suspendedMonths: (n) => `${n} айға тоқтата тұру`,
  mapTitle: (n) => `Карта: елді мекендер саны — ${n}`,
};

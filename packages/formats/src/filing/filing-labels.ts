import { formatDecimalText, formatShortDate, type Locale } from '@civic/core';

/** The labels of a rendered filing in English, Russian and Kazakh. */
export interface FilingLabels {
  readonly title: string;
  readonly organisation: string;
  readonly bin: string;
  readonly form: string;
  readonly period: string;
  readonly dueOn: string;
  readonly obligation: string;
  readonly citation: string;
  readonly verified: string;
  readonly unverified: string;
  readonly state: string;
  readonly states: { readonly draft: string; readonly submitted: string };
  readonly filingId: string;
  readonly submittedOn: string;
  readonly channel: string;
  readonly incomingNumber: string;
  readonly attachments: string;
  readonly corrects: string;
  readonly correctsPrevious: string;
  readonly unverifiedNote: string;
  readonly carriedForwardNote: string;
  readonly receipts: string;
  readonly expenditures: string;
  readonly grants: string;
  readonly totals: string;
  readonly date: string;
  readonly source: string;
  readonly category: string;
  readonly country: string;
  readonly grant: string;
  readonly amount: string;
  readonly currency: string;
  readonly rate: string;
  readonly equivalent: (currency: string) => string;
  readonly description: string;
  readonly counterparty: string;
  readonly allocations: string;
  readonly property: string;
  readonly valuationMissing: string;
  readonly rateMissing: string;
  readonly rateOf: (date: string) => string;
  readonly totalReceived: string;
  readonly totalSpent: string;
  readonly withoutEquivalent: string;
  readonly byCategory: string;
  readonly byCurrency: string;
  readonly count: string;
  readonly agreed: string;
  readonly receivedInPeriod: string;
  readonly spentInPeriod: string;
  readonly spentToDate: string;
  readonly remaining: string;
  readonly illustrative: string;
  readonly contentHash: string;
  readonly notes: string;
  readonly none: string;
  readonly notSet: string;
  readonly categories: Readonly<Record<string, string>>;
}

const en: FilingLabels = {
  title: 'Filing',
  organisation: 'Organisation',
  bin: 'BIN',
  form: 'Form',
  period: 'Period',
  dueOn: 'Due on',
  obligation: 'Obligation',
  citation: 'Legal basis',
  verified: 'verified',
  unverified: 'unverified: check against the official text',
  state: 'State',
  states: { draft: 'draft', submitted: 'submitted' },
  filingId: 'Filing id',
  submittedOn: 'Submitted on',
  channel: 'Channel',
  incomingNumber: 'Incoming number',
  attachments: 'Attachments',
  corrects: 'Corrects filing',
  correctsPrevious: 'corrects a filing submitted earlier',
  unverifiedNote:
    'The due date or a rule of this obligation is not confirmed in the official text: check before relying on it.',
  carriedForwardNote: 'Some rates are carried forward from the last day a rate was published.',
  receipts: 'Receipts',
  expenditures: 'Expenditures',
  grants: 'Grants',
  totals: 'Totals',
  date: 'Date',
  source: 'Source',
  category: 'Category',
  country: 'Country',
  grant: 'Grant',
  amount: 'Amount',
  currency: 'Currency',
  rate: 'Rate',
  equivalent: (c) => `Equivalent, ${c}`,
  description: 'Description',
  counterparty: 'Counterparty',
  allocations: 'Allocated to',
  property: 'property in kind',
  valuationMissing: 'valuation missing',
  rateMissing: 'rate missing',
  rateOf: (d) => `rate of ${d}`,
  totalReceived: 'Total received',
  totalSpent: 'Total spent',
  withoutEquivalent: 'without an equivalent (left out of the total)',
  byCategory: 'By source category',
  byCurrency: 'By currency',
  count: 'Count',
  agreed: 'Agreed',
  receivedInPeriod: 'Received in period',
  spentInPeriod: 'Spent in period',
  spentToDate: 'Spent to date',
  remaining: 'Remaining',
  illustrative: 'ILLUSTRATIVE FIGURES (demo data)',
  contentHash: 'Content hash (sha256)',
  notes: 'Notes',
  none: 'none',
  notSet: 'not set',
  categories: {
    'foreign-state': 'Foreign state',
    'international-organisation': 'International organisation',
    'foreign-organisation': 'Foreign organisation',
    'foreign-citizen': 'Foreign citizen',
    'stateless-person': 'Stateless person',
  },
};

const ru: FilingLabels = {
  title: 'Отчёт',
  organisation: 'Организация',
  bin: 'БИН',
  form: 'Форма',
  period: 'Период',
  dueOn: 'Срок представления',
  obligation: 'Обязанность',
  citation: 'Правовое основание',
  verified: 'проверено',
  unverified: 'не проверено: сверить с официальным текстом',
  state: 'Статус',
  states: { draft: 'черновик', submitted: 'представлен' },
  filingId: 'Номер отчёта',
  submittedOn: 'Дата представления',
  channel: 'Способ представления',
  incomingNumber: 'Входящий номер',
  attachments: 'Приложения',
  corrects: 'Исправляет отчёт',
  correctsPrevious: 'исправляет ранее представленный отчёт',
  unverifiedNote:
    'Срок или норма этой обязанности не подтверждены официальным текстом: проверить перед использованием.',
  carriedForwardNote: 'Часть курсов взята на последний день, за который курс был опубликован.',
  receipts: 'Поступления',
  expenditures: 'Расходы',
  grants: 'Гранты',
  totals: 'Итоги',
  date: 'Дата',
  source: 'Источник',
  category: 'Категория',
  country: 'Страна',
  grant: 'Грант',
  amount: 'Сумма',
  currency: 'Валюта',
  rate: 'Курс',
  equivalent: (c) => `Эквивалент, ${c}`,
  description: 'Описание',
  counterparty: 'Контрагент',
  allocations: 'Распределено',
  property: 'имущество',
  valuationMissing: 'оценка отсутствует',
  rateMissing: 'курс отсутствует',
  rateOf: (d) => `курс на ${d}`,
  totalReceived: 'Всего получено',
  totalSpent: 'Всего израсходовано',
  withoutEquivalent: 'без эквивалента (не вошли в итог)',
  byCategory: 'По категориям источников',
  byCurrency: 'По валютам',
  count: 'Количество',
  agreed: 'По договору',
  receivedInPeriod: 'Получено за период',
  spentInPeriod: 'Израсходовано за период',
  spentToDate: 'Израсходовано всего',
  remaining: 'Остаток',
  illustrative: 'ИЛЛЮСТРАТИВНЫЕ ДАННЫЕ (демо)',
  contentHash: 'Хеш содержания (sha256)',
  notes: 'Примечания',
  none: 'нет',
  notSet: 'не указано',
  categories: {
    'foreign-state': 'Иностранное государство',
    'international-organisation': 'Международная организация',
    'foreign-organisation': 'Иностранная организация',
    'foreign-citizen': 'Иностранный гражданин',
    'stateless-person': 'Лицо без гражданства',
  },
};

const kk: FilingLabels = {
  title: 'Есеп',
  organisation: 'Ұйым',
  bin: 'БСН',
  form: 'Нысан',
  period: 'Кезең',
  dueOn: 'Ұсыну мерзімі',
  obligation: 'Міндет',
  citation: 'Құқықтық негіз',
  verified: 'тексерілген',
  unverified: 'тексерілмеген: ресми мәтінмен салыстыру қажет',
  state: 'Мәртебесі',
  states: { draft: 'жоба', submitted: 'тапсырылды' },
  filingId: 'Есеп нөмірі',
  submittedOn: 'Тапсырылған күні',
  channel: 'Тапсыру тәсілі',
  incomingNumber: 'Кіріс нөмірі',
  attachments: 'Қосымшалар',
  corrects: 'Түзетілетін есеп',
  correctsPrevious: 'бұрын тапсырылған есепті түзетеді',
  unverifiedNote:
    'Бұл міндеттің мерзімі немесе нормасы ресми мәтінмен расталмаған: пайдаланар алдында тексеру қажет.',
  carriedForwardNote: 'Кейбір бағамдар бағам жарияланған соңғы күн бойынша алынды.',
  receipts: 'Түсімдер',
  expenditures: 'Шығыстар',
  grants: 'Гранттар',
  totals: 'Қорытынды',
  date: 'Күні',
  source: 'Көзі',
  category: 'Санаты',
  country: 'Елі',
  grant: 'Грант',
  amount: 'Сомасы',
  currency: 'Валюта',
  rate: 'Бағам',
  equivalent: (c) => `Баламасы, ${c}`,
  description: 'Сипаттамасы',
  counterparty: 'Контрагент',
  allocations: 'Бөлінген',
  property: 'мүлік',
  valuationMissing: 'бағалау жоқ',
  rateMissing: 'бағам жоқ',
  rateOf: (d) => `${d} бағамы`,
  totalReceived: 'Барлығы алынды',
  totalSpent: 'Барлығы жұмсалды',
  withoutEquivalent: 'баламасыз (қорытындыға кірмеді)',
  byCategory: 'Көз санаттары бойынша',
  byCurrency: 'Валюталар бойынша',
  count: 'Саны',
  agreed: 'Келісім бойынша',
  receivedInPeriod: 'Кезеңде алынды',
  spentInPeriod: 'Кезеңде жұмсалды',
  spentToDate: 'Барлығы жұмсалды',
  remaining: 'Қалдығы',
  illustrative: 'ИЛЛЮСТРАЦИЯЛЫҚ ДЕРЕКТЕР (демо)',
  contentHash: 'Мазмұн хеші (sha256)',
  notes: 'Ескертпелер',
  none: 'жоқ',
  notSet: 'көрсетілмеген',
  categories: {
    'foreign-state': 'Шет мемлекет',
    'international-organisation': 'Халықаралық ұйым',
    'foreign-organisation': 'Шетелдік ұйым',
    'foreign-citizen': 'Шетел азаматы',
    'stateless-person': 'Азаматтығы жоқ адам',
  },
};

export function filingLabels(lang: Locale): FilingLabels {
  return lang === 'ru' ? ru : lang === 'kk' ? kk : en;
}

/** A decimal amount for reading: "11346750.00" → "11,346,750.00" (en) or «11 346 750,00» (ru, kk), by core's formatter. */
export function displayAmount(decimal: string, lang: Locale): string {
  return formatDecimalText(lang, decimal);
}

/** A date for reading: «05.03.2021» (ru, kk), "5 Mar 2021" (en); never the ISO form. */
export function displayDate(date: string, lang: Locale): string {
  return formatShortDate(lang, date);
}

export function categoryLabel(l: FilingLabels, category: string | null): string {
  return category === null ? l.notSet : (l.categories[category] ?? category);
}

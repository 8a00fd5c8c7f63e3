/**
 * The demo ledgers of the 2020–21 organisations. EVERY FIGURE HERE IS ILLUSTRATIVE: no public
 * source gives these organisations' grants, receipts or spending. The sources are real kinds of
 * donors named in the public record of the case (NED, embassies, the OSCE, the EU, Soros
 * Foundation–Kazakhstan, Freedom House; legal-brief.md §2.1), the amounts and dates are invented
 * to show the ledger's features, and the texts are written in Russian, as a Kazakh organisation's
 * accountant enters them: KZT equivalents at (illustrative) NBK rates, a rate carried
 * forward over a weekend, a missing rate, property in kind with and without a valuation, an
 * overspent grant, and unconfirmed foreign-funding candidates from a bank statement.
 */
export interface DemoSourceSpec {
  readonly name: string;
  readonly category: 'foreign-state' | 'international-organisation' | 'foreign-organisation';
  readonly country: string | null;
  readonly accounts?: readonly string[];
}

export const DEMO_SOURCES = {
  ned: {
    name: 'National Endowment for Democracy',
    category: 'foreign-organisation',
    country: 'US',
    accounts: ['US78000000001234567890'],
  },
  sfk: { name: 'Soros Foundation–Kazakhstan', category: 'foreign-organisation', country: null },
  usemb: { name: 'Посольство США', category: 'foreign-state', country: 'US' },
  nlemb: { name: 'Посольство Королевства Нидерландов', category: 'foreign-state', country: 'NL' },
  osce: {
    name: 'Офис программ ОБСЕ в Нур-Султане',
    category: 'international-organisation',
    country: null,
  },
  eu: {
    name: 'Представительство Европейского союза в Казахстане',
    category: 'international-organisation',
    country: null,
  },
  fh: { name: 'Freedom House', category: 'foreign-organisation', country: 'US' },
  gbdonor: { name: 'Westminster Foundation for Democracy', category: 'foreign-organisation', country: 'GB' },
} as const satisfies Record<string, DemoSourceSpec>;

export type DemoSourceKey = keyof typeof DEMO_SOURCES;

/** [date, decimal amount, description?] */
export type DemoMovement = readonly [string, string, string?];

export interface DemoGrantSpec {
  readonly source: DemoSourceKey;
  readonly agreement: string;
  readonly date: string;
  readonly currency: 'USD' | 'EUR' | 'KZT' | 'GBP';
  readonly amount: string;
  readonly from: string;
  readonly to: string;
  readonly activity: 'legal-assistance' | 'opinion-research' | 'information';
  readonly receipts: readonly DemoMovement[];
  readonly expenditures: readonly DemoMovement[];
}

export interface DemoLedgerSpec {
  readonly grants: readonly DemoGrantSpec[];
  /** Property received in kind: [date, source, description, valuation amount|null, currency|null]. */
  readonly property?: readonly (readonly [string, DemoSourceKey, string, string | null, string | null])[];
  /** A bank statement left with unconfirmed candidates (Dec 2021). */
  readonly statement?: boolean;
}

export const DEMO_LEDGERS: Readonly<Record<string, DemoLedgerSpec>> = {
  echo: {
    statement: true,
    grants: [
      {
        source: 'ned',
        agreement: 'NED-2018-0412',
        date: '2018-02-20',
        currency: 'USD',
        amount: '45000.00',
        from: '2018-03-01',
        to: '2019-02-28',
        activity: 'information',
        receipts: [
          ['2018-03-15', '22500.00'],
          ['2018-09-14', '22500.00'],
        ],
        expenditures: [
          ['2018-04-30', '9000.00', 'Обучение наблюдателей, весна'],
          ['2018-10-31', '18000.00', 'Заработная плата аналитиков'],
          ['2019-02-28', '15000.00', 'Печать и публикация доклада'],
        ],
      },
      {
        source: 'eu',
        agreement: 'EIDHR/2019/410-221',
        date: '2019-05-15',
        currency: 'EUR',
        amount: '120000.00',
        from: '2019-06-01',
        to: '2021-05-31',
        activity: 'information',
        // 6 June 2020 is a Saturday: the KZT equivalent uses Friday's rate, carried forward.
        receipts: [
          ['2019-06-03', '60000.00'],
          ['2020-06-06', '40000.00'],
        ],
        expenditures: [
          ['2019-09-30', '25000.00', 'Мониторинговые поездки в регионы'],
          ['2020-03-31', '30000.00', 'Заработная плата'],
          ['2020-12-15', '28000.00', 'Онлайн-платформа'],
        ],
      },
    ],
  },
  erkindik: {
    grants: [
      {
        source: 'sfk',
        agreement: 'SFK-19-0077',
        date: '2019-03-01',
        currency: 'KZT',
        amount: '9500000.00',
        from: '2019-03-01',
        to: '2020-02-29',
        activity: 'legal-assistance',
        receipts: [
          ['2019-03-12', '4750000.00'],
          ['2019-09-10', '4750000.00'],
        ],
        expenditures: [
          ['2019-06-28', '3100000.00', 'Гонорары адвокатов'],
          ['2019-12-20', '4900000.00', 'Стратегические судебные дела'],
        ],
      },
      {
        source: 'nlemb',
        agreement: 'NL-KZ-2020-03',
        date: '2020-02-10',
        currency: 'EUR',
        amount: '30000.00',
        from: '2020-03-01',
        to: '2021-02-28',
        activity: 'legal-assistance',
        receipts: [['2020-03-02', '30000.00']],
        expenditures: [
          ['2020-07-31', '12000.00', 'Юридическая клиника'],
          ['2021-01-29', '14500.00', 'Юридическая клиника'],
        ],
      },
    ],
  },
  kibhr: {
    statement: true,
    grants: [
      {
        source: 'ned',
        agreement: 'NED-2019-0388',
        date: '2019-01-25',
        currency: 'USD',
        amount: '60000.00',
        from: '2019-02-01',
        to: '2020-01-31',
        activity: 'legal-assistance',
        receipts: [
          ['2019-02-14', '30000.00'],
          ['2019-08-15', '30000.00'],
        ],
        expenditures: [
          ['2019-05-31', '21000.00', 'Мониторинг судов'],
          ['2019-11-29', '33000.00', 'Юридическая помощь'],
        ],
      },
      {
        source: 'osce',
        agreement: 'OSCE-PONS-2020-11',
        date: '2020-01-20',
        currency: 'EUR',
        amount: '18000.00',
        from: '2020-02-01',
        to: '2020-12-31',
        activity: 'information',
        receipts: [['2020-02-05', '18000.00']],
        expenditures: [['2020-10-30', '16500.00', 'Конференция о свободе собраний']],
      },
      {
        source: 'gbdonor',
        agreement: 'WFD-KZ-2021-02',
        date: '2021-01-11',
        currency: 'GBP',
        amount: '8000.00',
        from: '2021-01-15',
        to: '2021-12-31',
        activity: 'information',
        // No GBP rate is bundled: this receipt's KZT equivalent is shown as missing, never zero.
        receipts: [['2021-01-20', '8000.00']],
        expenditures: [],
      },
    ],
  },
  ili: {
    grants: [
      {
        source: 'usemb',
        agreement: 'SKZ50019GR0042',
        date: '2019-09-01',
        currency: 'USD',
        amount: '24000.00',
        from: '2019-09-15',
        to: '2020-09-14',
        activity: 'legal-assistance',
        receipts: [['2019-09-20', '20000.00']],
        // Spent beyond what was received (the last tranche never came): the grant is flagged.
        expenditures: [
          ['2019-12-27', '11000.00', 'Тренинги для юристов'],
          ['2020-05-29', '12500.00', 'Юридическая помощь НПО'],
        ],
      },
      {
        source: 'fh',
        agreement: 'FH-CA-2018-15',
        date: '2018-04-02',
        currency: 'USD',
        amount: '15000.00',
        from: '2018-04-15',
        to: '2019-04-14',
        activity: 'legal-assistance',
        receipts: [['2018-04-18', '15000.00']],
        expenditures: [['2018-12-28', '14200.00', 'Комментарии к законопроектам']],
      },
    ],
  },
  lmc: {
    property: [
      ['2020-09-15', 'osce', 'Два ноутбука для горячей линии по медиаправу', null, null],
      ['2019-11-05', 'usemb', 'Оборудование для звукозаписи', '2400.00', 'USD'],
    ],
    grants: [
      {
        source: 'usemb',
        agreement: 'SKZ50018GR0107',
        date: '2018-06-01',
        currency: 'USD',
        amount: '35000.00',
        from: '2018-06-15',
        to: '2019-06-14',
        activity: 'information',
        receipts: [
          ['2018-06-20', '17500.00'],
          ['2018-12-19', '17500.00'],
        ],
        expenditures: [
          ['2018-09-28', '13000.00', 'Тренинги по медиаправу'],
          ['2019-05-31', '20500.00', 'Юридическая защита журналистов'],
        ],
      },
    ],
  },
  medianet: {
    grants: [
      {
        source: 'eu',
        agreement: 'EIDHR/2020/417-903',
        date: '2020-08-20',
        currency: 'EUR',
        amount: '75000.00',
        from: '2020-09-01',
        to: '2022-08-31',
        activity: 'opinion-research',
        receipts: [['2020-09-04', '37500.00']],
        expenditures: [
          ['2020-12-30', '15000.00', 'Исследование медиааудитории'],
          ['2021-06-30', '17000.00', 'Публикация исследования'],
        ],
      },
      {
        source: 'sfk',
        agreement: 'SFK-20-0131',
        date: '2020-04-01',
        currency: 'KZT',
        amount: '6000000.00',
        from: '2020-04-01',
        to: '2021-03-31',
        activity: 'information',
        receipts: [['2020-04-08', '6000000.00']],
        expenditures: [
          ['2020-10-30', '2500000.00', 'Отдел фактчекинга'],
          ['2021-03-31', '3300000.00', 'Отдел фактчекинга'],
        ],
      },
    ],
  },
  kadir: {
    grants: [
      {
        source: 'nlemb',
        agreement: 'NL-KZ-2018-11',
        date: '2018-10-01',
        currency: 'EUR',
        amount: '20000.00',
        from: '2018-10-15',
        to: '2019-10-14',
        activity: 'legal-assistance',
        receipts: [['2018-10-22', '20000.00']],
        expenditures: [
          ['2019-03-29', '9000.00', 'Школа прав человека'],
          ['2019-09-30', '10500.00', 'Школа прав человека'],
        ],
      },
    ],
  },
};

/**
 * Illustrative official rates (KZT per unit) at the start of each month: the demo interpolates
 * between them for each working day. They are close to the NBK's published levels but are NOT
 * the published figures; the rows carry the source «НБК (иллюстративно)».
 */
export const DEMO_RATE_ANCHORS: Readonly<Record<'USD' | 'EUR', readonly (readonly [string, number])[]>> = {
  // [month, rate in tiyn (hundredths)]
  USD: [
    ['2018-01', 33200],
    ['2018-07', 34100],
    ['2019-01', 38400],
    ['2019-07', 38100],
    ['2020-01', 38100],
    ['2020-04', 44200],
    ['2020-07', 40600],
    ['2021-01', 42000],
    ['2021-07', 42700],
    ['2022-01', 43100],
  ],
  EUR: [
    ['2018-01', 39800],
    ['2018-07', 39900],
    ['2019-01', 43900],
    ['2019-07', 43200],
    ['2020-01', 42600],
    ['2020-04', 47900],
    ['2020-07', 45700],
    ['2021-01', 51600],
    ['2021-07', 50700],
    ['2022-01', 48800],
  ],
};

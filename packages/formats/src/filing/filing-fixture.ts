import { canonicalJsonOf, type FilingContent, type ReceiptLine, type ExpenditureLine } from '@civic/core';
import { sha256Hex } from '../bundle/sha256.ts';

/**
 * Test support: a filing's content as the app prepares it, built explicitly (no database): two
 * receipts from foreign sources in USD and EUR, one of property valued in KZT, two expenditures.
 * Names are Cyrillic to exercise the PDF font. Figures are illustrative.
 */
export function sampleFilingContent(overrides: Partial<FilingContent> = {}): FilingContent {
  const withHash = <T extends object>(line: T): T & { recordHash: string } => ({
    ...line,
    recordHash: sha256Hex(canonicalJsonOf(line)),
  });
  const receipts: ReceiptLine[] = [
    withHash({
      id: 'rcp_1',
      receivedOn: '2023-02-14',
      kind: 'money' as const,
      amount: '25000.00',
      currency: 'USD',
      propertyDescription: null,
      valuation: null,
      equivalent: '11346750.00',
      rate: {
        status: 'official' as const,
        date: '2023-02-14',
        text: '453.87',
        units: 1,
        source: 'NBK',
        note: null,
      },
      source: {
        id: 'src_1',
        name: 'Фонд «Открытое общество»',
        category: 'foreign-organisation',
        country: 'US',
      },
      grant: { id: 'grt_1', agreementNumber: 'OSF-2023/17' },
      description: 'Транш 1 по договору',
    }),
    withHash({
      id: 'rcp_2',
      receivedOn: '2023-05-06',
      kind: 'money' as const,
      amount: '10000.50',
      currency: 'EUR',
      propertyDescription: null,
      valuation: null,
      equivalent: '4912245.60',
      rate: {
        status: 'carried-forward' as const,
        date: '2023-05-05',
        text: '491.20',
        units: 1,
        source: 'NBK',
        note: 'no EUR rate on 2023-05-06',
      },
      source: {
        id: 'src_2',
        name: 'Civil Rights Defenders',
        category: 'foreign-organisation',
        country: 'SE',
      },
      grant: { id: 'grt_2', agreementNumber: 'CRD-88' },
      description: null,
    }),
    withHash({
      id: 'rcp_3',
      receivedOn: '2023-06-01',
      kind: 'property' as const,
      amount: '350000.00',
      currency: 'KZT',
      propertyDescription: 'Ноутбуки, 2 шт.',
      valuation: { method: 'invoice', valuedOn: '2023-06-01' },
      equivalent: '350000.00',
      rate: { status: 'official' as const, date: null, text: null, units: null, source: null, note: null },
      source: {
        id: 'src_2',
        name: 'Civil Rights Defenders',
        category: 'foreign-organisation',
        country: 'SE',
      },
      grant: { id: 'grt_2', agreementNumber: 'CRD-88' },
      description: null,
    }),
  ];
  const expenditures: ExpenditureLine[] = [
    withHash({
      id: 'exp_1',
      spentOn: '2023-03-01',
      amount: '1500000.00',
      currency: 'KZT',
      equivalent: '1500000.00',
      rate: { status: 'official' as const, date: null, text: null, units: null, source: null, note: null },
      description: 'Юридические консультации',
      counterparty: 'ИП Ахметова',
      allocations: [{ grantId: 'grt_1', agreementNumber: 'OSF-2023/17', amount: '1500000.00' }],
    }),
    withHash({
      id: 'exp_2',
      spentOn: '2023-06-20',
      amount: '820000.25',
      currency: 'KZT',
      equivalent: '820000.25',
      rate: { status: 'official' as const, date: null, text: null, units: null, source: null, note: null },
      description: 'Аренда офиса',
      counterparty: 'ТОО «Бизнес-центр»',
      allocations: [
        { grantId: 'grt_1', agreementNumber: 'OSF-2023/17', amount: '500000.00' },
        { grantId: 'grt_2', agreementNumber: 'CRD-88', amount: '320000.25' },
      ],
    }),
  ];
  return {
    schema: 'civicledger.filing/1',
    organisation: { id: 'org_echo', name: 'Эхо', bin: '070940000014', country: 'KZ' },
    pack: { id: 'kz', name: 'Kazakhstan', jurisdiction: 'KZ' },
    obligation: {
      id: 'org_echo:receipt-expenditure-report:2023-H1',
      ruleId: 'receipt-expenditure-report',
      title: 'Report on the receipt and expenditure of money and other property from foreign sources',
      trigger: 'period',
      period: { from: '2023-01-01', to: '2023-06-30', label: '2023-H1' },
      dueOn: '2023-08-15',
      citation: 'Order No. 242 (F.018.00)',
      citationUrl: null,
      verified: false,
    },
    form: { id: 'F.018.00', title: 'Сведения о получении и расходовании денег' },
    equivalentCurrency: 'KZT',
    receipts,
    expenditures,
    grants: [
      {
        id: 'grt_1',
        agreementNumber: 'OSF-2023/17',
        sourceName: 'Фонд «Открытое общество»',
        currency: 'USD',
        amount: '50000.00',
        periodFrom: '2023-01-01',
        periodTo: '2023-12-31',
        receivedInPeriod: '25000.00',
        spentInPeriod: '0.00',
        spentToDate: '0.00',
        remaining: '50000.00',
      },
      {
        id: 'grt_2',
        agreementNumber: 'CRD-88',
        sourceName: 'Civil Rights Defenders',
        currency: 'EUR',
        amount: '20000.00',
        periodFrom: null,
        periodTo: null,
        receivedInPeriod: '10000.50',
        spentInPeriod: '0.00',
        spentToDate: '0.00',
        remaining: '20000.00',
      },
    ],
    totals: {
      receiptCount: 3,
      receiptsEquivalent: '16608995.60',
      receiptsWithoutEquivalent: 0,
      expenditureCount: 2,
      expendituresEquivalent: '2320000.25',
      expendituresWithoutEquivalent: 0,
      byCategory: [{ category: 'foreign-organisation', count: 3, equivalent: '16608995.60' }],
      byCurrency: [
        { currency: 'EUR', received: '10000.50', spent: '0.00' },
        { currency: 'KZT', received: '350000.00', spent: '2320000.25' },
        { currency: 'USD', received: '25000.00', spent: '0.00' },
      ],
    },
    corrects: null,
    notes: ['unverified: the F.018.00 due date (Order No. 242)'],
    illustrative: true,
    ...overrides,
  };
}

/**
 * Test support: the notification of the first receipt (F.017.00, one day as its period), with the
 * content's words in English as prepared.
 */
export function sampleNotificationContent(): FilingContent {
  const base = sampleFilingContent();
  const first = base.receipts.slice(0, 1);
  return sampleFilingContent({
    obligation: {
      id: 'org_echo:receipt-notification:rcp_1',
      ruleId: 'receipt-notification',
      title: 'Notification of a receipt of money or other property from a foreign source',
      trigger: 'each-receipt',
      period: { from: '2023-02-14', to: '2023-02-14', label: '2023-02-14' },
      dueOn: '2023-02-28',
      citation: 'gov.kz life situation 339; MoF Order No. 241 of 20 Feb 2018 (in force 30 Mar 2018)',
      citationUrl: null,
      verified: true,
    },
    form: { id: 'F.017.00', title: 'Notification of the receipt of money and (or) other property' },
    receipts: first,
    expenditures: [],
    notes: [],
  });
}

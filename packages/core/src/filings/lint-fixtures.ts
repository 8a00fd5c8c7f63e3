import { calendarDate as d, type CalendarDate } from '../calendar-date.ts';
import { currency } from '../currency.ts';
import type { ExpenditureId, GrantId, ReceiptId, SourceId } from '../ids.ts';
import type { Expenditure } from '../ledger/expenditure.ts';
import type { Grant } from '../ledger/grant.ts';
import { buildRateIndex, computeKztEquivalent, type KztEquivalent } from '../ledger/kzt-equivalent.ts';
import { makeOfficialRate, type OfficialRate } from '../ledger/official-rate.ts';
import type { Receipt, ReceiptContent } from '../ledger/receipt.ts';
import type { ForeignSource, ForeignSourceCategory } from '../ledger/source.ts';
import type { ObligationInstance } from '../obligations/derive-obligations.ts';
import type { ObligationStatus } from '../obligations/obligation-status.ts';
import { buildFilingContent } from './build-filing-content.ts';
import type { FilingContent } from './filing-content.ts';
import type { LintInput } from './lint-filing.ts';

/**
 * Test support for lint: an explicit, clean world — one foreign organisation (US), a USD grant for
 * 2024, official USD rates, a receipt of 5,000 USD on 1 Feb 2024 notified on time, an expense of
 * 1,000 USD on 1 Mar 2024, and the H1 2024 report prepared from them. Each option spoils one thing.
 */
export interface WorldOptions {
  readonly category?: ForeignSourceCategory | null;
  readonly country?: string | null;
  readonly receipts?: readonly {
    id: string;
    on: string;
    usd?: string;
    property?: boolean;
    grant?: boolean;
    kzt?: 'official' | 'missing' | 'wrong';
  }[];
  readonly expenditures?: readonly { id: string; on: string; usd: string; allocations?: readonly string[] }[];
  readonly grantFrom?: string | null;
  readonly grantTo?: string | null;
  readonly grantAmount?: string;
  readonly rates?: boolean;
  readonly verified?: boolean;
  readonly notification?: ObligationStatus | null;
  readonly asOf?: string;
  readonly submitted?: boolean;
  /** Ledger receipts added after the filing was prepared (not in its content). */
  readonly laterReceipts?: readonly string[];
  /** The ledger as it is now, changed after preparing. */
  readonly ledgerNow?: (r: readonly Receipt[]) => readonly Receipt[];
  readonly content?: (c: FilingContent) => FilingContent;
  readonly correctionOfSelf?: boolean;
}

const usd = currency('USD');
const minor = (text: string): bigint => BigInt(text.replace('.', ''));
const rate = (date: string, text: string): OfficialRate => {
  const r = makeOfficialRate({ date, currency: 'USD', rate: text, source: 'NBK' });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

export function lintWorld(o: WorldOptions = {}): LintInput {
  const rates = buildRateIndex(
    o.rates === false
      ? []
      : [rate('2024-02-01', '450.00'), rate('2024-03-01', '460.00'), rate('2024-07-01', '470.00')],
  );
  const source: ForeignSource = {
    id: 'src_a' as SourceId,
    organisationId: 'org_x',
    name: 'Open Society',
    category: o.category === undefined ? 'foreign-organisation' : o.category,
    country: o.country === undefined ? 'US' : o.country,
    taxId: null,
    accounts: [],
    aliases: [],
    notes: null,
    illustrative: false,
  };
  const grant: Grant = {
    id: 'grt_1' as GrantId,
    organisationId: 'org_x',
    sourceId: source.id,
    agreementNumber: 'OSF-1',
    agreementDate: null,
    amount: { minor: minor(o.grantAmount ?? '10000.00'), currency: usd },
    periodFrom: o.grantFrom === undefined ? d('2024-01-01') : o.grantFrom === null ? null : d(o.grantFrom),
    periodTo: o.grantTo === undefined ? d('2024-12-31') : o.grantTo === null ? null : d(o.grantTo),
    activity: null,
    title: null,
    illustrative: false,
  };
  const equivalent = (
    amount: bigint,
    on: CalendarDate,
    kind: 'official' | 'missing' | 'wrong' = 'official',
  ): KztEquivalent => {
    if (kind === 'missing') return { status: 'missing', kzt: null, rate: null, note: 'no rate' };
    const k = computeKztEquivalent({ minor: amount, currency: usd }, on, rates);
    return kind === 'wrong' && k.kzt !== null
      ? { status: 'official', kzt: k.kzt - 1000n, rate: null, note: null }
      : k;
  };
  const receipt = (x: NonNullable<WorldOptions['receipts']>[number]): Receipt => {
    const amount = minor(x.usd ?? '5000.00');
    const content: ReceiptContent = x.property
      ? { kind: 'property', description: 'Laptops', valuation: null }
      : { kind: 'money', amount: { minor: amount, currency: usd } };
    const kzt = x.property
      ? ({ status: 'missing', kzt: null, rate: null, note: 'not valued' } as const)
      : equivalent(amount, d(x.on), x.kzt);
    return {
      id: x.id as ReceiptId,
      organisationId: 'org_x',
      sourceId: source.id,
      grantId: x.grant === false ? null : grant.id,
      accountId: null,
      bankLineId: null,
      receivedOn: d(x.on),
      content,
      kzt,
      description: null,
      illustrative: false,
    };
  };
  const receipts = (o.receipts ?? [{ id: 'r1', on: '2024-02-01' }]).map(receipt);
  const expenditures: Expenditure[] = (
    o.expenditures ?? [{ id: 'e1', on: '2024-03-01', usd: '1000.00' }]
  ).map((x) => ({
    id: x.id as ExpenditureId,
    organisationId: 'org_x',
    spentOn: d(x.on),
    amount: { minor: minor(x.usd), currency: usd },
    kzt: equivalent(minor(x.usd), d(x.on)),
    accountId: null,
    bankLineId: null,
    description: 'Legal aid',
    counterparty: 'Lawyer',
    allocations: (x.allocations ?? [x.usd]).map((a) => ({ grantId: grant.id, amount: minor(a) })),
    illustrative: false,
  }));
  const base = {
    organisation: 'org_x',
    title: 'Report',
    form: 'F.018.00',
    formTitle: 'Report',
    citation: 'Order 242',
    citationUrl: null,
    notes: [],
    filingId: null,
    submittedOn: null,
    status: 'upcoming' as const,
  };
  const obligation: ObligationInstance = {
    ...base,
    id: 'org_x:report:2024-H1',
    obligationId: 'report',
    trigger: 'period',
    period: { from: d('2024-01-01'), to: d('2024-06-30'), label: '2024-H1' },
    dueOn: d('2024-08-15'),
    verified: o.verified ?? true,
    receiptIds: receipts.map((r) => r.id),
  };
  const notifications: ObligationInstance[] =
    o.notification === null
      ? []
      : receipts.map((r) => ({
          ...base,
          id: `org_x:notify:${r.id}`,
          obligationId: 'notify',
          trigger: 'each-receipt',
          form: 'F.017.00',
          period: { from: r.receivedOn, to: r.receivedOn, label: r.receivedOn },
          dueOn: d('2024-02-15'),
          verified: true,
          receiptIds: [r.id],
          status: o.notification ?? 'filed-on-time',
          submittedOn: d('2024-02-10'),
        }));
  const built = buildFilingContent({
    organisation: { id: 'org_x', name: 'Org', bin: null, country: 'KZ' },
    pack: { id: 'kz', name: 'Kazakhstan', jurisdiction: 'KZ' },
    equivalentCurrency: currency('KZT'),
    obligation,
    receipts,
    expenditures,
    grants: [grant],
    sources: [source],
    expendituresToDate: expenditures,
    corrects: o.correctionOfSelf ? 'fil_0' : null,
    sha256Hex: (t) => t.length.toString(16).padStart(64, '0'),
  });
  const content = o.content ? o.content(built) : built;
  const later = (o.laterReceipts ?? []).map((id) => receipt({ id, on: '2024-04-02' }));
  const ledger = [...(o.ledgerNow ? o.ledgerNow(receipts) : receipts), ...later];
  return {
    content,
    submitted: o.submitted ?? false,
    receipts: ledger,
    expenditures,
    grants: [grant],
    rates,
    obligation: { ...obligation, receiptIds: ledger.map((r) => r.id) },
    notifications,
    corrected: o.correctionOfSelf ? { ...content, corrects: null } : null,
    asOf: d(o.asOf ?? '2024-08-01'),
  };
}

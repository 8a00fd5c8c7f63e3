/**
 * What a filing says, as prepared from the ledger for one obligation: plain JSON (amounts as
 * decimal strings in their currency, never floats), so that its RFC 8785 canonical form — and
 * so its hash — is the same whether it is built in memory or read back from the store or a
 * bundle. It carries no timestamp and no filing id: preparing it twice from an unchanged ledger
 * gives the same content and the same hash.
 */
export interface FilingContent {
  readonly schema: 'civicledger.filing/1';
  readonly organisation: {
    readonly id: string;
    readonly name: string;
    readonly bin: string | null;
    readonly country: string;
  };
  readonly pack: { readonly id: string; readonly name: string; readonly jurisdiction: string };
  readonly obligation: FilingObligation;
  readonly form: { readonly id: string; readonly title: string };
  /** The currency the equivalents are in: the jurisdiction's (the rule pack's `currency`). */
  readonly equivalentCurrency: string;
  readonly receipts: readonly ReceiptLine[];
  readonly expenditures: readonly ExpenditureLine[];
  readonly grants: readonly GrantLine[];
  readonly totals: FilingTotals;
  /** The filing this one corrects, or null. */
  readonly corrects: string | null;
  /** Things the reader must know: unverified rules, carried-forward rates. */
  readonly notes: readonly string[];
  /** True when any record in it is illustrative (demo data). */
  readonly illustrative: boolean;
}

export interface FilingObligation {
  /** The obligation's id (see obligations: `<organisation>:<rule>:<receipt id or period label>`). */
  readonly id: string;
  /** The pack's obligation id. */
  readonly ruleId: string;
  readonly title: string;
  readonly trigger: 'each-receipt' | 'period';
  readonly period: { readonly from: string; readonly to: string; readonly label: string };
  readonly dueOn: string;
  readonly citation: string;
  readonly citationUrl: string | null;
  readonly verified: boolean;
}

/** The rate an equivalent was computed at; `status` as in the ledger (official, carried-forward, missing). */
export interface RateLine {
  readonly status: 'official' | 'carried-forward' | 'missing';
  /** The day whose rate was used (null for KZT amounts and missing rates). */
  readonly date: string | null;
  readonly text: string | null;
  readonly units: number | null;
  readonly source: string | null;
  readonly note: string | null;
}

export interface ReceiptLine {
  readonly id: string;
  readonly receivedOn: string;
  readonly kind: 'money' | 'property';
  /** The amount received, or the property's valuation; null for property not valued. */
  readonly amount: string | null;
  readonly currency: string | null;
  readonly propertyDescription: string | null;
  readonly valuation: { readonly method: string; readonly valuedOn: string } | null;
  /** Decimal amount in `equivalentCurrency`; null when the rate or valuation is missing. */
  readonly equivalent: string | null;
  readonly rate: RateLine;
  readonly source: {
    readonly id: string;
    readonly name: string;
    readonly category: string | null;
    readonly country: string | null;
  };
  readonly grant: { readonly id: string; readonly agreementNumber: string } | null;
  readonly description: string | null;
  /** sha256 of the canonical JSON of this line without `recordHash`: the receipt as filed. */
  readonly recordHash: string;
}

export interface ExpenditureLine {
  readonly id: string;
  readonly spentOn: string;
  readonly amount: string;
  readonly currency: string;
  readonly equivalent: string | null;
  readonly rate: RateLine;
  readonly description: string | null;
  readonly counterparty: string | null;
  readonly allocations: readonly {
    readonly grantId: string;
    readonly agreementNumber: string | null;
    readonly amount: string;
  }[];
  readonly recordHash: string;
}

export interface GrantLine {
  readonly id: string;
  readonly agreementNumber: string;
  readonly sourceName: string;
  readonly currency: string;
  readonly amount: string;
  readonly periodFrom: string | null;
  readonly periodTo: string | null;
  /** Received and spent within the filing's period, in the grant's currency where the records are in it. */
  readonly receivedInPeriod: string;
  readonly spentInPeriod: string;
  /** Spent from the grant up to the period's end, and what is left of the agreed amount. */
  readonly spentToDate: string;
  readonly remaining: string;
}

export interface FilingTotals {
  readonly receiptCount: number;
  /** Sum of the receipts' equivalents (those that have one). */
  readonly receiptsEquivalent: string;
  /** Receipts left out of the sum: rate or valuation missing. */
  readonly receiptsWithoutEquivalent: number;
  readonly expenditureCount: number;
  readonly expendituresEquivalent: string;
  readonly expendituresWithoutEquivalent: number;
  readonly byCategory: readonly {
    readonly category: string;
    readonly count: number;
    readonly equivalent: string;
  }[];
  readonly byCurrency: readonly {
    readonly currency: string;
    readonly received: string;
    readonly spent: string;
  }[];
}

export const FILING_SCHEMA = 'civicledger.filing/1' as const;

import type { X509Certificate } from 'node:crypto';
import type { BundleSigner } from './bundle-signer.ts';
import type { Bundle } from './bundle.schema.ts';
import type { BundleTimestampSummary } from './timestamp/bundle-timestamp.ts';

// What `verifyBundle` (verify-bundle.ts) answers: the first fault, or the summary of a bundle that holds.

/** The first thing in a bundle that does not hold: a stable code, where, and a plain message. */
export interface BundleFault {
  readonly code: string;
  /** What failed, e.g. `log entry 4 (filing.submitted fil_…)`, `filing fil_…`, `bundle`. */
  readonly where: string;
  readonly message: string;
}

export interface BundleSummary {
  /** Who the organisation is, from its signed `organisation.key` entry. */
  readonly organisation: { readonly id: string; readonly name: string; readonly bin: string | null };
  /** The key that signed every head. */
  readonly signedBy: { readonly fingerprint: string; readonly publicKey: string };
  readonly filing: {
    readonly id: string;
    readonly form: string;
    readonly periodFrom: string;
    readonly periodTo: string;
    readonly state: string;
    readonly contentHash: string;
  };
  readonly submission: {
    readonly submittedOn: string;
    readonly channel: string;
    readonly incomingNumber: string;
    readonly attachments: number;
  } | null;
  /** The filings it corrects, newest first. */
  readonly corrects: readonly string[];
  readonly receipts: number;
  readonly expenditures: number;
  readonly entries: number;
  readonly entriesWithContent: number;
  readonly headHash: string;
  readonly bundleHash: string;
  readonly exportedAt: string;
  /**
   * The head's RFC 3161 timestamp that holds: when, the authority, and whether it chains to the
   * reader's trust anchors (`trusted`, `reason`); null when there is none.
   */
  readonly timestamp: BundleTimestampSummary | null;
  /** Why there is no timestamp (null when there is one). */
  readonly timestampReason: string | null;
}

export type BundleVerification =
  | { readonly ok: true; readonly summary: BundleSummary }
  | {
      readonly ok: false;
      readonly fault: BundleFault;
      /** Only when every hash and signature holds and the fault is the reader's (an untrusted authority). */
      readonly summary?: BundleSummary;
    };

export interface VerifyBundleOptions {
  /** The signer expected: a fingerprint, a base64 public key or its hex (`civic verify --key`). */
  readonly key?: string | undefined;
  /** The reader's trusted certificates for the timestamp's authority (`civic verify --tsa-ca`). */
  readonly tsaAnchors?: readonly X509Certificate[] | undefined;
}

/** The summary of a bundle whose hashes and signatures hold (the timestamp's part is added by the caller). */
export function summariseBundle(
  b: Bundle,
  signer: BundleSigner,
): Omit<BundleSummary, 'timestamp' | 'timestampReason'> {
  const [f, ...older] = b.filings;
  if (!f) throw new Error('checked above: a bundle has a filing');
  const count = (k: string): number => {
    const v = f.content[k];
    return Array.isArray(v) ? v.length : 0;
  };
  return {
    organisation: signer.organisation,
    signedBy: { fingerprint: signer.fingerprint, publicKey: signer.publicKey },
    filing: {
      id: f.id,
      form: f.form,
      periodFrom: f.periodFrom,
      periodTo: f.periodTo,
      state: f.state,
      contentHash: f.contentHash,
    },
    submission: f.submission
      ? {
          submittedOn: f.submission.submittedOn,
          channel: f.submission.channel,
          incomingNumber: f.submission.incomingNumber,
          attachments: f.submission.attachments.length,
        }
      : null,
    corrects: older.map((o) => o.id),
    receipts: count('receipts'),
    expenditures: count('expenditures'),
    entries: b.log.entries.length,
    entriesWithContent: b.log.entries.filter((e) => e.content !== undefined).length,
    headHash: b.log.headHash,
    bundleHash: b.bundleHash,
    exportedAt: b.exportedAt,
  };
}

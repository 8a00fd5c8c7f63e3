import { z } from 'zod';

const hash = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 in lower-case hex');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const jsonObject = z.record(z.string(), z.unknown());

export const attachmentSchema = z.strictObject({
  name: z.string(),
  sha256: hash,
  size: z.number().int().nonnegative(),
});

export const submissionSchema = z.strictObject({
  submittedOn: date,
  channel: z.string(),
  incomingNumber: z.string(),
  attachments: z.array(attachmentSchema),
  recordedAt: z.string(),
});

export const bundleFilingSchema = z.strictObject({
  id: z.string().min(1),
  organisation: z.string(),
  obligationId: z.string(),
  form: z.string(),
  periodFrom: date,
  periodTo: date,
  state: z.enum(['draft', 'submitted']),
  corrects: z.string().nullable(),
  contentHash: hash,
  content: jsonObject,
  createdAt: z.string(),
  submission: submissionSchema.nullable(),
});

export const bundleEntrySchema = z.strictObject({
  seq: z.number().int().min(1),
  kind: z.string(),
  subjectId: z.string(),
  recordedAt: z.string(),
  contentHash: hash,
  previousHash: hash,
  entryHash: hash,
  /** The organisation's Ed25519 signature of this head (`entryHash`), lower-case hex (head-signature.ts). */
  signature: z.string().regex(/^[0-9a-f]{128}$/, 'an Ed25519 signature in lower-case hex'),
  /**
   * Present for the entries about the bundle's filings and for `organisation.key` entries (who
   * the organisation is, its public key); left out (header only) for the others.
   */
  content: z.unknown().optional(),
});

export const bundleTimestampSchema = z.union([
  z.strictObject({
    /** The time-stamp token (CMS SignedData, DER) in standard base64. */
    token: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
    /** The nonce sent with the request, lower-case hex. */
    nonce: z.string().regex(/^(?:[0-9a-f]{2})+$/, 'lower-case hex'),
  }),
  z.strictObject({ token: z.null(), reason: z.string() }),
]);
export type BundleTimestamp = z.output<typeof bundleTimestampSchema>;

/** Format 2: signed heads, the organisation only inside its signed `organisation.key` entry. */
export const BUNDLE_FORMAT = 'civicledger-bundle/2';
/** The unsigned format written before issue 12: `civic verify` names it and refuses it. */
export const UNSIGNED_BUNDLE_FORMAT = 'civicledger-bundle/1';

export const bundleSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  bundleHash: hash,
  exportedAt: z.string(),
  /** The filing asked for. */
  subject: z.string(),
  /** The filing first, then the filings it corrects, each back to the original. */
  filings: z.array(bundleFilingSchema).min(1),
  log: z.strictObject({
    organisation: z.string(),
    headHash: hash,
    entries: z.array(bundleEntrySchema).min(1),
  }),
  /**
   * An RFC 3161 timestamp of the head from a time-stamping authority (TSA_URL), or why there is
   * none. Left out by bundles written before timestamps (read as "no timestamp").
   */
  timestamp: bundleTimestampSchema.optional(),
});

export type Bundle = z.output<typeof bundleSchema>;
export type BundleFiling = z.output<typeof bundleFilingSchema>;
export type BundleEntry = z.output<typeof bundleEntrySchema>;
export type BundleSubmission = z.output<typeof submissionSchema>;

/** What an `organisation.key` entry's content must be. */
export const orgKeyContentSchema = z.strictObject({
  organisation: z.strictObject({ id: z.string(), name: z.string(), bin: z.string().nullable() }),
  algorithm: z.literal('Ed25519'),
  publicKey: z.string(),
  fingerprint: z.string(),
});

import { canonicalJsonOf, type LogEntry } from '@civic/core';
import { ORG_KEY_KIND } from './head-signature.ts';
import { BUNDLE_FORMAT, type BundleEntry, type BundleFiling, type BundleTimestamp } from './bundle.schema.ts';
import { sha256Hex } from './sha256.ts';

/** A log entry with the organisation's signature of its head. */
export type SignedLogEntry = LogEntry & { readonly signature: string };

export interface BundleInput {
  /** The filing asked for first, then the filings it corrects back to the original. */
  readonly filings: readonly BundleFiling[];
  /** The organisation's chain from entry 1 to its head when exported, every entry signed. */
  readonly entries: readonly SignedLogEntry[];
  /** ISO instant of the export. */
  readonly exportedAt: string;
  /** The head's RFC 3161 timestamp, or why there is none (left out: the field is not written). */
  readonly timestamp?: BundleTimestamp;
}

/**
 * Writes a bundle: one RFC 8785 canonical JSON object and a final newline. Entries about the
 * bundle's filings and the `organisation.key` entries (who the organisation is, its public key)
 * carry their content; the rest of the chain is shown by header only, so the links from entry 1
 * to the head can be checked without disclosing other records. Every entry carries the
 * organisation's signature of its head. There is no unsigned copy of the organisation: a reader
 * learns who it is from the signed chain. `bundleHash` is the sha256 of the canonical JSON of
 * everything else.
 */
export function writeBundle(input: BundleInput): string {
  const subjects = new Set(input.filings.map((f) => f.id));
  const first = input.filings[0];
  const head = input.entries.at(-1);
  if (!first || !head) throw new Error('writeBundle: a bundle needs a filing and at least one log entry');
  const entries: BundleEntry[] = input.entries.map((e) => ({
    seq: e.seq,
    kind: e.kind,
    subjectId: e.subjectId,
    recordedAt: e.recordedAt,
    contentHash: e.contentHash,
    previousHash: e.previousHash,
    entryHash: e.entryHash,
    signature: e.signature,
    ...(subjects.has(e.subjectId) || e.kind === ORG_KEY_KIND
      ? { content: JSON.parse(e.content) as unknown }
      : {}),
  }));
  const body = {
    format: BUNDLE_FORMAT,
    exportedAt: input.exportedAt,
    subject: first.id,
    filings: input.filings,
    log: { organisation: head.organisation, headHash: head.entryHash, entries },
    ...(input.timestamp ? { timestamp: input.timestamp } : {}),
  };
  const bundleHash = sha256Hex(canonicalJsonOf(body));
  return `${canonicalJsonOf({ ...body, bundleHash })}\n`;
}

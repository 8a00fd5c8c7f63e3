import { domainError, err, ok, type Result } from '@civic/core';
import type { X509Certificate } from 'node:crypto';
import {
  parseTrustAnchors,
  verifyBundle,
  writeBundle,
  type BundleFiling,
  type BundleVerification,
} from '@civic/formats';
import type { AppContext } from '../context.ts';
import { listLogSignatures } from '@civic/store';
import { listLog } from '../log/hash-log.ts';
import { ensureOrgSigningKey, signUnsignedHeads } from '../log/org-signing-key.ts';
import { resolveOrganisation } from '../organisations.ts';
import { getFiling } from './filing-records.ts';
import { timestampHead, type TsaConfig } from './head-timestamp.ts';

/**
 * Writes the bundle of a filing (docs/formats.md, "Bundle"): the filing and the filings it
 * corrects, with their content (receipt and expenditure lines with their hashes) and
 * submissions, and the organisation's log chain from entry 1 to its head — with content for the
 * entries about these filings and the organisation's key entries, headers only for the rest —
 * every head with the organisation's signature — and the head's RFC 3161 timestamp from `tsa`
 * (stored once made; without an authority, or when it does not answer, the bundle says why it has
 * none).
 */
export async function exportBundle(
  ctx: AppContext,
  input: { filingId: string; tsa?: TsaConfig | undefined },
): Promise<Result<{ text: string; verification: BundleVerification }>> {
  const filings: BundleFiling[] = [];
  for (let id: string | null = input.filingId; id !== null;) {
    if (filings.some((f) => f.id === id))
      return err(
        domainError('FILING_CORRECTS_INVALID', `filing ${id} corrects itself in a loop`, { field: 'filing' }),
      );
    const f = await getFiling(ctx, id);
    if (!f.ok) return f;
    const { content, submission, ...rest } = f.value;
    filings.push({
      ...rest,
      content: { ...content },
      submission: submission ? { ...submission, attachments: [...submission.attachments] } : null,
    });
    id = f.value.corrects;
  }
  const first = filings[0];
  if (!first)
    return err(domainError('FILING_NOT_FOUND', `no filing "${input.filingId}"`, { field: 'filing' }));
  const org = await resolveOrganisation(ctx, first.organisation);
  if (!org.ok) return org;
  const key = await ensureOrgSigningKey(ctx, org.value.id);
  if (!key.ok) return key;
  await signUnsignedHeads(ctx.store, org.value.id, key.value);
  const signatures = await listLogSignatures(ctx.store.db, org.value.id);
  const entries = (await listLog(ctx, org.value.id)).map((e) => ({
    ...e,
    signature: signatures.get(e.seq) ?? '',
  }));
  if (entries.length === 0)
    return err(
      domainError(
        'BUNDLE_NOT_LOGGED',
        `the log of ${org.value.name} is empty: filing ${first.id} was never logged`,
        { field: 'filing' },
      ),
    );
  const head = entries.at(-1);
  const timestamp = head
    ? await timestampHead(
        ctx,
        { organisation: org.value.id, seq: head.seq, entryHash: head.entryHash },
        input.tsa,
      )
    : undefined;
  const text = writeBundle({
    filings,
    entries,
    exportedAt: ctx.now().toISOString(),
    ...(timestamp ? { timestamp } : {}),
  });
  return ok({ text, verification: verifyBundle(new TextEncoder().encode(text)) });
}

/**
 * Checks a bundle's bytes; needs no database (see formats verifyBundle). With `key` (a fingerprint
 * or public key), a bundle signed by another key fails with BUNDLE_SIGNER_MISMATCH; with
 * `tsaAnchors` (from {@link parseTsaCa}), a timestamp whose authority does not chain to one of them
 * fails with BUNDLE_TIMESTAMP_UNTRUSTED.
 */
export function verifyBundleBytes(
  bytes: Uint8Array,
  options: { key?: string | undefined; tsaAnchors?: readonly X509Certificate[] | undefined } = {},
): BundleVerification {
  return verifyBundle(bytes, options);
}

/**
 * The trusted certificates of a time-stamping authority's CA file (PEM, one or more certificates:
 * `civic verify --tsa-ca`, `TSA_CA_FILE`), or TSA_CA_INVALID naming the file.
 */
export function parseTsaCa(pem: string, file: string): Result<readonly X509Certificate[]> {
  const r = parseTrustAnchors(pem);
  if (!r.ok) return err(domainError('TSA_CA_INVALID', `${file}: ${r.reason}`, { field: file }));
  return ok(r.anchors);
}

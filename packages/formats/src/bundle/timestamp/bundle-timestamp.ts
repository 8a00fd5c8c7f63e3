import type { X509Certificate } from 'node:crypto';
import type { Bundle } from '../bundle.schema.ts';
import type { TimestampTrust } from './timestamp-trust.ts';
import { verifyTimestampToken } from './verify-timestamp.ts';

/** A bundle's timestamp that holds: when, the authority, and whether the reader's CA file trusts it. */
export type BundleTimestampSummary = { readonly time: string; readonly authority: string } & TimestampTrust;

/**
 * The head's timestamp: a token must hold for the stated head and the nonce beside it (else the
 * bundle fails); no token is no timestamp, with the bundle's reason.
 */
export function checkBundleTimestamp(
  b: Pick<Bundle, 'timestamp' | 'log'>,
  anchors?: readonly X509Certificate[],
):
  | {
      ok: true;
      summary: {
        timestamp: BundleTimestampSummary | null;
        timestampReason: string | null;
      };
    }
  | { ok: false; reason: string } {
  const t = b.timestamp;
  if (!t)
    return { ok: true, summary: { timestamp: null, timestampReason: 'the bundle carries no timestamp' } };
  if (t.token === null) return { ok: true, summary: { timestamp: null, timestampReason: t.reason } };
  const token = Buffer.from(t.token, 'base64');
  // One text per token: base64's spare bits must not let two texts carry the same bytes.
  if (token.toString('base64') !== t.token)
    return { ok: false, reason: 'the timestamp token is not in canonical base64' };
  const v = verifyTimestampToken(new Uint8Array(token), {
    headHash: b.log.headHash,
    nonce: new Uint8Array(Buffer.from(t.nonce, 'hex')),
    anchors,
  });
  if (!v.ok) return v;
  return {
    ok: true,
    summary: { timestamp: { time: v.time, authority: v.authority, ...v.trust }, timestampReason: null },
  };
}

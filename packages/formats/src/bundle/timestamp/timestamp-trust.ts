import { X509Certificate } from 'node:crypto';

/**
 * Whether the time-stamping authority is one the reader trusts: `true` when the signer's
 * certificate chains to a certificate of the reader's CA file, `false` when it does not, `null`
 * when no CA file was given (the authority is then only named, not checked). `reason` says which,
 * in a sentence. Revocation (OCSP, CRL) is never checked: it needs the network.
 */
export interface TimestampTrust {
  readonly trusted: boolean | null;
  readonly reason: string;
}

export const TRUST_NOT_CHECKED =
  'the authority is not checked against a trust anchor (give its CA certificates with --tsa-ca or TSA_CA_FILE)';
export const TRUST_CHAINED =
  "the authority's certificate chains to a trusted root of the CA file; revocation is not checked";
export const TRUST_NO_CHAIN = "the authority's certificate does not chain to a trusted root of the CA file";

/** The certificates of a PEM text (one or more `BEGIN CERTIFICATE` blocks), or why there are none. */
export function parseTrustAnchors(
  pem: string,
): { ok: true; anchors: X509Certificate[] } | { ok: false; reason: string } {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) return { ok: false, reason: 'the CA file holds no PEM certificate' };
  const anchors: X509Certificate[] = [];
  for (const [i, block] of blocks.entries()) {
    try {
      anchors.push(new X509Certificate(block));
    } catch {
      return { ok: false, reason: `certificate ${i + 1} of the CA file cannot be read` };
    }
  }
  return { ok: true, anchors };
}

const MAX_DEPTH = 8;

/** `cert` is issued by `issuer`: names and key identifiers match, `issuer` is a CA, its key verifies the signature. */
function issuedBy(cert: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return issuer.ca && cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

const validAt = (c: X509Certificate, time: number): boolean =>
  time >= Date.parse(c.validFrom) && time <= Date.parse(c.validTo);

/**
 * Follows the signer's certificate up through `pool` (the certificates the token carries, and
 * those of the CA file) until a certificate of `anchors` issued it, or is it: each link's
 * signature verifies with its issuer's key, each issuer is a CA, and every certificate of the
 * path was valid at `time` (the timestamp's own time). At most 8 links.
 */
export function checkTimestampTrust(
  signer: X509Certificate,
  pool: readonly X509Certificate[],
  anchors: readonly X509Certificate[] | undefined,
  time: number,
): TimestampTrust {
  if (!anchors) return { trusted: null, reason: TRUST_NOT_CHECKED };
  const untrusted = (reason: string): TimestampTrust => ({ trusted: false, reason });
  const seen = new Set<string>([signer.fingerprint256]);
  let current = signer;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (anchors.some((a) => a.raw.equals(current.raw))) return { trusted: true, reason: TRUST_CHAINED };
    const anchor = anchors.find((a) => issuedBy(current, a));
    if (anchor)
      return validAt(anchor, time)
        ? { trusted: true, reason: TRUST_CHAINED }
        : untrusted('the trusted root was not valid at the time of the timestamp');
    const next = [...pool, ...anchors].find((c) => !seen.has(c.fingerprint256) && issuedBy(current, c));
    if (!next) return untrusted(TRUST_NO_CHAIN);
    if (!validAt(next, time))
      return untrusted("a certificate of the authority's chain was not valid at the time of the timestamp");
    seen.add(next.fingerprint256);
    current = next;
  }
  return untrusted(TRUST_NO_CHAIN);
}

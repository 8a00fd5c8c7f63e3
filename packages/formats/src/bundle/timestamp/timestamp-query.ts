import { asn1, bytesOf, OID } from './asn1.ts';

/**
 * An RFC 3161 time-stamp request (`application/timestamp-query`) for a chain head: version 1, a
 * SHA-256 message imprint whose hashed message is the head's 32 bytes (the head is itself the
 * SHA-256 of its entry), the nonce given, `certReq` true (the answer must carry the authority's
 * certificate, so a reader can check it without fetching anything), no policy.
 */
export function timestampQuery(headHash: string, nonce: Uint8Array): Uint8Array<ArrayBuffer> {
  if (!/^[0-9a-f]{64}$/.test(headHash)) throw new Error('timestampQuery: a head is a sha256 in hex');
  const { tsp, x509, schema } = asn1;
  const req = new tsp.TimeStampReq({
    version: tsp.TimeStampReqVersion.v1,
    messageImprint: new tsp.MessageImprint({
      hashAlgorithm: new x509.AlgorithmIdentifier({ algorithm: OID.sha256 }),
      hashedMessage: new schema.OctetString(Buffer.from(headHash, 'hex')),
    }),
    nonce: positiveInteger(nonce),
    certReq: true,
  });
  return new Uint8Array(schema.AsnConvert.serialize(req));
}

/**
 * A nonce's bytes as a DER INTEGER's content, minimal as DER requires: leading zero bytes dropped
 * (random bytes start with one once in 256 times, and an authority parsing strictly refuses the
 * request: `openssl ts -reply` answers "rejection"), and one zero byte put back when the first
 * bit is set, to keep it positive.
 */
function positiveInteger(nonce: Uint8Array): ArrayBuffer {
  let b = bytesOf(nonce);
  let start = 0;
  while (start < b.length - 1 && b[start] === 0) start += 1;
  b = b.subarray(start);
  const bytes = (b[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : Buffer.from(b);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

/**
 * The token out of a time-stamp response (`application/timestamp-reply`): granted (status 0 or
 * 1) with a token, or the reason it is not.
 */
export function tokenFromResponse(
  response: Uint8Array,
): { readonly ok: true; readonly token: Uint8Array } | { readonly ok: false; readonly reason: string } {
  const { tsp, schema } = asn1;
  let resp;
  try {
    resp = schema.AsnConvert.parse(bytesOf(response), tsp.TimeStampResp);
  } catch {
    return { ok: false, reason: 'the authority did not answer with a time-stamp response' };
  }
  const status = resp.status.status;
  if (status !== tsp.PKIStatus.granted && status !== tsp.PKIStatus.grantedWithMods)
    return { ok: false, reason: `the authority refused the request (status ${String(status)})` };
  if (!resp.timeStampToken)
    return { ok: false, reason: 'the authority granted the request but sent no token' };
  return { ok: true, token: new Uint8Array(schema.AsnConvert.serialize(resp.timeStampToken)) };
}

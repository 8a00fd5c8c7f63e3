import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto';
import type { SignedData, SignerInfo } from '@peculiar/asn1-cms';
import type { Certificate } from '@peculiar/asn1-x509';
import { asn1, bytesOf, hashName, OID } from './asn1.ts';
import { checkTimestampTrust, type TimestampTrust } from './timestamp-trust.ts';

/** What a token that holds says: when, and who (the authority's certificate subject). */
export interface TimestampFacts {
  /** The time the authority vouches for (TSTInfo genTime), an ISO 8601 instant in UTC. */
  readonly time: string;
  /** The authority: its certificate's common name (else the whole subject). */
  readonly authority: string;
}

export type TimestampCheck =
  | ({ readonly ok: true; readonly trust: TimestampTrust } & TimestampFacts)
  | { readonly ok: false; readonly reason: string };

/** What a token must cover, and the reader's trust anchors (their CA file) if any. */
export interface TimestampExpectation {
  readonly headHash: string;
  readonly nonce: Uint8Array;
  /** The reader's trusted certificates: the signer's must chain to one (see timestamp-trust.ts). */
  readonly anchors?: readonly X509Certificate[] | undefined;
}

const no = (reason: string): TimestampCheck => ({ ok: false, reason });

/**
 * Checks an RFC 3161 time-stamp token (a CMS SignedData, DER) against the chain head it should
 * cover and the nonce sent for it: the token parses; its content is a TSTInfo whose SHA-256
 * message imprint is the head's 32 bytes and whose nonce is the one sent; the signer's
 * certificate is in the token, carries the timeStamping extended key usage, and its key verifies
 * the signature over the signed attributes, whose message digest is the digest of the TSTInfo.
 * Trust in the authority itself is a separate finding (`trust`): with `anchors`, whether the
 * signer's certificate chains to one of them (through the certificates the token carries); without,
 * not checked. A token that holds but chains to no anchor is still `ok` (it is what the authority
 * signed), with `trust.trusted` false. Never throws.
 */
export function verifyTimestampToken(token: Uint8Array, expect: TimestampExpectation): TimestampCheck {
  try {
    return check(token, expect);
  } catch {
    return no('the timestamp token is not a valid RFC 3161 token');
  }
}

function check(token: Uint8Array, expect: TimestampExpectation): TimestampCheck {
  const { cms, schema, tsp } = asn1;
  const info = schema.AsnConvert.parse(bytesOf(token), cms.ContentInfo);
  // DER, exactly: a changed length or tag that a lenient reader would still accept is refused.
  if (!bytesOf(schema.AsnConvert.serialize(info)).equals(bytesOf(token)))
    return no('the timestamp token is not in DER');
  if (info.contentType !== OID.signedData) return no('the timestamp token is not CMS signed data');
  const signed = schema.AsnConvert.parse(info.content, cms.SignedData);
  if (!bytesOf(schema.AsnConvert.serialize(signed)).equals(bytesOf(info.content)))
    return no('the timestamp token is not in DER');
  if (signed.encapContentInfo.eContentType !== OID.tstInfo)
    return no('the timestamp token does not hold time-stamp information');
  const content = signed.encapContentInfo.eContent?.single;
  if (!content) return no('the timestamp token holds no time-stamp information');
  const tstBytes = bytesOf(content.buffer);
  const tst = schema.AsnConvert.parse(tstBytes, tsp.TSTInfo);
  if (tst.messageImprint.hashAlgorithm.algorithm !== OID.sha256)
    return no('the timestamp is not over a SHA-256 imprint');
  if (!bytesOf(tst.messageImprint.hashedMessage.buffer).equals(Buffer.from(expect.headHash, 'hex')))
    return no('the timestamp is for another head');
  if (!tst.nonce || !sameInteger(bytesOf(tst.nonce), bytesOf(expect.nonce)))
    return no('the timestamp does not carry the nonce that was sent');
  const signer = signed.signerInfos[0];
  if (!signer || signed.signerInfos.length !== 1) return no('the timestamp token has no single signer');
  // RFC 5652 §5.1, §5.3: versions follow from the content type and the signer identifier.
  if (signed.version !== 3 || signer.version !== (signer.sid.issuerAndSerialNumber ? 1 : 3))
    return no('the timestamp token has the wrong version');
  if (
    ![...signed.digestAlgorithms, signer.digestAlgorithm, tst.messageImprint.hashAlgorithm].every(plainDigest)
  )
    return no('the timestamp token names a digest with parameters');
  if (!signed.digestAlgorithms.some((d) => d.algorithm === signer.digestAlgorithm.algorithm))
    return no("the timestamp token does not list its signer's digest");
  const cert = signerCertificate(signed, signer);
  if (!cert) return no("the timestamp token does not carry its signer's certificate");
  const x509 = new X509Certificate(bytesOf(schema.AsnConvert.serialize(cert)));
  if (!(x509.keyUsage ?? []).includes(OID.timeStamping))
    return no("the signer's certificate is not for time-stamping");
  const genTime = tst.genTime.getTime();
  if (genTime < Date.parse(x509.validFrom) || genTime > Date.parse(x509.validTo))
    return no("the time lies outside the validity of the authority's certificate");
  const bad = checkSignature(signer, tstBytes, x509);
  if (bad) return no(bad);
  // The certificates the token carries: links of the chain to the reader's anchors, if any.
  const carried = !expect.anchors
    ? []
    : (signed.certificates ?? []).flatMap((c) =>
        c.certificate ? [new X509Certificate(bytesOf(schema.AsnConvert.serialize(c.certificate)))] : [],
      );
  const trust = checkTimestampTrust(x509, carried, expect.anchors, genTime);
  return { ok: true, time: tst.genTime.toISOString(), authority: authorityOf(x509), trust };
}

/** A digest algorithm's parameters are absent or NULL (RFC 5754 §2). */
function plainDigest(a: { parameters?: ArrayBuffer | null }): boolean {
  return a.parameters == null || bytesOf(a.parameters).equals(Buffer.from([5, 0]));
}

/** Two DER INTEGER contents are the same number (leading zero bytes aside). */
function sameInteger(a: Buffer, b: Buffer): boolean {
  const strip = (x: Buffer): Buffer => {
    let i = 0;
    while (i < x.length - 1 && x[i] === 0) i++;
    return x.subarray(i);
  };
  return strip(a).equals(strip(b));
}

/** The certificate the signer identifier names (issuer and serial number, or key identifier). */
function signerCertificate(signed: SignedData, signer: SignerInfo): Certificate | undefined {
  const { schema, x509 } = asn1;
  const certs = (signed.certificates ?? []).flatMap((c) => (c.certificate ? [c.certificate] : []));
  const bySerial = signer.sid.issuerAndSerialNumber;
  if (bySerial) {
    const issuer = bytesOf(schema.AsnConvert.serialize(bySerial.issuer));
    return certs.find(
      (c) =>
        sameInteger(bytesOf(c.tbsCertificate.serialNumber), bytesOf(bySerial.serialNumber)) &&
        bytesOf(schema.AsnConvert.serialize(c.tbsCertificate.issuer)).equals(issuer),
    );
  }
  const ski = signer.sid.subjectKeyIdentifier;
  if (!ski) return undefined;
  return certs.find((c) => {
    const ext = c.tbsCertificate.extensions?.find((e) => e.extnID === OID.subjectKeyIdentifier);
    if (!ext) return false;
    const id = schema.AsnConvert.parse(ext.extnValue.buffer, x509.SubjectKeyIdentifier);
    return bytesOf(id.buffer).equals(bytesOf(ski.buffer));
  });
}

/**
 * The signature over the DER of the signed attributes (as a SET: RFC 5652 §5.4), which must name
 * the TSTInfo content type and carry its digest. Returns what fails, or undefined.
 */
function checkSignature(signer: SignerInfo, tstBytes: Buffer, cert: X509Certificate): string | undefined {
  const { schema } = asn1;
  const hash = hashName(signer.digestAlgorithm.algorithm);
  const signatureHash = SIGNATURE_ALGORITHMS.get(signer.signatureAlgorithm.algorithm);
  if (!hash || signatureHash === undefined || (signatureHash !== 'any' && signatureHash !== hash))
    return 'the timestamp is signed with an algorithm this program does not accept';
  const attrs = signer.signedAttrs;
  if (!attrs?.length) return 'the timestamp token has no signed attributes';
  const digestAttr = attrs.find((a) => a.attrType === OID.messageDigestAttr)?.attrValues[0];
  const typeAttr = attrs.find((a) => a.attrType === OID.contentTypeAttr)?.attrValues[0];
  if (!digestAttr || !typeAttr) return 'the timestamp token lacks its content type or digest';
  if (!bytesOf(typeAttr).equals(TST_INFO_OID_DER)) return 'the timestamp token signs another kind of content';
  if (!namesCertificate(attrs, cert)) return "the signed attributes do not name the authority's certificate";
  const digest = bytesOf(schema.AsnConvert.parse(digestAttr, schema.OctetString).buffer);
  if (!digest.equals(createHash(hash).update(tstBytes).digest()))
    return 'the time-stamp information is not what the authority signed';
  // [0] IMPLICIT on the wire, a SET when signed: the attributes in the order read (DER sorted).
  const signedBytes = derSet(attrs.map((a) => bytesOf(schema.AsnConvert.serialize(a))));
  const ok = verifySignature(hash, signedBytes, cert.publicKey, bytesOf(signer.signature.buffer));
  return ok ? undefined : "the authority's signature does not verify";
}

/**
 * RFC 3161 §2.4.1 (and RFC 5816): the signed attributes carry a signing-certificate attribute with
 * the hash of the authority's certificate (SHA-1 in ESSCertID, SHA-256 by default in
 * ESSCertIDv2), which binds the certificate in the token to the signature. The hash is looked for
 * as the OCTET STRING inside the attribute.
 */
function namesCertificate(
  attrs: readonly { attrType: string; attrValues: ArrayBuffer[] }[],
  cert: X509Certificate,
): boolean {
  const der = cert.raw;
  const want = [
    {
      oid: OID.signingCertificateV2,
      octets: Buffer.concat([Buffer.from([4, 32]), createHash('sha256').update(der).digest()]),
    },
    {
      oid: OID.signingCertificate,
      octets: Buffer.concat([Buffer.from([4, 20]), createHash('sha1').update(der).digest()]),
    },
  ];
  return want.some((w) =>
    attrs.some((a) => a.attrType === w.oid && a.attrValues.some((v) => bytesOf(v).includes(w.octets))),
  );
}

/**
 * Signature algorithms accepted, with the digest each implies ('any': the signer's digest
 * algorithm says). RSA-PSS is not accepted.
 */
const SIGNATURE_ALGORITHMS: ReadonlyMap<string, string> = new Map([
  ['1.2.840.113549.1.1.1', 'any'], // rsaEncryption
  ['1.2.840.113549.1.1.11', 'sha256'],
  ['1.2.840.113549.1.1.12', 'sha384'],
  ['1.2.840.113549.1.1.13', 'sha512'],
  ['1.2.840.10045.4.3.2', 'sha256'], // ecdsa-with-SHA256
  ['1.2.840.10045.4.3.3', 'sha384'],
  ['1.2.840.10045.4.3.4', 'sha512'],
]);

/** The DER of the OID id-ct-TSTInfo (1.2.840.113549.1.9.16.1.4), the value of the content-type attribute. */
const TST_INFO_OID_DER = Buffer.from('060b2a864886f70d0109100104', 'hex');

/** A DER SET of already encoded members. */
function derSet(members: readonly Buffer[]): Buffer {
  const body = Buffer.concat(members);
  const n = body.length;
  const length =
    n < 0x80
      ? Buffer.from([n])
      : (() => {
          const bytes: number[] = [];
          for (let x = n; x > 0; x = Math.floor(x / 256)) bytes.unshift(x % 256);
          return Buffer.from([0x80 | bytes.length, ...bytes]);
        })();
  return Buffer.concat([Buffer.from([0x31]), length, body]);
}

/** The common name of a certificate's subject, else the whole subject on one line. */
function authorityOf(cert: X509Certificate): string {
  const lines = cert.subject.split('\n');
  const cn = lines.find((l) => l.startsWith('CN='));
  return cn ? cn.slice(3) : lines.join(', ');
}

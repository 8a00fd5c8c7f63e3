// The ASN.1 schemas of RFC 3161 and CMS, reached through each package's default export: the build
// (scripts/build.mjs, LAZY) replaces these packages by proxies that load on first use, and a
// proxy of a class is not the class the parser keys its schemas by. A property of the module
// object read through the proxy is the real class.
import asn1Cms from '@peculiar/asn1-cms';
import asn1Schema from '@peculiar/asn1-schema';
import asn1Tsp from '@peculiar/asn1-tsp';
import asn1X509 from '@peculiar/asn1-x509';

/** The four packages, loaded together on first use. */
export const asn1 = {
  get cms() {
    return asn1Cms;
  },
  get schema() {
    return asn1Schema;
  },
  get tsp() {
    return asn1Tsp;
  },
  get x509() {
    return asn1X509;
  },
};

/** OIDs this module reads. */
export const OID = {
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  signedData: '1.2.840.113549.1.7.2',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  contentTypeAttr: '1.2.840.113549.1.9.3',
  messageDigestAttr: '1.2.840.113549.1.9.4',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  subjectKeyIdentifier: '2.5.29.14',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
} as const;

/** Node's hash name for a digest algorithm OID, or undefined for one this module does not accept. */
export function hashName(oid: string): 'sha256' | 'sha384' | 'sha512' | undefined {
  if (oid === OID.sha256) return 'sha256';
  if (oid === OID.sha384) return 'sha384';
  if (oid === OID.sha512) return 'sha512';
  return undefined;
}

/** The bytes of an ArrayBuffer (or a view) as a Buffer, without copying. */
export function bytesOf(b: ArrayBuffer | ArrayBufferView): Buffer {
  return ArrayBuffer.isView(b) ? Buffer.from(b.buffer, b.byteOffset, b.byteLength) : Buffer.from(b);
}

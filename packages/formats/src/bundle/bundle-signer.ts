import { orgKeyContentSchema, type Bundle } from './bundle.schema.ts';
import {
  fingerprintOf,
  isHeadSignatureValid,
  ORG_KEY_KIND,
  publicKeyFromRaw,
  rawFromPublicKeyText,
} from './head-signature.ts';

/** Who signed a bundle, as its signed `organisation.key` entry says. */
export interface BundleSigner {
  readonly organisation: { readonly id: string; readonly name: string; readonly bin: string | null };
  /** Base64 of the raw 32-byte Ed25519 public key. */
  readonly publicKey: string;
  /** SHA-256 of the raw public key, hex in groups of four. */
  readonly fingerprint: string;
}

export type SignerCheck =
  | { readonly ok: true; readonly signer: BundleSigner }
  | { readonly ok: false; readonly code: string; readonly where: string; readonly message: string };

const where = (e: { seq: number; kind: string; subjectId: string }) =>
  `log entry ${e.seq} (${e.kind} ${e.subjectId})`;

/**
 * Finds the organisation's key in the chain and checks every head's signature with it. Runs after
 * the hashes hold, so an `organisation.key` entry's content is exactly what the chain recorded.
 * One key per chain: an entry introducing a different key is refused (rotation is not supported).
 */
export function checkBundleSigner(b: Bundle): SignerCheck {
  let signer: BundleSigner | undefined;
  for (const e of b.log.entries) {
    if (e.kind !== ORG_KEY_KIND) continue;
    const content = orgKeyContentSchema.safeParse(e.content);
    if (!content.success)
      return {
        ok: false,
        code: 'BUNDLE_SHAPE_INVALID',
        where: where(e),
        message: 'the entry does not carry the organisation and its public key',
      };
    const c = content.data;
    const raw = rawFromPublicKeyText(c.publicKey);
    if (!raw || c.fingerprint !== fingerprintOf(raw) || c.organisation.id !== b.log.organisation)
      return {
        ok: false,
        code: 'BUNDLE_SIGNATURE_INVALID',
        where: where(e),
        message: "the key entry's public key, fingerprint or organisation does not hold",
      };
    if (signer && signer.publicKey !== c.publicKey)
      return {
        ok: false,
        code: 'BUNDLE_SIGNATURE_INVALID',
        where: where(e),
        message: 'the chain names a second signing key',
      };
    signer = { organisation: c.organisation, publicKey: c.publicKey, fingerprint: c.fingerprint };
  }
  if (!signer)
    return {
      ok: false,
      code: 'BUNDLE_UNSIGNED',
      where: 'log',
      message: 'the chain has no organisation.key entry: nothing says who signed it',
    };
  const key = publicKeyFromRaw(rawFromPublicKeyText(signer.publicKey) ?? new Uint8Array());
  if (!key)
    return {
      ok: false,
      code: 'BUNDLE_SIGNATURE_INVALID',
      where: 'log',
      message: 'the public key is not Ed25519',
    };
  for (const e of b.log.entries) {
    if (!isHeadSignatureValid(key, e.entryHash, e.signature))
      return {
        ok: false,
        code: 'BUNDLE_SIGNATURE_INVALID',
        where: where(e),
        message: `the signature of this head is not by the key ${signer.fingerprint}`,
      };
  }
  return { ok: true, signer };
}

import type { Locale } from '@civic/core';

/** The organisation's signing key as a rendered filing shows it (issue 12): what a reader compares. */
export interface FilingSigningKey {
  /** SHA-256 of the raw public key, hex in groups of four. */
  readonly fingerprint: string;
  /** Base64 of the raw 32-byte Ed25519 public key. */
  readonly publicKey: string;
}

const LABELS: Record<Locale, { readonly fingerprint: string; readonly publicKey: string }> = {
  en: {
    fingerprint: 'Signing key fingerprint (SHA-256)',
    publicKey: 'Public signing key (Ed25519)',
  },
  ru: {
    fingerprint: 'Отпечаток ключа подписи (SHA-256)',
    publicKey: 'Открытый ключ подписи (Ed25519)',
  },
  kk: {
    fingerprint: 'Қолтаңба кілтінің таңбасы (SHA-256)',
    publicKey: 'Қолтаңбаның ашық кілті (Ed25519)',
  },
};

/** The footer lines of a filing's signing key, label and value, in the filing's language. */
export function signingKeyLines(key: FilingSigningKey, lang: Locale): [string, string][] {
  const l = LABELS[lang];
  return [
    [l.fingerprint, key.fingerprint],
    [l.publicKey, key.publicKey],
  ];
}

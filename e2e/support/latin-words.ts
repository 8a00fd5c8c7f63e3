/**
 * The Latin-script words a Russian or Kazakh page may show: proper names (organisations, donors,
 * the product), codes people typed or that name a form (F.017.00), URLs and e-mail addresses.
 * Anything else in Latin letters is an untranslated label.
 */
export const ALLOWED_LATIN: readonly (string | RegExp)[] = [
  // The product and one-word names of demo organisations (proper names, never ordinary words).
  'CivicLedger',
  'Echo',
  'KIBHR',
  'MediaNet',
  // The language switch names each language in itself; file formats by their names.
  'English',
  'Atom',
  'XLSX',
  'DOCX',
  'ics',
  // The journal download names the accounting tools whose formats it writes (proper names).
  'ledger-cli',
  'hledger',
  'Beancount',
  // Form numbers and identifiers: F.017.00, KZ… accounts, codes with digits.
  /^F\.\d{3}\.\d{2}$/,
  /^[A-Z]{2}\d[\dA-Z]+$/,
  /\d/,
  // Currencies and the product's own abbreviations of law where a pack cites an English source.
  /^[A-Z]{3}$/,
  // Country codes as entered (ISO 3166: US, DE) and the browsers and systems a session list names.
  /^[A-Z]{2}$/,
  'Linux',
  'Windows',
  'macOS',
  'Android',
  'iOS',
  'Chrome',
  'Chromium',
  'Firefox',
  'Safari',
  'Edge',
  // URLs and e-mail addresses.
  /^https?:\/\//,
  /@/,
  /^[\w.-]+\.(kz|org|com|net|media|asia|ru)$/,
];

/**
 * Names of several words (demo organisations and donors) admitted only whole: their words alone
 * («for», «Legal», «Open», «Center») are ordinary English and must not slip through on a label.
 */
export const ALLOWED_NAMES: readonly string[] = [
  'Kazakhstan International Bureau for Human Rights',
  'International Legal Initiative',
  'Legal Media Center',
  'MediaNet International Journalism Centre',
  'Erkindik Kanaty',
  'Kadir Kassiet',
  'Soros Foundation–Kazakhstan',
  'Freedom House',
  'National Endowment for Democracy',
  'Westminster Foundation for Democracy',
  'European Union',
  'Open Society Foundations',
];

/**
 * Command lines a page tells the user to type (the `civic` program and its subcommands and flags
 * are codes, the same in every language): each is admitted only as the whole command.
 */
export const ALLOWED_COMMANDS: readonly string[] = [
  'civic verify --key',
  'civic encrypt --db',
  // Settings the operator sets, named as the server reads them.
  'BACKUP_DIR',
  'BACKUP_RECIPIENTS',
];

/**
 * A signing key's SHA-256 fingerprint as the account page shows it: sixteen groups of four hex
 * digits (formats' fingerprintOf). A group like "beae" is part of a code, not a word.
 */
const FINGERPRINT = /(?<![\p{L}\p{N}])(?:[0-9a-f]{4} ){15}[0-9a-f]{4}(?![\p{L}\p{N}])/gu;

/**
 * A signing key's Ed25519 public key as the account page shows it: 32 bytes in base64 (43
 * characters and "="). Random, so now and then a piece between its "/" has no digit
 * ("iQYTuFr/fPsFk…"): a code, not a word.
 */
const PUBLIC_KEY = /(?<![\p{L}\p{N}+/])[A-Za-z0-9+/]{43}=(?![\p{L}\p{N}+/=])/gu;

function allowed(word: string): boolean {
  return ALLOWED_LATIN.some((a) => (typeof a === 'string' ? a === word : a.test(word)));
}

/**
 * The words of a page's visible text written in Latin letters that the allow-list does not admit.
 * Words are split on whitespace and trimmed of punctuation; a word with no Latin letter is fine.
 */
export function untranslatedWords(text: string): string[] {
  const out = new Set<string>();
  const withoutCodes = [...ALLOWED_NAMES, ...ALLOWED_COMMANDS]
    .reduce((t, c) => t.split(c).join(' '), text.replace(/\u00a0/g, ' '))
    .replace(FINGERPRINT, ' ')
    .replace(PUBLIC_KEY, ' ');
  for (const raw of withoutCodes.split(/[\s\u00a0]+/)) {
    // A URL or an address, also inside brackets or quotes: «(https://…)».
    if (/^(https?:\/\/|[\w.+-]+@)/.test(raw.replace(/^[^\p{L}\p{N}]+/u, ''))) continue;
    const word = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (!/[A-Za-z]/.test(word) || allowed(word)) continue;
    for (const part of word.split(/[^\p{L}\p{N}.]+/u))
      if (/[A-Za-z]/.test(part) && !allowed(part)) out.add(part);
  }
  return [...out].sort();
}

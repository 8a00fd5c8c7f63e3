export interface Mt940Info {
  readonly purpose: string | null;
  readonly name: string | null;
  readonly account: string | null;
  readonly bankCode: string | null;
  readonly subfields: Readonly<Record<string, string>>;
}

const PURPOSE_KEYS = ['20', '21', '22', '23', '24', '25', '26', '27', '28', '29', '60', '61', '62', '63'];

// The SEPA keywords German banks write inside ?20–?29: SVWZ+ is the remittance text itself.
const SEPA_KEYWORD = /(EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE|COAM|OAMT|IBAN|BIC)\+/g;

function sepaPurpose(text: string): string {
  const parts = text.split(SEPA_KEYWORD);
  const at = parts.indexOf('SVWZ');
  return at >= 0 ? (parts[at + 1] ?? '').trim() : text;
}

/** German (ZKA) style: `?20`–`?29` and `?60`–`?63` purpose, `?30` bank code, `?31` account, `?32`–`?33` name. */
function readQuestionMarkInfo(value: string): Mt940Info {
  const flat = value.replace(/\r?\n/g, '');
  const subfields: Record<string, string> = {};
  const first = flat.indexOf('?');
  if (first > 0) subfields['code'] = flat.slice(0, first);
  for (const m of flat.slice(first).matchAll(/\?(\d{2})([^?]*)/g)) {
    const key = m[1] ?? '';
    subfields[key] = (subfields[key] ?? '') + (m[2] ?? '');
  }
  const join = (keys: string[]): string | null =>
    keys
      .map((k) => subfields[k] ?? '')
      .join('')
      .trim() || null;
  const purpose = join(PURPOSE_KEYS);
  return {
    purpose: purpose === null ? null : sepaPurpose(purpose) || null,
    name: join(['32', '33']),
    account: join(['31']),
    bankCode: join(['30']),
    subfields,
  };
}

// The keywords of the slash style (SWIFT :86: guidelines, Dutch and Belgian banks, Russian MT940).
const SLASH_KEYS = [
  'TRTP',
  'IBAN',
  'BIC',
  'NAME',
  'ADDR',
  'REMI',
  'EREF',
  'MARF',
  'CSID',
  'ORDP',
  'BENM',
  'ULTC',
  'ULTD',
  'ULTB',
  'PURP',
  'ACCT',
  'RTRN',
  'CDTRREFTP',
  'CDTRREF',
  'CD',
  'ISSR',
  'SVCL',
  'CHGS',
  'EXCH',
  'OCMT',
  'INFO',
  'PREF',
];
const SLASH_SPLIT = new RegExp(`/(${SLASH_KEYS.join('|')})/`, 'g');

/**
 * Slash style: `/ORDP//NAME/Open Society/IBAN/…/BIC/…/REMI/USTD//Grant 12/` — the payer (`ORDP`) or
 * payee (`BENM`) with its `NAME`, account (`IBAN`/`ACCT`) and bank (`BIC`), the remittance text in
 * `REMI` (its `USTD//` / `STRD/` marker dropped).
 */
function readSlashInfo(value: string): Mt940Info | null {
  const flat = value.replace(/\r?\n/g, '');
  const parts = flat.split(SLASH_SPLIT);
  if (parts.length < 3 || (parts[0] ?? '').trim() !== '') return null;
  const subfields: Record<string, string> = {};
  for (let i = 1; i + 1 < parts.length; i += 2) {
    const key = parts[i] ?? '';
    const text = (parts[i + 1] ?? '').replace(/^\/+|\/+$/g, '').trim();
    if (subfields[key] === undefined || subfields[key] === '') subfields[key] = text;
  }
  const pick = (...keys: string[]): string | null => {
    for (const k of keys) {
      const v = subfields[k];
      if (v !== undefined && v !== '') return v;
    }
    return null;
  };
  const remi = pick('REMI', 'INFO');
  return {
    purpose: remi === null ? null : remi.replace(/^(USTD|STRD)\/+(CUR\/+)?/, '').trim() || null,
    name: pick('NAME', 'ORDP', 'BENM'),
    account: pick('IBAN', 'ACCT'),
    bankCode: pick('BIC'),
    subfields,
  };
}

/**
 * `:86:` information to the account owner: `?NN` subfields (German style), `/KEY/` subfields
 * (`/REMI/`, `/ORDP/`, `/BENM/`, `/NAME/`), or free text whose line breaks join with spaces as the
 * purpose.
 */
export function readInfo(value: string): Mt940Info {
  if (/\?\d{2}/.test(value)) return readQuestionMarkInfo(value);
  const slash = value.trimStart().startsWith('/') ? readSlashInfo(value.trim()) : null;
  if (slash !== null) return slash;
  return {
    purpose: value.replace(/\s*\n\s*/g, ' ').trim() || null,
    name: null,
    account: null,
    bankCode: null,
    subfields: {},
  };
}

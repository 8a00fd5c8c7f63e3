import { mapFor } from '../bounded-map.ts';
import { KZT } from '../currency.ts';
import type { StatementLine } from '../bank-statement.ts';
import { normaliseAccount } from './source.ts';

/** Why an incoming payment looks like foreign funding. */
export type CandidateReasonCode = 'non-resident-sender' | 'foreign-currency' | 'known-foreign-source';

export interface CandidateReason {
  readonly code: CandidateReasonCode;
  readonly message: string;
  /** For `known-foreign-source`: which source, and what matched. */
  readonly sourceId?: string;
  readonly matchedBy?: 'name' | 'tax-id' | 'account';
}

/** What a known foreign source is recognised by in a bank line. */
export interface KnownForeignSource {
  readonly id: string;
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly taxId?: string | null;
  readonly accounts?: readonly string[];
}

export interface ForeignSourceIndex {
  readonly byTaxId: ReadonlyMap<string, KnownForeignSource>;
  readonly byAccount: ReadonlyMap<string, KnownForeignSource>;
  readonly names: readonly { readonly name: string; readonly source: KnownForeignSource }[];
}

/** A name as compared: lower case, quotes and punctuation dropped, spaces collapsed. */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[«»"'`„“”‘’.,;:()[\]{}/\\|_–—-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function buildForeignSourceIndex(sources: Iterable<KnownForeignSource>): ForeignSourceIndex {
  const byTaxId = new Map<string, KnownForeignSource>();
  const byAccount = new Map<string, KnownForeignSource>();
  const names: { name: string; source: KnownForeignSource }[] = [];
  for (const s of sources) {
    const tax = s.taxId?.trim();
    if (tax) byTaxId.set(tax, s);
    for (const a of s.accounts ?? []) {
      const n = normaliseAccount(a);
      if (n) byAccount.set(n, s);
    }
    for (const n of [s.name, ...(s.aliases ?? [])]) {
      const norm = normaliseName(n);
      // Very short names ("EU") would match inside unrelated words: they must match whole.
      if (norm) names.push({ name: norm, source: s });
    }
  }
  return { byTaxId, byAccount, names };
}

function nameMatches(payer: string, known: string): boolean {
  if (payer === known) return true;
  if (known.length < 4) return false;
  return ` ${payer} `.includes(` ${known} `);
}

function matchKnownSource(line: StatementLine, index: ForeignSourceIndex): CandidateReason | null {
  const cp = line.counterparty;
  const tax = cp.taxId?.trim();
  const byTax = tax ? index.byTaxId.get(tax) : undefined;
  if (byTax)
    return {
      code: 'known-foreign-source',
      message: `payer tax id ${tax ?? ''} is that of ${byTax.name}`,
      sourceId: byTax.id,
      matchedBy: 'tax-id',
    };
  const account = cp.account ? normaliseAccount(cp.account) : '';
  const byAccount = account ? index.byAccount.get(account) : undefined;
  if (byAccount)
    return {
      code: 'known-foreign-source',
      message: `payer account ${account} belongs to ${byAccount.name}`,
      sourceId: byAccount.id,
      matchedBy: 'account',
    };
  if (!cp.name || index.names.length === 0) return null;
  const hit = matchName(index, cp.name);
  return hit
    ? {
        code: 'known-foreign-source',
        message: `payer "${cp.name}" matches the known source ${hit.name}`,
        sourceId: hit.id,
        matchedBy: 'name',
      }
    : null;
}

// Payer names repeat across a statement: each distinct name is matched once per index.
const nameCache = new WeakMap<ForeignSourceIndex, Map<string, KnownForeignSource | null>>();

function matchName(index: ForeignSourceIndex, name: string): KnownForeignSource | null {
  const cache = mapFor(nameCache, index);
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  const payer = normaliseName(name);
  const hit = payer ? (index.names.find((n) => nameMatches(payer, n.name))?.source ?? null) : null;
  cache.set(name, hit);
  return hit;
}

/**
 * Says why an incoming bank line looks like foreign funding, or returns [] when it does not.
 * The three signs of the law's practice: a non-resident sender (sector code КОд/КБе starting
 * with 2), a currency other than KZT, a payer known as a foreign source (tax id, account, name).
 * Outgoing lines are never candidates.
 */
export function detectForeignCandidate(line: StatementLine, index: ForeignSourceIndex): CandidateReason[] {
  if (line.direction !== 'in') return [];
  const reasons: CandidateReason[] = [];
  const sector = line.counterparty.sectorCode?.trim() ?? '';
  if (sector.startsWith('2'))
    reasons.push({
      code: 'non-resident-sender',
      message: `sender sector code ${sector} starts with 2 (non-resident)`,
    });
  if (line.currency !== KZT)
    reasons.push({ code: 'foreign-currency', message: `paid in ${line.currency}, not KZT` });
  const known = matchKnownSource(line, index);
  if (known) reasons.push(known);
  return reasons;
}

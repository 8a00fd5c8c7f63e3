import type { ParsedStatement, StatementLine } from '@civic/core';
import { OnecFieldResolver } from './onec-fields.ts';

/**
 * CSV headers that name the statement owner's BIN/IIN (compared without case, spaces collapsed):
 * a bank's export of one client's account, one column repeating the client's number. A bare «БИН»
 * column is the counterparty's (csv-infer maps it so) and is not read here.
 */
export const CSV_OWNER_TAX_ID_HEADERS: readonly string[] = [
  'бин владельца',
  'бин владельца счета',
  'бин владельца счёта',
  'бин/иин владельца',
  'иин/бин владельца',
  'бин клиента',
  'бин/иин клиента',
  'иин/бин клиента',
  'иин клиента',
  'клиент бин',
  'owner bin',
  'owner tax id',
  'account owner bin',
  'account owner tax id',
  'client bin',
];

const headerKey = (name: string): string => name.trim().toLowerCase().replace(/\s+/g, ' ');
const OWNER_HEADERS = new Set(CSV_OWNER_TAX_ID_HEADERS);

/** A BIN/IIN as digits only (spaces and dashes as banks print them dropped); null when empty. */
const digits = (v: string | undefined): string | null => {
  const d = (v ?? '').replace(/[\s-]/g, '');
  return d === '' ? null : d;
};

/** The own side's tax id of a 1C document line: the recipient's on money in, the payer's on money out. */
function onecOwnTaxId(line: StatementLine, resolver: OnecFieldResolver): string | null {
  const side = line.direction === 'in' ? 'Получатель' : 'Плательщик';
  for (const [name, value] of Object.entries(line.raw)) {
    const field = resolver.resolve('document', name);
    if (field === `${side}ИНН` || field === `${side}БИН_ИИН`) {
      const id = digits(value);
      if (id !== null) return id;
    }
  }
  return null;
}

function csvOwnTaxId(line: StatementLine): string | null {
  for (const [name, value] of Object.entries(line.raw))
    if (OWNER_HEADERS.has(headerKey(name))) {
      const id = digits(value);
      if (id !== null) return id;
    }
  return null;
}

/**
 * Counts the owner's BIN/IIN as a statement's lines pass (a streamed import or preview holds no
 * list of lines): `line` for each line, then `result` with the statement's accounts.
 */
export class OwnerTaxIdCounter {
  private readonly counts = new Map<string, number>();
  private readonly firstLines = new Map<string, number>();
  private readonly resolver: OnecFieldResolver | null;

  constructor(
    private readonly format: string,
    aliases: Readonly<Record<string, string>> = {},
  ) {
    this.resolver = format === '1c' ? new OnecFieldResolver(aliases) : null;
  }

  line(l: StatementLine): void {
    const id =
      this.resolver !== null ? onecOwnTaxId(l, this.resolver) : this.format === 'csv' ? csvOwnTaxId(l) : null;
    if (id === null) return;
    this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
    if (!this.firstLines.has(id)) this.firstLines.set(id, l.sourceLine);
  }

  /** The file line where a line first stated `id` (undefined when only the account header did). */
  firstLine(id: string): number | undefined {
    return this.firstLines.get(id);
  }

  /** The account owner the file states (CAMT) wins over what the lines say; null when neither does. */
  result(accounts: readonly { readonly ownerTaxId?: string | undefined }[]): string | null {
    const stated = new Map<string, number>();
    for (const a of accounts) {
      const id = digits(a.ownerTaxId);
      if (id !== null) stated.set(id, (stated.get(id) ?? 0) + 1);
    }
    return mostOften(stated.size > 0 ? stated : this.counts);
  }
}

function mostOften(counts: ReadonlyMap<string, number>): string | null {
  let best: string | null = null;
  let most = 0;
  for (const [id, n] of counts)
    if (n > most) {
      best = id;
      most = n;
    }
  return best;
}

/**
 * The BIN/IIN of the statement's owner, where the file states it: CAMT's account owner
 * (`Acct/Ownr/Id/OrgId/Othr/Id`), a 1C document's own side (`ПолучательИНН`/`ПолучательБИН_ИИН` on
 * money in, `ПлательщикИНН`/`ПлательщикБИН_ИИН` on money out, aliases applied), a CSV column named
 * for the owner (`CSV_OWNER_TAX_ID_HEADERS`). The number stated most often wins; null when the file
 * states none (MT940 rarely does).
 */
export function statementOwnerTaxId(
  statement: ParsedStatement,
  aliases: Readonly<Record<string, string>> = {},
): string | null {
  const counter = new OwnerTaxIdCounter(statement.format, aliases);
  for (const l of statement.lines) counter.line(l);
  return counter.result(statement.accounts);
}

import type { StatementLine } from '@civic/core';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { upsertDays } from './ledger-balance-maintain.ts';

type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Day {
  readonly key: string;
  readonly currency: string;
  readonly direction: 'in' | 'out';
  readonly day: string;
  a: bigint;
  n: number;
}

const INT64_MAX = (1n << 63n) - 1n;

/** Day rows per statement: a compound SELECT of one arm each stays under SQLite's 500 arms. */
const CHUNK = 200;

/**
 * A bank import's contributions to the maintained balance totals, summed in memory by account,
 * currency, direction and day as its new lines are written, then moved in a few statements
 * (`moveTalliedBankTotals`): the same totals as `moveBalanceTotals(db, 1, { batchId })`, whose scan
 * and sort of the batch's lines cost seconds at a million lines. The rule is `bankRows`'s in
 * ledger-balance-maintain.ts (dimension 'account'; a KZT line is its own KZT, a foreign one counts
 * as missing), and a test holds the two to the same rows on both dialects.
 */
export class BankLineTally {
  private readonly days = new Map<string, Day>();
  /** The previous line's day: a statement's lines come day by day, so the key is rarely built. */
  private last: Day | null = null;

  /** Counts a line new to the organisation, stored on `accountId`. */
  add(accountId: string, line: Pick<StatementLine, 'currency' | 'direction' | 'bookedOn' | 'amount'>): void {
    const direction = line.direction === 'in' ? 'in' : 'out';
    let d = this.last;
    if (
      d === null ||
      d.day !== line.bookedOn ||
      d.key !== accountId ||
      d.currency !== line.currency ||
      d.direction !== direction
    ) {
      const k = `${accountId}\u0000${line.currency}\u0000${direction}\u0000${line.bookedOn}`;
      d = this.days.get(k) ?? null;
      if (d === null) {
        d = { key: accountId, currency: line.currency, direction, day: line.bookedOn, a: 0n, n: 0 };
        this.days.set(k, d);
      }
      this.last = d;
    }
    d.a += line.amount;
    d.n += 1;
  }

  /** Key and day rows tallied so far. */
  get size(): number {
    return this.days.size;
  }

  /** The tallied rows as `upsertDays` takes them, CHUNK at a time. */
  *chunks(organisationId: string): Generator<RawBuilder<unknown>> {
    const all = [...this.days.values()];
    for (let i = 0; i < all.length; i += CHUNK) {
      const arms = all.slice(i, i + CHUNK).map((d) => {
        // Both databases refuse a sum past 64 bits (SQLite: integer overflow; PostgreSQL: out of range).
        if (d.a > INT64_MAX || d.a < -INT64_MAX - 1n)
          throw new RangeError('bank-line tally: integer overflow');
        const a = d.a.toString();
        const kzt = d.currency === 'KZT' ? sql`cast(${a} as bigint)` : sql`cast(null as bigint)`;
        const missing = d.currency === 'KZT' ? 0 : d.n;
        return sql`select cast(${organisationId} as text) as o, 'account' as dim, cast(${d.key} as text) as key,
          cast(${d.currency} as text) as currency, cast(${d.direction} as text) as direction,
          cast(${d.day} as text) as day, cast(${a} as bigint) as a, ${kzt} as k,
          cast(${missing} as bigint) as m, cast(${d.n} as bigint) as n`;
      });
      yield sql.join(arms, sql` union all `);
    }
  }
}

/** Adds the tallied lines into the organisation's maintained totals (inside the import's transaction). */
export async function moveTalliedBankTotals(
  db: AnyDb,
  organisationId: string,
  tally: BankLineTally,
): Promise<void> {
  for (const days of tally.chunks(organisationId)) await upsertDays(db, 1, days);
}

import type { StatementAccount, StatementLine, StatementWarning } from '@civic/core';
import { ImportAbort } from './import-error.ts';
import { StatementLineChecks } from './statement-checks.ts';
import { ownString, type OpenStatementStream } from './statement-stream.ts';

/** Lines of one account, currency and booking day outside the periods known when they came. */
interface OutsideDay {
  readonly account: string;
  readonly currency: string;
  readonly bookedOn: string;
  /** Their lines in the file, in order (a number each: a page of a million lines stays small). */
  readonly lines: number[];
}

function within(accounts: readonly StatementAccount[], o: OutsideDay): boolean | null {
  const periods = accounts.filter(
    (a) => a.account === o.account && a.currency === o.currency && a.from !== null && a.to !== null,
  );
  if (periods.length === 0) return null;
  return periods.some((a) => a.from !== null && a.to !== null && o.bookedOn >= a.from && o.bookedOn <= a.to);
}

/**
 * The lines booked outside the periods known when they came, to be judged again against the final
 * periods; grouped by day, and a day forgotten once a period known later covers it.
 */
class OutsideLines {
  private readonly days = new Map<string, OutsideDay>();
  private count = 0;
  private prune = 4096;

  add(l: StatementLine, covers: (account: string, currency: string, day: string) => boolean): void {
    const key = `${l.account}\u0000${l.currency}\u0000${l.bookedOn}`;
    const day = this.days.get(key);
    if (day) day.lines.push(l.sourceLine);
    else
      this.days.set(key, {
        account: ownString(l.account),
        currency: l.currency,
        bookedOn: ownString(l.bookedOn),
        lines: [l.sourceLine],
      });
    this.count += 1;
    // Lines of a report whose period was not known yet when they came: forgotten once it is.
    if (this.count < this.prune) return;
    for (const [k, d] of this.days)
      if (covers(d.account, d.currency, d.bookedOn)) {
        this.days.delete(k);
        this.count -= d.lines.length;
      }
    this.prune = Math.max(4096, this.count * 2);
  }

  /** Those outside every final period of their account: one warning each, in file order. */
  warnings(accounts: readonly StatementAccount[]): StatementWarning[] {
    const late: StatementWarning[] = [];
    for (const o of this.days.values()) {
      if (within(accounts, o) !== false) continue;
      const p = accounts.find((a) => a.account === o.account && a.currency === o.currency);
      for (const line of o.lines)
        late.push({
          line,
          field: 'bookedOn',
          code: 'IMPORT_WARN_OUTSIDE_PERIOD',
          params: { bookedOn: o.bookedOn, from: p?.from ?? '', to: p?.to ?? '' },
          message: `the line is booked on ${o.bookedOn}, outside its statement's period ${p?.from ?? ''} – ${p?.to ?? ''}`,
        });
    }
    return late.sort((a, b) => a.line - b.line);
  }
}

/**
 * `checkStatement` for a streamed reader: each line's account numbers are checked as it passes
 * (an invalid one refuses the file, as for a whole file, once the reader has found no error of its
 * own), and lines booked outside their statement's period are warned about at the end, against
 * the periods the whole file states. Only the few lines outside are remembered.
 */
export function withStreamChecks(open: OpenStatementStream, file: string): OpenStatementStream {
  return (head, complete, onLine) => {
    const checks = new StatementLineChecks(file);
    const firstLine = new Map<string, number>();
    const outside = new OutsideLines();
    let refusal: ImportAbort | null = null;
    const covers = (account: string, currency: string, day: string): boolean =>
      reader.covers?.(account, currency, day) ?? false;
    const reader = open(head, complete, (l: StatementLine) => {
      if (!firstLine.has(l.account)) firstLine.set(l.account, l.sourceLine);
      if (refusal === null)
        try {
          checks.line(l);
        } catch (e) {
          if (!(e instanceof ImportAbort)) throw e;
          refusal = e;
        }
      if (!covers(l.account, l.currency, l.bookedOn)) outside.add(l, covers);
      onLine(l);
    });
    return {
      push: (chunk) => reader.push(chunk),
      ...(reader.covers ? { covers: reader.covers.bind(reader) } : {}),
      end: () => {
        const summary = reader.end();
        for (const a of summary.accounts) checks.account(a.account, firstLine.get(a.account) ?? 1, 'account');
        if (refusal !== null) throw refusal;
        const late = outside.warnings(summary.accounts);
        const had = new Set(summary.warnings.map((w) => `${String(w.line)}|${w.field ?? ''}|${w.message}`));
        const fresh = [...checks.warnings, ...late].filter(
          (w) => !had.has(`${String(w.line)}|${w.field ?? ''}|${w.message}`),
        );
        return { ...summary, warnings: [...summary.warnings, ...fresh] };
      },
    };
  };
}

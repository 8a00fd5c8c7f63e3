import type { StatementAccount, StatementLine, StatementWarning } from '@civic/core';
import { ImportAbort } from './import-error.ts';
import { StatementLineChecks } from './statement-checks.ts';
import type { OpenStatementStream } from './statement-stream.ts';

/** A line booked outside the periods known when it came: judged again against the final periods. */
interface Outside {
  readonly line: number;
  readonly account: string;
  readonly currency: string;
  readonly bookedOn: string;
}

function within(accounts: readonly StatementAccount[], o: Outside): boolean | null {
  const periods = accounts.filter(
    (a) => a.account === o.account && a.currency === o.currency && a.from !== null && a.to !== null,
  );
  if (periods.length === 0) return null;
  return periods.some((a) => a.from !== null && a.to !== null && o.bookedOn >= a.from && o.bookedOn <= a.to);
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
    const outside: Outside[] = [];
    let refusal: ImportAbort | null = null;
    let prune = 4096;
    const reader = open(head, complete, (l: StatementLine) => {
      if (!firstLine.has(l.account)) firstLine.set(l.account, l.sourceLine);
      if (refusal === null)
        try {
          checks.line(l);
        } catch (e) {
          if (!(e instanceof ImportAbort)) throw e;
          refusal = e;
        }
      if (!(reader.covers?.(l.account, l.currency, l.bookedOn) ?? false)) {
        outside.push({ line: l.sourceLine, account: l.account, currency: l.currency, bookedOn: l.bookedOn });
        // Lines of a report whose period was not known yet when they came: forgotten once it is.
        if (outside.length >= prune) {
          const still = outside.filter((o) => !(reader.covers?.(o.account, o.currency, o.bookedOn) ?? false));
          outside.splice(0, outside.length, ...still);
          prune = Math.max(4096, still.length * 2);
        }
      }
      onLine(l);
    });
    return {
      push: (chunk) => reader.push(chunk),
      ...(reader.covers ? { covers: reader.covers.bind(reader) } : {}),
      end: () => {
        const summary = reader.end();
        for (const a of summary.accounts) checks.account(a.account, firstLine.get(a.account) ?? 1, 'account');
        if (refusal !== null) throw refusal;
        const late: StatementWarning[] = [];
        for (const o of outside) {
          if (within(summary.accounts, o) !== false) continue;
          const p = summary.accounts.find((a) => a.account === o.account && a.currency === o.currency);
          late.push({
            line: o.line,
            field: 'bookedOn',
            code: 'IMPORT_WARN_OUTSIDE_PERIOD',
            params: { bookedOn: o.bookedOn, from: p?.from ?? '', to: p?.to ?? '' },
            message: `the line is booked on ${o.bookedOn}, outside its statement's period ${p?.from ?? ''} – ${p?.to ?? ''}`,
          });
        }
        const had = new Set(summary.warnings.map((w) => `${String(w.line)}|${w.field ?? ''}|${w.message}`));
        const fresh = [...checks.warnings, ...late].filter(
          (w) => !had.has(`${String(w.line)}|${w.field ?? ''}|${w.message}`),
        );
        return { ...summary, warnings: [...summary.warnings, ...fresh] };
      },
    };
  };
}

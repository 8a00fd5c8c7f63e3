import {
  fileChunks,
  previewBankStatementStream,
  type PreviewInput,
  type PreviewLine,
  type PreviewSummary,
} from '@civic/app';
import { EXIT_FINDING, orFail, toJson } from '../output.ts';
import { withOrganisation } from './with-organisation.ts';

/** One line of the dry run's `lines`, as the JSON contract names its fields. */
export function dryRunLine(l: PreviewLine): Record<string, unknown> {
  return {
    date: l.date,
    valueDate: l.valueDate,
    amount: l.amount,
    currency: l.currency,
    direction: l.direction,
    account: l.account,
    counterparty: l.counterparty,
    counterpartyAccount: l.counterpartyAccount,
    purpose: l.purpose,
    reference: l.reference,
    duplicate: l.duplicate,
    foreignReasons: l.foreignReasons.map((r) => ({ code: r.code, message: r.message })),
    sourceLine: l.sourceLine,
  };
}

/** Writes to standard output, waiting for it to drain when its buffer is full (a reader slower than the file). */
async function put(text: string): Promise<void> {
  if (process.stdout.write(text)) return;
  await new Promise<void>((resolve) => {
    process.stdout.once('drain', resolve);
    process.stdout.once('error', () => resolve());
  });
}

/**
 * The dry run's JSON written as it goes: the import's figures, then `lines` element by element (a
 * 64 KiB piece at a time, standard output drained as needed: the lines are never held), then every
 * statement and the warnings. The summary comes from a first reading of the file; the lines from
 * a second, which reads it the same way.
 */
async function printStreamed(
  s: PreviewSummary,
  readLines: (each: (l: PreviewLine) => Promise<void>) => Promise<void>,
) {
  const head = toJson({
    read: s.read,
    imported: s.imported,
    duplicates: s.duplicates,
    foreignCandidates: s.foreignCandidates,
    accounts: s.accounts,
    format: s.format,
    encoding: s.encoding,
    dryRun: true,
  });
  await put(`${head.slice(0, -1)},"lines":[`);
  let piece = '';
  let first = true;
  await readLines(async (l) => {
    piece += `${first ? '' : ','}${toJson(dryRunLine(l))}`;
    first = false;
    if (piece.length >= 1 << 16) {
      const out = piece;
      piece = '';
      await put(out);
    }
  });
  const tail = toJson({
    statements: s.statements,
    warnings: s.warnings,
    otherOwner: s.otherOwner,
    ownerBin: s.ownerBin,
    otherOwnerBin: s.otherOwnerBin,
  });
  await put(`${piece}],${tail.slice(1)}\n`);
}

/**
 * `civic import bank FILE --dry-run`: parses and checks everything, writes nothing, prints what the
 * import would do. Exit 0 when it would succeed, 1 when only balances would refuse it (the lines
 * are still listed); a file that cannot be read fails as the import does (exit 2, no lines). The
 * file is read as a stream, whatever its size.
 */
export async function runDryRun(
  opts: { db: string; org?: string | undefined; json?: boolean | undefined },
  input: Omit<PreviewInput, 'org' | 'source' | 'bytes'>,
): Promise<void> {
  const file = input.fileName;
  const preview = await withOrganisation(opts, async (ctx, org) => {
    const args = { ...input, source: fileChunks(file), org: org.id };
    const summary = orFail(await previewBankStatementStream(ctx, args, () => undefined));
    for (const w of summary.warnings)
      process.stderr.write(
        `civic: warning: ${file}, line ${String(w.line)}${w.field ? `, field ${w.field}` : ''}: ${w.message}\n`,
      );
    if (opts.json)
      await printStreamed(summary, async (each) => {
        orFail(await previewBankStatementStream(ctx, { ...args, source: fileChunks(file) }, each));
      });
    return summary;
  });
  if (!opts.json) {
    process.stdout.write(
      `${file} (dry run, nothing written): read ${String(preview.read)}, would import ${String(preview.imported)}, duplicates ${String(preview.duplicates)}, foreign-funding candidates ${String(preview.foreignCandidates)}\n`,
    );
    for (const s of preview.statements)
      process.stdout.write(
        `  ${s.statement ?? s.account} ${s.currency}: opening ${s.opening ?? '?'}, computed closing ${s.computedClosing ?? '?'}, closing ${s.closing ?? '?'}${s.balanced ? '' : ' — DOES NOT ADD UP'}\n`,
      );
  }
  if (!preview.balanced) process.exitCode = EXIT_FINDING;
}

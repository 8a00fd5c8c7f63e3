import { previewBankStatement, type BankStatementPreview, type PreviewInput } from '@civic/app';
import { EXIT_FINDING, orFail, printJson } from '../output.ts';
import { withOrganisation } from './with-organisation.ts';

/** The dry run's JSON: the import's figures, then every line, every statement and the warnings. */
export function dryRunJson(p: BankStatementPreview): Record<string, unknown> {
  return {
    read: p.read,
    imported: p.imported,
    duplicates: p.duplicates,
    foreignCandidates: p.foreignCandidates,
    accounts: p.accounts,
    format: p.format,
    encoding: p.encoding,
    dryRun: true,
    lines: p.lines.map((l) => ({
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
    })),
    statements: p.statements,
    warnings: p.warnings,
    otherOwner: p.otherOwner,
    ownerBin: p.ownerBin,
    otherOwnerBin: p.otherOwnerBin,
  };
}

/**
 * `civic import bank FILE --dry-run`: parses and checks everything, writes nothing, prints what the
 * import would do. Exit 0 when it would succeed, 1 when only balances would refuse it (the lines
 * are still listed); a file that cannot be read fails as the import does (exit 2, no lines).
 */
export async function runDryRun(
  opts: { db: string; org?: string | undefined; json?: boolean | undefined },
  input: Omit<PreviewInput, 'org'>,
): Promise<void> {
  const preview = await withOrganisation(opts, async (ctx, org) =>
    orFail(await previewBankStatement(ctx, { ...input, org: org.id })),
  );
  for (const w of preview.warnings)
    process.stderr.write(
      `civic: warning: ${input.fileName}, line ${String(w.line)}${w.field ? `, field ${w.field}` : ''}: ${w.message}\n`,
    );
  if (opts.json) printJson(dryRunJson(preview));
  else {
    process.stdout.write(
      `${input.fileName} (dry run, nothing written): read ${String(preview.read)}, would import ${String(preview.imported)}, duplicates ${String(preview.duplicates)}, foreign-funding candidates ${String(preview.foreignCandidates)}\n`,
    );
    for (const s of preview.statements)
      process.stdout.write(
        `  ${s.statement ?? s.account} ${s.currency}: opening ${s.opening ?? '?'}, computed closing ${s.computedClosing ?? '?'}, closing ${s.closing ?? '?'}${s.balanced ? '' : ' — DOES NOT ADD UP'}\n`,
      );
  }
  if (!preview.balanced) process.exitCode = EXIT_FINDING;
}

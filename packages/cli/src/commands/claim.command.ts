import { readFileSync } from 'node:fs';
import { checkClaimFile, claimCheckView, type ClaimCheckView } from '@civic/app';
import { parseCalendarDate } from '@civic/core';
import type { Command } from 'commander';
import { CliError, EXIT_BAD_INPUT, EXIT_FINDING, EXIT_OK, orFail, printJson } from '../output.ts';

/** The readable report of a claim check (without --json). */
export function claimReport(v: ClaimCheckView): string {
  const l = v.limitation;
  const p = v.penalty;
  const lines = [
    `Offence: article ${v.offence.article}, tier ${v.offence.tier}${v.offence.verified ? '' : ' (tier unverified)'}`,
  ];
  lines.push(
    l.expiresOn
      ? `Limitation: ${l.status === 'expired' ? 'EXPIRED' : 'running'}: ${l.period ?? ''} from ${l.startsOn ?? '?'} ends ${l.expiresOn}; evaluated on ${l.evaluatedOn ?? '?'} (${l.evaluatedAgainst ?? ''})${l.verified ? '' : ' [unverified]'}`
      : 'Limitation: no rule in the pack',
  );
  for (const a of l.alternatives)
    lines.push(
      `  if counted from ${a.reading} on ${a.startsOn}: ends ${a.expiresOn}, ${a.status}${a.verified ? '' : ' [unverified]'}`,
    );
  if (l.citation) lines.push(`  ${l.citation}`);
  if (p.mciYear !== null || p.suspensionLawful !== null) {
    lines.push(
      `Penalty: MCI ${p.mciYear ?? '?'} = ${p.mciValue ?? '?'}; expected ${p.expectedAmount ?? '?'} ${p.currency ?? ''}; imposed ${p.imposedAmount ?? '—'}: ${p.amountMatches === null ? 'no amount given' : p.amountMatches ? 'matches' : 'DOES NOT MATCH'}; suspension ${p.suspensionLawful ? 'lawful' : 'NOT LAWFUL'}`,
    );
  } else lines.push('Penalty: none given');
  lines.push(
    v.appeal.deadline
      ? `Appeal: complaint due by ${v.appeal.deadline}${v.appeal.verified ? '' : ' [rule unverified]'}`
      : 'Appeal: no ruling or service date',
  );
  lines.push('', `Findings (${v.findings.length}):`);
  for (const f of v.findings)
    lines.push(
      `  [${f.severity}] ${f.code}${f.favoursDefence ? ' (favours the defence)' : ''}: ${f.message}${f.citation ? `\n      basis: ${f.citation}${f.verified ? '' : ' — not verified against the official text'}` : ''}`,
    );
  return `${lines.join('\n')}\n`;
}

export function registerClaim(program: Command): void {
  const claim = program.command('claim').description('check an authority action against the law');
  claim
    .command('check')
    .description(
      'check one authority action described in a claim file (see docs/claims.md); exit 1 when a finding favours the defence',
    )
    .argument('<file>', 'the claim file (JSON)')
    .option(
      '--as-of <date>',
      'the decisive date when the claim has no ruling or proceedings date (default: today)',
    )
    .option('--rules <dir>', "the folder of rule packs the claim's pack id is looked up in (default: rules/)")
    .option('--json', 'print JSON')
    .action(async (fileName: string, opts: { asOf?: string; rules?: string; json?: boolean }) => {
      // The issue's contract fixes the exit codes: 1 a finding favours the defence, 0 none, 2 a bad file.
      // Without --as-of, today in the claim's pack's time zone (not the UTC date).
      const day =
        opts.asOf === undefined
          ? { now: new Date() }
          : { asOf: orFail(parseCalendarDate(opts.asOf, 'as-of'), EXIT_BAD_INPUT) };
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(fileName);
      } catch {
        throw new CliError(
          { code: 'CLAIM_FILE_NOT_FOUND', message: `cannot read the claim file ${fileName}`, file: fileName },
          EXIT_BAD_INPUT,
        );
      }
      const result = orFail(
        await checkClaimFile(bytes, { fileName, ...day, ...(opts.rules ? { rulesDir: opts.rules } : {}) }),
        EXIT_BAD_INPUT,
      );
      for (const w of result.warnings) process.stderr.write(`civic: warning: ${fileName}: ${w}\n`);
      const view = claimCheckView(result.check);
      if (opts.json) printJson(view);
      else process.stdout.write(claimReport(view));
      process.exitCode = view.favoursDefence ? EXIT_FINDING : EXIT_OK;
    });
}

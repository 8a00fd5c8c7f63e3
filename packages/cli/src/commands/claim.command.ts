import { readFileSync } from 'node:fs';
import { checkClaimFile, claimCheckView } from '@civic/app';
import { findTier, localCitations, localText, parseCalendarDate, unverifiedNotes } from '@civic/core';
import type { Command } from 'commander';
import { claimReport } from '../lang/claim-report.ts';
import { cliLang, LANG_OPTION_HELP } from '../lang/cli-lang.ts';
import { CliError, EXIT_BAD_INPUT, EXIT_FINDING, EXIT_OK, orFail, printJson } from '../output.ts';

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
    .option('--lang <lang>', LANG_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(
      async (fileName: string, opts: { asOf?: string; rules?: string; lang?: string; json?: boolean }) => {
        const lang = cliLang(opts.lang);
        // The contract fixes the exit codes: 1 a finding favours the defence, 0 none, 2 a bad file.
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
            {
              code: 'CLAIM_FILE_NOT_FOUND',
              message: `cannot read the claim file ${fileName}`,
              file: fileName,
            },
            EXIT_BAD_INPUT,
          );
        }
        const result = orFail(
          await checkClaimFile(bytes, { fileName, ...day, ...(opts.rules ? { rulesDir: opts.rules } : {}) }),
          EXIT_BAD_INPUT,
        );
        for (const w of result.warnings) process.stderr.write(`civic: warning: ${fileName}: ${w}\n`);
        // JSON keeps its codes and adds each finding's label and message in the language.
        const cites = localCitations(result.pack);
        const view = claimCheckView(result.check, lang, cites, unverifiedNotes(result.pack));
        if (opts.json) printJson(view);
        else {
          const { article, tier, committedOn } = result.claim.offence;
          const name = findTier(result.pack, article, tier, committedOn)?.tier.name;
          const citationOf = (c: string) => {
            const local = cites.get(c);
            return local === undefined ? c : localText(local, lang);
          };
          process.stdout.write(
            claimReport(view, lang, {
              tierName: lang === 'en' || !name ? undefined : localText(name, lang),
              citationOf: lang === 'en' ? undefined : citationOf,
            }),
          );
        }
        process.exitCode = view.favoursDefence ? EXIT_FINDING : EXIT_OK;
      },
    );
}

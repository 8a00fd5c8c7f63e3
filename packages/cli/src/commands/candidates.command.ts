import {
  withAudit,
  candidateJson,
  confirmForeignCandidate,
  listForeignCandidates,
  receiptJson,
  rejectForeignCandidate,
  type CandidateStatus,
} from '@civic/app';
import type { Command } from 'commander';
import { CliError, orFail, printJson } from '../output.ts';
import { cliActor } from '../cli-actor.ts';
import { cliLang, LANG_OPTION_HELP } from '../lang/cli-lang.ts';
import { candidatesReport, confirmedLine, rejectedLine } from '../lang/record-reports.ts';
import { withOrganisation } from './with-organisation.ts';

const STATUSES = ['proposed', 'confirmed', 'rejected', 'all'] as const;

interface Common {
  db: string;
  org?: string;
  json?: boolean;
  by?: string;
  lang?: string;
}

export function registerCandidates(program: Command): void {
  const candidates = program
    .command('candidates')
    .description('incoming payments that look like foreign funding, for a person to confirm or reject');
  candidates
    .command('list')
    .description('list candidates (proposed ones unless --status says otherwise)')
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .option('--org <org>', 'organisation id, name or BIN')
    .option('--status <status>', STATUSES.join('|'), 'proposed')
    .option('--lang <lang>', LANG_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(async (opts: Common & { status: string }) => {
      const status = STATUSES.find((s) => s === opts.status);
      if (!status)
        throw new CliError({
          code: 'CANDIDATE_STATUS_INVALID',
          message: `--status must be one of ${STATUSES.join(', ')}`,
          field: 'status',
        });
      const list = await withOrganisation(opts, (ctx, org) =>
        listForeignCandidates(ctx, org.id, status === 'all' ? undefined : (status satisfies CandidateStatus)),
      );
      if (opts.json) {
        printJson({ candidates: list.map(candidateJson) });
        return;
      }
      process.stdout.write(
        candidatesReport(
          list.map((c) => ({ ...c, amount: String(candidateJson(c)['amount']) })),
          cliLang(opts.lang),
        ),
      );
    });
  candidates
    .command('confirm')
    .description(
      'confirm a candidate as a receipt of foreign funding (creates the receipt with its KZT equivalent)',
    )
    .argument('<id>', 'the candidate id')
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .option('--org <org>', 'organisation id, name or BIN')
    .option('--source <source>', 'an existing source (id or name); default: the source the payer matched')
    .option(
      '--new-source <name>',
      'create a new source with this name (payer tax id and account recorded on it)',
    )
    .option(
      '--category <category>',
      'category of the new source: foreign-state|international-organisation|foreign-organisation|foreign-citizen|stateless-person',
    )
    .option('--country <cc>', 'ISO country code of the new source')
    .option('--grant <grant>', 'the grant it belongs to (id or agreement number)')
    .option('--by <who>', 'who decides (recorded)')
    .option('--lang <lang>', LANG_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(
      async (
        id: string,
        opts: Common & {
          source?: string;
          newSource?: string;
          category?: string;
          country?: string;
          grant?: string;
        },
      ) => {
        const r = await withOrganisation(opts, (base, org) =>
          withAudit(base, cliActor(), async (ctx, audit) => {
            const done = orFail(
              await confirmForeignCandidate(ctx, org.id, {
                candidateId: id,
                ...(opts.source ? { sourceId: opts.source } : {}),
                ...(opts.newSource !== undefined
                  ? {
                      newSource: {
                        name: opts.newSource,
                        category: opts.category ?? null,
                        country: opts.country ?? null,
                      },
                    }
                  : {}),
                ...(opts.grant ? { grantId: opts.grant } : {}),
                decidedBy: opts.by ?? cliActor().label,
              }),
            );
            const receipt = receiptJson(done.receipt);
            await audit.record({
              entity: 'receipt',
              entityId: done.receipt.id,
              action: 'create',
              organisationId: org.id,
              after: receipt,
            });
            await audit.record({
              entity: 'foreign-candidate',
              entityId: id,
              action: 'confirm',
              organisationId: org.id,
              before: { status: 'proposed' },
              after: candidateJson(done.candidate),
            });
            return done;
          }),
        );
        if (opts.json) printJson({ candidate: candidateJson(r.candidate), receipt: receiptJson(r.receipt) });
        else process.stdout.write(confirmedLine(id, r.receipt.id, r.receipt.kzt.status, cliLang(opts.lang)));
      },
    );
  candidates
    .command('reject')
    .description('reject a candidate: the payment is not foreign funding')
    .argument('<id>', 'the candidate id')
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .option('--org <org>', 'organisation id, name or BIN')
    .option('--by <who>', 'who decides (recorded)')
    .option('--lang <lang>', LANG_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(async (id: string, opts: Common) => {
      const c = await withOrganisation(opts, (base, org) =>
        withAudit(base, cliActor(), async (ctx, audit) => {
          const done = orFail(
            await rejectForeignCandidate(ctx, org.id, {
              candidateId: id,
              decidedBy: opts.by ?? cliActor().label,
            }),
          );
          await audit.record({
            entity: 'foreign-candidate',
            entityId: id,
            action: 'reject',
            organisationId: org.id,
            before: { status: 'proposed' },
            after: candidateJson(done),
          });
          return done;
        }),
      );
      if (opts.json) printJson({ candidate: candidateJson(c) });
      else process.stdout.write(rejectedLine(id, cliLang(opts.lang)));
    });
}

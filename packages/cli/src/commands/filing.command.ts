import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  getFiling,
  lintStoredFiling,
  listFilings,
  prepareFiling,
  renderFiling,
  submitFiling,
  timestampFiling,
  tsaFromEnv,
} from '@civic/app';
import type { FilingRecord } from '@civic/core';
import type { Command } from 'commander';
import { CliError, EXIT_FINDING, orFail, printJson } from '../output.ts';
import { cliLang, LANG_OPTION_HELP } from '../lang/cli-lang.ts';
import { lintReport, lintView } from '../lang/filing-report.ts';
import { filingLine, filingsReport, preparedLine, submittedLine, wroteLine } from '../lang/record-reports.ts';
import { withContext } from './obligations.command.ts';
import { readInputFile } from './with-organisation.ts';

/** What `civic filing prepare|submit|show --json` prints: the filing without its content lines. */
function filingView(f: FilingRecord) {
  const c = f.content;
  return {
    id: f.id,
    organisation: f.organisation,
    obligationId: f.obligationId,
    form: f.form,
    period: { from: f.periodFrom, to: f.periodTo },
    state: f.state,
    corrects: f.corrects,
    contentHash: f.contentHash,
    createdAt: f.createdAt,
    dueOn: c.obligation.dueOn,
    citation: c.obligation.citation,
    verified: c.obligation.verified,
    receipts: c.receipts.map((r) => r.id),
    expenditures: c.expenditures.map((e) => e.id),
    totals: c.totals,
    submission: f.submission,
    submittedOn: f.submission?.submittedOn ?? null,
  };
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function registerFilings(program: Command): void {
  program
    .command('filings')
    .description(
      'the filings of an organisation (or of every one): ids, form, period, state, submission, corrections',
    )
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .option('--org <org>', 'organisation id, name or BIN (default: every organisation)')
    .option('--lang <lang>', LANG_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(async (opts: { db: string; org?: string; lang?: string; json?: boolean }) => {
      const lang = cliLang(opts.lang);
      const list = await withContext(opts.db, async (ctx) =>
        orFail(await listFilings(ctx, { org: opts.org })),
      );
      if (opts.json) return printJson({ filings: list });
      process.stdout.write(filingsReport(list, lang));
    });

  const filing = program.command('filing').description('prepare, lint, render and submit a filing');
  filing
    .command('prepare')
    .description(
      'prepare a filing for an obligation from the ledger (a draft; a second prepare refreshes the draft)',
    )
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .option('--obligation <id>', 'obligation id as `civic obligations` lists it')
    .option('--org <org>', 'organisation (with --form, --from, --to)')
    .option('--form <form>', 'form id, e.g. F.018.00')
    .option('--from <date>', 'the period’s first day')
    .option('--to <date>', 'the period’s last day')
    .option('--corrects <filing>', 'the submitted filing this one corrects')
    .option('--pack <id|file>', 'rule pack (default: the pack of the organisation’s country)')
    .option('--lang <lang>', LANG_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(
      async (opts: {
        db: string;
        lang?: string;
        obligation?: string;
        org?: string;
        form?: string;
        from?: string;
        to?: string;
        corrects?: string;
        pack?: string;
        json?: boolean;
      }) => {
        const lang = cliLang(opts.lang);
        if (!opts.obligation && !(opts.form && opts.from && opts.to))
          throw new CliError({
            code: 'CLI_OPTION_REQUIRED',
            message: '--obligation ID is required (or --form with --from and --to)',
            field: 'obligation',
          });
        const f = await withContext(opts.db, async (ctx) =>
          orFail(
            await prepareFiling(ctx, {
              obligationId: opts.obligation,
              org: opts.org,
              form: opts.form,
              period: opts.from && opts.to ? { from: opts.from, to: opts.to } : undefined,
              corrects: opts.corrects,
              pack: opts.pack,
            }),
          ),
        );
        if (opts.json) return printJson(filingView(f));
        process.stdout.write(preparedLine(f, lang));
      },
    );
  filing
    .command('show')
    .description('one filing with its content')
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .requiredOption('--filing <id>', 'filing id')
    .option('--lang <lang>', LANG_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(async (opts: { db: string; filing: string; lang?: string; json?: boolean }) => {
      const lang = cliLang(opts.lang);
      const f = await withContext(opts.db, async (ctx) => orFail(await getFiling(ctx, opts.filing)));
      if (opts.json) return printJson({ filing: filingView(f), content: f.content });
      process.stdout.write(filingLine(f, lang));
    });
  filing
    .command('lint')
    .description('check a filing against the ledger; exit 1 when there are errors')
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .requiredOption('--filing <id>', 'filing id')
    .option('--as-of <date>', 'the day to check on (default: today)')
    .option('--lang <lang>', LANG_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(async (opts: { db: string; filing: string; asOf?: string; lang?: string; json?: boolean }) => {
      const lang = cliLang(opts.lang);
      const lint = await withContext(opts.db, async (ctx) =>
        orFail(await lintStoredFiling(ctx, { filingId: opts.filing, asOf: opts.asOf })),
      );
      if (opts.json) printJson(lintView(lint, lang));
      else process.stdout.write(lintReport(lint, lang));
      if (lint.errors > 0) process.exitCode = EXIT_FINDING;
    });
  filing
    .command('render')
    .description('render a filing as PDF, XLSX or JSON')
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .requiredOption('--filing <id>', 'filing id')
    .requiredOption('--format <format>', 'pdf|xlsx|json')
    .requiredOption('--out <file>', 'the file to write')
    .option('--lang <lang>', 'the document in ru (default), kk or en (also the language of the line printed)')
    .option('--json', 'print JSON')
    .action(
      async (opts: {
        db: string;
        filing: string;
        format: string;
        out: string;
        lang?: string;
        json?: boolean;
      }) => {
        const bytes = await withContext(opts.db, async (ctx) =>
          orFail(await renderFiling(ctx, { filingId: opts.filing, format: opts.format, lang: opts.lang })),
        );
        writeFileSync(opts.out, bytes);
        if (opts.json)
          printJson({ filing: opts.filing, format: opts.format, out: opts.out, bytes: bytes.length });
        else process.stdout.write(wroteLine(opts.out, bytes.length, cliLang(opts.lang)));
      },
    );
  filing
    .command('submit')
    .description(
      'record that a filing was submitted (day, channel, incoming number, attachments); it never changes afterwards',
    )
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .requiredOption('--filing <id>', 'filing id')
    .requiredOption('--on <date>', 'the day it was handed in')
    .requiredOption('--channel <channel>', 'how: cabinet.salyk.kz, egov, paper, post, …')
    .requiredOption('--number <number>', 'the incoming number the authority gave it')
    .option('--attach <file>', 'a file handed in with it (repeatable)', collect, [])
    .option('--lang <lang>', LANG_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(
      async (opts: {
        db: string;
        lang?: string;
        filing: string;
        on: string;
        channel: string;
        number: string;
        attach: string[];
        json?: boolean;
      }) => {
        const lang = cliLang(opts.lang);
        const attachments = opts.attach.map((file) => ({
          name: basename(file),
          bytes: new Uint8Array(readInputFile(file, 'FILING_ATTACHMENT_UNREADABLE')),
        }));
        const f = await withContext(opts.db, async (ctx) => {
          const submitted = orFail(
            await submitFiling(ctx, {
              filingId: opts.filing,
              submittedOn: opts.on,
              channel: opts.channel,
              incomingNumber: opts.number,
              attachments,
            }),
          );
          // With TSA_URL, the submitted filing's head gets its RFC 3161 timestamp now (never fails).
          await timestampFiling(ctx, submitted, tsaFromEnv(process.env));
          return submitted;
        });
        if (opts.json) return printJson(filingView(f));
        process.stdout.write(submittedLine(f, lang));
      },
    );
}

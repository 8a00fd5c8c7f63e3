import { writeFileSync } from 'node:fs';
import {
  exportBundle,
  organisations,
  parseTsaCa,
  resolveOrganisation,
  tsaFromEnv,
  verifyBundleBytes,
  verifyLog,
} from '@civic/app';
import type { Command } from 'commander';
import { EXIT_FINDING, orFail, printJson } from '../output.ts';
import { cliLang, LANG_OPTION_HELP } from '../lang/cli-lang.ts';
import { bundleWrittenLine, chainLine, verifiedLines, verifyFailedLine } from '../lang/proof-report.ts';
import { withContext } from './obligations.command.ts';
import { readInputFile } from './with-organisation.ts';

/** The `export` group (shared with other capabilities: found or created). */
function exportGroup(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'export') ??
    program.command('export').description('export records as files')
  );
}

export function registerBundle(program: Command): void {
  exportGroup(program)
    .command('bundle')
    .description(
      'write a filing with its receipts, submission and the log entries that prove them, for `civic verify`; with TSA_URL set, the head gets an RFC 3161 timestamp from that authority',
    )
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .requiredOption('--filing <id>', 'filing id')
    .requiredOption('--out <file>', 'the bundle file to write')
    .option('--lang <lang>', `${LANG_OPTION_HELP} (JSON stays as it is)`)
    .option('--json', 'print JSON')
    .action(async (opts: { db: string; filing: string; out: string; lang?: string; json?: boolean }) => {
      const lang = cliLang(opts.lang);
      const b = await withContext(opts.db, async (ctx) =>
        orFail(await exportBundle(ctx, { filingId: opts.filing, tsa: tsaFromEnv(process.env) })),
      );
      writeFileSync(opts.out, b.text);
      const summary = b.verification.ok ? b.verification.summary : null;
      if (opts.json)
        printJson({ out: opts.out, bytes: Buffer.byteLength(b.text), verified: b.verification.ok, summary });
      else process.stdout.write(bundleWrittenLine(opts.out, opts.filing, summary, lang));
    });

  program
    .command('verify')
    .description(
      'check every hash and signature of a bundle (no database needed); exit 0 when all hold, 1 naming the first that fails',
    )
    .argument('<bundle>', 'a file written by `civic export bundle`')
    .option(
      '--key <key>',
      "the signer expected: the organisation's published fingerprint or its public key (another signer: exit 1)",
    )
    .option(
      '--tsa-ca <file>',
      'the time-stamping authorities trusted: their CA certificates (PEM, one or more; default TSA_CA_FILE); a timestamp whose authority does not chain to one: exit 1',
    )
    .option('--lang <lang>', `${LANG_OPTION_HELP} (JSON stays as it is)`)
    .option('--json', 'print JSON')
    .action((file: string, opts: { key?: string; tsaCa?: string; lang?: string; json?: boolean }) => {
      const lang = cliLang(opts.lang);
      const bytes = readInputFile(file, 'BUNDLE_UNREADABLE');
      const caFile = opts.tsaCa ?? (process.env['TSA_CA_FILE']?.trim() || undefined);
      const tsaAnchors =
        caFile === undefined
          ? undefined
          : orFail(parseTsaCa(readInputFile(caFile, 'TSA_CA_INVALID').toString('utf8'), caFile));
      const v = verifyBundleBytes(new Uint8Array(bytes), { key: opts.key, tsaAnchors });
      const summary = v.summary;
      if (opts.json)
        printJson(
          summary
            ? {
                ok: v.ok,
                head: summary.headHash,
                organisation: summary.organisation,
                signedBy: summary.signedBy,
                keyChecked: opts.key !== undefined,
                timestamp: summary.timestamp,
                ...(summary.timestamp ? {} : { timestampReason: summary.timestampReason }),
                ...(v.ok ? {} : { fault: v.fault }),
                summary,
              }
            : {
                ok: false,
                head: null,
                organisation: null,
                signedBy: null,
                timestamp: null,
                fault: v.ok ? null : v.fault,
              },
        );
      if (!v.ok) {
        if (!opts.json) process.stdout.write(verifyFailedLine(v.fault, lang));
        process.exitCode = EXIT_FINDING;
        return;
      }
      if (opts.json) return;
      process.stdout.write(verifiedLines(file, v.summary, opts.key !== undefined, lang));
    });

  const log =
    program.commands.find((c) => c.name() === 'log') ??
    program.command('log').description('the append-only, hash-chained log');
  log
    .command('verify')
    .description(
      "re-hash an organisation's log chain in the database (every organisation when --org is left out); exit 1 naming the first entry that fails",
    )
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .option('--org <org>', 'organisation id, name or BIN')
    .option('--lang <lang>', `${LANG_OPTION_HELP} (JSON stays as it is)`)
    .option('--json', 'print JSON')
    .action(async (opts: { db: string; org?: string; lang?: string; json?: boolean }) => {
      const lang = cliLang(opts.lang);
      const results = await withContext(opts.db, async (ctx) => {
        const orgs = opts.org ? [orFail(await resolveOrganisation(ctx, opts.org))] : await organisations(ctx);
        const out = [];
        for (const o of orgs) out.push({ organisation: o.id, name: o.name, ...(await verifyLog(ctx, o.id)) });
        return out;
      });
      if (opts.json) printJson({ ok: results.every((r) => r.ok), chains: results });
      else for (const r of results) process.stdout.write(chainLine(r, lang));
      if (!results.every((r) => r.ok)) process.exitCode = EXIT_FINDING;
    });
}

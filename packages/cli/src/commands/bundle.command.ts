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
import type { BundleSummary } from '@civic/formats';
import type { Command } from 'commander';
import { EXIT_FINDING, orFail, printJson } from '../output.ts';
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
    .option('--json', 'print JSON')
    .action(async (opts: { db: string; filing: string; out: string; json?: boolean }) => {
      const b = await withContext(opts.db, async (ctx) =>
        orFail(await exportBundle(ctx, { filingId: opts.filing, tsa: tsaFromEnv(process.env) })),
      );
      writeFileSync(opts.out, b.text);
      const summary = b.verification.ok ? b.verification.summary : null;
      if (opts.json)
        printJson({ out: opts.out, bytes: Buffer.byteLength(b.text), verified: b.verification.ok, summary });
      else
        process.stdout.write(
          `wrote ${opts.out}: filing ${opts.filing}, ${summary?.entries ?? '?'} log entries, head ${summary?.headHash ?? '?'}${
            summary?.timestamp
              ? `, timestamped ${summary.timestamp.time} by ${summary.timestamp.authority}`
              : `, no timestamp (${summary?.timestampReason ?? '?'})`
          }\n`,
        );
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
    .option('--json', 'print JSON')
    .action((file: string, opts: { key?: string; tsaCa?: string; json?: boolean }) => {
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
        if (!opts.json)
          process.stdout.write(`FAILED: ${v.fault.where}: ${v.fault.code}: ${v.fault.message}\n`);
        process.exitCode = EXIT_FINDING;
        return;
      }
      if (opts.json) return;
      process.stdout.write(`${verifiedLines(file, v.summary, opts.key !== undefined).join('\n')}\n`);
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
    .option('--json', 'print JSON')
    .action(async (opts: { db: string; org?: string; json?: boolean }) => {
      const results = await withContext(opts.db, async (ctx) => {
        const orgs = opts.org ? [orFail(await resolveOrganisation(ctx, opts.org))] : await organisations(ctx);
        const out = [];
        for (const o of orgs) out.push({ organisation: o.id, name: o.name, ...(await verifyLog(ctx, o.id)) });
        return out;
      });
      if (opts.json) printJson({ ok: results.every((r) => r.ok), chains: results });
      else
        for (const r of results)
          process.stdout.write(
            r.ok
              ? `OK ${r.name}: ${r.entries} entries, head ${r.headHash ?? '-'}\n`
              : `FAILED ${r.name}: ${r.fault.code}: ${r.fault.message}\n`,
          );
      if (!results.every((r) => r.ok)) process.exitCode = EXIT_FINDING;
    });
}

/** What `civic verify` prints for a bundle that holds. */
function verifiedLines(file: string, s: BundleSummary, keyChecked: boolean): string[] {
  return [
    `OK: every hash and signature holds in ${file}`,
    `organisation: ${s.organisation.name}${s.organisation.bin ? ` (BIN ${s.organisation.bin})` : ''}`,
    `signed by: key ${s.signedBy.fingerprint}`,
    keyChecked
      ? 'the signing key is the one given with --key'
      : 'authenticity: the signature proves only that the holder of this key wrote the bundle; compare the fingerprint above with the one the organisation publishes (or pass it with --key)',
    `filing: ${s.filing.id} ${s.filing.form} ${s.filing.periodFrom}–${s.filing.periodTo} (${s.filing.state}), content sha256 ${s.filing.contentHash}`,
    s.submission
      ? `submitted: ${s.submission.submittedOn} via ${s.submission.channel}, incoming number ${s.submission.incomingNumber}, ${s.submission.attachments} attachment(s)`
      : 'not submitted',
    ...(s.corrects.length ? [`corrects: ${s.corrects.join(' → ')}`] : []),
    `records: ${s.receipts} receipt(s), ${s.expenditures} expenditure(s)`,
    `log: ${s.entries} entries (${s.entriesWithContent} with content), head ${s.headHash}`,
    s.timestamp
      ? `timestamp: the head existed at ${s.timestamp.time}, says the time-stamping authority ${s.timestamp.authority} (RFC 3161; its signature and certificate hold); ${s.timestamp.reason}`
      : `timestamp: none (${s.timestampReason ?? 'the bundle carries no timestamp'}): the times in the bundle are the organisation's own clock`,
  ];
}

import { organisationKey } from '@civic/app';
import type { Command } from 'commander';
import { orFail, printJson } from '../output.ts';
import { withContext } from './obligations.command.ts';

/** `civic org key`: the organisation's public signing key and the fingerprint it publishes. */
export function registerOrg(program: Command): void {
  const org =
    program.commands.find((c) => c.name() === 'org') ??
    program.command('org').description("an organisation's settings");
  org
    .command('key')
    .description(
      "print the organisation's public signing key and its fingerprint (made on first need): publish the fingerprint so that readers of its bundles can compare it",
    )
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .option('--org <org>', 'organisation id, name or BIN')
    .option('--json', 'print JSON')
    .action(async (opts: { db: string; org?: string; json?: boolean }) => {
      const k = await withContext(opts.db, async (ctx) => orFail(await organisationKey(ctx, opts.org)));
      if (opts.json) printJson({ fingerprint: k.fingerprint, publicKey: k.publicKey });
      else
        process.stdout.write(
          `${k.organisation.name}: Ed25519 signing key\nfingerprint: ${k.fingerprint}\npublic key: ${k.publicKey}\n`,
        );
    });
}

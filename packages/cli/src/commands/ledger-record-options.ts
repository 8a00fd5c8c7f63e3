import type { Locale } from '@civic/core';
import type { Command } from 'commander';
import { printJson } from '../output.ts';
import { cliLang, LANG_OPTION_HELP } from '../lang/cli-lang.ts';
import { emptyListLine } from '../lang/ledger-record-report.ts';

// The options and printing shared by the ledger record commands (ledger-records.command.ts,
// ledger-movements.command.ts): JSON as it always was, else the lines in the language of --lang.

export interface Common {
  db: string;
  org?: string;
  lang?: string;
  json?: boolean;
}

export const dbOptions = (c: Command): Command =>
  c
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .option('--org <org>', 'organisation id, name or BIN')
    .option('--lang <lang>', `${LANG_OPTION_HELP} (JSON stays as it is)`)
    .option('--json', 'print JSON');

export function print(
  json: boolean | undefined,
  key: string,
  value: Record<string, unknown>,
  line: string,
): void {
  if (json) printJson({ [key]: value });
  else process.stdout.write(`${line}\n`);
}

export function printList(
  opts: Common,
  key: 'sources' | 'grants' | 'accounts' | 'receipts' | 'expenditures',
  values: Record<string, unknown>[],
  line: (v: Record<string, unknown>, lang: Locale) => string,
): void {
  if (opts.json) {
    printJson({ [key]: values });
    return;
  }
  const lang = cliLang(opts.lang);
  const lines = values.length ? values.map((v) => line(v, lang)) : [emptyListLine(key, lang)];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** "GRANT" or "GRANT=AMOUNT" (an allocation of an expenditure). */
export function parseAllocation(text: string): { grantId: string; amount?: string } {
  const at = text.lastIndexOf('=');
  return at < 0 ? { grantId: text } : { grantId: text.slice(0, at), amount: text.slice(at + 1) };
}

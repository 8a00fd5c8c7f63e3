import type { Command } from 'commander';
import { printJson } from '../output.ts';

// The options and printing shared by the ledger record commands (ledger-records, expenditure).

export interface Common {
  db: string;
  org?: string;
  json?: boolean;
}

export const dbOptions = (c: Command): Command =>
  c
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .option('--org <org>', 'organisation id, name or BIN')
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
  json: boolean | undefined,
  key: string,
  values: Record<string, unknown>[],
  line: (v: Record<string, unknown>) => string,
): void {
  if (json) printJson({ [key]: values });
  else process.stdout.write(values.length ? `${values.map(line).join('\n')}\n` : `no ${key}\n`);
}

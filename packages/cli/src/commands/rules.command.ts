import { listRulePacks, loadRulePack, validateRulePack, type RulePackSummary } from '@civic/app';
import { localText, type RulePack } from '@civic/core';
import type { Command } from 'commander';
import { cliLang, LANG_OPTION_HELP } from '../lang/cli-lang.ts';
import { allValidReport, rulesListReport, rulesShowReport, validatedLine } from '../lang/rules-report.ts';
import { CliError, describeError, EXIT_BAD_INPUT, orFail, printJson } from '../output.ts';

function summary(pack: RulePack, file: string): Record<string, unknown> {
  return {
    valid: true,
    file,
    id: pack.id,
    name: pack.name,
    jurisdiction: pack.jurisdiction,
    reviewed: pack.reviewed,
    obligations: pack.obligations.length,
    offences: pack.offences.length,
    limitations: pack.limitations.length,
    appeals: pack.appeals.length,
    calendarYears: pack.calendar.years.map((y) => y.year),
    unverifiedRules: countUnverified(pack),
  };
}

function countUnverified(pack: RulePack): number {
  const lists: readonly { verified: boolean }[][] = [
    pack.legalBases,
    pack.coveredActivities,
    pack.sourceCategories,
    pack.thresholds,
    pack.exemptions,
    pack.requirements,
    pack.obligations,
    pack.offences,
    pack.offences.flatMap((o) => o.tiers),
    pack.limitations,
    pack.appeals,
    pack.fineUnit?.values ?? [],
    pack.calendar.years.map((y) => y.status),
  ];
  return lists.reduce((n, list) => n + list.filter((r) => !r.verified).length, 0);
}

function fail(list: RulePackSummary[]): never {
  const bad = list.find((p) => !p.valid);
  if (bad?.error) throw new CliError(bad.error, EXIT_BAD_INPUT);
  throw new CliError({ code: 'RULE_PACK_INVALID', message: 'a rule pack is invalid' });
}

export function registerRules(program: Command): void {
  const rules = program.command('rules').description('rule packs: list, validate, show');

  rules
    .command('list')
    .description('every pack in the rules folder')
    .option('--lang <lang>', LANG_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(async (opts: { lang?: string; json?: boolean }) => {
      const lang = cliLang(opts.lang);
      const list = await listRulePacks();
      if (opts.json) {
        printJson({ packs: list });
        return;
      }
      const names = new Map<string, string>();
      for (const p of list.filter((q) => q.valid && lang !== 'en')) {
        const pack = await loadRulePack(p.id);
        if (pack.ok) names.set(p.id, localText(pack.value.name, lang));
      }
      process.stdout.write(rulesListReport(list, names, describeError, lang));
    });

  rules
    .command('validate')
    .argument('[file]', 'a pack file (default: every pack in the rules folder)')
    .option('--pack <id>', 'a pack id (rules/<id>.yaml)')
    .option('--lang <lang>', LANG_OPTION_HELP)
    .option('--json', 'print JSON')
    .description('validate a rule pack against the schema; exit 2 naming the YAML path of the first problem')
    .action(async (file: string | undefined, opts: { pack?: string; lang?: string; json?: boolean }) => {
      const lang = cliLang(opts.lang);
      const target = file ?? opts.pack;
      if (target === undefined) {
        const list = await listRulePacks();
        if (list.some((p) => !p.valid)) fail(list);
        if (opts.json)
          printJson({ valid: true, packs: list.map((p) => ({ id: p.id, file: p.file, valid: p.valid })) });
        else process.stdout.write(allValidReport(list, lang));
        return;
      }
      const pack = orFail(validateRulePack(target));
      const s = summary(pack, target);
      if (opts.json) printJson(s);
      else process.stdout.write(validatedLine(target, pack, countUnverified(pack), lang));
    });

  rules
    .command('show')
    .option('--pack <id|file>', 'rule pack id or file', 'kz')
    .option('--lang <lang>', LANG_OPTION_HELP)
    .option('--json', 'print the whole validated pack as JSON')
    .description(
      'show a rule pack: obligations, offences, limitation, appeals, fine unit, calendar; unverified rules marked',
    )
    .action(async (opts: { pack: string; lang?: string; json?: boolean }) => {
      const lang = cliLang(opts.lang);
      const pack = orFail(await loadRulePack(opts.pack));
      if (opts.json) printJson(pack);
      else process.stdout.write(rulesShowReport(pack, lang));
    });
}

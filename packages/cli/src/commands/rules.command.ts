import { listRulePacks, loadRulePack, validateRulePack, type RulePackSummary } from '@civic/app';
import { localText, type RulePack } from '@civic/core';
import type { Command } from 'commander';
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

const mark = (verified: boolean): string => (verified ? '' : ' [UNVERIFIED]');

function showText(pack: RulePack): string {
  const out: string[] = [`${pack.name} (${pack.id}, ${pack.jurisdiction}; reviewed ${pack.reviewed})`];
  const range = (r: { inForce: { from: string; to: string | null } }): string =>
    `${r.inForce.from} … ${r.inForce.to ?? 'in force'}`;
  out.push('', 'Obligations:');
  for (const o of pack.obligations)
    out.push(
      `  ${o.id} [${range(o)}] ${o.trigger.kind === 'period' ? o.trigger.period : 'each receipt'}, form ${o.form.id}, deadline ${JSON.stringify(o.deadline)}${mark(o.verified)}`,
    );
  out.push('', 'Offences:');
  for (const o of pack.offences) {
    out.push(`  ${o.article} [${range(o)}] ${localText(o.title, 'en').slice(0, 80)}${mark(o.verified)}`);
    for (const t of o.tiers)
      out.push(
        `    ${t.id}: fine ${JSON.stringify(t.fine)}${t.suspension ? `, suspension ≤ ${t.suspension.maxMonths ?? '?'} months` : ''}${t.ban ? ', ban' : ''}${t.repeatWindow ? `, repeat within ${t.repeatWindow}` : ''}${mark(t.verified)}`,
      );
  }
  out.push('', 'Limitation:');
  for (const l of pack.limitations)
    out.push(
      `  ${l.id} [${range(l)}] ${l.period} from ${l.from}${l.continuing ? `; continuing from ${l.continuing.from}${mark(l.continuing.verified)}` : ''}${mark(l.verified)}`,
    );
  out.push('', 'Appeals:');
  for (const a of pack.appeals)
    out.push(
      `  ${a.id}: complaint ${a.complaint.deadline.days} ${a.complaint.deadline.kind} from ${a.complaint.from}${mark(a.complaint.verified)}`,
    );
  if (pack.fineUnit) {
    out.push('', `Fine unit ${pack.fineUnit.code} (${pack.fineUnit.currency}): ${pack.fineUnit.rule.text}`);
    out.push(
      `  ${pack.fineUnit.values.map((v) => `${v.year}: ${v.value}${v.verified ? '' : '?'}`).join(', ')}`,
    );
  }
  out.push('', `Calendar (${pack.calendar.workWeek}):`);
  for (const y of pack.calendar.years)
    out.push(
      `  ${y.year}: ${y.holidays.length} holidays, ${y.movedDaysOff.length} moved, ${y.transfers.length} transfers; ${y.status.expectedWorkingDays ?? '?'} working days${mark(y.status.verified)}`,
    );
  return out.join('\n');
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
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const list = await listRulePacks();
      if (opts.json) printJson({ packs: list });
      else
        process.stdout.write(
          `${list.map((p) => `${p.id}\t${p.valid ? 'valid' : 'INVALID'}\t${p.name ?? (p.error ? describeError(p.error) : '')}`).join('\n')}\n`,
        );
    });

  rules
    .command('validate')
    .argument('[file]', 'a pack file (default: every pack in the rules folder)')
    .option('--pack <id>', 'a pack id (rules/<id>.yaml)')
    .option('--json', 'print JSON')
    .description('validate a rule pack against the schema; exit 2 naming the YAML path of the first problem')
    .action(async (file: string | undefined, opts: { pack?: string; json?: boolean }) => {
      const target = file ?? opts.pack;
      if (target === undefined) {
        const list = await listRulePacks();
        if (list.some((p) => !p.valid)) fail(list);
        if (opts.json)
          printJson({ valid: true, packs: list.map((p) => ({ id: p.id, file: p.file, valid: p.valid })) });
        else process.stdout.write(`${list.map((p) => `${p.id}: valid`).join('\n')}\n`);
        return;
      }
      const pack = orFail(validateRulePack(target));
      const s = summary(pack, target);
      if (opts.json) printJson(s);
      else
        process.stdout.write(
          `${target}: valid (${pack.id}: ${pack.obligations.length} obligations, ${pack.offences.length} offences, calendar ${pack.calendar.years.length} years, ${String(s['unverifiedRules'])} unverified rules)\n`,
        );
    });

  rules
    .command('show')
    .option('--pack <id|file>', 'rule pack id or file', 'kz')
    .option('--json', 'print the whole validated pack as JSON')
    .description(
      'show a rule pack: obligations, offences, limitation, appeals, fine unit, calendar; unverified rules marked',
    )
    .action(async (opts: { pack: string; json?: boolean }) => {
      const pack = orFail(await loadRulePack(opts.pack));
      if (opts.json) printJson(pack);
      else process.stdout.write(`${showText(pack)}\n`);
    });
}

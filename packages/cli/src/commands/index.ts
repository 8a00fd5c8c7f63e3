import type { Command } from 'commander';
import { registerDeadline } from './deadline.command.ts';
import { registerRules } from './rules.command.ts';
import { registerInit } from './init.command.ts';
import { registerClaim } from './claim.command.ts';
import { registerCases } from './case.command.ts';
import { registerDeadlines } from './deadlines.command.ts';

/** Every command of `civic`; each capability adds its register function here. */
export function registerCommands(program: Command): void {
  registerInit(program);
  registerDeadline(program);
  registerRules(program);
  registerClaim(program);
  registerCases(program);
  registerDeadlines(program);
}

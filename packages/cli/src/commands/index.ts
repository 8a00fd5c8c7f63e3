import type { Command } from 'commander';
import { registerInit } from './init.command.ts';

/** Every command of `civic`; each capability adds its register function here. */
export function registerCommands(program: Command): void {
  registerInit(program);
}

import type { Command } from 'commander';
import { setContextActor } from '@civic/app';
import { cliActor } from '../cli-actor.ts';
import { registerObligations } from './obligations.command.ts';
import { registerFilings } from './filing.command.ts';
import { registerBundle } from './bundle.command.ts';
import { registerDeadline } from './deadline.command.ts';
import { registerRules } from './rules.command.ts';
import { registerInit } from './init.command.ts';
import { registerImportBank, registerImportRates } from './import-bank.command.ts';
import { registerLedger } from './ledger.command.ts';
import { registerCandidates } from './candidates.command.ts';
import { registerLedgerRecords } from './ledger-records.command.ts';
import { registerClaim } from './claim.command.ts';
import { registerCases } from './case.command.ts';
import { registerDeadlines } from './deadlines.command.ts';
import { registerWaves } from './waves.command.ts';
import { registerBrief } from './brief.command.ts';
import { registerFeed } from './feed.command.ts';
import { registerIncidents } from './incidents.command.ts';
import { registerPlaces } from './places.command.ts';
import { registerBackup } from './backup.command.ts';
import { registerOrg } from './org.command.ts';
import { registerNotify } from './notify.command.ts';
import { registerEncrypt } from './encrypt.command.ts';
import { registerKey } from './key.command.ts';
import { registerLock } from './lock.command.ts';
import { registerDuress } from './duress.command.ts';

/** Every command of `civic`; each capability adds its register function here. */
export function registerCommands(program: Command): void {
  // Every database a command opens is changed by the CLI's actor (`--actor NAME`, else the
  // operating-system user; channel cli): the use cases that change data record it (app audited.ts).
  setContextActor(cliActor);
  registerInit(program);
  registerEncrypt(program);
  registerKey(program);
  registerLock(program);
  registerDuress(program);
  registerObligations(program);
  registerFilings(program);
  registerBundle(program);
  registerOrg(program);
  registerImportBank(program);
  registerImportRates(program);
  registerLedger(program);
  registerCandidates(program);
  registerLedgerRecords(program);
  registerWaves(program);
  registerBrief(program);
  registerFeed(program);
  registerIncidents(program);
  registerPlaces(program);
  registerDeadline(program);
  registerRules(program);
  registerClaim(program);
  registerCases(program);
  registerDeadlines(program);
  registerBackup(program);
  registerNotify(program);
}

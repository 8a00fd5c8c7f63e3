import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import {
  createOrganisation,
  freshContext,
  listAudit,
  listForeignCandidates,
  setDefaultKeyFile,
  testDialects,
} from '@civic/app';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { setCliActorName } from './cli-actor.ts';
import { registerCommands } from './commands/index.ts';

// Changes made with the CLI go into the server's audit trail with the actor (`--actor NAME`, else
// the operating-system user) and `channel: cli` (issue 15). Real parts: the CLI's own commands run in
// this process (commander, as bin/civic.js wires them), a real 1C statement, SQLite and PostgreSQL.
const dir = mkdtempSync(join(tmpdir(), 'civic-cli-audit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ACCOUNT = 'KZ756010002000123456';
const STATEMENT = [
  '1CClientBankExchange',
  'ВерсияФормата=1.02',
  'Кодировка=UTF-8',
  'ДатаНачала=01.03.2021',
  'ДатаКонца=31.03.2021',
  `РасчСчет=${ACCOUNT}`,
  'СекцияРасчСчет',
  'ДатаНачала=01.03.2021',
  'ДатаКонца=31.03.2021',
  `РасчСчет=${ACCOUNT}`,
  'НачальныйОстаток=250000,00',
  'ВсегоПоступило=2231500,00',
  'ВсегоСписано=0,00',
  'КонечныйОстаток=2481500,00',
  'КонецРасчСчет',
  'СекцияДокумент=Платежное поручение',
  'НомерДокумента=301',
  'ДатаДокумента=05.03.2021',
  'ДатаОперации=05.03.2021',
  'СуммаПриход=2231500,00',
  'СуммаРасход=',
  'ПлательщикНаименование=National Endowment for Democracy',
  'ПлательщикИИК=US33000000001234567890',
  'ПлательщикКБЕ=21',
  'ПолучательНаименование=ОФ «Эхо»',
  `ПолучательИИК=${ACCOUNT}`,
  'ПолучательКБЕ=18',
  'НазначениеПлатежа=Grant 2021-117',
  'КонецДокумента',
  'КонецФайла',
].join('\r\n');

/** Runs `civic ARGS` in this process, the way bin/civic.js does (without its exit). */
async function civic(args: readonly string[]): Promise<void> {
  const program = new Command('civic')
    .option('--key-file <file>')
    .option('--actor <name>')
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} });
  program.hook('preAction', () => {
    const o = program.opts<{ keyFile?: string; actor?: string }>();
    setDefaultKeyFile(o.keyFile);
    setCliActorName(o.actor);
  });
  registerCommands(program);
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    await program.parseAsync([...args], { from: 'user' });
  } finally {
    process.stdout.write = write;
  }
}

for (const dialect of testDialects()) {
  describe(`CLI changes in the audit trail on ${dialect}`, () => {
    it('records the actor given with --actor, else the operating-system user, with channel cli', async () => {
      const base = await freshContext(dialect);
      try {
        const org = await createOrganisation(base, { name: 'Echo' });
        if (!org.ok) throw new Error(org.error.message);
        const file = join(dir, `march-${dialect}.txt`);
        writeFileSync(file, STATEMENT);

        await civic(['import', 'bank', file, '--db', base.url, '--json', '--actor', 'Aigerim (accountant)']);
        const [candidate] = await listForeignCandidates(base, org.value.id);
        if (!candidate) throw new Error('the import proposed no candidate');
        await civic(['candidates', 'reject', candidate.id, '--db', base.url, '--json']);

        const trail = await listAudit(base, { organisationId: org.value.id });
        const imported = trail.find((e) => e.entity === 'bank-import');
        expect(imported).toMatchObject({
          action: 'create',
          actor: { userId: null, label: 'Aigerim (accountant)' },
          channel: 'cli',
          after: { fileName: `march-${dialect}.txt`, imported: 1 },
        });
        const rejected = trail.find((e) => e.entity === 'foreign-candidate');
        expect(rejected).toMatchObject({
          action: 'reject',
          entityId: candidate.id,
          actor: { userId: null, label: userInfo().username },
          channel: 'cli',
        });
      } finally {
        setCliActorName(undefined);
        await base.close();
      }
    });
  });
}

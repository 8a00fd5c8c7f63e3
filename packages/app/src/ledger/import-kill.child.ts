// A child process for import-kill.test.ts: imports a statement file in chunks, as `civic import
// bank` does (one transaction with its audit entry), and says on stdout how far it has got, so that
// the test can kill it in the middle. Arguments: DATABASE_URL FILE ORGANISATION_ID.
import { closeContext, openContext } from '../context.ts';
import { withAudit } from '../audit/with-audit.ts';
import { fileChunks, importBankStatement } from './import-bank-statement.ts';

const [url = '', file = '', org = ''] = process.argv.slice(2);
const ctx = await openContext(url, { migrate: false });
const r = await withAudit(ctx, { userId: null, label: 'kill test', channel: 'cli' }, async (tx, audit) => {
  const result = await importBankStatement(tx, {
    source: fileChunks(file, 64 * 1024),
    fileName: file,
    org,
    onProgress: (done) => process.stdout.write(`progress ${String(done)}\n`),
  });
  if (result.ok)
    await audit.record({
      entity: 'bank-import',
      entityId: result.value.batchId,
      action: 'create',
      organisationId: org,
      after: { read: result.value.read },
    });
  return result;
});
process.stdout.write(r.ok ? `imported ${String(r.value.imported)}\n` : `failed ${r.error.code}\n`);
await closeContext(ctx);

// A key change killed at a marked point (key-change-crash.test.ts): SIGKILL right after STEP, so
// no `finally`, no close, no exit handler runs, as in a crash or a power cut of the process.
//   node --import tsx key-change-crash.child.ts DB OLD NEW STEP
import { sql } from 'kysely';
import { changeSqliteKey } from './change-key.ts';

const [db = '', oldKey = '', newKey = '', crashAt = ''] = process.argv.slice(2);
await changeSqliteKey(db, Buffer.from(oldKey), Buffer.from(newKey), {
  cost: { N: 2 ** 10, r: 8, p: 1 },
  record: async (tx) => {
    await sql`INSERT INTO entry (what) VALUES ('key-change')`.execute(tx.db);
  },
  afterStep: (step) => {
    if (step === crashAt) process.kill(process.pid, 'SIGKILL');
  },
});

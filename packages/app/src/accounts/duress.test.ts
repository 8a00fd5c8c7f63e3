import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../audit/with-audit.ts';
import { freshContext, testDialects } from '../test-support.ts';
import { duressSignIn, setDuressPassword } from './duress.ts';
import { changePassword, createUser } from './users.ts';

// The duress password and the accounts' passwords never coincide, whichever is set first (issue 15).
// Real parts: argon2id, SQLite and PostgreSQL.
const REAL = 'the real one, long enough';
const DURESS = 'the decoy one, long enough';

describe.each(testDialects())('duress password and account passwords (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof freshContext>>;
  let userId = '';
  const actor = systemActor('test');
  beforeAll(async () => {
    ctx = await freshContext(dialect);
    const u = await createUser(ctx, actor, { email: 'a@x.test', name: 'A', password: REAL });
    if (!u.ok) throw new Error(u.error.message);
    userId = u.value.id;
  });
  afterAll(() => ctx.close());

  it('a duress password is never an account password, nor an account password the duress one', async () => {
    const same = await setDuressPassword(ctx, actor, { password: REAL });
    expect(same.ok ? null : same.error.code).toBe('DURESS_PASSWORD_IN_USE');
    expect((await setDuressPassword(ctx, actor, { password: DURESS })).ok).toBe(true);
    const made = await createUser(ctx, actor, { email: 'b@x.test', name: 'B', password: DURESS });
    expect(made.ok ? null : [made.error.code, made.error.field]).toEqual([
      'DURESS_PASSWORD_IN_USE',
      'password',
    ]);
    const changed = await changePassword(ctx, actor, userId, { current: REAL, next: DURESS });
    expect(changed.ok ? null : [changed.error.code, changed.error.field]).toEqual([
      'DURESS_PASSWORD_IN_USE',
      'newPassword',
    ]);
  });

  it('recognises a duress sign-in only with an active account and the duress password', async () => {
    const hit = await duressSignIn(ctx, { email: 'a@x.test', password: DURESS });
    expect(hit.ok && hit.value?.id).toBe(userId);
    for (const input of [
      { email: 'a@x.test', password: REAL },
      { email: 'nobody@x.test', password: DURESS },
    ]) {
      const miss = await duressSignIn(ctx, input);
      expect(miss.ok && miss.value).toBeUndefined();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../audit/with-audit.ts';
import { closeContext } from '../context.ts';
import { organisations } from '../organisations.ts';
import { freshContext, testDialects } from '../test-support.ts';
import { openDecoy, openDecoyFromSeed } from './decoy.ts';
import { setDuressPassword } from './duress.ts';
import { instanceLock, lockInstance } from './instance-lock.ts';
import { resolveSession } from './sessions.ts';
import { createUser } from './users.ts';
import { findUserByEmail } from '@civic/store';

// The decoy's seed (issue 15): what a duress sign-in writes into the lock mark opens, in another
// server process, the same decoy — the same organisation and account, the same session. Real
// parts: SQLite and PostgreSQL for the real database, in-memory SQLite for each decoy.
const NOW = new Date('2026-12-06T09:00:00Z');

describe.each(testDialects())('a decoy opened again from its seed (%s)', (dialect) => {
  let real: Awaited<ReturnType<typeof freshContext>>;
  beforeAll(async () => {
    real = await freshContext(dialect, () => NOW);
    const u = await createUser(real, systemActor('test'), {
      email: 'director@echo.test',
      name: 'Директор',
      password: 'the real password 2026',
      instanceAdmin: true,
      locale: 'kk',
    });
    if (!u.ok) throw new Error(u.error.message);
    const d = await setDuressPassword(real, systemActor('test'), {
      password: 'the decoy password 2026',
      decoyName: 'Эхо',
    });
    if (!d.ok) throw new Error(d.error.message);
  });
  afterAll(() => real.close());

  it('the lock mark carries the seed; a second decoy from it has the same organisation, account and session', async () => {
    const user = await findUserByEmail(real.store.db, 'director@echo.test');
    if (!user) throw new Error('no user');
    const first = await openDecoy(real, user, 'Firefox');
    try {
      const locked = await lockInstance(
        real,
        { userId: user.id, label: user.email, channel: 'web' },
        first.seed,
      );
      expect(locked.ok).toBe(true);
      const mark = await instanceLock(real);
      expect(mark?.decoy).toEqual(first.seed);
      if (!mark?.decoy) return;
      const second = await openDecoyFromSeed(real, mark.decoy);
      try {
        expect(await organisations(second)).toEqual(await organisations(first.ctx));
        expect((await organisations(second)).map((o) => o.name)).toEqual(['Эхо']);
        const there = await resolveSession(second, first.session.token);
        expect(there?.user).toMatchObject({ email: 'director@echo.test', locale: 'kk' });
        expect(there?.memberships.map((m) => m.organisationId)).toEqual([first.seed.organisationId]);
        expect(await resolveSession(second, 'not a token of anyone')).toBeUndefined();
        // The seed holds only the session's SHA-256, never the token.
        expect(JSON.stringify(mark)).not.toContain(first.session.token);
      } finally {
        await closeContext(second);
      }
    } finally {
      await closeContext(first.ctx);
    }
  });
});

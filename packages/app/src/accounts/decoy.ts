import { createHash, randomBytes } from 'node:crypto';
import { insertSession, insertUser, readDuress, upsertMembership, type DecoySeedRow } from '@civic/store';
import { closeContext, openContext, type AppContext } from '../context.ts';
import { newId } from '../ids.ts';
import { createOrganisation } from '../organisations.ts';
import type { DuressUser } from './duress.ts';
import { hashPassword } from './passwords.ts';
import { loadAccess } from './principal.ts';
import { openSession, type OpenedSession } from './sessions.ts';

/**
 * What makes a decoy the same in every server process (issue 15): kept in the lock mark a duress
 * sign-in writes, so that another process of the instance opens the same organisation (same id and
 * name), the same account and the same session instead of answering «locked».
 */
export type DecoySeed = DecoySeedRow;

/** A decoy: an in-memory database holding one empty organisation and the signing-in user's look-alike. */
export interface Decoy {
  readonly ctx: AppContext;
  readonly session: OpenedSession;
  /** The seed another server process opens the same decoy from (its session included). */
  readonly seed: DecoySeed;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * A NEW in-memory database (nothing of the real one is in it) holding the seed's empty
 * organisation and account. The account takes the duress password's hash, read from the real
 * database: the duress password opens the decoy again after signing out of it (the person watching
 * may ask); the account's real password is only a wrong one here. No audit entry is written.
 */
async function buildDecoy(real: AppContext, seed: Omit<DecoySeed, 'sessions'>): Promise<AppContext> {
  const d = await readDuress(real.store.db);
  const ctx = await openContext(':memory:', { now: real.now, env: {} });
  try {
    // Made "at" the seed's time: the same organisation, to the second, in every server process.
    const at = new Date(seed.createdAt);
    const org = await createOrganisation(
      { ...ctx, now: () => at },
      { id: seed.organisationId, name: seed.organisationName },
    );
    if (!org.ok) throw new Error(org.error.message);
    await insertUser(ctx.store.db, {
      id: seed.userId,
      email: seed.email,
      name: seed.name,
      passwordHash: d?.passwordHash ?? (await hashPassword(randomBytes(32).toString('base64url'))),
      locale: seed.locale,
      instanceAdmin: seed.instanceAdmin,
      createdAt: seed.createdAt,
    });
    await upsertMembership(ctx.store.db, {
      userId: seed.userId,
      organisationId: seed.organisationId,
      role: seed.role,
      createdAt: seed.createdAt,
    });
    return ctx;
  } catch (e) {
    await closeContext(ctx);
    throw e;
  }
}

/**
 * Opens the decoy for a duress sign-in: an empty organisation (the duress setting's name, else the
 * name of the user's first organisation), an account with the user's e-mail, name, language and
 * role there, and a session; with the seed that opens the same decoy in another server process.
 */
export async function openDecoy(real: AppContext, user: DuressUser, userAgent?: string): Promise<Decoy> {
  const d = await readDuress(real.store.db);
  const { memberships } = await loadAccess(real, user.id);
  const first = memberships[0];
  const base: Omit<DecoySeed, 'sessions'> = {
    organisationId: newId('org'),
    organisationName: d?.decoyName ?? first?.organisationName ?? 'Организация',
    userId: newId('usr'),
    email: user.email,
    name: user.name,
    locale: user.locale,
    instanceAdmin: user.instanceAdmin,
    role: first?.role ?? 'admin',
    createdAt: real.now().toISOString(),
  };
  const ctx = await buildDecoy(real, base);
  try {
    const session = await openSession(ctx, base.userId, userAgent);
    const opened = {
      id: sha256(session.token),
      createdAt: real.now().toISOString(),
      expiresAt: session.expiresAt,
      userAgent: userAgent ? userAgent.slice(0, 300) : null,
    };
    return { ctx, session, seed: { ...base, sessions: [opened] } };
  } catch (e) {
    await closeContext(ctx);
    throw e;
  }
}

/** Opens, in this server process, the decoy another process opened (the seed of its lock mark). */
export async function openDecoyFromSeed(real: AppContext, seed: DecoySeed): Promise<AppContext> {
  const ctx = await buildDecoy(real, seed);
  try {
    for (const s of seed.sessions)
      await insertSession(ctx.store.db, {
        id: s.id,
        userId: seed.userId,
        createdAt: s.createdAt,
        lastSeenAt: s.createdAt,
        expiresAt: s.expiresAt,
        userAgent: s.userAgent,
      });
    return ctx;
  } catch (e) {
    await closeContext(ctx);
    throw e;
  }
}

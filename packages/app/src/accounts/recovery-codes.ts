import { createHash, randomBytes } from 'node:crypto';
import type { AppContext } from '../context.ts';
import { replaceRecoveryCodes, useRecoveryCode } from '@civic/store';

/** How many recovery codes confirming the second factor gives. */
export const RECOVERY_CODE_COUNT = 10;
/** Letters and digits that cannot be mistaken for each other when copied by hand (no 0/o, 1/l/i). */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A recovery code as typed: dashes and spaces dropped, lower case. */
const normalise = (code: string): string => code.replace(/[\s-]/g, '').toLowerCase();
const hashOf = (code: string): string => createHash('sha256').update(normalise(code)).digest('hex');

/** Whether text has the shape of a recovery code (`xxxx-xxxx`), not of a 6-digit TOTP code. */
export const looksLikeRecoveryCode = (text: string): boolean => /^[a-z2-9]{8}$/.test(normalise(text));

function newCode(): string {
  const bytes = randomBytes(8);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length] ?? 'a').join('');
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** Makes a new set of recovery codes for a user (replacing any old set); only their hashes are kept. */
export async function issueRecoveryCodes(ctx: AppContext, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  await replaceRecoveryCodes(ctx.store.db, userId, codes.map(hashOf));
  return codes;
}

/** Spends a recovery code; true when it was one of the user's unused codes. */
export async function spendRecoveryCode(ctx: AppContext, userId: string, code: string): Promise<boolean> {
  if (!looksLikeRecoveryCode(code)) return false;
  return useRecoveryCode(ctx.store.db, userId, hashOf(code), ctx.now().toISOString());
}

/** Forgets a user's recovery codes (the second factor turned off). */
export async function dropRecoveryCodes(ctx: AppContext, userId: string): Promise<void> {
  await replaceRecoveryCodes(ctx.store.db, userId, []);
}

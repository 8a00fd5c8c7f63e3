import { hashOnThread, verifyOnThread } from './hash-thread.ts';
import { PasswordQueue } from './password-queue.ts';

/** The smallest password length we accept (NIST SP 800-63B asks for at least 8). */
export const MIN_PASSWORD_LENGTH = 10;

/**
 * An argon2id PHC hash with the library's defaults (19 MiB, 2 passes, 1 lane: OWASP's minimum),
 * computed on the process's low-priority hashing thread (hash-thread.ts).
 */
export function hashPassword(password: string): Promise<string> {
  return hashOnThread(password);
}

/**
 * The process's one queue for password verifications (one at a time, four waiting): see
 * {@link PasswordQueue}. Sign-ins beyond it answer AUTH_BUSY (429) without hashing anything.
 */
export const passwordQueue = new PasswordQueue(1, 4);

/** A password check's outcome: `busy` when the queue was full and nothing was checked. */
export type PasswordCheck = 'match' | 'mismatch' | 'busy';

let dummy: Promise<string> | undefined;
let verifications = 0;

/**
 * How many argon2 verifications this process has run: what the login throttle must bound (its
 * tests and the abuse bench read it; issue 12, defect 9).
 */
export function passwordVerifications(): number {
  return verifications;
}

/**
 * Checks a password against a stored hash, through {@link passwordQueue}; with no hash (unknown
 * user) it verifies against a dummy hash, so that an unknown e-mail costs as long as a wrong
 * password and answers `mismatch`. `busy`: the queue was full, no hash was computed. The hash is
 * computed on the hashing thread, at low priority (hash-thread.ts).
 */
export async function verifyPassword(
  storedHash: string | undefined,
  password: string,
  queue: PasswordQueue = passwordQueue,
): Promise<PasswordCheck> {
  const r = await queue.run(async () => {
    verifications += 1;
    if (storedHash === undefined) {
      dummy ??= hashOnThread('dummy password for unknown users');
      await verifyOnThread(await dummy, password);
      return false;
    }
    return verifyOnThread(storedHash, password);
  });
  if (!r.ran) return 'busy';
  return r.value ? 'match' : 'mismatch';
}

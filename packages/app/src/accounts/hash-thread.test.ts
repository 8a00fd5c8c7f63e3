import { getPriority } from 'node:os';
import { describe, expect, it } from 'vitest';
import { HASH_THREAD_NICE, hashOnThread, hashThreadInfo, verifyOnThread } from './hash-thread.ts';
import { verifyPassword } from './passwords.ts';
import { PasswordQueue } from './password-queue.ts';

// Real parts: the worker thread, argon2id, and the kernel's own account of the thread's niceness.
describe('the password hashing thread (issue 12: the server under abuse)', () => {
  it('hashes and verifies argon2id on a thread of its own, at the lowest priority, the main thread untouched', async () => {
    const before = getPriority();
    const hash = await hashOnThread('correct horse battery');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyOnThread(hash, 'correct horse battery')).toBe(true);
    expect(await verifyOnThread(hash, 'wrong horse battery')).toBe(false);
    expect(await verifyOnThread('not a hash', 'x')).toBe(false);
    const info = await hashThreadInfo();
    if (process.platform === 'linux') {
      expect(info.tid).not.toBe(process.pid);
      expect(info.nice).toBe(HASH_THREAD_NICE);
    }
    expect(getPriority()).toBe(before);
  });

  it('never computes two at once, even when six are asked in parallel', async () => {
    const hash = await hashOnThread('a password of ten');
    const asked = Array.from({ length: 20 }, (_, i) =>
      verifyOnThread(hash, i === 7 ? 'a password of ten' : `no ${i}`),
    );
    const answers = await Promise.all(asked);
    expect(answers.filter(Boolean)).toHaveLength(1);
    expect((await hashThreadInfo()).maxRunning).toBe(1);
  });

  it('a full queue answers busy without hashing: a burst costs at most 1 running + 4 waiting', async () => {
    const queue = new PasswordQueue(1, 4);
    const hash = await hashOnThread('a password of ten');
    const answers = await Promise.all(Array.from({ length: 40 }, () => verifyPassword(hash, 'wrong', queue)));
    expect(answers.filter((a) => a === 'mismatch')).toHaveLength(5);
    expect(answers.filter((a) => a === 'busy')).toHaveLength(35);
  });
});

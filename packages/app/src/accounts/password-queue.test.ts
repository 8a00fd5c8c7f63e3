import { describe, expect, it } from 'vitest';
import { PasswordQueue } from './password-queue.ts';
import { passwordQueue, passwordVerifications, verifyPassword } from './passwords.ts';

// Real parts: the queue and argon2id (@node-rs/argon2). No timing: tasks are held open by hand.
const held = () => {
  let release = (): void => undefined;
  const gate = new Promise<void>((r) => (release = r));
  return { gate, release };
};

describe('the password hashing queue', () => {
  it('runs one task at a time, queues four, refuses the next without running it', async () => {
    const q = new PasswordQueue(1, 4);
    const { gate, release } = held();
    const started: number[] = [];
    const tasks = Array.from({ length: 5 }, (_, i) =>
      q.run(async () => {
        started.push(i);
        await gate;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0]);
    expect(q.stats()).toEqual({ running: 1, waiting: 4, refused: 0 });
    let ranSixth = false;
    const sixth = await q.run(async () => {
      ranSixth = true;
      return 6;
    });
    expect(sixth).toEqual({ ran: false });
    expect(ranSixth).toBe(false);
    expect(q.stats().refused).toBe(1);
    release();
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3, 4].map((value) => ({ ran: true, value })));
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(q.stats()).toEqual({ running: 0, waiting: 0, refused: 1 });
  });

  it('frees the slot when a task fails', async () => {
    const q = new PasswordQueue(1, 0);
    await expect(q.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await q.run(async () => 'next')).toEqual({ ran: true, value: 'next' });
  });

  it('a password check that finds the queue full is busy and hashes nothing', async () => {
    const { gate, release } = held();
    const blockers = Array.from({ length: 5 }, () => passwordQueue.run(() => gate));
    const before = passwordVerifications();
    expect(await verifyPassword(undefined, 'a wrong password')).toBe('busy');
    expect(passwordVerifications()).toBe(before);
    release();
    await Promise.all(blockers);
    expect(await verifyPassword(undefined, 'a wrong password')).toBe('mismatch');
    expect(passwordVerifications()).toBe(before + 1);
  });
});

import { EventEmitter } from 'node:events';
import { PasswordQueue } from '@civic/app';
import { describe, expect, it } from 'vitest';
import { HashSlots, servePrimarySlots, workerSlotGate, type SlotPeer } from './hash-slots.ts';

/**
 * Two server processes and the primary, joined by in-memory channels carrying the same messages
 * as the cluster's IPC (asynchronously, like it).
 */
function cluster(capacity: number, maxWaiting: number) {
  const slots = new HashSlots(capacity, maxWaiting);
  const primary = servePrimarySlots(slots);
  const peers = new Map<string, SlotPeer>();
  const worker = (id: string) => {
    const inbox = new EventEmitter();
    const peer: SlotPeer = { id, send: (m) => setImmediate(() => inbox.emit('message', m)) };
    peers.set(id, peer);
    const queue = new PasswordQueue(1, 4);
    queue.setGate(
      workerSlotGate({
        send: (m) => setImmediate(() => primary.onMessage(peer, m)),
        on: (event, listener) => inbox.on(event, listener),
      }),
    );
    return queue;
  };
  return { slots, primary, peers, a: worker('1'), b: worker('2') };
}

const gate = () => {
  let open = (): void => undefined;
  const p = new Promise<void>((r) => (open = r));
  return { p, open };
};
const tick = () => new Promise((r) => setImmediate(r));
const settle = async () => {
  for (let i = 0; i < 10; i++) await tick();
};

describe('password hashing slots shared by the server processes', () => {
  it('one hash at a time between two processes: the second waits for the first to give its slot back', async () => {
    const c = cluster(1, 2);
    const order: string[] = [];
    const first = gate();
    const ranA = c.a.run(async () => {
      order.push('a starts');
      await first.p;
      order.push('a ends');
    });
    await settle();
    const ranB = c.b.run(async () => {
      order.push('b starts');
    });
    await settle();
    expect(order).toEqual(['a starts']);
    expect(c.slots.stats()).toEqual({ inUse: 1, waiting: 1 });
    first.open();
    await Promise.all([ranA, ranB]);
    expect(order).toEqual(['a starts', 'a ends', 'b starts']);
    await settle();
    expect(c.slots.stats()).toEqual({ inUse: 0, waiting: 0 });
  });

  it('a full shared queue refuses at once: the task never runs (the sign-in answers AUTH_BUSY)', async () => {
    const c = cluster(1, 0);
    const first = gate();
    const ranA = c.a.run(() => first.p);
    await settle();
    let ran = false;
    const refused = await c.b.run(async () => {
      ran = true;
    });
    expect(refused).toEqual({ ran: false });
    expect(ran).toBe(false);
    expect(c.b.stats().refused).toBe(1);
    first.open();
    await expect(ranA).resolves.toEqual({ ran: true, value: undefined });
  });

  it('a process that ends frees its slot and its place in the queue', () => {
    const slots = new HashSlots(1, 4);
    expect(slots.acquire('1', 1)).toBe('granted');
    expect(slots.acquire('2', 1)).toBe('queued');
    expect(slots.acquire('3', 1)).toBe('queued');
    expect(slots.drop('2')).toEqual([]);
    expect(slots.drop('1')).toEqual([{ owner: '3', id: 1 }]);
    expect(slots.stats()).toEqual({ inUse: 1, waiting: 0 });
    expect(slots.release('3')).toEqual([]);
    expect(slots.stats()).toEqual({ inUse: 0, waiting: 0 });
  });
});

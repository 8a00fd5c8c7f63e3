import type { HashSlotGate } from '@civic/app';

/**
 * Password hashing slots shared by the server's processes (issue 12, server under abuse). Each
 * process checks one password at a time (app PasswordQueue), but with one process per core a
 * burst spread over them ran one argon2id per core at once — every core busy, and the health
 * route waiting. The primary process holds `capacity` slots (default: one fewer than the cores,
 * at least one) and a short queue; a process asks for a slot before each hash and gives it back
 * after. Pure bookkeeping here; `servePrimarySlots` and `workerSlotGate` carry it over the
 * cluster's IPC channel.
 */
export class HashSlots {
  private readonly held = new Map<string, number>();
  private readonly waiting: { owner: string; id: number }[] = [];

  constructor(
    readonly capacity: number,
    readonly maxWaiting: number,
  ) {}

  private inUse(): number {
    let n = 0;
    for (const v of this.held.values()) n += v;
    return n;
  }

  /** A request for a slot: granted now, queued (granted later by `release`/`drop`), or refused. */
  acquire(owner: string, id: number): 'granted' | 'queued' | 'refused' {
    if (this.inUse() < this.capacity) {
      this.held.set(owner, (this.held.get(owner) ?? 0) + 1);
      return 'granted';
    }
    if (this.waiting.length >= this.maxWaiting) return 'refused';
    this.waiting.push({ owner, id });
    return 'queued';
  }

  /** A slot given back by `owner`: the requests granted in its place. */
  release(owner: string): { owner: string; id: number }[] {
    const n = this.held.get(owner) ?? 0;
    if (n <= 1) this.held.delete(owner);
    else this.held.set(owner, n - 1);
    return this.grantWaiting();
  }

  /** A process that ended: its slots and its waiting requests are dropped; what is granted instead. */
  drop(owner: string): { owner: string; id: number }[] {
    this.held.delete(owner);
    for (let i = this.waiting.length - 1; i >= 0; i--)
      if (this.waiting[i]?.owner === owner) this.waiting.splice(i, 1);
    return this.grantWaiting();
  }

  private grantWaiting(): { owner: string; id: number }[] {
    const granted: { owner: string; id: number }[] = [];
    while (this.inUse() < this.capacity) {
      const next = this.waiting.shift();
      if (!next) break;
      this.held.set(next.owner, (this.held.get(next.owner) ?? 0) + 1);
      granted.push(next);
    }
    return granted;
  }

  /** Slots in use and requests waiting (tests read it). */
  stats(): { inUse: number; waiting: number } {
    return { inUse: this.inUse(), waiting: this.waiting.length };
  }
}

/** The messages between a server process and the primary. */
type SlotMessage =
  | { civic: 'hash-acquire'; id: number }
  | { civic: 'hash-release' }
  | { civic: 'hash-slot'; id: number; granted: boolean };

const isSlotMessage = (m: unknown): m is SlotMessage =>
  typeof m === 'object' &&
  m !== null &&
  typeof (m as { civic?: unknown }).civic === 'string' &&
  (m as { civic: string }).civic.startsWith('hash-');

/** What the primary needs of a server process: its id, a way to message it. */
export interface SlotPeer {
  readonly id: string;
  send(message: SlotMessage): void;
}

/**
 * The primary's side: answers `hash-acquire` and `hash-release` from its processes; call
 * `peerEnded` when one exits. Returns the handlers to wire to the cluster's events.
 */
export function servePrimarySlots(slots: HashSlots): {
  onMessage(peer: SlotPeer, message: unknown): void;
  peerEnded(id: string, peers: (id: string) => SlotPeer | undefined): void;
} {
  const grant = (granted: { owner: string; id: number }[], peers: (id: string) => SlotPeer | undefined) => {
    for (const g of granted) peers(g.owner)?.send({ civic: 'hash-slot', id: g.id, granted: true });
  };
  const known = new Map<string, SlotPeer>();
  const peerOf = (id: string) => known.get(id);
  return {
    onMessage(peer, message) {
      if (!isSlotMessage(message)) return;
      known.set(peer.id, peer);
      if (message.civic === 'hash-acquire') {
        const r = slots.acquire(peer.id, message.id);
        if (r !== 'queued') peer.send({ civic: 'hash-slot', id: message.id, granted: r === 'granted' });
      } else if (message.civic === 'hash-release') grant(slots.release(peer.id), peerOf);
    },
    peerEnded(id, peers) {
      known.delete(id);
      grant(slots.drop(id), (o) => known.get(o) ?? peers(o));
    },
  };
}

/**
 * A server process's side: a gate for its PasswordQueue that asks the primary over `channel`
 * (process.send / process.on('message') in a cluster worker).
 */
export function workerSlotGate(channel: {
  send(message: SlotMessage): void;
  on(event: 'message', listener: (message: unknown) => void): void;
}): HashSlotGate {
  let next = 0;
  const pending = new Map<number, (granted: boolean) => void>();
  channel.on('message', (m) => {
    if (!isSlotMessage(m) || m.civic !== 'hash-slot') return;
    pending.get(m.id)?.(m.granted);
    pending.delete(m.id);
  });
  return {
    acquire() {
      const id = ++next;
      return new Promise<boolean>((resolve) => {
        pending.set(id, resolve);
        channel.send({ civic: 'hash-acquire', id });
      });
    },
    release() {
      channel.send({ civic: 'hash-release' });
    },
  };
}

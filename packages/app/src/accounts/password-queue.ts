/**
 * At most `concurrency` password hashes or verifications at a time in this process, and at most
 * `maxWaiting` more waiting their turn; a task that finds the queue full is refused at once and
 * never run (issue 12, server under abuse). argon2id costs ~19 MiB and tens of milliseconds of a
 * core per check: run in parallel, a burst of them takes every core from the event loop and the
 * health route's p99 climbs to seconds. One at a time leaves a core to answer everything else,
 * and a short queue turns a flood into fast refusals (429) instead of a backlog.
 */
/**
 * A slot shared beyond this process: the server's processes hash one password at a time between
 * them (server/src/http/hash-slots.ts), so a burst spread over every process cannot take every
 * core. `acquire` answers false when the shared queue is full.
 */
export interface HashSlotGate {
  acquire(): Promise<boolean>;
  release(): void;
}

export class PasswordQueue {
  private running = 0;
  private gate: HashSlotGate | undefined;
  private readonly waiting: (() => void)[] = [];
  private refusedCount = 0;

  constructor(
    readonly concurrency = 1,
    readonly maxWaiting = 4,
  ) {}

  /** Takes a slot of `gate` (shared with other processes) before each task; undefined: none. */
  setGate(gate: HashSlotGate | undefined): void {
    this.gate = gate;
  }

  /**
   * Runs the task when a slot is free here and, with a gate, there: `{ ran: false }` (and the task
   * untouched) when either queue is full.
   */
  async run<T>(task: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) {
        this.refusedCount += 1;
        return { ran: false };
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.running += 1;
    try {
      const gate = this.gate;
      if (!gate) return { ran: true, value: await task() };
      if (!(await gate.acquire())) {
        this.refusedCount += 1;
        return { ran: false };
      }
      try {
        return { ran: true, value: await task() };
      } finally {
        gate.release();
      }
    } finally {
      // Hand the slot straight to the next waiter (running stays the same), or free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }

  /** Tasks running and waiting now, and how many were refused so far (tests and benches read it). */
  stats(): { running: number; waiting: number; refused: number } {
    return { running: this.running, waiting: this.waiting.length, refused: this.refusedCount };
  }
}

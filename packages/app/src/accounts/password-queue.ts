/**
 * At most `concurrency` password hashes or verifications at a time in this process, and at most
 * `maxWaiting` more waiting their turn; a task that finds the queue full is refused at once and
 * never run (issue 12, server under abuse). argon2id costs ~19 MiB and tens of milliseconds of a
 * core per check: run in parallel, a burst of them takes every core from the event loop and the
 * health route's p99 climbs to seconds. One at a time leaves a core to answer everything else,
 * and a short queue turns a flood into fast refusals (429) instead of a backlog.
 */
export class PasswordQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private refusedCount = 0;

  constructor(
    readonly concurrency = 1,
    readonly maxWaiting = 4,
  ) {}

  /** Runs the task when a slot is free: `{ ran: false }` (and the task untouched) when the queue is full. */
  async run<T>(task: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) {
        this.refusedCount += 1;
        return { ran: false };
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.running += 1;
    try {
      return { ran: true, value: await task() };
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

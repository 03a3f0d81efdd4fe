/**
 * The one queue for work done after an ack. Slack delivers a burst as many new connections; the event loop
 * accepts them only between callbacks, so post-ack work that runs back to back (much of it promise
 * continuations that never give the loop a turn) makes the next requests wait, and their acks with them.
 * Here each item starts on its own turn (setImmediate), so waiting connections are accepted and acked in
 * between, and items start in order of what the user waits for:
 *   - "open": up to views.open (the trigger_id lasts 3 s) and short answers;
 *   - "fill": filling an open modal (customer lookup, position);
 *   - "later": what nobody watches happen (recording a submitted outcome, refreshing a message).
 * A few items may be in flight at once, so one waiting on Slack does not hold the rest; "later" items one at a
 * time: they are write transactions, which SQLite runs one after the other anyway, and a chain of them
 * resuming one another without a turn of the loop in between would hold back the next acks.
 */
export type Lane = "open" | "fill" | "later";

const LANES: readonly Lane[] = ["open", "fill", "later"];

export class WorkQueue {
  private readonly waiting: Record<Lane, (() => void)[]> = { open: [], fill: [], later: [] };
  private running = 0;
  private runningLater = 0;
  private scheduled = false;

  constructor(private readonly concurrency = 4) {}

  /** Runs `fn` when its turn comes; resolves or rejects with its result. */
  run<T>(lane: Lane, fn: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting[lane].push(() => {
        this.running += 1;
        if (lane === "later") this.runningLater += 1;
        (async () => fn())()
          .then(resolve, reject)
          .finally(() => {
            this.running -= 1;
            if (lane === "later") this.runningLater -= 1;
            this.schedule();
          });
      });
      this.schedule();
    });
  }

  /**
   * Waits for this lane's turn and returns at once, holding no place: for a listener whose work goes on to
   * use the queue itself (a command that opens a modal, whose filling is a "fill" item).
   */
  turn(lane: Lane): Promise<void> {
    return this.run(lane, async () => undefined);
  }

  /** Items waiting or in flight (tests, diagnostics). */
  get size(): number {
    return this.running + LANES.reduce((n, l) => n + this.waiting[l].length, 0);
  }

  private nextLane(): Lane | undefined {
    return LANES.find((l) => this.waiting[l].length > 0 && (l !== "later" || this.runningLater === 0));
  }

  private schedule(): void {
    if (this.scheduled || this.running >= this.concurrency) return;
    if (!this.nextLane()) return;
    this.scheduled = true;
    // one start per turn of the event loop: the poll phase (new connections, Slack's answers) runs between
    setImmediate(() => {
      this.scheduled = false;
      const lane = this.nextLane();
      const next = lane ? this.waiting[lane].shift() : undefined;
      next?.();
      this.schedule();
    });
  }
}

/** The process's post-ack queue, shared by every listener. */
export const postAck = new WorkQueue();

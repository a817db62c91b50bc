/**
 * A queue of writes run a slice per turn of the event loop: at most a budget of milliseconds, then
 * the rest after the loop has turned (timers, sockets, a group's commit). Work that arrives all at once
 * — the submission thread's batches, delivered together by its port; the batches a checkpoint pause
 * held back — would otherwise run in one turn and hold the loop for as long as it takes.
 */
/**
 * How long writes waiting their turn may hold the event loop in one turn (ms): the submission thread's
 * batches written on the event loop (store-protocol.ts) and those held by a checkpoint pause (group-commit.ts).
 */
export const WRITE_TURN_BUDGET_MS = 8;

export class TurnSlices<T> {
  private readonly waiting: T[] = [];
  private scheduled = false;

  /**
   * @param run      runs one item (synchronously: what it starts may finish later)
   * @param budgetMs the longest a slice goes on before it leaves the rest to the next turn
   * @param stopped  while true no slice starts; call resume() once it is false again
   */
  constructor(
    private readonly run: (item: T) => void,
    private readonly budgetMs: number,
    private readonly stopped: () => boolean = () => false,
  ) {}

  /** Items not yet run. */
  get length(): number {
    return this.waiting.length;
  }

  /** Queues an item after those waiting. */
  push(item: T): void {
    this.waiting.push(item);
    this.resume();
  }

  /** Schedules the next slice, if anything waits and nothing stops it. */
  resume(): void {
    if (this.scheduled || this.waiting.length === 0 || this.stopped()) return;
    this.scheduled = true;
    setImmediate(this.slice);
  }

  private readonly slice = (): void => {
    this.scheduled = false;
    const start = performance.now();
    let item: T | undefined;
    // An item may stop the queue (a commit that begins a pause): the rest waits for resume().
    while (!this.stopped() && (item = this.waiting.shift()) !== undefined) {
      this.run(item);
      if (performance.now() - start >= this.budgetMs) break;
    }
    this.resume();
  };
}

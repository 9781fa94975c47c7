// One timer for every SES call in flight, not one each: each call gets an AbortSignal that is
// aborted `afterMs` after the call started unless the call ends first. Every call has the same
// allowance, so their deadlines come in the order they started: a queue, and one timer set for
// the oldest call still running. At 1,000 calls a second an AbortSignal.timeout per call was a
// timer, a weak reference and its clean-up per call; here a call that ends costs a flag.

/** A running call's cut: its signal, and `done()` once it has ended (its answer read or failed). */
export interface CallCut {
  readonly signal: AbortSignal;
  done(): void;
}

interface Entry {
  readonly at: number;
  /** Undefined once the call has ended. */
  controller: AbortController | undefined;
}

export class CallDeadlines {
  private readonly queue: Entry[] = [];
  private first = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    /** How long each call may take, in ms, from `start()` to `done()`. */
    readonly afterMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * A cut for a call starting now: its signal aborts (reason: a DOMException named TimeoutError,
   * as AbortSignal.timeout gives) `afterMs` from now unless `done()` is called before.
   */
  start(): CallCut {
    const controller = new AbortController();
    const entry: Entry = { at: this.now() + this.afterMs, controller };
    this.queue.push(entry);
    if (this.timer === undefined) this.arm(entry.at);
    return {
      signal: controller.signal,
      done: () => {
        entry.controller = undefined;
      },
    };
  }

  /** Calls started and not yet done or cut. */
  get running(): number {
    let count = 0;
    for (let i = this.first; i < this.queue.length; i += 1)
      if (this.queue[i]!.controller) count += 1;
    return count;
  }

  private arm(at: number): void {
    this.timer = setTimeout(() => this.sweep(), Math.max(0, at - this.now()));
    // Like AbortSignal.timeout's: a call in flight keeps the process alive, not its cut.
    this.timer.unref();
  }

  /** Cuts every call past its deadline, drops the ended ones, and sets the timer for the next. */
  private sweep(): void {
    this.timer = undefined;
    const now = this.now();
    let reason: DOMException | undefined;
    while (this.first < this.queue.length) {
      const entry = this.queue[this.first]!;
      if (entry.controller) {
        if (entry.at > now) break;
        reason ??= new DOMException('The operation was aborted due to timeout', 'TimeoutError');
        entry.controller.abort(reason);
      }
      this.first += 1;
    }
    if (this.first > 1024 || this.first === this.queue.length) {
      this.queue.splice(0, this.first);
      this.first = 0;
    }
    if (this.first < this.queue.length) this.arm(this.queue[this.first]!.at);
  }
}

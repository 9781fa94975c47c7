// How many sends hold a composed message at once (issue 13). A call in flight holds its message
// from the moment it is composed (its text and HTML read back from OUT/reports, its charts and
// files read, the SES JSON serialised and signed: about 0.5 MB for a report with charts) until its
// request body is handed to the HTTP client (released-body.ts); after that, while SES answers,
// almost nothing. When the sender's CPU is the bottleneck (a loaded machine, or 1,000/s of
// 225 KB reports), the calls queue between those two points: up to 256 composed messages waited
// for the event loop at once. The gate lets a few compose at a time, in the order they came.

/** Sends allowed between composing their message and handing its body to the HTTP client. */
export const COMPOSING_AT_ONCE = 16;

/** A first-come, first-served counting gate: `enter` waits for one of `size` places. */
export class ComposeGate {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  /** @param size places (at least 1). */
  constructor(readonly size: number = COMPOSING_AT_ONCE) {
    this.free = Math.max(1, size);
  }

  /** Callers waiting for a place now. */
  get queued(): number {
    return this.waiting.length;
  }

  /**
   * Waits for a place and takes it.
   * @returns `leave`, which gives the place to the next caller (or back); calling it again does
   *   nothing.
   */
  async enter(): Promise<() => void> {
    if (this.free > 0) this.free -= 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.free += 1;
    };
  }
}

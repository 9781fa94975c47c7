// Paces sends to a rate in recipients per second (SES counts recipients, not messages). Each
// caller reserves the next free slot, so concurrent senders together never exceed the rate.
// Throttling halves the rate (once per second at most: one burst is one signal); each success
// wins a little of it back.

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class Pacer {
  private rate: number;
  private nextFreeAt = 0;
  private lastSlowdownAt = -Infinity;

  constructor(
    /** The account's maximum: recipients per second. */
    readonly maxRate: number,
    private readonly clock: Clock = realClock,
    /** Never slow below this, so a throttled run still finishes. */
    private readonly minRate = maxRate / 8,
  ) {
    this.rate = maxRate;
  }

  get currentRate(): number {
    return this.rate;
  }

  /** Waits for the slot that `recipients` recipients take at the current rate. */
  async acquire(recipients: number): Promise<void> {
    const now = this.clock.now();
    const start = Math.max(now, this.nextFreeAt);
    this.nextFreeAt = start + (recipients / this.rate) * 1000;
    if (start > now) await this.clock.sleep(start - now);
  }

  throttled(): void {
    const now = this.clock.now();
    if (now - this.lastSlowdownAt < 1000) return;
    this.lastSlowdownAt = now;
    this.rate = Math.max(this.rate / 2, this.minRate);
  }

  succeeded(): void {
    this.rate = Math.min(this.maxRate, this.rate + this.maxRate * 0.05);
  }
}

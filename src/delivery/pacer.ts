// Paces sends to a rate in recipients per second (SES counts recipients, not messages). Each
// caller reserves the next free slot, so concurrent senders together never exceed the rate, and
// starts are spread evenly (one every 1/rate s), not in bursts. A timer that fires late (a busy
// event loop, a loaded machine) would bunch the starts it delayed with the ones after it, so
// every start is also checked against the starts of the last second, as SES counts them.
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

/** SES's window: MaxSendRate recipients in any one second. */
const WINDOW_MS = 1000;

export class Pacer {
  private rate: number;
  private nextFreeAt = 0;
  private lastSlowdownAt = -Infinity;
  /** The starts of the last WINDOW_MS (and older ones not yet dropped, from `first` on). */
  private readonly starts: { at: number; recipients: number }[] = [];
  private first = 0;
  /** Recipients of the starts from `first` on. */
  private inWindow = 0;

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

  /**
   * Waits for the slot that `recipients` recipients take at the current rate, then, if starts a
   * late timer delayed would put more than `maxRate` recipients into the last second, until
   * enough of them are a second old. A message of more recipients than `maxRate` goes alone.
   */
  async acquire(recipients: number): Promise<void> {
    const now = this.clock.now();
    const start = Math.max(now, this.nextFreeAt);
    this.nextFreeAt = start + (recipients / this.rate) * 1000;
    if (start > now) await this.clock.sleep(start - now);
    for (;;) {
      const at = this.clock.now();
      const wait = this.waitForWindow(at, recipients);
      if (wait <= 0) {
        this.starts.push({ at, recipients });
        this.inWindow += recipients;
        return;
      }
      await this.clock.sleep(wait);
    }
  }

  /** How long until `recipients` more fit into the second before `at` (0: they fit now). */
  private waitForWindow(at: number, recipients: number): number {
    while (this.first < this.starts.length && this.starts[this.first]!.at <= at - WINDOW_MS) {
      this.inWindow -= this.starts[this.first]!.recipients;
      this.first += 1;
    }
    if (this.first > 1024) {
      this.starts.splice(0, this.first);
      this.first = 0;
    }
    let excess = this.inWindow + recipients - this.maxRate;
    if (excess <= 0 || this.inWindow === 0) return 0;
    // The oldest starts leave the window first: wait until enough of them have.
    for (let i = this.first; i < this.starts.length; i += 1) {
      excess -= this.starts[i]!.recipients;
      if (excess <= 0) return this.starts[i]!.at + WINDOW_MS - at;
    }
    return WINDOW_MS;
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

/** What the first calls of a run assume before any has been timed: SES answers in 50–150 ms. */
export const INITIAL_LATENCY_MS = 100;
/**
 * Calls in flight beyond what Little's law gives: a slow call, a ledger write or the pacer's own
 * wait then never leaves the account's rate unused. More in flight cannot exceed the rate: the
 * Pacer still gates every start.
 */
const IN_FLIGHT_HEADROOM = 1.5;
/** Never more calls at once than this, whatever the account allows: sockets and memory. */
export const MAX_IN_FLIGHT = 256;
/** How much each timed call moves the latency measure (an exponential moving average). */
const LATENCY_WEIGHT = 0.2;

/**
 * Calls to keep in flight to reach `ratePerSecond` recipients per second when each call takes
 * `latencyMs` (Little's law: in flight = rate x time per call), with IN_FLIGHT_HEADROOM, at least
 * 1 and at most MAX_IN_FLIGHT. A message carries at least one recipient, so counting recipients
 * as messages errs towards more in flight, never fewer.
 */
export function inFlightFor(ratePerSecond: number, latencyMs: number): number {
  const needed = Math.ceil(((ratePerSecond * latencyMs) / 1000) * IN_FLIGHT_HEADROOM);
  return Math.min(MAX_IN_FLIGHT, Math.max(1, needed));
}

/** How many sends may be in flight at once; the delivery loop reads `limit` and reports timings. */
export interface ConcurrencyLimit {
  readonly limit: number;
  /** One call's duration in ms (the transport's answer and the ledger write, not the pacer's wait). */
  observe(durationMs: number): void;
}

/**
 * The one place that decides delivery concurrency: enough calls in flight to reach the pacer's
 * maximum rate at the latency observed so far (a moving average of recent call durations,
 * starting from INITIAL_LATENCY_MS), so a 14/s sandbox and a 1,000/s account are both reached.
 */
export class SendConcurrency implements ConcurrencyLimit {
  private latency: number;

  constructor(
    private readonly pacer: Pacer,
    initialLatencyMs: number = INITIAL_LATENCY_MS,
  ) {
    this.latency = initialLatencyMs;
  }

  /** The moving measure of recent call durations, in ms. */
  get latencyMs(): number {
    return this.latency;
  }

  get limit(): number {
    return inFlightFor(this.pacer.maxRate, this.latency);
  }

  observe(durationMs: number): void {
    if (!Number.isFinite(durationMs) || durationMs < 0) return;
    this.latency += LATENCY_WEIGHT * (durationMs - this.latency);
  }
}

/**
 * How a send to an account of `maxSendRate` recipients per second is paced: the Pacer gates each
 * start to the rate, SendConcurrency keeps enough calls in flight to use it. The pipeline's
 * delivery stage and scripts/bench-send.ts both take their settings from here.
 */
export function pacedSending(
  maxSendRate: number,
  clock: Clock = realClock,
): { pacer: Pacer; concurrency: SendConcurrency } {
  const pacer = new Pacer(maxSendRate, clock);
  return { pacer, concurrency: new SendConcurrency(pacer) };
}

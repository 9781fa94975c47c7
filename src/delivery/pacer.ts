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

/**
 * A call may count as latency up to this many times the fastest accepted call of the run;
 * beyond it, it waited (for this thread, busy with the calls it already has, or at the far end),
 * and a queue is not a latency to fill. 4 lets a far region's 200 ms stand against 50 ms.
 */
const WAITING_ALLOWANCE = 4;
/** This thread's work per call is measured over the calls of the last second... */
const WORK_WINDOW_MS = 1000;
/** ...once they span at least this long (calls finishing together say nothing of it). */
const WORK_WINDOW_MIN_MS = 50;

/** How many sends may be in flight at once; the delivery loop reads `limit` and reports timings. */
export interface ConcurrencyLimit {
  readonly limit: number;
  /**
   * One call's duration in ms (the transport's answer and the ledger write, not the pacer's
   * wait); `accepted` false for a call that failed (a refused connection fails at once).
   */
  observe(durationMs: number, accepted?: boolean): void;
}

/** What SendConcurrency needs besides the Pacer; each has a default. */
export interface SendConcurrencyOptions {
  /** The latency the first calls assume (ms): INITIAL_LATENCY_MS. */
  readonly initialLatencyMs?: number;
  /**
   * The plan's recipients per message, on average (1): the Pacer counts recipients, so a plan of
   * two-recipient messages starts half as many messages a second as the rate.
   */
  readonly recipientsPerMessage?: number;
  /** Milliseconds this thread has been busy so far: threadBusyMs. */
  readonly busyMs?: () => number;
  /** Its time in ms, on the same clock as busyMs: realClock. */
  readonly clock?: Clock;
}

/** This thread's busy time in ms since it started: its event loop's active (not waiting) time. */
export function threadBusyMs(): number {
  return performance.eventLoopUtilization().active;
}

/**
 * The one place that decides delivery concurrency: as many calls in flight as Little's law
 * needs to reach the pacer's maximum rate at the latency observed, so a 14/s sandbox and a
 * 1,000/s account are both reached, and no more, since each call in flight holds its message:
 * - messages a second: MaxSendRate over the plan's recipients per message, and at most as many
 *   as this thread prepares and finishes (finished calls per busy second, over the last
 *   WORK_WINDOW_MS): more in flight than the thread can serve only wait, each holding its message;
 * - latency: a moving average of the calls' durations (from INITIAL_LATENCY_MS), at most
 *   WAITING_ALLOWANCE times the fastest accepted call of the run.
 * Without the last two, a thread too busy to keep up (large messages, a loaded machine) timed its
 * own queue as latency, raised the limit, queued more, and ended at MAX_IN_FLIGHT messages held
 * at once, for no more sent a second.
 */
export class SendConcurrency implements ConcurrencyLimit {
  private latency: number;
  private fastest = Infinity;
  private readonly messageRate: number;
  private readonly busyMs: () => number;
  private readonly clock: Clock;
  /**
   * When each call of the last WORK_WINDOW_MS finished (and the last one before them), and the
   * thread's busy ms then; from `first` on.
   */
  private readonly finished: { at: number; busy: number }[] = [];
  private first = 0;

  constructor(
    private readonly pacer: Pacer,
    options: number | SendConcurrencyOptions = {},
  ) {
    const settings = typeof options === 'number' ? { initialLatencyMs: options } : options;
    this.latency = settings.initialLatencyMs ?? INITIAL_LATENCY_MS;
    this.messageRate = pacer.maxRate / Math.max(1, settings.recipientsPerMessage ?? 1);
    this.busyMs = settings.busyMs ?? threadBusyMs;
    this.clock = settings.clock ?? realClock;
  }

  /** The moving measure of recent call durations, in ms. */
  get latencyMs(): number {
    return this.latency;
  }

  /**
   * This thread's busy ms per finished call over the last WORK_WINDOW_MS (undefined until the
   * calls span WORK_WINDOW_MIN_MS).
   */
  get workPerCallMs(): number | undefined {
    const { finished, first } = this;
    const oldest = finished[first];
    const newest = finished[finished.length - 1];
    if (!oldest || !newest || newest.at - oldest.at < WORK_WINDOW_MIN_MS) return undefined;
    return (newest.busy - oldest.busy) / (finished.length - 1 - first);
  }

  get limit(): number {
    const work = this.workPerCallMs;
    const ownRate = work !== undefined && work > 0 ? 1000 / work : Infinity;
    const latency = Math.min(this.latency, WAITING_ALLOWANCE * this.fastest);
    return inFlightFor(Math.min(this.messageRate, ownRate), latency);
  }

  observe(durationMs: number, accepted = true): void {
    const at = this.clock.now();
    const { finished } = this;
    finished.push({ at, busy: this.busyMs() });
    // Keep the last call at least WORK_WINDOW_MS old too: calls that finish in bursts with long
    // gaps between them (a busy thread) still span the window.
    while (this.first + 1 < finished.length && finished[this.first + 1]!.at <= at - WORK_WINDOW_MS)
      this.first += 1;
    if (this.first > 1024) {
      finished.splice(0, this.first);
      this.first = 0;
    }
    if (!Number.isFinite(durationMs) || durationMs < 0) return;
    this.latency += LATENCY_WEIGHT * (durationMs - this.latency);
    if (accepted) this.fastest = Math.min(this.fastest, durationMs);
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
  recipientsPerMessage = 1,
): { pacer: Pacer; concurrency: SendConcurrency } {
  const pacer = new Pacer(maxSendRate, clock);
  return { pacer, concurrency: new SendConcurrency(pacer, { recipientsPerMessage, clock }) };
}

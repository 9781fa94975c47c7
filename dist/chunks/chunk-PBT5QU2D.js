import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/delivery/pacer.ts
var realClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
};
var WINDOW_MS = 1e3;
var Pacer = class {
  constructor(maxRate, clock = realClock, minRate = maxRate / 8) {
    this.maxRate = maxRate;
    this.clock = clock;
    this.minRate = minRate;
    this.rate = maxRate;
  }
  maxRate;
  clock;
  minRate;
  rate;
  nextFreeAt = 0;
  lastSlowdownAt = -Infinity;
  /** The starts of the last WINDOW_MS (and older ones not yet dropped, from `first` on). */
  starts = [];
  first = 0;
  /** Recipients of the starts from `first` on. */
  inWindow = 0;
  get currentRate() {
    return this.rate;
  }
  /**
   * Waits for the slot that `recipients` recipients take at the current rate, then, if starts a
   * late timer delayed would put more than `maxRate` recipients into the last second, until
   * enough of them are a second old. A message of more recipients than `maxRate` goes alone.
   */
  async acquire(recipients) {
    const now = this.clock.now();
    const start = Math.max(now, this.nextFreeAt);
    this.nextFreeAt = start + recipients / this.rate * 1e3;
    if (start > now) await this.clock.sleep(start - now);
    for (; ; ) {
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
  waitForWindow(at, recipients) {
    while (this.first < this.starts.length && this.starts[this.first].at <= at - WINDOW_MS) {
      this.inWindow -= this.starts[this.first].recipients;
      this.first += 1;
    }
    if (this.first > 1024) {
      this.starts.splice(0, this.first);
      this.first = 0;
    }
    let excess = this.inWindow + recipients - this.maxRate;
    if (excess <= 0 || this.inWindow === 0) return 0;
    for (let i = this.first; i < this.starts.length; i += 1) {
      excess -= this.starts[i].recipients;
      if (excess <= 0) return this.starts[i].at + WINDOW_MS - at;
    }
    return WINDOW_MS;
  }
  throttled() {
    const now = this.clock.now();
    if (now - this.lastSlowdownAt < 1e3) return;
    this.lastSlowdownAt = now;
    this.rate = Math.max(this.rate / 2, this.minRate);
  }
  succeeded() {
    this.rate = Math.min(this.maxRate, this.rate + this.maxRate * 0.05);
  }
};
var INITIAL_LATENCY_MS = 100;
var IN_FLIGHT_HEADROOM = 1.5;
var MAX_IN_FLIGHT = 256;
var LATENCY_WEIGHT = 0.2;
function inFlightFor(ratePerSecond, latencyMs) {
  const needed = Math.ceil(ratePerSecond * latencyMs / 1e3 * IN_FLIGHT_HEADROOM);
  return Math.min(MAX_IN_FLIGHT, Math.max(1, needed));
}
var WAITING_ALLOWANCE = 4;
var WORK_WINDOW_MS = 1e3;
var WORK_WINDOW_MIN_MS = 50;
function threadBusyMs() {
  return performance.eventLoopUtilization().active;
}
var SendConcurrency = class {
  constructor(pacer, options = {}) {
    this.pacer = pacer;
    const settings = typeof options === "number" ? { initialLatencyMs: options } : options;
    this.latency = settings.initialLatencyMs ?? INITIAL_LATENCY_MS;
    this.messageRate = pacer.maxRate / Math.max(1, settings.recipientsPerMessage ?? 1);
    this.busyMs = settings.busyMs ?? threadBusyMs;
    this.clock = settings.clock ?? realClock;
  }
  pacer;
  latency;
  fastest = Infinity;
  messageRate;
  busyMs;
  clock;
  /**
   * When each call of the last WORK_WINDOW_MS finished (and the last one before them), and the
   * thread's busy ms then; from `first` on.
   */
  finished = [];
  first = 0;
  /** The moving measure of recent call durations, in ms. */
  get latencyMs() {
    return this.latency;
  }
  /**
   * This thread's busy ms per finished call over the last WORK_WINDOW_MS (undefined until the
   * calls span WORK_WINDOW_MIN_MS).
   */
  get workPerCallMs() {
    const { finished, first } = this;
    const oldest = finished[first];
    const newest = finished[finished.length - 1];
    if (!oldest || !newest || newest.at - oldest.at < WORK_WINDOW_MIN_MS) return void 0;
    return (newest.busy - oldest.busy) / (finished.length - 1 - first);
  }
  get limit() {
    const work = this.workPerCallMs;
    const ownRate = work !== void 0 && work > 0 ? 1e3 / work : Infinity;
    const latency = Math.min(this.latency, WAITING_ALLOWANCE * this.fastest);
    return inFlightFor(Math.min(this.messageRate, ownRate), latency);
  }
  observe(durationMs, accepted = true) {
    const at = this.clock.now();
    const { finished } = this;
    finished.push({ at, busy: this.busyMs() });
    while (this.first + 1 < finished.length && finished[this.first + 1].at <= at - WORK_WINDOW_MS)
      this.first += 1;
    if (this.first > 1024) {
      finished.splice(0, this.first);
      this.first = 0;
    }
    if (!Number.isFinite(durationMs) || durationMs < 0) return;
    this.latency += LATENCY_WEIGHT * (durationMs - this.latency);
    if (accepted) this.fastest = Math.min(this.fastest, durationMs);
  }
};
function pacedSending(maxSendRate, clock = realClock, recipientsPerMessage = 1) {
  const pacer = new Pacer(maxSendRate, clock);
  return { pacer, concurrency: new SendConcurrency(pacer, { recipientsPerMessage, clock }) };
}

// src/delivery/transport.ts
var DeliveryError = class extends Error {
  constructor(message, code, kind) {
    super(message);
    this.code = code;
    this.kind = kind;
    this.name = "DeliveryError";
  }
  code;
  kind;
};
function failureKind(error) {
  return error instanceof DeliveryError ? error.kind : "permanent";
}

export {
  realClock,
  MAX_IN_FLIGHT,
  pacedSending,
  DeliveryError,
  failureKind
};

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
var SendConcurrency = class {
  constructor(pacer, initialLatencyMs = INITIAL_LATENCY_MS) {
    this.pacer = pacer;
    this.latency = initialLatencyMs;
  }
  pacer;
  latency;
  /** The moving measure of recent call durations, in ms. */
  get latencyMs() {
    return this.latency;
  }
  get limit() {
    return inFlightFor(this.pacer.maxRate, this.latency);
  }
  observe(durationMs) {
    if (!Number.isFinite(durationMs) || durationMs < 0) return;
    this.latency += LATENCY_WEIGHT * (durationMs - this.latency);
  }
};
function pacedSending(maxSendRate, clock = realClock) {
  const pacer = new Pacer(maxSendRate, clock);
  return { pacer, concurrency: new SendConcurrency(pacer) };
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

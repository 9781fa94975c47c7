import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/delivery/pacer.ts
var realClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
};
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
  get currentRate() {
    return this.rate;
  }
  /** Waits for the slot that `recipients` recipients take at the current rate. */
  async acquire(recipients) {
    const now = this.clock.now();
    const start = Math.max(now, this.nextFreeAt);
    this.nextFreeAt = start + recipients / this.rate * 1e3;
    if (start > now) await this.clock.sleep(start - now);
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

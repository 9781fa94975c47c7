// Calls in flight as Little's law needs them and no more: each holds its message (its parts, its
// charts' PNGs, the SDK's request body), so calls that only wait for this thread cost memory for
// nothing. Issue 13: a send of the bench portfolio (1,000 reports of about 250 KB) kept 256 in
// flight, where the rate needed about 40, and peaked 70-110 MB above the same run's dry-run.
import { describe, expect, it } from 'vitest';
import { deliver } from '../../src/delivery/deliver.js';
import { runDelivery } from '../../src/delivery/index.js';
import {
  MAX_IN_FLIGHT,
  Pacer,
  SendConcurrency,
  pacedSending,
  type Clock,
} from '../../src/delivery/pacer.js';
import { buildSendPlan, type OutgoingMessage } from '../../src/delivery/plan.js';
import type { Transport } from '../../src/delivery/transport.js';
import { memoryLogger } from '../../src/logger.js';
import { resolveOptions } from '../../src/options.js';
import { portfolioSchema } from '../../src/config/schema.js';
import type { Portfolio } from '../../src/config/load.js';

/** A clock that moves only when told, and a thread's busy time that moves with it when busy. */
function fakeThread() {
  let now = 0;
  let busy = 0;
  const clock: Clock = { now: () => now, sleep: async () => undefined };
  return {
    clock,
    busyMs: () => busy,
    /** `ms` pass, of which the thread is busy `busyMs`. */
    pass(ms: number, busyMs: number) {
      now += ms;
      busy += busyMs;
    },
  };
}

describe('a thread too busy to keep up', () => {
  it('does not take its own queue for latency: the instance of issue 13', () => {
    const thread = fakeThread();
    const concurrency = new SendConcurrency(new Pacer(1000), thread);
    // The first call is answered in 50 ms; then the thread is busy all the time, a call finishing
    // every 5 ms (200 a second: its own rate), each having waited 10 ms longer than the one
    // before behind the calls the thread already had.
    concurrency.observe(50);
    for (let i = 1; i <= 300; i += 1) {
      thread.pass(5, 5);
      concurrency.observe(50 + 10 * i);
    }
    // What the durations say (the old measure alone): seconds, hence MAX_IN_FLIGHT.
    expect(concurrency.latencyMs).toBeGreaterThan(2000);
    // 200 calls a second (busy 5 ms a call) at most 4 x the fastest call (50 ms) = 200 ms:
    // 200 x 0.2 x 1.5 = 60 in flight, not 256.
    expect(concurrency.workPerCallMs).toBe(5);
    expect(concurrency.limit).toBe(60);
    expect(concurrency.limit).toBeLessThan(MAX_IN_FLIGHT);
  });

  it('keeps the full Little-law count while the thread has time to spare', () => {
    const thread = fakeThread();
    const concurrency = new SendConcurrency(new Pacer(400), { ...thread, initialLatencyMs: 50 });
    // Calls of 50 ms, one finishing every 2.5 ms (400/s), the thread busy 1 ms of each.
    for (let i = 0; i < 400; i += 1) {
      thread.pass(2.5, 1);
      concurrency.observe(50);
    }
    expect(concurrency.workPerCallMs).toBe(1);
    // 400 x 0.05 x 1.5 = 30: the thread's own 1,000 a second does not bind.
    expect(concurrency.limit).toBe(30);
  });

  it('follows a region slow from its first call (200 ms a call)', () => {
    const thread = fakeThread();
    const concurrency = new SendConcurrency(new Pacer(400), thread);
    for (let i = 0; i < 60; i += 1) {
      thread.pass(2.5, 0.5);
      concurrency.observe(200);
    }
    // 400 x (200 - 100 x 0.8^60, a hair under 0.2 s) x 1.5 = 120.
    expect(concurrency.limit).toBe(120);
  });

  it('does not take a call that failed at once for the fastest answer', () => {
    const thread = fakeThread();
    const concurrency = new SendConcurrency(new Pacer(400), thread);
    // A refused connection fails in a millisecond; had it counted, 4 ms would cap the latency
    // and one call would be in flight.
    concurrency.observe(1, false);
    for (let i = 0; i < 60; i += 1) {
      thread.pass(2.5, 0.5);
      concurrency.observe(50);
    }
    // The latency from 100 ms (the first guess) towards 50, the failure's 1 ms pulling it once:
    // 400 x 0.05 x 1.5 = 30 (31 while the average is still a hair above 50 ms).
    expect(concurrency.limit).toBeGreaterThanOrEqual(30);
    expect(concurrency.limit).toBeLessThanOrEqual(31);
  });
});

describe('messages of several recipients', () => {
  it('count messages, not recipients: 1,000 recipients/s in two-recipient messages at 50 ms is 38 in flight', () => {
    const thread = fakeThread();
    const { concurrency } = pacedSending(1000, thread.clock, 2);
    for (let i = 0; i < 80; i += 1) concurrency.observe(50);
    // 500 messages a second x 0.05 s x 1.5 = 37.5 -> 38 (75 for one-recipient messages).
    expect(concurrency.limit).toBe(38);
  });

  it('the delivery stage takes the recipients per message from the plan (each report and the archive Bcc)', async () => {
    const plan = buildSendPlan(
      Array.from({ length: 200 }, (_, i) => ({
        id: `r${i}`,
        persona: 'cfo',
        period: '2026-W48',
        subject: `Report ${i}`,
        text: 'text',
        html: '<p>html</p>',
        format: 'html' as const,
        recipients: { to: [`reader${i}@example.com`], cc: [], bcc: [] },
      })),
      { from: 'reports@example.com', defaultBcc: ['archive@example.org', 'audit@example.org'] },
    );
    // Three recipients a message: 300 messages a second at most.
    expect(plan.every((m) => m.recipients.bcc.length === 2)).toBe(true);
    const fake = slowTransport(50);
    const outcome = await runDelivery(
      plan,
      resolveOptions({ mode: 'send', transport: 'outbox', tasks: 'none', out: '/tmp' }, {}),
      benchPortfolio(),
      memoryLogger(),
      async () => ({
        ...fake.transport,
        account: async () => ({
          account: {
            maxSendRate: 900,
            max24HourSend: -1,
            sentLast24Hours: 0,
            sandbox: false,
            sendingEnabled: true,
          },
        }),
      }),
    );
    expect(outcome.results.every((r) => r.status === 'sent')).toBe(true);
    // 300 messages a second x about 0.05 s x 1.5 = 23 (timer slack adds a few); counted in
    // recipients it would be 900 x 0.05 x 1.5 = 68.
    expect(outcome.inFlight).toBeGreaterThanOrEqual(23);
    expect(outcome.inFlight).toBeLessThanOrEqual(34);
    expect(fake.mostAtOnce()).toBeLessThanOrEqual(40);
  });
});

describe('a paced send whose calls keep the thread busy', () => {
  it('holds no more calls than the thread can serve', async () => {
    // Each call costs this thread 4 ms of work (composing a large message) and then waits 50 ms
    // for its answer: the thread serves at most 250 calls a second, under the 1,000/s rate.
    const fake = slowTransport(50, 4);
    const { pacer, concurrency } = pacedSending(1000);
    const outcome = await deliver(plan(400), {
      transport: fake.transport,
      log: memoryLogger(),
      pacer,
      concurrency,
      // The portfolio's defaults: waves of 5, doubling, the next opening once half of one is done.
      waveSize: 5,
      maxWaveFailureShare: 0.5,
    });
    expect(outcome.results.every((r) => r.status === 'sent')).toBe(true);
    // At most 250 a second x 4 x the fastest call (about 54 ms) x 1.5 = 81 (fewer on a loaded
    // machine, where the thread serves fewer); the latency measure alone, which timed the queue,
    // rose to MAX_IN_FLIGHT and let about 150 go at once (measured: 153, against 37 here).
    expect(fake.mostAtOnce()).toBeLessThanOrEqual(90);
    expect(outcome.inFlight).toBeLessThanOrEqual(90);
  });
});

/** A transport that works `busyMs` synchronously, then answers after `latencyMs`. */
function slowTransport(latencyMs: number, busyMs = 0) {
  let running = 0;
  let mostAtOnce = 0;
  const transport: Transport = {
    name: 'outbox',
    async send(message: OutgoingMessage) {
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      const until = performance.now() + busyMs;
      while (performance.now() < until);
      await new Promise((resolve) => setTimeout(resolve, latencyMs));
      running -= 1;
      return `id-${message.key}`;
    },
  };
  return { transport, mostAtOnce: () => mostAtOnce };
}

const plan = (count: number) =>
  buildSendPlan(
    Array.from({ length: count }, (_, i) => ({
      id: `r${i}`,
      persona: 'cfo',
      period: '2026-W48',
      subject: `Report ${i}`,
      text: 'text',
      html: '<p>html</p>',
      format: 'html' as const,
      recipients: { to: [`reader${i}@example.com`], cc: [], bcc: [] },
    })),
    { from: 'reports@example.com', defaultBcc: [] },
  );

/** A portfolio with the default delivery settings (waves of 5, doubling). */
function benchPortfolio(): Portfolio {
  return {
    dir: '/tmp',
    settings: portfolioSchema.parse({
      name: 'Bench',
      currency: 'USD',
      timezone: 'UTC',
      sender: 'reports@example.com',
      owners: {},
      cost_categories: {},
      chart_of_accounts: {},
    }),
    entities: [],
    personas: new Map(),
    reports: [],
    templates: new Map(),
  };
}

// Sending at the account's full rate, never above it: the Pacer's start times on a simulated
// clock (every timer, late ones included, under the test's control), and waves that follow each
// other without draining the calls in flight at each boundary.
import { describe, expect, it } from 'vitest';
import { deliver, sendInWaves } from '../../src/delivery/deliver.js';
import { Pacer, pacedSending, type Clock } from '../../src/delivery/pacer.js';
import type { OutgoingMessage } from '../../src/delivery/plan.js';
import { smallReportsPlan } from '../send-plan.js';
import type { Transport } from '../../src/delivery/transport.js';
import { memoryLogger } from '../../src/logger.js';

/**
 * A clock whose time moves only from one timer to the next, in order: `firesAt(due)` says when
 * a timer due at `due` fires (`due` itself, or later for an event loop that was busy).
 */
class SimulatedClock implements Clock {
  private time = 0;
  private order = 0;
  private readonly timers: { at: number; order: number; fire: () => void }[] = [];

  constructor(private readonly firesAt: (due: number) => number = (due) => due) {}

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((fire) => {
      const at = Math.max(this.time, this.firesAt(this.time + ms));
      this.timers.push({ at, order: this.order++, fire });
    });
  }

  /** Fires the timers one by one, letting the work each wakes run, until `work` settles. */
  async run<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    const watched = work.finally(() => {
      settled = true;
    });
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      if (settled) return watched;
      if (this.timers.length === 0) throw new Error('nothing is running and nothing is due');
      this.timers.sort((a, b) => a.at - b.at || a.order - b.order);
      const timer = this.timers.shift()!;
      this.time = timer.at;
      timer.fire();
    }
  }
}

/** Starts of `callers` concurrent senders taking `count` one-recipient slots from the pacer. */
async function startTimes(pacer: Pacer, clock: SimulatedClock, count: number, callers = 75) {
  const starts: number[] = [];
  let taken = 0;
  const caller = async () => {
    while (taken < count) {
      taken += 1;
      await pacer.acquire(1);
      starts.push(clock.now());
    }
  };
  await clock.run(Promise.all(Array.from({ length: callers }, caller)));
  return starts;
}

/** The most starts in any window of `ms` (a start at t and one at t + ms are in different windows). */
function mostStartsIn(starts: readonly number[], ms: number): number {
  const sorted = [...starts].sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; last < sorted.length; last += 1) {
    while (sorted[last]! - sorted[first]! >= ms) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

describe('the pacer at 1,000 recipients a second', () => {
  it('starts 2,000 one-recipient messages evenly: one a millisecond, the rate in every second', async () => {
    const clock = new SimulatedClock();
    const starts = await startTimes(new Pacer(1000, clock), clock, 2000);
    expect(starts).toHaveLength(2000);
    expect(mostStartsIn(starts, 1000)).toBe(1000);
    // Not bunched: at most 10 in any 10 ms; and no gap, so the rate is reached.
    expect(mostStartsIn(starts, 10)).toBe(10);
    expect(Math.max(...starts)).toBe(1999);
    const gaps = starts.slice(1).map((at, i) => at - starts[i]!);
    expect(Math.max(...gaps)).toBe(1);
  });

  it('never puts more than the rate into a second when a busy event loop fires timers late', async () => {
    // The loop is blocked from 300 to 500 ms: every timer due then fires at 500 ms. The ~200
    // starts it delayed then bunch up with the ones due after 500 ms; without a look at the last
    // second's starts, 500-1,500 ms would hold about 1,200.
    const clock = new SimulatedClock((due) => (due >= 300 && due < 500 ? 500 : due));
    const starts = await startTimes(new Pacer(1000, clock), clock, 2000);
    expect(starts).toHaveLength(2000);
    expect(mostStartsIn(starts, 1000)).toBeLessThanOrEqual(1000);
    // ... and the delay is made up for as soon as the window allows: all within 2.2 s.
    expect(Math.max(...starts)).toBeLessThan(2200);
  });

  it('counts recipients, not messages: 14/s with messages of 5 recipients', async () => {
    const clock = new SimulatedClock((due) => (due >= 100 && due < 1500 ? 1500 : due));
    const pacer = new Pacer(14, clock);
    const starts: number[] = [];
    const caller = async () => {
      for (let i = 0; i < 4; i += 1) {
        await pacer.acquire(5);
        starts.push(clock.now());
      }
    };
    await clock.run(Promise.all([caller(), caller()]));
    // Two messages (10 recipients) fit into a second of 14; a third would make 15.
    expect(mostStartsIn(starts, 1000)).toBe(2);
  });
});

describe('waves at 1,000 recipients a second, 50 ms a call', () => {
  it('follow each other without draining: 2,000 messages in waves of 5, 10, 20 ... in about 2 s', async () => {
    const clock = new SimulatedClock();
    const starts: number[] = [];
    const transport: Transport = {
      name: 'ses',
      async send(message: OutgoingMessage) {
        starts.push(clock.now());
        await clock.sleep(50);
        return `id-${message.key}`;
      },
    };
    const { pacer, concurrency } = pacedSending(1000, clock);
    const outcome = await clock.run(
      deliver(smallReportsPlan(2000), {
        transport,
        log: memoryLogger(),
        pacer,
        concurrency,
        clock,
        waveSize: 5,
        maxWaveFailureShare: 0.5,
      }),
    );
    expect(outcome.results.every((r) => r.status === 'sent')).toBe(true);
    expect(mostStartsIn(starts, 1000)).toBeLessThanOrEqual(1000);
    // Each wave waits for half of the one before it (the breaker's share) only while a wave is
    // smaller than the calls one latency holds; the first waves cost about 50 ms each, waves of
    // 160 and more flow on. Waiting for each wave's last call cost 50 ms at all nine boundaries.
    const last = Math.max(...starts);
    expect(last).toBeLessThan(2000 + 300);
    const gaps = starts.slice(1).map((at, i) => at - starts[i]!);
    const lateGaps = gaps.filter((gap, i) => starts[i]! > 400 && gap > 2);
    expect(lateGaps).toEqual([]);
  });

  it('hold back every later wave when one fails past the share, and send that one whole', async () => {
    const started: number[] = [];
    const waves = [
      [0, 1],
      [2, 3, 4, 5],
      [6, 7, 8, 9, 10, 11, 12, 13],
    ];
    const reported: number[] = [];
    await sendInWaves(
      waves,
      () => 3,
      0.5,
      async (item) => {
        started.push(item);
        await new Promise((resolve) => setTimeout(resolve, 1));
        // Wave 2 (items 2-5) fails three of four.
        return { status: item >= 2 && item <= 4 ? 'failed' : 'sent' };
      },
      (index) => reported.push(index),
    );
    expect(started.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(reported).toEqual([0, 1]);
  });

  it('start the next wave before the last call of a healthy one returns', async () => {
    const order: string[] = [];
    const release: (() => void)[] = [];
    const running = sendInWaves(
      [
        [0, 1, 2, 3],
        [4, 5],
      ],
      () => 10,
      0.5,
      async (item) => {
        order.push(`start ${item}`);
        await new Promise<void>((resolve) => release.push(resolve));
        order.push(`done ${item}`);
        return { status: 'sent' };
      },
      (index) => order.push(`wave ${index}`),
    );
    await new Promise((resolve) => setImmediate(resolve));
    // Two of four done: even if the other two failed, wave 1 would fail half, not more.
    release[0]!();
    release[1]!();
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toContain('start 4');
    expect(order).not.toContain('wave 0');
    for (const done of release.slice(2)) done();
    await new Promise((resolve) => setImmediate(resolve));
    for (const done of release.slice(4)) done();
    await running;
    expect(order.filter((line) => line.startsWith('wave'))).toEqual(['wave 0', 'wave 1']);
  });
});

import { describe, expect, it } from 'vitest';
import { doublingWaves } from '../../src/delivery/deliver.js';
import { Pacer, type Clock } from '../../src/delivery/pacer.js';
import { backoffCeiling, withRetries } from '../../src/delivery/retry.js';
import { DeliveryError } from '../../src/delivery/transport.js';

/** A clock that only moves when something sleeps: the schedule can be read exactly. */
function fakeClock(): Clock & { sleeps: number[] } {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

describe('the pacer', () => {
  it('spaces sends by recipients / rate', async () => {
    const clock = fakeClock();
    const pacer = new Pacer(10, clock);
    await pacer.acquire(1); // starts at 0, next free at 100 ms
    await pacer.acquire(5); // waits 100 ms, next free at 100 + 500 = 600 ms
    await pacer.acquire(1); // waits 500 ms
    expect(clock.sleeps).toEqual([100, 500]);
  });

  it('halves the rate once per second of throttling and wins it back on success', () => {
    const clock = fakeClock();
    const pacer = new Pacer(20, clock);
    pacer.throttled();
    pacer.throttled(); // the same burst: ignored
    expect(pacer.currentRate).toBe(10);
    void clock.sleep(1000);
    pacer.throttled();
    expect(pacer.currentRate).toBe(5);
    pacer.succeeded(); // + 5 % of 20 = +1
    expect(pacer.currentRate).toBe(6);
  });

  it('never slows below an eighth of the maximum', async () => {
    const clock = fakeClock();
    const pacer = new Pacer(16, clock);
    for (let i = 0; i < 10; i += 1) {
      pacer.throttled();
      await clock.sleep(1000);
    }
    expect(pacer.currentRate).toBe(2);
  });
});

describe('retries', () => {
  const policy = { attempts: 4, baseDelayMs: 100, maxDelayMs: 250 };

  it('backs off exponentially up to the cap', () => {
    expect([1, 2, 3, 4].map((n) => backoffCeiling(n, policy))).toEqual([100, 200, 250, 250]);
  });

  it('retries transient failures with jittered waits, then gives up after the last attempt', async () => {
    const clock = fakeClock();
    let calls = 0;
    const failing = withRetries(
      async () => {
        calls += 1;
        throw new DeliveryError('slow down', 'TooManyRequestsException', 'throttled');
      },
      policy,
      clock,
      () => undefined,
      () => 0.5,
    );
    await expect(failing).rejects.toThrow('slow down');
    expect(calls).toBe(4);
    // half of each ceiling: 100, 200, 250
    expect(clock.sleeps).toEqual([50, 100, 125]);
  });

  it('does not retry a permanent failure', async () => {
    let calls = 0;
    await expect(
      withRetries(
        async () => {
          calls += 1;
          throw new DeliveryError('rejected', 'MessageRejected', 'permanent');
        },
        policy,
        fakeClock(),
        () => undefined,
      ),
    ).rejects.toThrow('rejected');
    expect(calls).toBe(1);
  });
});

describe('waves', () => {
  it('start with a small canary wave and double after it', () => {
    const items = Array.from({ length: 40 }, (_, i) => i);
    // 5 + 10 + 20 = 35, then the last 5
    expect(doublingWaves(items, 5).map((wave) => wave.length)).toEqual([5, 10, 20, 5]);
    expect(doublingWaves(items, 5).flat()).toEqual(items);
  });
});

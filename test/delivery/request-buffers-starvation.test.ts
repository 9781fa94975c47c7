// Once the pool keeps its 16 MB (POOLED_KEPT_BYTES) of sizes a delivery rarely asks
// for (two 4 MB buffers from a couple of large reports, say), a size it asks for all the time is
// never kept again: every request of that size allocates a new buffer, for the rest of a steady
// delivery (the idle clear needs 1 s without a take or a give).
import { expect, it } from 'vitest';
import { RequestBufferPool } from '../../src/delivery/request-buffers.js';

it('a pool full of rarely used sizes allocates for every request of the common size', () => {
  const pool = new RequestBufferPool();
  // A few large reports early in the delivery: four 4 MB buffers, given back once written.
  const large = [0, 1, 2, 3].map(() => pool.take(3_000_000)!);
  for (const buffer of large) pool.give(buffer);
  expect(pool.keptBytes).toBe(16 * 1024 * 1024);
  // Then 100 reports of 1-2 MB request buffers, 8 in flight at a time.
  const before = pool.allocated;
  for (let round = 0; round < 100 / 8; round += 1) {
    const taken = Array.from({ length: 8 }, () => pool.take(1_500_000)!);
    for (const buffer of taken) pool.give(buffer);
  }
  const allocated = pool.allocated - before;
  console.log(`2 MB requests: ${allocated} buffers allocated for ${8 * Math.ceil(100 / 8)} takes`);
  // As many as pooled at once would be 8; every take allocates instead.
  expect(allocated).toBeLessThanOrEqual(8);
});

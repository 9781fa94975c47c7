// What calls waiting for SES still hold, measured without the noise of a busy machine: bytes a
// request has written stay referenced until the client's write callbacks run, which a loaded
// machine (the whole suite on 2 cores) delays past the moment the stub has read them.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
/** V8's full collection (exposed at run time, as src/garbage-collector.ts does). */
export const gc = runInNewContext('gc') as () => void;

/**
 * `measure()` minus `before`, collected and re-measured every 50 ms until it is under `bound`
 * or `withinMs` has passed: what is still held then is held for the wait, not waiting for a
 * callback. Callers must give the stub a latency longer than their whole wait plus `withinMs`,
 * and check no call has been answered yet, so that an answer cannot be what lets go.
 * @returns bytes held (the last measure).
 */
export async function heldAfterSettling(
  measure: () => number,
  before: number,
  bound: number,
  withinMs = 3_000,
): Promise<number> {
  const until = performance.now() + withinMs;
  for (;;) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 50));
    gc();
    const held = measure() - before;
    if (held < bound || performance.now() >= until) return held;
  }
}

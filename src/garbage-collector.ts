// V8's garbage collector, called on purpose at the few places where the run knows that a lot of
// memory has just died (src/pipeline.ts between the render and the chart step, the chart raster
// thread after each chart), and told to grow the heap less while a run works (withHeapGrowth).
// Node exposes `gc` only with `--expose-gc` on its command line, which an action does not have;
// the flag set at run time makes `gc` reachable from contexts created after it, so it is set
// just long enough to fetch `gc` from a new one.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** A collection: `major` (full, the default) or `minor` (the young generation only). */
export type CollectGarbage = (options?: { readonly type?: 'minor' | 'major' }) => void;

/**
 * V8's `gc` for this thread. When node was started with `--expose-gc` (a test runner, a
 * profile) its own `gc` is returned and the flag stays as it was; otherwise the flag is on only
 * while `gc` is fetched. Collecting changes how much memory is held, never what the code does.
 */
export function garbageCollector(): CollectGarbage {
  const exposed = (globalThis as { gc?: CollectGarbage }).gc;
  if (typeof exposed === 'function') return exposed;
  setFlagsFromString('--expose-gc');
  try {
    return runInNewContext('gc') as CollectGarbage;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}

/**
 * A full collection by `collect` that also moves what survives onto as few pages as it takes, so
 * the pages it leaves empty are given back to the system. A plain collection moves only the
 * most fragmented few: measured at the end of the bench portfolio's render, 29 MB live on 136 MB
 * committed, and the 136 MB kept for 6 s more, into the chart step. V8's
 * `--compact-on-every-full-gc` is on for this one collection only.
 */
export function compacting(collect: CollectGarbage): void {
  setFlagsFromString('--compact-on-every-full-gc');
  try {
    collect();
  } finally {
    setFlagsFromString('--no-compact-on-every-full-gc');
  }
}

/**
 * How far V8 lets the old generation grow past what survived its last full collection before it
 * starts the next, in percent, while a run renders (`withHeapGrowth`). V8's own factor is up to
 * 4 (300%) when the heap limit is 2 GB or more, as node sets it on a machine with 4 GB or more:
 * the render's heap then reached 2.5-3 times its live size (main thread 166-184 MB committed for
 * 60-80 MB live, the finishing thread 82-98 MB for 31 MB). Measured on the bench's portfolio (see
 * README "Performance"): 50 brings the main heap to about 130 MB committed (174 before) and the
 * process's peak RSS down by about 50 MB, for a few more full collections.
 */
export const HEAP_GROWING_PERCENT = 50;

/** The V8 flag itself; 0 is V8's default (its own factor, from the heap limit and the GC's speed). */
const HEAP_GROWING_FLAG = '--heap-growing-percent';

/**
 * Runs `work` with V8's old-generation growing factor set to 1 + HEAP_GROWING_PERCENT / 100,
 * for every thread of the process (V8's flags are the process's, so threads started meanwhile
 * take it too), and V8's default again once it settles. Left alone when node was started with
 * the flag on its command line (node refuses it in NODE_OPTIONS): the user's setting wins. The setting changes when
 * V8 collects, never what the code does.
 */
export async function withHeapGrowth<T>(
  work: () => Promise<T>,
  percent: number = HEAP_GROWING_PERCENT,
): Promise<T> {
  if (heapGrowthGiven()) return work();
  // A run inside a run (a preview's base run) or two at once: the first to start sets the flag,
  // the last to end puts V8's default back.
  if (growing++ === 0) setFlagsFromString(`${HEAP_GROWING_FLAG}=${percent}`);
  try {
    return await work();
  } finally {
    if (--growing === 0) setFlagsFromString(`${HEAP_GROWING_FLAG}=0`);
  }
}

/** How many withHeapGrowth calls are under way. */
let growing = 0;

/**
 * Whether node's command line set the growing factor (`execArgv`; node refuses the flag in
 * NODE_OPTIONS, so it can come from nowhere else).
 */
export function heapGrowthGiven(execArgv: readonly string[] = process.execArgv): boolean {
  return execArgv.some((option) => /^--heap[-_]growing[-_]percent(=|$)/.test(option));
}

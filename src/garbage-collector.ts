// V8's garbage collector, called on purpose at the few places where the run knows that a lot of
// memory has just died (src/pipeline.ts between the render and the chart step, the chart raster
// thread after each chart), and told to grow the heap less while a run works, and less again
// while it draws its charts (withHeapGrowth).
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
 * docs/performance.md, "Less of the heap waits for a collection"): 50 brings the main heap to
 * about 130 MB committed (174 before) and the process's peak RSS down by about 50 MB, for a few
 * more full collections.
 */
export const HEAP_GROWING_PERCENT = 50;

/**
 * The growth (percent, as HEAP_GROWING_PERCENT) from the collection after the render to the end
 * of the chart step (src/pipeline.ts). Each chart ECharts draws leaves about 0.25-0.35 MB in the
 * old generation (promoted by the young-generation collections, dead by the next full one), so
 * at the run's 50% the pipeline thread's old space went from 20 to 39-40 MB committed by the last
 * of the bench portfolio's 285 charts, 30-32 MB of it live after each full collection, and the
 * whole process peaked there. V8 still grows the limit by at least 8 MB past what survived (its
 * minimum growing step), so any percent up to about 25 gives the same limit there: 32-33 MB of old
 * space at the last chart, the process's RSS there 7 MB lower, for about 11 full collections in
 * the step instead of 6. See docs/performance.md, Memory, "The chart step grows the old
 * generation less".
 */
export const CHART_STEP_HEAP_GROWING_PERCENT = 20;

/** The V8 flag itself; 0 is V8's default (its own factor, from the heap limit and the GC's speed). */
const HEAP_GROWING_FLAG = '--heap-growing-percent';

/**
 * Runs `work` with V8's old-generation growing factor set to 1 + `percent` / 100 (by default
 * HEAP_GROWING_PERCENT), for every thread of the process (V8's flags are the process's, so
 * threads started meanwhile take it too), and puts back what was in effect before once it
 * settles (V8's default when no other call is under way). Calls may nest (the chart step inside
 * a run, a preview's base run inside a run) or overlap (two runs at once) within a thread: the
 * lowest percent of the calls under way is in effect, as each asks for no more growth than that.
 * The calls are counted per thread while the flag is the process's, so runs on two threads at
 * once (not something the CLI or the action does: each runs one pipeline) set it in turn. Left
 * alone when node was started with the flag on its command line (node refuses it in
 * NODE_OPTIONS): the user's setting wins, in the bundle's threads too, which inherit the
 * command line (a thread started from the sources under tsx does not, and sets it). The setting
 * changes when V8 collects, never what the code does.
 */
export async function withHeapGrowth<T>(
  work: () => Promise<T>,
  percent: number = HEAP_GROWING_PERCENT,
): Promise<T> {
  if (heapGrowthGiven()) return work();
  asked.push(percent);
  applyHeapGrowth();
  try {
    return await work();
  } finally {
    asked.splice(asked.indexOf(percent), 1);
    applyHeapGrowth();
  }
}

/** The percents the withHeapGrowth calls under way asked for. */
const asked: number[] = [];
/** The percent last set (0: V8's default, as at start-up). */
let applied = 0;

/** Sets the flag to the lowest percent asked for (0 when none is), when that changes it. */
function applyHeapGrowth(): void {
  const wanted = asked.length === 0 ? 0 : Math.min(...asked);
  if (wanted === applied) return;
  setFlagsFromString(`${HEAP_GROWING_FLAG}=${wanted}`);
  applied = wanted;
}

/**
 * Whether node's command line set the growing factor (`execArgv`; node refuses the flag in
 * NODE_OPTIONS, so it can come from nowhere else).
 */
export function heapGrowthGiven(execArgv: readonly string[] = process.execArgv): boolean {
  return execArgv.some((option) => /^--heap[-_]growing[-_]percent(=|$)/.test(option));
}

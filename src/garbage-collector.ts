// V8's garbage collector, called on purpose at the few places where the run knows that a lot of
// memory has just died (src/pipeline.ts between the render and the chart step, the chart raster
// thread after each chart). Node exposes `gc` only with `--expose-gc` on its command line, which an
// action does not have; the flag set at run time makes `gc` reachable from contexts created after
// it, so it is set just long enough to fetch `gc` from a new one.
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

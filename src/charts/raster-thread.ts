// The raster thread: one worker thread for a chart step with many charts, which reads each
// chart's SVG, rasterises it (resvg) and encodes its PNG while the main thread draws the next
// chart's SVG (ECharts). Measured on the 1,000-report portfolio's 285 charts: the SVG is about
// 10 ms of the main thread's time and the raster and PNG about 25 ms of the thread's, so a chart
// takes about the raster's time instead of their sum. One thread, loading resvg and the fonts
// only: whole-chart workers each loaded ECharts and compiled resvg again (see
// docs/performance.md, Charts).
import { Worker } from 'node:worker_threads';
import { MAIN_THREAD_STACK_MB } from '../thread-stack.js';
import { workerEntry } from '../worker-entry.js';

/** Turns a chart's SVG into its PNG somewhere else than this thread (see drawChart). */
export interface Rasterizer {
  /**
   * The PNG of `svg` at `pixelRatio` PNG pixels per CSS pixel: the bytes drawChart makes
   * in-process.
   * @throws Error (as a rejection) with resvg's message when it cannot read the SVG, or why the
   *   thread stopped (it could not start, or died) for every chart it held or is given later.
   */
  png(svg: string, pixelRatio: number): Promise<Uint8Array>;
}

/** The raster thread, open for one chart step. */
export interface RasterThread extends Rasterizer {
  /** Stops the thread; call it once every chart handed to it has come back. */
  close(): Promise<void>;
}

/** What goes to the thread: one chart. */
export interface RasterJob {
  readonly id: number;
  readonly svg: string;
  readonly pixelRatio: number;
}

/** What comes back: the chart's PNG, or resvg's message. */
export type RasterReply =
  | { readonly id: number; readonly png: Uint8Array }
  | { readonly id: number; readonly error: string };

/**
 * Starts the raster thread. It reads the WebAssembly module and fonts itself, while the caller
 * loads ECharts. Never throws: a thread that cannot start (its code or an asset missing) or that
 * dies fails each chart it held, and each chart given to it later, with the reason.
 * @param entry the thread's code (tests only; by default raster-worker beside this file).
 */
export function openRasterThread(entry?: { filename: string; execArgv?: string[] }): RasterThread {
  const pending = new Map<
    number,
    { resolve: (png: Uint8Array) => void; reject: (error: Error) => void }
  >();
  let stopped: string | undefined;
  let closing = false;
  let next = 0;
  let worker: Worker | undefined;
  const stop = (why: string) => {
    if (stopped !== undefined) return;
    stopped = why;
    for (const { reject } of pending.values()) reject(new Error(why));
    pending.clear();
  };
  try {
    const { filename, execArgv } = entry ?? workerEntry('charts/raster-worker', { whose: 'its' });
    worker = new Worker(filename, {
      ...(execArgv ? { execArgv } : {}),
      resourceLimits: { stackSizeMb: MAIN_THREAD_STACK_MB },
    });
    worker.on('message', (reply: RasterReply) => {
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if ('error' in reply) waiting.reject(new Error(reply.error));
      else waiting.resolve(reply.png);
    });
    worker.on('error', (error) => stop(`its raster thread stopped: ${error.message}`));
    worker.on('messageerror', (error) => stop(`its raster thread stopped: ${error.message}`));
    worker.on('exit', (code) => {
      if (!closing) stop(`its raster thread exited (code ${code})`);
    });
  } catch (error) {
    stop(`its raster thread could not start: ${(error as Error).message}`);
  }
  return {
    png: (svg, pixelRatio) => {
      if (stopped !== undefined) return Promise.reject(new Error(stopped));
      const id = next++;
      return new Promise<Uint8Array>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker!.postMessage({ id, svg, pixelRatio } satisfies RasterJob);
      });
    },
    close: async () => {
      closing = true;
      stop('its raster thread was closed');
      await worker?.terminate();
    },
  };
}

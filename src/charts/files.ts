// Draws a run's charts into OUT/reports/charts: each distinct chart once (ChartCache), as
// `<key>.png`, the name the reports and emails refer to it by. Loaded by the pipeline only when a
// report has a chart, so the chart libraries never load otherwise.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ChartCache } from './cache.js';
import { type RasterThread, openRasterThread } from './raster-thread.js';
import type { ChartSpec } from './spec.js';

/** One drawn chart file: its key, the PNG's path, its size in bytes and the time it took. */
export interface ChartFile {
  readonly key: string;
  readonly file: string;
  readonly bytes: number;
  /**
   * Milliseconds from the start of its drawing to its file written (SVG, PNG, file); the first
   * includes loading the libraries. A chart's raster or compression and file run beside the next
   * chart's drawing (see writeChartFiles), so these add up to more than the step's time.
   */
  readonly drawMs: number;
}

/**
 * The raster thread is started for this many distinct charts or more. It costs a thread's start
 * and its own copy of resvg (20-40 MB of peak RSS) and saves about 25 ms of this thread's time a
 * chart; below this (the example's 12 charts: measured, it does not pay there) the charts are
 * drawn in-process.
 */
export const MIN_CHARTS_FOR_RASTER_THREAD = 24;

/** Charts in flight at most: drawn on this thread, then rasterised and compressed, then written. */
const IN_FLIGHT = 2;
/**
 * With the raster thread: one being drawn here, one queued for the thread (so it never waits for
 * this thread), one being rasterised. Each holds an SVG and a PNG, tens of KB, until its file is
 * written: the cache does not keep them (ChartCache.take).
 */
const IN_FLIGHT_WITH_THREAD = 3;

/**
 * Draws each spec of `charts` (key -> spec, already deduplicated by key) through `cache` and
 * writes `<folder>/<key>.png`. Each chart's SVG is drawn on this thread, one chart at a time;
 * its PNG is made either here, its compression left to libuv's pool, or, for
 * MIN_CHARTS_FOR_RASTER_THREAD charts or more, on one raster thread (raster-thread.ts, started
 * here and closed before this returns or throws) while the next chart's SVG is drawn. The PNGs
 * are the same bytes either way; at most two charts (three with the thread) are in flight, and
 * a chart's PNG and SVG are let go of once its file is written (`cache.take`: the cache counts
 * the chart in `draws` but does not keep it).
 * @param options.rasterThread whether to use a raster thread of its own (tests; by default as
 *   above, and never for a cache with a draw of its own), or an open one to use (the bench).
 * @returns the files in the order of `charts`.
 * @throws Error `chart <key>: <why>` when a chart cannot be drawn (a missing font or WebAssembly
 *   file, an SVG resvg cannot read, the raster thread stopped) or written: the first such chart
 *   in the order of `charts`; no chart after the ones in flight with it is begun.
 */
export async function writeChartFiles(
  charts: ReadonlyMap<string, ChartSpec>,
  folder: string,
  cache: ChartCache = new ChartCache(),
  {
    rasterThread = cache.drawsWithDrawChart && charts.size >= MIN_CHARTS_FOR_RASTER_THREAD,
  }: { rasterThread?: boolean | RasterThread } = {},
): Promise<ChartFile[]> {
  await mkdir(folder, { recursive: true });
  // A thread the caller opened (the bench, to time charts with resvg already compiled in it) is
  // the caller's to close.
  const own = rasterThread === true ? openRasterThread() : undefined;
  const thread = own ?? (typeof rasterThread === 'object' ? rasterThread : undefined);
  try {
    return await writeAll(charts, folder, cache, thread);
  } finally {
    await own?.close();
  }
}

async function writeAll(
  charts: ReadonlyMap<string, ChartSpec>,
  folder: string,
  cache: ChartCache,
  thread: RasterThread | undefined,
): Promise<ChartFile[]> {
  const files: ChartFile[] = [];
  const inFlight: Promise<ChartFile>[] = [];
  const finishFirst = async () => {
    try {
      files.push(await inFlight[0]!);
      inFlight.shift();
    } catch (error) {
      await Promise.allSettled(inFlight);
      throw error;
    }
  };
  const most = thread ? IN_FLIGHT_WITH_THREAD : IN_FLIGHT;
  for (const [key, spec] of charts) {
    // In-process, the first chart (which loads the libraries) is finished before the next begins;
    // with the thread, the next SVGs are drawn while the thread starts resvg.
    if (inFlight.length === most || (!thread && files.length === 0 && inFlight.length === 1)) {
      await finishFirst();
    }
    const current = writeChartFile(key, spec, folder, cache, thread);
    // Awaited in order by finishFirst; until then a failure must not count as unhandled.
    current.catch(() => {});
    inFlight.push(current);
    // A chart is drawn in microtasks, up to its compression (or its hand-over to the thread),
    // before any I/O or immediate callback runs: so the next chart begins once this thread is
    // free, and its drawMs is its own.
    await new Promise((resolve) => setImmediate(resolve));
  }
  while (inFlight.length > 0) await finishFirst();
  return files;
}

/** Draws one chart and writes its PNG (see writeChartFiles); its errors name its key. */
async function writeChartFile(
  key: string,
  spec: ChartSpec,
  folder: string,
  cache: ChartCache,
  thread: RasterThread | undefined,
): Promise<ChartFile> {
  const started = performance.now();
  let drawn;
  try {
    drawn = await cache.take(spec, thread);
  } catch (error) {
    throw new Error(`chart ${key}: ${(error as Error).message}`, { cause: error });
  }
  if (drawn.key !== key) throw new Error(`chart ${key}: its spec hashes to ${drawn.key}`);
  const file = path.join(folder, `${key}.png`);
  try {
    await writeFile(file, drawn.png);
  } catch (error) {
    throw new Error(`chart ${key}: ${(error as Error).message}`, { cause: error });
  }
  return { key, file, bytes: drawn.png.length, drawMs: performance.now() - started };
}

export { ChartCache };

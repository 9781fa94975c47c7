// Draws a run's charts into OUT/reports/charts: each distinct chart once (ChartCache), as
// `<key>.png`, the name the reports and emails refer to it by. Loaded by the pipeline only when a
// report has a chart, so the chart libraries never load otherwise.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ChartCache } from './cache.js';
import type { ChartSpec } from './spec.js';

/** One drawn chart file: its key, the PNG's path, its size in bytes and the time it took. */
export interface ChartFile {
  readonly key: string;
  readonly file: string;
  readonly bytes: number;
  /**
   * Milliseconds from the start of its drawing to its file written (SVG, PNG, file); the first
   * includes loading the libraries. A chart's compression and file run beside the next chart's
   * drawing (see writeChartFiles), so these add up to a little more than the step's time.
   */
  readonly drawMs: number;
}

/**
 * Draws each spec of `charts` (key -> spec, already deduplicated by key) through `cache` and
 * writes `<folder>/<key>.png`. Drawing is CPU-bound and runs on this thread one chart at a time;
 * what a chart then leaves to the thread pool (compressing its PNG, writing its file) runs while
 * the next chart is drawn, so at most two charts are in flight.
 * @returns the files in the order of `charts`.
 * @throws Error when a chart cannot be drawn (a missing font or WebAssembly file) or written: the
 *   first such chart in the order of `charts`; no chart after the one in flight with it is begun.
 */
export async function writeChartFiles(
  charts: ReadonlyMap<string, ChartSpec>,
  folder: string,
  cache: ChartCache = new ChartCache(),
): Promise<ChartFile[]> {
  await mkdir(folder, { recursive: true });
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
  for (const [key, spec] of charts) {
    // The first chart (which loads the libraries) is finished before the next begins.
    if (inFlight.length === 2 || (files.length === 0 && inFlight.length === 1)) {
      await finishFirst();
    }
    const current = writeChartFile(key, spec, folder, cache);
    // Awaited in order by finishFirst; until then a failure must not count as unhandled.
    current.catch(() => {});
    inFlight.push(current);
    // A chart is drawn in microtasks, up to its compression, before any I/O or immediate callback
    // runs: so the next chart begins once this thread is free, and its drawMs is its own.
    await new Promise((resolve) => setImmediate(resolve));
  }
  while (inFlight.length > 0) await finishFirst();
  return files;
}

/** Draws one chart and writes its PNG (see writeChartFiles). */
async function writeChartFile(
  key: string,
  spec: ChartSpec,
  folder: string,
  cache: ChartCache,
): Promise<ChartFile> {
  const started = performance.now();
  const drawn = await cache.get(spec);
  if (drawn.key !== key) throw new Error(`chart ${key}: its spec hashes to ${drawn.key}`);
  const file = path.join(folder, `${key}.png`);
  await writeFile(file, drawn.png);
  return { key, file, bytes: drawn.png.length, drawMs: performance.now() - started };
}

export { ChartCache };

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
  /** Milliseconds spent drawing (SVG + PNG); the first includes loading the libraries. */
  readonly drawMs: number;
}

/**
 * Draws each spec of `charts` (key -> spec, already deduplicated by key) through `cache` and
 * writes `<folder>/<key>.png`, one at a time (drawing is CPU-bound; a run's charts are few).
 * @returns the files in the order of `charts`.
 * @throws Error when a chart cannot be drawn (a missing font or WebAssembly file) or written.
 */
export async function writeChartFiles(
  charts: ReadonlyMap<string, ChartSpec>,
  folder: string,
  cache: ChartCache = new ChartCache(),
): Promise<ChartFile[]> {
  await mkdir(folder, { recursive: true });
  const files: ChartFile[] = [];
  for (const [key, spec] of charts) {
    const started = performance.now();
    const drawn = await cache.get(spec);
    const drawMs = performance.now() - started;
    if (drawn.key !== key) throw new Error(`chart ${key}: its spec hashes to ${drawn.key}`);
    const file = path.join(folder, `${key}.png`);
    await writeFile(file, drawn.png);
    files.push({ key, file, bytes: drawn.png.length, drawMs });
  }
  return files;
}

export { ChartCache };

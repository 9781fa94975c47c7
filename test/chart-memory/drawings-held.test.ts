// What the chart step holds while it draws (issue 13, the whole dry-run's peak RSS): the run's
// ChartCache kept every chart's PNG and SVG until the step ended (on the bench portfolio 285
// charts, 11 MB of PNG and 2.8 million characters of SVG, and V8's old generation grew by half as
// much again on top of them), although each is written to its file at once and never read again.
// writeChartFiles now takes each drawing from the cache (ChartCache.take): held while it is in
// flight, let go of once its file is written. Before: every chart below stayed held to the end.
import { readFile } from 'node:fs/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ChartCache } from '../../src/charts/cache.js';
import { type DrawnChart, drawChart } from '../../src/charts/draw.js';
import { writeChartFiles } from '../../src/charts/files.js';
import { type ChartSpec, chartKey } from '../../src/charts/spec.js';
import { tempDir } from '../helpers.js';
import { CHART_KINDS } from '../charts-speed/kinds.js';

setFlagsFromString('--expose-gc');
/** V8's full collection (exposed at run time, as src/garbage-collector.ts does). */
const gc = runInNewContext('gc') as () => void;
setFlagsFromString('--no-expose-gc');

const MiB = 1024 * 1024;
const CHARTS = 24;
// Each chart's drawing below runs a full collection: slow on a loaded 2-core machine.
const SLOW = 120_000;

/** CHARTS distinct specs (their titles differ, so their keys do). */
function specs(): Map<string, ChartSpec> {
  const base = Object.values(CHART_KINDS)[0]!;
  return new Map(
    Array.from({ length: CHARTS }, (_, i) => {
      const spec = { ...base, title: `Entity ${i}: revenue and spending by month` };
      return [chartKey(spec), spec] as const;
    }),
  );
}

/**
 * A drawing that makes a `pngBytes` PNG (a distinct buffer per chart, watched through a WeakRef)
 * and an SVG of `svgChars` characters (a flat string of its own), as a ChartCache's draw; `alive`
 * counts the PNGs not yet collected.
 */
function fakeDrawing({ pngBytes, svgChars }: { pngBytes: number; svgChars: number }) {
  const pngs: WeakRef<Uint8Array>[] = [];
  const alive = () => pngs.filter((png) => png.deref() !== undefined).length;
  const held: number[] = [];
  const draw = async (spec: ChartSpec): Promise<DrawnChart> => {
    // What is still held of the charts before this one, once the garbage is collected.
    gc();
    held.push(alive());
    const png = new Uint8Array(pngBytes).fill(pngs.length % 251);
    pngs.push(new WeakRef(png));
    const svg = Buffer.alloc(svgChars, 97 + (pngs.length % 26)).toString('latin1');
    await new Promise((resolve) => setImmediate(resolve));
    return { png, svg, width: spec.width, height: spec.height, pixelRatio: 2 };
  };
  return { draw, alive, held };
}

/** Collects until `measure()` settles (finished writes' buffers wait for their callbacks). */
async function settled(measure: () => number): Promise<number> {
  let last = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 20; round++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const now = measure();
    if (now >= last) return now;
    last = now;
  }
  return last;
}

describe('the chart step lets go of each drawing once its file is written', () => {
  it(
    'holds no chart PNG after writeChartFiles, with its cache still referenced',
    async () => {
      const fake = fakeDrawing({ pngBytes: MiB, svgChars: 1000 });
      const cache = new ChartCache(fake.draw);
      const charts = specs();
      const buffersBefore = await settled(() => process.memoryUsage().arrayBuffers);
      const files = await writeChartFiles(charts, tempDir('chart-held-'), cache);
      const buffersAfter = await settled(() => process.memoryUsage().arrayBuffers);
      // Every chart drawn once and written whole: the files are the drawings.
      expect(files.map((f) => [f.key, f.bytes])).toEqual([...charts.keys()].map((k) => [k, MiB]));
      expect(await readFile(files[5]!.file)).toEqual(Buffer.alloc(MiB, 5));
      // Before: all 24 PNGs (24 MiB of ArrayBuffers) held by the cache, which is still
      // referenced here.
      expect(fake.alive()).toBe(0);
      expect(buffersAfter - buffersBefore).toBeLessThan(2 * MiB);
      expect([cache.draws, cache.size]).toEqual([CHARTS, 0]);
    },
    SLOW,
  );

  it(
    'holds at most the charts in flight while it draws, not every chart drawn so far',
    async () => {
      const fake = fakeDrawing({ pngBytes: MiB, svgChars: 1000 });
      await writeChartFiles(specs(), tempDir('chart-flight-'), new ChartCache(fake.draw));
      // In-process, two charts are in flight (files.ts IN_FLIGHT): the one being written and the
      // one before this draw. Before: 0, 1, 2, ... 23, the whole run's charts so far.
      expect(fake.held).toHaveLength(CHARTS);
      expect(Math.max(...fake.held)).toBeLessThanOrEqual(2);
    },
    SLOW,
  );

  it(
    'holds no chart SVG after writeChartFiles (the heap, not only ArrayBuffers)',
    async () => {
      // 24 SVGs of 512 KiB characters each: 12 MiB of strings if they were kept.
      const fake = fakeDrawing({ pngBytes: 1024, svgChars: 512 * 1024 });
      const cache = new ChartCache(fake.draw);
      const heapBefore = await settled(() => process.memoryUsage().heapUsed);
      await writeChartFiles(specs(), tempDir('chart-svg-'), cache);
      const heapAfter = await settled(() => process.memoryUsage().heapUsed);
      // Before: 12 MiB and more held.
      expect(heapAfter - heapBefore).toBeLessThan(3 * MiB);
      expect(cache.size).toBe(0);
    },
    SLOW,
  );

  it(
    'with real charts (ECharts and resvg), writes drawChart`s bytes and keeps none of them',
    async () => {
      const charts = new Map(
        Object.values(CHART_KINDS).map((spec) => [chartKey(spec), spec] as const),
      );
      const cache = new ChartCache();
      const files = await writeChartFiles(charts, tempDir('chart-real-'), cache, {
        rasterThread: false,
      });
      expect([cache.draws, cache.size]).toEqual([charts.size, 0]);
      for (const [key, spec] of charts) {
        const file = files.find((f) => f.key === key)!;
        expect(await readFile(file.file)).toEqual(Buffer.from((await drawChart(spec)).png));
      }
    },
    SLOW,
  );
});

describe('ChartCache.take', () => {
  const spec = Object.values(CHART_KINDS)[0]!;
  /** A small drawing of `given`, as a draw hands it back. */
  const drawnOf = (given: ChartSpec) => ({
    png: new Uint8Array(8),
    svg: '<svg/>',
    width: given.width,
    height: given.height,
    pixelRatio: 2,
  });
  const counting = () => {
    let calls = 0;
    const cache = new ChartCache(async (given) => {
      calls++;
      await new Promise((resolve) => setImmediate(resolve));
      return drawnOf(given);
    });
    return { cache, calls: () => calls };
  };

  it('shares one drawing with the asks made while it is drawn, then keeps nothing', async () => {
    const { cache, calls } = counting();
    const [taken, asked] = await Promise.all([cache.take(spec), cache.get(spec)]);
    expect(calls()).toBe(1);
    expect(asked.png).toBe(taken.png);
    expect(taken.key).toBe(chartKey(spec));
    expect([cache.draws, cache.size]).toEqual([1, 0]);
    // Nothing held: a later ask draws again (and counts it).
    await cache.take(spec);
    expect([calls(), cache.draws, cache.size]).toEqual([2, 2, 0]);
  });

  it('leaves a drawing that get began held, as get promised its later asks', async () => {
    const { cache, calls } = counting();
    const first = await cache.get(spec);
    const taken = await cache.take(spec);
    expect(taken.png).toBe(first.png);
    expect([calls(), cache.size]).toEqual([1, 1]);
  });

  it('passes a failed drawing`s error on and keeps nothing, so the next ask draws again', async () => {
    let calls = 0;
    const cache = new ChartCache(async (given) => {
      calls++;
      if (calls === 1) throw new Error('wasm missing');
      return drawnOf(given);
    });
    await expect(cache.take(spec)).rejects.toThrow('wasm missing');
    expect(cache.size).toBe(0);
    expect((await cache.take(spec)).key).toBe(chartKey(spec));
    expect(calls).toBe(2);
  });
});

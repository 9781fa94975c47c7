// The chart step compresses a chart's PNG on the thread pool while the next chart is drawn
// (src/charts/png.ts encodePngAsync, src/charts/files.ts writeChartFiles). Neither may change a
// byte: the async encoder must write encodePng's very bytes, also with two images in flight
// (each needs its own row buffer), and the files must come out in order, each chart's PNG under
// its own name, with a failure reported as the first failing chart, not as an unhandled rejection.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChartCache } from '../../src/charts/cache.js';
import type { DrawnChart } from '../../src/charts/draw.js';
import { writeChartFiles } from '../../src/charts/files.js';
import { encodePng, encodePngAsync } from '../../src/charts/png.js';
import { type ChartSpec, chartKey } from '../../src/charts/spec.js';
import { CHART_KINDS } from './kinds.js';

/** A PNG's SHA-256 (comparing megabytes element by element with toEqual takes minutes). */
const sha = (png: Uint8Array) => createHash('sha256').update(png).digest('hex');

/** A deterministic RGBA image whose every byte differs from its neighbours. */
function noise(width: number, height: number, seed: number): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  let state = seed;
  for (let i = 0; i < rgba.length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    rgba[i] = state >>> 24;
  }
  return rgba;
}

/** A chart-like image: white with a few flat bands (what deflate meets in a real chart). */
function bands(width: number, height: number, colour: number): Uint8Array {
  const rgba = new Uint8Array(width * height * 4).fill(255);
  for (let y = Math.floor(height / 3); y < Math.floor((2 * height) / 3); y++) {
    for (let x = 0; x < width; x += 2)
      rgba.set([colour, 128, 255 - colour, 255], (y * width + x) * 4);
  }
  return rgba;
}

describe('encodePngAsync', () => {
  it.each([
    ['a 1200x600 chart-like image', 1200, 600, bands(1200, 600, 31)],
    ['a 7x3 noise image (not a whole number of 4-pixel words)', 7, 3, noise(7, 3, 5)],
  ])('writes the same bytes as encodePng for %s', async (_name, width, height, rgba) => {
    expect(sha(await encodePngAsync(rgba, width, height))).toBe(
      sha(encodePng(rgba, width, height)),
    );
  });

  it('keeps two images in flight apart (each has its own row buffer), and reuses buffers after', async () => {
    const images = [bands(1200, 600, 10), noise(1200, 600, 2), bands(1200, 600, 200)];
    const expected = images.map((rgba) => sha(encodePng(rgba, 1200, 600)));
    // Three at once: more than the two buffers kept, so one is allocated for the call.
    const got = await Promise.all(images.map((rgba) => encodePngAsync(rgba, 1200, 600)));
    expect(got.map(sha)).toEqual(expected);
    const again = await Promise.all(
      images.slice(0, 2).map((rgba) => encodePngAsync(rgba, 1200, 600)),
    );
    expect(again.map(sha)).toEqual(expected.slice(0, 2));
    // The caller's pixels may be reused as soon as the call returns: the rows are copied first.
    const reused = bands(1200, 600, 77);
    const pending = encodePngAsync(reused, 1200, 600);
    const before = sha(encodePng(bands(1200, 600, 77), 1200, 600));
    reused.fill(0);
    expect(sha(await pending)).toBe(before);
  });

  it('rejects pixels of the wrong length with the same RangeError as encodePng', async () => {
    await expect(encodePngAsync(new Uint8Array(10), 2, 2)).rejects.toThrow(
      'encodePng: 10 bytes for a 2x2 RGBA image',
    );
    expect(() => encodePng(new Uint8Array(10), 2, 2)).toThrow(RangeError);
  });
});

describe('writeChartFiles, one chart compressing while the next is drawn', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'boardroom-overlap-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  const specs = new Map(Object.values(CHART_KINDS).map((spec) => [chartKey(spec), spec] as const));

  /** A fake drawing whose PNG is its spec's title, finished after `delay(spec)` milliseconds. */
  function fakeDraw(delay: (spec: ChartSpec) => number, log: string[] = []) {
    let inFlight = 0;
    let most = 0;
    const draw = async (spec: ChartSpec): Promise<DrawnChart> => {
      inFlight++;
      most = Math.max(most, inFlight);
      log.push(`start ${spec.title}`);
      await new Promise((resolve) => setTimeout(resolve, delay(spec)));
      inFlight--;
      if (spec.title.startsWith('fail')) throw new Error(`cannot draw ${spec.title}`);
      return { png: Buffer.from(spec.title), svg: '', width: 1, height: 1, pixelRatio: 2 };
    };
    return { draw, most: () => most };
  }

  it('writes every chart in order under its key, at most two in flight', async () => {
    // Later charts finish first: the files still come back in the order of the map.
    const keys = [...specs.keys()];
    const fake = fakeDraw((spec) => 5 * (specs.size - keys.indexOf(chartKey(spec))));
    const files = await writeChartFiles(specs, folder, new ChartCache(fake.draw));
    expect(files.map((f) => f.key)).toEqual(keys);
    expect(fake.most()).toBe(2);
    for (const [key, spec] of specs) {
      expect(await readFile(path.join(folder, `${key}.png`), 'utf8')).toBe(spec.title);
    }
    expect((await readdir(folder)).length).toBe(specs.size);
  });

  it('begins a chart only when the one before has left this thread (the first: when it is done)', async () => {
    const log: string[] = [];
    const titles = new Map([...specs.values()].map((spec, i) => [spec.title, i]));
    // As drawChart: a microtask's wait (the loaded libraries), the drawing on this thread, then
    // the compression on the pool (a timer here), which the next chart may overlap.
    const draw = async (spec: ChartSpec): Promise<DrawnChart> => {
      const i = titles.get(spec.title)!;
      log.push(`start ${i}`);
      await Promise.resolve();
      log.push(`drew ${i}`);
      await new Promise((resolve) => setTimeout(resolve, 3));
      log.push(`done ${i}`);
      return { png: Buffer.from(spec.title), svg: '', width: 1, height: 1, pixelRatio: 2 };
    };
    await writeChartFiles(specs, folder, new ChartCache(draw));
    const at = (entry: string) => log.indexOf(entry);
    expect(at('start 1')).toBeGreaterThan(at('done 0'));
    for (let i = 2; i < specs.size; i++) {
      expect(at(`start ${i}`)).toBeGreaterThan(at(`drew ${i - 1}`));
      expect(at(`start ${i}`)).toBeGreaterThan(at(`done ${i - 2}`));
    }
    // And it does overlap: some chart begins before the one before it is done.
    expect([...titles.values()].some((i) => i > 0 && at(`start ${i}`) < at(`done ${i - 1}`))).toBe(
      true,
    );
  });

  it('throws the first failing chart in order (a later one failing too is not unhandled)', async () => {
    const kinds = Object.values(CHART_KINDS);
    const failing = new Map(
      kinds.slice(0, 4).map((spec, i) => {
        const named = { ...spec, title: i === 1 || i === 2 ? `fail ${i}` : spec.title };
        return [chartKey(named), named] as const;
      }),
    );
    const log: string[] = [];
    // Chart 2 fails before chart 1 does; chart 1 is the first in order, so its error is thrown.
    const fake = fakeDraw((spec) => (spec.title === 'fail 1' ? 30 : 1), log);
    await expect(writeChartFiles(failing, folder, new ChartCache(fake.draw))).rejects.toThrow(
      'cannot draw fail 1',
    );
    // Chart 3 was never begun: only the one chart after the failing one was in flight.
    expect(log).toEqual([`start ${kinds[0]!.title}`, 'start fail 1', 'start fail 2']);
  });
});

describe('drawChart through writeChartFiles', () => {
  it('writes the PNG drawChart draws, byte for byte, with two real charts overlapping', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'boardroom-overlap-'));
    try {
      const cache = new ChartCache();
      const some = new Map([...specs()].slice(0, 3));
      await writeChartFiles(some, folder, cache);
      const alone = new ChartCache();
      for (const [key, spec] of some) {
        const drawn = await alone.get(spec);
        expect(sha(await readFile(path.join(folder, `${key}.png`)))).toBe(sha(drawn.png));
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 60_000);
});

function specs(): Map<string, ChartSpec> {
  return new Map(Object.values(CHART_KINDS).map((spec) => [chartKey(spec), spec] as const));
}

// The chart step was made faster without changing a pixel or a byte: each kind of chart the
// analyses draw still decodes to exactly the pixels, and encodes to exactly the PNG bytes, that
// the code before the change drew (hashes taken with src/charts of 2026-11-29, before issue 13's
// chart work, by drawing test/charts-speed/kinds.ts in a fresh process). They depend on the
// versions of echarts, zrender, @resvg/resvg-wasm and the Inter font files: upgrading one of
// those may legitimately change them (look at the new PNGs, then take the hashes again).
import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { drawChart } from '../../src/charts/draw.js';
import { CHART_KINDS } from './kinds.js';

const BEFORE: Record<string, { pixels: string; png: string }> = {
  'trend (bars by month, one money unit)': {
    pixels: '87cce50ccaadbf8b8eda60532b12e779',
    png: '480520f38b8d0a3609382b6baaba880a',
  },
  'cash and runway (bars and a line, two units)': {
    pixels: '39fe0bacc824900428b088964441aa75',
    png: '06df710f7d616551bd64f86acaf8b749',
  },
  'spend and ROAS (bars and points by category)': {
    pixels: 'c0a0c87c9d55309181cf0246aab9d524',
    png: '1e819fc3ed7b83602d91871c34591fdf',
  },
  'aging (one bar series by category, 480x240)': {
    pixels: '6420e90e6ccb9a817a6e34c777a65bce',
    png: '086b6fb727a035ff0c5f68f38e4808f4',
  },
  'occupancy (stacked bars)': {
    pixels: '096a09294c8194ec482679ba97d2d688',
    png: 'f2e4cb4d8c1cfca0cbc358f85333ca41',
  },
  'a line of three points (labelled)': {
    pixels: 'fae40cac00abb926095041126e774b52',
    png: '80d0d7d04aa88faedf59ded66724376f',
  },
  'no data': {
    pixels: '0c97355bba73d985dc37ff5c1eb18f40',
    png: 'fc13d07b40899c4c6fa200763ccd31c0',
  },
};

/** The RGB pixels of a PNG this project writes (8-bit RGB, filter None on every row). */
function rgbPixels(png: Uint8Array): Buffer {
  const bytes = Buffer.from(png);
  let at = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (at < bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([...data.subarray(8)]).toEqual([8, 2, 0, 0, 0]);
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 3 + 1;
  expect(raw.length).toBe(stride * height);
  const rgb = Buffer.alloc(width * 3 * height);
  for (let y = 0; y < height; y++) {
    expect(raw[y * stride]).toBe(0);
    raw.copy(rgb, y * width * 3, y * stride + 1, (y + 1) * stride);
  }
  return rgb;
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 32);

describe('chart pixels before and after the chart step was made faster', () => {
  // The first draw of a process loads ECharts and compiles resvg's WebAssembly: seconds on a
  // busy machine, so it happens here, under its own time limit, and not in the first test.
  beforeAll(async () => {
    await drawChart(CHART_KINDS['no data']!);
  }, 120_000);

  it('has a hash for every kind and a kind for every hash', () => {
    expect(Object.keys(CHART_KINDS).sort()).toEqual(Object.keys(BEFORE).sort());
  });

  it.each(Object.keys(BEFORE))('draws "%s" with the same pixels and PNG bytes', async (name) => {
    const drawn = await drawChart(CHART_KINDS[name]!);
    expect(sha(rgbPixels(drawn.png))).toBe(BEFORE[name]!.pixels);
    expect(sha(drawn.png)).toBe(BEFORE[name]!.png);
  });

  it('draws the same chart twice in one process to the same bytes (nothing carried over)', async () => {
    const spec = CHART_KINDS['spend and ROAS (bars and points by category)']!;
    const first = await drawChart(spec);
    await drawChart(CHART_KINDS['occupancy (stacked bars)']!);
    const again = await drawChart(spec);
    expect(Buffer.from(again.png)).toEqual(Buffer.from(first.png));
  });
});

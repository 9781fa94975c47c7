import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { ChartCache } from '../../src/charts/cache.js';
import { type DrawnChart, FONT_FAMILY, PIXEL_RATIO, drawChart } from '../../src/charts/draw.js';
import { encodePng, pngSize } from '../../src/charts/png.js';
import { type ChartSpec, categoryChart, monthlyChart } from '../../src/charts/spec.js';

const usd = { kind: 'money', currency: 'USD' } as const;
const months = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
const revenue = [
  42100, 43950, 41200, 45800, 47300, 52950, 38400, 40100, 44700, 46200, 48900, 51350,
];
const spending = [
  39800, 40200, 41900, 42100, 43900, 47100, 44300, 42800, 43100, 43900, 44800, 45200,
];

const revenueVsSpending = (title = 'Acme Bakery: revenue against spending') =>
  monthlyChart({
    title,
    months,
    series: [
      { name: 'Revenue', unit: usd, values: revenue },
      { name: 'Spending', unit: usd, values: spending },
    ],
  });

const spendByChannel = () =>
  categoryChart({
    title: 'Spend by channel',
    categoryLabel: 'Channel',
    categories: ['Search', 'Social', 'Email'],
    series: [{ name: 'Spend', unit: usd, values: [12400, 8300, 1200] }],
    width: 480,
    height: 240,
  });

/**
 * Decodes the PNGs this project writes (8-bit RGB, filter Sub or None) by the PNG rules, checking
 * every chunk's CRC: an independent reading of what encodePng wrote.
 */
function decodeRgbPng(png: Uint8Array): {
  width: number;
  height: number;
  rgb: Buffer;
  pixel: (x: number, y: number) => string;
} {
  const bytes = Buffer.from(png);
  let at = 8;
  const idat: Buffer[] = [];
  let width = 0;
  let height = 0;
  while (at < bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    const crc = bytes.readUInt32BE(at + 8 + length);
    expect(crc, `${type} CRC`).toBe(crc32(bytes.subarray(at + 4, at + 8 + length)));
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
  const rgb = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * stride]!;
    expect([0, 1]).toContain(filter);
    for (let i = 0; i < width * 3; i++) {
      const left = filter === 1 && i >= 3 ? rgb[y * width * 3 + i - 3]! : 0;
      rgb[y * width * 3 + i] = (raw[y * stride + 1 + i]! + left) & 0xff;
    }
  }
  const pixel = (x: number, y: number) =>
    '#' +
    [...rgb.subarray((y * width + x) * 3, (y * width + x) * 3 + 3)]
      .map((b) => b.toString(16).padStart(2, '0'))
      .join('');
  return { width, height, rgb, pixel };
}

// CRC-32 as the PNG specification gives it (bitwise), not node's, so the check is independent.
function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function countColour(image: ReturnType<typeof decodeRgbPng>, colour: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
  let count = 0;
  for (let at = 0; at < image.rgb.length; at += 3) {
    if (image.rgb[at] === r && image.rgb[at + 1] === g && image.rgb[at + 2] === b) count++;
  }
  return count;
}

describe('drawChart', () => {
  it('draws a 600x300 chart as a 1200x600 PNG with its series, on white', async () => {
    const chart = await drawChart(revenueVsSpending());
    expect([chart.width, chart.height, chart.pixelRatio]).toEqual([600, 300, 2]);
    expect(pngSize(chart.png)).toEqual({ width: 600 * PIXEL_RATIO, height: 300 * PIXEL_RATIO });
    const image = decodeRgbPng(chart.png);
    expect([image.width, image.height]).toEqual([1200, 600]);
    expect(image.pixel(0, 0)).toBe('#ffffff');
    expect(image.pixel(1199, 599)).toBe('#ffffff');
    // The two lines are drawn in the first two palette colours (blue, orange), solid where thick.
    expect(countColour(image, '#1f6fb4')).toBeGreaterThan(500);
    expect(countColour(image, '#d97706')).toBeGreaterThan(500);
  });

  it('draws a 480x240 bar chart as a 960x480 PNG', async () => {
    const chart = await drawChart(spendByChannel());
    expect(pngSize(chart.png)).toEqual({ width: 960, height: 480 });
    expect(decodeRgbPng(chart.png).width).toBe(960);
  });

  it('writes the title, axis labels and the bar values into the SVG, in the bundled font', async () => {
    const line = await drawChart(revenueVsSpending());
    expect(line.svg).toMatch(
      /^<svg role="img" aria-label="Acme Bakery: revenue against spending\. Line chart/,
    );
    expect(line.svg).toContain('>Acme Bakery: revenue against spending</text>');
    expect(line.svg).toContain('$52,950 in Jun 2025'); // in the aria-label, from the alt text
    expect(line.svg).toContain('>$60K</text>'); // the top of the money axis
    expect(line.svg).toContain('>Dec</text>');
    expect(line.svg).toContain(`font-family:${FONT_FAMILY}`);

    const bars = await drawChart(spendByChannel());
    for (const label of ['$12.4K', '$8.3K', '$1.2K', 'Search', 'Social', 'Email']) {
      expect(bars.svg).toContain(`>${label}</text>`);
    }
  });

  it('draws a chart with no figures as its title over "No data", at its stated size', async () => {
    const empty = categoryChart({
      title: 'Receivables by age',
      categories: ['0–30', '31–60'],
      series: [{ name: 'Owed', unit: usd, values: [null, null] }],
    });
    const chart = await drawChart(empty);
    expect(chart.svg).toContain('>No data</text>');
    expect(chart.svg).toContain('>Receivables by age</text>');
    expect(pngSize(chart.png)).toEqual({ width: 1200, height: 600 });
  });
});

describe('ChartCache', () => {
  it('draws each distinct chart once and hands the same drawing to every report', async () => {
    const drawn: string[] = [];
    const cache = new ChartCache(async (spec: ChartSpec): Promise<DrawnChart> => {
      drawn.push(spec.title);
      return drawChart(spec);
    });
    const [first, concurrent] = await Promise.all([
      cache.get(revenueVsSpending()),
      cache.get(revenueVsSpending()),
    ]);
    const later = await cache.get(revenueVsSpending());
    expect(drawn).toEqual(['Acme Bakery: revenue against spending']);
    expect(concurrent.png).toBe(first.png);
    expect(later.png).toBe(first.png);
    expect(later.key).toBe(first.key);

    // A second entity's trend is another chart.
    const other = await cache.get(revenueVsSpending('Harbour Rentals: revenue against spending'));
    expect(drawn).toHaveLength(2);
    expect(other.key).not.toBe(first.key);
    expect([cache.draws, cache.size]).toEqual([2, 2]);
  });

  it('does not keep a failed drawing: the next ask draws again', async () => {
    let calls = 0;
    const cache = new ChartCache(async (spec) => {
      calls++;
      if (calls === 1) throw new Error('wasm missing');
      return drawChart(spec);
    });
    await expect(cache.get(spendByChannel())).rejects.toThrow('wasm missing');
    const chart = await cache.get(spendByChannel());
    expect(pngSize(chart.png)).toEqual({ width: 960, height: 480 });
    expect(calls).toBe(2);
  });
});

describe('encodePng', () => {
  it('writes an RGB PNG whose pixels read back as given', () => {
    // 2x2: red, green / blue, white (alpha is dropped: charts are drawn on an opaque background).
    const rgba = Uint8Array.of(255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255);
    const image = decodeRgbPng(encodePng(rgba, 2, 2));
    expect([image.pixel(0, 0), image.pixel(1, 0), image.pixel(0, 1), image.pixel(1, 1)]).toEqual([
      '#ff0000',
      '#00ff00',
      '#0000ff',
      '#ffffff',
    ]);
    expect(() => encodePng(rgba, 3, 2)).toThrow('16 bytes for a 3x2 RGBA image');
    expect(() => pngSize(Uint8Array.of(1, 2, 3))).toThrow('not a PNG');
  });
});

describe('loading', () => {
  it('keeps ECharts and resvg out of the code that specs and the cache load, in the bundle', async () => {
    // Bundled the way scripts/bundle.mjs bundles the action: code split, ESM.
    const result = await build({
      entryPoints: { entry: 'src/charts/cache.ts' },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      outdir: '/tmp/h8-charts-bundle-check',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const outputs = Object.entries(result.metafile.outputs).filter(([name]) =>
      name.endsWith('.js'),
    );
    const inputsOf = (output: (typeof outputs)[number][1]) => Object.keys(output.inputs);
    const entry = outputs.find(([, output]) => output.entryPoint === 'src/charts/cache.ts')![1];
    const heavy = (path: string) => /node_modules\/(echarts|zrender|@resvg)\//.test(path);
    expect(inputsOf(entry).filter(heavy)).toEqual([]);
    // Only through the dynamic import() of engine.ts, into a chunk of its own.
    expect(entry.imports.filter((i) => i.kind === 'dynamic-import')).toHaveLength(1);
    const engineChunk = outputs.find(([, output]) =>
      inputsOf(output).includes('src/charts/engine.ts'),
    );
    expect(inputsOf(engineChunk![1]).some(heavy)).toBe(true);
  });
});

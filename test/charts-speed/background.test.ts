// The chart's white comes from one place: ECharts paints a full-size white rectangle
// (chartOption's backgroundColor) and resvg paints no background of its own (it used to fill the
// whole image white first, then the rectangle filled it again: about 0.8 ms a chart for the same
// pixels). The PNG drops the alpha channel, so a pixel left transparent would come out black:
// these tests keep every kind of chart fully painted. The SVG is also made without the hover
// CSS ECharts writes for browsers (a class on every element and a <style> of :hover rules), which
// resvg parsed and matched for nothing: a PNG has no hover.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHART_ASSETS, FONT_FAMILY, PIXEL_RATIO, drawChart } from '../../src/charts/draw.js';
import { rasterize } from '../../src/charts/engine.js';
import { CHART_KINDS } from './kinds.js';

const require = createRequire(import.meta.url);
const fonts = [CHART_ASSETS.regular, CHART_ASSETS.semiBold].map(
  (font) => new Uint8Array(readFileSync(require.resolve(font.from))),
);

/** How many pixels of an RGBA image are not fully opaque. */
function notOpaque(rgba: Uint8Array): number {
  let count = 0;
  for (let at = 3; at < rgba.length; at += 4) if (rgba[at] !== 255) count++;
  return count;
}

describe('the white under a chart', () => {
  // The first draw loads ECharts and starts resvg's WebAssembly (rasterize needs it started).
  beforeAll(async () => {
    await drawChart(CHART_KINDS['no data']!);
  }, 120_000);

  it.each(Object.keys(CHART_KINDS))(
    'paints every pixel of "%s" opaque, white at the corners',
    async (name) => {
      const spec = CHART_KINDS[name]!;
      const { svg } = await drawChart(spec);
      // The first thing drawn is the background, the SVG's full size.
      expect(svg).toMatch(
        new RegExp(
          `^<svg [^>]*>\\n<rect width="${spec.width}" height="${spec.height}" x="0" y="0" fill="#ffffff"></rect>`,
        ),
      );
      const image = rasterize(svg, PIXEL_RATIO, fonts, FONT_FAMILY);
      expect([image.width, image.height]).toEqual([
        spec.width * PIXEL_RATIO,
        spec.height * PIXEL_RATIO,
      ]);
      expect(notOpaque(image.rgba)).toBe(0);
      const last = image.rgba.length - 4;
      expect([...image.rgba.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
      expect([...image.rgba.subarray(last)]).toEqual([255, 255, 255, 255]);
    },
  );

  it.each(Object.keys(CHART_KINDS))('writes "%s" without hover CSS or classes', async (name) => {
    const { svg } = await drawChart(CHART_KINDS[name]!);
    expect(svg).not.toContain('<style');
    expect(svg).not.toContain(':hover');
    expect(svg).not.toMatch(/ class="/);
    // Still the whole chart: its title is there.
    expect(svg).toContain(CHART_KINDS[name]!.title.slice(0, 20));
  });

  it('adds no background of its own: an SVG without one stays transparent where unpainted', () => {
    const svg =
      '<svg width="40" height="20" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20">' +
      '<rect x="0" y="0" width="20" height="20" fill="#1f6fb4"/></svg>';
    const image = rasterize(svg, 2, fonts, FONT_FAMILY);
    expect([image.width, image.height]).toEqual([80, 40]);
    // Left half blue and opaque, right half untouched (transparent black).
    expect([...image.rgba.subarray(0, 4)]).toEqual([0x1f, 0x6f, 0xb4, 255]);
    expect([...image.rgba.subarray(79 * 4, 80 * 4)]).toEqual([0, 0, 0, 0]);
    expect(notOpaque(image.rgba)).toBe(40 * 40);
  });
});

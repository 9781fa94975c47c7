// Draws a chart spec as SVG (ECharts' server-side renderer) and PNG (resvg-wasm), for email
// (clients do not show SVG) and the gallery. The chart libraries, the WebAssembly module and the
// font load on the first draw only, so a run without charts, and `validate`, never pay for them.
//
// Where the files come from at run time: the bundled action (dist/index.js, dist/cli.js and
// dist/chunks/*.js) finds them in dist/chart-assets/, which the bundle script copies there (see
// CHART_ASSETS); from the sources (tests, tsx) they are read from node_modules.
import type { EChartsCoreOption } from 'echarts/core';
import type * as Engine from './engine.js';
import { FONT_FAMILY, readRasterAssets } from './assets.js';
import { escapeHtml } from '../render/html.js';
import { encodePngAsync } from './png.js';
import type { Rasterizer } from './raster-thread.js';
import {
  type ChartSpec,
  type ChartUnit,
  chartUnits,
  hasData,
  monthAbbreviation,
  parseMonth,
  sameUnit,
} from './spec.js';

/** A drawn chart: `width` x `height` are the CSS pixels to show it at (the spec's size); the
 * PNG is `width * pixelRatio` x `height * pixelRatio` pixels, for sharp text on dense screens. */
export interface DrawnChart {
  readonly png: Uint8Array;
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  readonly pixelRatio: number;
}

/** PNG pixels per CSS pixel: 2 keeps text sharp on phones and high-density screens. */
export const PIXEL_RATIO = 2;

export { CHART_ASSETS, FONT_FAMILY } from './assets.js';

interface Loaded {
  engine: typeof Engine;
  fonts: Uint8Array[];
}
let loading: Promise<Loaded> | undefined;
let loadingSvg: Promise<typeof Engine> | undefined;

/** Loads the chart libraries, starts the WebAssembly module and reads the fonts: once a process. */
function load(): Promise<Loaded> {
  if (!loading) {
    loading = (async () => {
      // The files are read while ECharts loads.
      const assets = readRasterAssets();
      assets.catch(() => {});
      const engine = await loadSvg();
      return { engine, fonts: await engine.startRaster(assets) };
    })();
    // A failed start (a missing file) is reported to every caller, and retried by the next one.
    loading.catch(() => (loading = undefined));
  }
  return loading;
}

/** Loads ECharts only (resvg's module is not started): for charts a raster thread rasterises. */
function loadSvg(): Promise<typeof Engine> {
  if (!loadingSvg) {
    loadingSvg = import('./engine.js');
    loadingSvg.catch(() => (loadingSvg = undefined));
  }
  return loadingSvg;
}

/**
 * Draws `spec` as an SVG and a PNG. The first call in a process loads ECharts and resvg and reads
 * the WebAssembly module and fonts; later calls only draw. A spec with no figures draws its title
 * over "No data" (same size, so a report's layout does not change).
 * @param pixelRatio PNG pixels per CSS pixel (PIXEL_RATIO, 2, unless a caller needs otherwise; a
 *   ChartCache draws every chart at one ratio).
 * @param raster where the SVG is read and rasterised and the PNG encoded: a raster thread
 *   (raster-thread.ts; this thread then loads ECharts only), or, when not given, this thread. The
 *   PNG's bytes are the same either way.
 * @returns the SVG (CSS pixels), the PNG at `pixelRatio` and the CSS size.
 * @throws Error when the WebAssembly module or a font cannot be found (see CHART_ASSETS), when
 *   resvg cannot read the SVG, or when the raster thread has stopped.
 */
export async function drawChart(
  spec: ChartSpec,
  pixelRatio = PIXEL_RATIO,
  raster?: Rasterizer,
): Promise<DrawnChart> {
  let png: Promise<Uint8Array>;
  let svg: string;
  if (raster) {
    const engine = await loadSvg();
    svg = labelSvg(engine.renderSvg(chartOption(spec), spec.width, spec.height), spec.alt);
    png = raster.png(svg, pixelRatio);
  } else {
    const { engine, fonts } = await load();
    svg = labelSvg(engine.renderSvg(chartOption(spec), spec.width, spec.height), spec.alt);
    const pixels = engine.rasterize(svg, pixelRatio, fonts, FONT_FAMILY);
    // Compressed on the thread pool: a caller with another chart to draw draws it meanwhile.
    png = encodePngAsync(pixels.rgba, pixels.width, pixels.height);
  }
  return { png: await png, svg, width: spec.width, height: spec.height, pixelRatio };
}

/** The SVG named for screen readers (role img, the alt text), as an `<img>` is by its alt. */
function labelSvg(svg: string, alt: string): string {
  return svg.replace(/^<svg /, `<svg role="img" aria-label="${escapeHtml(alt)}" `);
}

// Colours that stay apart for the common colour-vision deficiencies (Okabe–Ito, darkened for
// contrast on white): blue, orange, green, purple, vermilion.
const PALETTE = ['#1f6fb4', '#d97706', '#0f8a63', '#7c4dbd', '#c2410c'];
const TEXT = '#1f2937';
const MUTED = '#4b5563';
const RULE = '#e5e7eb';

/** The ECharts option for a spec: title and legend on top, one value axis per unit. */
export function chartOption(given: ChartSpec): EChartsCoreOption {
  // A series with no known figure draws nothing: no empty legend entry or axis for it (its
  // "no data" is in the alt text and the text part).
  const spec = { ...given, series: given.series.filter((s) => s.values.some((v) => v !== null)) };
  const base = {
    animation: false,
    // The only white under the chart: rasterize paints no background of its own, and the PNG
    // drops the alpha channel (a pixel left transparent would come out black).
    backgroundColor: '#ffffff',
    color: PALETTE,
    textStyle: { fontFamily: FONT_FAMILY, color: TEXT },
  };
  const title = {
    text: spec.title,
    left: 16,
    top: 12,
    textStyle: { fontFamily: FONT_FAMILY, fontSize: 15, fontWeight: 600, color: TEXT },
  };
  if (!hasData(spec) || spec.categories.length === 0) {
    const message = {
      text: 'No data',
      left: 'center',
      top: 'middle',
      textStyle: { fontFamily: FONT_FAMILY, fontSize: 14, fontWeight: 'normal', color: MUTED },
    };
    return { ...base, title: [title, message] };
  }
  const units = chartUnits(spec);
  const labelled = spec.series.length <= 2 && spec.categories.length <= 8;
  const mixed = new Set(spec.series.map((s) => s.mark)).size > 1;
  return {
    ...base,
    title,
    legend: {
      left: 16,
      top: 38,
      itemWidth: 14,
      itemHeight: 10,
      textStyle: { fontFamily: FONT_FAMILY, fontSize: 12, color: MUTED },
    },
    grid: {
      left: 16,
      right: units.length > 1 ? 16 : 24,
      top: 84,
      bottom: 12,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    xAxis: {
      type: 'category',
      data: spec.categories.map((category, i) => axisCategory(spec, category, i)),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#9ca3af' } },
      axisLabel: {
        interval: 0,
        color: MUTED,
        fontSize: 11,
        // A long category name wraps at its words within its own slot (two lines, then an
        // ellipsis) rather than overlap its neighbours.
        width: categorySlot(spec),
        overflow: 'break',
        lineHeight: 13,
        ...(spec.kind === 'categories'
          ? { formatter: (name: string) => twoLines(name, categoryChars(spec)) }
          : {}),
      },
    },
    yAxis: units.map((unit, i) => ({
      type: 'value',
      position: i === 0 ? 'left' : 'right',
      name: axisTitle(spec, unit, i),
      // Both names end at their axis line, so neither runs off the image's edge.
      nameTextStyle: { color: MUTED, fontSize: 11, align: 'right' },
      axisLabel: { color: MUTED, fontSize: 11, formatter: (v: number) => axisValue(v, unit) },
      // One set of grid lines: a second set at the other axis's ticks would not line up.
      splitLine: { show: i === 0, lineStyle: { color: RULE } },
    })),
    series: spec.series.map((series) => ({
      name: series.name,
      type: series.mark,
      yAxisIndex: units.findIndex((u) => sameUnit(u, series.unit)),
      data: [...series.values],
      ...(series.mark === 'line'
        ? spec.kind === 'categories'
          ? // Categories have no order: their figures are points, not joined by a line.
            { symbol: 'diamond', symbolSize: 12, lineStyle: { opacity: 0 }, z: 3 }
          : { symbol: 'circle', symbolSize: 6, lineStyle: { width: 2.5 }, connectNulls: false }
        : {
            barMaxWidth: 40,
            barGap: '20%',
            ...(spec.stacked ? { stack: 'whole' } : {}),
            // Under a line, lighter bars let the line read on top of them.
            itemStyle: { opacity: mixed ? 0.55 : 1 },
          }),
      label: {
        // A line of a few points is read by its values, not its shape: they are labelled too.
        show:
          (labelled && (series.mark === 'bar' || spec.kind === 'categories')) ||
          (series.mark === 'line' && series.values.filter((v) => v !== null).length <= 3),
        position: series.mark === 'line' ? 'right' : 'top',
        fontSize: 11,
        color: TEXT,
        // A stacked part that is zero has no bar to label.
        formatter: ({ value }: { value: number | null }) =>
          value === null || (spec.stacked && value === 0) ? '' : axisValue(value, series.unit),
      },
    })),
  };
}

/** A month as an axis label: "Mar", with the year under the first month and every January. */
function axisCategory(spec: ChartSpec, category: string, index: number): string {
  if (spec.kind !== 'months') return category;
  const { year, month } = parseMonth(category)!;
  const name = monthAbbreviation(month);
  return index === 0 || month === 1 ? `${name}\n${year}` : name;
}

/**
 * An axis's title: its unit, and on the right axis also the one series it carries ("ROAS (×)",
 * "Runway (months)"); right-aligned at the axis line, so a long title runs into the plot, never
 * off the image (a left title would run off the left edge, so it stays the unit).
 */
function axisTitle(spec: ChartSpec, unit: ChartUnit, index: number): string {
  const name = axisName(unit);
  const carried = spec.series.filter((s) => sameUnit(s.unit, unit));
  if (index === 0 || carried.length !== 1) return name;
  return name === '' ? carried[0]!.name : `${carried[0]!.name} (${name})`;
}

/** The width in CSS pixels a category's axis label may take: its share of the plot, less a gap. */
function categorySlot(spec: ChartSpec): number {
  return Math.floor((spec.width - 96) / spec.categories.length) - 6;
}

/** About how many characters of 11 px Inter fit a category's slot (6.5 px a character). */
function categoryChars(spec: ChartSpec): number {
  return Math.max(6, Math.floor(categorySlot(spec) / 6.5));
}

/** A category name on at most two lines of `perLine` characters, cut with an ellipsis. */
function twoLines(name: string, perLine: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of name.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > perLine) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  if (lines.length <= 2) return lines.join('\n');
  const second = lines.slice(1).join(' ');
  return `${lines[0]}\n${second.slice(0, perLine - 1).trimEnd()}…`;
}

function axisName(unit: ChartUnit): string {
  switch (unit.kind) {
    case 'money':
      return unit.currency;
    case 'percent':
      return '%';
    case 'months':
      return 'months';
    case 'count':
      return '';
    case 'ratio':
      return '×';
  }
}

const compactFormats = new Map<string, Intl.NumberFormat>();
function compact(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let made = compactFormats.get(key);
  if (!made) {
    made = new Intl.NumberFormat('en-US', {
      notation: 'compact',
      minimumFractionDigits: 0,
      maximumFractionDigits: 1,
      ...options,
    });
    compactFormats.set(key, made);
  }
  return made;
}

/** A short figure for an axis tick or a bar's label: "$25K", "92%", "3.1×", "1.2K". */
function axisValue(value: number, unit: ChartUnit): string {
  switch (unit.kind) {
    case 'money':
      return compact(unit.currency, { style: 'currency', currency: unit.currency }).format(value);
    case 'percent':
      return `${compact('number', {}).format(value * 100)}%`;
    case 'ratio':
      return `${compact('number', {}).format(value)}×`;
    case 'months':
    case 'count':
      return compact('number', {}).format(value);
  }
}

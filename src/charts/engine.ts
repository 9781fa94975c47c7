// The heavy half of chart drawing: ECharts (SVG, server-side) and resvg (SVG -> pixels, in
// WebAssembly, so no native build on the runner). Only draw.ts imports this module, and only with
// a dynamic import() on the first draw, so a run without charts (and `validate`) never loads it;
// in the bundle it is a chunk of its own.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';
import { Resvg, initWasm } from '@resvg/resvg-wasm';
import { setFlagsFromString } from 'node:v8';

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

// How V8 compiles resvg's 2.4 MB WebAssembly module. By default it compiles every function with
// its baseline compiler, then recompiles the hot ones with its optimising compiler on background
// threads. Measured here (node 20, 41 charts at 2x): peak RSS 201-204 MB that way, 148-164 MB
// with these flags, which compile only the functions a chart calls, each once, optimised; resvg
// alone, 175-197 MB against 111-117 MB. Warm drawing is as fast; the first chart of a run pays
// about a second more for compiling (resvg alone: 1.3-1.4 s against 0.4-0.8 s). A whole run has
// a 200 MB budget. The flags change only how WebAssembly compiled from here on is compiled (node's
// own fetch parser, llhttp, is WebAssembly too, and is compiled the same way when first used).
const WASM_COMPILE_FLAGS = '--no-liftoff --wasm-lazy-compilation';

/** The part of zrender's SVG painter used here (zrender/lib/svg/Painter.js, renderToString). */
interface SvgPainter {
  renderToString(options: { cssAnimation?: boolean; cssEmphasis?: boolean }): string;
}

/** Starts the WebAssembly module; call once per process, before `rasterize`. */
export async function startEngine(wasm: Uint8Array): Promise<void> {
  setFlagsFromString(WASM_COMPILE_FLAGS);
  await initWasm(wasm);
}

/**
 * An ECharts option as an SVG document `width` x `height` (CSS pixels), drawn without animation
 * and without the CSS a browser would use for hover highlighting (a PNG has no hover).
 */
export function renderSvg(option: EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    // renderToSVGString() is this with both CSS options on: a class on every element and a
    // <style> of :hover rules (and keyframes when animated) that ECharts builds and resvg then
    // parses and matches, for pixels they never change.
    return (chart.getZr().painter as unknown as SvgPainter).renderToString({
      cssAnimation: false,
      cssEmphasis: false,
    });
  } finally {
    chart.dispose();
  }
}

/**
 * An SVG as RGBA pixels at `pixelRatio` pixels per CSS pixel, with text in the given fonts
 * (WebAssembly cannot read the system's fonts). The SVG paints its own background: what it leaves
 * unpainted stays transparent (chartOption's backgroundColor gives every chart a full-size white
 * rectangle).
 */
export function rasterize(
  svg: string,
  pixelRatio: number,
  fonts: Uint8Array[],
  fontFamily: string,
): { rgba: Uint8Array; width: number; height: number } {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: pixelRatio },
    // No `background`: the SVG's white rectangle already covers every pixel, and filling the
    // 1200x600 image once more cost about 0.8 ms a chart for the same pixels.
    font: { fontBuffers: fonts, defaultFontFamily: fontFamily, sansSerifFamily: fontFamily },
  });
  try {
    const image = resvg.render();
    try {
      // `pixels` copies out of the WebAssembly memory, so it outlives free().
      return { rgba: image.pixels, width: image.width, height: image.height };
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}

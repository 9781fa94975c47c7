// The heavy half of chart drawing: ECharts (SVG, server-side), and resvg (raster.ts, re-exported
// here: SVG -> pixels, in WebAssembly, so no native build on the runner). Only draw.ts imports this module, and only with
// a dynamic import() on the first draw, so a run without charts (and `validate`) never loads it;
// in the bundle it is a chunk of its own.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';
export { rasterize, startEngine, startRaster } from './raster.js';

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

/** The part of zrender's SVG painter used here (zrender/lib/svg/Painter.js, renderToString). */
interface SvgPainter {
  renderToString(options: { cssAnimation?: boolean; cssEmphasis?: boolean }): string;
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

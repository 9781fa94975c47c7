// Each distinct chart is drawn once per run: an entity's trend is the same chart in the CFO's,
// the CEO's and every other report that shows it, so they share one drawing.
import { type DrawnChart, PIXEL_RATIO, drawChart } from './draw.js';
import type { Rasterizer } from './raster-thread.js';
import { type ChartSpec, chartKey } from './spec.js';

/**
 * Drawn charts by `chartKey(spec)`. `get` draws a spec the first time its key is asked for and
 * hands the same result (the same promise, so concurrent asks share one drawing) to every later
 * ask: it keeps every PNG and SVG it drew, so hold one only as long as its charts are asked for.
 * `take` draws the same way but keeps nothing once the drawing is done: the run's chart step
 * (writeChartFiles) writes each chart to its file and never asks for it again.
 */
export class ChartCache {
  private readonly drawn = new Map<string, Promise<DrawnChart>>();
  /** How many charts were actually drawn (cache misses), for the run's figures and the tests. */
  draws = 0;

  /** Whether this cache draws with drawChart (so a raster thread can take its PNGs). */
  readonly drawsWithDrawChart: boolean;
  private readonly draw: (spec: ChartSpec, raster?: Rasterizer) => Promise<DrawnChart>;

  /**
   * @param draw how to draw a spec (given the raster thread, when get is); drawChart at
   *   PIXEL_RATIO unless a test counts or fakes the drawing.
   */
  constructor(draw?: (spec: ChartSpec, raster?: Rasterizer) => Promise<DrawnChart>) {
    this.drawsWithDrawChart = draw === undefined;
    this.draw = draw ?? ((spec, raster) => drawChart(spec, PIXEL_RATIO, raster));
  }

  /**
   * The drawn chart for `spec` and its key (a stable name for files and Content-IDs).
   * @param raster where a chart not drawn yet has its PNG made (see drawChart); this thread when
   *   not given. A chart already drawn (or being drawn) is reused wherever it was made.
   */
  async get(spec: ChartSpec, raster?: Rasterizer): Promise<DrawnChart & { key: string }> {
    const key = chartKey(spec);
    return { ...(await this.drawing(key, spec, raster).drawing), key };
  }

  /**
   * get for a caller that writes the chart out at once and does not ask for it again: a drawing
   * that this call begins is shared with the asks made while it is drawn, then let go of when it
   * settles, so the cache does not hold every chart's PNG and SVG to the end of the step (on the
   * bench portfolio 285 charts: 11 MB of PNG and 2.8 million characters of SVG, which also grew
   * V8's old generation by half as much again). It counts in `draws`; a later ask draws it
   * again. A drawing already held (begun by get) is handed out and stays held.
   * @throws Error (as a rejection) as get does.
   */
  async take(spec: ChartSpec, raster?: Rasterizer): Promise<DrawnChart & { key: string }> {
    const key = chartKey(spec);
    const { drawing, begun } = this.drawing(key, spec, raster);
    try {
      return { ...(await drawing), key };
    } finally {
      // Only the drawing this call began, and only while it is still the one held under its key.
      if (begun && this.drawn.get(key) === drawing) this.drawn.delete(key);
    }
  }

  /** The drawing held under `key`, or a new one (`begun`) of `spec`, now held. */
  private drawing(
    key: string,
    spec: ChartSpec,
    raster: Rasterizer | undefined,
  ): { drawing: Promise<DrawnChart>; begun: boolean } {
    const held = this.drawn.get(key);
    if (held) return { drawing: held, begun: false };
    this.draws++;
    const drawing = this.draw(spec, raster);
    this.drawn.set(key, drawing);
    // A failed drawing is not kept: the error goes to its callers, a later ask tries again.
    drawing.catch(() => {
      if (this.drawn.get(key) === drawing) this.drawn.delete(key);
    });
    return { drawing, begun: true };
  }

  /** Distinct charts held. */
  get size(): number {
    return this.drawn.size;
  }
}

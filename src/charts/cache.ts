// Each distinct chart is drawn once per run: an entity's trend is the same chart in the CFO's,
// the CEO's and every other report that shows it, so they share one drawing.
import { type DrawnChart, PIXEL_RATIO, drawChart } from './draw.js';
import type { Rasterizer } from './raster-thread.js';
import { type ChartSpec, chartKey } from './spec.js';

/**
 * Drawn charts by `chartKey(spec)`. `get` draws a spec the first time its key is asked for and
 * hands the same result (the same promise, so concurrent asks share one drawing) to every later
 * ask. Hold one per run and let it go with the run: it keeps every PNG and SVG it drew.
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
    let drawing = this.drawn.get(key);
    if (!drawing) {
      this.draws++;
      drawing = this.draw(spec, raster);
      this.drawn.set(key, drawing);
      // A failed drawing is not kept: the error goes to its callers, a later ask tries again.
      drawing.catch(() => this.drawn.delete(key));
    }
    return { ...(await drawing), key };
  }

  /** Distinct charts held. */
  get size(): number {
    return this.drawn.size;
  }
}

import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  encodePngAsync
} from "./chunk-XLFQVVCG.js";
import {
  FONT_FAMILY,
  readRasterAssets
} from "./chunk-2PJW3FGS.js";
import {
  MAIN_THREAD_STACK_MB,
  workerEntry
} from "./chunk-OGBOT7SR.js";
import {
  chartKey,
  chartUnits,
  escapeHtml,
  hasData,
  monthAbbreviation,
  parseMonth,
  sameUnit
} from "./chunk-GGC72TJI.js";
import "./chunk-MFOCRCT4.js";
import "./chunk-OXRXBV5P.js";

// src/charts/files.ts
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

// src/charts/draw.ts
var PIXEL_RATIO = 2;
var loading;
var loadingSvg;
function load() {
  if (!loading) {
    loading = (async () => {
      const assets = readRasterAssets();
      assets.catch(() => {
      });
      const engine = await loadSvg();
      return { engine, fonts: await engine.startRaster(assets) };
    })();
    loading.catch(() => loading = void 0);
  }
  return loading;
}
function loadSvg() {
  if (!loadingSvg) {
    loadingSvg = import("./engine-DDHIS2EJ.js");
    loadingSvg.catch(() => loadingSvg = void 0);
  }
  return loadingSvg;
}
async function drawChart(spec, pixelRatio = PIXEL_RATIO, raster) {
  let png;
  let svg;
  if (raster) {
    const engine = await loadSvg();
    svg = labelSvg(engine.renderSvg(chartOption(spec), spec.width, spec.height), spec.alt);
    png = raster.png(svg, pixelRatio);
  } else {
    const { engine, fonts } = await load();
    svg = labelSvg(engine.renderSvg(chartOption(spec), spec.width, spec.height), spec.alt);
    const pixels = engine.rasterize(svg, pixelRatio, fonts, FONT_FAMILY);
    png = encodePngAsync(pixels.rgba, pixels.width, pixels.height);
  }
  return { png: await png, svg, width: spec.width, height: spec.height, pixelRatio };
}
function labelSvg(svg, alt) {
  return svg.replace(/^<svg /, `<svg role="img" aria-label="${escapeHtml(alt)}" `);
}
var PALETTE = ["#1f6fb4", "#d97706", "#0f8a63", "#7c4dbd", "#c2410c"];
var TEXT = "#1f2937";
var MUTED = "#4b5563";
var RULE = "#e5e7eb";
function chartOption(given) {
  const spec = { ...given, series: given.series.filter((s) => s.values.some((v) => v !== null)) };
  const base = {
    animation: false,
    // The only white under the chart: rasterize paints no background of its own, and the PNG
    // drops the alpha channel (a pixel left transparent would come out black).
    backgroundColor: "#ffffff",
    color: PALETTE,
    textStyle: { fontFamily: FONT_FAMILY, color: TEXT }
  };
  const title = {
    text: spec.title,
    left: 16,
    top: 12,
    textStyle: { fontFamily: FONT_FAMILY, fontSize: 15, fontWeight: 600, color: TEXT }
  };
  if (!hasData(spec) || spec.categories.length === 0) {
    const message = {
      text: "No data",
      left: "center",
      top: "middle",
      textStyle: { fontFamily: FONT_FAMILY, fontSize: 14, fontWeight: "normal", color: MUTED }
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
      textStyle: { fontFamily: FONT_FAMILY, fontSize: 12, color: MUTED }
    },
    grid: {
      left: 16,
      right: units.length > 1 ? 16 : 24,
      top: 84,
      bottom: 12,
      outerBoundsMode: "same",
      outerBoundsContain: "axisLabel"
    },
    xAxis: {
      type: "category",
      data: spec.categories.map((category, i) => axisCategory(spec, category, i)),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: "#9ca3af" } },
      axisLabel: {
        interval: 0,
        color: MUTED,
        fontSize: 11,
        // A long category name wraps at its words within its own slot (two lines, then an
        // ellipsis) rather than overlap its neighbours.
        width: categorySlot(spec),
        overflow: "break",
        lineHeight: 13,
        ...spec.kind === "categories" ? { formatter: (name) => twoLines(name, categoryChars(spec)) } : {}
      }
    },
    yAxis: units.map((unit, i) => ({
      type: "value",
      position: i === 0 ? "left" : "right",
      name: axisTitle(spec, unit, i),
      // Both names end at their axis line, so neither runs off the image's edge.
      nameTextStyle: { color: MUTED, fontSize: 11, align: "right" },
      axisLabel: { color: MUTED, fontSize: 11, formatter: (v) => axisValue(v, unit) },
      // One set of grid lines: a second set at the other axis's ticks would not line up.
      splitLine: { show: i === 0, lineStyle: { color: RULE } }
    })),
    series: spec.series.map((series) => ({
      name: series.name,
      type: series.mark,
      yAxisIndex: units.findIndex((u) => sameUnit(u, series.unit)),
      data: [...series.values],
      ...series.mark === "line" ? spec.kind === "categories" ? (
        // Categories have no order: their figures are points, not joined by a line.
        { symbol: "diamond", symbolSize: 12, lineStyle: { opacity: 0 }, z: 3 }
      ) : { symbol: "circle", symbolSize: 6, lineStyle: { width: 2.5 }, connectNulls: false } : {
        barMaxWidth: 40,
        barGap: "20%",
        ...spec.stacked ? { stack: "whole" } : {},
        // Under a line, lighter bars let the line read on top of them.
        itemStyle: { opacity: mixed ? 0.55 : 1 }
      },
      label: {
        // A line of a few points is read by its values, not its shape: they are labelled too.
        show: labelled && (series.mark === "bar" || spec.kind === "categories") || series.mark === "line" && series.values.filter((v) => v !== null).length <= 3,
        position: series.mark === "line" ? "right" : "top",
        fontSize: 11,
        color: TEXT,
        // A stacked part that is zero has no bar to label.
        formatter: ({ value }) => value === null || spec.stacked && value === 0 ? "" : axisValue(value, series.unit)
      }
    }))
  };
}
function axisCategory(spec, category, index) {
  if (spec.kind !== "months") return category;
  const { year, month } = parseMonth(category);
  const name = monthAbbreviation(month);
  return index === 0 || month === 1 ? `${name}
${year}` : name;
}
function axisTitle(spec, unit, index) {
  const name = axisName(unit);
  const carried = spec.series.filter((s) => sameUnit(s.unit, unit));
  if (index === 0 || carried.length !== 1) return name;
  return name === "" ? carried[0].name : `${carried[0].name} (${name})`;
}
function categorySlot(spec) {
  return Math.floor((spec.width - 96) / spec.categories.length) - 6;
}
function categoryChars(spec) {
  return Math.max(6, Math.floor(categorySlot(spec) / 6.5));
}
function twoLines(name, perLine) {
  const lines = [];
  let line = "";
  for (const word of name.split(/\s+/)) {
    if (line !== "" && line.length + 1 + word.length > perLine) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  lines.push(line);
  if (lines.length <= 2) return lines.join("\n");
  const second = lines.slice(1).join(" ");
  return `${lines[0]}
${second.slice(0, perLine - 1).trimEnd()}\u2026`;
}
function axisName(unit) {
  switch (unit.kind) {
    case "money":
      return unit.currency;
    case "percent":
      return "%";
    case "months":
      return "months";
    case "count":
      return "";
    case "ratio":
      return "\xD7";
  }
}
var compactFormats = /* @__PURE__ */ new Map();
function compact(key, options) {
  let made = compactFormats.get(key);
  if (!made) {
    made = new Intl.NumberFormat("en-US", {
      notation: "compact",
      minimumFractionDigits: 0,
      maximumFractionDigits: 1,
      ...options
    });
    compactFormats.set(key, made);
  }
  return made;
}
function axisValue(value, unit) {
  switch (unit.kind) {
    case "money":
      return compact(unit.currency, { style: "currency", currency: unit.currency }).format(value);
    case "percent":
      return `${compact("number", {}).format(value * 100)}%`;
    case "ratio":
      return `${compact("number", {}).format(value)}\xD7`;
    case "months":
    case "count":
      return compact("number", {}).format(value);
  }
}

// src/charts/cache.ts
var ChartCache = class {
  drawn = /* @__PURE__ */ new Map();
  /** How many charts were actually drawn (cache misses), for the run's figures and the tests. */
  draws = 0;
  /** Whether this cache draws with drawChart (so a raster thread can take its PNGs). */
  drawsWithDrawChart;
  draw;
  /**
   * @param draw how to draw a spec (given the raster thread, when get is); drawChart at
   *   PIXEL_RATIO unless a test counts or fakes the drawing.
   */
  constructor(draw) {
    this.drawsWithDrawChart = draw === void 0;
    this.draw = draw ?? ((spec, raster) => drawChart(spec, PIXEL_RATIO, raster));
  }
  /**
   * The drawn chart for `spec` and its key (a stable name for files and Content-IDs).
   * @param raster where a chart not drawn yet has its PNG made (see drawChart); this thread when
   *   not given. A chart already drawn (or being drawn) is reused wherever it was made.
   */
  async get(spec, raster) {
    const key = chartKey(spec);
    return { ...await this.drawing(key, spec, raster).drawing, key };
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
  async take(spec, raster) {
    const key = chartKey(spec);
    const { drawing, begun } = this.drawing(key, spec, raster);
    try {
      return { ...await drawing, key };
    } finally {
      if (begun && this.drawn.get(key) === drawing) this.drawn.delete(key);
    }
  }
  /** The drawing held under `key`, or a new one (`begun`) of `spec`, now held. */
  drawing(key, spec, raster) {
    const held = this.drawn.get(key);
    if (held) return { drawing: held, begun: false };
    this.draws++;
    const drawing = this.draw(spec, raster);
    this.drawn.set(key, drawing);
    drawing.catch(() => {
      if (this.drawn.get(key) === drawing) this.drawn.delete(key);
    });
    return { drawing, begun: true };
  }
  /** Distinct charts held. */
  get size() {
    return this.drawn.size;
  }
};

// src/charts/raster-thread.ts
import { Worker } from "node:worker_threads";
function openRasterThread(entry) {
  const pending = /* @__PURE__ */ new Map();
  let stopped;
  let closing = false;
  let next = 0;
  let worker;
  const stop = (why) => {
    if (stopped !== void 0) return;
    stopped = why;
    for (const { reject } of pending.values()) reject(new Error(why));
    pending.clear();
  };
  try {
    const { filename, execArgv } = entry ?? workerEntry("charts/raster-worker", { whose: "its" });
    worker = new Worker(filename, {
      ...execArgv ? { execArgv } : {},
      resourceLimits: { stackSizeMb: MAIN_THREAD_STACK_MB }
    });
    worker.on("message", (reply) => {
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if ("error" in reply) waiting.reject(new Error(reply.error));
      else waiting.resolve(reply.png);
    });
    worker.on("error", (error) => stop(`its raster thread stopped: ${error.message}`));
    worker.on("messageerror", (error) => stop(`its raster thread stopped: ${error.message}`));
    worker.on("exit", (code) => {
      if (!closing) stop(`its raster thread exited (code ${code})`);
    });
  } catch (error) {
    stop(`its raster thread could not start: ${error.message}`);
  }
  return {
    png: (svg, pixelRatio) => {
      if (stopped !== void 0) return Promise.reject(new Error(stopped));
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, svg, pixelRatio });
      });
    },
    close: async () => {
      closing = true;
      stop("its raster thread was closed");
      await worker?.terminate();
    }
  };
}

// src/charts/files.ts
var MIN_CHARTS_FOR_RASTER_THREAD = 24;
var IN_FLIGHT = 2;
var IN_FLIGHT_WITH_THREAD = 3;
async function writeChartFiles(charts, folder, cache = new ChartCache(), {
  rasterThread = cache.drawsWithDrawChart && charts.size >= MIN_CHARTS_FOR_RASTER_THREAD
} = {}) {
  await mkdir(folder, { recursive: true });
  const own = rasterThread === true ? openRasterThread() : void 0;
  const thread = own ?? (typeof rasterThread === "object" ? rasterThread : void 0);
  try {
    return await writeAll(charts, folder, cache, thread);
  } finally {
    await own?.close();
  }
}
async function writeAll(charts, folder, cache, thread) {
  const files = [];
  const inFlight = [];
  const finishFirst = async () => {
    try {
      files.push(await inFlight[0]);
      inFlight.shift();
    } catch (error) {
      await Promise.allSettled(inFlight);
      throw error;
    }
  };
  const most = thread ? IN_FLIGHT_WITH_THREAD : IN_FLIGHT;
  for (const [key, spec] of charts) {
    if (inFlight.length === most || !thread && files.length === 0 && inFlight.length === 1) {
      await finishFirst();
    }
    const current = writeChartFile(key, spec, folder, cache, thread);
    current.catch(() => {
    });
    inFlight.push(current);
    await new Promise((resolve) => setImmediate(resolve));
  }
  while (inFlight.length > 0) await finishFirst();
  return files;
}
async function writeChartFile(key, spec, folder, cache, thread) {
  const started = performance.now();
  let drawn;
  try {
    drawn = await cache.take(spec, thread);
  } catch (error) {
    throw new Error(`chart ${key}: ${error.message}`, { cause: error });
  }
  if (drawn.key !== key) throw new Error(`chart ${key}: its spec hashes to ${drawn.key}`);
  const file = path.join(folder, `${key}.png`);
  try {
    await writeFile(file, drawn.png);
  } catch (error) {
    throw new Error(`chart ${key}: ${error.message}`, { cause: error });
  }
  return { key, file, bytes: drawn.png.length, drawMs: performance.now() - started };
}
export {
  ChartCache,
  MIN_CHARTS_FOR_RASTER_THREAD,
  writeChartFiles
};

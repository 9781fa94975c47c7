import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  chartKey,
  chartUnits,
  escapeHtml,
  hasData,
  monthAbbreviation,
  parseMonth,
  sameUnit
} from "./chunk-45DXCB5M.js";
import "./chunk-OXRXBV5P.js";

// src/charts/files.ts
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

// src/charts/draw.ts
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

// src/charts/png.ts
import { endianness } from "node:os";
import { promisify } from "node:util";
import { crc32, deflate, deflateSync } from "node:zlib";
var DEFLATE_LEVEL = 3;
var SIGNATURE = Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10);
var deflateAsync = promisify(deflate);
async function encodePngAsync(rgba, width, height) {
  let raw;
  try {
    raw = rgbRows(rgba, width, height, pooled);
    const idat = await deflateAsync(raw, { level: DEFLATE_LEVEL, chunkSize: 128 * 1024 });
    return pngFile(width, height, idat);
  } finally {
    if (raw) release(raw);
  }
}
function pngFile(width, height, idat) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([
    SIGNATURE,
    chunk("IHDR", header),
    chunk("IDAT", idat),
    chunk("IEND", Buffer.alloc(0))
  ]);
}
var LITTLE_ENDIAN = endianness() === "LE";
function rgbRows(rgba, width, height, space) {
  if (rgba.length !== width * height * 4) {
    throw new RangeError(`encodePng: ${rgba.length} bytes for a ${width}x${height} RGBA image`);
  }
  const stride = width * 3 + 1;
  const raw = space(stride * height);
  const fast = LITTLE_ENDIAN && rgba.byteOffset % 4 === 0;
  const pixels = fast ? new Uint32Array(rgba.buffer, rgba.byteOffset, width * height) : void 0;
  const words = new Uint32Array(Math.ceil(width * 3 / 4));
  const row = new Uint8Array(words.buffer, 0, width * 3);
  const quads = pixels ? width - width % 4 : 0;
  for (let y = 0; y < height; y++) {
    const first = y * width;
    for (let x = 0, o = 0; x < quads; x += 4, o += 3) {
      const p0 = pixels[first + x];
      const p1 = pixels[first + x + 1];
      const p2 = pixels[first + x + 2];
      const p3 = pixels[first + x + 3];
      words[o] = p0 & 16777215 | p1 << 24;
      words[o + 1] = p1 >>> 8 & 65535 | p2 << 16;
      words[o + 2] = p2 >>> 16 & 255 | p3 << 8;
    }
    for (let x = quads, at = (first + quads) * 4, out = quads * 3; x < width; x++, at += 4) {
      row[out++] = rgba[at];
      row[out++] = rgba[at + 1];
      row[out++] = rgba[at + 2];
    }
    raw[y * stride] = 0;
    raw.set(row, y * stride + 1);
  }
  return raw;
}
var rows = Buffer.alloc(0);
var KEPT_BUFFERS = 2;
var free = [];
function pooled(bytes) {
  const index = free.findIndex((buffer) => buffer.buffer.byteLength >= bytes);
  const whole = index >= 0 ? free.splice(index, 1)[0] : Buffer.allocUnsafeSlow(bytes);
  return whole.subarray(0, bytes);
}
function release(raw) {
  if (free.length < KEPT_BUFFERS) free.push(Buffer.from(raw.buffer, 0, raw.buffer.byteLength));
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

// src/charts/draw.ts
var PIXEL_RATIO = 2;
var FONT_FAMILY = "Inter";
var CHART_ASSETS = {
  wasm: { file: "resvg.wasm", from: "@resvg/resvg-wasm/index_bg.wasm" },
  regular: {
    file: "Inter-Regular.ttf",
    from: "@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf"
  },
  semiBold: {
    file: "Inter-SemiBold.ttf",
    from: "@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf"
  },
  fontLicence: { file: "Inter-OFL.txt", from: "@expo-google-fonts/inter/LICENSE_FONT" }
};
var ASSET_FOLDER = "chart-assets";
var loading;
function load() {
  if (!loading) {
    loading = (async () => {
      const [engine, wasm, regular, semiBold] = await Promise.all([
        import("./engine-VSAGAY7U.js"),
        readAsset(CHART_ASSETS.wasm),
        readAsset(CHART_ASSETS.regular),
        readAsset(CHART_ASSETS.semiBold)
      ]);
      await engine.startEngine(wasm);
      return { engine, fonts: [regular, semiBold] };
    })();
    loading.catch(() => loading = void 0);
  }
  return loading;
}
async function readAsset(asset) {
  for (const folder of [`./${ASSET_FOLDER}/`, `../${ASSET_FOLDER}/`]) {
    try {
      return await readFile(new URL(folder + asset.file, import.meta.url));
    } catch (error) {
      if (error.code !== "ENOENT") throw error;
    }
  }
  try {
    return await readFile(createRequire(import.meta.url).resolve(asset.from));
  } catch (error) {
    throw new Error(
      `chart drawing needs ${asset.file} in ${ASSET_FOLDER}/ beside the bundle, or ${asset.from} installed`,
      { cause: error }
    );
  }
}
async function drawChart(spec, pixelRatio = PIXEL_RATIO) {
  const { engine, fonts } = await load();
  const svg = labelSvg(engine.renderSvg(chartOption(spec), spec.width, spec.height), spec.alt);
  const pixels = engine.rasterize(svg, pixelRatio, fonts, FONT_FAMILY);
  return {
    // Compressed on the thread pool: a caller with another chart to draw draws it meanwhile.
    png: await encodePngAsync(pixels.rgba, pixels.width, pixels.height),
    svg,
    width: spec.width,
    height: spec.height,
    pixelRatio
  };
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
  /** @param draw how to draw a spec; drawChart unless a test counts or fakes the drawing. */
  constructor(draw = drawChart) {
    this.draw = draw;
  }
  draw;
  drawn = /* @__PURE__ */ new Map();
  /** How many charts were actually drawn (cache misses), for the run's figures and the tests. */
  draws = 0;
  /** The drawn chart for `spec` and its key (a stable name for files and Content-IDs). */
  async get(spec) {
    const key = chartKey(spec);
    let drawing = this.drawn.get(key);
    if (!drawing) {
      this.draws++;
      drawing = this.draw(spec);
      this.drawn.set(key, drawing);
      drawing.catch(() => this.drawn.delete(key));
    }
    return { ...await drawing, key };
  }
  /** Distinct charts held. */
  get size() {
    return this.drawn.size;
  }
};

// src/charts/files.ts
async function writeChartFiles(charts, folder, cache = new ChartCache()) {
  await mkdir(folder, { recursive: true });
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
  for (const [key, spec] of charts) {
    if (inFlight.length === 2 || files.length === 0 && inFlight.length === 1) {
      await finishFirst();
    }
    const current = writeChartFile(key, spec, folder, cache);
    current.catch(() => {
    });
    inFlight.push(current);
    await new Promise((resolve) => setImmediate(resolve));
  }
  while (inFlight.length > 0) await finishFirst();
  return files;
}
async function writeChartFile(key, spec, folder, cache) {
  const started = performance.now();
  const drawn = await cache.get(spec);
  if (drawn.key !== key) throw new Error(`chart ${key}: its spec hashes to ${drawn.key}`);
  const file = path.join(folder, `${key}.png`);
  await writeFile(file, drawn.png);
  return { key, file, bytes: drawn.png.length, drawMs: performance.now() - started };
}
export {
  ChartCache,
  writeChartFiles
};

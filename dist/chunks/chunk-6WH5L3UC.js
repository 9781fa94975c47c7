import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  chartKey,
  escapeHtml,
  hasData
} from "./chunk-GGC72TJI.js";

// src/render/escape-markdown.ts
var NEEDS_ESCAPING = /[\\`*_[\]~|<>&\r\n]|^\s*(?:[#+=-]|\d+[.)])/;
var BARE_URL = /\bhttps?:\/\/[^\s<>]*[^\s<>*_~.,:;!?'")\]]/gi;
function escapeMarkdown(value) {
  if (!NEEDS_ESCAPING.test(value)) return value;
  const text = value.replace(/\s*[\r\n]+\s*/g, " ");
  let escaped = "";
  let from = 0;
  for (const url of text.matchAll(BARE_URL)) {
    escaped += escapeInline(text.slice(from, url.index)) + escapeUrl(url[0]);
    from = url.index + url[0].length;
  }
  escaped += escapeInline(text.slice(from));
  return escapeBlockStart(escaped);
}
function escapeInline(text) {
  const punctuation = text.replace(/[\\`*[\]~|]/g, "\\$&").replace(
    /_/g,
    (underscore, at, whole) => WORD_CHARACTER.test(whole[at - 1] ?? "") && WORD_CHARACTER.test(whole[at + 1] ?? "") ? underscore : "\\_"
  );
  return escapeTags(punctuation);
}
var WORD_CHARACTER = /[\p{L}\p{N}]/u;
function escapeUrl(url) {
  return escapeTags(url).replace(/\|/g, "\\|");
}
function escapeTags(text) {
  return text.replace(/&(?=#?[a-z0-9]+;)/gi, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function escapeBlockStart(text) {
  return text.replace(/^(\s*)(#{1,6}|[-+])(?=\s|$)/, "$1\\$2").replace(/^(\s*)(\d{1,9})([.)])(?=\s|$)/, "$1$2\\$3").replace(/^(\s*)([=-])(?=\2*\s*$)/, "$1\\$2");
}

// src/render/chart-markup.ts
var CHARTS_FOLDER = "charts";
function chartPath(key) {
  return `${CHARTS_FOLDER}/${key}.png`;
}
var GALLERY_SRC = /^charts\/([0-9a-f]{16})\.png$/;
var EMAIL_SRC = /^cid:([0-9a-f]{16})(?:@boardroom)?$/;
function isChartSrc(src) {
  return src !== void 0 && (GALLERY_SRC.test(src) || EMAIL_SRC.test(src));
}
function chartMarkup(spec, key = chartKey(spec)) {
  return `

<img src="${chartPath(key)}" alt="${escapeHtml(spec.alt)}" width="${spec.width}" height="${spec.height}">

`;
}
function isChartSpec(value) {
  if (value === null || typeof value !== "object") return false;
  const spec = value;
  return (spec.kind === "months" || spec.kind === "categories") && Array.isArray(spec.categories) && Array.isArray(spec.series) && typeof spec.alt === "string" && Number.isInteger(spec.width) && Number.isInteger(spec.height);
}
function chartContentId(key) {
  return `${key}@boardroom`;
}
function emailChartHtml(html) {
  return html.replace(
    / src="charts\/([0-9a-f]{16})\.png"/g,
    (_, key) => ` src="cid:${chartContentId(key)}"`
  );
}
var collectors = /* @__PURE__ */ new WeakMap();
function chartCollector() {
  const globals = {};
  const charts = /* @__PURE__ */ new Map();
  collectors.set(globals, charts);
  return { globals, charts };
}
function noDataMarkup(spec) {
  return `

${escapeMarkdown(spec.title)}: no data.

`;
}
var keys = /* @__PURE__ */ new WeakMap();
function keyOf(spec) {
  let key = keys.get(spec);
  if (key === void 0) keys.set(spec, key = chartKey(spec));
  return key;
}
function chartFilter(globals, value) {
  if (value === null || value === void 0) return "";
  if (!isChartSpec(value)) throw new Error("chart: the value is not a chart (use e.g. e.chart)");
  if (!hasData(value)) return noDataMarkup(value);
  const key = keyOf(value);
  if (globals !== null && typeof globals === "object") collectors.get(globals)?.set(key, value);
  return chartMarkup(value, key);
}

export {
  escapeMarkdown,
  CHARTS_FOLDER,
  chartPath,
  isChartSrc,
  chartContentId,
  emailChartHtml,
  chartCollector,
  chartFilter
};

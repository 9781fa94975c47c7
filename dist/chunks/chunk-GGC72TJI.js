import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  utcMidnight
} from "./chunk-MFOCRCT4.js";

// src/figures.ts
var NO_DATA = "no data";
function roundTo(value, digits = 2) {
  const factor = 10 ** digits;
  return roundHalfAway(value * factor) / factor + 0;
}
function toCents(amount) {
  return roundHalfAway(amount * 100) + 0;
}
function roundHalfAway(scaled) {
  const magnitude = Math.abs(scaled);
  const near = Math.abs(magnitude % 1 - 0.5) <= 1e-9 + magnitude * 1e-14;
  const exact = near ? Number(magnitude.toPrecision(15)) : magnitude;
  return Math.sign(scaled) * Math.round(exact);
}
function money(amount) {
  return toCents(amount) / 100;
}
function sumMoney(amounts) {
  let cents = 0;
  for (const amount of amounts) cents += toCents(amount);
  return cents / 100;
}
function moneyRatio(part, whole) {
  const wholeCents = toCents(whole);
  return wholeCents === 0 ? null : toCents(part) / wholeCents;
}
function shownMoney(amount) {
  return roundTo(amount, 0);
}
function shownTenths(value) {
  return roundTo(value, 1);
}
function shownRatio(ratio, digits = 1) {
  return roundTo(ratio, digits + 2);
}
var formatters = /* @__PURE__ */ new Map();
function formatter(key, options) {
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.NumberFormat("en-US", options);
    formatters.set(key, made);
  }
  return made;
}
var isFigure = (value) => typeof value === "number" && Number.isFinite(value);
function formatMoney(value, currency) {
  if (!isFigure(value)) return NO_DATA;
  return formatter(`money:${currency}`, {
    style: "currency",
    currency,
    maximumFractionDigits: 0
  }).format(shownMoney(value));
}
function formatPercent(value, digits = 1) {
  if (!isFigure(value)) return NO_DATA;
  const whole = wholeDigits(digits);
  return `${(shownRatio(value, whole) * 100).toFixed(whole)}%`;
}
function formatNumber(value, digits = 0) {
  if (!isFigure(value)) return NO_DATA;
  const whole = wholeDigits(digits);
  const made = formatter(`number:${whole}`, {
    minimumFractionDigits: whole,
    maximumFractionDigits: whole
  });
  return made.format(roundTo(value, whole));
}
function formatRunway(months, burning, cash) {
  if (burning === false) return "not burning";
  if (burning === true && isFigure(cash) && shownMoney(cash) <= 0) return "no cash";
  if (!isFigure(months)) return NO_DATA;
  return `${shownTenths(months).toFixed(1)} months`;
}
function formatDays(days) {
  return `${formatNumber(days, 1)} days`;
}
function wholeDigits(digits) {
  return typeof digits === "number" ? Math.floor(digits) : 0;
}
var CURRENCIES = new Set(
  Intl.supportedValuesOf?.("currency") ?? []
);
var CURRENCY_SYMBOLS = { "\u20AC": "EUR", "\xA3": "GBP", "\xA5": "JPY" };
function quantityUnit(unit, currency) {
  const declared = typeof unit === "string" ? unit.trim() : "";
  const code = declared.toUpperCase();
  if (declared === "$" || code === "MONEY" || code === currency.toUpperCase())
    return { kind: "money", currency };
  const symbol = CURRENCY_SYMBOLS[declared];
  if (symbol) return { kind: "money", currency: symbol };
  if (CURRENCIES.has(declared)) return { kind: "money", currency: declared };
  if (declared === "%" || code === "PERCENT") return { kind: "percent" };
  if (declared === "") return { kind: "none" };
  return { kind: "noun", noun: declared };
}
function shownQuantity(value, unit, currency) {
  return quantityUnit(unit, currency).kind === "money" ? shownMoney(value) : roundTo(value, 2);
}
function formatQuantity(value, unit, currency) {
  if (!isFigure(value)) return NO_DATA;
  const reading = quantityUnit(unit, currency);
  if (reading.kind === "money") return formatMoney(value, reading.currency);
  const shown = shownQuantity(value, unit, currency);
  const digits = [0, 1, 2].find((d) => roundTo(value, d) === shown);
  const number = formatNumber(value, digits);
  if (reading.kind === "percent") return `${number}%`;
  if (reading.kind === "none") return number;
  const noun = reading.noun;
  if (shown === 1) return `${number} ${singular(noun)}`;
  return `${number} ${noun.toLowerCase() === "day" ? `${noun}s` : noun}`;
}
function singular(noun) {
  if (!/^[a-z]+s$/i.test(noun) || /(ss|us|is)$/i.test(noun)) return noun;
  if (/[^aeiou]ies$/i.test(noun)) return `${noun.slice(0, -3)}y`;
  if (/(ch|sh|x|z|ss)es$/i.test(noun)) return noun.slice(0, -2);
  return noun.slice(0, -1);
}

// src/analysis/dates.ts
var DAY_MS = 864e5;
function toUtc(date) {
  return utcMidnight(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10))
  );
}
function addDays(date, days) {
  const time = toUtc(date) + days * DAY_MS;
  const z = Math.floor(time / DAY_MS) + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (!(year >= 0 && year <= 9999)) return new Date(time).toISOString().slice(0, 10);
  return `${String(year).padStart(4, "0")}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}
function daysBetween(from, to) {
  return daysBetweenTimes(toUtc(from), toUtc(to));
}
function daysBetweenTimes(from, to) {
  return Math.round((to - from) / DAY_MS);
}
function monthOf(date) {
  return date.slice(0, 7);
}
function addMonths(month, count) {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String(index % 12 + 1).padStart(2, "0")}`;
}
function trailingMonths(asOf, count = 3) {
  const current = monthOf(asOf);
  return Array.from({ length: count }, (_, i) => addMonths(current, i - count));
}
var MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December"
];
function monthName(month) {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}
function todayIn(timeZone, now = /* @__PURE__ */ new Date()) {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit"
  }).format(now);
}
function periodOf(cadence, asOf) {
  if (cadence === "monthly") return monthOf(asOf);
  const date = new Date(toUtc(asOf));
  const weekday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - weekday + 3);
  const year = date.getUTCFullYear();
  const week = Math.floor((date.getTime() - utcMidnight(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${String(year).padStart(4, "0")}-W${String(week).padStart(2, "0")}`;
}
function previousAsOf(cadence, asOf) {
  if (cadence === "weekly") return addDays(asOf, -7);
  const month = addMonths(monthOf(asOf), -1);
  const lastDay = new Date(
    utcMidnight(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)
  ).getUTCDate();
  return `${month}-${String(Math.min(Number(asOf.slice(8, 10)), lastDay)).padStart(2, "0")}`;
}

// src/analysis/shapes.ts
var hasOwnProto = (source) => Object.prototype.hasOwnProperty.call(source, "__proto__");
function withFields(source, fields) {
  if (hasOwnProto(source) || hasOwnProto(fields))
    return { ...source, ...fields };
  return Object.assign({}, source, fields);
}

// src/charts/spec.ts
import { createHash } from "node:crypto";
var DEFAULT_WIDTH = 600;
var DEFAULT_HEIGHT = 300;
var MIN_SIDE = 200;
var MAX_SIDE = 1600;
function monthlyChart(input) {
  for (const month of input.months) {
    if (!parseMonth(month)) throw new Error(`chart "${input.title}": "${month}" is not YYYY-MM`);
  }
  return buildSpec("months", "Month", input.months, input, "line");
}
function categoryChart(input) {
  return buildSpec("categories", input.categoryLabel ?? "Category", input.categories, input, "bar");
}
function buildSpec(kind, categoryLabel, categories, input, defaultMark) {
  const width = input.width ?? DEFAULT_WIDTH;
  const height = input.height ?? DEFAULT_HEIGHT;
  for (const side of [width, height]) {
    if (!Number.isInteger(side) || side < MIN_SIDE || side > MAX_SIDE) {
      throw new Error(
        `chart "${input.title}": size ${width}x${height} must be whole pixels from ${MIN_SIDE} to ${MAX_SIDE}`
      );
    }
  }
  const series = input.series.map((one) => {
    if (one.values.length !== categories.length) {
      throw new Error(
        `chart "${input.title}": series "${one.name}" has ${one.values.length} values for ${categories.length} ${kind}`
      );
    }
    return {
      name: one.name,
      unit: one.unit,
      mark: one.mark ?? defaultMark,
      // NaN and infinities are figures nobody could compute: they read and draw as no data.
      values: one.values.map((v) => typeof v === "number" && Number.isFinite(v) ? v : null)
    };
  });
  if (chartUnits({ series }).length > 2) {
    throw new Error(`chart "${input.title}": at most two units (one axis each side)`);
  }
  const base = { kind, title: input.title, categoryLabel, categories: [...categories], series };
  return withFields(base, {
    width,
    height,
    alt: input.alt ?? altText(base),
    // Absent unless set: the key (a hash of the spec) of every other chart stays as it was.
    ...input.stacked ? { stacked: true } : {}
  });
}
function chartUnits(spec) {
  const units = [];
  for (const { unit } of spec.series) {
    if (!units.some((u) => sameUnit(u, unit))) units.push(unit);
  }
  return units;
}
function sameUnit(a, b) {
  return a.kind === b.kind && (a.kind !== "money" || a.currency === b.currency);
}
function hasData(spec) {
  return spec.series.some((s) => s.values.some((v) => v !== null));
}
function formatChartValue(value, unit) {
  if (value === null) return NO_DATA;
  switch (unit.kind) {
    case "money":
      return formatMoney(value, unit.currency);
    case "percent":
      return formatPercent(value, 1);
    case "months":
      return `${formatNumber(value, 1)} months`;
    case "count":
      return formatNumber(value, 0);
    case "ratio":
      return `${formatNumber(value, 2)}\xD7`;
  }
}
function categoryName(spec, category) {
  if (spec.kind !== "months") return category;
  const month = parseMonth(category);
  return `${monthAbbreviation(month.month)} ${month.year}`;
}
function monthAbbreviation(month) {
  return MONTH_NAMES[month - 1].slice(0, 3);
}
function parseMonth(text) {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  if (!match) return void 0;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? { year: Number(match[1]), month } : void 0;
}
function chartTable(spec) {
  const header = [spec.categoryLabel];
  const align = ["left"];
  for (const s of spec.series) {
    header.push(s.name);
    align.push("right");
  }
  const rows = [];
  for (let i = 0; i < spec.categories.length; i++) {
    const row = [categoryName(spec, spec.categories[i])];
    for (const s of spec.series) row.push(formatChartValue(s.values[i] ?? null, s.unit));
    rows.push(row);
  }
  return { header, rows, align };
}
function altText(spec) {
  if (!hasData(spec) || spec.categories.length === 0) return `${spec.title}: no data.`;
  const marks = new Set(spec.series.map((s) => s.mark));
  const shape = marks.size > 1 ? "Bar and line chart" : marks.has("bar") ? "Bar chart" : "Line chart";
  const name = (i) => categoryName(spec, spec.categories[i]);
  const value = (s, i) => formatChartValue(s.values[i] ?? null, s.unit);
  if (spec.kind === "months") {
    const span = `by month, ${name(0)} to ${name(spec.categories.length - 1)}`;
    const parts2 = spec.series.map((s) => {
      const known = s.values.flatMap((v, i) => v === null ? [] : [i]);
      if (known.length === 0) return `${s.name}: no data`;
      const first = known[0];
      const last = known[known.length - 1];
      const high = known.reduce((a, b) => s.values[b] > s.values[a] ? b : a);
      const low = known.reduce((a, b) => s.values[b] < s.values[a] ? b : a);
      return `${s.name}: ${value(s, first)} in ${name(first)}, ${value(s, last)} in ${name(last)} (high ${value(s, high)} in ${name(high)}, low ${value(s, low)} in ${name(low)})`;
    });
    return `${spec.title}. ${shape} ${span}. ${parts2.join("; ")}.`;
  }
  const by = spec.categoryLabel.toLowerCase();
  const parts = spec.series.map(
    (s) => `${s.name}: ${spec.categories.map((c, i) => `${c} ${value(s, i)}`).join(", ")}`
  );
  return `${spec.title}. ${shape} by ${by}. ${parts.join("; ")}.`;
}
function chartKey(spec) {
  return createHash("sha256").update(canonicalJson(spec)).digest("hex").slice(0, 16);
}
function canonicalJson(value) {
  if (Array.isArray(value)) {
    let items = "";
    for (let i = 0; i < value.length; i++) items += (i > 0 ? "," : "") + canonicalJson(value[i]);
    return `[${items}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== void 0).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
    let fields = "";
    for (const [k, v] of entries)
      fields += (fields === "" ? "" : ",") + `${JSON.stringify(k)}:${canonicalJson(v)}`;
    return `{${fields}}`;
  }
  return JSON.stringify(value) ?? "null";
}

// src/render/html.ts
function escapeHtml(text) {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]
  );
}
function emailShell(options) {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
</head>
<body style="margin:0;padding:0;background:#f4f6f8;">
<div style="display:none;max-height:0;overflow:hidden;">${escapeHtml(options.preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f6f8;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:720px;background:#ffffff;border:1px solid #d8dee9;border-radius:6px;">
<tr><td style="padding:24px 28px;font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;font-size:14px;color:#1f2933;">
${options.body}
</td></tr>
<tr><td style="padding:14px 28px;border-top:1px solid #d8dee9;font-family:Helvetica,Arial,sans-serif;font-size:12px;color:#6b7280;">
${escapeHtml(options.footer)}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}

export {
  NO_DATA,
  roundTo,
  toCents,
  money,
  sumMoney,
  moneyRatio,
  shownMoney,
  shownTenths,
  shownRatio,
  formatMoney,
  formatPercent,
  formatNumber,
  formatRunway,
  formatDays,
  shownQuantity,
  formatQuantity,
  toUtc,
  addDays,
  daysBetween,
  daysBetweenTimes,
  monthOf,
  addMonths,
  trailingMonths,
  MONTH_NAMES,
  monthName,
  todayIn,
  periodOf,
  previousAsOf,
  withFields,
  monthlyChart,
  categoryChart,
  chartUnits,
  sameUnit,
  hasData,
  monthAbbreviation,
  parseMonth,
  chartTable,
  chartKey,
  escapeHtml,
  emailShell
};

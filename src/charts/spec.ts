// Chart specs: plain data that an analysis can produce and a template can carry without loading a
// chart library. A spec says what to draw (categories, series, units, size) and also yields
// everything a reader without images needs: alt text and the same numbers as a text table.
// Drawing lives in draw.ts and is loaded only when a report has a chart.
import { createHash } from 'node:crypto';
import { NO_DATA, formatMoney, formatNumber, formatPercent } from '../figures.js';
import { MONTH_NAMES } from '../analysis/dates.js';
import { withFields } from '../analysis/shapes.js';

/**
 * What a series' numbers measure, which decides how they read in the table, the alt text and on
 * the axis:
 * - `money`: amounts in `currency` (an ISO 4217 code, the portfolio's), "$12,400";
 * - `percent`: a ratio, 0.92 reads "92.0%" (as formatPercent everywhere else);
 * - `months`: a duration such as runway, "5.4 months";
 * - `count`: a whole number of things, "1,204";
 * - `ratio`: a multiple such as ROAS (revenue per unit spent), 3.1 reads "3.10×".
 */
export type ChartUnit =
  | { readonly kind: 'money'; readonly currency: string }
  | { readonly kind: 'percent' }
  | { readonly kind: 'months' }
  | { readonly kind: 'count' }
  | { readonly kind: 'ratio' };

/** How a series is marked: a line through the points, or a bar per category. */
export type ChartMark = 'line' | 'bar';

/** One named row of figures, one value per category; `null` is a figure that is not known. */
export interface ChartSeries {
  readonly name: string;
  readonly unit: ChartUnit;
  readonly mark: ChartMark;
  readonly values: readonly (number | null)[];
}

/**
 * A chart as plain, JSON-serialisable data. `months` charts have `YYYY-MM` categories in order;
 * `categories` charts have names (channels, aging buckets, properties). `width` and `height` are
 * CSS pixels (the size an `<img>` shows it at); the PNG is drawn at a higher pixel density.
 * A spec holds at most two units: the first on the left axis, the second on the right.
 */
export interface ChartSpec {
  readonly kind: 'months' | 'categories';
  readonly title: string;
  /** What the first column of the text table is headed ("Month", "Channel", "Bucket"). */
  readonly categoryLabel: string;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  readonly width: number;
  readonly height: number;
  /** A sentence or two a screen reader says instead of the image, with the figures in it. */
  readonly alt: string;
  /**
   * Bars drawn one on top of the other instead of side by side: for series that are parts of
   * one whole (a unit's rent is either collected or lost to vacancy). Absent when side by side.
   */
  readonly stacked?: true;
}

/** A series as an analysis hands it in; `mark` defaults to line by month and bar by category. */
export interface SeriesInput {
  name: string;
  unit: ChartUnit;
  values: readonly (number | null | undefined)[];
  mark?: ChartMark;
}

interface ChartInput {
  title: string;
  series: readonly SeriesInput[];
  /** CSS pixels; 600 fits every email client's content column. */
  width?: number;
  height?: number;
  /** Overrides the generated alt text (which already lists the figures). */
  alt?: string;
  /** Stack the bars (parts of one whole) rather than set them side by side. */
  stacked?: boolean;
}

/** The default size in CSS pixels: 600 wide fits the usual email content column. */
export const DEFAULT_WIDTH = 600;
export const DEFAULT_HEIGHT = 300;
// Outside these a chart is either unreadable or heavier than an email should carry.
const MIN_SIDE = 200;
const MAX_SIDE = 1600;

/**
 * A chart over consecutive or chosen months (revenue against spending for 12 months, cash and
 * runway): `months` are `YYYY-MM`, in the order shown, each series has one value per month.
 * @throws Error on a malformed month, a series of the wrong length, more than two units, or a
 *   size outside 200–1600 px: these are programming errors, not user input.
 */
export function monthlyChart(input: ChartInput & { months: readonly string[] }): ChartSpec {
  for (const month of input.months) {
    if (!parseMonth(month)) throw new Error(`chart "${input.title}": "${month}" is not YYYY-MM`);
  }
  return buildSpec('months', 'Month', input.months, input, 'line');
}

/**
 * A bar chart by category (spend and ROAS per channel, AR aging buckets, occupancy per property):
 * each series has one value per category. `categoryLabel` heads the table's first column.
 * @throws Error on a series of the wrong length, more than two units, or a size out of range.
 */
export function categoryChart(
  input: ChartInput & { categories: readonly string[]; categoryLabel?: string },
): ChartSpec {
  return buildSpec('categories', input.categoryLabel ?? 'Category', input.categories, input, 'bar');
}

function buildSpec(
  kind: ChartSpec['kind'],
  categoryLabel: string,
  categories: readonly string[],
  input: ChartInput,
  defaultMark: ChartMark,
): ChartSpec {
  const width = input.width ?? DEFAULT_WIDTH;
  const height = input.height ?? DEFAULT_HEIGHT;
  for (const side of [width, height]) {
    if (!Number.isInteger(side) || side < MIN_SIDE || side > MAX_SIDE) {
      throw new Error(
        `chart "${input.title}": size ${width}x${height} must be whole pixels from ${MIN_SIDE} to ${MAX_SIDE}`,
      );
    }
  }
  const series = input.series.map((one): ChartSeries => {
    if (one.values.length !== categories.length) {
      throw new Error(
        `chart "${input.title}": series "${one.name}" has ${one.values.length} values for ${categories.length} ${kind}`,
      );
    }
    return {
      name: one.name,
      unit: one.unit,
      mark: one.mark ?? defaultMark,
      // NaN and infinities are figures nobody could compute: they read and draw as no data.
      values: one.values.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null)),
    };
  });
  if (chartUnits({ series }).length > 2) {
    throw new Error(`chart "${input.title}": at most two units (one axis each side)`);
  }
  const base = { kind, title: input.title, categoryLabel, categories: [...categories], series };
  // Not `{ ...base, ... }`: one map for every spec (src/analysis/shapes.ts).
  return withFields(base, {
    width,
    height,
    alt: input.alt ?? altText(base),
    // Absent unless set: the key (a hash of the spec) of every other chart stays as it was.
    ...(input.stacked ? { stacked: true as const } : {}),
  });
}

/** The distinct units of a spec in order of first use: index 0 is the left axis, 1 the right. */
export function chartUnits(spec: Pick<ChartSpec, 'series'>): ChartUnit[] {
  const units: ChartUnit[] = [];
  for (const { unit } of spec.series) {
    if (!units.some((u) => sameUnit(u, unit))) units.push(unit);
  }
  return units;
}

export function sameUnit(a: ChartUnit, b: ChartUnit): boolean {
  return a.kind === b.kind && (a.kind !== 'money' || a.currency === (b as typeof a).currency);
}

/** True when at least one figure is known; a spec without any draws as a "No data" chart. */
export function hasData(spec: Pick<ChartSpec, 'series'>): boolean {
  return spec.series.some((s) => s.values.some((v) => v !== null));
}

/** One figure as the table and the alt text show it, "no data" for null. */
export function formatChartValue(value: number | null, unit: ChartUnit): string {
  if (value === null) return NO_DATA;
  switch (unit.kind) {
    case 'money':
      return formatMoney(value, unit.currency);
    case 'percent':
      return formatPercent(value, 1);
    case 'months':
      return `${formatNumber(value, 1)} months`;
    case 'count':
      return formatNumber(value, 0);
    case 'ratio':
      return `${formatNumber(value, 2)}×`;
  }
}

/** A category as the reader sees it: `2026-03` -> "Mar 2026"; a name as it is. */
function categoryName(spec: Pick<ChartSpec, 'kind'>, category: string): string {
  if (spec.kind !== 'months') return category;
  const month = parseMonth(category)!;
  return `${monthAbbreviation(month.month)} ${month.year}`;
}

/** 1 -> "Jan". */
export function monthAbbreviation(month: number): string {
  // English, as every other date in a report.
  return MONTH_NAMES[month - 1]!.slice(0, 3);
}

/** `YYYY-MM` -> year and month (1–12), or undefined. */
export function parseMonth(text: string): { year: number; month: number } | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? { year: Number(match[1]), month } : undefined;
}

/** A plain-text table's content: the header cells and the body rows, all strings. */
export interface ChartTable {
  readonly header: string[];
  readonly rows: string[][];
  /** How each column sits: the category left, the figures right. */
  readonly align: ('left' | 'right')[];
}

/**
 * The chart's numbers for the text part of an email: one row per category (month or name), one
 * column per series, figures formatted with their units ("$12,400", "92.0%", "no data"). Pass it
 * to the render stage's textTable to lay it out.
 */
export function chartTable(spec: ChartSpec): ChartTable {
  // Push loops, not map(): V8 11's optimised map() returns holey arrays, and the code reading
  // them (compiled on the interpreter's packed ones) would deopt and be compiled again.
  const header = [spec.categoryLabel];
  const align: ('left' | 'right')[] = ['left'];
  for (const s of spec.series) {
    header.push(s.name);
    align.push('right');
  }
  const rows: string[][] = [];
  for (let i = 0; i < spec.categories.length; i++) {
    const row = [categoryName(spec, spec.categories[i]!)];
    for (const s of spec.series) row.push(formatChartValue(s.values[i] ?? null, s.unit));
    rows.push(row);
  }
  return { header, rows, align };
}

/**
 * Alt text that carries the figures: by month, each series' first and last value with its high
 * and low; by category, every value. A chart with no figures says so.
 */
function altText(spec: Omit<ChartSpec, 'alt' | 'width' | 'height'>): string {
  if (!hasData(spec) || spec.categories.length === 0) return `${spec.title}: no data.`;
  const marks = new Set(spec.series.map((s) => s.mark));
  const shape =
    marks.size > 1 ? 'Bar and line chart' : marks.has('bar') ? 'Bar chart' : 'Line chart';
  const name = (i: number) => categoryName(spec, spec.categories[i]!);
  const value = (s: ChartSeries, i: number) => formatChartValue(s.values[i] ?? null, s.unit);
  if (spec.kind === 'months') {
    const span = `by month, ${name(0)} to ${name(spec.categories.length - 1)}`;
    const parts = spec.series.map((s) => {
      const known = s.values.flatMap((v, i) => (v === null ? [] : [i]));
      if (known.length === 0) return `${s.name}: no data`;
      const first = known[0]!;
      const last = known[known.length - 1]!;
      const high = known.reduce((a, b) => (s.values[b]! > s.values[a]! ? b : a));
      const low = known.reduce((a, b) => (s.values[b]! < s.values[a]! ? b : a));
      return (
        `${s.name}: ${value(s, first)} in ${name(first)}, ${value(s, last)} in ${name(last)}` +
        ` (high ${value(s, high)} in ${name(high)}, low ${value(s, low)} in ${name(low)})`
      );
    });
    return `${spec.title}. ${shape} ${span}. ${parts.join('; ')}.`;
  }
  const by = spec.categoryLabel.toLowerCase();
  const parts = spec.series.map(
    (s) => `${s.name}: ${spec.categories.map((c, i) => `${c} ${value(s, i)}`).join(', ')}`,
  );
  return `${spec.title}. ${shape} by ${by}. ${parts.join('; ')}.`;
}

/**
 * A stable key for a spec: the same chart (same figures, size, text) gives the same key in every
 * report and run, whatever order its object keys were built in. 16 hex digits of SHA-256; usable
 * as a file name or a MIME Content-ID part.
 */
export function chartKey(spec: ChartSpec): string {
  return createHash('sha256').update(canonicalJson(spec)).digest('hex').slice(0, 16);
}

function canonicalJson(value: unknown): string {
  // Strings built in loops, not map().join(): see chartTable.
  if (Array.isArray(value)) {
    let items = '';
    for (let i = 0; i < value.length; i++) items += (i > 0 ? ',' : '') + canonicalJson(value[i]);
    return `[${items}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    let fields = '';
    for (const [k, v] of entries)
      fields += (fields === '' ? '' : ',') + `${JSON.stringify(k)}:${canonicalJson(v)}`;
    return `{${fields}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

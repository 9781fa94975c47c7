// How a chart appears in a report: the `chart` filter writes an <img> of the chart's PNG by its
// stable key, the HTML sanitiser lets only these through, the text part shows the chart's numbers
// instead, and the email swaps the gallery's file path for the inline part's Content-ID. The
// spec module is plain data (no chart library): drawing happens later, in the pipeline.
import { chartKey, hasData, type ChartSpec } from '../charts/spec.js';
import { escapeHtml } from './html.js';
// No Markdown or text-table library here: the `chart` filter runs in every Liquid render,
// `validate`'s too, which loads neither (the text part's chartText is in chart-text.ts).
import { escapeMarkdown } from './escape-markdown.js';

/** The folder beside a report's .html that holds its charts' PNGs (OUT/reports/charts). */
export const CHARTS_FOLDER = 'charts';

/** A chart's image in the gallery: `charts/<key>.png`, relative to the report's .html. */
export function chartPath(key: string): string {
  return `${CHARTS_FOLDER}/${key}.png`;
}

// The two image sources a report may hold: the gallery's file and the email's inline part.
const GALLERY_SRC = /^charts\/([0-9a-f]{16})\.png$/;
// The Content-ID may carry a domain (`cid:<key>@boardroom`): both forms are a chart.
const EMAIL_SRC = /^cid:([0-9a-f]{16})(?:@boardroom)?$/;

/**
 * Whether `src` is a chart image (`charts/<key>.png`, `cid:<key>` or `cid:<key>@boardroom`):
 * the only <img> a report keeps (the image half of safe-url.ts's allowedUrl).
 */
export function isChartSrc(src: string | undefined): boolean {
  return src !== undefined && (GALLERY_SRC.test(src) || EMAIL_SRC.test(src));
}

/**
 * The Markdown a template's `{{ spec | chart }}` writes: an HTML block (blank lines around it)
 * with the chart's gallery path, its alt text and its size in CSS pixels. Everything from the
 * spec is HTML-escaped: titles and alt text carry entity names from the data.
 */
export function chartMarkup(spec: ChartSpec, key = chartKey(spec)): string {
  return (
    `\n\n<img src="${chartPath(key)}" alt="${escapeHtml(spec.alt)}"` +
    ` width="${spec.width}" height="${spec.height}">\n\n`
  );
}

/** Whether a template value is a chart spec the filter can place (from the analysis). */
function isChartSpec(value: unknown): value is ChartSpec {
  if (value === null || typeof value !== 'object') return false;
  const spec = value as Partial<ChartSpec>;
  return (
    (spec.kind === 'months' || spec.kind === 'categories') &&
    Array.isArray(spec.categories) &&
    Array.isArray(spec.series) &&
    typeof spec.alt === 'string' &&
    Number.isInteger(spec.width) &&
    Number.isInteger(spec.height)
  );
}

/**
 * A chart's Content-ID without its angle brackets: `<key>@boardroom`, an RFC 2392 msg-id (a
 * local part and a domain), the one form both the `cid:` reference and the part's header use.
 */
export function chartContentId(key: string): string {
  return `${key}@boardroom`;
}

/**
 * A report's HTML as an email carries it: each chart's gallery path becomes
 * `cid:<key>@boardroom` (chartContentId), the Content-ID of the inline PNG part sent with it.
 * Only sanitised `src="charts/<key>.png"` attributes are touched.
 */
export function emailChartHtml(html: string): string {
  return html.replace(
    / src="charts\/([0-9a-f]{16})\.png"/g,
    (_, key: string) => ` src="cid:${chartContentId(key)}"`,
  );
}

// The charts one render placed, by the render's Liquid globals object (shared by every partial
// the render spawns): renderReport reads them back to hand the pipeline what to draw.
const collectors = new WeakMap<object, Map<string, ChartSpec>>();

/** A fresh globals object for one render, and the map its `chart` filters fill (key -> spec). */
export function chartCollector(): { globals: object; charts: Map<string, ChartSpec> } {
  const globals = {};
  const charts = new Map<string, ChartSpec>();
  collectors.set(globals, charts);
  return { globals, charts };
}

/**
 * What a chart with no known figure at all shows instead of an image, in both parts: its title
 * and "no data", as a paragraph of its own. It is not drawn: an empty frame tells a reader no
 * more than the sentence, and costs a PNG in every message that carries it.
 */
export function noDataMarkup(spec: Pick<ChartSpec, 'title'>): string {
  return `\n\n${escapeMarkdown(spec.title)}: no data.\n\n`;
}

// Each spec's key by the spec object: the analysis shares an entity's chart with every report
// that shows it (ten a chart on the bench's portfolio), and the key hashes the whole spec. The
// analysis never changes a spec once made.
const keys = new WeakMap<ChartSpec, string>();

function keyOf(spec: ChartSpec): string {
  let key = keys.get(spec);
  if (key === undefined) keys.set(spec, (key = chartKey(spec)));
  return key;
}

/**
 * The `chart` filter: a spec from the section data -> its image markup (chartMarkup), recorded
 * for the render that asked. Nothing for null (a section without a chart); a chart with no known
 * figure is not recorded (so not drawn) and reads as its title and "no data" (noDataMarkup).
 * @throws Error when the value is not a chart spec (a template placing the wrong value).
 */
export function chartFilter(globals: unknown, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (!isChartSpec(value)) throw new Error('chart: the value is not a chart (use e.g. e.chart)');
  if (!hasData(value)) return noDataMarkup(value);
  const key = keyOf(value);
  if (globals !== null && typeof globals === 'object') collectors.get(globals)?.set(key, value);
  return chartMarkup(value, key);
}

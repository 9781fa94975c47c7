// The Liquid engine for report templates. Templates come from pull requests, so the engine is
// sandboxed: it reads only the templates loaded from templates/, never the environment or disk.
import { BoundedCache } from './bounded-cache.js';
import {
  Liquid,
  LookupType,
  toValue,
  type FilterImplOptions,
  type LiquidOptions,
  type Template as Parsed,
} from 'liquidjs';
import type { ConfigError } from '../config/errors.js';
import type { Locate, Report, Template } from '../config/load.js';
import { parseIsoDate } from '../config/schema.js';
import {
  formatDate,
  formatMoney,
  formatNumber,
  formatPercent,
  formatQuantity,
  formatRunway,
  formatSeverity,
} from './format.js';
import { escapeMarkdown } from './escape-markdown.js';
import { chartFilter } from './chart-markup.js';

/** What the engine needs from portfolio.yml: how money reads and where the portfolio is. */
export interface EngineSettings {
  /** ISO 4217 code, such as USD. */
  readonly currency: string;
  /** IANA zone, such as America/Los_Angeles: `date` prints in it, whatever the host's zone. */
  readonly timezone: string;
}

// The engine for one-line header values (subjects) of each report engine: the same templates
// and filters, no Markdown escaping (a header is not Markdown).
const headerEngines = new WeakMap<Liquid, Liquid>();

/**
 * The engine that renders report templates into Markdown. Every `{{ value }}` is escaped for
 * Markdown (escapeMarkdown), the one escaping a value gets; HTML escaping happens once, when
 * the Markdown becomes HTML. Unknown variables and filters are errors, not empty text, in
 * `{% if %}`, `{% unless %}` and before `default` too (a typo there would silently take the
 * other branch): the view holds every key a template may read, null when it is unknown.
 * Templates are read with LF line endings whatever the file has (a CRLF file would otherwise
 * give a report with mixed endings). `settings` may be a currency code alone (the zone is
 * then UTC).
 */
export function createTemplateEngine(
  templateFiles: ReadonlyMap<string, Template>,
  settings: EngineSettings | string,
): Liquid {
  const { currency, timezone } =
    typeof settings === 'string' ? { currency: settings, timezone: 'UTC' } : settings;
  const templates = Object.fromEntries(
    [...templateFiles.values()].map((t) => [`${t.name}.md`, templateText(t.source)]),
  );
  const make = (outputEscape?: (value: unknown) => string) => {
    const engine = new Liquid({
      templates,
      extname: '.md',
      ...(outputEscape ? { outputEscape } : {}),
      strictFilters: true,
      strictVariables: true,
      ownPropertyOnly: true,
      timezoneOffset: timezone,
      // Parsed templates are kept: a run renders the same few templates for every report, and
      // checkTemplates's parse is the one the renders use.
      cache: parsedTemplates(),
      // A template loop over a huge table cannot hang a run.
      renderLimit: 5_000,
      parseLimit: 1_000_000,
    });
    registerFilters(engine, currency, timezone);
    return engine;
  };
  const engine = make((value) => escapeMarkdown(textOf(value)));
  headerEngines.set(engine, make());
  return engine;
}

const LOOKUP_PREFIX = new RegExp(`^(?:${Object.values(LookupType).join('|')}):`);

/**
 * The engine's cache of parsed templates, one entry a template: liquidjs keys a parse by how
 * the file was looked up (`root:cfo`, `partials:sections/burn`), but every template is in the
 * one in-memory map, so both lookups find the same text and parse it the same way. Keyed by the
 * name alone, a template is parsed once per engine, whether checkTemplates, a render of it as a
 * report's template or a `render` tag asks first. Keys of relative references are kept whole.
 */
function parsedTemplates(): Exclude<LiquidOptions['cache'], boolean | number | undefined> {
  const parsed = new Map<string, Parsed[] | Promise<Parsed[]>>();
  const nameOf = (key: string) => key.replace(LOOKUP_PREFIX, '');
  return {
    read: (key) => parsed.get(nameOf(key)),
    write: (key, value) => void parsed.set(nameOf(key), value),
    remove: (key) => void parsed.delete(nameOf(key)),
  };
}

/** A template's text as the engine reads it: LF line endings only. */
function templateText(source: string): string {
  return source.replace(/\r\n?/g, '\n');
}

/** The engine that renders header values (subjects) for a report engine: nothing is escaped. */
export function headerEngineOf(engine: Liquid): Liquid {
  const header = headerEngines.get(engine);
  if (!header) throw new Error('not an engine made by createTemplateEngine');
  return header;
}

// Each header engine's parsed header values by their text: a run renders each report's subject
// once per period and `validate` parses it first, so it is parsed once per engine.
const parsedHeaders = new WeakMap<Liquid, Map<string, Parsed[]>>();

/**
 * A header value (a report's subject) parsed by the report engine's header engine, parsed once
 * per engine and text (a parse that fails is not kept, so it fails again, the same way).
 * @throws liquidjs's ParseError when the text does not parse.
 */
export function parseHeader(engine: Liquid, source: string): Parsed[] {
  const header = headerEngineOf(engine);
  let parsed = parsedHeaders.get(header);
  if (!parsed) parsedHeaders.set(header, (parsed = new Map()));
  let templates = parsed.get(source);
  if (!templates) parsed.set(source, (templates = header.parse(source)));
  return templates;
}

/**
 * A header value rendered with `view`, nothing escaped: what `headerEngineOf(engine)
 * .parseAndRenderSync(source, view)` gives, with the parse reused (parseHeader).
 * @throws liquidjs's ParseError or RenderError.
 */
export function renderHeader(engine: Liquid, source: string, view: object): string {
  return headerEngineOf(engine).renderSync(parseHeader(engine, source), view) as string;
}

/** How Liquid writes a value: nothing for null, the items of a list one after another. */
function textOf(value: unknown): string {
  const plain: unknown = toValue(value);
  if (plain === null || plain === undefined) return '';
  if (Array.isArray(plain)) return plain.map(textOf).join('');
  return String(plain);
}

function registerFilters(engine: Liquid, currency: string, timezone: string): void {
  // The same amounts come back in report after report (an entity's rows in every report that
  // shows it), and Intl's formatting is the costly part of a render's filters: each amount is
  // formatted once. -0 is left out (a Map takes it for 0, and it may print as "-$0").
  const money = remembered((value: number) => formatMoney(value, currency));
  engine.registerFilter('money', (value: unknown) =>
    typeof value === 'number' && !Object.is(value, -0)
      ? money(value)
      : formatMoney(value, currency),
  );
  engine.registerFilter('percent', (value: unknown, digits?: number) =>
    formatPercent(value, digits),
  );
  engine.registerFilter('number', (value: unknown, digits?: number) => formatNumber(value, digits));
  // `e.runway_months | runway: e.burning, e.cash_on_hand`: "no cash" when cash is at or below zero.
  engine.registerFilter('runway', (months: unknown, burning: unknown, cash?: unknown) =>
    formatRunway(months, burning, cash),
  );
  // A KPI's value with its declared unit: "$8,400", "75%", "12 days", "42 jobs".
  engine.registerFilter('quantity', (value: unknown, unit: unknown) =>
    formatQuantity(value, unit, currency),
  );
  const longDate = remembered(formatDate);
  engine.registerFilter('date_long', (value: unknown) =>
    typeof value === 'string' ? longDate(value) : formatDate(value),
  );
  engine.registerFilter('severity', (value: unknown) => formatSeverity(value));
  engine.registerFilter('or_none', (value: unknown, text = 'none') =>
    value === null ||
    value === undefined ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
      ? text
      : value,
  );
  // A table cell holds one line; the output escaping keeps its pipes inside it.
  engine.registerFilter('cell', (value: unknown) => textOf(value).replace(/[\r\n]+/g, ' '));
  // `{{ e.chart | chart }}` on a line of its own: the chart's image (text part: its numbers).
  // Raw: the markup escapes what it takes from the data itself (chart-markup.ts).
  engine.registerFilter('chart', {
    raw: true,
    handler(this: { context: { globals: unknown } }, value: unknown) {
      return chartFilter(this.context.globals, toValue(value));
    },
  });
  registerCalendarDate(engine, timezone);
}

/** At most this many results a remembered filter keeps (then it forgets them all at once). */
const REMEMBERED = 10_000;

/**
 * `format` with its results kept by argument (compared as a Map does, so -0 is 0) in a
 * BoundedCache: for a pure function of one string or number that runs again and again on the
 * same values.
 */
function remembered<K extends string | number>(format: (key: K) => string): (key: K) => string {
  const known = new BoundedCache<K, string>(REMEMBERED);
  return (key) => {
    let text = known.get(key);
    if (text === undefined) known.set(key, (text = format(key)));
    return text;
  };
}

/**
 * Liquid reads a date written YYYY-MM-DD as midnight UTC, which is the evening before west of
 * Greenwich. A calendar date (as_of, a due date) is that day wherever it is printed: it is
 * given to Liquid as noon of that day in the zone it is printed in (the filter's zone argument,
 * or the portfolio's), with that zone's offset worked out here. Liquid works out an offset and
 * shifts times through the host's zone, which can be an hour off near a change of summer time
 * on the host; an hour either side of noon is still the same day. Instants keep Liquid's own
 * reading, in the portfolio's zone.
 */
function registerCalendarDate(engine: Liquid, timezone: string): void {
  const liquidDate = engine.filters.date as FilterImplOptions;
  const handler = typeof liquidDate === 'function' ? liquidDate : liquidDate.handler;
  engine.registerFilter('date', function (this: unknown, value: unknown, ...args: unknown[]) {
    const [format, zoneArgument] = args;
    const zone = zoneArgument ?? timezone;
    // Any year, as date_long: a computed date may be before the inputs' earliest (0099-12-25).
    const day = typeof value === 'string' ? parseIsoDate(value, 0) : undefined;
    if (!day || (typeof zone !== 'string' && typeof zone !== 'number'))
      return handler.call(this as never, value, ...args);
    const noonUtc = day.getTime() + 12 * 3_600_000;
    // Liquid's offsets are minutes signed like Date#getTimezoneOffset: UTC minus local time.
    const offset =
      typeof zone === 'number'
        ? zone
        : -offsetMinutes(zone, noonUtc - offsetMinutes(zone, noonUtc) * 60_000);
    const noonThere = new Date(noonUtc + offset * 60_000).toISOString();
    return handler.call(this as never, noonThere, format, offset);
  });
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at an instant, in minutes east of Greenwich. */
function offsetMinutes(zone: string, instant: number): number {
  let format = offsetFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    offsetFormats.set(zone, format);
  }
  const name = format.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return 0; // "GMT": UTC itself
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/**
 * Parses every template and subject once, and resolves every partial a template names
 * literally, so a syntax error or a missing partial is a config error, not a failed run.
 * Variables are checked when the reports are rendered (checkRenders in render/index.ts).
 */
export function checkTemplates(
  templates: ReadonlyMap<string, Template>,
  reports: readonly Report[],
  engine: Liquid,
  locate: Locate,
): ConfigError[] {
  const errors: ConfigError[] = [];
  for (const template of templates.values()) {
    let parsed: Parsed[];
    try {
      // Through the engine's cache (the text it holds is templateText(template.source)): the
      // renders that follow reuse this parse.
      parsed = engine.parseFileSync(template.name, LookupType.Partials);
    } catch (error) {
      errors.push(liquidError(template.file, error));
      continue;
    }
    for (const missing of missingPartials(parsed))
      errors.push({
        file: template.file,
        line: missing.line,
        column: missing.column,
        message: `Liquid: no partial "${missing.name}" (no templates/${missing.name.replace(/\.md$/, '')}.md)`,
      });
  }
  for (const report of reports) {
    try {
      parseHeader(engine, report.subject);
    } catch (error) {
      errors.push(subjectError(report, error, locate));
    }
  }
  return errors;
}

/** A subject's Liquid error, named at the subject's value in the report file. */
export function subjectError(report: Report, error: unknown, locate: Locate): ConfigError {
  const at = locate(report.file, ['subject']) ?? { line: 1, column: 1 };
  const inner = liquidError(report.file, error);
  return {
    file: report.file,
    line: at.line,
    // +1 for the value's opening quote.
    column: at.column + inner.column,
    field: 'subject',
    message: `subject: ${messageOf(error)}`,
  };
}

interface TemplateNode {
  readonly token: { getPosition(): [number, number] };
  /** The partial a render, include or layout tag names, when it is written as a literal. */
  readonly file?: unknown;
  partialScope?(): unknown;
  children?(partials: boolean, sync: boolean): Generator<unknown, Parsed[]>;
}

/** Every render/include/layout tag, at any depth, whose literal partial name does not load. */
function missingPartials(
  parsed: readonly Parsed[],
): { name: string; line: number; column: number }[] {
  const missing: { name: string; line: number; column: number }[] = [];
  const visit = (nodes: readonly Parsed[]) => {
    for (const node of nodes as unknown as TemplateNode[]) {
      if (!node.children) continue;
      if (typeof node.file === 'string') {
        // Loading it the way a render does is the one sure test that it resolves.
        try {
          runSync(node.children(true, true));
        } catch (error) {
          // A partial that is there but does not parse is reported at its own file.
          if (/ENOENT/.test((error as Error).message)) {
            const [line, column] = node.token.getPosition();
            missing.push({ name: node.file, line, column });
          }
        }
      }
      visit(runSync(node.children(false, true)));
    }
  };
  visit(parsed);
  return missing;
}

/** Runs one of liquidjs's synchronous generators to its value. */
function runSync<T>(generator: Generator<unknown, T>): T {
  let step = generator.next();
  while (!step.done) {
    const yielded: unknown = step.value;
    step = generator.next(
      isGenerator(yielded) ? runSync(yielded as Generator<unknown, unknown>) : yielded,
    );
  }
  return step.value;
}

function isGenerator(value: unknown): boolean {
  return typeof (value as { next?: unknown } | null)?.next === 'function';
}

export function liquidError(file: string, error: unknown): ConfigError & { column: number } {
  const position = (
    error as { token?: { getPosition?: () => [number, number] } }
  ).token?.getPosition?.();
  return {
    file,
    line: position?.[0] ?? 1,
    column: position?.[1] ?? 1,
    message: `Liquid: ${messageOf(error)}`,
  };
}

/**
 * Where a render error happened: the template whose text holds the failing token (liquidjs
 * names no file for an undefined variable, but its token carries the template's whole text).
 */
export function renderErrorAt(
  templates: ReadonlyMap<string, Template>,
  error: unknown,
): (ConfigError & { column: number }) | undefined {
  const input = (error as { token?: { input?: unknown } }).token?.input;
  if (typeof input !== 'string') return undefined;
  for (const template of templates.values())
    if (templateText(template.source) === input) return liquidError(template.file, error);
  return undefined;
}

export function messageOf(error: unknown): string {
  return (error as Error).message
    .replace(/, file:.*$/, '')
    .replace(/, line:\d+, col:\d+$/, '')
    .replace(/ENOENT: Failed to lookup "([^"]*)" in "[^"]*"/, 'no partial "$1"');
}

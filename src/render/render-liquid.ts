// A report's Liquid step: its analysis -> the view templates see -> its subject and Markdown.
// Templates only present what the analysis computed; everything they see is in the view built
// here. The only step of a render a template can fail in, so `validate` runs this alone
// (checkRenders); the Markdown -> HTML and text step is in index.ts. No Markdown library is
// loaded from here.
import type { Liquid } from 'liquidjs';
import type { ConfigError } from '../config/errors.js';
import {
  entityName,
  ownerName,
  type Locate,
  type Portfolio,
  type Report,
  type TemplatePortfolio,
} from '../config/load.js';
import type { ActionItem, ReportAnalysis } from '../analysis/index.js';
import { periodOf } from '../analysis/dates.js';
import { sectionIds } from '../config/schema.js';
import { messageOf, renderErrorAt, renderHeader, subjectError } from './liquid.js';
import { chartCollector } from './chart-markup.js';
import type { ChartSpec } from '../charts/spec.js';
import { withFields } from '../analysis/shapes.js';

/** The data a report's templates see: every key a template may read (null when unknown). */
export function reportView(
  portfolio: TemplatePortfolio,
  report: Report,
  analysis: ReportAnalysis,
  asOf: string,
) {
  const persona = portfolio.personas.get(report.persona)!;
  // Actions name their owner as a person reads it ("Priya Natarajan"), not the persona id.
  const withOwner = (actions: readonly ActionItem[]) =>
    actions.map((action) => withFields(action, { owner_name: ownerName(portfolio, action.owner) }));
  const sections = analysis.sections.map((s) =>
    withFields(s, { actions: withOwner(s.actions), gathered: s.gathered ?? null }),
  );
  const head = withNulls({
    portfolio: { name: portfolio.settings.name, currency: portfolio.settings.currency },
    report: {
      id: report.id,
      reader: report.reader ?? persona.title,
      cadence: report.cadence,
      entities:
        report.entities === 'all'
          ? portfolio.entities.map((e) => e.name)
          : report.entities.map((id) => entityName(portfolio, id)),
    },
    persona: { id: persona.id, title: persona.title },
    as_of: asOf,
    period: periodOf(report.cadence, asOf),
    sections,
  });
  const tail = withNulls({
    findings: analysis.findings.map((f) =>
      withFields(f, { entity_name: entityName(portfolio, f.entity) }),
    ),
    actions: withOwner(analysis.actions),
    // What the reader sees in this report, gathered lists included (the CEO's shortfalls).
    counts: analysis.counts,
    // Since the previous period (src/analysis/changes.ts); null when not computed (validate).
    changes: analysis.changes ?? null,
  });
  // `{ ...head, section, ...tail }`, with one map for every report's view (src/analysis/shapes.ts).
  return withFields(
    withFields(head, {
      // Every section by id, null when this report has not got it: templates are strict, and
      // `{% if section.burn %}` must not read as a typo in a report without burn. The same
      // objects as `sections` (already without undefined: not walked twice).
      section: Object.fromEntries([
        ...sectionIds.map((id) => [id, null]),
        ...head.sections.map((s) => [s.id, s]),
      ]) as Record<string, (typeof sections)[number] | null>,
    }),
    tail,
  );
}

/**
 * The view with every undefined value (a key set to an optional that was left out, such as a
 * CSV row's empty cell) made null: templates are strict, and liquidjs takes a key holding
 * undefined for a misspelt one. Not a deep copy: an object or array with no undefined anywhere
 * in it is returned as it is, and only the objects on the way to an undefined are copied. Almost
 * no view has one (none of the bench portfolio's 1,000), so the walk allocates nothing and
 * remembers nothing: a cache by identity cost more in WeakMap entries than the walk it saved.
 * Plain objects and arrays are walked; a hole in an array stays a hole.
 */
function withNulls<T>(value: T): T {
  if (value === undefined) return null as T;
  if (value === null || typeof value !== 'object') return value;
  return nullsIn(value) as T;
}

/**
 * withNulls of an object or array. Each field is tested here and only an object or undefined
 * goes further: most of a view's values are numbers and strings, and a call per value was most
 * of the walk's time.
 */
function nullsIn(value: object): object {
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      let converted: unknown;
      if (item === undefined) {
        if (!(i in value)) continue;
        converted = null;
      } else if (item !== null && typeof item === 'object') converted = nullsIn(item);
      else continue;
      if (converted !== item) (copy ??= value.slice())[i] = converted;
    }
    return copy ?? value;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const fields = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key in fields) {
    const field = fields[key];
    let converted: unknown;
    if (field === undefined) converted = null;
    else if (field !== null && typeof field === 'object') converted = nullsIn(field);
    else continue;
    if (converted !== field) (copy ??= { ...fields })[key] = converted;
  }
  return copy ?? value;
}

/**
 * A template that failed to render, named where it failed (`templates/sections/burn.md:12:5:
 * Liquid: undefined variable: e.net_burn_montly`, or the subject in the report's file).
 */
export class TemplateRenderError extends Error {
  constructor(readonly problem: ConfigError) {
    super(
      `${problem.file}:${problem.line}${problem.column ? `:${problem.column}` : ''}: ${problem.message}`,
    );
    this.name = 'TemplateRenderError';
  }
}

/** A report's Liquid step: its subject and Markdown, and what the Markdown step needs of it. */
export interface RenderedTemplates {
  readonly subject: string;
  readonly period: string;
  /** The body template's output, blank-line runs folded, ending in one newline. */
  readonly markdown: string;
  /** The charts the report shows, by key (src/charts chartKey): what the pipeline draws. */
  readonly charts: Map<string, ChartSpec>;
  /** The view the templates saw (reportView). */
  readonly view: ReturnType<typeof reportView>;
}

/**
 * The Liquid step of a report's render, the only step a template can fail in: the body
 * template (partials included) and the subject, with the view and globals a run gives them.
 * Synchronous: the templates are in memory and every filter is synchronous, and liquidjs's
 * async path costs a promise per tag (twice the time on a large portfolio).
 * @throws TemplateRenderError when the template or the subject does not render.
 */
export function renderTemplates(
  engine: Liquid,
  portfolio: TemplatePortfolio,
  report: Report,
  analysis: ReportAnalysis,
  asOf: string,
  locate?: Locate,
): RenderedTemplates {
  const view = reportView(portfolio, report, analysis, asOf);
  const templateName = report.template ?? portfolio.personas.get(report.persona)!.template;
  let markdown: string;
  const { globals, charts } = chartCollector();
  try {
    markdown =
      engine
        .renderFileSync(templateName, view, { globals })
        .replace(/\n{3,}/g, '\n\n')
        .trim() + '\n';
  } catch (error) {
    throw new TemplateRenderError(
      renderErrorAt(portfolio.templates, error) ?? {
        file: portfolio.templates.get(templateName)?.file ?? `templates/${templateName}.md`,
        line: 1,
        message: `Liquid: ${messageOf(error)}`,
      },
    );
  }
  // The subject is a header, not Markdown: rendered without escaping, on one line.
  let subject: string;
  try {
    subject = renderHeader(engine, report.subject, view)
      .replace(/[\r\n]+/g, ' ')
      .trim();
  } catch (error) {
    throw new TemplateRenderError(subjectError(report, error, locate ?? (() => undefined)));
  }
  return { subject, period: view.period, markdown, charts, view };
}

/**
 * Renders every report's templates as a run would (renderTemplates: body and subject, the same
 * view and globals), and returns what failed as config errors at the template's file:line (an
 * unknown variable, a partial named by a variable that does not exist, a filter that fails):
 * what `validate` adds to parsing, so that a template that cannot render fails validation, not
 * the run. The Markdown -> HTML and text step is left out: it cannot fail on a template, and
 * leaving it out keeps marked and the text layout unloaded. `analyze` gives a report's analysis
 * as of the run's date; `found` are problems already reported (by checkTemplates), not
 * reported again.
 */
export function checkRenders(
  engine: Liquid,
  portfolio: Portfolio,
  analyze: (report: Report) => ReportAnalysis,
  asOf: string,
  { locate, found = [] }: { locate?: Locate; found?: readonly ConfigError[] } = {},
): ConfigError[] {
  const lineOf = (problem: ConfigError) => `${problem.file}:${problem.line}`;
  const errors = new Map<string, ConfigError>(found.map((problem) => [lineOf(problem), problem]));
  const known = errors.size;
  for (const report of portfolio.reports) {
    let analysis: ReportAnalysis;
    try {
      analysis = analyze(report);
    } catch {
      // Books that cannot be read are the run's to report; here only the templates are checked.
      continue;
    }
    try {
      renderTemplates(engine, portfolio, report, analysis, asOf, locate);
    } catch (error) {
      if (!(error instanceof TemplateRenderError)) throw error;
      // Reports that share a template fail at the same place: one error for the place.
      if (!errors.has(lineOf(error.problem))) errors.set(lineOf(error.problem), error.problem);
    }
  }
  return [...errors.values()].slice(known);
}

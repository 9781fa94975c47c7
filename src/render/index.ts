// The render stage: a report's analysis -> its subject, Markdown, HTML and text. The Liquid step
// (the view, the templates, the subject) is render-liquid.ts; the Markdown -> HTML and text step
// is here, so that what only checks the templates (`validate`) loads no Markdown library.
import type { Liquid } from 'liquidjs';
import type { Locate, Portfolio, Report, TemplatePortfolio } from '../config/load.js';
import type { ReportAnalysis } from '../analysis/index.js';
import { emailParts, type EmailSource } from './finish.js';
import { renderTemplates } from './render-liquid.js';
import type { ChartSpec } from '../charts/spec.js';

export { checkTemplates, createTemplateEngine, type EngineSettings } from './liquid.js';
export {
  checkRenders,
  renderTemplates,
  reportView,
  TemplateRenderError,
  type RenderedTemplates,
} from './render-liquid.js';
import { count } from '../analysis/findings.js';

export interface RenderedReport {
  readonly subject: string;
  readonly period: string;
  readonly markdown: string;
  readonly html: string;
  readonly text: string;
  /** The charts the report shows, by key (src/charts chartKey): what the pipeline draws. */
  readonly charts: ReadonlyMap<string, ChartSpec>;
}

/** A report's Liquid step done: its email's source, and the period its subject names. */
export interface RenderedSource extends EmailSource {
  readonly period: string;
}

/**
 * The Liquid half of a report: its templates and subject (renderTemplates), with the email
 * shell's preheader and footer, ready for emailParts (src/render/finish.ts).
 * @throws TemplateRenderError when the template or the subject does not render.
 */
export function renderSource(
  engine: Liquid,
  portfolio: TemplatePortfolio,
  report: Report,
  analysis: ReportAnalysis,
  asOf: string,
  locate?: Locate,
): RenderedSource {
  const { subject, period, markdown, charts, view } = renderTemplates(
    engine,
    portfolio,
    report,
    analysis,
    asOf,
    locate,
  );
  const { counts, report: shown } = view;
  return {
    subject,
    period,
    markdown,
    charts,
    preheader: `${counts.critical} critical, ${count(counts.warning, 'warning')}, ${count(counts.actions, 'action')}`,
    footer: `${portfolio.settings.name} · ${shown.reader} · as of ${asOf} · sent by boardroom`,
  };
}

/**
 * Renders a report: its templates (renderSource), then the Markdown as the email's HTML
 * (inline styles, in the email shell) and as its plain text. Synchronous, like the Liquid step.
 * Throws TemplateRenderError when the template or the subject does not render.
 */
export function renderReport(
  engine: Liquid,
  portfolio: Portfolio,
  report: Report,
  analysis: ReportAnalysis,
  asOf: string,
  locate?: Locate,
): RenderedReport {
  const source = renderSource(engine, portfolio, report, analysis, asOf, locate);
  const { subject, period, markdown, charts } = source;
  return { subject, period, markdown, ...emailParts(source), charts };
}

// The render stage: a report's analysis -> its subject, Markdown, HTML and text. The Liquid step
// (the view, the templates, the subject) is render-liquid.ts; the Markdown -> HTML and text step
// is here, so that what only checks the templates (`validate`) loads no Markdown library.
import type { Liquid } from 'liquidjs';
import type { Locate, Portfolio, Report } from '../config/load.js';
import type { ReportAnalysis } from '../analysis/index.js';
import { emailShell } from './html.js';
import { lexMarkdown, markdownToHtml, markdownToText } from './markdown.js';
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

export interface RenderedReport {
  readonly subject: string;
  readonly period: string;
  readonly markdown: string;
  readonly html: string;
  readonly text: string;
  /** The charts the report shows, by key (src/charts chartKey): what the pipeline draws. */
  readonly charts: ReadonlyMap<string, ChartSpec>;
}

/**
 * Renders a report: its templates (renderTemplates), then the Markdown as the email's HTML
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
  const { subject, period, markdown, charts, view } = renderTemplates(
    engine,
    portfolio,
    report,
    analysis,
    asOf,
    locate,
  );
  const tokens = lexMarkdown(markdown);
  const html = emailShell({
    title: subject,
    preheader: `${view.counts.critical} critical, ${view.counts.warning} warnings, ${view.counts.actions} actions`,
    body: markdownToHtml(tokens),
    footer: `${portfolio.settings.name} · ${view.report.reader} · as of ${asOf} · sent by boardroom`,
  });
  return {
    subject,
    period,
    markdown,
    html,
    text: markdownToText(tokens, charts),
    charts,
  };
}

// The render stage: a report's analysis -> its subject, Markdown, HTML and text. Templates only
// present what the analysis computed; everything they see is in the view built here.
import type { Liquid } from 'liquidjs';
import { entityName, ownerName, type Portfolio, type Report } from '../config/load.js';
import type { ActionItem, ReportAnalysis } from '../analysis/index.js';
import { periodOf } from '../analysis/dates.js';
import { emailShell } from './html.js';
import { decodeEntities, lexMarkdown, markdownToHtml, markdownToText } from './markdown.js';

export { checkTemplates, createTemplateEngine } from './liquid.js';

export interface RenderedReport {
  readonly subject: string;
  readonly period: string;
  readonly markdown: string;
  readonly html: string;
  readonly text: string;
}

export function reportView(
  portfolio: Portfolio,
  report: Report,
  analysis: ReportAnalysis,
  asOf: string,
) {
  const persona = portfolio.personas.get(report.persona)!;
  const count = (severity: string) =>
    analysis.findings.filter((f) => f.severity === severity).length;
  // Actions name their owner as a person reads it ("Priya Natarajan"), not the persona id.
  const withOwner = (actions: readonly ActionItem[]) =>
    actions.map((action) => ({ ...action, owner_name: ownerName(portfolio, action.owner) }));
  const sections = analysis.sections.map((s) => ({ ...s, actions: withOwner(s.actions) }));
  return {
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
    section: Object.fromEntries(sections.map((s) => [s.id, s])),
    findings: analysis.findings.map((f) => ({
      ...f,
      entity_name: entityName(portfolio, f.entity),
    })),
    actions: withOwner(analysis.actions),
    counts: {
      critical: count('critical'),
      warning: count('warning'),
      info: count('info'),
      actions: analysis.actions.length,
    },
  };
}

/**
 * Renders synchronously: the templates are in memory and every filter is synchronous, and
 * liquidjs's async path costs a promise per tag (twice the time on a large portfolio).
 */
export function renderReport(
  engine: Liquid,
  portfolio: Portfolio,
  report: Report,
  analysis: ReportAnalysis,
  asOf: string,
): RenderedReport {
  const view = reportView(portfolio, report, analysis, asOf);
  const templateName = report.template ?? portfolio.personas.get(report.persona)!.template;
  const markdown =
    engine
      .renderFileSync(templateName, view)
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n';
  // The subject is a header, not HTML: undo the output escaping and keep it to one line.
  const subject = decodeEntities(engine.parseAndRenderSync(report.subject, view))
    .replace(/[\r\n]+/g, ' ')
    .trim();
  const tokens = lexMarkdown(markdown);
  const html = emailShell({
    title: subject,
    preheader: `${view.counts.critical} critical, ${view.counts.warning} warnings, ${view.counts.actions} actions`,
    body: markdownToHtml(tokens),
    footer: `${portfolio.settings.name} · ${view.report.reader} · as of ${asOf} · sent by boardroom`,
  });
  return { subject, period: view.period, markdown, html, text: markdownToText(tokens) };
}

// The Liquid engine for report templates. Templates come from pull requests, so the engine is
// sandboxed: it reads only the templates loaded from templates/, never the environment or disk.
import { Liquid } from 'liquidjs';
import type { ConfigError } from '../config/errors.js';
import type { Locate, Report, Template } from '../config/load.js';
import {
  formatDate,
  formatMoney,
  formatNumber,
  formatPercent,
  formatRunway,
  formatSeverity,
} from './format.js';

export function createTemplateEngine(
  templateFiles: ReadonlyMap<string, Template>,
  currency: string,
): Liquid {
  const templates = Object.fromEntries(
    [...templateFiles.values()].map((t) => [`${t.name}.md`, t.source]),
  );
  const engine = new Liquid({
    templates,
    extname: '.md',
    // Every value is HTML-escaped on output; the Markdown is sanitised again after rendering.
    outputEscape: 'escape',
    strictFilters: true,
    ownPropertyOnly: true,
    // Parsed templates are kept: a run renders the same few templates for every report.
    cache: true,
    // A template loop over a huge table cannot hang a run.
    renderLimit: 5_000,
    parseLimit: 1_000_000,
  });
  engine.registerFilter('money', (value: unknown) => formatMoney(value, currency));
  engine.registerFilter('percent', (value: unknown, digits?: number) =>
    formatPercent(value, digits),
  );
  engine.registerFilter('number', (value: unknown, digits?: number) => formatNumber(value, digits));
  engine.registerFilter('runway', (months: unknown, burning: unknown) =>
    formatRunway(months, burning),
  );
  engine.registerFilter('date_long', (value: unknown) => formatDate(value));
  engine.registerFilter('severity', (value: unknown) => formatSeverity(value));
  engine.registerFilter('or_none', (value: unknown, text = 'none') =>
    value === null ||
    value === undefined ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
      ? text
      : value,
  );
  // A table cell cannot hold a pipe or a line break.
  engine.registerFilter('cell', (value: unknown) =>
    String(value ?? '')
      .replace(/\|/g, '/')
      .replace(/[\r\n]+/g, ' '),
  );
  return engine;
}

/** Parses every template and subject once, so a syntax error is a config error, not a failed run. */
export function checkTemplates(
  templates: ReadonlyMap<string, Template>,
  reports: readonly Report[],
  engine: Liquid,
  locate: Locate,
): ConfigError[] {
  const errors: ConfigError[] = [];
  for (const template of templates.values()) {
    try {
      engine.parse(template.source, template.file);
    } catch (error) {
      errors.push(liquidError(template.file, error));
    }
  }
  for (const report of reports) {
    try {
      engine.parse(report.subject);
    } catch (error) {
      // Named at the subject's value in the report file (+1 for its opening quote).
      const at = locate(report.file, ['subject']) ?? { line: 1, column: 1 };
      const inner = liquidError(report.file, error);
      errors.push({
        file: report.file,
        line: at.line,
        column: at.column + inner.column,
        field: 'subject',
        message: `subject: ${messageOf(error)}`,
      });
    }
  }
  return errors;
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

function messageOf(error: unknown): string {
  return (error as Error).message.replace(/, file:.*$/, '').replace(/, line:\d+, col:\d+$/, '');
}

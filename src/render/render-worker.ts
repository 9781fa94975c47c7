// A render worker's entry (started by src/render/pool.ts through tinypool). It loads the
// portfolio itself, once, and keeps it with its Analyzer and template engine for every batch it
// is given: only report ids and plain results cross between threads.
import type { Liquid } from 'liquidjs';
import { Analyzer } from '../analysis/index.js';
import type { ChartSpec } from '../charts/spec.js';
import { describeConfigError } from '../config/errors.js';
import { loadPortfolio, type Report } from '../config/load.js';
import { createTemplateEngine } from './index.js';
import { loadSanitizerFor } from './markdown.js';
import { renderOutcome, type ReportOutcome } from './report-files.js';

/** One contiguous run of a stage's reports, for one worker to render. */
export interface RenderBatch {
  /** The portfolio's folder (reports-config): the worker loads it as the main thread did. */
  readonly config: string;
  readonly asOf: string;
  readonly reportIds: readonly string[];
  /** Where the report files go (the stage's staging folder). */
  readonly into: string;
  /** The run's output folder, for the charts' file names. */
  readonly out: string;
}

export interface BatchResult {
  /** Each report of the batch, in its order: rendered, or why not. */
  readonly outcomes: ReportOutcome[];
  /** The charts the batch's reports show, by key, in the order they first appear. */
  readonly charts: [string, ChartSpec][];
}

interface LoadedPortfolio {
  readonly analyzer: Analyzer;
  readonly engine: Liquid;
  readonly reports: ReadonlyMap<string, Report>;
}

// One load per worker (per portfolio and date), reused by each batch the worker is given.
const loaded = new Map<string, Promise<LoadedPortfolio>>();

async function load(config: string, asOf: string): Promise<LoadedPortfolio> {
  const result = await loadPortfolio(config);
  if (!result.ok)
    throw new Error(
      `the render worker could not load ${config}: ${result.errors.map(describeConfigError).join('; ')}`,
    );
  const { portfolio } = result;
  // As validatePortfolio does in the main thread: a template that may write raw HTML needs
  // sanitize-html loaded before a report renders (src/render/markdown.ts).
  await loadSanitizerFor(portfolio.templates.values());
  return {
    analyzer: new Analyzer(portfolio, asOf),
    engine: createTemplateEngine(portfolio.templates, portfolio.settings),
    reports: new Map(portfolio.reports.map((report) => [report.id, report])),
  };
}

/**
 * Renders one batch: each report analysed, rendered and written into `batch.into`, exactly as
 * the main thread does (renderReportFiles). A report that fails is an outcome, not an exception,
 * so the batch's other reports still render and every failure is reported.
 * @throws when the portfolio cannot be loaded (the whole batch fails).
 */
export default async function renderBatch(batch: RenderBatch): Promise<BatchResult> {
  const key = `${batch.config}\n${batch.asOf}`;
  let portfolio = loaded.get(key);
  if (!portfolio) {
    portfolio = load(batch.config, batch.asOf);
    loaded.set(key, portfolio);
  }
  const { analyzer, engine, reports } = await portfolio;
  const charts = new Map<string, ChartSpec>();
  const outcomes = batch.reportIds.map((id): ReportOutcome => {
    const report = reports.get(id);
    if (!report)
      return { error: `${id}: not in the portfolio the render worker loaded from ${batch.config}` };
    return renderOutcome(analyzer, engine, report, batch, charts);
  });
  return { outcomes, charts: [...charts] };
}

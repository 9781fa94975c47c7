// The finishing thread's entry (started by src/render/pool.ts through tinypool): it turns each
// report's Markdown into the email's HTML and text, checks the message's size and writes the
// report's files (finishReportFiles), while the main thread analyses and renders the next
// reports. It loads no portfolio: each job carries what its report needs. When it is about to
// run out of work, the main thread hands it a report's Liquid step as well (a LiquidJob: the
// analysis made in the main thread, rendered here with the same templates and settings), so
// the two threads share the stage more evenly.
import Tinypool from 'tinypool';
import type { Liquid } from 'liquidjs';
import type { ReportAnalysis } from '../analysis/index.js';
import type { ChartSpec } from '../charts/spec.js';
import type { Report, TemplatePortfolio } from '../config/load.js';
import type { MessageSize } from '../delivery/size.js';
import { finishReportFiles, reportJson, type FinishJob } from './finish.js';
import { loadSanitizerFor } from './markdown.js';

/** What the pool gives the thread once (tinypool's workerData). */
export interface FinishingData {
  /** The portfolio's template sources: sanitize-html is loaded if one may write raw HTML. */
  readonly templates: readonly { readonly source: string }[];
  /** One Int32: how many jobs the thread has finished (the main thread reads its backlog). */
  readonly done: SharedArrayBuffer;
}

/**
 * What the thread needs of the portfolio to do a report's Liquid step (renderSource): the
 * engine's templates and settings, and what the view names (personas, entities' names).
 */
export type LiquidContext = TemplatePortfolio;

/** A report whose Liquid step the thread does too, then finishes as a FinishJob. */
export interface LiquidJob {
  readonly report: Report;
  /** Its analysis, made in the main thread (analyzeWithChanges), copied whole to this thread. */
  readonly analysis: ReportAnalysis;
  readonly asOf: string;
  /** The report's files without extension: `<staging folder>/<report id>`. */
  readonly base: string;
  /** Given with the first LiquidJob of a stage; the thread keeps it for the later ones. */
  readonly context?: LiquidContext;
}

/** A report handed to the thread: its Markdown half, or its Liquid step and Markdown half. */
export type FinishingJob = FinishJob | LiquidJob;

/**
 * A finished report's message size (and, for a LiquidJob, what its Liquid step gave the later
 * stages), or the message of why it could not be finished.
 */
export type FinishOutcome =
  | {
      readonly size: MessageSize;
      readonly rendered?: {
        readonly subject: string;
        readonly period: string;
        readonly charts: ReadonlyMap<string, ChartSpec>;
      };
    }
  | { readonly error: string };

let ready: Promise<void> | undefined;
let context: LiquidContext | undefined;
let liquid: Promise<LiquidStep> | undefined;
let done: Int32Array | undefined;

/**
 * Finishes one report (finishReportFiles), doing its Liquid step first for a LiquidJob. A report
 * that fails (a template that does not render, a message over the budget, a file that cannot be
 * written) is an outcome, not an exception, as in the main thread.
 */
export default async function finishReport(job: FinishingJob): Promise<FinishOutcome> {
  const data = Tinypool.workerData as FinishingData;
  done ??= new Int32Array(data.done);
  try {
    if ('analysis' in job && job.context) context = job.context;
    // As validatePortfolio does in the main thread, before the first report: the bundle has no
    // node_modules to load sanitize-html from later.
    ready ??= loadSanitizerFor(data.templates);
    await ready;
    if (!('analysis' in job)) return finishOutcome(job);
    const step = await (liquid ??= liquidStep(context!));
    return step(job);
  } finally {
    Atomics.add(done, 0, 1);
  }
}

function finishOutcome(job: FinishJob): FinishOutcome {
  try {
    return { size: finishReportFiles(job) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

type LiquidStep = (job: LiquidJob) => FinishOutcome;

/**
 * The Liquid step as the main thread does it (renderSource, reportJson), on an engine of this
 * thread made from the same templates and settings. Loaded only when a LiquidJob comes.
 */
async function liquidStep(given: LiquidContext): Promise<LiquidStep> {
  const [{ createTemplateEngine }, { renderSource }] = await Promise.all([
    import('./liquid.js'),
    import('./index.js'),
  ]);
  const engine: Liquid = createTemplateEngine(given.templates, given.settings);
  return (job) => {
    let source;
    try {
      source = renderSource(engine, given, job.report, job.analysis, job.asOf);
    } catch (error) {
      return { error: (error as Error).message };
    }
    const outcome = finishOutcome({
      ...source,
      base: job.base,
      htmlPart: job.report.format === 'html',
      json: reportJson(job.report, job.asOf, job.analysis),
    });
    if ('error' in outcome) return outcome;
    const { subject, period, charts } = source;
    return { size: outcome.size, rendered: { subject, period, charts } };
  };
}

// One report -> its .md, .html, .txt and .json in a folder, and what the later stages need of
// it. The one place this is done, for the main thread and for each render worker (pool.ts), so
// a report renders to the same bytes whichever thread renders it.
import path from 'node:path';
import type { Liquid } from 'liquidjs';
import type {
  ActionItem,
  Analyzer,
  Finding,
  ReportAnalysis,
  ReportCounts,
} from '../analysis/index.js';
import type { ChartSpec } from '../charts/spec.js';
import type { Portfolio, Report } from '../config/load.js';
import type { ReportAttachment } from '../delivery/attachments.js';
import { sendDecision, type ReportChart, type SendDecision } from '../delivery/plan.js';
import type { MessageSize } from '../delivery/size.js';
import type { Logger } from '../logger.js';
import { chartPath } from './chart-markup.js';
import { finishReportFiles, reportJson, type FinishJob } from './finish.js';
import type { FinishingJob, FinishOutcome, LiquidContext, LiquidJob } from './finish-worker.js';
import { renderSource } from './index.js';

/** What later stages need of a rendered report; its files are already in OUT/reports. */
export interface RenderedEntry {
  readonly report: Report;
  readonly subject: string;
  readonly period: string;
  readonly findings: Finding[];
  readonly actions: ActionItem[];
  /** What the report shows its reader (gathered lists included): the gallery's counts. */
  readonly counts: ReportCounts;
  /** Whether its `send:` condition is met this period, and why. */
  readonly send: SendDecision;
  /** Its message's size against Gmail's clipping and the message budget (delivery/size.ts). */
  readonly size: MessageSize;
  /** Its charts' PNGs (OUT/reports/charts/<key>.png), drawn after every report has rendered. */
  readonly charts: readonly ReportChart[];
  /** Files attached to its message (`attachments: [csv]`), written beside it in OUT/reports. */
  readonly attachments?: readonly ReportAttachment[];
}

/** A RenderedEntry without its Report: plain data, so a render worker can hand it back. */
export type RenderedFiles = Omit<RenderedEntry, 'report'>;

/** A report rendered, or why not: "<report id>: <message>", the same from every thread. */
export type ReportOutcome = { readonly entry: RenderedFiles } | { readonly error: string };

/** What the render stage hands on: every report in order, its charts by key, its failures. */
export interface StageResult {
  rendered: RenderedEntry[];
  /** Every distinct chart the reports show, by key: each is drawn once (drawCharts). */
  charts: Map<string, ChartSpec>;
  errors: string[];
}

const PROGRESS_EVERY = 200;

/** A report whose Liquid step is done: what finishReportFiles needs, and its entry but the size. */
export interface PreparedReport {
  /** The Markdown half, as plain data for whichever thread finishes it. */
  readonly job: FinishJob;
  /** The entry the later stages read, once the message's size is known. */
  readonly entry: Omit<RenderedFiles, 'size'>;
  /** The charts the report shows, by key (drawn later, once per run). */
  readonly charts: ReadonlyMap<string, ChartSpec>;
}

/**
 * The first half of a report, in the thread that holds the portfolio: its analysis (now and at
 * the previous period, for What changed and `send:`; `analysis` when already made), its
 * templates (the Liquid step) and its .json. `into` is the folder its files go to; `out` is the
 * run's output folder: the chart files are named under OUT/reports, where they will be once the
 * staged reports are in place.
 * @throws TemplateRenderError when a template or the subject does not render.
 */
export function prepareReport(
  analyzer: Analyzer,
  engine: Liquid,
  report: Report,
  { into, out }: { into: string; out: string },
  analysis: ReportAnalysis = analyzer.analyzeWithChanges(report),
): PreparedReport {
  const { portfolio, asOf } = analyzer;
  const source = renderSource(engine, portfolio, report, analysis, asOf);
  const job: FinishJob = {
    ...source,
    base: path.join(into, report.id),
    htmlPart: report.format === 'html',
    json: reportJson(report, asOf, analysis),
  };
  return {
    job,
    entry: reportEntry(analysisFacts(report, analysis), source, out),
    charts: source.charts,
  };
}

/**
 * What the later stages read of a report, but its message's size: from its analysis
 * (analysisFacts) and what its Liquid step gave (whichever thread did it).
 */
function reportEntry(
  facts: AnalysisFacts,
  {
    subject,
    period,
    charts,
  }: { subject: string; period: string; charts: ReadonlyMap<string, ChartSpec> },
  out: string,
): Omit<RenderedFiles, 'size'> {
  return {
    subject,
    period,
    findings: facts.findings,
    actions: facts.actions,
    counts: facts.counts,
    send: facts.send,
    charts: [...charts.keys()].map((key) => ({
      key,
      file: path.join(out, 'reports', chartPath(key)),
    })),
  };
}

/** What a RenderedEntry keeps of the report's analysis. */
interface AnalysisFacts {
  readonly findings: Finding[];
  readonly actions: ActionItem[];
  readonly counts: ReportCounts;
  readonly send: SendDecision;
}

/**
 * The part of a report's analysis its RenderedEntry keeps, taken out so that a report waiting
 * for the finishing thread holds that part only, not its whole analysis: held across the
 * thread's round trip, an analysis outlives the young generation and dies in the old one.
 */
function analysisFacts(report: Report, analysis: ReportAnalysis): AnalysisFacts {
  return {
    findings: analysis.findings,
    actions: analysis.actions,
    counts: analysis.counts,
    send: sendDecision(report.send, {
      previousAsOf: analysis.changes!.previous_as_of,
      opened: analysis.changes!.opened.length,
      resolved: analysis.changes!.resolved.length,
      moved: analysis.changes!.moved.length,
      critical: analysis.counts.critical,
    }),
  };
}

/**
 * Analyses and renders one report and writes its four files as `<into>/<report id>.{md,html,
 * txt,json}` (prepareReport, then finishReportFiles in this thread). The size warnings are in
 * `entry.size.warnings`, for the caller to log as `<report id>: <warning>`.
 * @returns what the later stages need, and the charts the report shows by key (drawn later,
 *   once per run).
 * @throws TemplateRenderError when a template or the subject does not render, and
 *   MessageTooLargeError when the message is over the budget.
 */
export function renderReportFiles(
  analyzer: Analyzer,
  engine: Liquid,
  report: Report,
  files: { into: string; out: string },
): { entry: RenderedFiles; charts: ReadonlyMap<string, ChartSpec> } {
  const { job, entry, charts } = prepareReport(analyzer, engine, report, files);
  return { entry: { ...entry, size: finishReportFiles(job) }, charts };
}

/** renderReportFiles for one report, with a failure as its outcome rather than an exception. */
export function renderOutcome(
  analyzer: Analyzer,
  engine: Liquid,
  report: Report,
  files: { into: string; out: string },
  charts: Map<string, ChartSpec>,
): ReportOutcome {
  try {
    const rendered = renderReportFiles(analyzer, engine, report, files);
    for (const [key, spec] of rendered.charts) charts.set(key, spec);
    return { entry: rendered.entry };
  } catch (error) {
    return { error: `${report.id}: ${(error as Error).message}` };
  }
}

/**
 * Takes each report's outcome in report order into the stage's result, logging its size
 * warnings and the progress every 200 reports, as the reader of the log expects them whichever
 * thread rendered the report.
 */
export function stageCollector(
  log: Logger,
  total: number,
): {
  add(report: Report, outcome: ReportOutcome): void;
  rendered: RenderedEntry[];
  errors: string[];
} {
  const rendered: RenderedEntry[] = [];
  const errors: string[] = [];
  return {
    rendered,
    errors,
    add(report, outcome) {
      if ('error' in outcome) errors.push(outcome.error);
      else {
        for (const warning of outcome.entry.size.warnings) log.warning(`${report.id}: ${warning}`);
        rendered.push({ report, ...outcome.entry });
      }
      const done = rendered.length + errors.length;
      if (done % PROGRESS_EVERY === 0 && done < total)
        log.info(`rendered ${done} of ${total} reports`);
    },
  };
}

/**
 * The render stage in the main thread: every report analysed, rendered and written into
 * `into`, in order. A report that fails does not stop the others: every failure is reported.
 */
export function renderReportsInProcess(
  analyzer: Analyzer,
  engine: Liquid,
  reports: readonly Report[],
  { into, out, log }: { into: string; out: string; log: Logger },
): StageResult {
  const charts = new Map<string, ChartSpec>();
  const stage = stageCollector(log, reports.length);
  for (const report of reports)
    stage.add(report, renderOutcome(analyzer, engine, report, { into, out }, charts));
  return { rendered: stage.rendered, charts, errors: stage.errors };
}

/**
 * The finishing thread is handed a report's Liquid step as well (a LiquidJob) when it has at
 * most this many reports left to finish, so it is never idle while the main thread has work;
 * otherwise the main thread renders the templates and hands over the Markdown half only.
 */
const LIQUID_HANDOVER_BACKLOG = 1;

/** What the finishing thread needs of the portfolio for a LiquidJob (finish-worker.ts). */
function liquidContext(portfolio: Portfolio): LiquidContext {
  return {
    settings: portfolio.settings,
    personas: portfolio.personas,
    entities: portfolio.entities.map(({ id, name }) => ({ id, name })),
    templates: portfolio.templates,
  };
}

/**
 * The render stage on two threads: the main thread analyses each report and renders its
 * templates (prepareReport) while `finishing` makes the previous reports' HTML and text and
 * writes their files; when `finishing` is about to run out of work (its `backlog`), it is handed
 * the report's templates too (a LiquidJob), so neither thread waits for the other. The same
 * files, result, order, log lines and failures as renderReportsInProcess; at most `inFlight`
 * reports are handed over and not yet back.
 */
export async function renderReportsFinishingElsewhere(
  analyzer: Analyzer,
  engine: Liquid,
  reports: readonly Report[],
  { into, out, log }: { into: string; out: string; log: Logger },
  finishing: { finish(job: FinishingJob): Promise<FinishOutcome>; backlog?(): number },
  inFlight: number,
): Promise<StageResult> {
  const charts = new Map<string, ChartSpec>();
  const stage = stageCollector(log, reports.length);
  const pending: {
    report: Report;
    outcome: Promise<ReportOutcome>;
    charts?: ReadonlyMap<string, ChartSpec>;
  }[] = [];
  // Taken in report order, as the main thread alone would: the log and the charts' order match.
  const takeOldest = async () => {
    const item = pending.shift()!;
    const taken = await item.outcome;
    if ('entry' in taken && item.charts)
      for (const [key, spec] of item.charts) charts.set(key, spec);
    stage.add(item.report, taken);
  };
  let context: LiquidContext | undefined = liquidContext(analyzer.portfolio);
  for (const report of reports) {
    if (pending.length >= inFlight) await takeOldest();
    try {
      const analysis = analyzer.analyzeWithChanges(report);
      if ((finishing.backlog?.() ?? Infinity) <= LIQUID_HANDOVER_BACKLOG) {
        const job: LiquidJob = {
          report,
          analysis,
          asOf: analyzer.asOf,
          base: path.join(into, report.id),
          ...(context ? { context } : {}),
        };
        context = undefined;
        const facts = analysisFacts(report, analysis);
        // The charts come back with the outcome; taken (takeOldest) only once it has come.
        const item: (typeof pending)[number] = {
          report,
          outcome: finishing.finish(job).then((finished): ReportOutcome => {
            if ('error' in finished) return { error: `${report.id}: ${finished.error}` };
            const rendered = finished.rendered!;
            item.charts = rendered.charts;
            return { entry: { ...reportEntry(facts, rendered, out), size: finished.size } };
          }),
        };
        pending.push(item);
        continue;
      }
      const prepared = prepareReport(analyzer, engine, report, { into, out }, analysis);
      const { job, entry, charts: shown } = prepared;
      const outcome = finishing
        .finish(job)
        .then((finished): ReportOutcome =>
          'error' in finished
            ? { error: `${report.id}: ${finished.error}` }
            : { entry: { ...entry, size: finished.size } },
        );
      pending.push({ report, outcome, charts: shown });
    } catch (error) {
      pending.push({
        report,
        outcome: Promise.resolve({ error: `${report.id}: ${(error as Error).message}` }),
      });
    }
  }
  while (pending.length > 0) await takeOldest();
  return { rendered: stage.rendered, charts, errors: stage.errors };
}

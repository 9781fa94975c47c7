// The stages in order: load -> analyze -> render -> plan -> deliver -> tasks -> summarize.
// The one place that knows them all; both shells (main.ts, cli.ts) call runPipeline.
import type { Liquid } from 'liquidjs';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Analyzer } from './analysis/index.js';
import {
  CHART_STEP_HEAP_GROWING_PERCENT,
  compacting,
  garbageCollector,
  withHeapGrowth,
} from './garbage-collector.js';
import { todayIn } from './analysis/dates.js';
import type { ConfigError } from './config/errors.js';
import type { Portfolio, Report } from './config/load.js';
import { runDelivery, type DeliveryResult, type TransportFactory } from './delivery/index.js';
import { buildSendPlan, effectiveRecipients, type PlannedReport } from './delivery/plan.js';
import { withInlineImages } from './delivery/size.js';
import type { ChartSpec } from './charts/spec.js';
import { CHARTS_FOLDER, chartPath } from './render/chart-markup.js';
import { memoryLogger, type Logger } from './logger.js';
import { previewMarkdown, type BaseOutcome } from './preview/compare.js';
import { loadSanitizerFor } from './render/markdown.js';
import {
  FINISHING_IN_FLIGHT,
  finishingThreadWanted,
  openFinishingThread,
  renderReportsInWorkers,
  renderWorkerCount,
} from './render/pool.js';
import {
  renderReportsFinishingElsewhere,
  renderReportsInProcess,
  type RenderedEntry,
  type StageResult,
} from './render/report-files.js';
import { ArgumentError, type RunOptions } from './options.js';
import { checkPortfolio, loadedLine, logConfigProblems, validateRun } from './validate.js';
import { galleryHtml } from './summary/gallery.js';
import { writeJsonFile } from './summary/json-file.js';
import { summaryMarkdown } from './summary/markdown.js';
import { runTasks, type TaskSinkFactory } from './tasks/index.js';
import {
  runHeader,
  type ReportStatus,
  type ReportSummary,
  type RunSummary,
} from './summary/model.js';
import { count } from './analysis/findings.js';

export interface PipelineResult {
  /** 0 all good; 1 something was not delivered; 2 invalid portfolio or arguments (nothing sent). */
  readonly exitCode: 0 | 1 | 2;
  readonly summary?: RunSummary;
  readonly summaryMarkdown?: string;
  readonly configErrors?: readonly ConfigError[];
  /** In preview mode: the base branch's portfolio, run the same way, to compare with. */
  readonly previewBase?: BaseOutcome;
  /** When a report did not render: "report: why", one per report (nothing was sent). */
  readonly renderErrors?: readonly string[];
}

export interface PipelineDependencies {
  /**
   * Builds the transport for a send; the default picks outbox or SES from the options. A run's
   * send hands it the portfolio as the stages after the render see it, without books
   * (withoutBooks); an alert check, the loaded portfolio.
   */
  readonly createTransport?: TransportFactory;
  /** Builds the task sink for a send; the default picks GitHub or the webhook from the options. */
  readonly createTaskSink?: TaskSinkFactory;
  /**
   * Set for a preview's base run: a report in `reports` that the base lacks (the pull request
   * adds it) is skipped, not refused.
   */
  readonly skipUnknownReports?: boolean;
}

/**
 * checkPortfolio (src/validate.ts: the whole of `validate`), made ready to render: when a
 * template may write raw HTML, sanitize-html is loaded before anything renders (the bundle has
 * no node_modules to load it from later). What renders HTML after validating calls this one.
 */
export async function validatePortfolio(
  configDir: string,
  check: { readonly render?: boolean; readonly asOf?: string } = {},
): Promise<{ portfolio: Portfolio; engine: Liquid } | { errors: ConfigError[] }> {
  const validated = await checkPortfolio(configDir, check);
  if (!('errors' in validated)) await loadSanitizerFor(validated.portfolio.templates.values());
  return validated;
}

export async function runPipeline(
  options: RunOptions,
  log: Logger,
  dependencies: PipelineDependencies = {},
): Promise<PipelineResult> {
  // `validate` renders every report to check the templates (and loads nothing else); a run
  // renders every report anyway.
  if (options.mode === 'validate') return validateRun(options, log);
  // V8's heap grows by half, not up to four times, past what survives each full collection
  // while a run loads, renders and sends (src/garbage-collector.ts): the peak follows it.
  return withHeapGrowth(() => runStages(options, log, dependencies));
}

/** runPipeline for every mode but `validate`. */
async function runStages(
  options: RunOptions,
  log: Logger,
  dependencies: PipelineDependencies,
): Promise<PipelineResult> {
  const stage = await loadAndRender(options, log, dependencies);
  if ('exitCode' in stage) return stage;
  // From here on the portfolio has no books (loadAndRender): nothing after the render reads them.
  const { portfolio, asOf, rendered: renderedOnly, charts, metrics } = stage;
  const sending = options.mode === 'send';
  // The charts once every report has rendered, each drawn once; their PNGs count in the size,
  // checked before the staged reports replace OUT/reports. The render's garbage is collected
  // first, so the chart step does not allocate on top of it; and the old generation grows less
  // until the charts are drawn (CHART_STEP_HEAP_GROWING_PERCENT): each chart leaves garbage there.
  const drawn = await withHeapGrowth(async () => {
    collectGarbage();
    return publishRendered(
      renderedOnly,
      charts,
      { out: options.out, currency: portfolio.settings.currency },
      log,
    );
  }, CHART_STEP_HEAP_GROWING_PERCENT);
  if (drawn.errors.length > 0) {
    for (const message of drawn.errors) log.error(`render failed: ${message}`);
    log.error('nothing was sent: every report must render first');
    return { exitCode: 2, renderErrors: drawn.errors };
  }
  const { rendered } = drawn;
  log.info(`analysed and rendered ${count(rendered.length, 'report')} as of ${asOf}`);

  const planSettings = {
    from: portfolio.settings.sender,
    ...(portfolio.settings.reply_to ? { replyTo: portfolio.settings.reply_to } : {}),
    defaultBcc: portfolio.settings.bcc,
    ...(options.testRecipient ? { testRecipient: options.testRecipient } : {}),
  };
  const planned: PlannedReport[] = rendered.map(
    ({ report, subject, period, charts, attachments }) => ({
      id: report.id,
      charts,
      ...(attachments ? { attachments } : {}),
      persona: report.persona,
      period,
      subject,
      // Its parts as written to OUT/reports: read when its message is composed, not held.
      files: reportBodyFiles(options.out, report.id),
      format: report.format,
      recipients: report.recipients,
    }),
  );

  let deliveries: DeliveryResult[] = [];
  if (sending) {
    // A report whose `send:` condition is not met is not planned; its tasks still run below.
    const plan = buildSendPlan(
      planned.filter((_, index) => rendered[index]!.send.send),
      planSettings,
    );
    deliveries = (await runDelivery(plan, options, portfolio, log, dependencies.createTransport))
      .results;
  } else {
    log.info(`${options.mode}: nothing is sent`);
  }

  const reportSummaries: ReportSummary[] = rendered.map((entry, index) => {
    const { report } = entry;
    const own = deliveries.filter((d) => d.report === report.id);
    const status: ReportStatus = !sending
      ? 'rendered'
      : !entry.send.send
        ? 'not-sent'
        : own.some((d) => d.status === 'failed')
          ? 'failed'
          : own.every((d) => d.status === 'skipped')
            ? 'skipped'
            : 'sent';
    const errors = own.filter((d) => d.error).map((d) => `${d.key}: ${d.error}`);
    return {
      id: report.id,
      persona: report.persona,
      reader: report.reader ?? portfolio.personas.get(report.persona)!.title,
      subject: entry.subject,
      period: entry.period,
      recipients: effectiveRecipients(planned[index]!, planSettings),
      status,
      message_ids: own.flatMap((d) => (d.messageId ? [d.messageId] : [])),
      error: errors.length ? errors.join('; ') : null,
      send_reason: entry.send.reason,
      size: entry.size,
      findings: entry.findings,
      actions: entry.actions,
      counts: entry.counts,
      files: {
        md: `reports/${report.id}.md`,
        html: `reports/${report.id}.html`,
        txt: `reports/${report.id}.txt`,
        json: `reports/${report.id}.json`,
        ...(entry.attachments
          ? { attachments: entry.attachments.map((a) => `reports/${a.fileName}`) }
          : {}),
      },
    };
  });
  const withStatus = (status: ReportStatus) =>
    reportSummaries.filter((r) => r.status === status).length;

  // Tasks come after email, so a tracker that is down never holds back a report.
  const tasks = await runTasks(
    {
      sources: rendered
        .filter(({ report }) => report.tasks)
        .map(({ report, period, findings, actions }) => ({
          report: report.id,
          persona: report.persona,
          period,
          findings,
          actions,
          selection: report.tasks,
        })),
      portfolio,
      options,
      asOf,
      currentFigures: (entity) =>
        entity && metrics[entity]
          ? {
              ...metrics[entity],
              months: metrics[entity].months.join(', '),
              missing_months: metrics[entity].missing_months.join(', '),
            }
          : {},
      log,
    },
    dependencies.createTaskSink,
  );
  const summary: RunSummary = {
    run: runHeader(options, asOf, portfolio.settings, sending ? options.transport : null),
    counts: {
      sent: withStatus('sent'),
      skipped: withStatus('skipped'),
      failed: withStatus('failed'),
      rendered: withStatus('rendered'),
      not_sent: withStatus('not-sent'),
    },
    metrics: Object.fromEntries(
      portfolio.entities.map((e) => [e.id, { name: e.name, ...metrics[e.id]! }]),
    ),
    reports: reportSummaries,
    tasks,
  };
  const markdown = summaryMarkdown(summary, portfolio.settings.currency);
  // In pieces: one JSON.stringify of a 1,000-report summary is 15 MB of text (and a Buffer of it).
  await writeJsonFile(path.join(options.out, 'summary.json'), summary);
  await writeFile(path.join(options.out, 'summary.md'), markdown);
  await writeFile(path.join(options.out, 'index.html'), galleryHtml(summary));
  log.info(
    `wrote ${count(rendered.length, 'report')}, summary.json, summary.md and index.html to ${options.out}`,
  );
  let previewBase: BaseOutcome | undefined;
  if (options.mode === 'preview') {
    previewBase = await runBase(options, asOf);
    await writeFile(
      path.join(options.out, 'preview.md'),
      previewMarkdown(summary, previewBase, portfolio.settings.currency),
    );
    log.info(`wrote the pull-request preview to ${path.join(options.out, 'preview.md')}`);
  }
  const failedTasks = tasks.filter((t) => t.state === 'failed').length;
  return {
    // A message delivered but not recorded in the ledger is a failure too: a re-run would repeat it.
    exitCode:
      summary.counts.failed > 0 || failedTasks > 0 || deliveries.some((d) => d.error) ? 1 : 0,
    summary,
    summaryMarkdown: markdown,
    ...(previewBase ? { previewBase } : {}),
  };
}

/**
 * Loads and checks the portfolio, and analyses and renders the reports into the staging folder
 * (or runs an alert check, which is the whole run). What it returns holds no books: the portfolio
 * comes back with its entities' tables and journals left out (withoutBooks), and the Analyzer
 * with its caches is gone with this function's frame, so they can be collected before the
 * charts are drawn and the messages sent.
 * @returns the rendered reports, or the run's result when it ends here (invalid portfolio,
 * alerts mode, a report that did not render).
 */
async function loadAndRender(
  options: RunOptions,
  log: Logger,
  dependencies: PipelineDependencies,
): Promise<
  | PipelineResult
  | (Omit<StageResult, 'errors'> & {
      portfolio: Portfolio;
      asOf: string;
      metrics: ReturnType<Analyzer['metrics']>;
    })
> {
  const validated = await validatePortfolio(options.config, { asOf: options.asOf });
  if ('errors' in validated) return logConfigProblems(validated.errors, log);
  const { portfolio, engine } = validated;
  log.info(loadedLine(portfolio, options.config));
  if (options.mode === 'alerts') {
    // An alert check renders no report, sends none and runs no task: src/alerts is the whole run.
    const { runAlerts } = await import('./alerts/run.js');
    return runAlerts(portfolio, options, log, dependencies.createTransport);
  }

  const reports = selectReports(portfolio, options.reports, dependencies.skipUnknownReports);
  const asOf = options.asOf ?? todayIn(portfolio.settings.timezone);
  // Render everything before sending anything: one broken report stops the whole run.
  const { rendered, charts, errors, metrics } = await analyseAndRender(
    portfolio,
    asOf,
    engine,
    reports,
    { config: options.config, out: options.out, log },
  );
  if (errors.length > 0) {
    for (const message of errors) log.error(`render failed: ${message}`);
    log.error('nothing was sent: every report must render first');
    return { exitCode: 2, renderErrors: errors };
  }
  return { portfolio: withoutBooks(portfolio), asOf, rendered, charts, metrics };
}

/**
 * The portfolio as the stages after the render read it (its settings, personas, reports,
 * templates, and each entity's id, name and the other fields of its entity file): each entity
 * without its loaded tables (`tables` empty) and without its journal, so the books and all the
 * analyses keep with them (weakly, per journal and per entity) can be collected. The delivery,
 * the tasks and the summary read none of them; summary.json's figures are computed before.
 */
export function withoutBooks(portfolio: Portfolio): Portfolio {
  return {
    ...portfolio,
    // From a copy of each entity: books released by the Analyzer (src/analysis/book-release.ts)
    // throw when read, and a copy leaves them out.
    entities: portfolio.entities
      .map((entity) => ({ ...entity }))
      .map(({ tables: _tables, journal: _journal, ...entity }) => ({ ...entity, tables: {} })),
  };
}

/**
 * One full collection, made between stages whose garbage would otherwise pile up: once the
 * books are let go before the render (renderReports), and at the end
 * of the render 60-130 MB of the main heap is dead (24 MB live once the books are released, on
 * the bench's portfolio), which V8 would collect only once the chart step had grown the heap
 * further (src/garbage-collector.ts says how `gc` is reached without `--expose-gc`). It
 * compacts as well: what survives (24-30 MB) is spread over the render's 130 MB of pages, which
 * V8 would otherwise keep committed into the chart step (where the peak then came).
 */
export function collectGarbage(): void {
  compacting(garbageCollector());
}

/**
 * The analysis and render stages: every report analysed and rendered into the staging folder
 * (renderReports, publish: false), and summary.json's figures for every entity. Rendering in
 * this process, renderReports lets the books go before the render (their analyses made first);
 * the Analyzer and the results it caches per entity are released when this returns.
 * @returns the stage's result, with `metrics` (entity id -> the CFO's figures) when no report failed.
 */
async function analyseAndRender(
  portfolio: Portfolio,
  asOf: string,
  engine: Liquid,
  reports: readonly Report[],
  files: { config: string; out: string; log: Logger },
): Promise<StageResult & { metrics: ReturnType<Analyzer['metrics']> }> {
  const analyzer = new Analyzer(portfolio, asOf);
  const stage = await renderReports(analyzer, engine, reports, { ...files, publish: false });
  return { ...stage, metrics: stage.errors.length > 0 ? {} : analyzer.metrics() };
}

/** A report's text and HTML parts as the render stage wrote them: OUT/reports/<id>.txt, .html. */
function reportBodyFiles(out: string, id: string): { text: string; html: string } {
  const base = path.join(out, 'reports', id);
  return { text: `${base}.txt`, html: `${base}.html` };
}

/**
 * The staged reports' last step: each report's attachments (its CSV tables, from its staged
 * JSON) written beside it and every distinct chart drawn once into the staging folder, each
 * message measured with them, and no two reports writing the same attachment file. Only when
 * all of that passed do the staged reports replace OUT/reports, so a message over the budget
 * leaves the last good run's reports in place.
 * @returns the entries re-measured, or why the run stops (nothing is in OUT/reports then).
 */
async function publishRendered(
  staged: readonly RenderedEntry[],
  charts: ReadonlyMap<string, ChartSpec>,
  { out, currency }: { out: string; currency: string },
  log: Logger,
): Promise<{ rendered: RenderedEntry[]; errors: string[] }> {
  const staging = path.join(out, STAGING);
  try {
    // csv-stringify loads only when a report attaches its tables.
    const attached = staged.some((entry) => entry.report.attachments?.length)
      ? await (
          await import('./render/report-attachments.js')
        ).attachReportFiles(staged, { staging, out, currency })
      : { rendered: [...staged], errors: [] };
    if (attached.errors.length > 0) return attached;
    const { rendered } = attached;
    const clashes = attachmentClashes(rendered);
    if (clashes.length > 0) return { rendered, errors: clashes };
    const drawn =
      charts.size > 0 ? await drawCharts(rendered, charts, staging, log) : { rendered, errors: [] };
    if (drawn.errors.length === 0) replaceOutputs(out, staging);
    return drawn;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** "<report>: <file> is also an attachment of <other report>", for each file two reports write. */
function attachmentClashes(rendered: readonly RenderedEntry[]): string[] {
  const writer = new Map<string, string>();
  const clashes: string[] = [];
  for (const { report, attachments = [] } of rendered)
    for (const { fileName } of attachments) {
      const other = writer.get(fileName);
      if (other && other !== report.id)
        clashes.push(
          `${report.id}: ${fileName} is also an attachment of report ${other}: rename one of the two reports`,
        );
      writer.set(fileName, report.id);
    }
  return clashes;
}

/**
 * Draws every distinct chart of the run once (one ChartCache) into `<reports>/charts` (the staged
 * reports, which become OUT/reports), and
 * counts each HTML report's chart PNGs in its message size. The chart libraries are imported
 * here, so a run or a validate without charts never loads them.
 * @returns the entries re-measured, or the reports whose charts take them over the budget.
 */
async function drawCharts(
  rendered: readonly RenderedEntry[],
  charts: ReadonlyMap<string, ChartSpec>,
  reports: string,
  log: Logger,
): Promise<{ rendered: RenderedEntry[]; errors: string[] }> {
  const { ChartCache, writeChartFiles } = await import('./charts/files.js');
  const cache = new ChartCache();
  const started = performance.now();
  const files = await writeChartFiles(charts, path.join(reports, CHARTS_FOLDER), cache);
  const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
  log.info(
    `drew ${count(cache.draws, 'chart')} (${bytes} bytes of PNG) in ${Math.round(performance.now() - started)} ms`,
  );
  const bytesOf = new Map(files.map((f) => [f.key, f.bytes]));
  const errors: string[] = [];
  const measured = rendered.map((entry) => {
    if (entry.report.format !== 'html' || entry.charts.length === 0) return entry;
    try {
      const images = entry.charts.map(({ key }) => ({
        name: chartPath(key),
        bytes: bytesOf.get(key)!,
      }));
      return { ...entry, size: withInlineImages(entry.size, images) };
    } catch (error) {
      errors.push(`${entry.report.id}: ${(error as Error).message}`);
      return entry;
    }
  });
  return { rendered: measured, errors };
}

/**
 * Analyses and renders each report and writes its .md, .html, .txt and .json at once, keeping
 * only what the later stages read: memory stays flat however many reports there are. The files
 * go to a staging folder that replaces OUT/reports only when every report has rendered, so a
 * failed run leaves the last good run's reports in place. Rendering in this process, it takes
 * the books of `analyzer`'s portfolio (Analyzer.releaseBooksAfterComputing): the caller owns
 * that portfolio and reads no books of it afterwards.
 */
export async function renderReports(
  analyzer: Analyzer,
  engine: Liquid,
  reports: readonly Report[],
  {
    config,
    out,
    log,
    publish = true,
  }: {
    /** The portfolio's folder: each render worker loads it itself (src/render/pool.ts). */
    config: string;
    out: string;
    log: Logger;
    /** false: leave the rendered reports staged, for publishRendered to draw charts into. */
    publish?: boolean;
  },
): Promise<StageResult> {
  const staging = path.join(out, STAGING);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  let staged = false;
  try {
    const files = { into: staging, out, log };
    const workers = renderWorkerCount(reports.length);
    if (workers === 0) {
      // Each entity's analyses made from its books first, then the books let go, before the
      // render allocates on top of them (render workers load and analyse on their own instead).
      analyzer.releaseBooksAfterComputing(reports);
      collectGarbage();
    }
    const { rendered, charts, errors } =
      workers > 0
        ? await renderReportsInWorkers(
            { config, asOf: analyzer.asOf, reports },
            { ...files, workers },
          )
        : finishingThreadWanted(reports.length)
          ? await renderOnTwoThreads(analyzer, engine, reports, files)
          : renderReportsInProcess(analyzer, engine, reports, files);
    if (errors.length > 0) return { rendered: [], charts: new Map(), errors };
    if (publish) replaceOutputs(out, staging);
    else staged = true;
    return { rendered, charts, errors };
  } finally {
    if (!staged) rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * The render stage with a finishing thread (src/render/pool.ts): the main thread analyses and
 * renders the templates, the other makes each report's HTML and text and writes its files.
 */
async function renderOnTwoThreads(
  analyzer: Analyzer,
  engine: Liquid,
  reports: readonly Report[],
  files: { into: string; out: string; log: Logger },
): Promise<StageResult> {
  files.log.info(
    `rendering ${count(reports.length, 'report')}, their HTML and text on a second thread`,
  );
  const finishing = await openFinishingThread(analyzer.portfolio.templates.values());
  try {
    return await renderReportsFinishingElsewhere(
      analyzer,
      engine,
      reports,
      files,
      finishing,
      FINISHING_IN_FLIGHT,
    );
  } finally {
    await finishing.close();
  }
}

/**
 * Puts the staged reports in place of OUT/reports and clears the last run's other outputs. The
 * old reports are moved aside first and put back if the new ones cannot be moved in, so a
 * failure here never leaves OUT without reports.
 */
function replaceOutputs(out: string, staging: string): void {
  const reports = path.join(out, 'reports');
  const previous = path.join(out, PREVIOUS);
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(reports)) renameSync(reports, previous);
  try {
    renameSync(staging, reports);
  } catch (error) {
    if (existsSync(previous)) renameSync(previous, reports);
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
  for (const name of RUN_OUTPUTS)
    if (name !== 'reports') rmSync(path.join(out, name), { recursive: true, force: true });
}

function selectReports(
  portfolio: Portfolio,
  ids: readonly string[] | null,
  skipUnknown = false,
): Report[] {
  if (ids === null) return portfolio.reports;
  const known = new Map(portfolio.reports.map((r) => [r.id, r]));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0 && !skipUnknown)
    throw new ArgumentError(
      `reports: unknown report ${unknown.map((id) => `"${id}"`).join(', ')} (known: ${[...known.keys()].join(', ')})`,
    );
  return ids.flatMap((id) => known.get(id) ?? []);
}

/**
 * The base branch's portfolio through the same pipeline (dry-run, quiet, in a scratch folder),
 * for the same reports and the same as-of date as the head, so that what differs is what the
 * pull request changed. A base that cannot run is an outcome of its own, never an exception.
 */
async function runBase(options: RunOptions, asOf: string): Promise<BaseOutcome> {
  if (!options.baseConfig) return { kind: 'none' };
  const scratch = await mkdtemp(path.join(tmpdir(), 'boardroom-base-'));
  try {
    const base = await runPipeline(
      {
        ...options,
        baseConfig: undefined,
        config: options.baseConfig,
        out: scratch,
        mode: 'dry-run',
        asOf,
        tasks: 'none',
      },
      memoryLogger(),
      { skipUnknownReports: true },
    );
    if (base.configErrors) return { kind: 'invalid', errors: base.configErrors.length };
    if (base.summary) return { kind: 'ok', summary: base.summary };
    return {
      kind: 'failed',
      reasons: base.renderErrors ?? ['the base run ended without a summary'],
    };
  } catch (error) {
    return { kind: 'failed', reasons: [(error as Error).message] };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** What a run writes into the out folder; only these are removed before a run, never the folder. */
const RUN_OUTPUTS = ['reports', 'outbox', 'summary.json', 'summary.md', 'index.html', 'preview.md'];
/**
 * Where reports are rendered before they replace OUT/reports, and where the last run's reports
 * wait while they are replaced. Both are removed before the run ends; one run per OUT at a time.
 */
const STAGING = '.reports-rendering';
const PREVIOUS = '.reports-previous';

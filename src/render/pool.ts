// The render stage on a pool of worker threads (tinypool), for machines with 4 or more cores.
//
// The pool is used when BOARDROOM_RENDER_WORKERS says so, or, when it is unset, on a machine with
// 4 or more cores and enough reports to repay each worker's own load (renderWorkerCount). Each
// worker loads the portfolio from `config` itself, once, and renders contiguous batches of the
// reports into the same staging folder; the results come back in report order.
import { availableParallelism } from 'node:os';
import type { ChartSpec } from '../charts/spec.js';
import type { Report } from '../config/load.js';
import type { Logger } from '../logger.js';
import { ArgumentError } from '../options.js';
import { MAIN_THREAD_STACK_MB } from '../thread-stack.js';
import { workerEntry, type WorkerEntry } from '../worker-entry.js';
import type { FinishingData, FinishingJob, FinishOutcome } from './finish-worker.js';
import type { BatchResult, RenderBatch } from './render-worker.js';
import { stageCollector, type StageResult } from './report-files.js';

/** The override: a whole number of workers, 0 to render in the main thread. */
const RENDER_WORKERS_ENV = 'BOARDROOM_RENDER_WORKERS';
/** Below this many cores the pool does not pay (measured on 2 cores): none is started. */
const MIN_CORES_FOR_WORKERS = 4;
/**
 * Workers are started only for this many reports. Each one loads the portfolio again and fills
 * its own caches: about 10 s of CPU on the 1,000-report portfolio (measured: 2 workers used 40.8 s
 * of CPU for the stage, the main thread alone 20.3 s), the work of about 500 reports. With w
 * workers on w cores the stage takes about (work + w x that) / w: on 4 cores, 0.75 of the main
 * thread's time at 1,000 reports, and no gain below about 700.
 */
const MIN_REPORTS_FOR_WORKERS = 1000;
/**
 * Each worker's old-generation heap cap (MB): a worker that needs more stops with a named error
 * instead of taking the runner's memory. A worker rendering 500 of the 1,000-report portfolio's
 * reports peaks far below it; BOARDROOM_RENDER_WORKERS=0 renders in the main thread, uncapped.
 */
const WORKER_HEAP_MB = 512;
/** Batches per worker: contiguous runs small enough that a slow one does not hold the rest. */
const BATCHES_PER_WORKER = 4;

/**
 * How many render workers a run of `reports` reports uses. `BOARDROOM_RENDER_WORKERS` (a whole
 * number, 0 = none) decides when set, never more than there are reports; otherwise one per core
 * on 4 or more cores for 1,000 reports or more, and none otherwise.
 * @throws ArgumentError when the variable is set to anything but a whole number.
 */
export function renderWorkerCount(
  reports: number,
  env: NodeJS.ProcessEnv = process.env,
  cores: number = availableParallelism(),
): number {
  const setting = env[RENDER_WORKERS_ENV]?.trim();
  if (setting) {
    if (!/^\d+$/.test(setting))
      throw new ArgumentError(
        `${RENDER_WORKERS_ENV}: "${setting}" is not a whole number of workers (0 renders in the main thread)`,
      );
    return Math.min(Number(setting), reports);
  }
  return cores >= MIN_CORES_FOR_WORKERS && reports >= MIN_REPORTS_FOR_WORKERS ? cores : 0;
}

/**
 * Below this many reports the finishing thread's start (loading marked and the text layout in a
 * new thread, about 0.1 s of the other core) is not repaid.
 */
const MIN_REPORTS_FOR_FINISHING = 100;
/**
 * Reports handed to the finishing thread and not yet finished, at most: enough that it always
 * has the next one while the main thread is busy, few enough that their texts stay small.
 */
export const FINISHING_IN_FLIGHT = 16;
/**
 * The finishing thread's young generation (MB; V8's default is 48 on 64 bits: two 16 MB
 * semi-spaces and as much again for large objects). The peak RSS of a run comes at the end of
 * its render, while this thread is alive, and its texts die young: a smaller nursery is
 * collected sooner and commits less (measured on the bench's portfolio: its heap 98 -> 62 MB
 * committed). It bounds the nursery only: the old generation keeps the main thread's limit.
 */
export const FINISHING_YOUNG_GENERATION_MB = 8;

/**
 * Whether a run of `reports` reports that renders in the main thread (renderWorkerCount is 0)
 * hands each report's Markdown half (HTML, text, size check, writes: finishReportFiles) to a
 * second thread while it analyses and renders the next: on 2 or more cores, for 100 reports or
 * more, unless `BOARDROOM_RENDER_WORKERS` is set (0: the main thread does everything).
 */
export function finishingThreadWanted(
  reports: number,
  env: NodeJS.ProcessEnv = process.env,
  cores: number = availableParallelism(),
): boolean {
  if (env[RENDER_WORKERS_ENV]?.trim()) return false;
  return cores >= 2 && reports >= MIN_REPORTS_FOR_FINISHING;
}

/** The finishing thread, open for one render stage. */
export interface FinishingThread {
  /** Finishes one report on the thread: its size, or why not (the thread's own message). */
  finish(job: FinishingJob): Promise<FinishOutcome>;
  /**
   * How many reports handed to the thread it has not finished yet, read now (a counter the
   * thread keeps in shared memory), without waiting for their answers.
   */
  backlog(): number;
  /** Stops the thread: call it once every job handed to it has come back. */
  close(): Promise<void>;
}

/**
 * Starts the finishing thread (src/render/finish-worker.ts) for a stage. `templates` are the
 * portfolio's template sources: the thread loads sanitize-html if one may write raw HTML, as the
 * main thread does. Its stack and heap are the main thread's own (`heapMb` caps its old
 * generation instead: for tests). A thread that stops (out of memory, or crashed) fails every job
 * it held with the reason.
 */
export async function openFinishingThread(
  templates: Iterable<{ readonly source: string }>,
  heapMb?: number,
): Promise<FinishingThread> {
  const { default: Tinypool } = await import('tinypool');
  const done = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const finished = new Int32Array(done);
  let handed = 0;
  const pool = new Tinypool({
    ...renderThreadEntry('render/finish-worker'),
    minThreads: 1,
    maxThreads: 1,
    // Every job goes to the thread as soon as it is handed over, so the thread works through
    // them while the main thread is busy (a queued job would wait for the main thread to idle).
    concurrentTasksPerWorker: FINISHING_IN_FLIGHT,
    // The main thread's limits, not a cap of its own: a report too large for the thread (a
    // message far over the budget, whose HTML is made before its size is checked) is then too
    // large exactly where it would be on the main thread, and fails for that reason alone. Only
    // the young generation is smaller (FINISHING_YOUNG_GENERATION_MB), which caps nothing: what
    // outgrows it moves to the old generation.
    resourceLimits: {
      stackSizeMb: MAIN_THREAD_STACK_MB,
      maxYoungGenerationSizeMb: FINISHING_YOUNG_GENERATION_MB,
      ...(heapMb === undefined ? {} : { maxOldGenerationSizeMb: heapMb }),
    },
    workerData: {
      templates: [...templates].map(({ source }) => ({ source })),
      done,
    } satisfies FinishingData,
  });
  const poolFailed = new Promise<never>((_, reject) => pool.on('error', reject));
  poolFailed.catch(() => {});
  return {
    backlog: () => handed - Atomics.load(finished, 0),
    finish: (job) => {
      handed++;
      return Promise.race([pool.run(job) as Promise<FinishOutcome>, poolFailed]).catch(
        (error: unknown): FinishOutcome => {
          const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
          return {
            error: outOfMemory
              ? `its finishing thread ran out of memory${heapMb === undefined ? '' : ` (capped at ${heapMb} MB)`}`
              : `its finishing thread stopped: ${(error as Error).message}`,
          };
        },
      );
    },
    close: () => pool.destroy(),
  };
}

/**
 * The render stage on `workers` worker threads: the same work, files and result as
 * renderReportsInProcess (src/render/report-files.ts). The reports are cut into contiguous
 * batches; each worker loads the portfolio from `config` once (as of `asOf`) and renders its
 * batches into `into`. Results, size warnings and progress come back in report order; a report
 * that fails is named as in-process (`<id>: <message>`), and a worker that stops (over its heap
 * cap, or crashed) fails each report of its batch with the reason.
 * @param workers at least 1; `heapMb` caps each worker's old generation (default WORKER_HEAP_MB).
 */
export async function renderReportsInWorkers(
  { config, asOf, reports }: { config: string; asOf: string; reports: readonly Report[] },
  {
    into,
    out,
    log,
    workers,
    heapMb = WORKER_HEAP_MB,
  }: {
    into: string;
    out: string;
    log: Logger;
    workers: number;
    heapMb?: number;
  },
): Promise<StageResult> {
  if (reports.length === 0) return { rendered: [], charts: new Map(), errors: [] };
  // Loaded here, so a run without workers never loads the pool.
  const { default: Tinypool } = await import('tinypool');
  const threads = Math.max(1, Math.min(workers, reports.length));
  const pool = new Tinypool({
    ...renderThreadEntry('render/render-worker'),
    minThreads: threads,
    maxThreads: threads,
    resourceLimits: { maxOldGenerationSizeMb: heapMb, stackSizeMb: MAIN_THREAD_STACK_MB },
  });
  // A worker that fails while starting (over its cap while loading, say) is reported by the
  // pool, not by a task, and tinypool starts no other: every batch not yet done fails with it.
  // Listened to for the pool's life: each failing worker reports, and an unheard one would throw.
  const poolFailed = new Promise<never>((_, reject) => pool.on('error', reject));
  poolFailed.catch(() => {});
  const charts = new Map<string, ChartSpec>();
  const stage = stageCollector(log, reports.length);
  try {
    const batches = contiguousBatches(reports, threads * BATCHES_PER_WORKER);
    const results = batches.map((batch) =>
      Promise.race([
        pool.run({
          config,
          asOf,
          reportIds: batch.map((r) => r.id),
          into,
          out,
        } satisfies RenderBatch) as Promise<BatchResult>,
        poolFailed,
      ]).catch((error: unknown) => workerStopped(batch, error, heapMb)),
    );
    // Taken in order as they arrive, so the log reads as a run in the main thread would.
    for (const [index, pending] of results.entries()) {
      const result = await pending;
      for (const [key, spec] of result.charts) charts.set(key, spec);
      batches[index]!.forEach((report, i) => stage.add(report, result.outcomes[i]!));
    }
  } finally {
    await pool.destroy();
  }
  return { rendered: stage.rendered, charts, errors: stage.errors };
}

/** `reports` cut into at most `count` contiguous runs of nearly equal length, in order. */
export function contiguousBatches<T>(reports: readonly T[], count: number): T[][] {
  const batches = Math.max(1, Math.min(count, reports.length));
  return Array.from({ length: batches }, (_, b) =>
    reports.slice(
      Math.floor((b * reports.length) / batches),
      Math.floor(((b + 1) * reports.length) / batches),
    ),
  ).filter((batch) => batch.length > 0);
}

/** A batch whose worker stopped: each of its reports fails with the reason. */
function workerStopped(batch: readonly Report[], error: unknown, heapMb: number): BatchResult {
  const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
  const why = outOfMemory
    ? `its render worker ran out of memory (capped at ${heapMb} MB; ${RENDER_WORKERS_ENV}=0 renders in the main thread)`
    : `its render worker stopped: ${(error as Error).message}`;
  return { outcomes: batch.map((report) => ({ error: `${report.id}: ${why}` })), charts: [] };
}

/** A render thread's entry (src/worker-entry.ts), named as the render threads' when missing. */
function renderThreadEntry(name: 'render/render-worker' | 'render/finish-worker'): WorkerEntry {
  // Checked when the thread starts: a thread whose code is missing would stop the process from
  // inside tinypool.
  return workerEntry(name, {
    whose: "the render threads'",
    hint: `${RENDER_WORKERS_ENV}=0 renders in the main thread`,
  });
}

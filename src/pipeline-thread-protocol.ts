// What the pipeline's thread (src/pipeline-thread-worker.ts) and the thread that started it
// (src/pipeline-thread.ts) say to each other: each log call, then the result or the error.
import type { Annotation } from './logger.js';
import { ArgumentError, type Mode } from './options.js';
import type { PipelineResult } from './pipeline.js';
import type { ReportSummary, RunSummary } from './summary/model.js';

/**
 * What the CLI and the action read of a run's summary (its outputs, counts and the lines they
 * print): all of it but `metrics` and each report's figures, findings and actions, which
 * summary.json, summary.md and index.html already hold. An alert check's `alerts` is kept.
 */
export type SummaryOutcome = Omit<RunSummary, 'metrics' | 'reports'> & {
  readonly reports: readonly Pick<ReportSummary, 'id' | 'status' | 'message_ids'>[];
};

/**
 * A PipelineResult as the pipeline's thread hands it back: its summary a SummaryOutcome, except
 * in preview mode, where the whole result comes back (the preview compares whole summaries).
 * Every PipelineResult is one.
 */
export type PipelineOutcome = Omit<PipelineResult, 'summary'> & {
  readonly summary?: SummaryOutcome;
};

/** One message from the pipeline's thread, in the order it sent them. */
export type PipelineThreadMessage =
  | {
      readonly kind: 'log';
      readonly level: 'info' | 'warning' | 'error';
      readonly message: string;
      readonly where?: Annotation;
    }
  | { readonly kind: 'result'; readonly result: PipelineOutcome }
  | { readonly kind: 'failed'; readonly error: ErrorMessage };

/**
 * An error thrown by runPipeline, as data: what userFacingError (src/options.ts) reads of it
 * (its class, a file system error's code, path and system call) and its stack for the rest.
 */
export interface ErrorMessage {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly code?: string;
  readonly path?: string;
  readonly syscall?: string;
}

/** `error` as an ErrorMessage, to post to another thread. */
export function errorMessage(error: unknown): ErrorMessage {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const { code, path, syscall } = error as NodeJS.ErrnoException;
  return {
    name: error.name,
    message: error.message,
    ...(error.stack !== undefined ? { stack: error.stack } : {}),
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof path === 'string' ? { path } : {}),
    ...(typeof syscall === 'string' ? { syscall } : {}),
  };
}

/**
 * The error an ErrorMessage describes, rebuilt so that a caller tells it apart as it would the
 * original: an ArgumentError is one again, a file system error keeps its code, path and system
 * call; every error keeps its message and the stack it had on the pipeline's thread.
 */
export function rebuiltError(sent: ErrorMessage): Error {
  const error: Error & Partial<NodeJS.ErrnoException> =
    sent.name === 'ArgumentError' ? new ArgumentError(sent.message) : new Error(sent.message);
  if (sent.name !== error.name) error.name = sent.name;
  if (sent.stack !== undefined) error.stack = sent.stack;
  if (sent.code !== undefined) error.code = sent.code;
  if (sent.path !== undefined) error.path = sent.path;
  if (sent.syscall !== undefined) error.syscall = sent.syscall;
  return error;
}

/**
 * The part of `result` that the thread which started the run reads (PipelineOutcome): copying the
 * whole summary to it (about 15 MB as JSON for 1,000 reports) would cost that thread's memory at
 * the end of the run, for figures it never reads. In preview mode, `result` itself.
 */
export function outcomeOf(result: PipelineResult, mode: Mode): PipelineOutcome {
  if (mode === 'preview' || !result.summary) return result;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- left out on purpose
  const { metrics, reports, ...rest } = result.summary;
  return {
    ...result,
    summary: {
      ...rest,
      reports: reports.map(({ id, status, message_ids }) => ({ id, status, message_ids })),
    },
  };
}

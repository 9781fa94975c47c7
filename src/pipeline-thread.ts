// The pipeline on a worker thread of its own, for a CLI or an action that is its own process: a
// worker's young generation can be sized (resourceLimits), the main thread's only from node's
// command line, and a run's peak memory follows it (see PIPELINE_YOUNG_GENERATION_MB). What the
// caller sees is the same as runPipeline's: each log call, in order, then the result or the error.
import { Worker } from 'node:worker_threads';
import type { Logger } from './logger.js';
import type { RunOptions } from './options.js';
import {
  rebuiltError,
  type PipelineOutcome,
  type PipelineThreadMessage,
} from './pipeline-thread-protocol.js';
import { MAIN_THREAD_STACK_MB } from './thread-stack.js';
import { workerEntry } from './worker-entry.js';

export type { PipelineOutcome, SummaryOutcome } from './pipeline-thread-protocol.js';

/**
 * The pipeline thread's young generation (MB). Node's main thread has V8's default, 32 MB of
 * semi-spaces plus as much again for large objects, which a run fills and keeps committed to the
 * end; a smaller nursery is collected sooner and commits less, for more collections. Measured on
 * the bench portfolio (peak RSS of the process, median of alternating runs: dry-run HEAD 215 MB,
 * 8: 205, 12: 203.5, 16: 207; the GC's time on the thread, one profile each: dry-run 3.9 s on
 * HEAD's main thread, 6.5 s at 12, 4.0 s at 16; an outbox send 4.5 s, 12.1 s at 12, 4.6 s at
 * 48). 16 it is: with summary.json written in pieces both 12 and 16 keep a dry-run under 200 MB
 * (12: 190-196, 16: 195), and 16 costs the GC no more than the main thread did. See
 * docs/performance.md, "The pipeline on a thread of its own", and README.md, Threads.
 */
export const PIPELINE_YOUNG_GENERATION_MB = 16;

/**
 * runPipeline(options, log) on a worker thread (src/pipeline-thread-worker.ts) whose young generation is
 * PIPELINE_YOUNG_GENERATION_MB and whose stack is the main thread's. Each log call the pipeline
 * makes reaches `log` in order, before the promise settles; it settles once the thread has
 * ended. Not for `validate` (its start-up is what it measures). It resolves with what the caller
 * reads of the result (PipelineOutcome: outcomeOf); the files the run writes are all there.
 * @throws the error runPipeline threw, rebuilt (an ArgumentError is one again, a file system
 *   error keeps its code and path); an Error "the run's thread ran out of memory" or "the run's
 *   thread stopped: ..." when the thread dies without an answer.
 */
export function runPipelineOnThread(options: RunOptions, log: Logger): Promise<PipelineOutcome> {
  const { filename, execArgv } = workerEntry('pipeline-thread-worker');
  return new Promise((resolve, reject) => {
    let answer: { result: PipelineOutcome } | { error: Error } | undefined;
    const worker = new Worker(filename, {
      ...(execArgv ? { execArgv } : {}),
      resourceLimits: {
        maxYoungGenerationSizeMb: PIPELINE_YOUNG_GENERATION_MB,
        stackSizeMb: MAIN_THREAD_STACK_MB,
      },
    });
    // Posted, not handed as workerData, which NODE_DEBUG=worker prints: the options hold tokens.
    worker.postMessage({ options });
    worker.on('message', (message: PipelineThreadMessage) => {
      if (message.kind === 'log') {
        if (message.level === 'info') log.info(message.message);
        else log[message.level](message.message, message.where);
      } else if (message.kind === 'result') answer = { result: message.result };
      else answer = { error: rebuiltError(message.error) };
    });
    // A crash after the answer is a crash still, as it was on the main thread. The error says
    // where the thread stopped (its own stack), not where this thread heard of it.
    worker.on('error', (error: Error & { code?: string }) => {
      answer = { error: threadStopped(error) };
    });
    worker.on('messageerror', (error) => {
      answer ??= { error: threadStopped(error) };
    });
    worker.on('exit', (code) => {
      if (!answer)
        reject(new Error(`the run's thread stopped (exit code ${code}) before the run ended`));
      else if ('error' in answer) reject(answer.error);
      else resolve(answer.result);
    });
  });
}

/**
 * The error a caller gets when the pipeline's thread dies: "the run's thread ran out of memory"
 * (ERR_WORKER_OUT_OF_MEMORY: V8's heap limit, node's --max-old-space-size) or "the run's thread
 * stopped: <its error>", with the thread's own stack when it has one.
 */
export function threadStopped(error: Error & { code?: string }): Error {
  const stopped =
    error.code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? new Error(
          `the run's thread ran out of memory (${error.message}): the run stopped there; node's --max-old-space-size (in NODE_OPTIONS) sets the heap limit`,
        )
      : new Error(`the run's thread stopped: ${error.message}`);
  stopped.stack =
    error.code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? `Error: ${stopped.message}`
      : `Error: the run's thread stopped: ${error.stack ?? error.message}`;
  return stopped;
}

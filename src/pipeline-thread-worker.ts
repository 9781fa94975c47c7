// The pipeline's own thread (src/pipeline-thread.ts starts it): runs runPipeline with the options
// it is handed and posts every log call, then the result (what the caller reads of it: outcomeOf)
// or the error, to the thread that started it, in that order.
import { once } from 'node:events';
import { parentPort } from 'node:worker_threads';
import type { Annotation, Logger } from './logger.js';
import type { RunOptions } from './options.js';
import { errorMessage, outcomeOf, type PipelineThreadMessage } from './pipeline-thread-protocol.js';
import { runPipeline } from './pipeline.js';

const port = parentPort!;
const post = (message: PipelineThreadMessage) => port.postMessage(message);
const where = (at?: Annotation) => (at ? { where: { ...at } } : {});
const postingLogger: Logger = {
  info: (message) => post({ kind: 'log', level: 'info', message }),
  warning: (message, at) => post({ kind: 'log', level: 'warning', message, ...where(at) }),
  error: (message, at) => post({ kind: 'log', level: 'error', message, ...where(at) }),
};

try {
  // The options come as the first message, not as workerData: NODE_DEBUG=worker prints a
  // Worker's workerData, and the options hold the tokens.
  const [{ options }] = (await once(port, 'message')) as [{ options: RunOptions }];
  post({
    kind: 'result',
    result: outcomeOf(await runPipeline(options, postingLogger), options.mode),
  });
} catch (error) {
  post({ kind: 'failed', error: errorMessage(error) });
}

import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  rebuiltError
} from "./chunk-56ZOZSVH.js";
import {
  MAIN_THREAD_STACK_MB,
  workerEntry
} from "./chunk-OGBOT7SR.js";
import "./chunk-GZFGD7DJ.js";
import "./chunk-SC7SHDLN.js";
import "./chunk-MFOCRCT4.js";
import "./chunk-OXRXBV5P.js";

// src/pipeline-thread.ts
import { Worker } from "node:worker_threads";
var PIPELINE_YOUNG_GENERATION_MB = 16;
function runPipelineOnThread(options, log) {
  const { filename, execArgv } = workerEntry("pipeline-thread-worker");
  return new Promise((resolve, reject) => {
    let answer;
    const worker = new Worker(filename, {
      ...execArgv ? { execArgv } : {},
      resourceLimits: {
        maxYoungGenerationSizeMb: PIPELINE_YOUNG_GENERATION_MB,
        stackSizeMb: MAIN_THREAD_STACK_MB
      }
    });
    worker.postMessage({ options });
    worker.on("message", (message) => {
      if (message.kind === "log") {
        if (message.level === "info") log.info(message.message);
        else log[message.level](message.message, message.where);
      } else if (message.kind === "result") answer = { result: message.result };
      else answer = { error: rebuiltError(message.error) };
    });
    worker.on("error", (error) => {
      answer = { error: threadStopped(error) };
    });
    worker.on("messageerror", (error) => {
      answer ??= { error: threadStopped(error) };
    });
    worker.on("exit", (code) => {
      if (!answer)
        reject(new Error(`the run's thread stopped (exit code ${code}) before the run ended`));
      else if ("error" in answer) reject(answer.error);
      else resolve(answer.result);
    });
  });
}
function threadStopped(error) {
  const stopped = error.code === "ERR_WORKER_OUT_OF_MEMORY" ? new Error(
    `the run's thread ran out of memory (${error.message}): the run stopped there; node's --max-old-space-size (in NODE_OPTIONS) sets the heap limit`
  ) : new Error(`the run's thread stopped: ${error.message}`);
  stopped.stack = error.code === "ERR_WORKER_OUT_OF_MEMORY" ? `Error: ${stopped.message}` : `Error: the run's thread stopped: ${error.stack ?? error.message}`;
  return stopped;
}
export {
  PIPELINE_YOUNG_GENERATION_MB,
  runPipelineOnThread,
  threadStopped
};

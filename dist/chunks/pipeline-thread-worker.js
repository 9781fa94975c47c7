import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  runPipeline
} from "./chunk-EIVCTA3P.js";
import "./chunk-FOQKTZ3F.js";
import "./chunk-WKX7GQZR.js";
import {
  errorMessage,
  outcomeOf
} from "./chunk-7JV2I6TI.js";
import "./chunk-OGBOT7SR.js";
import "./chunk-I7RP3H6T.js";
import "./chunk-PECN7N6X.js";
import "./chunk-KP7QDCDT.js";
import "./chunk-63EMXHBY.js";
import "./chunk-UUY4MD6Y.js";
import "./chunk-SDLOKJHG.js";
import "./chunk-AUMF7SGP.js";
import "./chunk-V4CVLK5W.js";
import "./chunk-2WXI7S3X.js";
import "./chunk-RRQPDUQS.js";
import "./chunk-XB7NYYFB.js";
import "./chunk-6RKDM7GN.js";
import "./chunk-ZPRMXZO5.js";
import "./chunk-OABCDO22.js";
import "./chunk-Z2ZAQRJO.js";
import "./chunk-ADFTIVBZ.js";
import "./chunk-ENC4TQEI.js";
import "./chunk-ZKT6PWU6.js";
import "./chunk-F4NAEFNZ.js";
import "./chunk-53EX335R.js";
import "./chunk-DSFAKTE7.js";
import "./chunk-SC7SHDLN.js";
import "./chunk-7ADVH35N.js";
import "./chunk-AP4K2WIA.js";
import "./chunk-DQYPPGSX.js";
import "./chunk-MFOCRCT4.js";
import "./chunk-OXRXBV5P.js";

// src/pipeline-thread-worker.ts
import { once } from "node:events";
import { parentPort } from "node:worker_threads";
var port = parentPort;
var post = (message) => port.postMessage(message);
var where = (at) => at ? { where: { ...at } } : {};
var postingLogger = {
  info: (message) => post({ kind: "log", level: "info", message }),
  warning: (message, at) => post({ kind: "log", level: "warning", message, ...where(at) }),
  error: (message, at) => post({ kind: "log", level: "error", message, ...where(at) })
};
try {
  const [{ options }] = await once(port, "message");
  post({
    kind: "result",
    result: outcomeOf(await runPipeline(options, postingLogger), options.mode)
  });
} catch (error) {
  post({ kind: "failed", error: errorMessage(error) });
}

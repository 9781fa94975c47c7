import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  src_default
} from "./chunk-6R3HXZAO.js";
import {
  finishReportFiles,
  reportJson
} from "./chunk-SQAN6S2X.js";
import "./chunk-RRQPDUQS.js";
import {
  loadSanitizerFor
} from "./chunk-4SV3DADC.js";
import "./chunk-F4NAEFNZ.js";
import "./chunk-7ADVH35N.js";
import "./chunk-6WH5L3UC.js";
import "./chunk-GGC72TJI.js";
import "./chunk-MFOCRCT4.js";
import "./chunk-OXRXBV5P.js";

// src/render/finish-worker.ts
var ready;
var context;
var liquid;
var done;
async function finishReport(job) {
  const data = src_default.workerData;
  done ??= new Int32Array(data.done);
  try {
    if ("analysis" in job && job.context) context = job.context;
    ready ??= loadSanitizerFor(data.templates);
    await ready;
    if (!("analysis" in job)) return finishOutcome(job);
    const step = await (liquid ??= liquidStep(context));
    return step(job);
  } finally {
    Atomics.add(done, 0, 1);
  }
}
function finishOutcome(job) {
  try {
    return { size: finishReportFiles(job) };
  } catch (error) {
    return { error: error.message };
  }
}
async function liquidStep(given) {
  const [{ createTemplateEngine }, { renderSource }] = await Promise.all([
    import("./liquid-XOMX32Z7.js"),
    import("./render-JAXMLTZX.js")
  ]);
  const engine = createTemplateEngine(given.templates, given.settings);
  return (job) => {
    let source;
    try {
      source = renderSource(engine, given, job.report, job.analysis, job.asOf);
    } catch (error) {
      return { error: error.message };
    }
    const outcome = finishOutcome({
      ...source,
      base: job.base,
      htmlPart: job.report.format === "html",
      json: reportJson(job.report, job.asOf, job.analysis)
    });
    if ("error" in outcome) return outcome;
    const { subject, period, charts } = source;
    return { size: outcome.size, rendered: { subject, period, charts } };
  };
}
export {
  finishReport as default
};

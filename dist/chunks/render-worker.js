import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  renderOutcome
} from "./chunk-5FO623WO.js";
import "./chunk-CSB5Z2GU.js";
import "./chunk-V4CVLK5W.js";
import "./chunk-SQAN6S2X.js";
import "./chunk-RRQPDUQS.js";
import {
  loadSanitizerFor
} from "./chunk-4SV3DADC.js";
import "./chunk-23HAZFMX.js";
import {
  Analyzer
} from "./chunk-GD5NV4LV.js";
import {
  loadPortfolio
} from "./chunk-IRJFJL4L.js";
import "./chunk-TNR3CQU3.js";
import {
  describeConfigError
} from "./chunk-ZKT6PWU6.js";
import "./chunk-F4NAEFNZ.js";
import {
  createTemplateEngine
} from "./chunk-JC4LOZUH.js";
import "./chunk-XU4MFCUY.js";
import "./chunk-SC7SHDLN.js";
import "./chunk-7ADVH35N.js";
import "./chunk-6WH5L3UC.js";
import "./chunk-GGC72TJI.js";
import "./chunk-MFOCRCT4.js";
import "./chunk-OXRXBV5P.js";

// src/render/render-worker.ts
var loaded = /* @__PURE__ */ new Map();
async function load(config, asOf) {
  const result = await loadPortfolio(config);
  if (!result.ok)
    throw new Error(
      `the render worker could not load ${config}: ${result.errors.map(describeConfigError).join("; ")}`
    );
  const { portfolio } = result;
  await loadSanitizerFor(portfolio.templates.values());
  return {
    analyzer: new Analyzer(portfolio, asOf),
    engine: createTemplateEngine(portfolio.templates, portfolio.settings),
    reports: new Map(portfolio.reports.map((report) => [report.id, report]))
  };
}
async function renderBatch(batch) {
  const key = `${batch.config}
${batch.asOf}`;
  let portfolio = loaded.get(key);
  if (!portfolio) {
    portfolio = load(batch.config, batch.asOf);
    loaded.set(key, portfolio);
  }
  const { analyzer, engine, reports } = await portfolio;
  const charts = /* @__PURE__ */ new Map();
  const outcomes = batch.reportIds.map((id) => {
    const report = reports.get(id);
    if (!report)
      return { error: `${id}: not in the portfolio the render worker loaded from ${batch.config}` };
    return renderOutcome(analyzer, engine, report, batch, charts);
  });
  return { outcomes, charts: [...charts] };
}
export {
  renderBatch as default
};

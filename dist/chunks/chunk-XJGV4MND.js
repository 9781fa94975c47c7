import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  renderTemplates
} from "./chunk-L5SMPABD.js";
import {
  finishReportFiles
} from "./chunk-LKAKFXIO.js";
import {
  sendDecision
} from "./chunk-C3RGP2BW.js";
import {
  chartPath
} from "./chunk-TNIK5FCO.js";

// src/render/index.ts
function renderSource(engine, portfolio, report, analysis, asOf, locate) {
  const { subject, period, markdown, charts, view } = renderTemplates(
    engine,
    portfolio,
    report,
    analysis,
    asOf,
    locate
  );
  const { counts, report: shown } = view;
  return {
    subject,
    period,
    markdown,
    charts,
    preheader: `${counts.critical} critical, ${counts.warning} warnings, ${counts.actions} actions`,
    footer: `${portfolio.settings.name} \xB7 ${shown.reader} \xB7 as of ${asOf} \xB7 sent by boardroom`
  };
}

// src/render/report-files.ts
import path from "node:path";
var PROGRESS_EVERY = 200;
function prepareReport(analyzer, engine, report, { into, out }) {
  const { portfolio, asOf } = analyzer;
  const analysis = analyzer.analyzeWithChanges(report);
  const source = renderSource(engine, portfolio, report, analysis, asOf);
  const { subject, period, charts } = source;
  const job = {
    ...source,
    base: path.join(into, report.id),
    htmlPart: report.format === "html",
    // Every figure behind the report, for other tools: each section's table data, findings and
    // actions, exactly as the template saw them.
    json: JSON.stringify({ id: report.id, persona: report.persona, as_of: asOf, ...analysis })
  };
  const entry = {
    subject,
    period,
    findings: analysis.findings,
    actions: analysis.actions,
    counts: analysis.counts,
    send: sendDecision(report.send, {
      previousAsOf: analysis.changes.previous_as_of,
      opened: analysis.changes.opened.length,
      resolved: analysis.changes.resolved.length,
      moved: analysis.changes.moved.length,
      critical: analysis.counts.critical
    }),
    charts: [...charts.keys()].map((key) => ({
      key,
      file: path.join(out, "reports", chartPath(key))
    }))
  };
  return { job, entry, charts };
}
function renderReportFiles(analyzer, engine, report, files) {
  const { job, entry, charts } = prepareReport(analyzer, engine, report, files);
  return { entry: { ...entry, size: finishReportFiles(job) }, charts };
}
function renderOutcome(analyzer, engine, report, files, charts) {
  try {
    const rendered = renderReportFiles(analyzer, engine, report, files);
    for (const [key, spec] of rendered.charts) charts.set(key, spec);
    return { entry: rendered.entry };
  } catch (error) {
    return { error: `${report.id}: ${error.message}` };
  }
}
function stageCollector(log, total) {
  const rendered = [];
  const errors = [];
  return {
    rendered,
    errors,
    add(report, outcome) {
      if ("error" in outcome) errors.push(outcome.error);
      else {
        for (const warning of outcome.entry.size.warnings) log.warning(`${report.id}: ${warning}`);
        rendered.push({ report, ...outcome.entry });
      }
      const done = rendered.length + errors.length;
      if (done % PROGRESS_EVERY === 0 && done < total)
        log.info(`rendered ${done} of ${total} reports`);
    }
  };
}
function renderReportsInProcess(analyzer, engine, reports, { into, out, log }) {
  const charts = /* @__PURE__ */ new Map();
  const stage = stageCollector(log, reports.length);
  for (const report of reports)
    stage.add(report, renderOutcome(analyzer, engine, report, { into, out }, charts));
  return { rendered: stage.rendered, charts, errors: stage.errors };
}
async function renderReportsFinishingElsewhere(analyzer, engine, reports, { into, out, log }, finishing, inFlight) {
  const charts = /* @__PURE__ */ new Map();
  const stage = stageCollector(log, reports.length);
  const pending = [];
  const takeOldest = async () => {
    const { report, outcome, charts: shown } = pending.shift();
    const taken = await outcome;
    if ("entry" in taken && shown) for (const [key, spec] of shown) charts.set(key, spec);
    stage.add(report, taken);
  };
  for (const report of reports) {
    if (pending.length >= inFlight) await takeOldest();
    try {
      const { job, entry, charts: shown } = prepareReport(analyzer, engine, report, { into, out });
      const outcome = finishing.finish(job).then(
        (finished) => "size" in finished ? { entry: { ...entry, size: finished.size } } : { error: `${report.id}: ${finished.error}` }
      );
      pending.push({ report, outcome, charts: shown });
    } catch (error) {
      pending.push({
        report,
        outcome: Promise.resolve({ error: `${report.id}: ${error.message}` })
      });
    }
  }
  while (pending.length > 0) await takeOldest();
  return { rendered: stage.rendered, charts, errors: stage.errors };
}

export {
  renderOutcome,
  stageCollector,
  renderReportsInProcess,
  renderReportsFinishingElsewhere
};

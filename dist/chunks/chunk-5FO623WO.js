import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  renderSource
} from "./chunk-CSB5Z2GU.js";
import {
  sendDecision
} from "./chunk-V4CVLK5W.js";
import {
  finishReportFiles,
  reportJson
} from "./chunk-SQAN6S2X.js";
import {
  chartPath
} from "./chunk-6WH5L3UC.js";

// src/render/report-files.ts
import path from "node:path";
var PROGRESS_EVERY = 200;
function prepareReport(analyzer, engine, report, { into, out }, analysis = analyzer.analyzeWithChanges(report)) {
  const { portfolio, asOf } = analyzer;
  const source = renderSource(engine, portfolio, report, analysis, asOf);
  const job = {
    ...source,
    base: path.join(into, report.id),
    htmlPart: report.format === "html",
    json: reportJson(report, asOf, analysis)
  };
  return {
    job,
    entry: reportEntry(analysisFacts(report, analysis), source, out),
    charts: source.charts
  };
}
function reportEntry(facts, {
  subject,
  period,
  charts
}, out) {
  return {
    subject,
    period,
    findings: facts.findings,
    actions: facts.actions,
    counts: facts.counts,
    send: facts.send,
    charts: [...charts.keys()].map((key) => ({
      key,
      file: path.join(out, "reports", chartPath(key))
    }))
  };
}
function analysisFacts(report, analysis) {
  return {
    findings: analysis.findings,
    actions: analysis.actions,
    counts: analysis.counts,
    send: sendDecision(report.send, {
      previousAsOf: analysis.changes.previous_as_of,
      opened: analysis.changes.opened.length,
      resolved: analysis.changes.resolved.length,
      moved: analysis.changes.moved.length,
      critical: analysis.counts.critical
    })
  };
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
var LIQUID_HANDOVER_BACKLOG = 1;
function liquidContext(portfolio) {
  return {
    settings: portfolio.settings,
    personas: portfolio.personas,
    entities: portfolio.entities.map(({ id, name }) => ({ id, name })),
    templates: portfolio.templates
  };
}
async function renderReportsFinishingElsewhere(analyzer, engine, reports, { into, out, log }, finishing, inFlight) {
  const charts = /* @__PURE__ */ new Map();
  const stage = stageCollector(log, reports.length);
  const pending = [];
  const takeOldest = async () => {
    const item = pending.shift();
    const taken = await item.outcome;
    if ("entry" in taken && item.charts)
      for (const [key, spec] of item.charts) charts.set(key, spec);
    stage.add(item.report, taken);
  };
  let context = liquidContext(analyzer.portfolio);
  for (const report of reports) {
    if (pending.length >= inFlight) await takeOldest();
    try {
      const analysis = analyzer.analyzeWithChanges(report);
      if ((finishing.backlog?.() ?? Infinity) <= LIQUID_HANDOVER_BACKLOG) {
        const job2 = {
          report,
          analysis,
          asOf: analyzer.asOf,
          base: path.join(into, report.id),
          ...context ? { context } : {}
        };
        context = void 0;
        const facts = analysisFacts(report, analysis);
        const item = {
          report,
          outcome: finishing.finish(job2).then((finished) => {
            if ("error" in finished) return { error: `${report.id}: ${finished.error}` };
            const rendered = finished.rendered;
            item.charts = rendered.charts;
            return { entry: { ...reportEntry(facts, rendered, out), size: finished.size } };
          })
        };
        pending.push(item);
        continue;
      }
      const prepared = prepareReport(analyzer, engine, report, { into, out }, analysis);
      const { job, entry, charts: shown } = prepared;
      const outcome = finishing.finish(job).then(
        (finished) => "error" in finished ? { error: `${report.id}: ${finished.error}` } : { entry: { ...entry, size: finished.size } }
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

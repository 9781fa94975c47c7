import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  lexMarkdown,
  markdownToHtml,
  markdownToText
} from "./chunk-5F2E6XBY.js";
import {
  checkMessageSize
} from "./chunk-RRQPDUQS.js";
import {
  renderTemplates
} from "./chunk-HJL3GAZ4.js";
import {
  sendDecision
} from "./chunk-AAEGVOPR.js";
import {
  chartPath
} from "./chunk-5IAGMHQA.js";
import {
  emailShell
} from "./chunk-FTYSK5JR.js";

// src/render/index.ts
function renderReport(engine, portfolio, report, analysis, asOf, locate) {
  const { subject, period, markdown, charts, view } = renderTemplates(
    engine,
    portfolio,
    report,
    analysis,
    asOf,
    locate
  );
  const tokens = lexMarkdown(markdown);
  const html = emailShell({
    title: subject,
    preheader: `${view.counts.critical} critical, ${view.counts.warning} warnings, ${view.counts.actions} actions`,
    body: markdownToHtml(tokens),
    footer: `${portfolio.settings.name} \xB7 ${view.report.reader} \xB7 as of ${asOf} \xB7 sent by boardroom`
  });
  return {
    subject,
    period,
    markdown,
    html,
    text: markdownToText(tokens, charts),
    charts
  };
}

// src/render/report-files.ts
import { writeFileSync } from "node:fs";
import path from "node:path";
var PROGRESS_EVERY = 200;
function renderReportFiles(analyzer, engine, report, { into, out }) {
  const { portfolio, asOf } = analyzer;
  const analysis = analyzer.analyzeWithChanges(report);
  const output = renderReport(engine, portfolio, report, analysis, asOf);
  const size = checkMessageSize({
    html: report.format === "html" ? output.html : null,
    text: output.text
  });
  const base = path.join(into, report.id);
  writeFileSync(`${base}.md`, output.markdown);
  writeFileSync(`${base}.html`, output.html);
  writeFileSync(`${base}.txt`, output.text);
  writeFileSync(
    `${base}.json`,
    JSON.stringify({ id: report.id, persona: report.persona, as_of: asOf, ...analysis })
  );
  const entry = {
    subject: output.subject,
    period: output.period,
    findings: analysis.findings,
    actions: analysis.actions,
    counts: analysis.counts,
    size,
    send: sendDecision(report.send, {
      previousAsOf: analysis.changes.previous_as_of,
      opened: analysis.changes.opened.length,
      resolved: analysis.changes.resolved.length,
      moved: analysis.changes.moved.length,
      critical: analysis.counts.critical
    }),
    charts: [...output.charts.keys()].map((key) => ({
      key,
      file: path.join(out, "reports", chartPath(key))
    }))
  };
  return { entry, charts: output.charts };
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

export {
  renderOutcome,
  stageCollector,
  renderReportsInProcess
};

import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  githubLabel
} from "./chunk-FOQKTZ3F.js";
import {
  runDelivery,
  runHeader,
  writeJsonFile
} from "./chunk-73KRHTLC.js";
import {
  MAIN_THREAD_STACK_MB,
  workerEntry
} from "./chunk-OGBOT7SR.js";
import {
  previewMarkdown
} from "./chunk-K3ZV4B4C.js";
import {
  summaryMarkdown
} from "./chunk-GTJPQZEF.js";
import {
  memoryLogger
} from "./chunk-63EMXHBY.js";
import {
  ArgumentError,
  runUrl
} from "./chunk-GZFGD7DJ.js";
import {
  renderReportsFinishingElsewhere,
  renderReportsInProcess,
  stageCollector
} from "./chunk-5FO623WO.js";
import {
  buildSendPlan,
  effectiveRecipients
} from "./chunk-V4CVLK5W.js";
import {
  withInlineImages
} from "./chunk-RRQPDUQS.js";
import {
  loadSanitizerFor
} from "./chunk-4SV3DADC.js";
import {
  CHART_STEP_HEAP_GROWING_PERCENT,
  compacting,
  garbageCollector,
  withHeapGrowth
} from "./chunk-JFETSJQH.js";
import {
  checkPortfolio,
  loadedLine,
  logConfigProblems,
  validateRun
} from "./chunk-FUQL5PUX.js";
import {
  Analyzer
} from "./chunk-GD5NV4LV.js";
import {
  entityName,
  ownerName
} from "./chunk-IRJFJL4L.js";
import {
  count
} from "./chunk-TNR3CQU3.js";
import {
  taskPriorities,
  taskSeverities
} from "./chunk-XU4MFCUY.js";
import {
  CHARTS_FOLDER,
  chartPath
} from "./chunk-6WH5L3UC.js";
import {
  escapeHtml,
  todayIn
} from "./chunk-GGC72TJI.js";

// src/pipeline.ts
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path2 from "node:path";

// src/render/pool.ts
import { availableParallelism } from "node:os";
var RENDER_WORKERS_ENV = "BOARDROOM_RENDER_WORKERS";
var MIN_CORES_FOR_WORKERS = 4;
var MIN_REPORTS_FOR_WORKERS = 1e3;
var WORKER_HEAP_MB = 512;
var BATCHES_PER_WORKER = 4;
function renderWorkerCount(reports, env = process.env, cores = availableParallelism()) {
  const setting = env[RENDER_WORKERS_ENV]?.trim();
  if (setting) {
    if (!/^\d+$/.test(setting))
      throw new ArgumentError(
        `${RENDER_WORKERS_ENV}: "${setting}" is not a whole number of workers (0 renders in the main thread)`
      );
    return Math.min(Number(setting), reports);
  }
  return cores >= MIN_CORES_FOR_WORKERS && reports >= MIN_REPORTS_FOR_WORKERS ? cores : 0;
}
var MIN_REPORTS_FOR_FINISHING = 100;
var FINISHING_IN_FLIGHT = 16;
var FINISHING_YOUNG_GENERATION_MB = 8;
function finishingThreadWanted(reports, env = process.env, cores = availableParallelism()) {
  if (env[RENDER_WORKERS_ENV]?.trim()) return false;
  return cores >= 2 && reports >= MIN_REPORTS_FOR_FINISHING;
}
async function openFinishingThread(templates, heapMb) {
  const { default: Tinypool } = await import("./dist-7P46OSJV.js");
  const done = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const finished = new Int32Array(done);
  let handed = 0;
  const pool = new Tinypool({
    ...renderThreadEntry("render/finish-worker"),
    minThreads: 1,
    maxThreads: 1,
    // Every job goes to the thread as soon as it is handed over, so the thread works through
    // them while the main thread is busy (a queued job would wait for the main thread to idle).
    concurrentTasksPerWorker: FINISHING_IN_FLIGHT,
    // The main thread's limits, not a cap of its own: a report too large for the thread (a
    // message far over the budget, whose HTML is made before its size is checked) is then too
    // large exactly where it would be on the main thread, and fails for that reason alone. Only
    // the young generation is smaller (FINISHING_YOUNG_GENERATION_MB), which caps nothing: what
    // outgrows it moves to the old generation.
    resourceLimits: {
      stackSizeMb: MAIN_THREAD_STACK_MB,
      maxYoungGenerationSizeMb: FINISHING_YOUNG_GENERATION_MB,
      ...heapMb === void 0 ? {} : { maxOldGenerationSizeMb: heapMb }
    },
    workerData: {
      templates: [...templates].map(({ source }) => ({ source })),
      done
    }
  });
  const poolFailed = new Promise((_, reject) => pool.on("error", reject));
  poolFailed.catch(() => {
  });
  return {
    backlog: () => handed - Atomics.load(finished, 0),
    finish: (job) => {
      handed++;
      return Promise.race([pool.run(job), poolFailed]).catch(
        (error) => {
          const outOfMemory = error.code === "ERR_WORKER_OUT_OF_MEMORY";
          return {
            error: outOfMemory ? `its finishing thread ran out of memory${heapMb === void 0 ? "" : ` (capped at ${heapMb} MB)`}` : `its finishing thread stopped: ${error.message}`
          };
        }
      );
    },
    close: () => pool.destroy()
  };
}
async function renderReportsInWorkers({ config, asOf, reports }, {
  into,
  out,
  log,
  workers,
  heapMb = WORKER_HEAP_MB
}) {
  if (reports.length === 0) return { rendered: [], charts: /* @__PURE__ */ new Map(), errors: [] };
  const { default: Tinypool } = await import("./dist-7P46OSJV.js");
  const threads = Math.max(1, Math.min(workers, reports.length));
  const pool = new Tinypool({
    ...renderThreadEntry("render/render-worker"),
    minThreads: threads,
    maxThreads: threads,
    resourceLimits: { maxOldGenerationSizeMb: heapMb, stackSizeMb: MAIN_THREAD_STACK_MB }
  });
  const poolFailed = new Promise((_, reject) => pool.on("error", reject));
  poolFailed.catch(() => {
  });
  const charts = /* @__PURE__ */ new Map();
  const stage = stageCollector(log, reports.length);
  try {
    const batches = contiguousBatches(reports, threads * BATCHES_PER_WORKER);
    const results = batches.map(
      (batch) => Promise.race([
        pool.run({
          config,
          asOf,
          reportIds: batch.map((r) => r.id),
          into,
          out
        }),
        poolFailed
      ]).catch((error) => workerStopped(batch, error, heapMb))
    );
    for (const [index, pending] of results.entries()) {
      const result = await pending;
      for (const [key, spec] of result.charts) charts.set(key, spec);
      batches[index].forEach((report, i) => stage.add(report, result.outcomes[i]));
    }
  } finally {
    await pool.destroy();
  }
  return { rendered: stage.rendered, charts, errors: stage.errors };
}
function contiguousBatches(reports, count2) {
  const batches = Math.max(1, Math.min(count2, reports.length));
  return Array.from(
    { length: batches },
    (_, b) => reports.slice(
      Math.floor(b * reports.length / batches),
      Math.floor((b + 1) * reports.length / batches)
    )
  ).filter((batch) => batch.length > 0);
}
function workerStopped(batch, error, heapMb) {
  const outOfMemory = error.code === "ERR_WORKER_OUT_OF_MEMORY";
  const why = outOfMemory ? `its render worker ran out of memory (capped at ${heapMb} MB; ${RENDER_WORKERS_ENV}=0 renders in the main thread)` : `its render worker stopped: ${error.message}`;
  return { outcomes: batch.map((report) => ({ error: `${report.id}: ${why}` })), charts: [] };
}
function renderThreadEntry(name) {
  return workerEntry(name, {
    whose: "the render threads'",
    hint: `${RENDER_WORKERS_ENV}=0 renders in the main thread`
  });
}

// src/summary/gallery.ts
function galleryHtml(summary) {
  const rows = summary.reports.map((r) => {
    const critical = r.counts.critical;
    const findings = r.counts.critical + r.counts.warning + r.counts.info;
    return `<tr><td class="nowrap"><a href="${escapeHtml(r.files.html)}">${escapeHtml(r.id)}</a></td><td>${escapeHtml(r.reader)}</td><td class="subject">${escapeHtml(r.subject)}</td><td>${r.status}${r.send_reason ? `<br><small>${escapeHtml(r.send_reason)}</small>` : ""}</td><td class="num${critical > 0 ? " critical" : ""}">${critical}</td><td class="num">${findings}</td><td class="nowrap"><a href="${escapeHtml(r.files.txt)}">text</a> \xB7 <a href="${escapeHtml(r.files.md)}">markdown</a> \xB7 <a href="${escapeHtml(r.files.json)}">figures</a>${attachmentLinks(r.files.attachments)}</td></tr>`;
  }).join("\n");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>boardroom: ${escapeHtml(summary.run.portfolio)} as of ${summary.run.as_of}</title>
<style>
body{font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;margin:2rem;color:#1f2933;background:#f4f6f8}
main{max-width:1000px;margin:auto;background:#fff;border:1px solid #d8dee9;border-radius:6px;padding:1.5rem 2rem}
table{border-collapse:collapse;width:100%;font-size:14px}th,td{border:1px solid #d8dee9;padding:6px 8px;text-align:left}
th{background:#eef2f7}
.nowrap{white-space:nowrap}.subject{width:45%}
.num{text-align:right;font-variant-numeric:tabular-nums}.critical{color:#b91c1c;font-weight:bold}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(summary.run.portfolio)}</h1>
<p>${summary.run.mode} as of ${summary.run.as_of}: ${summary.counts.sent} sent, ${summary.counts.skipped} skipped, ${summary.counts.failed} failed, ${summary.counts.rendered} rendered only${summary.counts.not_sent ? `, ${summary.counts.not_sent} not sent` : ""}.</p>
<table>
<thead><tr><th>report</th><th>reader</th><th>subject</th><th>status</th><th>critical</th><th>findings</th><th>other forms</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p><a href="summary.json">summary.json</a> \xB7 <a href="summary.md">summary.md</a></p>
</main>
</body>
</html>
`;
}
function attachmentLinks(files) {
  if (!files?.length) return "";
  const links = files.map(
    (file) => `<a href="${escapeHtml(file)}">${escapeHtml(file.replace(/^reports\//, ""))}</a>`
  ).join("<br>");
  return ` \xB7 <details><summary>${files.length} CSV file${files.length === 1 ? "" : "s"}</summary>${links}</details>`;
}

// src/tasks/index.ts
import path from "node:path";

// src/tasks/model.ts
import { createHash } from "node:crypto";
function fingerprintOf(persona, findingId) {
  return `${persona}/${findingId}`;
}
function selects(selection, action, finding) {
  if (selection === void 0 || selection === true) return true;
  if (selection === false) return false;
  const { min_priority, min_severity, sections } = selection;
  if (min_priority && rank(taskPriorities, action.priority) > rank(taskPriorities, min_priority))
    return false;
  if (min_severity && rank(taskSeverities, finding.severity) > rank(taskSeverities, min_severity))
    return false;
  return !sections || sections.includes(action.section);
}
function rank(order, value) {
  const index = order.indexOf(value);
  return index < 0 ? order.length : index;
}
function actionsWithFindings(source) {
  const findings = new Map(source.findings.map((f) => [f.id, f]));
  return source.actions.flatMap((action) => {
    const finding = findings.get(action.finding);
    return finding ? [{ action, finding, fingerprint: fingerprintOf(source.persona, finding.id) }] : [];
  });
}
function leftOutTasks(sources) {
  const selected = /* @__PURE__ */ new Set();
  const leftOut = /* @__PURE__ */ new Set();
  for (const source of sources)
    for (const { action, finding, fingerprint } of actionsWithFindings(source))
      (selects(source.selection, action, finding) ? selected : leftOut).add(fingerprint);
  for (const fingerprint of selected) leftOut.delete(fingerprint);
  return leftOut;
}
function desiredTasks(sources, directory) {
  const tasks = /* @__PURE__ */ new Map();
  for (const source of sources) {
    for (const { action, finding, fingerprint } of actionsWithFindings(source)) {
      if (!selects(source.selection, action, finding)) continue;
      if (tasks.has(fingerprint)) continue;
      const owner = directory.owner(action.owner);
      const labels = [
        "boardroom",
        `persona:${source.persona}`,
        `entity:${action.entity ?? "portfolio"}`,
        `priority:${action.priority}`
      ].map(githubLabel);
      const findingView = {
        id: finding.id,
        title: finding.title,
        severity: finding.severity,
        figures: finding.figures
      };
      tasks.set(fingerprint, {
        fingerprint,
        report: source.report,
        persona: source.persona,
        period: source.period,
        title: action.title,
        owner: action.owner,
        ownerName: owner.name,
        ...owner.github ? { assignee: owner.github } : {},
        due: action.due,
        priority: action.priority,
        entity: action.entity,
        entityName: directory.entityName(action.entity),
        finding: findingView,
        labels,
        content: createHash("sha256").update(
          JSON.stringify([action.title, findingView, action.priority, action.owner, labels])
        ).digest("hex").slice(0, 16)
      });
    }
  }
  return [...tasks.values()];
}

// src/tasks/index.ts
async function createTaskSink(input) {
  const { options, log } = input;
  if (options.tasks === "webhook") {
    const { WebhookTaskSink } = await import("./webhook-ADTXM6DG.js");
    return new WebhookTaskSink({
      url: options.dashboardUrl,
      ...options.dashboardToken ? { token: options.dashboardToken } : {},
      stateFile: path.join(path.dirname(options.stateFile), "tasks.json"),
      log
    });
  }
  if (!options.githubToken) throw new Error("tasks: github needs github-token");
  if (!options.run.repository)
    throw new Error("tasks: github needs GITHUB_REPOSITORY (owner/name)");
  const [{ GitHubTaskSink }, { createOctokit }] = await Promise.all([
    import("./github-J36TMNY4.js"),
    import("./octokit-OSDEL3E3.js")
  ]);
  const settings = {
    token: options.githubToken,
    log,
    ...options.run.apiUrl ? { apiUrl: options.run.apiUrl } : {}
  };
  return new GitHubTaskSink(createOctokit(settings), options.run.repository, log);
}
async function runTasks(input, factory = createTaskSink) {
  const { portfolio, options, log } = input;
  const desired = desiredTasks(input.sources, {
    entityName: (id) => entityName(portfolio, id),
    owner: (persona) => {
      const owner = portfolio.settings.owners[persona];
      return {
        name: ownerName(portfolio, persona),
        ...owner?.github ? { github: owner.github } : {}
      };
    }
  });
  const leftOut = leftOutTasks(input.sources);
  if (leftOut.size > 0)
    log.info(
      `tasks: ${leftOut.size} action item${leftOut.size === 1 ? "" : "s"} left out by the reports' tasks: settings (an open task for one is left as it is)`
    );
  const why = options.tasks === "none" ? "tasks: none" : options.mode !== "send" ? options.mode : options.testRecipient ? "a test send" : void 0;
  if (why) {
    log.info(
      `tasks: ${desired.length} would be opened or kept up to date (${why}: nothing is called)`
    );
    return desired.map((task) => ({
      fingerprint: task.fingerprint,
      title: task.title,
      state: "planned",
      url: null
    }));
  }
  let sink;
  try {
    sink = await factory(input);
  } catch (error) {
    log.error(`tasks: ${error.message}`);
    return desired.map((task) => ({
      fingerprint: task.fingerprint,
      title: task.title,
      state: "failed",
      url: null,
      error: error.message
    }));
  }
  log.info(`tasks: syncing ${desired.length} with ${sink.name}`);
  const link = runUrl(options.run);
  try {
    const results = await sink.sync({
      desired,
      scope: new Set(input.sources.map((s) => s.report)),
      leftOut,
      asOf: input.asOf,
      ...link ? { runLink: link } : {},
      currentFigures: input.currentFigures
    });
    const count2 = (state) => results.filter((r) => r.state === state).length;
    log.info(
      `tasks: ${count2("opened") + count2("reopened")} opened, ${count2("updated")} updated, ${count2("closed")} closed, ${count2("unchanged")} unchanged, ${count2("failed")} failed`
    );
    return results;
  } catch (error) {
    const reason = error.message;
    log.error(`tasks: ${reason}`);
    return desired.map((task) => ({
      fingerprint: task.fingerprint,
      title: task.title,
      state: "failed",
      url: null,
      error: reason
    }));
  }
}

// src/pipeline.ts
async function validatePortfolio(configDir, check = {}) {
  const validated = await checkPortfolio(configDir, check);
  if (!("errors" in validated)) await loadSanitizerFor(validated.portfolio.templates.values());
  return validated;
}
async function runPipeline(options, log, dependencies = {}) {
  if (options.mode === "validate") return validateRun(options, log);
  return withHeapGrowth(() => runStages(options, log, dependencies));
}
async function runStages(options, log, dependencies) {
  const stage = await loadAndRender(options, log, dependencies);
  if ("exitCode" in stage) return stage;
  const { portfolio, asOf, rendered: renderedOnly, charts, metrics } = stage;
  const sending = options.mode === "send";
  const drawn = await withHeapGrowth(async () => {
    collectGarbage();
    return publishRendered(
      renderedOnly,
      charts,
      { out: options.out, currency: portfolio.settings.currency },
      log
    );
  }, CHART_STEP_HEAP_GROWING_PERCENT);
  if (drawn.errors.length > 0) {
    for (const message of drawn.errors) log.error(`render failed: ${message}`);
    log.error("nothing was sent: every report must render first");
    return { exitCode: 2, renderErrors: drawn.errors };
  }
  const { rendered } = drawn;
  log.info(`analysed and rendered ${count(rendered.length, "report")} as of ${asOf}`);
  const planSettings = {
    from: portfolio.settings.sender,
    ...portfolio.settings.reply_to ? { replyTo: portfolio.settings.reply_to } : {},
    defaultBcc: portfolio.settings.bcc,
    ...options.testRecipient ? { testRecipient: options.testRecipient } : {}
  };
  const planned = rendered.map(
    ({ report, subject, period, charts: charts2, attachments }) => ({
      id: report.id,
      charts: charts2,
      ...attachments ? { attachments } : {},
      persona: report.persona,
      period,
      subject,
      // Its parts as written to OUT/reports: read when its message is composed, not held.
      files: reportBodyFiles(options.out, report.id),
      format: report.format,
      recipients: report.recipients
    })
  );
  let deliveries = [];
  if (sending) {
    const plan = buildSendPlan(
      planned.filter((_, index) => rendered[index].send.send),
      planSettings
    );
    deliveries = (await runDelivery(plan, options, portfolio, log, dependencies.createTransport)).results;
  } else {
    log.info(`${options.mode}: nothing is sent`);
  }
  const reportSummaries = rendered.map((entry, index) => {
    const { report } = entry;
    const own = deliveries.filter((d) => d.report === report.id);
    const status = !sending ? "rendered" : !entry.send.send ? "not-sent" : own.some((d) => d.status === "failed") ? "failed" : own.every((d) => d.status === "skipped") ? "skipped" : "sent";
    const errors = own.filter((d) => d.error).map((d) => `${d.key}: ${d.error}`);
    return {
      id: report.id,
      persona: report.persona,
      reader: report.reader ?? portfolio.personas.get(report.persona).title,
      subject: entry.subject,
      period: entry.period,
      recipients: effectiveRecipients(planned[index], planSettings),
      status,
      message_ids: own.flatMap((d) => d.messageId ? [d.messageId] : []),
      error: errors.length ? errors.join("; ") : null,
      send_reason: entry.send.reason,
      size: entry.size,
      findings: entry.findings,
      actions: entry.actions,
      counts: entry.counts,
      files: {
        md: `reports/${report.id}.md`,
        html: `reports/${report.id}.html`,
        txt: `reports/${report.id}.txt`,
        json: `reports/${report.id}.json`,
        ...entry.attachments ? { attachments: entry.attachments.map((a) => `reports/${a.fileName}`) } : {}
      }
    };
  });
  const withStatus = (status) => reportSummaries.filter((r) => r.status === status).length;
  const tasks = await runTasks(
    {
      sources: rendered.filter(({ report }) => report.tasks).map(({ report, period, findings, actions }) => ({
        report: report.id,
        persona: report.persona,
        period,
        findings,
        actions,
        selection: report.tasks
      })),
      portfolio,
      options,
      asOf,
      currentFigures: (entity) => entity && metrics[entity] ? {
        ...metrics[entity],
        months: metrics[entity].months.join(", "),
        missing_months: metrics[entity].missing_months.join(", ")
      } : {},
      log
    },
    dependencies.createTaskSink
  );
  const summary = {
    run: runHeader(options, asOf, portfolio.settings, sending ? options.transport : null),
    counts: {
      sent: withStatus("sent"),
      skipped: withStatus("skipped"),
      failed: withStatus("failed"),
      rendered: withStatus("rendered"),
      not_sent: withStatus("not-sent")
    },
    metrics: Object.fromEntries(
      portfolio.entities.map((e) => [e.id, { name: e.name, ...metrics[e.id] }])
    ),
    reports: reportSummaries,
    tasks
  };
  const markdown = summaryMarkdown(summary, portfolio.settings.currency);
  await writeJsonFile(path2.join(options.out, "summary.json"), summary);
  await writeFile(path2.join(options.out, "summary.md"), markdown);
  await writeFile(path2.join(options.out, "index.html"), galleryHtml(summary));
  log.info(
    `wrote ${count(rendered.length, "report")}, summary.json, summary.md and index.html to ${options.out}`
  );
  let previewBase;
  if (options.mode === "preview") {
    previewBase = await runBase(options, asOf);
    await writeFile(
      path2.join(options.out, "preview.md"),
      previewMarkdown(summary, previewBase, portfolio.settings.currency)
    );
    log.info(`wrote the pull-request preview to ${path2.join(options.out, "preview.md")}`);
  }
  const failedTasks = tasks.filter((t) => t.state === "failed").length;
  return {
    // A message delivered but not recorded in the ledger is a failure too: a re-run would repeat it.
    exitCode: summary.counts.failed > 0 || failedTasks > 0 || deliveries.some((d) => d.error) ? 1 : 0,
    summary,
    summaryMarkdown: markdown,
    ...previewBase ? { previewBase } : {}
  };
}
async function loadAndRender(options, log, dependencies) {
  const validated = await validatePortfolio(options.config, { asOf: options.asOf });
  if ("errors" in validated) return logConfigProblems(validated.errors, log);
  const { portfolio, engine } = validated;
  log.info(loadedLine(portfolio, options.config));
  if (options.mode === "alerts") {
    const { runAlerts } = await import("./run-RQV7BQMN.js");
    return runAlerts(portfolio, options, log, dependencies.createTransport);
  }
  const reports = selectReports(portfolio, options.reports, dependencies.skipUnknownReports);
  const asOf = options.asOf ?? todayIn(portfolio.settings.timezone);
  const { rendered, charts, errors, metrics } = await analyseAndRender(
    portfolio,
    asOf,
    engine,
    reports,
    { config: options.config, out: options.out, log }
  );
  if (errors.length > 0) {
    for (const message of errors) log.error(`render failed: ${message}`);
    log.error("nothing was sent: every report must render first");
    return { exitCode: 2, renderErrors: errors };
  }
  return { portfolio: withoutBooks(portfolio), asOf, rendered, charts, metrics };
}
function withoutBooks(portfolio) {
  return {
    ...portfolio,
    // From a copy of each entity: books released by the Analyzer (src/analysis/book-release.ts)
    // throw when read, and a copy leaves them out.
    entities: portfolio.entities.map((entity) => ({ ...entity })).map(({ tables: _tables, journal: _journal, ...entity }) => ({ ...entity, tables: {} }))
  };
}
function collectGarbage() {
  compacting(garbageCollector());
}
async function analyseAndRender(portfolio, asOf, engine, reports, files) {
  const analyzer = new Analyzer(portfolio, asOf);
  const stage = await renderReports(analyzer, engine, reports, { ...files, publish: false });
  return { ...stage, metrics: stage.errors.length > 0 ? {} : analyzer.metrics() };
}
function reportBodyFiles(out, id) {
  const base = path2.join(out, "reports", id);
  return { text: `${base}.txt`, html: `${base}.html` };
}
async function publishRendered(staged, charts, { out, currency }, log) {
  const staging = path2.join(out, STAGING);
  try {
    const attached = staged.some((entry) => entry.report.attachments?.length) ? await (await import("./report-attachments-X3KVD3G7.js")).attachReportFiles(staged, { staging, out, currency }) : { rendered: [...staged], errors: [] };
    if (attached.errors.length > 0) return attached;
    const { rendered } = attached;
    const clashes = attachmentClashes(rendered);
    if (clashes.length > 0) return { rendered, errors: clashes };
    const drawn = charts.size > 0 ? await drawCharts(rendered, charts, staging, log) : { rendered, errors: [] };
    if (drawn.errors.length === 0) replaceOutputs(out, staging);
    return drawn;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
function attachmentClashes(rendered) {
  const writer = /* @__PURE__ */ new Map();
  const clashes = [];
  for (const { report, attachments = [] } of rendered)
    for (const { fileName } of attachments) {
      const other = writer.get(fileName);
      if (other && other !== report.id)
        clashes.push(
          `${report.id}: ${fileName} is also an attachment of report ${other}: rename one of the two reports`
        );
      writer.set(fileName, report.id);
    }
  return clashes;
}
async function drawCharts(rendered, charts, reports, log) {
  const { ChartCache, writeChartFiles } = await import("./files-YN3BCN75.js");
  const cache = new ChartCache();
  const started = performance.now();
  const files = await writeChartFiles(charts, path2.join(reports, CHARTS_FOLDER), cache);
  const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
  log.info(
    `drew ${count(cache.draws, "chart")} (${bytes} bytes of PNG) in ${Math.round(performance.now() - started)} ms`
  );
  const bytesOf = new Map(files.map((f) => [f.key, f.bytes]));
  const errors = [];
  const measured = rendered.map((entry) => {
    if (entry.report.format !== "html" || entry.charts.length === 0) return entry;
    try {
      const images = entry.charts.map(({ key }) => ({
        name: chartPath(key),
        bytes: bytesOf.get(key)
      }));
      return { ...entry, size: withInlineImages(entry.size, images) };
    } catch (error) {
      errors.push(`${entry.report.id}: ${error.message}`);
      return entry;
    }
  });
  return { rendered: measured, errors };
}
async function renderReports(analyzer, engine, reports, {
  config,
  out,
  log,
  publish = true
}) {
  const staging = path2.join(out, STAGING);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  let staged = false;
  try {
    const files = { into: staging, out, log };
    const workers = renderWorkerCount(reports.length);
    if (workers === 0) {
      analyzer.releaseBooksAfterComputing(reports);
      collectGarbage();
    }
    const { rendered, charts, errors } = workers > 0 ? await renderReportsInWorkers(
      { config, asOf: analyzer.asOf, reports },
      { ...files, workers }
    ) : finishingThreadWanted(reports.length) ? await renderOnTwoThreads(analyzer, engine, reports, files) : renderReportsInProcess(analyzer, engine, reports, files);
    if (errors.length > 0) return { rendered: [], charts: /* @__PURE__ */ new Map(), errors };
    if (publish) replaceOutputs(out, staging);
    else staged = true;
    return { rendered, charts, errors };
  } finally {
    if (!staged) rmSync(staging, { recursive: true, force: true });
  }
}
async function renderOnTwoThreads(analyzer, engine, reports, files) {
  files.log.info(
    `rendering ${count(reports.length, "report")}, their HTML and text on a second thread`
  );
  const finishing = await openFinishingThread(analyzer.portfolio.templates.values());
  try {
    return await renderReportsFinishingElsewhere(
      analyzer,
      engine,
      reports,
      files,
      finishing,
      FINISHING_IN_FLIGHT
    );
  } finally {
    await finishing.close();
  }
}
function replaceOutputs(out, staging) {
  const reports = path2.join(out, "reports");
  const previous = path2.join(out, PREVIOUS);
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(reports)) renameSync(reports, previous);
  try {
    renameSync(staging, reports);
  } catch (error) {
    if (existsSync(previous)) renameSync(previous, reports);
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
  for (const name of RUN_OUTPUTS)
    if (name !== "reports") rmSync(path2.join(out, name), { recursive: true, force: true });
}
function selectReports(portfolio, ids, skipUnknown = false) {
  if (ids === null) return portfolio.reports;
  const known = new Map(portfolio.reports.map((r) => [r.id, r]));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0 && !skipUnknown)
    throw new ArgumentError(
      `reports: unknown report ${unknown.map((id) => `"${id}"`).join(", ")} (known: ${[...known.keys()].join(", ")})`
    );
  return ids.flatMap((id) => known.get(id) ?? []);
}
async function runBase(options, asOf) {
  if (!options.baseConfig) return { kind: "none" };
  const scratch = await mkdtemp(path2.join(tmpdir(), "boardroom-base-"));
  try {
    const base = await runPipeline(
      {
        ...options,
        baseConfig: void 0,
        config: options.baseConfig,
        out: scratch,
        mode: "dry-run",
        asOf,
        tasks: "none"
      },
      memoryLogger(),
      { skipUnknownReports: true }
    );
    if (base.configErrors) return { kind: "invalid", errors: base.configErrors.length };
    if (base.summary) return { kind: "ok", summary: base.summary };
    return {
      kind: "failed",
      reasons: base.renderErrors ?? ["the base run ended without a summary"]
    };
  } catch (error) {
    return { kind: "failed", reasons: [error.message] };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
var RUN_OUTPUTS = ["reports", "outbox", "summary.json", "summary.md", "index.html", "preview.md"];
var STAGING = ".reports-rendering";
var PREVIOUS = ".reports-previous";

export {
  validatePortfolio,
  runPipeline,
  withoutBooks,
  collectGarbage,
  renderReports
};

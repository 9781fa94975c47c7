import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  formatMoney,
  formatRunway
} from "./chunk-3ROLQ3DZ.js";

// src/config/errors.ts
import path from "node:path";
function describeConfigError(error) {
  return error.column === void 0 && error.field ? `${error.field}: ${error.message}` : error.message;
}
function formatConfigError(error) {
  const place = error.column !== void 0 ? `${error.file}:${error.line}:${error.column}` : `${error.file}:${error.line}`;
  return `${place}: ${describeConfigError(error)}`;
}
var ConfigInvalidError = class extends Error {
  constructor(errors) {
    super(
      `reports-config has ${errors.length} problem${errors.length === 1 ? "" : "s"}:
` + errors.map(formatConfigError).join("\n")
    );
    this.errors = errors;
    this.name = "ConfigInvalidError";
  }
  errors;
};
function displayPath(file) {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}
function sortConfigErrors(errors) {
  return errors.sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0)
  );
}

// src/render/html.ts
function escapeHtml(text) {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]
  );
}
function emailShell(options) {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
</head>
<body style="margin:0;padding:0;background:#f4f6f8;">
<div style="display:none;max-height:0;overflow:hidden;">${escapeHtml(options.preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f6f8;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:720px;background:#ffffff;border:1px solid #d8dee9;border-radius:6px;">
<tr><td style="padding:24px 28px;font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;font-size:14px;color:#1f2933;">
${options.body}
</td></tr>
<tr><td style="padding:14px 28px;border-top:1px solid #d8dee9;font-family:Helvetica,Arial,sans-serif;font-size:12px;color:#6b7280;">
${escapeHtml(options.footer)}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}

// src/summary/markdown.ts
var JOB_SUMMARY_LIMIT = 1e6;
function cell(text) {
  return escapeHtml(String(text ?? "")).replace(/\|/g, "&#124;").replace(/[\r\n]+/g, " ");
}
function summaryMarkdown(summary, currency) {
  const { run, counts } = summary;
  const lines = [
    `# boardroom: ${cell(run.portfolio)}`,
    "",
    `**${run.mode}** as of ${run.as_of} (${cell(run.event)}${run.transport ? `, ${run.transport} transport` : ""}): ${counts.sent} sent, ${counts.skipped} skipped, ${counts.failed} failed, ${counts.rendered} rendered only.`,
    "",
    "## Reports",
    "",
    "| report | reader | recipients | status | message ids |",
    "| --- | --- | --- | --- | --- |",
    ...summary.reports.map(
      (r) => `| ${cell(r.id)} | ${cell(r.reader)} | ${cell([...r.recipients.to, ...r.recipients.cc].join(", "))}${r.recipients.bcc.length ? ` (+${r.recipients.bcc.length} bcc)` : ""} | ${r.status}${r.error ? `: ${cell(r.error)}` : ""} | ${cell(r.message_ids.join(", "))} |`
    ),
    ""
  ];
  if (summary.tasks.length > 0) {
    lines.push("## Tasks", "", "| task | state | link |", "| --- | --- | --- |");
    lines.push(
      ...summary.tasks.map(
        (t) => `| ${cell(t.title)} | ${t.state} | ${t.url ? cell(t.url) : ""} |`
      ),
      ""
    );
  }
  const critical = uniqueBy(
    summary.reports.flatMap((r) => r.findings.filter((f) => f.severity === "critical")),
    (f) => f.id
  );
  lines.push("## Critical findings", "");
  lines.push(...critical.length ? critical.map((f) => `- ${cell(f.title)}`) : ["None."], "");
  lines.push(
    "## Cash and runway",
    "",
    "| entity | cash | net burn / month | runway |",
    "| --- | ---: | ---: | --- |"
  );
  lines.push(
    ...Object.values(summary.metrics).map(
      (m) => `| ${cell(m.name)} | ${formatMoney(m.cash_on_hand, currency)} | ${formatMoney(m.net_burn_monthly, currency)} | ${formatRunway(m.runway_months, m.burning)} |`
    ),
    ""
  );
  const text = lines.join("\n");
  if (text.length <= JOB_SUMMARY_LIMIT) return text;
  return `${text.slice(0, JOB_SUMMARY_LIMIT - 200)}

_The summary was cut at GitHub's size limit; summary.json in the artifact has all of it._
`;
}
function uniqueBy(items, key) {
  const seen = /* @__PURE__ */ new Set();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)));
}

// src/preview/compare.ts
var PREVIEW_MARKER = "<!-- boardroom-preview -->";
var FIGURES = [
  { key: "revenue_monthly", label: "revenue / month" },
  { key: "gross_burn_monthly", label: "gross burn / month" },
  { key: "net_burn_monthly", label: "net burn / month" },
  { key: "runway_months", label: "runway" },
  { key: "break_even_revenue_monthly", label: "break-even / month" }
];
function previewMarkdown(head, base, currency, links = {}) {
  const lines = [PREVIEW_MARKER, "## boardroom preview", ""];
  lines.push(
    `The portfolio is valid: ${head.reports.length} reports render as of ${head.run.as_of}. Nothing was sent and no task was touched.`,
    ""
  );
  if (base.kind === "none")
    lines.push("_No base portfolio to compare with (the base-config input is not set)._", "");
  else if (base.kind === "invalid")
    lines.push(
      `_The base branch's portfolio does not validate (${base.errors} problems), so there is nothing to compare with._`,
      ""
    );
  else lines.push(...comparison(base.summary, head, currency));
  lines.push(...footer(links));
  return lines.join("\n");
}
function invalidPreviewMarkdown(errors, links = {}) {
  const shown = errors.slice(0, 50);
  return [
    PREVIEW_MARKER,
    "## boardroom preview",
    "",
    `The portfolio does not validate: ${errors.length} problem${errors.length === 1 ? "" : "s"}, each annotated on its file and line. Nothing was rendered or sent.`,
    "",
    ...shown.map((error) => `- \`${formatConfigError(error).replace(/`/g, "'")}\``),
    ...errors.length > shown.length ? [`- \u2026 and ${errors.length - shown.length} more`] : [],
    "",
    ...footer(links)
  ].join("\n");
}
function footer(links) {
  const parts = [
    links.artifact ? `[rendered reports (artifact)](${links.artifact})` : "",
    links.run ? `[run](${links.run})` : ""
  ].filter(Boolean);
  return parts.length ? [parts.join(" \xB7 "), ""] : [];
}
function comparison(base, head, currency) {
  const lines = [];
  const before = new Map(base.reports.map((r) => [r.id, r]));
  const after = new Map(head.reports.map((r) => [r.id, r]));
  const reportRows = [];
  for (const [id, report] of after) {
    const old = before.get(id);
    if (!old) {
      reportRows.push(
        `| ${cell(id)} | added: \u201C${cell(report.subject)}\u201D to ${cell(addresses(report).join(", "))} |`
      );
      continue;
    }
    const changes = reportChanges(old, report);
    if (changes.length) reportRows.push(`| ${cell(id)} | ${changes.join("; ")} |`);
  }
  for (const id of before.keys()) if (!after.has(id)) reportRows.push(`| ${cell(id)} | removed |`);
  lines.push("### Reports", "");
  lines.push(
    ...reportRows.length ? ["| report | what changes |", "| --- | --- |", ...reportRows] : ["No report changes its subject, recipients or findings."],
    ""
  );
  const figureRows = [];
  for (const [entity, now] of Object.entries(head.metrics)) {
    const was = base.metrics[entity];
    for (const { key, label } of FIGURES) {
      const format = (m) => m === void 0 ? "absent" : key === "runway_months" ? formatRunway(m.runway_months, m.burning) : formatMoney(m[key], currency);
      const [a, b] = [format(was), format(now)];
      if (a !== b) figureRows.push(`| ${cell(now.name)} | ${label} | ${a} | ${b} |`);
    }
  }
  lines.push("### Figures", "");
  lines.push(
    ...figureRows.length ? [
      "| entity | figure | base | this pull request |",
      "| --- | --- | ---: | ---: |",
      ...figureRows
    ] : ["No figure changes."],
    ""
  );
  return lines;
}
function reportChanges(old, now) {
  const changes = [];
  if (old.subject !== now.subject)
    changes.push(`subject \u201C${cell(old.subject)}\u201D \u2192 \u201C${cell(now.subject)}\u201D`);
  const [was, is] = [new Set(addresses(old)), new Set(addresses(now))];
  const added = [...is].filter((a) => !was.has(a));
  const removed = [...was].filter((a) => !is.has(a));
  if (added.length) changes.push(`recipients +${cell(added.join(", +"))}`);
  if (removed.length) changes.push(`recipients \u2212${cell(removed.join(", \u2212"))}`);
  const oldFindings = new Map(old.findings.map((f) => [f.id, f]));
  const newFindings = new Map(now.findings.map((f) => [f.id, f]));
  const raised = [...newFindings.values()].filter((f) => !oldFindings.has(f.id));
  const gone = [...oldFindings.values()].filter((f) => !newFindings.has(f.id));
  if (raised.length)
    changes.push(
      `new findings: ${raised.map((f) => `${f.severity === "critical" ? "**critical** " : ""}${cell(f.title)}`).join("<br>")}`
    );
  if (gone.length) changes.push(`resolved: ${gone.map((f) => cell(f.title)).join("<br>")}`);
  return changes;
}
function addresses(report) {
  const { to, cc, bcc } = report.recipients;
  return [...to.map((a) => `to:${a}`), ...cc.map((a) => `cc:${a}`), ...bcc.map((a) => `bcc:${a}`)];
}

export {
  describeConfigError,
  formatConfigError,
  ConfigInvalidError,
  displayPath,
  sortConfigErrors,
  escapeHtml,
  emailShell,
  JOB_SUMMARY_LIMIT,
  summaryMarkdown,
  PREVIEW_MARKER,
  previewMarkdown,
  invalidPreviewMarkdown
};

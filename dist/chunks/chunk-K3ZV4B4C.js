import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  cell
} from "./chunk-GTJPQZEF.js";
import {
  count
} from "./chunk-TNR3CQU3.js";
import {
  formatConfigError
} from "./chunk-ZKT6PWU6.js";
import {
  formatMoney,
  formatRunway
} from "./chunk-GGC72TJI.js";

// src/preview/compare.ts
var PREVIEW_MARKER = "<!-- boardroom-preview -->";
var PREVIEW_FOOTER_MARKER = "<!-- boardroom-preview-footer -->";
function previewContent(markdown) {
  const footer2 = markdown.indexOf(PREVIEW_FOOTER_MARKER);
  return (footer2 < 0 ? markdown : markdown.slice(0, footer2)).trimEnd();
}
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
    `The portfolio is valid: ${count(head.reports.length, "report")} ${head.reports.length === 1 ? "renders" : "render"} as of ${head.run.as_of}. Nothing was sent and no task was touched.`,
    ""
  );
  if (base.kind === "none")
    lines.push("_No base portfolio to compare with (the base-config input is not set)._", "");
  else if (base.kind === "invalid")
    lines.push(
      `_The base branch's portfolio does not validate (${base.errors} problems), so there is nothing to compare with._`,
      ""
    );
  else if (base.kind === "failed")
    lines.push(
      `_The base branch's portfolio could not be run, so there is nothing to compare with:_`,
      "",
      ...base.reasons.slice(0, 20).map((reason) => `- \`${reason.replace(/`/g, "'")}\``),
      ...base.reasons.length > 20 ? [`- \u2026 and ${base.reasons.length - 20} more`] : [],
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
  return parts.length ? [PREVIEW_FOOTER_MARKER, parts.join(" \xB7 "), ""] : [];
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
      const format = (m) => m === void 0 ? "absent" : key === "runway_months" ? formatRunway(m.runway_months, m.burning, m.cash_on_hand) : formatMoney(m[key], currency);
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
  PREVIEW_MARKER,
  PREVIEW_FOOTER_MARKER,
  previewContent,
  previewMarkdown,
  invalidPreviewMarkdown
};

import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  escapeMarkdown
} from "./chunk-6WH5L3UC.js";
import {
  formatMoney,
  formatRunway
} from "./chunk-GGC72TJI.js";

// src/github/references.ts
var ZERO_WIDTH_SPACE = "\u200B";
function withoutGithubReferences(text) {
  if (!/[@#-]/.test(text)) return text;
  return text.replace(/(^|[^\p{L}\p{N}_])@(?=[\p{L}\p{N}_])/gu, `$1@${ZERO_WIDTH_SPACE}`).replace(/(^|[^&])#(?=\d)/g, `$1#${ZERO_WIDTH_SPACE}`).replace(/\bGH-(?=\d)/gi, (prefix) => `${prefix}${ZERO_WIDTH_SPACE}`);
}

// src/summary/markdown.ts
var JOB_SUMMARY_LIMIT = 1e6;
function cell(text) {
  return withoutGithubReferences(escapeMarkdown(String(text ?? "")));
}
function summaryMarkdown(summary, currency) {
  const { run, counts } = summary;
  const lines = [
    `# boardroom: ${cell(run.portfolio)}`,
    "",
    `**${run.mode}** as of ${run.as_of} (${cell(run.event)}${run.transport ? `, ${run.transport} transport` : ""}): ${counts.sent} sent, ${counts.skipped} skipped, ${counts.failed} failed, ${counts.rendered} rendered only${counts.not_sent ? `, ${counts.not_sent} not sent (their \`send:\` condition was not met)` : ""}.`,
    "",
    "## Reports",
    "",
    "| report | reader | recipients | status | message ids |",
    "| --- | --- | --- | --- | --- |",
    ...summary.reports.map(
      (r) => `| ${cell(r.id)} | ${cell(r.reader)} | ${cell([...r.recipients.to, ...r.recipients.cc].join(", "))}${r.recipients.bcc.length ? ` (+${r.recipients.bcc.length} bcc)` : ""} | ${r.status}${r.error ? `: ${cell(r.error)}` : ""}${r.send_reason ? ` (${cell(r.send_reason)})` : ""} | ${cell(r.message_ids.join(", "))} |`
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
      (m) => `| ${cell(m.name)} | ${formatMoney(m.cash_on_hand, currency)} | ${formatMoney(m.net_burn_monthly, currency)} | ${formatRunway(m.runway_months, m.burning, m.cash_on_hand)} |`
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

export {
  JOB_SUMMARY_LIMIT,
  cell,
  summaryMarkdown
};

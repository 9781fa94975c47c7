import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/analysis/dates.ts
var DAY_MS = 864e5;
function toUtc(date) {
  return Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10))
  );
}
function addDays(date, days) {
  return new Date(toUtc(date) + days * DAY_MS).toISOString().slice(0, 10);
}
function daysBetween(from, to) {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}
function monthOf(date) {
  return date.slice(0, 7);
}
function addMonths(month, count) {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  return `${Math.floor(index / 12)}-${String(index % 12 + 1).padStart(2, "0")}`;
}
function trailingMonths(asOf, count = 3) {
  const current = monthOf(asOf);
  return Array.from({ length: count }, (_, i) => addMonths(current, i - count));
}
var MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December"
];
function monthName(month) {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}
function todayIn(timeZone, now = /* @__PURE__ */ new Date()) {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit"
  }).format(now);
}
function periodOf(cadence, asOf) {
  if (cadence === "monthly") return monthOf(asOf);
  const date = new Date(toUtc(asOf));
  const weekday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - weekday + 3);
  const year = date.getUTCFullYear();
  const week = Math.floor((date.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

// src/render/format.ts
var NO_DATA = "no data";
var formatters = /* @__PURE__ */ new Map();
function formatter(key, options) {
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.NumberFormat("en-US", options);
    formatters.set(key, made);
  }
  return made;
}
function formatMoney(value, currency) {
  if (typeof value !== "number" || !Number.isFinite(value)) return NO_DATA;
  return formatter(`money:${currency}`, {
    style: "currency",
    currency,
    maximumFractionDigits: 0
  }).format(value);
}
function formatPercent(value, digits = 1) {
  if (typeof value !== "number" || !Number.isFinite(value)) return NO_DATA;
  return `${(value * 100).toFixed(digits)}%`;
}
function formatNumber(value, digits = 0) {
  if (typeof value !== "number" || !Number.isFinite(value)) return NO_DATA;
  const whole = Math.floor(digits);
  return formatter(`number:${whole}`, {
    minimumFractionDigits: whole,
    maximumFractionDigits: whole
  }).format(value);
}
function formatRunway(months, burning) {
  if (burning === false) return "not burning";
  if (typeof months !== "number") return NO_DATA;
  return `${months.toFixed(1)} months`;
}
function formatDate(value) {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return NO_DATA;
  const [year, month, day] = value.split("-").map(Number);
  return `${day} ${MONTH_NAMES[month - 1].slice(0, 3)} ${year}`;
}
function formatSeverity(value) {
  return value === "critical" ? "CRITICAL" : value === "warning" ? "Warning" : "Info";
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

export {
  addDays,
  daysBetween,
  monthOf,
  addMonths,
  trailingMonths,
  monthName,
  todayIn,
  periodOf,
  formatMoney,
  formatPercent,
  formatNumber,
  formatRunway,
  formatDate,
  formatSeverity,
  escapeHtml,
  emailShell,
  JOB_SUMMARY_LIMIT,
  cell,
  summaryMarkdown
};

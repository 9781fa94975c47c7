import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  runDelivery,
  runHeader,
  writeJsonFile
} from "./chunk-73KRHTLC.js";
import "./chunk-I7RP3H6T.js";
import {
  cell
} from "./chunk-GTJPQZEF.js";
import "./chunk-GZFGD7DJ.js";
import {
  buildSendPlan
} from "./chunk-V4CVLK5W.js";
import "./chunk-4SV3DADC.js";
import {
  alertRecipients
} from "./chunk-KE66YUS3.js";
import {
  Analyzer
} from "./chunk-GD5NV4LV.js";
import "./chunk-IRJFJL4L.js";
import {
  count
} from "./chunk-TNR3CQU3.js";
import "./chunk-ZKT6PWU6.js";
import "./chunk-F4NAEFNZ.js";
import {
  sectionIds
} from "./chunk-XU4MFCUY.js";
import "./chunk-SC7SHDLN.js";
import "./chunk-7ADVH35N.js";
import "./chunk-6WH5L3UC.js";
import {
  addDays,
  escapeHtml,
  formatMoney,
  formatRunway,
  shownMoney,
  todayIn
} from "./chunk-GGC72TJI.js";
import "./chunk-MFOCRCT4.js";
import "./chunk-OXRXBV5P.js";

// src/alerts/run.ts
import { mkdir as mkdir2, rm, writeFile as writeFile2 } from "node:fs/promises";
import path2 from "node:path";

// src/alerts/evaluate.ts
function evaluateAlerts(input) {
  return input.alerts.flatMap((alert) => evaluateAlert(alert, input));
}
function evaluateAlert(alert, input) {
  const { now } = input;
  const currency = now.portfolio.settings.currency;
  const money = (value) => formatMoney(value, currency);
  const entities = entitiesOf(alert, now);
  const condition = (entity, subject, headline, facts) => ({
    key: [alert.id, ...subject === null ? [entity?.id ?? "portfolio"] : [subject]].join("/"),
    alert: alert.id,
    when: alert.when,
    entity: entity?.id ?? null,
    headline,
    facts: [...facts, ["As of", now.asOf]]
  });
  switch (alert.when) {
    case "runway_below":
      return entities.flatMap((entity) => {
        const f = now.finance(entity);
        const floor = alert.months;
        const under = f.no_cash || f.runway_months !== null && f.runway_months < floor;
        if (!under) return [];
        const runway = formatRunway(f.runway_months, f.burning, f.cash_on_hand);
        return [
          condition(
            entity,
            null,
            `${entity.name} runway ${runway}, under the ${floor}-month floor`,
            [
              ["Runway", runway],
              ["Cash on hand", cashFact(f.cash_on_hand, f.cash_source, f.cash_as_of, money)],
              [
                "Burn a month",
                f.runway_basis === "cash" ? `${money(f.cash_burn_monthly)} (cash burn)` : `${money(f.net_burn_monthly)} (net burn)`
              ]
            ]
          )
        ];
      });
    case "cash_below":
      return entities.flatMap((entity) => {
        const f = now.finance(entity);
        if (f.cash_on_hand === null || !(shownMoney(f.cash_on_hand) < alert.amount)) return [];
        return [
          condition(
            entity,
            null,
            `${entity.name} cash ${money(f.cash_on_hand)}, under ${money(alert.amount)}`,
            [
              ["Cash on hand", cashFact(f.cash_on_hand, f.cash_source, f.cash_as_of, money)],
              ["Floor", money(alert.amount)],
              ["Runway", formatRunway(f.runway_months, f.burning, f.cash_on_hand)]
            ]
          )
        ];
      });
    case "invoice_overdue":
      return entities.flatMap(
        (entity) => openInvoices(now, entity).filter((invoice) => invoice.days_past_due > alert.days).map(
          (invoice) => condition(
            entity,
            `${entity.id}/${invoice.invoice_id}`,
            `${entity.name} invoice ${invoice.invoice_id} to ${invoice.client} (${money(invoice.amount)}) is ${count(invoice.days_past_due, "day")} overdue, over ${alert.days}`,
            [
              ["Invoice", `${invoice.invoice_id} to ${invoice.client}`],
              ["Amount", money(invoice.amount)],
              ["Due", invoice.due],
              ["Days past due", String(invoice.days_past_due)]
            ]
          )
        )
      );
    case "new_critical": {
      const before = new Set(criticals(input.baseline, entities).map((f) => f.id));
      return criticals(now, entities).filter(
        (finding) => !before.has(finding.id) || input.firing.has(`${alert.id}/${finding.id}`)
      ).map(
        (finding) => condition(
          entities.find((e) => e.id === finding.entity) ?? null,
          finding.id,
          `new critical: ${finding.title}`,
          [
            ["Finding", finding.title],
            ["Section", finding.section],
            ["Critical since", `after ${input.baseline.asOf}`]
          ]
        )
      );
    }
  }
}
function entitiesOf(alert, analyzer) {
  if (alert.entities === "all") return analyzer.portfolio.entities;
  const wanted = new Set(alert.entities);
  return analyzer.portfolio.entities.filter((entity) => wanted.has(entity.id));
}
function cashFact(cash, source, asOf, money) {
  if (cash === null) return "no data";
  return `${money(cash)} (${source === "override" ? "entered by hand" : "from the books"}, as of ${asOf})`;
}
function openInvoices(analyzer, entity) {
  if (!entity.tables.invoices) return [];
  const data = analyzer.section("client_billing", [entity]).data;
  return data.portfolios.find((p) => p.id === entity.id)?.open_invoices ?? [];
}
function criticals(analyzer, entities) {
  const found = /* @__PURE__ */ new Map();
  for (const id of sectionIds)
    for (const finding of analyzer.section(id, entities).findings)
      if (finding.severity === "critical" && !found.has(finding.id)) found.set(finding.id, finding);
  return [...found.values()];
}

// src/alerts/message.ts
import { createHash } from "node:crypto";
var ALERT_SUBJECT_PREFIX = "[alert] ";
function alertMessage(condition, portfolio) {
  const subject = `${ALERT_SUBJECT_PREFIX}${condition.headline.replace(/\s*[\r\n]+\s*/g, " ")}`;
  const why = `Alert "${condition.alert}" (${condition.when}) of ${portfolio}. It is sent once when its condition becomes true, and again only after it has cleared and recurred.`;
  const width = Math.max(...condition.facts.map(([label]) => label.length));
  const text = [
    condition.headline,
    "",
    ...condition.facts.map(([label, value]) => `${`${label}:`.padEnd(width + 2)}${value}`),
    "",
    why,
    ""
  ].join("\n");
  const rows = condition.facts.map(
    ([label, value]) => `<tr><th align="left" style="padding:2px 12px 2px 0;font-weight:600;">${escapeHtml(label)}</th><td style="padding:2px 0;">${escapeHtml(value)}</td></tr>`
  ).join("\n");
  const html = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;font-size:14px;color:#1f2933;">
<p style="font-size:16px;font-weight:600;color:#b42318;">${escapeHtml(condition.headline)}</p>
<table role="presentation" cellpadding="0" cellspacing="0">
${rows}
</table>
<p style="font-size:12px;color:#6b7280;">${escapeHtml(why)}</p>
</body>
</html>
`;
  return { subject, text, html };
}
function alertMessageKey(key) {
  const slug = key.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80);
  const hash = createHash("sha256").update(key).digest("hex").slice(0, 8);
  return `alert-${slug}-${hash}`;
}

// src/alerts/state.ts
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
var EMPTY_ALERT_STATE = {
  version: 1,
  last_check: null,
  firing: {},
  occurrences: {}
};
function alertStatePath(stateFile) {
  return path.join(path.dirname(stateFile), "alerts.json");
}
async function readAlertState(file) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return EMPTY_ALERT_STATE;
    throw error;
  }
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not the alert state (${error.message}); fix or delete it`);
  }
  if (parsed.version !== 1 || typeof parsed.firing !== "object" || parsed.firing === null)
    throw new Error(`${file}: not a version-1 alert state; fix or delete it`);
  return {
    version: 1,
    last_check: parsed.last_check ?? null,
    firing: parsed.firing,
    occurrences: parsed.occurrences ?? {}
  };
}
async function writeAlertState(file, state) {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(state, null, 2) + "\n");
  await rename(temporary, file);
}

// src/alerts/summary.ts
function alertsMarkdown(summary) {
  const { alerts, run } = summary;
  const lines = [
    `## boardroom alerts: ${cell(run.portfolio)}, as of ${run.as_of}`,
    "",
    `${alerts.fired.length} fired, ${alerts.still_firing.length} still firing, ${alerts.cleared.length} cleared. New critical findings are those not critical on ${alerts.baseline}.`,
    ...alerts.test_recipient ? ["", `Sent to the test recipient only; the alert state was not changed.`] : [],
    "",
    "### Fired",
    ""
  ];
  if (alerts.fired.length === 0) lines.push("None.");
  else {
    lines.push("| alert | subject | to | status |", "|---|---|---|---|");
    for (const f of alerts.fired)
      lines.push(
        `| ${cell(f.key)} | ${cell(f.subject)} | ${cell(f.to.join(", "))} | ${f.status}${f.error ? `: ${cell(f.error)}` : ""} |`
      );
  }
  for (const [title, list] of [
    ["Still firing", alerts.still_firing],
    ["Cleared", alerts.cleared]
  ]) {
    lines.push("", `### ${title}`, "");
    if (list.length === 0) lines.push("None.");
    else {
      lines.push("| alert | since | subject when it fired |", "|---|---|---|");
      for (const a of list) lines.push(`| ${cell(a.key)} | ${a.since} | ${cell(a.subject)} |`);
    }
  }
  return lines.join("\n") + "\n";
}

// src/alerts/run.ts
async function runAlerts(portfolio, options, log, createTransport) {
  const asOf = options.asOf ?? todayIn(portfolio.settings.timezone);
  const stateFile = alertStatePath(options.stateFile);
  const state = await readAlertState(stateFile);
  const baselineDate = state.last_check !== null && state.last_check < asOf ? state.last_check : addDays(asOf, -1);
  const analyzer = new Analyzer(portfolio, asOf);
  const alerts = portfolio.settings.alerts ?? [];
  const conditions = evaluateAlerts({
    alerts,
    now: analyzer,
    baseline: analyzer.at(baselineDate),
    firing: new Set(Object.keys(state.firing))
  });
  const configured = new Set(alerts.map((a) => a.id));
  const holding = new Set(conditions.map((c) => c.key));
  const fresh = conditions.filter((c) => !(c.key in state.firing));
  const still = Object.entries(state.firing).filter(([key]) => holding.has(key)).map(([key, firing]) => ({ key, ...firing }));
  const cleared = Object.entries(state.firing).filter(([key, firing]) => configured.has(firing.alert) && !holding.has(key)).map(([key, firing]) => ({ key, ...firing }));
  const planned = fresh.map((condition) => {
    const alert = alerts.find((a) => a.id === condition.alert);
    const message = alertMessage(condition, portfolio.settings.name);
    const occurrence = (state.occurrences[condition.key] ?? 0) + 1;
    const report = {
      id: alertMessageKey(condition.key),
      persona: "alerts",
      // The ledger's period: one per occurrence, so a recurrence goes out and a re-run does not.
      period: `occurrence ${occurrence}`,
      subject: message.subject,
      text: message.text,
      html: message.html,
      format: "html",
      recipients: { to: alertRecipients(alert, portfolio), cc: [], bcc: [] }
    };
    return { condition, report, occurrence };
  });
  const plan = buildSendPlan(
    planned.map((p) => p.report),
    {
      from: portfolio.settings.sender,
      ...portfolio.settings.reply_to ? { replyTo: portfolio.settings.reply_to } : {},
      defaultBcc: [],
      ...options.testRecipient ? { testRecipient: options.testRecipient } : {}
    }
  );
  await rm(path2.join(options.out, "outbox"), { recursive: true, force: true });
  let deliveries = [];
  if (plan.length > 0)
    deliveries = (await runDelivery(plan, options, portfolio, log, createTransport)).results;
  const fired = planned.map(({ condition, report }) => {
    const own = deliveries.filter((d) => d.report === report.id);
    const failed = own.filter((d) => d.status === "failed" || d.error);
    return {
      key: condition.key,
      alert: condition.alert,
      when: condition.when,
      entity: condition.entity,
      subject: plan.find((m) => m.report === report.id)?.subject ?? report.subject,
      to: options.testRecipient ? [options.testRecipient] : report.recipients.to,
      status: failed.length > 0 || own.length === 0 ? "failed" : own.every((d) => d.status === "skipped") ? "skipped" : "sent",
      message_ids: own.flatMap((d) => d.messageId ? [d.messageId] : []),
      error: failed.length > 0 ? failed.map((d) => d.error ?? d.status).join("; ") : null
    };
  });
  for (const alert of fired)
    if (alert.status === "failed") log.error(`alert ${alert.key}: not delivered: ${alert.error}`);
    else log.info(`alert ${alert.key} fired: ${alert.subject}`);
  for (const alert of still) log.info(`alert ${alert.key} still firing since ${alert.since}`);
  for (const alert of cleared) log.info(`alert ${alert.key} cleared (firing since ${alert.since})`);
  if (!options.testRecipient) {
    const delivered = new Set(fired.filter((f) => f.status !== "failed").map((f) => f.key));
    const next = {
      version: 1,
      last_check: asOf,
      firing: Object.fromEntries([
        ...still.map(({ key, ...firing }) => [key, firing]),
        ...fired.filter((f) => delivered.has(f.key)).map(
          (f) => [
            f.key,
            {
              alert: f.alert,
              entity: f.entity,
              since: asOf,
              subject: f.subject,
              message_ids: f.message_ids
            }
          ]
        )
      ]),
      occurrences: {
        ...state.occurrences,
        ...Object.fromEntries(
          planned.filter((p) => delivered.has(p.condition.key)).map((p) => [p.condition.key, p.occurrence])
        )
      }
    };
    await writeAlertState(stateFile, next);
  }
  const summary = {
    run: runHeader(options, asOf, portfolio.settings, options.transport),
    counts: { sent: 0, skipped: 0, failed: 0, rendered: 0, not_sent: 0 },
    metrics: Object.fromEntries(
      Object.entries(analyzer.metrics()).map(([id, figures]) => [
        id,
        { name: portfolio.entities.find((e) => e.id === id).name, ...figures }
      ])
    ),
    reports: [],
    tasks: [],
    alerts: {
      state_file: stateFile,
      baseline: baselineDate,
      fired,
      still_firing: still,
      cleared,
      test_recipient: options.testRecipient ?? null
    }
  };
  const markdown = alertsMarkdown(summary);
  await mkdir2(options.out, { recursive: true });
  await writeJsonFile(path2.join(options.out, "summary.json"), summary);
  await writeFile2(path2.join(options.out, "summary.md"), markdown);
  log.info(
    `alerts as of ${asOf}: ${fired.length} fired, ${still.length} still firing, ${cleared.length} cleared (state: ${stateFile})`
  );
  return {
    exitCode: fired.some((f) => f.status === "failed") ? 1 : 0,
    summary,
    summaryMarkdown: markdown
  };
}
export {
  runAlerts
};

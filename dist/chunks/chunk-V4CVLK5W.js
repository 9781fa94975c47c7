import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  addressKey
} from "./chunk-SC7SHDLN.js";

// src/delivery/plan.ts
import { createHash } from "node:crypto";
var MAX_RECIPIENTS_PER_MESSAGE = 50;
function hasHtmlPart(message) {
  const { body } = message;
  return ("files" in body ? body.files.html : body.html) !== void 0;
}
function effectiveRecipients(report, settings) {
  if (settings.testRecipient) return { to: [settings.testRecipient], cc: [], bcc: [] };
  const listed = new Set([...report.recipients.to, ...report.recipients.cc].map(addressKey));
  const bcc = unique([...report.recipients.bcc, ...settings.defaultBcc]).filter(
    (address) => !listed.has(addressKey(address))
  );
  return { to: unique(report.recipients.to), cc: unique(report.recipients.cc), bcc };
}
function buildSendPlan(reports, settings) {
  return reports.flatMap((report) => {
    const parts = splitRecipients(effectiveRecipients(report, settings));
    const subject = settings.testRecipient ? `[TEST to ${settings.testRecipient}] ${report.subject}` : report.subject;
    return parts.map((recipients, index) => ({
      key: parts.length === 1 ? report.id : `${report.id}-${index + 1}`,
      report: report.id,
      persona: report.persona,
      period: report.period,
      part: index + 1,
      from: settings.from,
      ...settings.replyTo ? { replyTo: settings.replyTo } : {},
      recipients,
      ...settings.testRecipient ? { isTest: true } : {},
      recipientsHash: hashRecipients(recipients),
      subject,
      body: messageBody(report),
      ...report.attachments?.length ? { attachments: report.attachments } : {},
      ...report.format === "html" && report.charts?.length ? { inlineImages: report.charts } : {}
    }));
  });
}
function messageBody(report) {
  const html = report.format === "html";
  if ("files" in report)
    return { files: { text: report.files.text, ...html ? { html: report.files.html } : {} } };
  return { text: report.text, ...html ? { html: report.html } : {} };
}
function splitRecipients(recipients) {
  const all = [
    ...recipients.to.map((address) => ["to", address]),
    ...recipients.cc.map((address) => ["cc", address]),
    ...recipients.bcc.map((address) => ["bcc", address])
  ];
  const parts = [];
  for (let start = 0; start < all.length; start += MAX_RECIPIENTS_PER_MESSAGE) {
    const chunk = all.slice(start, start + MAX_RECIPIENTS_PER_MESSAGE);
    const of = (role) => chunk.filter(([r]) => r === role).map(([, address]) => address);
    parts.push({ to: of("to"), cc: of("cc"), bcc: of("bcc") });
  }
  return parts;
}
function recipientCount(recipients) {
  return recipients.to.length + recipients.cc.length + recipients.bcc.length;
}
function recipientKeys(recipients) {
  return [...recipients.to, ...recipients.cc, ...recipients.bcc].map(addressKey);
}
function hashRecipients(recipients) {
  return hashAddressKeys({
    to: recipients.to.map(addressKey),
    cc: recipients.cc.map(addressKey),
    bcc: recipients.bcc.map(addressKey)
  });
}
function hashAddressKeys(keys) {
  const canonical = ["to", "cc", "bcc"].map((role) => `${role}:${[...keys[role]].sort().join(",")}`).join(";");
  return createHash("sha256").update(canonical).digest("hex").slice(0, 16);
}
function withoutRecipients(message, reached) {
  const left = (list) => list.filter((a) => !reached.has(addressKey(a)));
  const recipients = {
    to: left(message.recipients.to),
    cc: left(message.recipients.cc),
    bcc: left(message.recipients.bcc)
  };
  if (recipientCount(recipients) === 0) return void 0;
  return { ...message, recipients, recipientsHash: hashRecipients(recipients) };
}
function unique(addresses) {
  const seen = /* @__PURE__ */ new Set();
  return addresses.filter((address) => {
    const key = addressKey(address);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
var plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
function sendDecision(condition, facts) {
  switch (condition ?? "always") {
    case "always":
      return { send: true, reason: null };
    case "when-changed": {
      const what = [
        facts.opened ? `${plural(facts.opened, "finding")} opened` : "",
        facts.resolved ? `${plural(facts.resolved, "finding")} resolved` : "",
        facts.moved ? `${plural(facts.moved, "headline figure")} moved past the threshold` : ""
      ].filter(Boolean);
      return what.length > 0 ? {
        send: true,
        reason: `send: when-changed: since ${facts.previousAsOf}, ${what.join(", ")}`
      } : {
        send: false,
        reason: `send: when-changed: nothing changed since ${facts.previousAsOf} (no finding opened or resolved, no headline figure moved past its threshold)`
      };
    }
    case "when-critical":
      return facts.critical > 0 ? {
        send: true,
        reason: `send: when-critical: the report shows ${plural(facts.critical, "critical finding")}`
      } : { send: false, reason: "send: when-critical: the report shows no critical finding" };
  }
}

export {
  hasHtmlPart,
  effectiveRecipients,
  buildSendPlan,
  recipientCount,
  recipientKeys,
  hashAddressKeys,
  withoutRecipients,
  sendDecision
};

// The send plan: which messages a run sends, to whom. Pure: the same reports give the same plan.
import { createHash } from 'node:crypto';
import { addressKey } from '../config/mailbox.js';
import type { ReportAttachment } from './attachments.js';

/** SES accepts at most 50 recipients (To + Cc + Bcc) in one message. */
export const MAX_RECIPIENTS_PER_MESSAGE = 50;

/** Mailboxes as the portfolio writes them (`Ops Desk <ops@example.com>`), by role. */
export interface Recipients {
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly bcc: readonly string[];
}

export interface OutgoingMessage {
  /** `<report>` or `<report>-<part>` when the recipients were split. */
  readonly key: string;
  readonly report: string;
  readonly persona: string;
  readonly period: string;
  readonly part: number;
  readonly from: string;
  readonly replyTo?: string;
  readonly recipients: Recipients;
  /** Sent to the test recipient: the ledger keeps it apart, so the real send still reaches them. */
  readonly isTest?: true;
  /**
   * The recipients as one hash: what ledgers written before per-recipient records keyed a
   * message by, still written so that such a version can read a newer ledger.
   */
  readonly recipientsHash: string;
  readonly subject: string;
  /** The text and HTML parts (no HTML part for a `format: text` report): see MessageBody. */
  readonly body: MessageBody;
  /**
   * The HTML part's charts as inline PNG parts: Content-ID `<key@boardroom>` (chartContentId),
   * bytes read from `file` by the transport when it sends. Absent or empty: none.
   */
  readonly inlineImages?: readonly ReportChart[];
  /** Files attached to the message (a report's CSV tables), read by the transport when it sends. */
  readonly attachments?: readonly ReportAttachment[];
}

/** A chart a report shows: its key (src/charts chartKey) and its drawn PNG file. */
export interface ReportChart {
  readonly key: string;
  readonly file: string;
}

/**
 * A message's parts: held in memory (an alert, a few lines), or the report's rendered files in
 * OUT/reports, read when the message is composed and dropped once it is sent, so a send of a
 * thousand reports never holds their bodies (src/delivery/body.ts reads either kind).
 * `html` is absent for a plain-text-only report (`format: text`).
 */
export type MessageBody =
  | { readonly text: string; readonly html?: string }
  | { readonly files: { readonly text: string; readonly html?: string } };

/** A report's parts as {@link MessageBody} has them, with both files (or texts) present. */
export type ReportBody =
  | { readonly text: string; readonly html: string }
  | { readonly files: { readonly text: string; readonly html: string } };

/** Whether a message has an HTML part (and so its charts as inline images). */
export function hasHtmlPart(message: Pick<OutgoingMessage, 'body'>): boolean {
  const { body } = message;
  return ('files' in body ? body.files.html : body.html) !== undefined;
}

export type PlannedReport = PlannedReportHead & ReportBody;

interface PlannedReportHead {
  readonly id: string;
  readonly persona: string;
  readonly period: string;
  readonly subject: string;
  readonly format: 'html' | 'text';
  readonly recipients: Recipients;
  /** The charts its HTML shows (`charts/<key>.png`); sent inline with the HTML part. */
  readonly charts?: readonly ReportChart[];
  /** Its attachments (`attachments:` in the report's file), in text and HTML messages alike. */
  readonly attachments?: readonly ReportAttachment[];
}

export interface PlanSettings {
  readonly from: string;
  readonly replyTo?: string;
  /** The portfolio's default Bcc (an archive), added to every report. */
  readonly defaultBcc: readonly string[];
  /** Send every message to this one address only, and say so in the subject. */
  readonly testRecipient?: string;
}

/** The recipients a report really goes to: the test address alone, or its lists plus the default Bcc. */
export function effectiveRecipients(report: PlannedReport, settings: PlanSettings): Recipients {
  if (settings.testRecipient) return { to: [settings.testRecipient], cc: [], bcc: [] };
  const listed = new Set([...report.recipients.to, ...report.recipients.cc].map(addressKey));
  const bcc = unique([...report.recipients.bcc, ...settings.defaultBcc]).filter(
    (address) => !listed.has(addressKey(address)),
  );
  return { to: unique(report.recipients.to), cc: unique(report.recipients.cc), bcc };
}

export function buildSendPlan(
  reports: readonly PlannedReport[],
  settings: PlanSettings,
): OutgoingMessage[] {
  return reports.flatMap((report) => {
    const parts = splitRecipients(effectiveRecipients(report, settings));
    const subject = settings.testRecipient
      ? `[TEST to ${settings.testRecipient}] ${report.subject}`
      : report.subject;
    return parts.map((recipients, index) => ({
      key: parts.length === 1 ? report.id : `${report.id}-${index + 1}`,
      report: report.id,
      persona: report.persona,
      period: report.period,
      part: index + 1,
      from: settings.from,
      ...(settings.replyTo ? { replyTo: settings.replyTo } : {}),
      recipients,
      ...(settings.testRecipient ? { isTest: true as const } : {}),
      recipientsHash: hashRecipients(recipients),
      subject,
      body: messageBody(report),
      ...(report.attachments?.length ? { attachments: report.attachments } : {}),
      ...(report.format === 'html' && report.charts?.length ? { inlineImages: report.charts } : {}),
    }));
  });
}

/** A report's parts as its messages carry them: the HTML part only for a `format: html` report. */
function messageBody(report: PlannedReport): MessageBody {
  const html = report.format === 'html';
  if ('files' in report)
    return { files: { text: report.files.text, ...(html ? { html: report.files.html } : {}) } };
  return { text: report.text, ...(html ? { html: report.html } : {}) };
}

/** Splits into messages of at most 50 recipients, keeping each address's role (to, cc, bcc). */
export function splitRecipients(recipients: Recipients): Recipients[] {
  const all = [
    ...recipients.to.map((address) => ['to', address] as const),
    ...recipients.cc.map((address) => ['cc', address] as const),
    ...recipients.bcc.map((address) => ['bcc', address] as const),
  ];
  const parts: Recipients[] = [];
  for (let start = 0; start < all.length; start += MAX_RECIPIENTS_PER_MESSAGE) {
    const chunk = all.slice(start, start + MAX_RECIPIENTS_PER_MESSAGE);
    const of = (role: string) => chunk.filter(([r]) => r === role).map(([, address]) => address);
    parts.push({ to: of('to'), cc: of('cc'), bcc: of('bcc') });
  }
  return parts;
}

export function recipientCount(recipients: Recipients): number {
  return recipients.to.length + recipients.cc.length + recipients.bcc.length;
}

/** Every recipient's {@link addressKey}, To then Cc then Bcc. */
export function recipientKeys(recipients: Recipients): string[] {
  return [...recipients.to, ...recipients.cc, ...recipients.bcc].map(addressKey);
}

/**
 * 16 hex digits for a set of recipients by role, regardless of order, case and display names.
 * For bare ASCII addresses it equals the hash earlier versions wrote into the ledger.
 */
export function hashRecipients(recipients: Recipients): string {
  return hashAddressKeys({
    to: recipients.to.map(addressKey),
    cc: recipients.cc.map(addressKey),
    bcc: recipients.bcc.map(addressKey),
  });
}

/** {@link hashRecipients} of recipients already turned into address keys. */
export function hashAddressKeys(keys: Recipients): string {
  const canonical = (['to', 'cc', 'bcc'] as const)
    .map((role) => `${role}:${[...keys[role]].sort().join(',')}`)
    .join(';');
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

/**
 * The message for the recipients who have not had it yet: each keeps their role (a reader added
 * to Cc gets a message with that Cc alone). Undefined when nobody is left.
 */
export function withoutRecipients(
  message: OutgoingMessage,
  reached: ReadonlySet<string>,
): OutgoingMessage | undefined {
  const left = (list: readonly string[]) => list.filter((a) => !reached.has(addressKey(a)));
  const recipients = {
    to: left(message.recipients.to),
    cc: left(message.recipients.cc),
    bcc: left(message.recipients.bcc),
  };
  if (recipientCount(recipients) === 0) return undefined;
  return { ...message, recipients, recipientsHash: hashRecipients(recipients) };
}

/** The first of each reader (by address, whatever the display name or case). */
function unique(addresses: readonly string[]): string[] {
  const seen = new Set<string>();
  return addresses.filter((address) => {
    const key = addressKey(address);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A report's `send:` condition (reports/<id>.yml); absent is `always`. */
export type SendCondition = 'always' | 'when-changed' | 'when-critical';

/** What a report's send condition is judged on: what changed since the previous period, and what it shows. */
export interface SendFacts {
  readonly previousAsOf: string;
  readonly opened: number;
  readonly resolved: number;
  readonly moved: number;
  /** Critical findings the report shows (its header's count). */
  readonly critical: number;
}

export interface SendDecision {
  readonly send: boolean;
  /** Why, for the summary: null for `always`. */
  readonly reason: string | null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Whether a run sends a report, by its `send:` condition: `always`; `when-changed` when a finding
 * was opened or resolved or a headline figure moved past its threshold since `previousAsOf`;
 * `when-critical` when the report shows a critical finding. The reason says which, either way.
 */
export function sendDecision(condition: SendCondition | undefined, facts: SendFacts): SendDecision {
  switch (condition ?? 'always') {
    case 'always':
      return { send: true, reason: null };
    case 'when-changed': {
      const what = [
        facts.opened ? `${plural(facts.opened, 'finding')} opened` : '',
        facts.resolved ? `${plural(facts.resolved, 'finding')} resolved` : '',
        facts.moved ? `${plural(facts.moved, 'headline figure')} moved past the threshold` : '',
      ].filter(Boolean);
      return what.length > 0
        ? {
            send: true,
            reason: `send: when-changed: since ${facts.previousAsOf}, ${what.join(', ')}`,
          }
        : {
            send: false,
            reason: `send: when-changed: nothing changed since ${facts.previousAsOf} (no finding opened or resolved, no headline figure moved past its threshold)`,
          };
    }
    case 'when-critical':
      return facts.critical > 0
        ? {
            send: true,
            reason: `send: when-critical: the report shows ${plural(facts.critical, 'critical finding')}`,
          }
        : { send: false, reason: 'send: when-critical: the report shows no critical finding' };
  }
}

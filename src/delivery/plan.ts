// The send plan: which messages a run sends, to whom. Pure: the same reports give the same plan.
import { createHash } from 'node:crypto';

/** SES accepts at most 50 recipients (To + Cc + Bcc) in one message. */
export const MAX_RECIPIENTS_PER_MESSAGE = 50;

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
  /** Identifies the recipients in the delivery ledger without storing addresses twice. */
  readonly recipientsHash: string;
  readonly subject: string;
  readonly text: string;
  /** Absent for a plain-text-only report (`format: text`). */
  readonly html?: string;
}

export interface PlannedReport {
  readonly id: string;
  readonly persona: string;
  readonly period: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly format: 'html' | 'text';
  readonly recipients: Recipients;
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
  const listed = new Set(
    [...report.recipients.to, ...report.recipients.cc].map((a) => a.toLowerCase()),
  );
  const bcc = unique([...report.recipients.bcc, ...settings.defaultBcc]).filter(
    (address) => !listed.has(address.toLowerCase()),
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
      recipientsHash: hashRecipients(recipients),
      subject,
      text: report.text,
      ...(report.format === 'html' ? { html: report.html } : {}),
    }));
  });
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

export function hashRecipients(recipients: Recipients): string {
  const canonical = ['to', 'cc', 'bcc']
    .map(
      (role) =>
        `${role}:${[...recipients[role as keyof Recipients]]
          .map((a) => a.toLowerCase())
          .sort()
          .join(',')}`,
    )
    .join(';');
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

function unique(addresses: readonly string[]): string[] {
  const seen = new Set<string>();
  return addresses.filter((address) => {
    const key = address.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

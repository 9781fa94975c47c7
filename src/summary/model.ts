// summary.json: what a run did, for people (summary.md, index.html) and for other tools.
import type { ActionItem, Finding, ReportCounts } from '../analysis/types.js';
import type { FinanceMetrics } from '../analysis/finance.js';
import type { MessageSize } from '../delivery/size.js';
import type { Mode, RunOptions, TransportName } from '../options.js';

/** `not-sent`: the report's `send:` condition was not met this period (see `send_reason`). */
export type ReportStatus = 'sent' | 'skipped' | 'failed' | 'rendered' | 'not-sent';

export interface ReportSummary {
  readonly id: string;
  readonly persona: string;
  readonly reader: string;
  readonly subject: string;
  readonly period: string;
  readonly recipients: {
    readonly to: readonly string[];
    readonly cc: readonly string[];
    readonly bcc: readonly string[];
  };
  readonly status: ReportStatus;
  readonly message_ids: string[];
  readonly error: string | null;
  /**
   * The report's `send:` condition and why it sends or not (`send: when-changed: nothing changed
   * since 2026-11-22 …`); null for `always`. Set in every mode, so a dry run says what a send would do.
   */
  readonly send_reason: string | null;
  /** Its message's size and any size warning (an HTML part Gmail clips); see delivery/size.ts. */
  readonly size?: MessageSize;
  readonly findings: readonly Finding[];
  readonly actions: readonly ActionItem[];
  /** What the report shows its reader, as its header counts it (the CEO's gathered lists too). */
  readonly counts: ReportCounts;
  /** Paths of the rendered report, relative to the out folder. */
  readonly files: {
    readonly md: string;
    readonly html: string;
    readonly txt: string;
    /** Every figure behind the report: its sections' data, findings and actions. */
    readonly json: string;
    /** Its attached files (`attachments: [csv]`: every table as CSV); absent when none. */
    readonly attachments?: readonly string[];
  };
}

export interface TaskSummary {
  readonly fingerprint: string;
  readonly title: string;
  readonly state: 'opened' | 'updated' | 'closed' | 'unchanged' | 'reopened' | 'failed' | 'planned';
  readonly url: string | null;
  readonly error?: string;
}

export interface RunSummary {
  readonly run: {
    readonly mode: Mode;
    readonly as_of: string;
    readonly event: string;
    readonly run_id: string | null;
    readonly attempt: string | null;
    readonly transport: TransportName | null;
    readonly portfolio: string;
    readonly currency: string;
  };
  readonly counts: {
    sent: number;
    skipped: number;
    failed: number;
    rendered: number;
    not_sent: number;
  };
  readonly metrics: Record<string, FinanceMetrics & { readonly name: string }>;
  readonly reports: ReportSummary[];
  readonly tasks: TaskSummary[];
}

/**
 * The `run` block every summary starts with (reports and alerts alike): what ran, as of when,
 * for which portfolio. `transport` is null when nothing was to be delivered.
 */
export function runHeader(
  options: RunOptions,
  asOf: string,
  settings: { readonly name: string; readonly currency: string },
  transport: TransportName | null,
): RunSummary['run'] {
  return {
    mode: options.mode,
    as_of: asOf,
    event: options.run.event,
    run_id: options.run.runId ?? null,
    attempt: options.run.attempt ?? null,
    transport,
    portfolio: settings.name,
    currency: settings.currency,
  };
}

// `mode: alerts` (the CLI's `boardroom alerts`): checks every alert of portfolio.yml at the as-of
// date, mails each condition that became true to its owners through the run's transport, and
// keeps which conditions are firing in the alert state. No report is rendered or sent, no task runs.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Analyzer } from '../analysis/index.js';
import { addDays, todayIn } from '../analysis/dates.js';
import type { Portfolio } from '../config/load.js';
import { runDelivery, type DeliveryResult, type TransportFactory } from '../delivery/index.js';
import { buildSendPlan, type PlannedReport } from '../delivery/plan.js';
import type { Logger } from '../logger.js';
import type { RunOptions } from '../options.js';
import { runHeader, type RunSummary } from '../summary/model.js';
import { evaluateAlerts, type AlertCondition } from './evaluate.js';
import { alertMessage, alertMessageKey } from './message.js';
import { alertRecipients } from './references.js';
import {
  alertStatePath,
  readAlertState,
  writeAlertState,
  type AlertState,
  type FiringAlert,
} from './state.js';
import { alertsMarkdown } from './summary.js';
import { writeJsonFile } from '../summary/json-file.js';

/** A condition that became true in this check, and what became of its message. */
export interface FiredAlert {
  readonly key: string;
  readonly alert: string;
  readonly when: AlertCondition['when'];
  readonly entity: string | null;
  readonly subject: string;
  readonly to: readonly string[];
  /** `skipped`: the ledger says an earlier, interrupted run already sent it. */
  readonly status: 'sent' | 'skipped' | 'failed';
  readonly message_ids: readonly string[];
  readonly error: string | null;
}

/** summary.json `alerts`: what one check did. */
export interface AlertsSummary {
  /** The alert state file, as given (beside state-file). */
  readonly state_file: string;
  /** What `new_critical` compared with: the previous check's as-of date, or the day before. */
  readonly baseline: string;
  /** Conditions that became true: each mailed once. */
  readonly fired: readonly FiredAlert[];
  /** Conditions still true since an earlier check: nothing sent. */
  readonly still_firing: readonly (FiringAlert & { readonly key: string })[];
  /** Conditions true at the previous check and no longer: the next time they hold, they fire. */
  readonly cleared: readonly (FiringAlert & { readonly key: string })[];
  /** Set when a test recipient got the messages: the state was left as it was. */
  readonly test_recipient: string | null;
}

export type AlertsRunSummary = RunSummary & { readonly alerts: AlertsSummary };

export interface AlertsResult {
  readonly exitCode: 0 | 1;
  readonly summary: AlertsRunSummary;
  readonly summaryMarkdown: string;
}

/**
 * Runs one alert check over a validated portfolio and writes OUT/summary.json (with `alerts`)
 * and OUT/summary.md. The state is updated only with what was delivered: a message that failed
 * is tried again by the next check (exit code 1 then). With a test recipient the state is read
 * but not written, so the real owners still get their alerts.
 * @throws Error when the alert state file is unreadable (see readAlertState).
 */
export async function runAlerts(
  portfolio: Portfolio,
  options: RunOptions,
  log: Logger,
  createTransport?: TransportFactory,
): Promise<AlertsResult> {
  const asOf = options.asOf ?? todayIn(portfolio.settings.timezone);
  const stateFile = alertStatePath(options.stateFile);
  const state = await readAlertState(stateFile);
  const baselineDate =
    state.last_check !== null && state.last_check < asOf ? state.last_check : addDays(asOf, -1);
  const analyzer = new Analyzer(portfolio, asOf);
  const alerts = portfolio.settings.alerts ?? [];
  const conditions = evaluateAlerts({
    alerts,
    now: analyzer,
    baseline: analyzer.at(baselineDate),
    firing: new Set(Object.keys(state.firing)),
  });
  const configured = new Set(alerts.map((a) => a.id));
  const holding = new Set(conditions.map((c) => c.key));
  const fresh = conditions.filter((c) => !(c.key in state.firing));
  const still = Object.entries(state.firing)
    .filter(([key]) => holding.has(key))
    .map(([key, firing]) => ({ key, ...firing }));
  // A firing key of an alert removed from portfolio.yml is forgotten, not reported as cleared.
  const cleared = Object.entries(state.firing)
    .filter(([key, firing]) => configured.has(firing.alert) && !holding.has(key))
    .map(([key, firing]) => ({ key, ...firing }));

  const planned = fresh.map((condition) => {
    const alert = alerts.find((a) => a.id === condition.alert)!;
    const message = alertMessage(condition, portfolio.settings.name);
    const occurrence = (state.occurrences[condition.key] ?? 0) + 1;
    const report: PlannedReport = {
      id: alertMessageKey(condition.key),
      persona: 'alerts',
      // The ledger's period: one per occurrence, so a recurrence goes out and a re-run does not.
      period: `occurrence ${occurrence}`,
      subject: message.subject,
      text: message.text,
      html: message.html,
      format: 'html',
      recipients: { to: alertRecipients(alert, portfolio), cc: [], bcc: [] },
    };
    return { condition, report, occurrence };
  });
  const plan = buildSendPlan(
    planned.map((p) => p.report),
    {
      from: portfolio.settings.sender,
      ...(portfolio.settings.reply_to ? { replyTo: portfolio.settings.reply_to } : {}),
      defaultBcc: [],
      ...(options.testRecipient ? { testRecipient: options.testRecipient } : {}),
    },
  );

  // The outbox holds this run's messages only, as it does after a report run.
  await rm(path.join(options.out, 'outbox'), { recursive: true, force: true });
  let deliveries: DeliveryResult[] = [];
  if (plan.length > 0)
    deliveries = (await runDelivery(plan, options, portfolio, log, createTransport)).results;

  const fired: FiredAlert[] = planned.map(({ condition, report }) => {
    const own = deliveries.filter((d) => d.report === report.id);
    const failed = own.filter((d) => d.status === 'failed' || d.error);
    return {
      key: condition.key,
      alert: condition.alert,
      when: condition.when,
      entity: condition.entity,
      subject: plan.find((m) => m.report === report.id)?.subject ?? report.subject,
      to: options.testRecipient ? [options.testRecipient] : report.recipients.to,
      status:
        failed.length > 0 || own.length === 0
          ? 'failed'
          : own.every((d) => d.status === 'skipped')
            ? 'skipped'
            : 'sent',
      message_ids: own.flatMap((d) => (d.messageId ? [d.messageId] : [])),
      error: failed.length > 0 ? failed.map((d) => d.error ?? d.status).join('; ') : null,
    };
  });
  for (const alert of fired)
    if (alert.status === 'failed') log.error(`alert ${alert.key}: not delivered: ${alert.error}`);
    else log.info(`alert ${alert.key} fired: ${alert.subject}`);
  for (const alert of still) log.info(`alert ${alert.key} still firing since ${alert.since}`);
  for (const alert of cleared) log.info(`alert ${alert.key} cleared (firing since ${alert.since})`);

  if (!options.testRecipient) {
    const delivered = new Set(fired.filter((f) => f.status !== 'failed').map((f) => f.key));
    const next: AlertState = {
      version: 1,
      last_check: asOf,
      firing: Object.fromEntries([
        ...still.map(({ key, ...firing }) => [key, firing] as const),
        ...fired
          .filter((f) => delivered.has(f.key))
          .map(
            (f) =>
              [
                f.key,
                {
                  alert: f.alert,
                  entity: f.entity,
                  since: asOf,
                  subject: f.subject,
                  message_ids: f.message_ids,
                },
              ] as const,
          ),
      ]),
      occurrences: {
        ...state.occurrences,
        ...Object.fromEntries(
          planned
            .filter((p) => delivered.has(p.condition.key))
            .map((p) => [p.condition.key, p.occurrence]),
        ),
      },
    };
    await writeAlertState(stateFile, next);
  }

  const summary: AlertsRunSummary = {
    run: runHeader(options, asOf, portfolio.settings, options.transport),
    counts: { sent: 0, skipped: 0, failed: 0, rendered: 0, not_sent: 0 },
    metrics: Object.fromEntries(
      Object.entries(analyzer.metrics()).map(([id, figures]) => [
        id,
        { name: portfolio.entities.find((e) => e.id === id)!.name, ...figures },
      ]),
    ),
    reports: [],
    tasks: [],
    alerts: {
      state_file: stateFile,
      baseline: baselineDate,
      fired,
      still_firing: still,
      cleared,
      test_recipient: options.testRecipient ?? null,
    },
  };
  const markdown = alertsMarkdown(summary);
  await mkdir(options.out, { recursive: true });
  await writeJsonFile(path.join(options.out, 'summary.json'), summary);
  await writeFile(path.join(options.out, 'summary.md'), markdown);
  log.info(
    `alerts as of ${asOf}: ${fired.length} fired, ${still.length} still firing, ${cleared.length} cleared (state: ${stateFile})`,
  );
  return {
    exitCode: fired.some((f) => f.status === 'failed') ? 1 : 0,
    summary,
    summaryMarkdown: markdown,
  };
}

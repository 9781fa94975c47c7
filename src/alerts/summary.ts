// summary.md (and the job summary) for an alert check: what fired, what is still firing, what cleared.
// Every value from the portfolio goes through the summary's one escaper (cell).
import { cell } from '../summary/markdown.js';
import type { AlertsRunSummary } from './run.js';

/** The check as Markdown: one table per kind of outcome, "none" when a kind is empty. */
export function alertsMarkdown(summary: AlertsRunSummary): string {
  const { alerts, run } = summary;
  const lines = [
    `## boardroom alerts: ${cell(run.portfolio)}, as of ${run.as_of}`,
    '',
    `${alerts.fired.length} fired, ${alerts.still_firing.length} still firing, ${alerts.cleared.length} cleared. New critical findings are those not critical on ${alerts.baseline}.`,
    ...(alerts.test_recipient
      ? ['', `Sent to the test recipient only; the alert state was not changed.`]
      : []),
    '',
    '### Fired',
    '',
  ];
  if (alerts.fired.length === 0) lines.push('None.');
  else {
    lines.push('| alert | subject | to | status |', '|---|---|---|---|');
    for (const f of alerts.fired)
      lines.push(
        `| ${cell(f.key)} | ${cell(f.subject)} | ${cell(f.to.join(', '))} | ${f.status}${f.error ? `: ${cell(f.error)}` : ''} |`,
      );
  }
  for (const [title, list] of [
    ['Still firing', alerts.still_firing],
    ['Cleared', alerts.cleared],
  ] as const) {
    lines.push('', `### ${title}`, '');
    if (list.length === 0) lines.push('None.');
    else {
      lines.push('| alert | since | subject when it fired |', '|---|---|---|');
      for (const a of list) lines.push(`| ${cell(a.key)} | ${a.since} | ${cell(a.subject)} |`);
    }
  }
  return lines.join('\n') + '\n';
}

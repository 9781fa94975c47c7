// summary.md, which is also the job summary. Every value from the portfolio is untrusted text:
// it is escaped for Markdown, so a name reads as itself and cannot inject HTML or break a table.
import { formatMoney, formatRunway } from '../render/format.js';
import { withoutGithubReferences } from '../github/references.js';
import { escapeMarkdown } from '../render/markdown.js';
import type { RunSummary } from './model.js';

/** GitHub's limit for one step's summary is 1 MiB; keep clear of it. */
export const JOB_SUMMARY_LIMIT = 1_000_000;

/**
 * A value as GitHub Markdown text on one line, fit for a table cell: it shows as itself (`&`,
 * quotes, `|` included) and opens no tag, link or emphasis (the escaping the report templates
 * use), and mentions no one and links no issue (`@name`, `#123`). Every value boardroom writes
 * to GitHub (summary.md as the job summary, task bodies and comments, the preview comment)
 * goes through here.
 */
export function cell(text: unknown): string {
  return withoutGithubReferences(escapeMarkdown(String(text ?? '')));
}

export function summaryMarkdown(summary: RunSummary, currency: string): string {
  const { run, counts } = summary;
  const lines = [
    `# boardroom: ${cell(run.portfolio)}`,
    '',
    `**${run.mode}** as of ${run.as_of} (${cell(run.event)}${run.transport ? `, ${run.transport} transport` : ''}): ` +
      `${counts.sent} sent, ${counts.skipped} skipped, ${counts.failed} failed, ${counts.rendered} rendered only` +
      `${counts.not_sent ? `, ${counts.not_sent} not sent (their \`send:\` condition was not met)` : ''}.`,
    '',
    '## Reports',
    '',
    '| report | reader | recipients | status | message ids |',
    '| --- | --- | --- | --- | --- |',
    ...summary.reports.map(
      (r) =>
        `| ${cell(r.id)} | ${cell(r.reader)} | ${cell([...r.recipients.to, ...r.recipients.cc].join(', '))}${r.recipients.bcc.length ? ` (+${r.recipients.bcc.length} bcc)` : ''} | ${r.status}${r.error ? `: ${cell(r.error)}` : ''}${r.send_reason ? ` (${cell(r.send_reason)})` : ''} | ${cell(r.message_ids.join(', '))} |`,
    ),
    '',
  ];
  if (summary.tasks.length > 0) {
    lines.push('## Tasks', '', '| task | state | link |', '| --- | --- | --- |');
    lines.push(
      ...summary.tasks.map(
        (t) => `| ${cell(t.title)} | ${t.state} | ${t.url ? cell(t.url) : ''} |`,
      ),
      '',
    );
  }
  const critical = uniqueBy(
    summary.reports.flatMap((r) => r.findings.filter((f) => f.severity === 'critical')),
    (f) => f.id,
  );
  lines.push('## Critical findings', '');
  lines.push(...(critical.length ? critical.map((f) => `- ${cell(f.title)}`) : ['None.']), '');
  lines.push(
    '## Cash and runway',
    '',
    '| entity | cash | net burn / month | runway |',
    '| --- | ---: | ---: | --- |',
  );
  lines.push(
    ...Object.values(summary.metrics).map(
      (m) =>
        `| ${cell(m.name)} | ${formatMoney(m.cash_on_hand, currency)} | ${formatMoney(m.net_burn_monthly, currency)} | ${formatRunway(m.runway_months, m.burning, m.cash_on_hand)} |`,
    ),
    '',
  );
  const text = lines.join('\n');
  if (text.length <= JOB_SUMMARY_LIMIT) return text;
  return `${text.slice(0, JOB_SUMMARY_LIMIT - 200)}\n\n_The summary was cut at GitHub's size limit; summary.json in the artifact has all of it._\n`;
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)));
}

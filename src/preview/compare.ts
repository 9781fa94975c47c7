// A pull request's preview: what would change against the base branch's portfolio (reports,
// recipients, findings, figures), as one Markdown comment found again by its hidden marker.
import type { ConfigError } from '../config/errors.js';
import { formatConfigError } from '../config/errors.js';
import { formatMoney, formatRunway } from '../render/format.js';
import { cell } from '../summary/markdown.js';
import type { ReportSummary, RunSummary } from '../summary/model.js';
import { count } from '../analysis/findings.js';

export const PREVIEW_MARKER = '<!-- boardroom-preview -->';
/**
 * Starts the footer (the run and artifact links). What follows it changes on every run, so it is
 * left out when deciding whether the comment changed (see previewContent).
 */
export const PREVIEW_FOOTER_MARKER = '<!-- boardroom-preview-footer -->';

/** What a preview says, without its footer: equal for two runs that found the same. */
export function previewContent(markdown: string): string {
  const footer = markdown.indexOf(PREVIEW_FOOTER_MARKER);
  return (footer < 0 ? markdown : markdown.slice(0, footer)).trimEnd();
}

/** The figures a preview compares per entity, and how each reads. */
const FIGURES: {
  key:
    | 'revenue_monthly'
    | 'gross_burn_monthly'
    | 'net_burn_monthly'
    | 'runway_months'
    | 'break_even_revenue_monthly';
  label: string;
}[] = [
  { key: 'revenue_monthly', label: 'revenue / month' },
  { key: 'gross_burn_monthly', label: 'gross burn / month' },
  { key: 'net_burn_monthly', label: 'net burn / month' },
  { key: 'runway_months', label: 'runway' },
  { key: 'break_even_revenue_monthly', label: 'break-even / month' },
];

/**
 * The base branch's run: none (no base-config), invalid (it does not validate: how many
 * problems), failed (it validates but a report does not render, or the run threw: why), or ok.
 */
export type BaseOutcome =
  | { kind: 'none' }
  | { kind: 'invalid'; errors: number }
  | { kind: 'failed'; reasons: readonly string[] }
  | { kind: 'ok'; summary: RunSummary };

export function previewMarkdown(
  head: RunSummary,
  base: BaseOutcome,
  currency: string,
  links: { artifact?: string; run?: string } = {},
): string {
  const lines = [PREVIEW_MARKER, '## boardroom preview', ''];
  lines.push(
    `The portfolio is valid: ${count(head.reports.length, 'report')} ${head.reports.length === 1 ? 'renders' : 'render'} as of ${head.run.as_of}. Nothing was sent and no task was touched.`,
    '',
  );
  if (base.kind === 'none')
    lines.push('_No base portfolio to compare with (the base-config input is not set)._', '');
  else if (base.kind === 'invalid')
    lines.push(
      `_The base branch's portfolio does not validate (${base.errors} problems), so there is nothing to compare with._`,
      '',
    );
  else if (base.kind === 'failed')
    lines.push(
      `_The base branch's portfolio could not be run, so there is nothing to compare with:_`,
      '',
      ...base.reasons.slice(0, 20).map((reason) => `- \`${reason.replace(/`/g, "'")}\``),
      ...(base.reasons.length > 20 ? [`- … and ${base.reasons.length - 20} more`] : []),
      '',
    );
  else lines.push(...comparison(base.summary, head, currency));
  lines.push(...footer(links));
  return lines.join('\n');
}

export function invalidPreviewMarkdown(
  errors: readonly ConfigError[],
  links: { run?: string } = {},
): string {
  const shown = errors.slice(0, 50);
  return [
    PREVIEW_MARKER,
    '## boardroom preview',
    '',
    `The portfolio does not validate: ${errors.length} problem${errors.length === 1 ? '' : 's'}, each annotated on its file and line. Nothing was rendered or sent.`,
    '',
    ...shown.map((error) => `- \`${formatConfigError(error).replace(/`/g, "'")}\``),
    ...(errors.length > shown.length ? [`- … and ${errors.length - shown.length} more`] : []),
    '',
    ...footer(links),
  ].join('\n');
}

function footer(links: { artifact?: string; run?: string }): string[] {
  const parts = [
    links.artifact ? `[rendered reports (artifact)](${links.artifact})` : '',
    links.run ? `[run](${links.run})` : '',
  ].filter(Boolean);
  return parts.length ? [PREVIEW_FOOTER_MARKER, parts.join(' · '), ''] : [];
}

function comparison(base: RunSummary, head: RunSummary, currency: string): string[] {
  const lines: string[] = [];
  const before = new Map(base.reports.map((r) => [r.id, r]));
  const after = new Map(head.reports.map((r) => [r.id, r]));
  const reportRows: string[] = [];
  for (const [id, report] of after) {
    const old = before.get(id);
    if (!old) {
      reportRows.push(
        `| ${cell(id)} | added: “${cell(report.subject)}” to ${cell(addresses(report).join(', '))} |`,
      );
      continue;
    }
    const changes = reportChanges(old, report);
    if (changes.length) reportRows.push(`| ${cell(id)} | ${changes.join('; ')} |`);
  }
  for (const id of before.keys()) if (!after.has(id)) reportRows.push(`| ${cell(id)} | removed |`);
  lines.push('### Reports', '');
  lines.push(
    ...(reportRows.length
      ? ['| report | what changes |', '| --- | --- |', ...reportRows]
      : ['No report changes its subject, recipients or findings.']),
    '',
  );

  const figureRows: string[] = [];
  for (const [entity, now] of Object.entries(head.metrics)) {
    const was = base.metrics[entity];
    for (const { key, label } of FIGURES) {
      const format = (m: RunSummary['metrics'][string] | undefined) =>
        m === undefined
          ? 'absent'
          : key === 'runway_months'
            ? formatRunway(m.runway_months, m.burning, m.cash_on_hand)
            : formatMoney(m[key], currency);
      const [a, b] = [format(was), format(now)];
      if (a !== b) figureRows.push(`| ${cell(now.name)} | ${label} | ${a} | ${b} |`);
    }
  }
  lines.push('### Figures', '');
  lines.push(
    ...(figureRows.length
      ? [
          '| entity | figure | base | this pull request |',
          '| --- | --- | ---: | ---: |',
          ...figureRows,
        ]
      : ['No figure changes.']),
    '',
  );
  return lines;
}

function reportChanges(old: ReportSummary, now: ReportSummary): string[] {
  const changes: string[] = [];
  if (old.subject !== now.subject)
    changes.push(`subject “${cell(old.subject)}” → “${cell(now.subject)}”`);
  const [was, is] = [new Set(addresses(old)), new Set(addresses(now))];
  const added = [...is].filter((a) => !was.has(a));
  const removed = [...was].filter((a) => !is.has(a));
  if (added.length) changes.push(`recipients +${cell(added.join(', +'))}`);
  if (removed.length) changes.push(`recipients −${cell(removed.join(', −'))}`);
  const oldFindings = new Map(old.findings.map((f) => [f.id, f]));
  const newFindings = new Map(now.findings.map((f) => [f.id, f]));
  const raised = [...newFindings.values()].filter((f) => !oldFindings.has(f.id));
  const gone = [...oldFindings.values()].filter((f) => !newFindings.has(f.id));
  if (raised.length)
    changes.push(
      `new findings: ${raised.map((f) => `${f.severity === 'critical' ? '**critical** ' : ''}${cell(f.title)}`).join('<br>')}`,
    );
  if (gone.length) changes.push(`resolved: ${gone.map((f) => cell(f.title)).join('<br>')}`);
  return changes;
}

function addresses(report: ReportSummary): string[] {
  const { to, cc, bcc } = report.recipients;
  return [...to.map((a) => `to:${a}`), ...cc.map((a) => `cc:${a}`), ...bcc.map((a) => `bcc:${a}`)];
}

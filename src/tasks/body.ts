// The issue body of a task, with a hidden marker that carries its fingerprint, so boardroom finds
// its own issues by listing them (the search API lags and misses).
import type { Figure } from '../analysis/types.js';
import { formatDate } from '../render/format.js';
import { cell } from '../summary/markdown.js';
import type { DesiredTask } from './model.js';

/** GitHub's limit for an issue or comment body, with room to spare. */
export const MAX_BODY = 65_000;

export interface TaskMarker {
  readonly fingerprint: string;
  readonly report: string;
  readonly content: string;
  /** Set when the task was opened; later updates keep it, so a due date does not slide. */
  readonly due: string;
  readonly entity: string | null;
  readonly figures: Readonly<Record<string, Figure>>;
}

const MARKER = /<!-- boardroom-task (\{.*?\}) -->/s;

export function readMarker(body: string | null | undefined): TaskMarker | undefined {
  const match = body ? MARKER.exec(body) : null;
  if (!match) return undefined;
  try {
    const marker = JSON.parse(match[1]!) as TaskMarker;
    return typeof marker.fingerprint === 'string' ? marker : undefined;
  } catch {
    return undefined;
  }
}

export function taskBody(task: DesiredTask, due: string, runLink: string | undefined): string {
  const marker: TaskMarker = {
    fingerprint: task.fingerprint,
    report: task.report,
    content: task.content,
    due,
    entity: task.entity,
    figures: task.finding.figures,
  };
  // JSON inside an HTML comment: `>` is escaped so the comment cannot be closed early.
  const markerLine = `<!-- boardroom-task ${JSON.stringify(marker).replace(/>/g, '\\u003e')} -->`;
  const figures = Object.entries(task.finding.figures);
  const head = [
    `**${cell(task.finding.title)}**`,
    '',
    '| | |',
    '| --- | --- |',
    `| Severity | ${task.finding.severity} |`,
    `| Owner | ${cell(task.ownerName)}${task.assignee ? ` (@${task.assignee})` : ''} |`,
    `| Due | ${formatDate(due)} |`,
    `| Priority | ${task.priority} |`,
    `| Entity | ${cell(task.entityName)} |`,
    `| Report | ${task.report}, period ${task.period} |`,
    '',
  ];
  const table = figures.length
    ? [
        'Figures behind it:',
        '',
        '| figure | value |',
        '| --- | --- |',
        ...figures.map(([k, v]) => `| ${k} | ${cell(String(v))} |`),
        '',
      ]
    : [];
  const tail = [
    runLink ? `Last changed by [this run](${runLink}).` : 'Last changed by a boardroom run.',
    '',
    markerLine,
    '',
  ];
  let body = [...head, ...table, ...tail].join('\n');
  if (body.length > MAX_BODY)
    body = [
      ...head,
      '_The figures were too long to list here; see summary.json in the run artifact._',
      '',
      ...tail,
    ].join('\n');
  return body;
}

// The issue body of a task, with a hidden marker that carries its fingerprint, so boardroom finds
// its own issues by listing them (the search API lags and misses).
import type { Figure } from '../analysis/types.js';
import { githubBody } from '../github/limits.js';
import { formatDate } from '../render/format.js';
import { cell } from '../summary/markdown.js';
import type { DesiredTask } from './model.js';

/** Figures beyond this size stay out of the marker, so the marker always fits in a body. */
const MAX_MARKER_FIGURES = 8_000;

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

/**
 * The issue body of a task: the finding, a table of who, when and what, the figures behind it,
 * the run link and the hidden marker. At most 65,536 characters whatever the finding says: the
 * readable part is cut with a note if need be, the marker and run link never (see githubBody).
 */
export function taskBody(task: DesiredTask, due: string, runLink: string | undefined): string {
  const figuresJson = JSON.stringify(task.finding.figures);
  const marker: TaskMarker = {
    fingerprint: task.fingerprint,
    report: task.report,
    content: task.content,
    due,
    entity: task.entity,
    // Only said again in a closing comment; a marker too long to fit would lose the issue.
    figures: figuresJson.length <= MAX_MARKER_FIGURES ? task.finding.figures : {},
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
  return githubBody([...head, ...table].join('\n') + '\n', tail.join('\n'));
}

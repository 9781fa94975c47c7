// The tasks a run wants to exist: one per action item, keyed by a fingerprint that stays the
// same run after run for the same problem (the report's persona and the finding's id, which is
// rule + entity + subject; never the figures or the date).
import { createHash } from 'node:crypto';
import type { ActionItem, Figure, Finding } from '../analysis/types.js';
import { taskPriorities, taskSeverities, type TaskSelection } from '../config/schema.js';
import { githubLabel } from '../github/limits.js';

export interface DesiredTask {
  readonly fingerprint: string;
  readonly report: string;
  readonly persona: string;
  readonly period: string;
  readonly title: string;
  readonly owner: string;
  readonly ownerName: string;
  /** The owner's GitHub login, from portfolio.yml owners. */
  readonly assignee?: string;
  readonly due: string;
  readonly priority: string;
  readonly entity: string | null;
  readonly entityName: string;
  readonly finding: {
    readonly id: string;
    readonly title: string;
    readonly severity: string;
    readonly figures: Readonly<Record<string, Figure>>;
  };
  /** Each within GitHub's 50 characters: a long id is shortened with a stable hash (githubLabel). */
  readonly labels: readonly string[];
  /** A hash of what the task says (not the run, period or due date): a change means an update. */
  readonly content: string;
}

export interface TaskSource {
  readonly report: string;
  readonly persona: string;
  readonly period: string;
  readonly findings: readonly Finding[];
  readonly actions: readonly ActionItem[];
  /** The report's `tasks:`: which of its action items become tasks. Absent or `true`: all. */
  readonly selection?: boolean | TaskSelection;
}

export interface TaskDirectory {
  readonly entityName: (id: string | null) => string;
  readonly owner: (persona: string) => { name: string; github?: string };
}

export function fingerprintOf(persona: string, findingId: string): string {
  return `${persona}/${findingId}`;
}

/**
 * Whether a report's `tasks:` selects an action item: `true` every one, `false` none, a
 * selection those meeting each key it sets (priority and severity at least the minimum, section
 * in the list). The one place the selection is applied.
 */
export function selects(
  selection: boolean | TaskSelection | undefined,
  action: ActionItem,
  finding: Finding,
): boolean {
  if (selection === undefined || selection === true) return true;
  if (selection === false) return false;
  const { min_priority, min_severity, sections } = selection;
  if (min_priority && rank(taskPriorities, action.priority) > rank(taskPriorities, min_priority))
    return false;
  if (min_severity && rank(taskSeverities, finding.severity) > rank(taskSeverities, min_severity))
    return false;
  return !sections || sections.includes(action.section);
}

/** 0 for the most urgent; an unknown value ranks below every known one. */
function rank(order: readonly string[], value: string): number {
  const index = order.indexOf(value);
  return index < 0 ? order.length : index;
}

/** Each action item of a source whose finding is present, with that finding and its fingerprint. */
function actionsWithFindings(source: TaskSource) {
  const findings = new Map(source.findings.map((f) => [f.id, f]));
  return source.actions.flatMap((action) => {
    const finding = findings.get(action.finding);
    return finding
      ? [{ action, finding, fingerprint: fingerprintOf(source.persona, finding.id) }]
      : [];
  });
}

/**
 * The fingerprints of action items whose finding is present this run but that no report's
 * `tasks:` selects. A task opened for one under a wider selection is left alone by the sinks:
 * neither updated nor closed, since its problem is not resolved. It is closed as usual once the
 * finding is gone.
 */
export function leftOutTasks(sources: readonly TaskSource[]): Set<string> {
  const selected = new Set<string>();
  const leftOut = new Set<string>();
  for (const source of sources)
    for (const { action, finding, fingerprint } of actionsWithFindings(source))
      (selects(source.selection, action, finding) ? selected : leftOut).add(fingerprint);
  // Another report of the same persona may select what this one leaves out.
  for (const fingerprint of selected) leftOut.delete(fingerprint);
  return leftOut;
}

/** One task per selected action item (see `selects`), keyed by fingerprint, first report wins. */
export function desiredTasks(
  sources: readonly TaskSource[],
  directory: TaskDirectory,
): DesiredTask[] {
  const tasks = new Map<string, DesiredTask>();
  for (const source of sources) {
    for (const { action, finding, fingerprint } of actionsWithFindings(source)) {
      if (!selects(source.selection, action, finding)) continue;
      if (tasks.has(fingerprint)) continue;
      const owner = directory.owner(action.owner);
      // Ids have no length limit of their own: the labels made of them are fitted to GitHub's.
      const labels = [
        'boardroom',
        `persona:${source.persona}`,
        `entity:${action.entity ?? 'portfolio'}`,
        `priority:${action.priority}`,
      ].map(githubLabel);
      const findingView = {
        id: finding.id,
        title: finding.title,
        severity: finding.severity,
        figures: finding.figures,
      };
      tasks.set(fingerprint, {
        fingerprint,
        report: source.report,
        persona: source.persona,
        period: source.period,
        title: action.title,
        owner: action.owner,
        ownerName: owner.name,
        ...(owner.github ? { assignee: owner.github } : {}),
        due: action.due,
        priority: action.priority,
        entity: action.entity,
        entityName: directory.entityName(action.entity),
        finding: findingView,
        labels,
        content: createHash('sha256')
          .update(
            JSON.stringify([action.title, findingView, action.priority, action.owner, labels]),
          )
          .digest('hex')
          .slice(0, 16),
      });
    }
  }
  return [...tasks.values()];
}

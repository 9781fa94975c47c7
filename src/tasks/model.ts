// The tasks a run wants to exist: one per action item, keyed by a fingerprint that stays the
// same run after run for the same problem (the report's persona and the finding's id, which is
// rule + entity + subject; never the figures or the date).
import { createHash } from 'node:crypto';
import type { ActionItem, Figure, Finding } from '../analysis/types.js';
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
}

export interface TaskDirectory {
  readonly entityName: (id: string | null) => string;
  readonly owner: (persona: string) => { name: string; github?: string };
}

export function fingerprintOf(persona: string, findingId: string): string {
  return `${persona}/${findingId}`;
}

export function desiredTasks(
  sources: readonly TaskSource[],
  directory: TaskDirectory,
): DesiredTask[] {
  const tasks = new Map<string, DesiredTask>();
  for (const source of sources) {
    const findings = new Map(source.findings.map((f) => [f.id, f]));
    for (const action of source.actions) {
      const finding = findings.get(action.finding);
      if (!finding) continue;
      const fingerprint = fingerprintOf(source.persona, finding.id);
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

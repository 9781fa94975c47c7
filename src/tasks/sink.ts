// A task sink keeps an outside tracker in step with the desired tasks. New sinks are new files.
import type { Figure } from '../analysis/types.js';
import type { TaskSummary } from '../summary/model.js';
import type { DesiredTask } from './model.js';

export interface TaskSyncInput {
  readonly desired: readonly DesiredTask[];
  /** The reports whose tasks this run speaks for: only their tasks may be closed. */
  readonly scope: ReadonlySet<string>;
  /**
   * Fingerprints whose finding is still present but that the reports' `tasks:` no longer select
   * (leftOutTasks): their open tasks are left as they are, never closed as resolved.
   */
  readonly leftOut?: ReadonlySet<string>;
  readonly asOf: string;
  readonly runLink?: string;
  /** Today's figures for an entity, to say in a closing comment what resolved a finding. */
  readonly currentFigures: (entity: string | null) => Readonly<Record<string, Figure>>;
}

export interface TaskSink {
  readonly name: 'github' | 'webhook';
  sync(input: TaskSyncInput): Promise<TaskSummary[]>;
}

/**
 * Whether an open task that this run does not want is closed as resolved: only when its report
 * is one this run speaks for and its finding is gone (not merely left out by `tasks:`). The one
 * rule both sinks close by.
 */
export function isResolved(input: TaskSyncInput, fingerprint: string, report: string): boolean {
  return input.scope.has(report) && !input.leftOut?.has(fingerprint);
}

/** "runway_months was 2.8, now 7.1": the figures a finding recorded that have a value today. */
export function resolvedBy(
  recorded: Readonly<Record<string, Figure>>,
  current: Readonly<Record<string, Figure>>,
): string {
  const changes = Object.entries(recorded)
    .filter(([key]) => key in current && current[key] !== recorded[key])
    .map(([key, was]) => `${key} was ${String(was)}, now ${String(current[key])}`);
  return changes.length ? `${changes.join('; ')}.` : '';
}

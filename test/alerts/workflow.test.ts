// .github/workflows/alerts.yml: a daily check and a button, least privilege, pinned actions, the
// alert state kept between runs in its own cache (the reports' ledger cache never overwrites it).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { alertStatePath } from '../../src/alerts/state.js';
import { REPO_ROOT } from '../helpers.js';

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string>;
}
interface Workflow {
  on: { schedule?: { cron: string }[]; workflow_dispatch?: { inputs?: Record<string, unknown> } };
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, { steps: Step[] }>;
}

const folder = path.join(REPO_ROOT, '.github', 'workflows');
const workflow = parse(readFileSync(path.join(folder, 'alerts.yml'), 'utf8')) as Workflow;
const reports = parse(readFileSync(path.join(folder, 'reports.yml'), 'utf8')) as Workflow;
const action = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
};
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((job) => job.steps);

describe('the alerts workflow', () => {
  it('runs once a day on a schedule and from the Actions tab', () => {
    const crons = workflow.on.schedule!.map((s) => s.cron);
    expect(crons).toHaveLength(1);
    // minute hour * * *: every day at one fixed time.
    expect(crons[0]).toMatch(/^\d{1,2} \d{1,2} \* \* \*$/);
    expect(Object.keys(workflow.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
  });

  it('asks for no more than reading the repository and the OIDC token for SES', () => {
    expect(workflow.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
  });

  it('runs the action in alerts mode, with no tasks', () => {
    const boardroom = steps(workflow).filter((s) => s.uses === './');
    expect(boardroom).toHaveLength(1);
    expect(boardroom[0]!.with).toMatchObject({ mode: 'alerts', tasks: 'none' });
  });

  it('waits for a running check instead of racing it over the state', () => {
    expect(workflow.concurrency).toEqual({
      group: 'boardroom-alerts',
      'cancel-in-progress': false,
    });
    expect(workflow.concurrency.group).not.toBe(
      (reports as unknown as { concurrency: { group: string } }).concurrency.group,
    );
  });

  it('keeps the alert state: restored by prefix before the check, saved after it even on failure', () => {
    const all = steps(workflow);
    const restore = all.find((s) => s.uses?.startsWith('actions/cache/restore@'))!;
    const save = all.find((s) => s.uses?.startsWith('actions/cache/save@'))!;
    const boardroom = all.findIndex((s) => s.uses === './');
    expect(all.indexOf(restore)).toBeLessThan(boardroom);
    expect(all.indexOf(save)).toBeGreaterThan(boardroom);
    // The cached folder holds alerts.json, beside the action's default state file.
    expect(path.dirname(alertStatePath(action.inputs['state-file']!.default!))).toBe(
      restore.with!.path,
    );
    expect(save.with!.path).toBe(restore.with!.path);
    expect(restore.with!.key).toBe(
      'boardroom-alerts-${{ github.run_id }}-${{ github.run_attempt }}',
    );
    expect(save.with!.key).toBe(restore.with!.key);
    expect(restore.with!['restore-keys']).toBe('boardroom-alerts-');
    expect(save.if).toBe('always()');
    // Its own key prefix: the reports workflow's restore never picks up an alerts cache.
    const reportsRestore = steps(reports).find((s) =>
      s.uses?.startsWith('actions/cache/restore@'),
    )!;
    expect(restore.with!['restore-keys']!.startsWith(reportsRestore.with!['restore-keys']!)).toBe(
      false,
    );
  });
});

// The workflows users copy: pinned actions, no event data in scripts, least privilege, and the
// ledger kept between runs the way the README says.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ACTION_INPUTS } from '../src/options.js';
import { REPO_ROOT } from './helpers.js';

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
}

const folder = path.join(REPO_ROOT, '.github', 'workflows');
const workflows = Object.fromEntries(
  readdirSync(folder).map((file) => [
    file,
    parse(readFileSync(path.join(folder, file), 'utf8')) as Workflow,
  ]),
);
const steps = (file: string) => Object.values(workflows[file]!.jobs).flatMap((job) => job.steps);
const action = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
};

describe('action.yml', () => {
  it('declares exactly the inputs both shells read', () => {
    expect(Object.keys(action.inputs).sort()).toEqual([...ACTION_INPUTS].sort());
  });
});

describe('the workflows', () => {
  it('are ci.yml, reports.yml, preview.yml and alerts.yml', () => {
    expect(Object.keys(workflows).sort()).toEqual([
      'alerts.yml',
      'ci.yml',
      'preview.yml',
      'reports.yml',
    ]);
  });

  it('pin every third-party action to a full commit SHA', () => {
    for (const file of Object.keys(workflows)) {
      for (const step of steps(file).filter((s) => s.uses && s.uses !== './')) {
        expect(step.uses, `${file}: ${step.uses}`).toMatch(/^[\w-]+\/[\w./-]+@[0-9a-f]{40}$/);
      }
    }
  });

  it('never interpolate ${{ }} expressions into run: scripts', () => {
    for (const file of Object.keys(workflows)) {
      for (const step of steps(file).filter((s) => s.run))
        expect(step.run, file).not.toContain('${{');
    }
  });

  it('declare least-privilege permissions', () => {
    expect(workflows['ci.yml']!.permissions).toEqual({ contents: 'read' });
    expect(workflows['reports.yml']!.permissions).toEqual({
      contents: 'read',
      issues: 'write',
      'id-token': 'write',
    });
    expect(workflows['preview.yml']!.permissions).toEqual({
      contents: 'read',
      'pull-requests': 'write',
    });
  });

  it('give a pull request no secrets', () => {
    expect(readFileSync(path.join(folder, 'preview.yml'), 'utf8')).not.toMatch(
      /\$\{\{\s*secrets\./,
    );
    expect(Object.keys(workflows['preview.yml']!.on)).toEqual(['pull_request']);
  });

  it('keep the delivery ledger: restore the newest by prefix, save under a run-specific key even after a failure', () => {
    const all = steps('reports.yml');
    const restore = all.find((s) => s.uses?.startsWith('actions/cache/restore@'))!;
    const save = all.find((s) => s.uses?.startsWith('actions/cache/save@'))!;
    const boardroom = all.findIndex((s) => s.uses === './');
    expect(all.indexOf(restore)).toBeLessThan(boardroom);
    expect(all.indexOf(save)).toBeGreaterThan(boardroom);
    // The cached folder holds the action's default state file.
    expect(path.dirname(action.inputs['state-file']!.default!)).toBe(restore.with!.path);
    expect(save.with!.path).toBe(restore.with!.path);
    expect(restore.with!.key).toBe(
      'boardroom-ledger-${{ github.run_id }}-${{ github.run_attempt }}',
    );
    expect(save.with!.key).toBe(restore.with!.key);
    expect(restore.with!['restore-keys']).toBe('boardroom-ledger-');
    expect(save.if).toBe('always()');
  });
});

// The README's way of keeping the ledger between workflow runs: the .boardroom folder saved after
// a run and restored into the next run's fresh checkout. Played here with real folders: the
// restored ledger makes the re-run send nothing; a checkout without it would send again.
import { execFile } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { copyExampleConfig, REPO_ROOT, tempDir } from '../helpers.js';
import { sesAccountJson, startLocalSes, type LocalSes } from '../ses-local.js';

let ses: LocalSes;
beforeAll(async () => {
  process.env.AWS_SES_ACCOUNT = sesAccountJson({
    MaxSendRate: 50,
    Max24HourSend: 10_000,
    SentLast24Hours: 0,
  });
  ses = await startLocalSes();
});
afterAll(() => ses.close());
beforeEach(() => ses.clear());

/** A fresh "checkout": the portfolio in a new working directory, as a new runner has it. */
function checkout(): string {
  const workspace = tempDir('boardroom-workspace-');
  cpSync(copyExampleConfig(), path.join(workspace, 'reports-config'), { recursive: true });
  return workspace;
}

/**
 * The CLI with the action's defaults for config and state-file (both relative to the workspace).
 * Asynchronous: the local SES answers from this same process.
 */
function send(workspace: string): Promise<number> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [
        path.join(REPO_ROOT, 'dist', 'cli.js'),
        'run',
        '--as-of',
        '2026-11-24',
        '--transport',
        'ses',
        '--ses-endpoint',
        ses.url,
        '--aws-region',
        'us-west-2',
      ],
      {
        cwd: workspace,
        env: {
          PATH: process.env.PATH,
          AWS_ACCESS_KEY_ID: 'AKIAEXAMPLELOCALTEST',
          AWS_SECRET_ACCESS_KEY: 'local-test-secret-not-real',
        },
      },
    );
    child.on('exit', (code) => resolve(code ?? -1));
  });
}

// Three whole runs of the CLI, charts drawn and messages sent: about 14 s on a quiet 2-core
// machine, twice that on a busy one.
describe('keeping the ledger between workflow runs', { timeout: 90_000 }, () => {
  it('a re-run whose checkout has the restored .boardroom folder sends nothing', async () => {
    const first = checkout();
    expect(await send(first)).toBe(0);
    expect(await ses.emails()).toHaveLength(8);
    expect(existsSync(path.join(first, '.boardroom', 'ledger.jsonl'))).toBe(true);

    // actions/cache/save of .boardroom, then actions/cache/restore into the next run's checkout.
    const cache = tempDir('boardroom-cache-');
    cpSync(path.join(first, '.boardroom'), path.join(cache, '.boardroom'), { recursive: true });
    const rerun = checkout();
    cpSync(path.join(cache, '.boardroom'), path.join(rerun, '.boardroom'), { recursive: true });
    await ses.clear();
    expect(await send(rerun)).toBe(0);
    expect(await ses.emails()).toHaveLength(0);

    // Without the restore step, a fresh checkout has no ledger and would send the week again.
    expect(await send(checkout())).toBe(0);
    expect(await ses.emails()).toHaveLength(8);
  });
});

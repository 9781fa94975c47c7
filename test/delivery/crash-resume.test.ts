// A process killed in the middle of a send, then run again: each message arrives once, except
// at most the ones that were in flight (sent to SES, not yet in the ledger) at the kill.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyExampleConfig, REPO_ROOT, tempDir } from '../helpers.js';
import { startSesStub, type SesStub } from '../ses-stub.js';

let stub: SesStub | undefined;
afterAll(() => stub?.close());

function runCli(args: string[]) {
  return spawn(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), ...args], {
    env: {
      PATH: process.env.PATH,
      AWS_ACCESS_KEY_ID: 'AKIAEXAMPLELOCALTEST',
      AWS_SECRET_ACCESS_KEY: 'local-test-secret-not-real',
    },
    stdio: 'ignore',
  });
}

// Whole runs of the CLI (one killed mid-send, then the re-run): about 10 s on a quiet machine.
describe('a send killed half-way and run again', { timeout: 90_000 }, () => {
  it('delivers each report once, repeating at most what was in flight at the kill', async () => {
    stub = await startSesStub({
      account: { MaxSendRate: 100, Max24HourSend: 10_000, SentLast24Hours: 0 },
      latencyMs: 150,
    });
    const config = copyExampleConfig();
    const ledger = path.join(tempDir(), 'ledger.jsonl');
    const args = [
      'run',
      '--config',
      config,
      '--out',
      path.join(tempDir(), 'out'),
      '--as-of',
      '2026-11-24',
      '--transport',
      'ses',
      '--ses-endpoint',
      stub.url,
      '--aws-region',
      'us-west-2',
      '--state-file',
      ledger,
    ];

    const first = runCli(args);
    const exited = new Promise((resolve) => first.on('exit', resolve));
    // Kill as soon as the ledger shows progress: two messages are on disk, others are in flight.
    const recorded = () =>
      existsSync(ledger) ? readFileSync(ledger, 'utf8').split('\n').filter(Boolean).length : 0;
    while (recorded() < 2) await new Promise((resolve) => setTimeout(resolve, 2));
    first.kill('SIGKILL');
    await exited;
    const requestsBeforeKill = stub.calls.sendEmail;
    const recordedBeforeKill = recorded();
    const inFlight = requestsBeforeKill - recordedBeforeKill;
    // The ledger is written as each message is accepted, not at the end of the run.
    expect(recordedBeforeKill).toBeGreaterThanOrEqual(2);
    expect(recordedBeforeKill).toBeLessThan(8);

    const second = runCli(args);
    const code = await new Promise((resolve) => second.on('exit', resolve));
    expect(code).toBe(0);

    const perSubject = new Map<string, number>();
    for (const message of stub.accepted)
      perSubject.set(message.subject, (perSubject.get(message.subject) ?? 0) + 1);
    expect(perSubject.size).toBe(8);
    const repeated = [...perSubject.values()].reduce((total, n) => total + n - 1, 0);
    expect(repeated).toBeLessThanOrEqual(inFlight);
    // The ledger now lists all eight, so a third run would send nothing.
    expect(
      new Set(
        readFileSync(ledger, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => (JSON.parse(line) as { report: string }).report),
      ).size,
    ).toBe(8);
  });
});

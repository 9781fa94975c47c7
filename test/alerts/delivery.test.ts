// Alerts through the delivery machinery as SES would see it (a transport named `ses`, so the
// delivery ledger guards it): a failed send is not recorded and goes again on the next check; a
// check that sent but could not record its state does not send twice; a test recipient leaves
// the state alone; and the run's options are the same object the reports use.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AlertsRunSummary } from '../../src/alerts/run.js';
import { DeliveryError, type Transport } from '../../src/delivery/transport.js';
import type { OutgoingMessage } from '../../src/delivery/plan.js';
import { memoryLogger } from '../../src/logger.js';
import { resolveMode, resolveOptions } from '../../src/options.js';
import { runPipeline } from '../../src/pipeline.js';
import { copyExampleConfig, tempDir } from '../helpers.js';
import { withoutAlerts } from './example-portfolio.js';

/** A stand-in for SES: records what it is given; `fail` makes every send a permanent rejection. */
function fakeSes(fail = false): Transport & { sent: OutgoingMessage[] } {
  const sent: OutgoingMessage[] = [];
  return {
    name: 'ses',
    sent,
    async send(message) {
      if (fail)
        throw new DeliveryError('Email address is not verified.', 'MessageRejected', 'permanent');
      sent.push(message);
      return `ses-${sent.length}`;
    },
  };
}

function setUp() {
  const config = copyExampleConfig();
  const file = path.join(config, 'portfolio.yml');
  writeFileSync(
    file,
    `${withoutAlerts(readFileSync(file, 'utf8'))}
alerts:
  - id: runway-floor
    when: runway_below
    months: 3
    entities: [quickdumpnow]
    to: [cfo]
`,
  );
  const work = tempDir();
  const stateFile = path.join(work, '.boardroom', 'ledger.jsonl');
  const alertsFile = path.join(work, '.boardroom', 'alerts.json');
  const run = async (transport: Transport, extra: Record<string, string> = {}) => {
    const options = resolveOptions(
      {
        config,
        out: path.join(work, 'out'),
        mode: 'alerts',
        'as-of': '2026-11-29',
        'state-file': stateFile,
        tasks: 'none',
        ...extra,
      },
      { AWS_REGION: 'us-west-2' },
    );
    const result = await runPipeline(options, memoryLogger(), {
      createTransport: async () => transport,
    });
    return { ...result, alerts: (result.summary as AlertsRunSummary).alerts };
  };
  return { run, stateFile, alertsFile };
}

const KEY = 'runway-floor/quickdumpnow';

describe('alerts through SES', () => {
  it('a rejected alert is not recorded as firing, exits 1, and goes out on the next check', async () => {
    const { run, alertsFile } = setUp();
    const failed = await run(fakeSes(true));
    expect(failed.exitCode).toBe(1);
    expect(failed.alerts.fired.map((f) => [f.key, f.status])).toEqual([[KEY, 'failed']]);
    expect(failed.alerts.fired[0]!.error).toContain('Email address is not verified.');
    expect(JSON.parse(readFileSync(alertsFile, 'utf8')).firing).toEqual({});

    const ses = fakeSes();
    const retried = await run(ses);
    expect(retried.exitCode).toBe(0);
    expect(retried.alerts.fired.map((f) => [f.key, f.status])).toEqual([[KEY, 'sent']]);
    expect(ses.sent.map((m) => [m.recipients.to, m.subject])).toEqual([
      [
        ['priya.natarajan@example.com'],
        '[alert] QuickDumpNow runway 2.9 months, under the 3-month floor',
      ],
    ]);
  });

  it('sent but not recorded (the state was lost): the delivery ledger keeps it from going twice', async () => {
    const { run, alertsFile, stateFile } = setUp();
    const ses = fakeSes();
    await run(ses);
    expect(ses.sent).toHaveLength(1);
    // The ledger beside it has the message; the alert state is gone, as after a crash.
    expect(readFileSync(stateFile, 'utf8')).toContain('"period":"occurrence 1"');
    rmSync(alertsFile);
    const rerun = await run(ses);
    expect(ses.sent).toHaveLength(1);
    expect(rerun.alerts.fired.map((f) => [f.key, f.status])).toEqual([[KEY, 'skipped']]);
    expect(JSON.parse(readFileSync(alertsFile, 'utf8')).firing[KEY].message_ids).toEqual(['ses-1']);
  });

  it('a test recipient gets the alert and the state stays as it was, so the owner still gets it', async () => {
    const { run, alertsFile } = setUp();
    const ses = fakeSes();
    const test = await run(ses, { 'test-recipient': 'tester@example.net' });
    expect(ses.sent.map((m) => [m.recipients.to, m.subject])).toEqual([
      [
        ['tester@example.net'],
        '[TEST to tester@example.net] [alert] QuickDumpNow runway 2.9 months, under the 3-month floor',
      ],
    ]);
    expect(test.alerts.test_recipient).toBe('tester@example.net');
    expect(existsSync(alertsFile)).toBe(false);
    await run(ses);
    expect(ses.sent.map((m) => m.recipients.to)).toEqual([
      ['tester@example.net'],
      ['priya.natarajan@example.com'],
    ]);
  });
});

describe('the alerts mode', () => {
  it('is an input like any other mode, and only validates on a pull request', () => {
    expect(resolveOptions({ mode: 'alerts' }, {}).mode).toBe('alerts');
    expect(resolveMode('alerts', 'schedule')).toBe('alerts');
    expect(resolveMode('alerts', 'workflow_dispatch')).toBe('alerts');
    expect(resolveMode('alerts', 'pull_request')).toBe('validate');
    expect(resolveMode('alerts', 'pull_request_target')).toBe('validate');
  });

  it('renders no report and writes no gallery', async () => {
    const { run } = setUp();
    const result = await run(fakeSes());
    expect(result.summary!.reports).toEqual([]);
    expect(result.summary!.tasks).toEqual([]);
    const out = path.join(path.dirname(path.dirname(result.alerts.state_file)), 'out');
    expect(existsSync(path.join(out, 'reports'))).toBe(false);
    expect(existsSync(path.join(out, 'index.html'))).toBe(false);
    expect(existsSync(path.join(out, 'summary.json'))).toBe(true);
  });
});

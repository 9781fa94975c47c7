// Sends the example portfolio through a real local SES (aws-ses-v2-local, v2 API).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { memoryLogger } from '../../src/logger.js';
import type { RunSummary } from '../../src/summary/model.js';
import { copyExampleConfig, tempDir } from '../helpers.js';
import {
  sesAccountJson,
  startLocalSes,
  useFakeAwsCredentials,
  type LocalSes,
} from '../ses-local.js';

let ses: LocalSes;
const config = copyExampleConfig();

beforeAll(async () => {
  useFakeAwsCredentials();
  process.env.AWS_SES_ACCOUNT = sesAccountJson({
    MaxSendRate: 50,
    Max24HourSend: 10_000,
    SentLast24Hours: 0,
  });
  ses = await startLocalSes();
});
afterAll(async () => {
  await ses.close();
  delete process.env.AWS_SES_ACCOUNT;
});
beforeEach(() => ses.clear());

async function send(stateFile: string, ...flags: string[]) {
  const out = path.join(tempDir(), 'out');
  const log = memoryLogger();
  const code = await main(
    [
      'run',
      '--config',
      config,
      '--out',
      out,
      '--as-of',
      '2026-11-24',
      '--transport',
      'ses',
      '--ses-endpoint',
      ses.url,
      '--aws-region',
      'us-west-2',
      '--state-file',
      stateFile,
      '--tasks',
      'none',
      ...flags,
    ],
    {},
    log,
  );
  const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')) as RunSummary;
  return { code, summary, log };
}

describe('delivery through SES (aws-ses-v2-local)', () => {
  it('delivers all eight reports with the right recipients, subject, text and HTML', async () => {
    const { code, summary } = await send(path.join(tempDir(), 'ledger.jsonl'));
    expect(code).toBe(0);
    const emails = await ses.emails();
    expect(emails).toHaveLength(8);
    const cfoEmail = emails.find((e) => e.subject.startsWith('CFO weekly'))!;
    expect(cfoEmail.from).toBe('Boardroom Reports <reports@example.com>');
    expect(cfoEmail.destination).toEqual({
      to: ['priya.natarajan@example.com'],
      cc: ['morgan.reyes@example.com'],
      bcc: ['archive@example.org'],
    });
    expect(cfoEmail.replyTo).toEqual(['ops@example.com']);
    expect(cfoEmail.subject).toBe('CFO weekly: burn, runway and break-even — 2026-W48');
    expect(cfoEmail.body.text).toContain('Burn and runway');
    expect(cfoEmail.body.html).toMatch(/^<!DOCTYPE html>/);
    const cfo = summary.reports.find((r) => r.id === 'cfo')!;
    expect(cfo.status).toBe('sent');
    expect(cfo.message_ids).toEqual([cfoEmail.messageId]);
    // Every stored email is one of ours, and each report arrived once.
    expect(new Set(summary.reports.flatMap((r) => r.message_ids))).toEqual(
      new Set(emails.map((e) => e.messageId)),
    );
  });

  it('sends nothing on a second run of the same period, and again with force', async () => {
    const ledger = path.join(tempDir(), 'ledger.jsonl');
    await send(ledger);
    expect(readFileSync(ledger, 'utf8').trim().split('\n')).toHaveLength(8);
    await ses.clear();

    const again = await send(ledger);
    expect(again.code).toBe(0);
    expect(await ses.emails()).toHaveLength(0);
    expect(again.summary.reports.every((r) => r.status === 'skipped')).toBe(true);
    expect(again.summary.counts).toMatchObject({ sent: 0, skipped: 8 });

    const forced = await send(ledger, '--force');
    expect(forced.summary.counts).toMatchObject({ sent: 8, skipped: 0 });
    expect(await ses.emails()).toHaveLength(8);
  });

  it('sends only to the test recipient, and says so in the subject', async () => {
    const { summary } = await send(
      path.join(tempDir(), 'ledger.jsonl'),
      '--test-recipient',
      'tester@example.net',
    );
    const emails = await ses.emails();
    expect(emails).toHaveLength(8);
    for (const email of emails) {
      expect(email.destination).toEqual({ to: ['tester@example.net'], cc: [], bcc: [] });
      expect(email.subject).toMatch(/^\[TEST to tester@example\.net\] /);
    }
    expect(summary.reports.every((r) => r.recipients.to.join() === 'tester@example.net')).toBe(
      true,
    );
  });

  it('does not write an outbox when sending through SES', async () => {
    const out = path.join(tempDir(), 'out');
    await main(
      [
        'run',
        '--config',
        config,
        '--out',
        out,
        '--as-of',
        '2026-11-24',
        '--transport',
        'ses',
        '--ses-endpoint',
        ses.url,
        '--aws-region',
        'us-west-2',
        '--state-file',
        path.join(tempDir(), 'l.jsonl'),
        '--reports',
        'cfo',
      ],
      {},
      memoryLogger(),
    );
    expect(existsSync(path.join(out, 'outbox'))).toBe(false);
    expect((await ses.emails()).map((e) => e.subject)).toEqual([
      'CFO weekly: burn, runway and break-even — 2026-W48',
    ]);
  });
});

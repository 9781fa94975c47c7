// The delivery ledger keys what went out per recipient address: a reader added mid-period gets
// the report, alone and in their role, and the others do not get it again (SPEC, "Never twice").
// Ledgers written before (one hash for all of a message's recipients) are still honoured.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { splitByLedger } from '../../src/delivery/deliver.js';
import { DeliveryLedger } from '../../src/delivery/ledger.js';
import { buildSendPlan, type PlannedReport } from '../../src/delivery/plan.js';
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

async function send(config: string, ledger: string) {
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
      ledger,
      '--tasks',
      'none',
    ],
    {},
    log,
  );
  const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')) as RunSummary;
  return { code, summary, log: log.lines };
}

function edit(config: string, file: string, find: string, replace: string): void {
  const full = path.join(config, file);
  const text = readFileSync(full, 'utf8');
  expect(text.split(find)).toHaveLength(2);
  writeFileSync(full, text.replace(find, replace));
}

/** The ledger line format before per-recipient keys, written out by hand. */
function earlierFormatLine(report: RunSummary['reports'][number]): string {
  const role = (list: readonly string[]) =>
    list
      .map((a) => a.toLowerCase())
      .sort()
      .join(',');
  const canonical = `to:${role(report.recipients.to)};cc:${role(report.recipients.cc)};bcc:${role(report.recipients.bcc)}`;
  return JSON.stringify({
    report: report.id,
    period: report.period,
    key: report.id,
    recipients_hash: createHash('sha256').update(canonical).digest('hex').slice(0, 16),
    message_id: `earlier-${report.id}`,
    at: '2026-11-23T08:00:00.000Z',
  });
}

describe('a reader added in the middle of a period', () => {
  it('gets the report alone when added to To; nobody else gets it again', async () => {
    const config = copyExampleConfig();
    const ledger = path.join(tempDir(), 'ledger.jsonl');
    expect((await send(config, ledger)).code).toBe(0);
    expect(await ses.emails()).toHaveLength(8);
    await ses.clear();

    edit(
      config,
      'reports/cfo.yml',
      '    - priya.natarajan@example.com',
      '    - priya.natarajan@example.com\n    - Casey Lin <casey.lin@example.com>',
    );
    const { code, summary, log } = await send(config, ledger);
    expect(code).toBe(0);
    const emails = await ses.emails();
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toBe('CFO weekly: burn, runway and break-even — 2026-W48');
    expect(emails[0]!.destination).toEqual({
      to: ['Casey Lin <casey.lin@example.com>'],
      cc: [],
      bcc: [],
    });
    expect(summary.counts).toMatchObject({ sent: 1, skipped: 7, failed: 0 });
    expect(log).toContain(
      'info: cfo: 3 of 4 recipients had it earlier this period; sending to the 1 who did not',
    );

    // A third run: everyone, the new reader too, has it.
    await ses.clear();
    expect((await send(config, ledger)).code).toBe(0);
    expect(await ses.emails()).toHaveLength(0);
  }, 120_000);

  it('gets it as Cc when added to Cc, from a ledger in the earlier format', async () => {
    const config = copyExampleConfig();
    // What this period's run looked like, to write its ledger the way the earlier version did.
    const first = await send(config, path.join(tempDir(), 'scratch-ledger.jsonl'));
    await ses.clear();
    const ledger = path.join(tempDir(), 'ledger.jsonl');
    writeFileSync(ledger, first.summary.reports.map((r) => `${earlierFormatLine(r)}\n`).join(''));

    // Unchanged recipients: the earlier-format ledger still says everything went out.
    const again = await send(config, ledger);
    expect(again.code).toBe(0);
    expect(await ses.emails()).toHaveLength(0);
    expect(again.summary.reports.find((r) => r.id === 'cto')!.message_ids).toEqual(['earlier-cto']);

    edit(
      config,
      'reports/cto.yml',
      '    - devon.park@example.com\n',
      '    - devon.park@example.com\n  cc:\n    - "Riley Chen <riley.chen@example.com>"\n',
    );
    const { code, summary } = await send(config, ledger);
    expect(code).toBe(0);
    const emails = await ses.emails();
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toBe('CTO weekly: security, stack costs and CI/CD — 2026-W48');
    expect(emails[0]!.destination).toEqual({
      to: [],
      cc: ['Riley Chen <riley.chen@example.com>'],
      bcc: [],
    });
    expect(summary.reports.find((r) => r.id === 'cto')!.status).toBe('sent');

    // The catch-up was written per recipient: a fourth run sends nothing.
    const lastLine = readFileSync(ledger, 'utf8').trim().split('\n').at(-1)!;
    expect(JSON.parse(lastLine)).toMatchObject({
      report: 'cto',
      recipients: ['riley.chen@example.com'],
    });
    await ses.clear();
    expect((await send(config, ledger)).code).toBe(0);
    expect(await ses.emails()).toHaveLength(0);
  }, 120_000);
});

describe('the ledger match, without a server', () => {
  const report = (recipients: PlannedReport['recipients']): PlannedReport => ({
    id: 'board',
    persona: 'ceo',
    period: '2026-W48',
    subject: 'Board',
    text: 'text',
    html: '<p>html</p>',
    format: 'html',
    recipients,
  });
  const settings = { from: 'reports@example.com', defaultBcc: ['archive@example.org'] };
  const readers = (n: number, from = 0) =>
    Array.from({ length: n }, (_, i) => `reader${from + i}@example.com`);

  it('sends only to the new readers when a report over the 50-recipient cap grows', async () => {
    const file = path.join(tempDir(), 'ledger.jsonl');
    const ledger = await DeliveryLedger.open(file);
    const before = buildSendPlan(
      [report({ to: ['ceo@example.com'], cc: [], bcc: readers(58) })],
      settings,
    );
    expect(before.map((m) => m.key)).toEqual(['board-1', 'board-2']); // 1 + 58 + archive = 60
    for (const [i, message] of before.entries())
      await ledger.record({
        report: message.report,
        period: message.period,
        key: message.key,
        recipients: [...message.recipients.to, ...message.recipients.cc, ...message.recipients.bcc],
        recipients_hash: message.recipientsHash,
        message_id: `m${i}`,
        at: '2026-11-23T08:00:00.000Z',
      });

    // Two readers join in the middle of Bcc: each part now holds other addresses than before.
    const bcc = [
      ...readers(20),
      'Late One <late.one@example.com>',
      ...readers(38, 20),
      'late.two@example.com',
    ];
    const after = buildSendPlan([report({ to: ['ceo@example.com'], cc: [], bcc })], settings);
    const reopened = await DeliveryLedger.open(file);
    const { skipped, pending } = splitByLedger(after, reopened, false);
    expect(skipped).toEqual([]);
    expect(pending.map((m) => m.recipients)).toEqual([
      { to: [], cc: [], bcc: ['Late One <late.one@example.com>'] },
      { to: [], cc: [], bcc: ['late.two@example.com'] },
    ]);
    // force still sends everything to everyone.
    expect(splitByLedger(after, reopened, true).pending).toEqual(after);
  });

  it('keeps a send to the test recipient apart: the real send still reaches that reader', async () => {
    const file = path.join(tempDir(), 'ledger.jsonl');
    const ledger = await DeliveryLedger.open(file);
    const real = buildSendPlan([report({ to: readers(2), cc: [], bcc: [] })], settings);
    const trial = buildSendPlan([report({ to: readers(2), cc: [], bcc: [] })], {
      ...settings,
      testRecipient: 'reader0@example.com',
    });
    await ledger.record({
      report: 'board',
      period: '2026-W48',
      key: 'board',
      recipients: ['reader0@example.com'],
      test: true,
      recipients_hash: trial[0]!.recipientsHash,
      message_id: 'trial',
      at: '2026-11-23T08:00:00.000Z',
    });
    const reopened = await DeliveryLedger.open(file);
    // The real run goes to everyone, reader0 included; a second trial run sends nothing.
    expect(splitByLedger(real, reopened, false).pending).toEqual(real);
    expect(splitByLedger(trial, reopened, false).skipped).toEqual([
      { key: 'board', report: 'board', status: 'skipped', messageId: 'trial' },
    ]);
  });

  it('reads an earlier-format line it cannot match as the earlier version did, and says so', async () => {
    // As a test-recipient run of the earlier version leaves it: the same key, other recipients.
    const file = path.join(tempDir(), 'ledger.jsonl');
    const tester = `to:tester@example.com;cc:;bcc:`;
    writeFileSync(
      file,
      `${JSON.stringify({ report: 'board', period: '2026-W48', key: 'board', recipients_hash: createHash('sha256').update(tester).digest('hex').slice(0, 16), message_id: 'test-run', at: '2026-11-23T08:00:00.000Z' })}\n`,
    );
    const plan = buildSendPlan([report({ to: readers(3), cc: [], bcc: [] })], settings);
    const log = memoryLogger();
    const { skipped, pending } = splitByLedger(plan, await DeliveryLedger.open(file), false, log);
    expect(skipped).toEqual([]);
    expect(pending).toEqual(plan);
    expect(log.lines).toEqual([
      "warning: board: the ledger's earlier-format line (test-run) is for other recipients than these; sending to all of them, as the version that wrote it would",
    ]);
  });
});

// Faults SES can throw at a run, played by our own SES stub over real HTTP with the real SDK.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { deliver } from '../../src/delivery/deliver.js';
import { runDelivery } from '../../src/delivery/index.js';
import { DeliveryLedger } from '../../src/delivery/ledger.js';
import { Pacer } from '../../src/delivery/pacer.js';
import { buildSendPlan, type PlannedReport } from '../../src/delivery/plan.js';
import { SesTransport } from '../../src/delivery/ses.js';
import { loadPortfolio, type Portfolio } from '../../src/config/load.js';
import { memoryLogger } from '../../src/logger.js';
import { resolveOptions } from '../../src/options.js';
import type { RunSummary } from '../../src/summary/model.js';
import { copyExampleConfig, EXAMPLE_CONFIG, tempDir } from '../helpers.js';
import { useFakeAwsCredentials } from '../ses-local.js';
import { startSesStub, type SesStub, type StubOptions } from '../ses-stub.js';

const FAST_RETRY = { attempts: 6, baseDelayMs: 10, maxDelayMs: 80 };
let stub: SesStub | undefined;
let portfolio: Portfolio;

beforeAll(async () => {
  useFakeAwsCredentials();
  const loaded = await loadPortfolio(EXAMPLE_CONFIG);
  if (!loaded.ok) throw new Error('the example portfolio must load');
  portfolio = loaded.portfolio;
});
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

async function stubWith(options: StubOptions): Promise<SesStub> {
  stub = await startSesStub(options);
  return stub;
}

function reports(count: number, to = (i: number) => [`reader${i}@example.com`]): PlannedReport[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `report-${i}`,
    persona: 'cfo',
    period: '2026-W48',
    subject: `Report ${i}`,
    text: `Body ${i}`,
    html: `<p>Body ${i}</p>`,
    format: 'html' as const,
    recipients: { to: to(i), cc: [], bcc: [] },
  }));
}
const plan = (count: number, to?: (i: number) => string[]) =>
  buildSendPlan(reports(count, to), { from: 'reports@example.com', defaultBcc: [] });
const transport = (url: string, timeoutMs = 2_000) =>
  new SesTransport({
    region: 'us-west-2',
    endpoint: url,
    timeoutMs,
    configurationSet: 'boardroom-reports',
  });
const runOptions = (extra: Record<string, string> = {}) =>
  resolveOptions(
    {
      mode: 'send',
      transport: 'ses',
      'state-file': path.join(tempDir(), 'ledger.jsonl'),
      out: tempDir(),
      ...extra,
    },
    {},
  );

describe('SES faults', () => {
  it('paces to MaxSendRate in recipients per second, so SES never throttles', async () => {
    const ses = await stubWith({
      account: { MaxSendRate: 10, Max24HourSend: 1000, SentLast24Hours: 0 },
      enforceRate: true,
      latencyMs: 20,
    });
    const started = performance.now();
    const outcome = await deliver(plan(15), {
      transport: transport(ses.url),
      log: memoryLogger(),
      pacer: new Pacer(10),
      concurrency: 5,
      retry: FAST_RETRY,
    });
    const seconds = (performance.now() - started) / 1000;
    expect(outcome.results.every((r) => r.status === 'sent')).toBe(true);
    expect(ses.calls.throttled).toBe(0);
    // 15 one-recipient messages at 10/s: the last starts 1.4 s after the first.
    expect(seconds).toBeGreaterThanOrEqual(1.35);
  });

  it('rides out a throttling burst: every message arrives exactly once, and the pace slows', async () => {
    // Each message is throttled twice before it is accepted.
    const ses = await stubWith({
      decide: (_, attempt) => (attempt <= 2 ? { kind: 'throttle' } : { kind: 'accept' }),
    });
    const pacer = new Pacer(20);
    const outcome = await deliver(plan(6), {
      transport: transport(ses.url),
      log: memoryLogger(),
      pacer,
      concurrency: 3,
      retry: FAST_RETRY,
    });
    expect(outcome.results.map((r) => r.status)).toEqual(Array(6).fill('sent'));
    expect(ses.accepted.map((m) => m.subject).sort()).toEqual([
      'Report 0',
      'Report 1',
      'Report 2',
      'Report 3',
      'Report 4',
      'Report 5',
    ]);
    expect(outcome.retried).toBe(12);
    expect(pacer.currentRate).toBeLessThan(20);
  });

  it('retries a 500 and sends the configuration set and tags', async () => {
    const ses = await stubWith({
      decide: (_, attempt) => (attempt === 1 ? { kind: 'error500' } : { kind: 'accept' }),
    });
    const outcome = await deliver(plan(1), {
      transport: transport(ses.url),
      log: memoryLogger(),
      retry: FAST_RETRY,
    });
    expect(outcome.results[0]).toMatchObject({
      status: 'sent',
      messageId: ses.accepted[0]!.messageId,
    });
    expect(outcome.retried).toBe(1);
    expect(ses.accepted[0]!.configurationSet).toBe('boardroom-reports');
    expect(ses.accepted[0]!.tags).toEqual([
      { Name: 'report', Value: 'report-0' },
      { Name: 'persona', Value: 'cfo' },
      { Name: 'period', Value: '2026-W48' },
    ]);
  });

  it('does not retry a rejected message, names it, and still delivers the others', async () => {
    const ses = await stubWith({
      decide: (request) =>
        request.to.includes('reader1@example.com')
          ? { kind: 'reject', message: 'Email address is not verified.' }
          : { kind: 'accept' },
    });
    const log = memoryLogger();
    const outcome = await deliver(plan(3), {
      transport: transport(ses.url),
      log,
      retry: FAST_RETRY,
    });
    expect(outcome.results.map((r) => r.status)).toEqual(['sent', 'failed', 'sent']);
    expect(outcome.results[1]!.error).toBe('MessageRejected: Email address is not verified.');
    expect(ses.calls.sendEmail).toBe(3);
    expect(log.lines.join('\n')).toContain('report-1: not delivered: MessageRejected');
  });

  it('counts a message SES accepted without a message id as sent, and does not send it again', async () => {
    const ses = await stubWith({ decide: () => ({ kind: 'accept-without-id' }) });
    const outcome = await deliver(plan(1), {
      transport: transport(ses.url),
      log: memoryLogger(),
      retry: FAST_RETRY,
    });
    expect(outcome.results[0]).toMatchObject({ status: 'sent', messageId: 'accepted-without-id' });
    expect(ses.calls.sendEmail).toBe(1);
  });

  it('fails only what is still to send when the account is paused, and skips what went out earlier', async () => {
    const ses = await stubWith({
      account: { MaxSendRate: 14, Max24HourSend: 1000, SentLast24Hours: 0, SendingEnabled: false },
    });
    const options = runOptions();
    const messages = plan(3);
    const ledger = await DeliveryLedger.open(options.stateFile);
    await ledger.record({
      report: messages[0]!.report,
      period: messages[0]!.period,
      key: messages[0]!.key,
      recipients_hash: messages[0]!.recipientsHash,
      message_id: 'earlier',
      at: '2026-11-23T08:00:00Z',
    });
    const outcome = await runDelivery(messages, options, portfolio, memoryLogger(), async () =>
      transport(ses.url),
    );
    expect(outcome.results.map((r) => r.status)).toEqual(['skipped', 'failed', 'failed']);
    // What went out earlier keeps its message id.
    expect(outcome.results[0]!.messageId).toBe('earlier');
    expect(ses.calls.sendEmail).toBe(0);
  });

  it('cuts a hanging call at the timeout and retries it', async () => {
    const ses = await stubWith({
      decide: (request, attempt) =>
        request.subject === 'Report 0' && attempt === 1 ? { kind: 'hang' } : { kind: 'accept' },
    });
    const started = performance.now();
    const outcome = await deliver(plan(2), {
      transport: transport(ses.url, 300),
      log: memoryLogger(),
      retry: FAST_RETRY,
    });
    expect(outcome.results.map((r) => r.status)).toEqual(['sent', 'sent']);
    expect(outcome.retried).toBe(1);
    expect(ses.accepted.filter((m) => m.subject === 'Report 0')).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it('stops before the next wave when a wave fails, holding the rest back', async () => {
    const ses = await stubWith({
      decide: () => ({
        kind: 'reject',
        message: 'Email address is not verified: reports@example.com',
      }),
    });
    const outcome = await deliver(plan(7), {
      transport: transport(ses.url),
      log: memoryLogger(),
      retry: FAST_RETRY,
      waveSize: 3,
      maxWaveFailureShare: 0.5,
    });
    expect(ses.calls.sendEmail).toBe(3);
    expect(outcome.results.filter((r) => r.heldBack)).toHaveLength(4);
    expect(outcome.results[3]!.error).toMatch(/^held back: wave 1 failed 3 of 3 \(MessageRejected/);
  });

  it('sends nothing when the plan needs more than the 24-hour quota has left', async () => {
    const ses = await stubWith({
      account: { MaxSendRate: 14, Max24HourSend: 100, SentLast24Hours: 96 },
    });
    const log = memoryLogger();
    // 3 messages of 2 recipients = 6 recipients; 4 are left: 2 messages would fit.
    const outcome = await runDelivery(
      plan(3, (i) => [`a${i}@example.com`, `b${i}@example.com`]),
      runOptions(),
      portfolio,
      log,
      async () => transport(ses.url),
    );
    expect(ses.calls.sendEmail).toBe(0);
    expect(outcome.results.every((r) => r.status === 'failed')).toBe(true);
    expect(outcome.results[0]!.error).toBe(
      'the plan needs 6 recipients but the 24-hour SES quota has 4 left: nothing was sent (2 of 3 messages would fit)',
    );
  });

  it('falls back to max-send-rate with a warning when GetAccount is denied', async () => {
    const ses = await stubWith({ account: 'denied' });
    const log = memoryLogger();
    const outcome = await runDelivery(
      plan(2),
      runOptions({ 'max-send-rate': '7' }),
      portfolio,
      log,
      async () => transport(ses.url),
    );
    expect(outcome.results.map((r) => r.status)).toEqual(['sent', 'sent']);
    expect(log.lines.find((l) => l.startsWith('warning:'))).toMatch(
      /could not read the SES account's sending rate \(AccessDeniedException: .*\); pacing at 7 recipients\/s/,
    );
  });

  it('exits 1 from the CLI when a report is rejected, and names it in the summary', async () => {
    const ses = await stubWith({
      decide: (request) =>
        request.to.includes('devon.park@example.com')
          ? { kind: 'reject', message: 'Address blacklisted.' }
          : { kind: 'accept' },
    });
    const out = path.join(tempDir(), 'out');
    const code = await main(
      [
        'run',
        '--config',
        copyExampleConfig(),
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
      ],
      {},
      memoryLogger(),
    );
    expect(code).toBe(1);
    const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')) as RunSummary;
    expect(summary.reports.find((r) => r.id === 'cto')).toMatchObject({
      status: 'failed',
      error: 'cto: MessageRejected: Address blacklisted.',
    });
    expect(summary.counts).toMatchObject({ sent: 7, failed: 1 });
  });
});

// The send-rate benchmark: the delivery stage exactly as a send runs it (runDelivery: GetAccount,
// the ledger, doubling waves, the Pacer and the concurrency that follows the observed latency)
// against the project's SES stub, which enforces MaxSendRate the way SES does (429 over the rate
// in a one-second window) and answers each call after a set latency. scripts/bench.ts calls it;
// on its own: `npx tsx scripts/bench-send.ts [latency-ms] [rate ...]`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Portfolio } from '../src/config/load.js';
import { portfolioSchema } from '../src/config/schema.js';
import { runDelivery } from '../src/delivery/index.js';
import { buildSendPlan } from '../src/delivery/plan.js';
import { SesTransport } from '../src/delivery/ses.js';
import { memoryLogger } from '../src/logger.js';
import { resolveOptions } from '../src/options.js';
import { startSesStub } from '../test/ses-stub.js';

/** The MaxSendRates the README quotes: the sandbox, and three production accounts. */
export const BENCH_SEND_RATES = [14, 100, 400, 1000];

/** One MaxSendRate's outcome. */
export interface SendBenchResult {
  /** The account's MaxSendRate, recipients per second. */
  readonly maxSendRate: number;
  readonly messages: number;
  readonly sent: number;
  readonly seconds: number;
  /** Recipients accepted per second over the whole delivery stage, as a share of MaxSendRate. */
  readonly shareOfMaxRate: number;
  /** Calls the stub answered 429 (over the rate). */
  readonly throttled: number;
  /** Retries the delivery loop made (a throttled call that was retried counts here). */
  readonly retried: number;
  /** Messages not delivered: a throttle that escaped the retries would show here. */
  readonly failed: number;
  /** In flight at the end of the run, as src/delivery/pacer.ts decided from the latency it measured. */
  readonly inFlight: number;
}

/**
 * Sends `seconds` x MaxSendRate one-recipient messages (at least 50) through the SES stub at each
 * of `rates` (recipients per second) with `latencyMs` per call, and prints, for each, the achieved
 * rate as a share of MaxSendRate, the throttled and retried counts. Resolves with the figures.
 * Each rate gets a fresh stub and a fresh ledger in a temporary folder.
 */
export async function benchSending(
  rates: readonly number[],
  latencyMs: number,
  seconds = 5,
): Promise<SendBenchResult[]> {
  // The SDK signs every call; the stub never checks the signature.
  process.env.AWS_ACCESS_KEY_ID ??= 'AKIAEXAMPLELOCALTEST';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local-test-secret-not-real';
  console.log(
    `sending: through the SES stub (MaxSendRate enforced per second, ${latencyMs} ms a call), the delivery stage as a send runs it`,
  );
  const results: SendBenchResult[] = [];
  for (const maxSendRate of rates) {
    const result = await benchOneRate(maxSendRate, latencyMs, seconds);
    results.push(result);
    console.log(
      `  MaxSendRate ${String(maxSendRate).padStart(5)}/s  ${result.shareOfMaxRate.toFixed(2)} of it  (${result.sent}/${result.messages} in ${result.seconds.toFixed(1)} s, ${result.throttled} throttled, ${result.retried} retried, ${result.failed} failed, ${result.inFlight} in flight; target >= 0.9, none failed)`,
    );
  }
  return results;
}

async function benchOneRate(
  maxSendRate: number,
  latencyMs: number,
  seconds: number,
): Promise<SendBenchResult> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'boardroom-bench-send-'));
  const stub = await startSesStub({
    account: { MaxSendRate: maxSendRate, Max24HourSend: 10_000_000, SentLast24Hours: 0 },
    latencyMs,
    enforceRate: true,
  });
  try {
    const options = resolveOptions(
      {
        mode: 'send',
        transport: 'ses',
        tasks: 'none',
        'aws-region': 'us-west-2',
        'ses-endpoint': stub.url,
        out: scratch,
        'state-file': path.join(scratch, 'ledger.jsonl'),
      },
      {},
    );
    // The portfolio's delivery settings as a portfolio.yml without any gives them (wave size...).
    const settings = portfolioSchema.parse({
      name: 'Bench',
      currency: 'USD',
      timezone: 'UTC',
      sender: 'reports@example.com',
      owners: {},
      cost_categories: {},
      chart_of_accounts: {},
    });
    const portfolio: Portfolio = {
      dir: scratch,
      settings,
      entities: [],
      personas: new Map(),
      reports: [],
      templates: new Map(),
    };
    const count = Math.max(50, Math.ceil(maxSendRate * seconds));
    const plan = buildSendPlan(
      Array.from({ length: count }, (_, i) => ({
        id: `bench-${i}`,
        persona: 'cfo',
        period: '2026-W48',
        subject: `Bench ${maxSendRate} ${i}`,
        text: 'text',
        html: '<p>html</p>',
        format: 'html' as const,
        recipients: { to: [`reader${i}@example.com`], cc: [], bcc: [] },
      })),
      { from: 'reports@example.com', defaultBcc: [] },
    );
    let transport: SesTransport | undefined;
    const start = performance.now();
    const outcome = await runDelivery(plan, options, portfolio, memoryLogger(), async () => {
      transport = new SesTransport({ region: 'us-west-2', endpoint: stub.url });
      return transport;
    });
    const elapsed = (performance.now() - start) / 1000;
    const sent = outcome.results.filter((r) => r.status === 'sent').length;
    return {
      maxSendRate,
      messages: count,
      sent,
      seconds: elapsed,
      shareOfMaxRate: sent / elapsed / maxSendRate,
      throttled: stub.calls.throttled,
      retried: outcome.retried,
      failed: outcome.results.filter((r) => r.status === 'failed').length,
      inFlight: outcome.inFlight ?? 0,
    };
  } finally {
    await stub.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

// Run directly (not when imported, or bundled into scripts/bench.ts, whose argv[1] is the bundle).
if (process.argv[1]?.endsWith('bench-send.ts')) {
  const [latency, ...rates] = process.argv.slice(2).map(Number);
  await benchSending(rates.length > 0 ? rates : BENCH_SEND_RATES, latency || 50);
}

// The send-rate benchmark: the delivery stage exactly as a send runs it (runDelivery: GetAccount,
// the ledger, doubling waves, the Pacer and the concurrency that follows the observed latency)
// against the project's SES stub, which enforces MaxSendRate the way SES does (429 over the rate
// in a one-second window) and answers each call after a set latency. The stub runs in a child
// process (test/ses-stub-process.ts): SES is remote, and in this process its HTTP server took as
// much CPU as the sender, which at 1,000 calls a second left the two short of one core.
// scripts/bench.ts calls it; on its own: `npx tsx scripts/bench-send.ts [latency-ms] [rate ...]`
// (BENCH_SEND_STARTS=1 also prints each rate's starts per 10 ms). With BENCH_SEND_AGAINST=DIR
// (a folder holding another commit's src/, e.g. `git archive HEAD src | tar -x -C DIR`, and a
// node_modules link) it runs that tree's delivery stage and this one's in turn, in one process,
// BENCH_SEND_ROUNDS pairs (default 4) per rate, and prints each one's CPU per call and the ratio.
// With BENCH_SEND_REPORTS=OUT (the output folder of a run, e.g. a dry-run of the bench portfolio)
// it sends that run's reports instead of one-line messages, bodies and chart PNGs read from
// OUT/reports as a send reads them, once per rate, and prints the memory the delivery stage adds:
// RSS before it and at its peak, the peaks of ArrayBuffers and of the JS heap, and the most calls
// in flight.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Portfolio } from '../src/config/load.js';
import { portfolioSchema } from '../src/config/schema.js';
import { runDelivery } from '../src/delivery/index.js';
import { buildSendPlan, recipientCount, type PlannedReport } from '../src/delivery/plan.js';
import { SesTransport } from '../src/delivery/ses.js';
import { memoryLogger } from '../src/logger.js';
import { resolveOptions } from '../src/options.js';
import { startSesStubProcess } from '../test/ses-stub-process.js';

/** The stub's child entry: this file and its bundle (.bench/bench.js) are both one folder down. */
const STUB_CHILD = fileURLToPath(new URL('../test/ses-stub-process.ts', import.meta.url));

/** The parts of a source tree the bench runs: this one's, or another commit's (loadTree). */
interface Tree {
  readonly runDelivery: typeof runDelivery;
  readonly buildSendPlan: typeof buildSendPlan;
  readonly SesTransport: typeof SesTransport;
  readonly resolveOptions: typeof resolveOptions;
  readonly portfolioSchema: typeof portfolioSchema;
  readonly memoryLogger: typeof memoryLogger;
}

const THIS_TREE: Tree = {
  runDelivery,
  buildSendPlan,
  SesTransport,
  resolveOptions,
  portfolioSchema,
  memoryLogger,
};

/** Another commit's tree at `root` (its src/ as TypeScript, run through tsx like this one). */
async function loadTree(root: string): Promise<Tree> {
  const from = async (file: string) =>
    (await import(path.resolve(root, 'src', file))) as Record<string, unknown>;
  const [index, plan, ses, options, schema, logger] = await Promise.all(
    [
      'delivery/index.ts',
      'delivery/plan.ts',
      'delivery/ses.ts',
      'options.ts',
      'config/schema.ts',
      'logger.ts',
    ].map(from),
  );
  return {
    runDelivery: index!.runDelivery as Tree['runDelivery'],
    buildSendPlan: plan!.buildSendPlan as Tree['buildSendPlan'],
    SesTransport: ses!.SesTransport as Tree['SesTransport'],
    resolveOptions: options!.resolveOptions as Tree['resolveOptions'],
    portfolioSchema: schema!.portfolioSchema as Tree['portfolioSchema'],
    memoryLogger: logger!.memoryLogger as Tree['memoryLogger'],
  };
}

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
  /** The most SendEmail calls started in any one second (each carries one recipient). */
  readonly mostInASecond: number;
  /** This process's CPU time (user + system) per SendEmail call, in ms: the sender's own cost. */
  readonly cpuMsPerCall: number;
  /** The most SendEmail calls under way at once (from the transport's call to its answer). */
  readonly mostInFlight: number;
  /** This process's RSS when the stage started and its peak during it (sampled every 20 ms), MB. */
  readonly rssBeforeMb: number;
  readonly rssPeakMb: number;
  /** The peak of process.memoryUsage().arrayBuffers during the stage (sampled every 20 ms), MB. */
  readonly arrayBuffersPeakMb: number;
  /** The peak of the JS heap (process.memoryUsage().heapTotal) during the stage, MB. */
  readonly heapPeakMb: number;
}

/**
 * The reports of a run's output folder `out` as the pipeline plans them: recipients and subject
 * from summary.json, bodies as OUT/reports/<id>.txt and .html (read when each is sent), charts as
 * the PNGs its HTML shows (OUT/reports/charts/<key>.png). Attachments are not sent.
 */
export function reportsOfRun(out: string): PlannedReport[] {
  const reports = path.join(out, 'reports');
  const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')) as {
    reports: {
      id: string;
      persona: string;
      period: string;
      subject: string;
      recipients: PlannedReport['recipients'];
    }[];
  };
  return summary.reports.map((report) => {
    const html = path.join(reports, `${report.id}.html`);
    const keys = new Set(
      [...readFileSync(html, 'utf8').matchAll(/src="charts\/([0-9a-f]{16})\.png"/g)].map(
        (m) => m[1]!,
      ),
    );
    return {
      id: report.id,
      persona: report.persona,
      period: report.period,
      subject: report.subject,
      format: 'html' as const,
      recipients: report.recipients,
      files: { text: path.join(reports, `${report.id}.txt`), html },
      charts: [...keys].map((key) => ({ key, file: path.join(reports, 'charts', `${key}.png`) })),
    };
  });
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
  reports?: readonly PlannedReport[],
): Promise<SendBenchResult[]> {
  // The SDK signs every call; the stub never checks the signature.
  process.env.AWS_ACCESS_KEY_ID ??= 'AKIAEXAMPLELOCALTEST';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local-test-secret-not-real';
  console.log(
    `sending: through the SES stub (MaxSendRate enforced per second, ${latencyMs} ms a call), the delivery stage as a send runs it`,
  );
  const results: SendBenchResult[] = [];
  for (const maxSendRate of rates) {
    const result = await benchOneRate(maxSendRate, latencyMs, seconds, THIS_TREE, reports);
    results.push(result);
    console.log(
      `  MaxSendRate ${String(maxSendRate).padStart(5)}/s  ${result.shareOfMaxRate.toFixed(2)} of it  (${result.sent}/${result.messages} in ${result.seconds.toFixed(1)} s, ${result.throttled} throttled, ${result.retried} retried, ${result.failed} failed, ${result.inFlight} in flight, at most ${result.mostInASecond} started in a second, ${result.cpuMsPerCall.toFixed(2)} ms of CPU a call; target >= 0.9, none failed)`,
    );
    if (reports)
      console.log(
        `                      memory: RSS ${result.rssBeforeMb} MB before the stage, ${result.rssPeakMb} MB at its peak (+${result.rssPeakMb - result.rssBeforeMb}), ArrayBuffers up to ${result.arrayBuffersPeakMb} MB, heap up to ${result.heapPeakMb} MB, at most ${result.mostInFlight} calls in flight`,
      );
  }
  return results;
}

async function benchOneRate(
  maxSendRate: number,
  latencyMs: number,
  seconds: number,
  tree: Tree = THIS_TREE,
  reports?: readonly PlannedReport[],
): Promise<SendBenchResult> {
  const { runDelivery, buildSendPlan, SesTransport, resolveOptions, portfolioSchema } = tree;
  const { memoryLogger } = tree;
  const scratch = mkdtempSync(path.join(tmpdir(), 'boardroom-bench-send-'));
  const stub = await startSesStubProcess(
    {
      account: { MaxSendRate: maxSendRate, Max24HourSend: 10_000_000, SentLast24Hours: 0 },
      latencyMs,
      enforceRate: true,
    },
    STUB_CHILD,
  );
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
    const count = reports?.length ?? Math.max(50, Math.ceil(maxSendRate * seconds));
    const plan = buildSendPlan(
      reports ??
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
    // When each call started (the pacer's doing), and this process's CPU for the whole stage.
    const starts: number[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    const rssBefore = process.memoryUsage().rss;
    const peak = { rss: rssBefore, arrayBuffers: 0, heap: 0 };
    const sample = setInterval(() => {
      const memory = process.memoryUsage();
      peak.rss = Math.max(peak.rss, memory.rss);
      peak.arrayBuffers = Math.max(peak.arrayBuffers, memory.arrayBuffers);
      peak.heap = Math.max(peak.heap, memory.heapTotal);
    }, 20);
    const start = performance.now();
    const cpuBefore = process.cpuUsage();
    const outcome = await runDelivery(plan, options, portfolio, memoryLogger(), async () => {
      const ses = new SesTransport({ region: 'us-west-2', endpoint: stub.url });
      return {
        name: ses.name,
        account: () => ses.account(),
        send: async (message) => {
          starts.push(performance.now() - start);
          mostInFlight = Math.max(mostInFlight, (inFlight += 1));
          try {
            return await ses.send(message);
          } finally {
            inFlight -= 1;
          }
        },
      };
    });
    const elapsed = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    clearInterval(sample);
    const mb = (bytes: number) => Math.round(bytes / 1e6);
    if (process.env.BENCH_SEND_STARTS) console.log(`  starts per 10 ms: ${perTenMs(starts)}`);
    const calls = await stub.calls();
    const sent = outcome.results.filter((r) => r.status === 'sent').length;
    // SES's rate counts recipients (one a message in the one-line plan; a report has its own).
    const recipients = new Map(plan.map((m) => [m.key, recipientCount(m.recipients)]));
    const sentRecipients = outcome.results
      .filter((r) => r.status === 'sent')
      .reduce((total, r) => total + (recipients.get(r.key) ?? 1), 0);
    return {
      maxSendRate,
      messages: count,
      sent,
      seconds: elapsed,
      shareOfMaxRate: sentRecipients / elapsed / maxSendRate,
      throttled: calls.throttled,
      retried: outcome.retried,
      failed: outcome.results.filter((r) => r.status === 'failed').length,
      inFlight: outcome.inFlight ?? 0,
      mostInASecond: mostInAWindow(starts, 1000),
      cpuMsPerCall: (cpu.user + cpu.system) / 1000 / Math.max(1, starts.length),
      mostInFlight,
      rssBeforeMb: mb(rssBefore),
      rssPeakMb: mb(peak.rss),
      arrayBuffersPeakMb: mb(peak.arrayBuffers),
      heapPeakMb: mb(peak.heap),
    };
  } finally {
    await stub.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The most of `starts` (ms) in any window of `ms`. */
function mostInAWindow(starts: readonly number[], ms: number): number {
  const sorted = [...starts].sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; last < sorted.length; last += 1) {
    while (sorted[last]! - sorted[first]! >= ms) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

/** Starts per 10 ms bucket from the first, space-separated: bursts and gaps show as such. */
function perTenMs(starts: readonly number[]): string {
  const buckets: number[] = [];
  for (const at of starts) {
    const bucket = Math.floor(at / 10);
    while (buckets.length <= bucket) buckets.push(0);
    buckets[bucket]! += 1;
  }
  return buckets.join(' ');
}

/**
 * The delivery stage of the tree at `otherRoot` and of this one in turn (the order swapped every
 * round, `rounds` pairs per rate, one process, each run with a fresh stub and ledger), so both
 * see the same machine: prints, for each rate, each one's CPU per call (ms) and share of
 * MaxSendRate per run, and this tree's CPU per call as a ratio of the other's (summed runs).
 */
export async function compareSending(
  otherRoot: string,
  rates: readonly number[],
  latencyMs: number,
  rounds: number,
  seconds = 5,
  reports?: readonly PlannedReport[],
): Promise<void> {
  process.env.AWS_ACCESS_KEY_ID ??= 'AKIAEXAMPLELOCALTEST';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local-test-secret-not-real';
  const trees = { other: await loadTree(otherRoot), this: THIS_TREE };
  console.log(
    `sending: ${otherRoot} ("other") against this tree, ${rounds} alternating pairs a rate, ${latencyMs} ms a call`,
  );
  for (const maxSendRate of rates) {
    const runs: Record<keyof typeof trees, SendBenchResult[]> = { other: [], this: [] };
    for (let round = 0; round < rounds; round += 1) {
      const order = round % 2 === 0 ? (['other', 'this'] as const) : (['this', 'other'] as const);
      for (const name of order)
        runs[name].push(await benchOneRate(maxSendRate, latencyMs, seconds, trees[name], reports));
    }
    const cpu = (name: keyof typeof trees) => runs[name].reduce((t, r) => t + r.cpuMsPerCall, 0);
    for (const name of ['other', 'this'] as const)
      console.log(
        `  MaxSendRate ${String(maxSendRate).padStart(5)}/s  ${name.padEnd(5)}  ms of CPU a call ${runs[name].map((r) => r.cpuMsPerCall.toFixed(2)).join(' ')}  share ${runs[name].map((r) => r.shareOfMaxRate.toFixed(2)).join(' ')}  failed ${runs[name].map((r) => r.failed).join(' ')}  throttled ${runs[name].map((r) => r.throttled).join(' ')}` +
          (reports
            ? `  RSS added ${runs[name].map((r) => r.rssPeakMb - r.rssBeforeMb).join(' ')} MB  ArrayBuffers ${runs[name].map((r) => r.arrayBuffersPeakMb).join(' ')} MB  heap ${runs[name].map((r) => r.heapPeakMb).join(' ')} MB  in flight ${runs[name].map((r) => r.mostInFlight).join(' ')}`
            : ''),
      );
    console.log(
      `  MaxSendRate ${String(maxSendRate).padStart(5)}/s  this / other CPU a call: ${(cpu('this') / cpu('other')).toFixed(2)}`,
    );
  }
}

// Run directly (not when imported, or bundled into scripts/bench.ts, whose argv[1] is the bundle).
if (process.argv[1]?.endsWith('bench-send.ts')) {
  const [latency, ...rates] = process.argv.slice(2).map(Number);
  const against = process.env.BENCH_SEND_AGAINST;
  const out = process.env.BENCH_SEND_REPORTS;
  const reports = out ? reportsOfRun(out) : undefined;
  if (against)
    await compareSending(
      against,
      rates.length > 0 ? rates : BENCH_SEND_RATES,
      latency || 50,
      Number(process.env.BENCH_SEND_ROUNDS) || 4,
      5,
      reports,
    );
  else await benchSending(rates.length > 0 ? rates : BENCH_SEND_RATES, latency || 50, 5, reports);
}

// npm run bench: the speed and memory figures the README quotes. It runs bundled with plain node
// (not through tsx), so the memory figure is what the action itself would use.
//  1. analysis + rendering of a generated portfolio (200 entities, 1,000 reports): time and peak RSS,
//     and how the time splits between the steps;
//  2. sending 1,000 messages through the SES stub at a set MaxSendRate with 50 ms latency: the
//     achieved rate as a share of MaxSendRate, and the speed-up over one message after another.
import { tmpdir } from 'node:os';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Analyzer } from '../src/analysis/index.js';
import { deliver } from '../src/delivery/deliver.js';
import { Pacer } from '../src/delivery/pacer.js';
import { buildSendPlan } from '../src/delivery/plan.js';
import { SesTransport } from '../src/delivery/ses.js';
import { memoryLogger } from '../src/logger.js';
import type { Liquid } from 'liquidjs';
import type { Portfolio } from '../src/config/load.js';
import { renderReports, validatePortfolio } from '../src/pipeline.js';
import { reportView } from '../src/render/index.js';
import { lexMarkdown, markdownToHtml, markdownToText } from '../src/render/markdown.js';
import { startSesStub } from '../test/ses-stub.js';
import { generatePortfolio } from './generate-portfolio.js';

const AS_OF = '2026-11-24';
const seconds = (start: number) => (performance.now() - start) / 1000;
const peakMb = () => process.resourceUsage().maxRSS / 1024;

const folderBytes = (folder: string) =>
  readdirSync(folder).reduce((sum, file) => sum + statSync(path.join(folder, file)).size, 0);

async function benchAnalysis(): Promise<void> {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'boardroom-bench-')), 'reports-config');
  const { entities, reports } = generatePortfolio(
    dir,
    Number(process.env.BENCH_ENTITIES ?? 200),
    Number(process.env.BENCH_REPORTS ?? 1000),
  );
  const loadStart = performance.now();
  const validated = await validatePortfolio(dir);
  if ('errors' in validated)
    throw new Error(`the generated portfolio is invalid: ${validated.errors[0]!.message}`);
  const loadTime = seconds(loadStart);

  // The pipeline's own stage: analyse, render and write each report's four files to OUT.
  const out = path.join(path.dirname(dir), 'out');
  const start = performance.now();
  const analyzer = new Analyzer(validated.portfolio, AS_OF);
  const { rendered, errors } = renderReports(
    analyzer,
    validated.engine,
    validated.portfolio.reports,
    { out, keepBodies: false, log: memoryLogger() },
  );
  if (errors.length > 0) throw new Error(`a generated report failed to render: ${errors[0]}`);
  const analysisTime = seconds(start);
  console.log(`analysis: ${entities.length} entities, ${reports} reports`);
  console.log(`  load + validate       ${loadTime.toFixed(2)} s`);
  const bytes = folderBytes(path.join(out, 'reports'));
  console.log(
    `  analyse + render      ${analysisTime.toFixed(2)} s  (${(bytes / 1e6).toFixed(1)} MB of .md, .html, .txt and .json written; target < 2 s)`,
  );
  console.log(`  peak RSS              ${peakMb().toFixed(0)} MB  (target < 200 MB)`);
  // What the run really holds, as opposed to garbage V8 has not collected yet (needs --expose-gc).
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect) {
    collect();
    const heapMb = process.memoryUsage().heapUsed / 1048576;
    // Measured while the stage's results and the analyzer are still in use, as in the pipeline.
    const metrics = Object.keys(analyzer.metrics()).length;
    console.log(
      `  heap in use after GC  ${heapMb.toFixed(0)} MB  (the portfolio, ${metrics} entities' metrics and what ${rendered.length} reports keep)`,
    );
  }
  timeSplit(validated.portfolio, validated.engine, 5);
}

/**
 * Where the time goes: renderReport's steps, timed one by one over a sample of the reports (no
 * files are written here). Keep the steps in line with src/render/index.ts.
 */
function timeSplit(portfolio: Portfolio, engine: Liquid, every: number): void {
  // Every nth report, so each persona's reports are in the sample.
  const sample = portfolio.reports.filter((_, index) => index % every === 0);
  const analyzer = new Analyzer(portfolio, AS_OF);
  const steps = {
    analyses: 0,
    liquid: 0,
    'markdown lexer': 0,
    'HTML (marked + sanitize-html)': 0,
    'plain text': 0,
  };
  const time = <T>(step: keyof typeof steps, work: () => T): T => {
    const start = performance.now();
    const result = work();
    steps[step] += performance.now() - start;
    return result;
  };
  for (const report of sample) {
    const analysis = time('analyses', () => analyzer.analyzeReport(report));
    const view = reportView(portfolio, report, analysis, AS_OF);
    const template = report.template ?? portfolio.personas.get(report.persona)!.template;
    const markdown = time('liquid', () => engine.renderFileSync(template, view));
    const tokens = time('markdown lexer', () => lexMarkdown(markdown));
    time('HTML (marked + sanitize-html)', () => markdownToHtml(tokens));
    time('plain text', () => markdownToText(tokens));
  }
  const total = Object.values(steps).reduce((a, b) => a + b, 0);
  console.log(
    `  split over ${sample.length} reports (${(total / sample.length).toFixed(1)} ms a report):`,
  );
  for (const [step, ms] of Object.entries(steps))
    console.log(`    ${step.padEnd(30)} ${((100 * ms) / total).toFixed(0).padStart(3)}%`);
}

async function benchSending(): Promise<void> {
  const maxSendRate = 100;
  const latencyMs = 50;
  process.env.AWS_ACCESS_KEY_ID ??= 'AKIAEXAMPLELOCALTEST';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local-test-secret-not-real';
  const stub = await startSesStub({
    account: { MaxSendRate: maxSendRate, Max24HourSend: 1_000_000, SentLast24Hours: 0 },
    latencyMs,
    enforceRate: true,
  });
  const transport = new SesTransport({ region: 'us-west-2', endpoint: stub.url });
  const plan = (count: number, tag: string) =>
    buildSendPlan(
      Array.from({ length: count }, (_, i) => ({
        id: `${tag}-${i}`,
        persona: 'cfo',
        period: '2026-W48',
        subject: `Bench ${tag} ${i}`,
        text: 'text',
        html: '<p>html</p>',
        format: 'html' as const,
        recipients: { to: [`reader${i}@example.com`], cc: [], bcc: [] },
      })),
      { from: 'reports@example.com', defaultBcc: [] },
    );
  try {
    // One after another, unpaced: what a simple loop achieves against 50 ms of latency.
    const sequentialCount = 100;
    let start = performance.now();
    await deliver(plan(sequentialCount, 'seq'), { transport, log: memoryLogger(), concurrency: 1 });
    const sequentialRate = sequentialCount / seconds(start);

    // The delivery stage as a send runs it: paced to the rate, bounded concurrency, doubling waves.
    const count = 1000;
    stub.calls.throttled = 0;
    start = performance.now();
    const outcome = await deliver(plan(count, 'paced'), {
      transport,
      log: memoryLogger(),
      pacer: new Pacer(maxSendRate),
      concurrency: Math.min(8, Math.ceil(maxSendRate / 2)),
      waveSize: 5,
      maxWaveFailureShare: 0.5,
    });
    const elapsed = seconds(start);
    const sent = outcome.results.filter((r) => r.status === 'sent').length;
    const achieved = sent / elapsed;
    console.log(
      `sending: ${count} messages, MaxSendRate ${maxSendRate}/s, ${latencyMs} ms latency (SES stub)`,
    );
    console.log(
      `  sent                  ${sent}/${count} in ${elapsed.toFixed(1)} s, ${stub.calls.throttled} throttled, ${outcome.retried} retried`,
    );
    console.log(
      `  achieved rate         ${achieved.toFixed(1)}/s = ${(achieved / maxSendRate).toFixed(2)} of MaxSendRate (target >= 0.9)`,
    );
    console.log(
      `  one after another     ${sequentialRate.toFixed(1)}/s -> speed-up ${(achieved / sequentialRate).toFixed(1)}x`,
    );
  } finally {
    await stub.close();
  }
}

await benchAnalysis();
// BENCH_ANALYSIS_ONLY=1 skips sending, e.g. to profile the analysis part with --cpu-prof.
if (!process.env.BENCH_ANALYSIS_ONLY) await benchSending();

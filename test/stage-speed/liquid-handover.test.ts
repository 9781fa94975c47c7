// The finishing thread doing a report's Liquid step too (a LiquidJob, src/render/finish-worker.ts),
// handed over by renderReportsFinishingElsewhere when the thread's backlog is low: every file,
// entry, chart, log line and failure must be what the main thread alone makes.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/analysis/index.js';
import { memoryLogger } from '../../src/logger.js';
import { validatePortfolio } from '../../src/pipeline.js';
import type { FinishingJob } from '../../src/render/finish-worker.js';
import { openFinishingThread, type FinishingThread } from '../../src/render/pool.js';
import {
  renderReportsFinishingElsewhere,
  renderReportsInProcess,
} from '../../src/render/report-files.js';
import { copyExampleConfig, EXAMPLE_CONFIG, tempDir } from '../helpers.js';

const AS_OF = '2026-11-24';
// Each case starts a thread that compiles the sources under tsx: slow on a loaded 2-core machine.
const SLOW = 240_000;

/**
 * The stage in the main thread alone, then on two threads with the thread's backlog read as
 * `backlog` says (0: every report's Liquid step is handed over; undefined: the thread's own).
 */
async function bothWays(config: string, backlog?: () => number) {
  const validated = await validatePortfolio(config);
  if ('errors' in validated) throw new Error(JSON.stringify(validated.errors));
  const { portfolio, engine } = validated;
  const out = tempDir('handover-out-');
  const alone = path.join(tempDir('handover-alone-'), 'reports');
  const twoThreads = path.join(tempDir('handover-two-'), 'reports');
  mkdirSync(alone, { recursive: true });
  mkdirSync(twoThreads, { recursive: true });
  const aloneLog = memoryLogger();
  const inProcess = renderReportsInProcess(
    new Analyzer(portfolio, AS_OF),
    engine,
    portfolio.reports,
    { into: alone, out, log: aloneLog },
  );
  const twoLog = memoryLogger();
  const thread = await openFinishingThread(portfolio.templates.values());
  const handed: string[] = [];
  const finishing: FinishingThread = {
    ...thread,
    backlog: backlog ?? thread.backlog,
    finish: (job: FinishingJob) => {
      if ('analysis' in job) handed.push(job.report.id);
      return thread.finish(job);
    },
  };
  try {
    const finished = await renderReportsFinishingElsewhere(
      new Analyzer(portfolio, AS_OF),
      engine,
      portfolio.reports,
      { into: twoThreads, out, log: twoLog },
      finishing,
      3,
    );
    const backlogAfter = thread.backlog();
    return {
      inProcess,
      aloneLog,
      finished,
      twoLog,
      alone,
      twoThreads,
      portfolio,
      handed,
      backlogAfter,
    };
  } finally {
    await thread.close();
  }
}

function expectSameFiles(expected: string, actual: string): number {
  const names = readdirSync(expected).sort();
  expect(readdirSync(actual).sort()).toEqual(names);
  for (const name of names)
    expect(readFileSync(path.join(actual, name)), name).toEqual(
      readFileSync(path.join(expected, name)),
    );
  return names.length;
}

describe('the Liquid step on the finishing thread', { timeout: SLOW }, () => {
  it('renders every report of the example there byte for byte as the main thread alone does', async () => {
    const run = await bothWays(EXAMPLE_CONFIG, () => 0);
    expect(run.handed).toEqual(run.portfolio.reports.map((r) => r.id));
    expect(run.finished.errors).toEqual([]);
    expect(expectSameFiles(run.alone, run.twoThreads)).toBe(4 * run.portfolio.reports.length);
    expect(run.finished.rendered).toEqual(run.inProcess.rendered);
    run.finished.rendered.forEach((entry, i) =>
      expect(entry.report).toBe(run.portfolio.reports[i]),
    );
    expect([...run.finished.charts.keys()]).toEqual([...run.inProcess.charts.keys()]);
    expect(run.finished.charts).toEqual(run.inProcess.charts);
    expect(run.finished.charts.size).toBeGreaterThan(0);
    expect(run.twoLog.lines).toEqual(run.aloneLog.lines);
    // Every job came back: the thread's shared counter says so.
    expect(run.backlogAfter).toBe(0);
  });

  it('names a template that fails there (the subject, a body variable) as the main thread does, in order', async () => {
    const config = copyExampleConfig();
    const cto = path.join(config, 'reports', 'cto.yml');
    writeFileSync(cto, readFileSync(cto, 'utf8').replace('{{ period }}', '{{ perriod }}'));
    const cfo = path.join(config, 'templates', 'cfo.md');
    writeFileSync(cfo, `${readFileSync(cfo, 'utf8')}\n{{ report.readr }}\n`);
    const run = await bothWays(config, () => 0);
    expect(run.inProcess.errors).toHaveLength(2);
    expect(run.finished.errors).toEqual(run.inProcess.errors);
    expect(run.finished.errors.find((e) => e.startsWith('cto:'))).toMatch(
      /^cto: \S*cto\.yml:\d+:\d+: subject: .*perriod/,
    );
    expect(run.finished.errors.find((e) => e.startsWith('cfo:'))).toMatch(
      /^cfo: \S*cfo\.md:\d+:\d+: .*readr/,
    );
    expect(run.finished.rendered).toEqual(run.inProcess.rendered);
    expect(run.finished.charts).toEqual(run.inProcess.charts);
    expect(run.twoLog.lines).toEqual(run.aloneLog.lines);
  });

  it("hands the Liquid step over by the thread's own backlog: the first report, with the same files", async () => {
    const run = await bothWays(EXAMPLE_CONFIG);
    // Nothing is queued on the thread when the first report is ready.
    expect(run.handed[0]).toBe(run.portfolio.reports[0]!.id);
    expect(expectSameFiles(run.alone, run.twoThreads)).toBe(4 * run.portfolio.reports.length);
    expect(run.finished.rendered).toEqual(run.inProcess.rendered);
    expect(run.backlogAfter).toBe(0);
  });
});

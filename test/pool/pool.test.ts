// The render stage on worker threads (src/render/pool.ts) against the same stage in the main
// thread (renderReports in src/pipeline.ts): the same bytes in every file, the same metadata,
// the same errors and log; plus when workers are used, and what a worker over its cap gives.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/analysis/index.js';
import type { Report } from '../../src/config/load.js';
import { memoryLogger } from '../../src/logger.js';
import { ArgumentError } from '../../src/options.js';
import { renderReports, validatePortfolio } from '../../src/pipeline.js';
import {
  contiguousBatches,
  renderReportsInWorkers,
  renderWorkerCount,
} from '../../src/render/pool.js';
import { generatePortfolio } from '../../scripts/generate-portfolio.js';
import { copyExampleConfig, EXAMPLE_CONFIG, tempDir } from '../helpers.js';

const AS_OF = '2026-11-24';
// Each case renders a portfolio twice and starts workers that load it again (under tsx, which
// compiles the sources in each worker): minutes on a loaded 2-core machine.
const SLOW = 240_000;

async function load(config: string) {
  const validated = await validatePortfolio(config);
  if ('errors' in validated) throw new Error(JSON.stringify(validated.errors));
  return validated;
}

/** The stage both ways, on the same reports and the same `out` (chart file names depend on it). */
async function bothWays(
  config: string,
  { workers = 2, reports }: { workers?: number; reports?: (all: Report[]) => Report[] } = {},
) {
  const { portfolio, engine } = await load(config);
  const selected = reports ? reports(portfolio.reports) : portfolio.reports;
  const out = tempDir('pool-in-process-');
  const inProcessLog = memoryLogger();
  // With fewer than 1,000 reports and no BOARDROOM_RENDER_WORKERS, renderReports renders in the
  // main thread on any machine.
  const inProcess = await renderReports(new Analyzer(portfolio, AS_OF), engine, selected, {
    config,
    out,
    log: inProcessLog,
  });
  const into = path.join(tempDir('pool-workers-'), 'reports');
  mkdirSync(into, { recursive: true });
  const workersLog = memoryLogger();
  const pooled = await renderReportsInWorkers(
    { config, asOf: AS_OF, reports: selected },
    { into, out, log: workersLog, workers },
  );
  return {
    inProcess,
    inProcessLog,
    pooled,
    workersLog,
    reportsDir: path.join(out, 'reports'),
    into,
    selected,
  };
}

function expectSameFiles(expected: string, actual: string): number {
  const names = readdirSync(expected)
    .filter((name) => name !== 'charts')
    .sort();
  expect(readdirSync(actual).sort()).toEqual(names);
  for (const name of names)
    expect(readFileSync(path.join(actual, name)), name).toEqual(
      readFileSync(path.join(expected, name)),
    );
  return names.length;
}

describe('renderReportsInWorkers', { timeout: SLOW }, () => {
  it('writes the example portfolio byte for byte as the main thread does, with the same metadata', async () => {
    const run = await bothWays(EXAMPLE_CONFIG);
    expect(run.inProcess.errors).toEqual([]);
    expect(run.pooled.errors).toEqual([]);
    // Four files for each of the example's reports.
    expect(expectSameFiles(run.reportsDir, run.into)).toBe(4 * run.selected.length);
    expect(run.selected.length).toBeGreaterThanOrEqual(8);
    expect(run.pooled.rendered).toEqual(run.inProcess.rendered);
    // The very Report objects the caller passed, in its order.
    run.pooled.rendered.forEach((entry, i) => expect(entry.report).toBe(run.selected[i]));
    expect([...run.pooled.charts.keys()]).toEqual([...run.inProcess.charts.keys()]);
    expect(run.pooled.charts).toEqual(run.inProcess.charts);
    expect(run.pooled.charts.size).toBeGreaterThan(0);
    expect(run.workersLog.lines).toEqual(run.inProcessLog.lines);
  });

  it('renders a generated 20-report portfolio the same, in report order, on 2 workers', async () => {
    const config = path.join(tempDir('pool-generated-'), 'reports-config');
    generatePortfolio(config, 14, 20);
    const run = await bothWays(config);
    expect(run.selected).toHaveLength(20);
    expect(run.pooled.errors).toEqual([]);
    expect(expectSameFiles(run.reportsDir, run.into)).toBe(80);
    expect(run.pooled.rendered.map((e) => e.report.id)).toEqual(run.selected.map((r) => r.id));
    expect(run.pooled.rendered).toEqual(run.inProcess.rendered);
    expect(run.pooled.charts).toEqual(run.inProcess.charts);
    expect(run.workersLog.lines).toEqual(run.inProcessLog.lines);
  });

  it('names a template that fails in a worker exactly as the main thread does', async () => {
    const config = copyExampleConfig();
    // A typo that parses (so validate without rendering passes) and fails when rendered: every
    // report that shows the burn section fails at its file:line.
    const burn = path.join(config, 'templates', 'sections', 'burn.md');
    writeFileSync(burn, `{{ report.cadense }}\n${readFileSync(burn, 'utf8')}`);
    const run = await bothWays(config);
    expect(run.inProcess.errors.length).toBeGreaterThan(0);
    expect(run.pooled.errors).toEqual(run.inProcess.errors);
    expect(run.pooled.errors[0]).toMatch(
      /^[\w-]+: \S*\/templates\/sections\/burn\.md:1:\d+: Liquid: undefined variable/,
    );
  });

  it('names a subject that fails in a worker exactly as the main thread does', async () => {
    const config = copyExampleConfig();
    const cto = path.join(config, 'reports', 'cto.yml');
    writeFileSync(cto, readFileSync(cto, 'utf8').replace('{{ period }}', '{{ perriod }}'));
    const run = await bothWays(config);
    expect(run.inProcess.errors).toHaveLength(1);
    expect(run.pooled.errors).toEqual(run.inProcess.errors);
    expect(run.pooled.errors[0]).toMatch(/^cto: .*perriod/);
    // The other reports still rendered, in order.
    expect(run.pooled.rendered.map((e) => e.report.id)).toEqual(
      run.selected.filter((r) => r.id !== 'cto').map((r) => r.id),
    );
  });

  it("caps each worker's heap: a worker over its cap fails its reports with the cap named", async () => {
    const { portfolio } = await load(EXAMPLE_CONFIG);
    const into = tempDir('pool-capped-');
    const result = await renderReportsInWorkers(
      { config: EXAMPLE_CONFIG, asOf: AS_OF, reports: portfolio.reports },
      { into, out: into, log: memoryLogger(), workers: 1, heapMb: 8 },
    );
    expect(result.rendered).toEqual([]);
    expect(result.errors).toEqual(
      portfolio.reports.map(
        (r) =>
          `${r.id}: its render worker ran out of memory (capped at 8 MB; BOARDROOM_RENDER_WORKERS=0 renders in the main thread)`,
      ),
    );
  });
});

describe('renderWorkerCount', () => {
  it('uses none below 4 cores, and one per core from 4 cores and 1,000 reports', () => {
    expect(renderWorkerCount(5000, {}, 2)).toBe(0);
    expect(renderWorkerCount(5000, {}, 3)).toBe(0);
    expect(renderWorkerCount(1000, {}, 4)).toBe(4);
    expect(renderWorkerCount(1000, {}, 16)).toBe(16);
    // Each worker's own load of the portfolio would cost more than it saves.
    expect(renderWorkerCount(999, {}, 16)).toBe(0);
    expect(renderWorkerCount(8, {}, 4)).toBe(0);
  });

  it('follows BOARDROOM_RENDER_WORKERS when set, never more workers than reports', () => {
    expect(renderWorkerCount(1000, { BOARDROOM_RENDER_WORKERS: '0' }, 16)).toBe(0);
    expect(renderWorkerCount(1000, { BOARDROOM_RENDER_WORKERS: '2' }, 2)).toBe(2);
    expect(renderWorkerCount(8, { BOARDROOM_RENDER_WORKERS: ' 12 ' }, 2)).toBe(8);
    expect(renderWorkerCount(1000, { BOARDROOM_RENDER_WORKERS: '' }, 2)).toBe(0);
  });

  it('refuses a setting that is not a whole number', () => {
    for (const setting of ['two', '-1', '1.5'])
      expect(() => renderWorkerCount(10, { BOARDROOM_RENDER_WORKERS: setting }, 4)).toThrow(
        new ArgumentError(
          `BOARDROOM_RENDER_WORKERS: "${setting}" is not a whole number of workers (0 renders in the main thread)`,
        ),
      );
  });
});

describe('contiguousBatches', () => {
  it('cuts in order into nearly equal runs, none empty', () => {
    const ids = Array.from({ length: 10 }, (_, i) => i);
    expect(contiguousBatches(ids, 4)).toEqual([
      [0, 1],
      [2, 3, 4],
      [5, 6],
      [7, 8, 9],
    ]);
    expect(contiguousBatches(ids.slice(0, 3), 8)).toEqual([[0], [1], [2]]);
    expect(contiguousBatches([], 8)).toEqual([]);
  });
});

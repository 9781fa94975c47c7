// The chart step's raster thread (src/charts/raster-thread.ts, used by writeChartFiles for
// MIN_CHARTS_FOR_RASTER_THREAD charts or more): the same PNG bytes as drawing in-process for the
// example's real charts and for every chart kind, the files in the same order, the same failures
// named by the chart's key, a thread that cannot start or dies failing its charts (never a hang),
// no thread left behind, and the bundle's thread where the action runs it (no node_modules).
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ChartCache,
  MIN_CHARTS_FOR_RASTER_THREAD,
  writeChartFiles,
} from '../../src/charts/files.js';
import { type RasterThread, openRasterThread } from '../../src/charts/raster-thread.js';
import { type ChartSpec, chartKey } from '../../src/charts/spec.js';
import { main } from '../../src/cli.js';
import { memoryLogger } from '../../src/logger.js';
import { generatePortfolio } from '../../scripts/generate-portfolio.js';
import { EXAMPLE_CONFIG, REPO_ROOT, tempDir } from '../helpers.js';
import { CHART_KINDS } from './kinds.js';

const AS_OF = '2026-11-24';
// Threads started from the sources compile them under tsx: slow on a loaded 2-core machine.
const SLOW = 300_000;
const run = promisify(execFile);

/**
 * Every chart spec in a run's report JSON files whose PNG the run wrote (key -> spec, by key):
 * the charts as the analyses made them.
 */
function runCharts(reports: string): Map<string, ChartSpec> {
  const found = new Map<string, ChartSpec>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') {
      const spec = value as ChartSpec;
      if (Array.isArray(spec.series) && Array.isArray(spec.categories) && spec.width > 0) {
        found.set(chartKey(spec), spec);
      } else Object.values(value).forEach(walk);
    }
  };
  for (const name of readdirSync(reports).filter((n) => n.endsWith('.json')))
    walk(JSON.parse(readFileSync(path.join(reports, name), 'utf8')));
  const drawn = new Set(readdirSync(path.join(reports, 'charts')));
  return new Map(
    [...found].filter(([key]) => drawn.has(`${key}.png`)).sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

const kinds = () =>
  new Map(Object.values(CHART_KINDS).map((spec) => [chartKey(spec), spec] as const));

/** A raster thread that counts the charts given to it. */
function counted(thread: RasterThread): RasterThread & { charts: number } {
  const wrapped = {
    charts: 0,
    png: (svg: string, ratio: number) => {
      wrapped.charts++;
      return thread.png(svg, ratio);
    },
    close: () => thread.close(),
  };
  return wrapped;
}

/** The files of `folder` by name, as bytes. */
const bytesIn = (folder: string) =>
  new Map(readdirSync(folder).map((name) => [name, readFileSync(path.join(folder, name))]));

describe('writeChartFiles with the raster thread', { timeout: SLOW }, () => {
  let example: Map<string, ChartSpec>;
  let exampleCharts: string;

  beforeAll(async () => {
    // The example, run in-process (12 charts: below the thread's threshold).
    const out = tempDir('raster-example-');
    const log = memoryLogger();
    expect(
      await main(
        ['run', '--config', EXAMPLE_CONFIG, '--out', out, '--mode', 'dry-run', '--as-of', AS_OF],
        {},
        log,
      ),
    ).toBe(0);
    exampleCharts = path.join(out, 'reports', 'charts');
    example = runCharts(path.join(out, 'reports'));
  }, SLOW);

  it("draws the example's charts byte for byte as the run drew them in-process, in order", async () => {
    expect(example.size).toBeGreaterThanOrEqual(10);
    expect(example.size).toBeLessThan(MIN_CHARTS_FOR_RASTER_THREAD);
    const thread = counted(openRasterThread());
    const folder = tempDir('raster-threaded-');
    try {
      const files = await writeChartFiles(example, folder, new ChartCache(), {
        rasterThread: thread,
      });
      expect(files.map((f) => f.key)).toEqual([...example.keys()]);
    } finally {
      await thread.close();
    }
    // Every PNG made on the thread, none in-process.
    expect(thread.charts).toBe(example.size);
    const threaded = bytesIn(folder);
    const inProcess = bytesIn(exampleCharts);
    expect([...threaded.keys()].sort()).toEqual([...inProcess.keys()].sort());
    for (const [name, png] of inProcess) expect(threaded.get(name), name).toEqual(png);
  });

  it('draws every chart kind (gaps, no data, long names, other sizes) byte for byte as in-process', async () => {
    const charts = kinds();
    const alone = tempDir('raster-kinds-alone-');
    const withThread = tempDir('raster-kinds-thread-');
    const inProcess = await writeChartFiles(charts, alone, new ChartCache(), {
      rasterThread: false,
    });
    const threaded = await writeChartFiles(charts, withThread, new ChartCache(), {
      rasterThread: true,
    });
    expect(threaded.map((f) => [f.key, f.bytes])).toEqual(inProcess.map((f) => [f.key, f.bytes]));
    const expected = bytesIn(alone);
    expect(expected.size).toBe(charts.size);
    for (const [name, png] of bytesIn(withThread)) expect(png, name).toEqual(expected.get(name));
  });

  it('draws each distinct chart once through one cache, which keeps none once written', async () => {
    const charts = kinds();
    const cache = new ChartCache();
    await writeChartFiles(charts, tempDir('raster-cache-'), cache, { rasterThread: true });
    // Each file is the chart's only copy afterwards (ChartCache.take; test/chart-memory).
    expect([cache.draws, cache.size]).toEqual([charts.size, 0]);
    const again = await cache.get([...charts.values()][0]!);
    expect(cache.draws).toBe(charts.size + 1);
    expect(again.key).toBe([...charts.keys()][0]);
  });

  it('fails a chart whose SVG resvg cannot read with its key named, as in-process, after the chart before it', async () => {
    const [first, second] = Object.values(CHART_KINDS);
    const unreadable = { ...second!, width: 0 }; // an SVG of no size: resvg refuses it
    const charts = new Map([
      [chartKey(first!), first!],
      [chartKey(unreadable), unreadable],
      [chartKey(second!), second!],
    ]);
    const failure = async (rasterThread: boolean) => {
      const folder = tempDir('raster-fail-');
      const error = await writeChartFiles(charts, folder, new ChartCache(), {
        rasterThread,
      }).then(
        () => undefined,
        (e: unknown) => (e as Error).message,
      );
      return { error, written: readdirSync(folder) };
    };
    const alone = await failure(false);
    const threaded = await failure(true);
    expect(alone.error).toBe(`chart ${chartKey(unreadable)}: SVG has an invalid size`);
    expect(threaded.error).toBe(alone.error);
    expect(threaded.written).toContain(`${chartKey(first!)}.png`);
    expect(alone.written).toContain(`${chartKey(first!)}.png`);
  });

  it('fails every chart naming it, without hanging, when the thread cannot start or dies', async () => {
    const charts = kinds();
    const [firstKey] = charts.keys();
    const missing = openRasterThread({ filename: path.join(tempDir('raster-none-'), 'none.mjs') });
    await expect(
      writeChartFiles(charts, tempDir('raster-missing-'), new ChartCache(), {
        rasterThread: missing,
      }),
    ).rejects.toThrow(new RegExp(`^chart ${firstKey}: its raster thread stopped: .*none\\.mjs`));
    // A chart given to it later fails at once with the same reason.
    await expect(missing.png('<svg/>', 2)).rejects.toThrow('its raster thread stopped');
    await missing.close();

    // A thread that dies with a chart in hand (as one out of memory would).
    const dying = path.join(tempDir('raster-dying-'), 'dying.mjs');
    writeFileSync(
      dying,
      "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(3));\n",
    );
    const dies = openRasterThread({ filename: dying });
    try {
      await expect(
        writeChartFiles(charts, tempDir('raster-died-'), new ChartCache(), { rasterThread: dies }),
      ).rejects.toThrow(`chart ${firstKey}: its raster thread exited (code 3)`);
    } finally {
      await dies.close();
    }
  });

  it('leaves no thread behind: a process that draws with it exits by itself', async () => {
    const script = path.join(tempDir('raster-exit-'), 'draw.mts');
    const folder = tempDir('raster-exit-out-');
    const source = (file: string) => JSON.stringify(path.join(REPO_ROOT, file));
    // No process.exit: the process ends only when nothing holds it open.
    writeFileSync(
      script,
      [
        `import { writeChartFiles } from ${source('src/charts/files.ts')};`,
        `import { chartKey } from ${source('src/charts/spec.ts')};`,
        `import { CHART_KINDS } from ${source('test/charts-speed/kinds.ts')};`,
        'const charts = new Map(Object.values(CHART_KINDS).map((s) => [chartKey(s), s]));',
        `const files = await writeChartFiles(charts, ${JSON.stringify(folder)}, undefined, { rasterThread: true });`,
        'console.log(`drew ${files.length}`);',
      ].join('\n'),
    );
    const { stdout } = await run(process.execPath, ['--import', 'tsx', script], {
      cwd: REPO_ROOT,
      timeout: SLOW - 30_000,
    });
    expect(stdout.trim()).toBe(`drew ${kinds().size}`);
    expect(readdirSync(folder)).toHaveLength(kinds().size);
  });
});

describe(
  'the bundle, run where the action runs it (no node_modules beside it)',
  { timeout: SLOW },
  () => {
    it('draws its charts on the raster thread byte for byte as in-process, and names the chart when the thread is missing', async () => {
      const work = tempDir('raster-bundle-');
      const dist = path.join(work, 'dist');
      await run(process.execPath, ['scripts/bundle.mjs', dist], { cwd: REPO_ROOT });
      expect(existsSync(path.join(dist, 'chunks', 'raster-worker.js'))).toBe(true);
      const config = path.join(work, 'reports-config');
      // Thirty entities over a hundred reports: more distinct charts than the thread's threshold.
      generatePortfolio(config, 30, 100);
      const runCli = (out: string) =>
        run(
          process.execPath,
          [
            path.join(dist, 'cli.js'),
            'run',
            '--config',
            config,
            '--out',
            path.join(work, out),
            '--mode',
            'dry-run',
            '--as-of',
            AS_OF,
          ],
          { cwd: work, env: { PATH: process.env.PATH } },
        );
      const { stdout } = await runCli('threaded');
      const drew = Number(/drew (\d+) charts/.exec(stdout)?.[1]);
      expect(drew).toBeGreaterThanOrEqual(MIN_CHARTS_FOR_RASTER_THREAD);
      const reports = path.join(work, 'threaded', 'reports');
      const charts = runCharts(reports);
      expect(charts.size).toBe(drew);
      const alone = tempDir('raster-bundle-alone-');
      await writeChartFiles(charts, alone, new ChartCache(), { rasterThread: false });
      const expected = bytesIn(alone);
      const threaded = bytesIn(path.join(reports, 'charts'));
      expect(threaded.size).toBe(drew);
      for (const [name, png] of threaded) expect(png, name).toEqual(expected.get(name));

      // Without the thread's code the run fails, naming a chart and the missing file.
      rmSync(path.join(dist, 'chunks', 'raster-worker.js'));
      const failed = await runCli('missing').then(
        () => undefined,
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
      expect(failed?.code).not.toBe(0);
      expect(`${failed?.stdout}${failed?.stderr}`).toMatch(
        /chart [0-9a-f]+: its raster thread could not start: its code is not at .*raster-worker\.js/,
      );
    });
  },
);

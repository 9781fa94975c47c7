// npm run bench: the speed and memory figures the README quotes, each printed beside its target.
// It runs bundled with plain node (not through tsx), so its figures are the action's own.
//  1. the render stage on a generated portfolio (200 entities, 1,000 reports): analyse + render
//     + write, without the chart step, against the floor set by liquidjs alone rendering the same
//     templates with the same views;
//  2. the chart step on its own: distinct charts, time per chart, PNG bytes per report;
//  3. whole `boardroom run` processes of that portfolio (the CLI bundled as the action bundles
//     it, charts included): wall time and peak RSS, in dry-run and in send mode (SES stub);
//  4. sending through the SES stub (scripts/bench-send.ts): at MaxSendRate 14, 100, 400 and
//     1,000 with 50 ms latency, the achieved rate as a share of MaxSendRate;
//  5. cold start: `validate` on the example against `node -e 0`;
//  6. with BENCH_BASELINE=/path/to/worktree: paired whole dry-runs and paired render stages,
//     baseline against current, alternating, each pair's ratio and their median.
//
// Environment: BENCH_QUICK=1 a small run (20 entities, 100 reports, fewer repetitions);
// BENCH_ENTITIES / BENCH_REPORTS the portfolio's size; BENCH_STAGE_ROUNDS=N the stage and its
// floor N times, each further round in a fresh process, every round printed and the medians; BENCH_ANALYSIS_ONLY=1 parts 1 and 2 only
// (e.g. to profile them with --cpu-prof), BENCH_NO_CHARTS=1 with it part 1 only; BENCH_BASELINE a worktree of an older commit (its
// committed dist/cli.js is run) and BENCH_PAIRS how many pairs (default 3); BENCH_SEND_CLI=0
// skips the send-mode process.
// The machine's other work shows in every figure: compare in pairs, and read ratios.
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { Liquid } from 'liquidjs';
import { Analyzer } from '../src/analysis/index.js';
import type { ChartSpec } from '../src/charts/spec.js';
import type { Portfolio, Report } from '../src/config/load.js';
import { memoryLogger } from '../src/logger.js';
import { renderReports, validatePortfolio } from '../src/pipeline.js';
import type { RenderedEntry } from '../src/render/report-files.js';
import { chartCollector } from '../src/render/chart-markup.js';
import { reportView } from '../src/render/index.js';
import { startSesStub } from '../test/ses-stub.js';
import { BENCH_SEND_RATES, benchSending } from './bench-send.js';
import { generatePortfolio } from './generate-portfolio.js';

const AS_OF = '2026-11-24';
const REPO = process.cwd();
const QUICK = Boolean(process.env.BENCH_QUICK);
const ENTITIES = Number(process.env.BENCH_ENTITIES ?? (QUICK ? 20 : 200));
const REPORTS = Number(process.env.BENCH_REPORTS ?? (QUICK ? 100 : 1000));
const COLD_START_RUNS = QUICK ? 5 : 20;
const PAIRS = Number(process.env.BENCH_PAIRS ?? (QUICK ? 1 : 3));
/** Set by the paired stage comparison for its own runs: the stage's time and nothing else. */
const STAGE_ONLY = Boolean(process.env.BENCH_STAGE_ONLY);
/**
 * Rounds of the stage and its floor (BENCH_STAGE_ROUNDS, default 1): the first in this process,
 * each further one in a fresh process of this bench (the same portfolio, stage and floor), one
 * after the other; every round is printed, then the medians. stage / floor is the ratio of two
 * wall times, each taken once, on a machine whose other work slows the two-thread stage more
 * than the one-thread floor: one round says little, the median of several more.
 */
const STAGE_ROUNDS = Math.max(1, Number(process.env.BENCH_STAGE_ROUNDS ?? 1) || 1);
/** Where the bench keeps its bundle and scratch files (git-ignored). */
const BENCH_DIR = path.join(REPO, '.bench');

const seconds = (start: number) => (performance.now() - start) / 1000;
const mb = (bytes: number) => bytes / 1e6;
const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
/** One figure line: label, value, and the target it is read against. */
const line = (label: string, value: string, target = '') =>
  console.log(`  ${label.padEnd(24)}${value}${target ? `  (${target})` : ''}`);
/**
 * The main thread's CPU time in seconds (Linux: /proc, in 10 ms ticks; NaN elsewhere): with the
 * finishing thread the stage's wall time is the main thread's, and on a machine shared with
 * other work its CPU time is steadier than wall time.
 */
const mainThreadCpu = () => {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8')
      .split(') ')[1]!
      .split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
};
/**
 * CPU seconds of each thread of this process alive now, by kernel thread id (Linux: /proc; empty
 * elsewhere). Threads that end before the next reading (the finishing thread) are counted only
 * in process.cpuUsage(): the stage's CPU splits as the main thread, the threads that were there
 * before it (V8's background threads: garbage collection, compiling; libuv's), and the rest.
 */
const threadCpu = (): Map<string, number> => {
  const cpu = new Map<string, number>();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      try {
        const fields = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
          .split(') ')[1]!
          .split(' ');
        cpu.set(tid, (Number(fields[11]) + Number(fields[12])) / 100);
      } catch {
        // The thread ended between the listing and the reading.
      }
    }
  } catch {
    // Not Linux.
  }
  return cpu;
};
/** CPU seconds the threads of `before` (but the main thread) used since, still alive now. */
const backgroundCpuSince = (before: Map<string, number>) => {
  let sum = 0;
  for (const [tid, cpu] of threadCpu())
    if (tid !== String(process.pid) && before.has(tid)) sum += cpu - before.get(tid)!;
  return sum;
};
const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();

const folderBytes = (folder: string) =>
  readdirSync(folder).reduce((sum, file) => {
    const stat = statSync(path.join(folder, file));
    return sum + (stat.isFile() ? stat.size : 0);
  }, 0);

const scratch = mkdtempSync(path.join(tmpdir(), 'boardroom-bench-'));
const configDir = path.join(scratch, 'reports-config');
const { entities, reports } = generatePortfolio(
  configDir,
  ENTITIES,
  REPORTS,
  path.join(REPO, 'reports-config'),
);
console.log(
  `portfolio: ${entities.length} entities, ${reports} reports (scripts/generate-portfolio.ts), as of ${AS_OF}${QUICK ? ', quick run' : ''}`,
);

// ---------------------------------------------------------------------------------------------
// 1 and 2. The render stage and the chart step, in this process.

interface StageResult {
  readonly rendered: RenderedEntry[];
  readonly charts: Map<string, ChartSpec>;
  readonly out: string;
  /** This round's figures (not with BENCH_STAGE_ONLY, which times no floor). */
  readonly round?: StageRound;
}

/** One round of the stage against its floor: wall seconds, and the main thread's CPU seconds. */
interface StageRound {
  readonly stage: number;
  readonly floor: number;
  readonly stageMainCpu: number;
  readonly floorMainCpu: number;
  /** Every thread's CPU over the stage (process.cpuUsage). */
  readonly stageCpu: number;
  /** Of stageCpu: V8's and libuv's threads (compiling, collecting), and the finishing thread's. */
  readonly backgroundCpu: number;
  readonly finishingCpu: number;
  /**
   * The machine's 1-minute load average when the stage started and when the floor ended: each
   * round is a fresh process (nothing of the code carries from one round to the next), so a
   * round whose CPU differs from the others' differs by what else the machine was running.
   */
  readonly load: readonly [number, number];
}

async function benchStage(): Promise<StageResult> {
  const loadStart = performance.now();
  const validated = await validatePortfolio(configDir);
  if ('errors' in validated)
    throw new Error(`the generated portfolio is invalid: ${validated.errors[0]!.message}`);
  const loadTime = seconds(loadStart);
  const { portfolio, engine } = validated;

  // The pipeline's own stage, as runPipeline calls it: analyse, render and write each report's
  // four files. The chart step is not part of it (renderReports only collects the charts).
  const out = path.join(scratch, 'out-stage');
  collectGarbage();
  const loadBefore = loadavg()[0]!;
  const start = performance.now();
  const mainStart = mainThreadCpu();
  const threadsBefore = threadCpu();
  const cpuStart = process.cpuUsage();
  const stageLog = memoryLogger();
  const analyzer = new Analyzer(portfolio, AS_OF);
  const { rendered, charts, errors } = await renderReports(analyzer, engine, portfolio.reports, {
    config: configDir,
    out,
    log: stageLog,
  });
  if (errors.length > 0) throw new Error(`a generated report failed to render: ${errors[0]}`);
  const stageTime = seconds(start);
  const stageMainCpu = mainThreadCpu() - mainStart;
  const cpu = process.cpuUsage(cpuStart);
  const stageCpu = (cpu.user + cpu.system) / 1e6;
  const backgroundCpu = backgroundCpuSince(threadsBefore);
  // Which threads rendered, as the run's own log says (renderReports chooses).
  const threads = stageLog.lines.some((l) => l.includes('on a second thread'))
    ? 'the main thread and the finishing thread'
    : 'the main thread';
  const heapAfterGc = (() => {
    // What the run holds, as opposed to garbage V8 has not collected yet (needs --expose-gc);
    // measured while the stage's results are still in use, as in the pipeline.
    collectGarbage();
    return process.memoryUsage().heapUsed;
  })();

  const bytes = folderBytes(path.join(out, 'reports'));
  console.log('\nrender stage, in this process (no charts drawn)');
  line('load + validate', `${loadTime.toFixed(2)} s`);
  if (STAGE_ONLY) {
    line('analyse + render', `${stageTime.toFixed(2)} s`);
    line('  main thread CPU', `${stageMainCpu.toFixed(2)} s`);
    line(
      '  CPU by thread',
      `main ${stageMainCpu.toFixed(2)} s, background ${backgroundCpu.toFixed(2)} s, finishing ${(stageCpu - stageMainCpu - backgroundCpu).toFixed(2)} s, all ${stageCpu.toFixed(2)} s`,
    );
    return { rendered, charts, out };
  }
  // The stage took the books of the portfolio it rendered (renderReports): the floor's analyses
  // are made from a fresh load of the same folder.
  const reloaded = await validatePortfolio(configDir);
  if ('errors' in reloaded) throw new Error('the generated portfolio no longer loads');
  const floor = liquidFloor(reloaded.portfolio, engine);
  const floorTime = floor.seconds;
  line(
    'analyse + render',
    `${stageTime.toFixed(2)} s, ${((1000 * stageTime) / rendered.length).toFixed(1)} ms a report, ${mb(bytes).toFixed(1)} MB of .md/.html/.txt/.json written`,
    'target <= 0.45x the baseline: BENCH_BASELINE pairs below',
  );
  line(
    '  on',
    `${threads}, ${stageCpu.toFixed(2)} s of CPU in all, ${stageMainCpu.toFixed(2)} s of it the main thread's`,
  );
  line(
    '  CPU by thread',
    `main ${stageMainCpu.toFixed(2)} s, V8's and libuv's background threads ${backgroundCpu.toFixed(2)} s, the finishing thread (the rest) ${(stageCpu - stageMainCpu - backgroundCpu).toFixed(2)} s`,
  );
  line(
    'liquidjs alone (floor)',
    `${floorTime.toFixed(2)} s, ${((1000 * floorTime) / rendered.length).toFixed(1)} ms a report`,
    'the same templates and views, nothing else',
  );
  line('stage / floor', `${(stageTime / floorTime).toFixed(2)}`, 'target <= 1.5');
  line(
    '  in main-thread CPU',
    `${(stageMainCpu / floor.mainCpu).toFixed(2)} (${stageMainCpu.toFixed(2)} s against ${floor.mainCpu.toFixed(2)} s)`,
    'steadier than wall time on a busy machine',
  );
  if ((globalThis as { gc?: unknown }).gc)
    line(
      'heap in use after GC',
      `${mb(heapAfterGc).toFixed(0)} MB`,
      `the portfolio and what ${rendered.length} rendered reports keep`,
    );
  const round: StageRound = {
    stage: stageTime,
    floor: floorTime,
    stageMainCpu,
    floorMainCpu: floor.mainCpu,
    stageCpu,
    backgroundCpu,
    finishingCpu: stageCpu - stageMainCpu - backgroundCpu,
    load: [loadBefore, loadavg()[0]!],
  };
  // Read back by the first round's process (stageRounds) when this one is a further round.
  if (process.env.BENCH_STAGE_ROUND_CHILD) console.log(`@@round ${JSON.stringify(round)}`);
  return { rendered, charts, out, round };
}

/**
 * The floor the template engine sets: liquidjs rendering every report's template with that
 * report's view, and nothing else. The views (analysis + reportView) are made outside the timed
 * part, in batches so that a thousand views are never held at once.
 * @returns seconds spent inside liquidjs over all reports, and the main thread's CPU seconds.
 */
function liquidFloor(portfolio: Portfolio, engine: Liquid): { seconds: number; mainCpu: number } {
  const analyzer = new Analyzer(portfolio, AS_OF);
  const batchSize = 50;
  let total = 0;
  let mainCpu = 0;
  for (let first = 0; first < portfolio.reports.length; first += batchSize) {
    const batch = portfolio.reports.slice(first, first + batchSize).map((report: Report) => ({
      template: report.template ?? portfolio.personas.get(report.persona)!.template,
      view: reportView(portfolio, report, analyzer.analyzeWithChanges(report), AS_OF),
      // The chart filter records into a render's globals, as renderReport sets them.
      globals: chartCollector().globals,
    }));
    // The garbage of making the views is not the engine's.
    collectGarbage();
    const start = performance.now();
    const cpuStart = mainThreadCpu();
    for (const { template, view, globals } of batch)
      engine.renderFileSync(template, view, { globals });
    total += seconds(start);
    mainCpu += mainThreadCpu() - cpuStart;
  }
  return { seconds: total, mainCpu };
}

/**
 * The chart step on its own, as the pipeline's drawCharts runs it: every distinct chart of the
 * stage drawn once (one ChartCache) and written as PNG, through writeChartFiles (which, for this
 * many charts, draws each SVG on this thread and makes each PNG on its raster thread). Drawn a
 * second time with a fresh cache, once the libraries are loaded (ECharts here, resvg in a raster
 * thread opened and warmed by one chart beforehand), for the time a chart takes by itself.
 */
async function benchCharts({ rendered, charts, out }: StageResult): Promise<void> {
  const { ChartCache, MIN_CHARTS_FOR_RASTER_THREAD, writeChartFiles } =
    await import('../src/charts/files.js');
  const threaded = charts.size >= MIN_CHARTS_FOR_RASTER_THREAD;
  console.log(
    `\nchart step, in this process (src/charts: ECharts SVG on the main thread -> resvg-wasm PNG ${threaded ? 'on one raster thread' : 'on the main thread too'})`,
  );
  if (charts.size === 0) {
    line('charts', 'none: no report of this portfolio shows a chart');
    return;
  }
  const cache = new ChartCache();
  let start = performance.now();
  const files = await writeChartFiles(charts, path.join(out, 'charts-first'), cache);
  const firstTime = seconds(start);

  const { openRasterThread } = await import('../src/charts/raster-thread.js');
  const { drawChart } = await import('../src/charts/draw.js');
  const thread = threaded ? openRasterThread() : undefined;
  let warmFiles;
  let warmTime;
  try {
    if (thread) await drawChart(charts.values().next().value!, undefined, thread);
    const warm = new ChartCache();
    start = performance.now();
    warmFiles = await writeChartFiles(charts, path.join(out, 'charts-warm'), warm, {
      rasterThread: thread ?? false,
    });
    warmTime = seconds(start);
  } finally {
    await thread?.close();
  }
  const perChart = warmFiles.map((f) => f.drawMs);

  const bytesOf = new Map(files.map((f) => [f.key, f.bytes]));
  const perReport = rendered.map((entry) =>
    entry.charts.reduce((sum, { key }) => sum + (bytesOf.get(key) ?? 0), 0),
  );
  const withCharts = perReport.filter((bytes) => bytes > 0).length;
  const shown = rendered.reduce((sum, entry) => sum + entry.charts.length, 0);
  const distinctBytes = files.reduce((sum, f) => sum + f.bytes, 0);

  line(
    'distinct charts',
    `${charts.size}, drawn ${cache.draws} times for ${shown} charts shown in ${withCharts} reports`,
    'each drawn once per run',
  );
  line(
    'per distinct chart',
    `${((1000 * warmTime) / charts.size).toFixed(1)} ms mean, ${Math.max(...perChart).toFixed(1)} ms max (libraries loaded)`,
    'target <= 30 ms',
  );
  line(
    'chart step in a run',
    `${(1000 * firstTime).toFixed(0)} ms, loading the libraries, WebAssembly and fonts included (first draw ${files[0]!.drawMs.toFixed(0)} ms)`,
  );
  line(
    'PNG per report',
    `${(perReport.reduce((a, b) => a + b, 0) / perReport.length / 1024).toFixed(1)} KiB mean over ${perReport.length} reports; ${(distinctBytes / 1024).toFixed(0)} KiB of distinct PNGs`,
  );
}

/**
 * Rounds 2 to STAGE_ROUNDS of the stage and its floor, each in a fresh process of this bench
 * (`BENCH_ANALYSIS_ONLY=1 BENCH_NO_CHARTS=1`, the same node flags), after this process's own
 * (`first`); prints every round and the medians of stage / floor and of the main thread's CPU
 * against the floor's.
 */
async function stageRounds(first: StageRound): Promise<void> {
  const rounds = [first];
  for (let round = 2; round <= STAGE_ROUNDS; round += 1) {
    const run = await runNode([...process.execArgv, process.argv[1]!], {
      env: {
        BENCH_ANALYSIS_ONLY: '1',
        BENCH_NO_CHARTS: '1',
        BENCH_STAGE_ONLY: '',
        BENCH_STAGE_ROUNDS: '1',
        BENCH_STAGE_ROUND_CHILD: '1',
      },
    });
    const figures = /^@@round (.*)$/m.exec(run.log)?.[1];
    if (run.code !== 0 || figures === undefined)
      throw new Error(`round ${round} of the stage failed:\n${run.log.slice(-2000)}`);
    rounds.push(JSON.parse(figures) as StageRound);
  }
  console.log(
    `\nstage against floor, ${rounds.length} rounds (the first above; each a process of its own)`,
  );
  rounds.forEach((r, i) =>
    line(
      `round ${i + 1}`,
      `stage ${r.stage.toFixed(2)} s (${r.stageCpu.toFixed(1)} s of CPU: main ${r.stageMainCpu.toFixed(2)}, background ${r.backgroundCpu.toFixed(2)}, finishing ${r.finishingCpu.toFixed(2)}), floor ${r.floor.toFixed(2)} s (${r.floorMainCpu.toFixed(2)} s of CPU): ${(r.stage / r.floor).toFixed(2)}; main-thread CPU ${(r.stageMainCpu / r.floorMainCpu).toFixed(2)}; load average ${r.load[0].toFixed(1)} -> ${r.load[1].toFixed(1)}`,
    ),
  );
  line(
    'stage / floor',
    `${median(rounds.map((r) => r.stage / r.floor)).toFixed(2)} median, ${Math.max(...rounds.map((r) => r.stage / r.floor)).toFixed(2)} highest`,
    'target <= 1.5',
  );
  line(
    '  in main-thread CPU',
    `${median(rounds.map((r) => r.stageMainCpu / r.floorMainCpu)).toFixed(2)} median`,
  );
}

// ---------------------------------------------------------------------------------------------
// 3, 5 and 6. Whole processes: the CLI bundled the way scripts/bundle.mjs bundles the action.

/**
 * Bundles the action and the CLI into .bench/dist exactly as `npm run bundle` bundles them into
 * dist/ (scripts/bundle.mjs, given the folder: its worker entries and chart assets included), so
 * the process measured is the action's own.
 */
async function bundleCli(): Promise<string> {
  const outdir = path.join(BENCH_DIR, 'dist');
  const bundled = await runNode([path.join(REPO, 'scripts', 'bundle.mjs'), outdir]);
  if (bundled.code !== 0) throw new Error(`scripts/bundle.mjs failed: ${bundled.log}`);
  return path.join(outdir, 'cli.js');
}

/** Preloaded into a measured process: writes its peak RSS (KiB) to BENCH_RSS_FILE at exit. */
const RSS_PRELOAD = `process.on('exit', () => {
  try { require('node:fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)); } catch {}
});
`;

interface ProcessRun {
  readonly code: number | null;
  readonly wall: number;
  /** Peak RSS in MB, when measured. */
  readonly peakMb?: number;
  readonly log: string;
}

/**
 * Runs `node ...args` in `cwd` to its end; the log (stdout and stderr) goes to a file. With
 * `measureRss`, the process's own peak RSS is read back from the preload.
 */
async function runNode(
  args: readonly string[],
  { cwd = REPO, env = {}, measureRss = false }: RunNodeOptions = {},
): Promise<ProcessRun> {
  const id = Math.random().toString(36).slice(2);
  const log = path.join(scratch, `process-${id}.log`);
  const rssFile = path.join(scratch, `process-${id}.rss`);
  const preload = path.join(BENCH_DIR, 'peak-rss.cjs');
  if (measureRss && !existsSync(preload)) writeFileSync(preload, RSS_PRELOAD);
  // Run as from a terminal, even when the bench itself runs in a workflow step.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(GITHUB_|INPUT_)/.test(name)),
  );
  const logFile = await open(log, 'w');
  const start = performance.now();
  const child = spawn(process.execPath, [...(measureRss ? ['--require', preload] : []), ...args], {
    cwd,
    env: { ...inherited, ...env, ...(measureRss ? { BENCH_RSS_FILE: rssFile } : {}) },
    stdio: ['ignore', logFile.fd, logFile.fd],
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', resolve);
  });
  const wall = seconds(start);
  await logFile.close();
  const peak = measureRss && existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN;
  return {
    code,
    wall,
    ...(Number.isFinite(peak) ? { peakMb: (peak * 1024) / 1e6 } : {}),
    log: readFileSync(log, 'utf8'),
  };
}

interface RunNodeOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly measureRss?: boolean;
}

/** A whole dry-run of the portfolio in `config` by the CLI at `cli`, into a fresh folder. */
async function dryRun(cli: string, config: string, cwd = REPO): Promise<ProcessRun> {
  const out = mkdtempSync(path.join(scratch, 'out-'));
  try {
    const run = await runNode(
      [cli, 'run', '--config', config, '--out', out, '--mode', 'dry-run', '--as-of', AS_OF],
      { cwd, measureRss: true },
    );
    if (run.code !== 0) throw new Error(`${cli} run exited ${run.code}:\n${run.log.slice(-2000)}`);
    return run;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const described = (run: ProcessRun) =>
  `${run.wall.toFixed(1)} s wall, peak RSS ${run.peakMb?.toFixed(0) ?? '?'} MB`;
const drewLine = (log: string) => /drew \d+ charts[^\n]*/.exec(log)?.[0];

async function benchProcesses(cli: string): Promise<void> {
  console.log('\nwhole runs, one process each (the CLI bundled as the action: .bench/dist/cli.js)');
  const dry = await dryRun(cli, configDir);
  line(
    'run --mode dry-run',
    described(dry),
    'target: peak RSS < 200 MB; wall <= 0.75x the baseline: BENCH_BASELINE pairs',
  );
  const drew = drewLine(dry.log);
  if (drew) line('  its chart step', drew);

  if (process.env.BENCH_SEND_CLI === '0') return;
  // Send mode through the SES stub in this process: fake credentials, a local endpoint.
  const maxSendRate = 1000;
  const latencyMs = 50;
  const stub = await startSesStub({
    account: { MaxSendRate: maxSendRate, Max24HourSend: 10_000_000, SentLast24Hours: 0 },
    latencyMs,
    enforceRate: true,
  });
  // The stub keeps every accepted message; this process's memory is not the one measured, but
  // a thousand messages with their PNGs need not pile up here either.
  const trim = setInterval(() => stub.accepted.splice(0), 500);
  const out = mkdtempSync(path.join(scratch, 'out-send-'));
  try {
    const send = await runNode(
      [
        cli,
        'run',
        '--config',
        configDir,
        '--out',
        out,
        '--mode',
        'send',
        '--as-of',
        AS_OF,
        '--transport',
        'ses',
        '--ses-endpoint',
        stub.url,
        '--aws-region',
        'us-west-2',
        '--tasks',
        'none',
        '--state-file',
        path.join(out, 'ledger.jsonl'),
      ],
      {
        measureRss: true,
        env: {
          AWS_ACCESS_KEY_ID: 'AKIAEXAMPLELOCALTEST',
          AWS_SECRET_ACCESS_KEY: 'local-test-secret-not-real',
        },
      },
    );
    if (send.code !== 0) throw new Error(`send run exited ${send.code}:\n${send.log.slice(-2000)}`);
    line(
      'run --mode send',
      `${described(send)}; ${stub.calls.sendEmail} SendEmail calls, ${stub.calls.throttled} throttled`,
      `SES stub, MaxSendRate ${maxSendRate}/s, ${latencyMs} ms latency; target: peak RSS < 200 MB`,
    );
  } finally {
    clearInterval(trim);
    await stub.close();
    rmSync(out, { recursive: true, force: true });
  }
}

/** `validate` on the example against `node -e 0`, alternating, and the median of their ratios. */
async function benchColdStart(cli: string): Promise<void> {
  console.log(`\ncold start, ${COLD_START_RUNS} alternating runs each`);
  const empty: number[] = [];
  const validate: number[] = [];
  for (let i = 0; i < COLD_START_RUNS; i += 1) {
    empty.push((await runNode(['-e', '0'])).wall);
    const run = await runNode([cli, 'validate', '--config', 'reports-config']);
    if (run.code !== 0) throw new Error(`validate exited ${run.code}:\n${run.log.slice(-2000)}`);
    validate.push(run.wall);
  }
  const ratios = validate.map((v, i) => v / empty[i]!);
  line('node -e 0', `${(1000 * median(empty)).toFixed(0)} ms median`);
  line('validate (example)', `${(1000 * median(validate)).toFixed(0)} ms median`);
  line('validate / node -e 0', `${median(ratios).toFixed(2)} median of the pairs`, 'target <= 4');
}

/**
 * The baseline's whole dry-run against the current one, alternately, for `PAIRS` pairs, both on
 * the portfolio the baseline's own generator writes: an older commit may refuse a newer
 * portfolio's keys, while the current code reads an older one, and the same input is the only
 * fair comparison (a newer generator's portfolio has more distinct charts to draw).
 */
async function benchBaseline(base: string, cli: string): Promise<void> {
  const baseCli = path.join(base, 'dist', 'cli.js');
  if (!existsSync(baseCli))
    throw new Error(`BENCH_BASELINE: ${baseCli} is missing (run \`npm run bundle\` in ${base})`);
  const baseConfig = path.join(scratch, 'baseline', 'reports-config');
  const generated = await runNode(
    [
      '--import',
      'tsx',
      'scripts/generate-portfolio.ts',
      baseConfig,
      String(ENTITIES),
      String(REPORTS),
    ],
    { cwd: base },
  );
  if (generated.code !== 0)
    throw new Error(`the baseline's generate-portfolio failed:\n${generated.log.slice(-2000)}`);
  console.log(
    `\nbaseline ${base} (its dist/cli.js), ${PAIRS} alternating pairs of dry-runs, both on the portfolio its generator writes`,
  );
  const ratios: number[] = [];
  for (let pair = 1; pair <= PAIRS; pair += 1) {
    const before = await dryRun(baseCli, baseConfig, base);
    const now = await dryRun(cli, baseConfig);
    ratios.push(now.wall / before.wall);
    line(
      `pair ${pair}`,
      `baseline ${described(before)}; current ${described(now)}; ratio ${(now.wall / before.wall).toFixed(2)}`,
    );
  }
  line(
    'current / baseline',
    `${median(ratios).toFixed(2)} median wall-time ratio`,
    'target <= 0.75',
  );

  console.log(
    `\nbaseline ${base}: the render stage alone (each tree's scripts/bench.ts under tsx, BENCH_ANALYSIS_ONLY), ${PAIRS} alternating pairs`,
  );
  const stageRatios: number[] = [];
  for (let pair = 1; pair <= PAIRS; pair += 1) {
    const before = await stageTime(base);
    const now = await stageTime(REPO);
    stageRatios.push(now / before);
    line(
      `pair ${pair}`,
      `baseline ${before.toFixed(2)} s; current ${now.toFixed(2)} s; ratio ${(now / before).toFixed(2)}`,
    );
  }
  line(
    'current / baseline',
    `${median(stageRatios).toFixed(2)} median stage-time ratio`,
    'target <= 0.45',
  );
}

/**
 * The analyse + render stage's seconds as `tree`'s own bench reports them: its scripts/bench.ts
 * run under tsx in that tree (nothing is written into it), analysis only, on a portfolio of the
 * same size generated from its own example.
 */
async function stageTime(tree: string): Promise<number> {
  const run = await runNode(['--expose-gc', '--import', 'tsx', 'scripts/bench.ts'], {
    cwd: tree,
    env: {
      BENCH_ANALYSIS_ONLY: '1',
      BENCH_STAGE_ONLY: '1',
      BENCH_BASELINE: '',
      BENCH_ENTITIES: String(ENTITIES),
      BENCH_REPORTS: String(REPORTS),
    },
  });
  const stage = /analyse \+ render\s+([\d.]+) s/.exec(run.log)?.[1];
  if (run.code !== 0 || stage === undefined)
    throw new Error(`${tree}: scripts/bench.ts gave no stage time:\n${run.log.slice(-2000)}`);
  return Number(stage);
}

// ---------------------------------------------------------------------------------------------

/**
 * Runs one part of the bench; a part that fails (e.g. the tree is mid-change) is reported and
 * the others still run. The bench then exits 1.
 */
async function part<T>(name: string, work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    console.log(`\n${name}: FAILED: ${(error as Error).message}`);
    process.exitCode = 1;
    return undefined;
  }
}

try {
  const stage = await part('render stage', benchStage);
  if (stage?.round && STAGE_ROUNDS > 1) await part('stage rounds', () => stageRounds(stage.round!));
  if (stage && !STAGE_ONLY && !process.env.BENCH_NO_CHARTS)
    await part('chart step', () => benchCharts(stage));
  if (!process.env.BENCH_ANALYSIS_ONLY) {
    const cli = await part('bundling the CLI', bundleCli);
    if (cli) await part('whole runs', () => benchProcesses(cli));
    // 4. The delivery stage through the SES stub, at each MaxSendRate the README quotes.
    console.log('');
    await part('sending', () => benchSending(BENCH_SEND_RATES, 50, QUICK ? 2 : 5));
    if (cli) await part('cold start', () => benchColdStart(cli));
    if (cli && process.env.BENCH_BASELINE)
      await part('baseline', () => benchBaseline(path.resolve(process.env.BENCH_BASELINE!), cli));
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

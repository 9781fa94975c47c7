// Paired runs of the render stage in the main thread (A) and on a pool of workers (B), each in a
// fresh node process running bundled code (as the action does), in alternating order:
//   node --import tsx scripts/measure-pool.ts CONFIG [PAIRS=3] [WORKERS=2]
// Prints each run's stage time (after the portfolio is loaded and validated) and peak RSS, the
// B/A time ratio per pair, and checks that the first pair's files are byte-identical.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Analyzer } from '../src/analysis/index.js';
import { memoryLogger } from '../src/logger.js';
import { validatePortfolio } from '../src/pipeline.js';
import { renderReportsInProcess } from '../src/render/report-files.js';

const AS_OF = '2026-11-24';

interface Run {
  mode: 'A' | 'B';
  ms: number;
  /** CPU time of the whole process (every thread), user + system. */
  cpuMs: number;
  rssMb: number;
  reports: number;
  errors: number;
}

async function child(
  mode: 'A' | 'B',
  config: string,
  into: string,
  workers: number,
): Promise<void> {
  const validated = await validatePortfolio(config);
  if ('errors' in validated) throw new Error(`${config} is not valid`);
  const { portfolio, engine } = validated;
  const files = { into, out: into, log: memoryLogger() };
  // Imported as the pipeline does, from a chunk of its own: the worker entry is beside it.
  const { renderReportsInWorkers } = await import('../src/render/pool.js');
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result =
    mode === 'A'
      ? renderReportsInProcess(new Analyzer(portfolio, AS_OF), engine, portfolio.reports, files)
      : await renderReportsInWorkers(
          { config, asOf: AS_OF, reports: portfolio.reports },
          { ...files, workers },
        );
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const run: Run = {
    mode,
    ms: Math.round(ms),
    cpuMs: Math.round((used.user + used.system) / 1000),
    rssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    reports: result.rendered.length,
    errors: result.errors.length,
  };
  console.log(JSON.stringify(run));
}

async function bundle(outdir: string): Promise<string> {
  const { build } = await import('esbuild');
  const repo = path.resolve(import.meta.dirname, '..');
  const { metafile } = await build({
    entryPoints: {
      measure: fileURLToPath(import.meta.url),
      'chunks/render-worker': path.join(repo, 'src/render/render-worker.ts'),
    },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    external: ['esbuild'],
    metafile: true,
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
  // As scripts/bundle.mjs does: the pool beside the worker entry, and tinypool's own worker entry
  // beside the chunk that holds tinypool.
  const outputOf = (input: string) =>
    Object.entries(metafile.outputs).find(([, o]) => input in o.inputs)![0];
  if (
    path.dirname(outputOf('src/render/pool.ts')) !==
    path.dirname(outputOf('src/render/render-worker.ts'))
  )
    throw new Error('the render pool is not beside its worker entry');
  const tinypool = outputOf('node_modules/tinypool/dist/index.js');
  mkdirSync(path.join(path.dirname(tinypool), 'entry'), { recursive: true });
  await build({
    entryPoints: [path.join(repo, 'node_modules/tinypool/dist/entry/worker.js')],
    outfile: path.join(path.dirname(tinypool), 'entry', 'worker.js'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  return path.join(outdir, 'measure.js');
}

function sameFiles(a: string, b: string): boolean {
  const names = readdirSync(a).sort();
  if (names.join('\n') !== readdirSync(b).sort().join('\n')) return false;
  return names.every((name) =>
    readFileSync(path.join(a, name)).equals(readFileSync(path.join(b, name))),
  );
}

async function driver(config: string, pairs: number, workers: number): Promise<void> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'pool-measure-'));
  try {
    const script = await bundle(path.join(scratch, 'bundle'));
    const ratios: number[] = [];
    for (let pair = 0; pair < pairs; pair += 1) {
      // Alternate which goes first, so a trend in the machine's load falls on both alike.
      const order: ('A' | 'B')[] = pair % 2 === 0 ? ['A', 'B'] : ['B', 'A'];
      const runs = {} as Record<'A' | 'B', Run>;
      for (const mode of order) {
        const into = path.join(scratch, `out-${pair}-${mode}`);
        mkdirSync(into);
        const result = spawnSync(
          process.execPath,
          [script, '--child', mode, config, into, String(workers)],
          { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
        );
        if (result.status !== 0) throw new Error(`run ${mode} failed: ${result.stderr}`);
        runs[mode] = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as Run;
        console.log(`pair ${pair + 1} ${mode}: ${JSON.stringify(runs[mode])}`);
      }
      if (pair === 0) {
        const same = sameFiles(path.join(scratch, 'out-0-A'), path.join(scratch, 'out-0-B'));
        console.log(`pair 1 files byte-identical: ${same}`);
      }
      rmSync(path.join(scratch, `out-${pair}-A`), { recursive: true, force: true });
      rmSync(path.join(scratch, `out-${pair}-B`), { recursive: true, force: true });
      ratios.push(runs.B.ms / runs.A.ms);
      console.log(`pair ${pair + 1}: pool/main-thread time ${(runs.B.ms / runs.A.ms).toFixed(2)}`);
    }
    const sorted = [...ratios].sort((x, y) => x - y);
    console.log(
      `${workers} workers against the main thread, ${pairs} pairs: time ratio median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(2)} (${sorted.map((r) => r.toFixed(2)).join(', ')})`,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
if (args[0] === '--child') {
  const [, mode, config, into, workers] = args;
  await child(mode as 'A' | 'B', config!, into!, Number(workers));
} else if (args[0]) {
  await driver(path.resolve(args[0]), Number(args[1] ?? 3), Number(args[2] ?? 2));
} else {
  console.error('usage: node --import tsx scripts/measure-pool.ts CONFIG [PAIRS] [WORKERS]');
  process.exit(2);
}

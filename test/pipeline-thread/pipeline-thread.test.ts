// Issue 13, peak memory: the CLI's `run` / `alerts` and the action's runs, as their own process,
// run the pipeline on a worker thread whose young generation is capped (src/pipeline-thread.ts).
// Checked on the bundle that scripts/bundle.mjs writes, run as a user or a runner runs it, against
// the same command run in-process from the sources (main() / run() as a test calls them, which
// keeps the pipeline on the main thread): what a user sees must not change. That the pipeline
// really ran on its own thread is read from node's and V8's own diagnostics: NODE_DEBUG=worker
// (node names each Worker it creates, its file and its resourceLimits) and --trace-gc-verbose
// (V8 prints each isolate's spaces after each collection, isolate by isolate).
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PIPELINE_YOUNG_GENERATION_MB } from '../../src/pipeline-thread.js';
import { editedPortfolio, EXAMPLE_CONFIG, removeScratchDirs } from '../config/portfolio-copy.js';
import { readOutputs, REPO_ROOT } from '../helpers.js';
import { startSesStub, type SesStub } from '../ses-stub.js';

const execFileAsync = promisify(execFile);
/** tsx's loader, found from this file (the commands below run in folders outside the repository). */
const TSX = import.meta.resolve('tsx');

let dist: string;
let work: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'boardroom-pipeline-thread-'));
  dist = path.join(work, 'dist');
  // The real bundle script, into a folder of the test's own.
  const bundled = spawnSync(process.execPath, ['scripts/bundle.mjs', dist], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (bundled.status !== 0) throw new Error(`bundle failed: ${bundled.stderr}`);
}, 120_000);

afterAll(() => {
  removeScratchDirs();
  rmSync(work, { recursive: true, force: true });
});

interface Ran {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Node's own lines for NODE_DEBUG=worker (one or several lines each), out of `stderr`. */
function withoutWorkerDebug(stderr: string): string {
  return stderr.replace(/^WORKER \d+: [^\n]*\{\n[\s\S]*?\n\}[^\n]*\n|^WORKER \d+: [^\n]*\n/gm, '');
}

/** The Workers node says it created (NODE_DEBUG=worker): each one's file and resourceLimits. */
function workersCreated(stderr: string): { file: string; youngMb?: number }[] {
  return [
    ...stderr.matchAll(/^WORKER \d+: \[\d+\] create new worker (\S+) \{\n([\s\S]*?)\n\}/gm),
  ].map(([, file, options]) => {
    const young = /maxYoungGenerationSizeMb: (\d+)/.exec(options!)?.[1];
    return { file: file!, ...(young ? { youngMb: Number(young) } : {}) };
  });
}

/**
 * What differs from run to run whatever thread runs it: how long a step took, and the process id
 * in node's warnings (the AWS SDK warns about node 20 when a send loads it).
 */
const timings = (text: string) =>
  text.replace(/\bin \d+ ms\b/g, 'in N ms').replace(/^\(node:\d+\) /gm, '(node:PID) ');

/** A fresh folder under the test's own, to run a command in (its out folder is relative). */
function cwdFor(name: string): string {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Runs `node <args>` in `cwd` with `env` (and PATH) and NODE_DEBUG=worker, without blocking this
 * process's event loop (the SES stub answers from it).
 */
async function node(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Ran> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, args, {
      cwd,
      env: { PATH: process.env.PATH, NODE_DEBUG: 'worker', ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as {
      code?: number | string | null;
      signal?: string | null;
      stdout?: string;
      stderr?: string;
    };
    // An exit code, or a signal (an abort: status null); anything else did not run at all.
    if (typeof failed.code !== 'number' && !failed.signal) throw error;
    return {
      status: typeof failed.code === 'number' ? failed.code : null,
      stdout: failed.stdout ?? '',
      stderr: failed.stderr ?? '',
    };
  }
}

/** The bundled CLI, as its own process: `node dist/cli.js <args>`. */
const bundledCli = (args: string[], cwd: string, env?: Record<string, string>) =>
  node([path.join(dist, 'cli.js'), ...args], cwd, env);

/** The same CLI in-process, from the sources: main(args) as a test calls it (ownProcess unset). */
const inProcessCli = (args: string[], cwd: string, env: Record<string, string> = {}) =>
  node(
    [
      '--import',
      TSX,
      '--input-type=module',
      '-e',
      `const { main } = await import(${JSON.stringify(path.join(REPO_ROOT, 'src', 'cli.ts'))});
       process.exitCode = await main(JSON.parse(process.env.BOARDROOM_TEST_ARGS));`,
    ],
    cwd,
    { ...env, BOARDROOM_TEST_ARGS: JSON.stringify(args) },
  );

/**
 * Runs the CLI both ways on `args` (each in a folder of its own, so that a relative --out names
 * the same path) and checks that the user sees the same: stdout, stderr and the exit code; that
 * the bundle ran the pipeline on its thread with the capped young generation, and the in-process
 * run did not. Returns the bundle's run.
 */
async function sameBothWays(
  name: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<Ran> {
  const threaded = await bundledCli(args, cwdFor(`${name}-bundle`), env);
  const inProcess = await inProcessCli(args, cwdFor(`${name}-in-process`), env);
  expect(timings(threaded.stdout)).toBe(timings(inProcess.stdout));
  expect(timings(withoutWorkerDebug(threaded.stderr))).toBe(
    timings(withoutWorkerDebug(inProcess.stderr)),
  );
  expect(threaded.status).toBe(inProcess.status);
  const pipelineWorker = (stderr: string) =>
    workersCreated(stderr).filter((w) => path.basename(w.file) === 'pipeline-thread-worker.js');
  expect(pipelineWorker(threaded.stderr)).toEqual([
    {
      file: path.join(dist, 'chunks', 'pipeline-thread-worker.js'),
      youngMb: PIPELINE_YOUNG_GENERATION_MB,
    },
  ]);
  expect(pipelineWorker(inProcess.stderr)).toEqual([]);
  return { ...threaded, stderr: withoutWorkerDebug(threaded.stderr) };
}

describe('the bundled CLI runs the pipeline on its own thread, and shows the same', () => {
  it('a good run (dry-run of the example): same lines, same order, exit 0', async () => {
    const ran = await sameBothWays('good', [
      'run',
      '--config',
      EXAMPLE_CONFIG,
      '--out',
      'out',
      '--mode',
      'dry-run',
      '--as-of',
      '2026-11-24',
    ]);
    expect(ran.status).toBe(0);
    expect(ran.stdout).toMatch(/^loaded 7 entities and 8 reports from /);
    expect(ran.stdout).toContain('\nreports: out/index.html (open it in a browser)');
  }, 120_000);

  it('an invalid portfolio: the same file:line:col messages on stderr, exit 2', async () => {
    const file = 'reports/ceo.yml';
    const portfolio = editedPortfolio({ file, find: 'persona: ceo', replace: 'persona: nobody' });
    const at = portfolio.positionOf(file, 'nobody');
    const ran = await sameBothWays('invalid', [
      'run',
      '--config',
      portfolio.dir,
      '--out',
      'out',
      '--mode',
      'dry-run',
      '--as-of',
      '2026-11-24',
    ]);
    expect(ran.status).toBe(2);
    expect(ran.stderr).toContain(
      `${path.join(portfolio.dir, file)}:${at.line}:${at.column}: persona: must be one of`,
    );
  }, 120_000);

  it('an error the pipeline throws: the same message and exit code (its class and code cross over)', async () => {
    const args = ['run', '--config', EXAMPLE_CONFIG, '--mode', 'dry-run', '--as-of', '2026-11-24'];
    // An ArgumentError (a bad setting, read on the pipeline's thread): exit 2, its message.
    const argument = await sameBothWays('argument-error', [...args, '--out', 'out'], {
      BOARDROOM_RENDER_WORKERS: 'lots',
    });
    expect(argument.status).toBe(2);
    expect(argument.stderr).toContain(
      'error: BOARDROOM_RENDER_WORKERS: "lots" is not a whole number',
    );
    // A file system error (the out folder is a file): exit 2, "cannot <syscall> <path>: <code>".
    for (const name of ['fs-error-bundle', 'fs-error-in-process'])
      writeFileSync(path.join(cwdFor(name), 'taken'), 'a file, not a folder\n');
    const fileSystem = await sameBothWays('fs-error', [...args, '--out', 'taken/out']);
    expect(fileSystem.status).toBe(2);
    expect(fileSystem.stderr).toMatch(/^error: cannot \w+ taken\/out.*: ENOTDIR$/m);
  }, 120_000);

  describe('a send that SES refuses for one report', () => {
    let ses: SesStub;
    beforeAll(async () => {
      ses = await startSesStub({
        decide: (request) =>
          request.to.includes('devon.park@example.com')
            ? { kind: 'reject', message: 'Address blacklisted.' }
            : { kind: 'accept' },
      });
    });
    afterAll(() => ses.close());

    it('the same warnings and counts, exit 1', async () => {
      const ran = await sameBothWays(
        'refused',
        [
          'run',
          '--config',
          EXAMPLE_CONFIG,
          '--out',
          'out',
          '--as-of',
          '2026-11-24',
          '--transport',
          'ses',
          '--ses-endpoint',
          ses.url,
          '--aws-region',
          'us-west-2',
          '--state-file',
          'ledger.jsonl',
        ],
        { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' },
      );
      expect(ran.status).toBe(1);
      expect(`${ran.stdout}${ran.stderr}`).toContain('MessageRejected: Address blacklisted.');
    }, 120_000);
  });

  it('a thread that runs out of memory: a clear message, exit 1 (the process does not abort)', async () => {
    // node's heap limit applies to every thread: the CLI's main thread needs far less than this,
    // a run of the example far more.
    const oom = await node(
      [
        '--max-old-space-size=20',
        path.join(dist, 'cli.js'),
        'run',
        '--config',
        EXAMPLE_CONFIG,
        '--out',
        'out',
        '--mode',
        'dry-run',
        '--as-of',
        '2026-11-24',
      ],
      cwdFor('oom'),
      { NODE_DEBUG: '' },
    );
    expect(oom.stderr).toMatch(
      /^boardroom failed unexpectedly: Error: the run's thread ran out of memory \(.*\): the run stopped there; node's --max-old-space-size/m,
    );
    expect(oom.stderr).not.toContain('FATAL ERROR');
    expect(oom.status).toBe(1);
  }, 120_000);
});

describe('V8 itself: the pipeline ran on an isolate other than the main one, its nursery capped', () => {
  it("a dry-run's allocations happen on a second isolate whose new space stays within the cap", async () => {
    const ran = await node(
      [
        '--trace-gc-verbose',
        path.join(dist, 'cli.js'),
        'run',
        '--config',
        EXAMPLE_CONFIG,
        '--out',
        'out',
        '--mode',
        'dry-run',
        '--as-of',
        '2026-11-24',
      ],
      cwdFor('trace-gc'),
      { NODE_DEBUG: '' },
    );
    expect(ran.status).toBe(0);
    // Per isolate (V8 prefixes each line with [pid:isolate]): its collections, its largest old
    // space in use and its largest new space committed (KB).
    const isolates = new Map<
      string,
      { collections: number; oldUsed: number; newCommitted: number }
    >();
    for (const [, isolate, space, used, committed] of ran.stdout.matchAll(
      /^\[\d+:(0x[0-9a-f]+)\] (New space|Old space), +used: +(\d+) KB, available: +\d+ KB, committed: +(\d+) KB/gm,
    )) {
      const seen = isolates.get(isolate!) ?? { collections: 0, oldUsed: 0, newCommitted: 0 };
      if (space === 'New space') {
        seen.collections += 1;
        seen.newCommitted = Math.max(seen.newCommitted, Number(committed));
      } else seen.oldUsed = Math.max(seen.oldUsed, Number(used));
      isolates.set(isolate!, seen);
    }
    // The isolate that held the most (the run's portfolio, analyses and reports)...
    const [busiest] = [...isolates.values()].sort((a, b) => b.oldUsed - a.oldUsed);
    expect(busiest, ran.stdout.slice(0, 2000)).toBeDefined();
    // ... is not the only one, and never committed more new space than its young generation
    // may hold (the main thread's, V8's default, reaches 32 MB on this run).
    expect(isolates.size).toBeGreaterThanOrEqual(2);
    expect(busiest!.collections).toBeGreaterThan(0);
    expect(busiest!.newCommitted).toBeLessThanOrEqual(PIPELINE_YOUNG_GENERATION_MB * 1024);
  }, 120_000);
});

describe('the bundled action runs the pipeline on its own thread, and shows the same', () => {
  /** The action as a runner runs it: INPUT_* variables, the GITHUB_OUTPUT file. */
  async function action(
    entry: 'bundle' | 'in-process',
    inputs: Record<string, string>,
    cwd: string,
  ): Promise<Ran & { outputs: Record<string, string> }> {
    const outputFile = path.join(cwd, 'output.txt');
    writeFileSync(outputFile, '');
    const env = {
      ...Object.fromEntries(
        Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
      ),
      GITHUB_OUTPUT: outputFile,
      GITHUB_EVENT_NAME: 'schedule',
    };
    const ran =
      entry === 'bundle'
        ? await node([path.join(dist, 'index.js')], cwd, env)
        : await node(
            [
              '--import',
              TSX,
              '--input-type=module',
              '-e',
              `const { run } = await import(${JSON.stringify(path.join(REPO_ROOT, 'src', 'main.ts'))});
               await run();`,
            ],
            cwd,
            env,
          );
    return { ...ran, outputs: readOutputs(outputFile) };
  }

  it('an invalid portfolio: the same annotations (file, line, column), outputs and exit 2', async () => {
    const file = 'reports/ceo.yml';
    const portfolio = editedPortfolio({ file, find: 'persona: ceo', replace: 'persona: nobody' });
    const at = portfolio.positionOf(file, 'nobody');
    const inputs = {
      config: portfolio.dir,
      mode: 'dry-run',
      'as-of': '2026-11-24',
      out: 'out',
      tasks: 'none',
    };
    const threaded = await action('bundle', inputs, cwdFor('action-invalid-bundle'));
    const inProcess = await action('in-process', inputs, cwdFor('action-invalid-in-process'));
    expect(threaded.stdout).toBe(inProcess.stdout);
    expect(threaded.outputs).toEqual(inProcess.outputs);
    expect(threaded.status).toBe(2);
    expect(inProcess.status).toBe(2);
    expect(threaded.stdout).toContain(
      `::error file=${path.join(portfolio.dir, file)},line=${at.line},col=${at.column}::`,
    );
    expect(workersCreated(threaded.stderr).map((w) => path.basename(w.file))).toContain(
      'pipeline-thread-worker.js',
    );
    expect(workersCreated(inProcess.stderr).map((w) => path.basename(w.file))).not.toContain(
      'pipeline-thread-worker.js',
    );
  }, 120_000);

  it('a dry-run: the same log, outputs and summary.json, exit 0', async () => {
    const inputs = {
      config: EXAMPLE_CONFIG,
      mode: 'dry-run',
      'as-of': '2026-11-24',
      out: 'out',
      tasks: 'none',
    };
    const threadedDir = cwdFor('action-good-bundle');
    const inProcessDir = cwdFor('action-good-in-process');
    const threaded = await action('bundle', inputs, threadedDir);
    const inProcess = await action('in-process', inputs, inProcessDir);
    expect(timings(threaded.stdout)).toBe(timings(inProcess.stdout));
    const relative = (outputs: Record<string, string>, dir: string) => ({
      ...outputs,
      'summary-path': path.relative(dir, outputs['summary-path']!),
    });
    expect(relative(threaded.outputs, threadedDir)).toEqual(
      relative(inProcess.outputs, inProcessDir),
    );
    expect(threaded.status).toBe(0);
    expect(readFileSync(path.join(threadedDir, 'out', 'summary.json'), 'utf8')).toBe(
      readFileSync(path.join(inProcessDir, 'out', 'summary.json'), 'utf8'),
    );
    expect(workersCreated(threaded.stderr)[0]).toEqual({
      file: path.join(dist, 'chunks', 'pipeline-thread-worker.js'),
      youngMb: PIPELINE_YOUNG_GENERATION_MB,
    });
  }, 120_000);
});

// Issue 13, cold start: the ACTION's `mode: validate` (and `mode: alerts` on a pull request,
// which only validates) loads only what checking needs, as the CLI's `validate` does
// (test/validate-speed/validate-bundle.test.ts): not the pipeline, no Markdown, delivery, preview
// or summary code. Checked on the bundle, built as scripts/bundle.mjs builds it, run as a runner
// runs it (INPUT_* variables), with a module hook that writes down every module node loads.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_ASSETS } from '../../src/charts/draw.js';
import { editedPortfolio, EXAMPLE_CONFIG, removeScratchDirs } from '../config/portfolio-copy.js';
import { REPO_ROOT } from '../helpers.js';

// What only rendering HTML / text, drawing charts, the render pool, a send or a preview uses.
const NOT_FOR_VALIDATE =
  /node_modules\/(marked|string-width|sanitize-html|htmlparser2|echarts|zrender|@resvg|tinypool|@aws-sdk|@octokit|nodemailer|csv-stringify|@actions\/artifact)\//;
const NOT_FOR_VALIDATE_SOURCES = [
  'src/pipeline.ts',
  'src/render/markdown.ts',
  'src/render/index.ts',
  'src/render/pool.ts',
  'src/delivery/index.ts',
  'src/preview/index.ts',
  'src/preview/compare.ts',
  'src/summary/artifact.ts',
  'src/summary/markdown.ts',
];

let outdir: string;
let metafile: Metafile;

beforeAll(async () => {
  outdir = mkdtempSync(path.join(tmpdir(), 'boardroom-action-validate-'));
  // scripts/bundle.mjs's options, into a folder of the test's own.
  ({ metafile } = await build({
    absWorkingDir: REPO_ROOT,
    entryPoints: {
      index: 'src/index.ts',
      cli: 'src/cli.ts',
      'chunks/render-worker': 'src/render/render-worker.ts',
      // The pipeline's own thread (src/pipeline-thread.ts starts it for a run).
      'chunks/pipeline-thread-worker': 'src/pipeline-thread-worker.ts',
    },
    metafile: true,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    legalComments: 'none',
    logLevel: 'silent',
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  }));
  // As scripts/bundle.mjs does: the dry-run below draws charts from these, beside the bundle.
  const require = createRequire(path.join(REPO_ROOT, 'package.json'));
  mkdirSync(path.join(outdir, 'chart-assets'), { recursive: true });
  for (const asset of Object.values(CHART_ASSETS))
    copyFileSync(require.resolve(asset.from), path.join(outdir, 'chart-assets', asset.file));
}, 120_000);

afterAll(() => {
  removeScratchDirs();
  rmSync(outdir, { recursive: true, force: true });
});

/**
 * Runs the bundled action (dist/index.js) with `inputs` as INPUT_* variables and `env`; returns
 * the exit code, stdout, the GITHUB_OUTPUT file's text, and the inputs (source files and
 * packages) of every bundle file node loaded.
 */
function runAction(
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): { status: number | null; stdout: string; outputs: string; loaded: string[] } {
  const scratch = mkdtempSync(path.join(tmpdir(), 'boardroom-action-loads-'));
  try {
    const log = path.join(scratch, 'loaded.txt');
    const hooks = path.join(scratch, 'hooks.mjs');
    writeFileSync(
      hooks,
      `import { appendFileSync } from 'node:fs';\n` +
        `export async function load(url, context, next) {\n` +
        `  appendFileSync(${JSON.stringify(log)}, url + '\\n');\n` +
        `  return next(url, context);\n}\n`,
    );
    const register = path.join(scratch, 'register.mjs');
    writeFileSync(
      register,
      `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
    );
    writeFileSync(log, '');
    const outputFile = path.join(scratch, 'output.txt');
    writeFileSync(outputFile, '');
    const result = spawnSync(
      process.execPath,
      ['--import', pathToFileURL(register).href, path.join(outdir, 'index.js')],
      {
        cwd: scratch,
        encoding: 'utf8',
        timeout: 120_000,
        env: {
          PATH: process.env.PATH,
          GITHUB_OUTPUT: outputFile,
          GITHUB_EVENT_NAME: 'schedule',
          ...Object.fromEntries(
            Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
          ),
          ...env,
        },
      },
    );
    const byFile = new Map(
      Object.keys(metafile.outputs).map((output) => [path.resolve(REPO_ROOT, output), output]),
    );
    const loaded = readFileSync(log, 'utf8')
      .split('\n')
      .filter((url) => url.startsWith('file:'))
      .flatMap((url) => {
        const output = byFile.get(new URL(url).pathname);
        return output ? Object.keys(metafile.outputs[output]!.inputs) : [];
      });
    return {
      status: result.status,
      stdout: result.stdout,
      outputs: readFileSync(outputFile, 'utf8'),
      loaded,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const notForValidate = (loaded: string[]) => [
  ...loaded.filter((input) => NOT_FOR_VALIDATE.test(input)),
  ...loaded.filter((input) => NOT_FOR_VALIDATE_SOURCES.includes(input)),
];

describe('the action validates without loading the pipeline (bundle)', () => {
  it('mode: validate of the example loads none of it, and says it is valid', () => {
    const { status, stdout, loaded } = runAction({ config: EXAMPLE_CONFIG, mode: 'validate' });
    expect(status).toBe(0);
    expect(stdout).toContain('loaded 7 entities and 8 reports from');
    expect(stdout).toContain('the portfolio is valid');
    // The hook sees the checking code: the assertion below can fail.
    expect(loaded).toContain('src/validate.ts');
    expect(loaded).toContain('src/render/render-liquid.ts');
    expect(notForValidate(loaded)).toEqual([]);
  });

  it('mode: alerts on a pull request (which only validates) loads none of it either', () => {
    const { status, stdout, loaded } = runAction(
      { config: EXAMPLE_CONFIG, mode: 'alerts' },
      { GITHUB_EVENT_NAME: 'pull_request' },
    );
    expect(status).toBe(0);
    expect(stdout).toContain('boardroom: validate (event pull_request)');
    expect(stdout).toContain('the portfolio is valid');
    expect(notForValidate(loaded)).toEqual([]);
  });

  it('an invalid portfolio: an annotation at file:line:col per problem, exit 2', () => {
    const file = 'templates/sections/property.md';
    const portfolio = editedPortfolio({
      file,
      find: '{{ p.occupancy | percent }}',
      replace: '{{ p.occupancy_rate | percent }}',
    });
    const at = portfolio.positionOf(file, 'p.occupancy_rate');
    const { status, stdout, loaded } = runAction({ config: portfolio.dir, mode: 'validate' });
    expect(status).toBe(2);
    expect(stdout).toContain(
      `::error file=${path.join(portfolio.dir, file)},line=${at.line},col=${at.column}::`,
    );
    expect(stdout).toContain(`::error::1 problem found in ${portfolio.dir}; nothing was sent`);
    // The count comes after the problem it counts.
    expect(stdout.indexOf('::error::1 problem found')).toBeGreaterThan(
      stdout.indexOf('::error file='),
    );
    expect(stdout).toContain('the portfolio or the inputs are invalid: nothing was sent');
    expect(notForValidate(loaded)).toEqual([]);
  });

  it('while a dry-run loads the pipeline (the same hook sees it: the checks above can fail)', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'boardroom-action-run-'));
    try {
      const { status, stdout, loaded } = runAction({
        config: EXAMPLE_CONFIG,
        mode: 'dry-run',
        out,
        'as-of': '2026-11-24',
        tasks: 'none',
      });
      expect({ status, stdout: status === 0 ? '' : stdout }).toEqual({ status: 0, stdout: '' });
      expect(loaded).toContain('src/pipeline.ts');
      expect(loaded.some((input) => input.startsWith('node_modules/marked/'))).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    // A whole dry-run (charts drawn): slower than a validate on a busy machine.
  }, 120_000);
});

// Issue 13, cold start: `validate` renders every report's templates (the Liquid step only) and
// loads nothing it does not use. Checked on the bundle, built the way scripts/bundle.mjs builds
// it (code split, ESM), since what loads depends on how esbuild splits the code: which chunks the
// CLI imports, which modules a `validate` really loads, and that it still finds a template that
// cannot render at its file:line:col.
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

// What only the Markdown -> HTML / text step, the chart drawing, the render pool or a send uses.
const NOT_FOR_VALIDATE =
  /node_modules\/(marked|string-width|get-east-asian-width|emoji-regex|strip-ansi|sanitize-html|htmlparser2|echarts|zrender|@resvg|tinypool|@aws-sdk|@octokit|nodemailer)\//;
const NOT_FOR_VALIDATE_SOURCES = [
  'src/render/markdown.ts',
  'src/render/text-table.ts',
  'src/render/chart-text.ts',
  'src/render/index.ts',
  'src/pipeline.ts',
];

let outdir: string;
let metafile: Metafile;

beforeAll(async () => {
  outdir = mkdtempSync(path.join(tmpdir(), 'boardroom-validate-bundle-'));
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
  // As scripts/bundle.mjs does: the chart step of a run reads these beside the bundle.
  const require = createRequire(path.join(REPO_ROOT, 'package.json'));
  mkdirSync(path.join(outdir, 'chart-assets'), { recursive: true });
  for (const asset of Object.values(CHART_ASSETS))
    copyFileSync(require.resolve(asset.from), path.join(outdir, 'chart-assets', asset.file));
}, 120_000);

afterAll(() => {
  removeScratchDirs();
  rmSync(outdir, { recursive: true, force: true });
});

/** The bundle's output files (relative to REPO_ROOT, as the metafile names them) -> inputs. */
function inputsOf(output: string): string[] {
  return Object.keys(metafile.outputs[output]!.inputs);
}

/** Every output the CLI's entry loads before it runs: its static imports, transitively. */
function staticClosure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (output: string) => {
    if (seen.has(output)) return;
    seen.add(output);
    for (const imported of metafile.outputs[output]!.imports)
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
  };
  visit(entry);
  return [...seen];
}

/**
 * Runs the bundled CLI with a module hook that writes down every module node loads; returns
 * the exit code, stderr, and the inputs (source files and packages) of every bundle file loaded.
 */
function runBundled(
  args: string[],
  nodeArgs: string[] = [],
): { status: number | null; stdout: string; stderr: string; loaded: string[] } {
  const scratch = mkdtempSync(path.join(tmpdir(), 'boardroom-validate-loads-'));
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
    const result = spawnSync(
      process.execPath,
      ['--import', pathToFileURL(register).href, ...nodeArgs, path.join(outdir, 'cli.js'), ...args],
      { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 },
    );
    const byFile = new Map(
      Object.keys(metafile.outputs).map((output) => [path.resolve(REPO_ROOT, output), output]),
    );
    const loaded = readFileSync(log, 'utf8')
      .split('\n')
      .filter((url) => url.startsWith('file:'))
      .flatMap((url) => {
        const output = byFile.get(new URL(url).pathname);
        return output ? inputsOf(output) : [];
      });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr, loaded };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

describe('validate loads no Markdown, text-table, chart, pool or delivery code (bundle)', () => {
  it('the CLI entry imports none of it statically', () => {
    const entry = Object.keys(metafile.outputs).find((o) => o.endsWith('/cli.js'))!;
    // The CLI imports src/validate.ts only for `validate`, after tuning V8 (src/v8-tiers.ts):
    // the entry's closure and that output's are what a validate loads before it checks.
    const validate = Object.keys(metafile.outputs).find((o) =>
      inputsOf(o).includes('src/validate.ts'),
    )!;
    expect(staticClosure(entry).flatMap(inputsOf)).not.toContain('src/validate.ts');
    const inputs = [entry, validate].flatMap(staticClosure).flatMap(inputsOf);
    // The check can fail: the closure holds the loader and the Liquid engine.
    expect(inputs).toContain('src/render/render-liquid.ts');
    expect(inputs.some((input) => input.includes('node_modules/liquidjs/'))).toBe(true);
    expect(inputs.filter((input) => NOT_FOR_VALIDATE.test(input))).toEqual([]);
    expect(inputs.filter((input) => NOT_FOR_VALIDATE_SOURCES.includes(input))).toEqual([]);
  });

  it('a validate of the example loads none of it (every module node loads, recorded)', () => {
    const { status, stderr, loaded } = runBundled(['validate', '--config', EXAMPLE_CONFIG]);
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    expect(loaded).toContain('src/render/render-liquid.ts');
    expect(loaded.filter((input) => NOT_FOR_VALIDATE.test(input))).toEqual([]);
    expect(loaded.filter((input) => NOT_FOR_VALIDATE_SOURCES.includes(input))).toEqual([]);
  });

  it('while a run loads marked (the same hook sees it: the check above can fail)', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'boardroom-validate-run-'));
    try {
      const { status, stderr, loaded } = runBundled([
        'run',
        '--config',
        EXAMPLE_CONFIG,
        '--out',
        out,
        '--mode',
        'dry-run',
        '--as-of',
        '2026-11-24',
      ]);
      expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
      expect(loaded.some((input) => input.startsWith('node_modules/marked/'))).toBe(true);
      expect(loaded).toContain('src/render/markdown.ts');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('the bundled validate still finds a template that cannot render, at file:line:col', () => {
  it('an unknown variable in a section template (sections/property.md, p.occupancy_rate)', () => {
    const file = 'templates/sections/property.md';
    const portfolio = editedPortfolio({
      file,
      find: '{{ p.occupancy | percent }}',
      replace: '{{ p.occupancy_rate | percent }}',
    });
    const at = portfolio.positionOf(file, 'p.occupancy_rate');
    const { status, stderr } = runBundled(['validate', '--config', portfolio.dir]);
    expect({ status, lines: stderr.trim().split('\n') }).toEqual({
      status: 2,
      lines: [
        `${path.join(portfolio.dir, file)}:${at.line}:${at.column}: Liquid: undefined variable: p.occupancy_rate`,
        `1 problem found in ${portfolio.dir}; nothing was sent`,
      ],
    });
  });

  it('a partial named by a variable that has no template (unit.md renders sections/property)', () => {
    const portfolio = editedPortfolio({ file: 'templates/sections/property.md', remove: true });
    const at = portfolio.positionOf('templates/unit.md', '{% render name');
    const { status, stderr } = runBundled(['validate', '--config', portfolio.dir]);
    expect({ status, lines: stderr.trim().split('\n') }).toEqual({
      status: 2,
      lines: [
        `${path.join(portfolio.dir, 'templates', 'unit.md')}:${at.line}:${at.column}: Liquid: no partial "sections/property"`,
        `1 problem found in ${portfolio.dir}; nothing was sent`,
      ],
    });
  });
});

// Issue 13, cold start: node:child_process (about 10 ms to load) is loaded only when a book
// source runs a tool (hledger, bean-query: src/books/run-tool.ts), so a `validate` of a portfolio
// whose books are CSV never loads it. Checked on the CLI bundled as scripts/bundle.mjs bundles it,
// with node's own list of the built-in modules it loaded, read at exit.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editedPortfolio, EXAMPLE_CONFIG, removeScratchDirs } from '../config/portfolio-copy.js';
import { REPO_ROOT } from '../helpers.js';

let outdir: string;

beforeAll(async () => {
  outdir = mkdtempSync(path.join(tmpdir(), 'boardroom-lazy-child-process-'));
  // scripts/bundle.mjs's options for the CLI, into a folder of the test's own.
  await build({
    absWorkingDir: REPO_ROOT,
    entryPoints: { cli: 'src/cli.ts' },
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
  });
}, 120_000);

afterAll(() => {
  removeScratchDirs();
  rmSync(outdir, { recursive: true, force: true });
});

// Prints node's list of the built-in modules this process loaded, at exit.
const PRINT_BUILTINS = `data:text/javascript,${encodeURIComponent(
  "process.on('exit', () => process.stderr.write('BUILTINS ' + JSON.stringify(process.moduleLoadList) + '\\n'));",
)}`;

/** Runs the bundled CLI's `validate` of `config`; the built-in modules it loaded. */
function builtinsLoadedBy(config: string): string[] {
  const run = spawnSync(
    process.execPath,
    ['--import', PRINT_BUILTINS, path.join(outdir, 'cli.js'), 'validate', '--config', config],
    { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 },
  );
  const line = /^BUILTINS (.*)$/m.exec(run.stderr);
  if (!line) throw new Error(`no module list: ${run.stderr}`);
  return JSON.parse(line[1]!) as string[];
}

describe('validate loads node:child_process only for books a tool reads (bundle)', () => {
  it('a validate of the example (CSV books) does not load it', () => {
    const loaded = builtinsLoadedBy(EXAMPLE_CONFIG);
    // The list is node's: it names what was loaded (the check can fail, below).
    expect(loaded).toContain('NativeModule fs');
    expect(loaded).not.toContain('NativeModule child_process');
  });

  it('a validate of a portfolio with an hledger journal does (installed or not)', () => {
    const { dir } = editedPortfolio();
    const entity = path.join(dir, 'entities', 'jada.yml');
    writeFileSync(entity, `books:\n  - hledger: books/jada.journal\n`, { flag: 'a' });
    mkdirSync(path.join(dir, 'books'));
    writeFileSync(
      path.join(dir, 'books', 'jada.journal'),
      '2026-10-01 Sale\n    Assets:Bank    100 USD\n    Income:Sales  -100 USD\n',
    );
    expect(builtinsLoadedBy(dir)).toContain('NativeModule child_process');
  });
});

// Issue 13, cold start: the CLI's `validate` of a small portfolio caps V8 at its baseline
// compiler (`--max-opt=1`, src/v8-tiers.ts), set before the checking code is loaded; a large
// portfolio keeps the optimiser, and main() called inside another process (a test, a tool) never
// touches that process's V8. The flags the CLI sets are recorded by a preload that wraps
// node:v8's setFlagsFromString (a builtin's ESM exports follow its CommonJS object once synced).
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type * as v8 from 'node:v8';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import {
  isSmallPortfolio,
  SMALL_CHECK_DATA_BYTES,
  SMALL_CHECK_REPORTS,
} from '../../src/v8-tiers.js';
import {
  editedPortfolio,
  EXAMPLE_CONFIG,
  removeScratchDirs,
  scratchDir,
} from '../config/portfolio-copy.js';
import { REPO_ROOT } from '../helpers.js';

afterAll(removeScratchDirs);

/** A copy of the example with `count` more report files (copies of ceo.yml under new names). */
function withExtraReports(count: number): string {
  const { dir, read } = editedPortfolio();
  for (let i = 0; i < count; i += 1)
    writeFileSync(path.join(dir, 'reports', `extra-${i}.yml`), read('reports/ceo.yml'));
  return dir;
}

describe('a small portfolio is the example: few report files, little data', () => {
  it('counts the example as small (8 reports, 0.2 MB of data)', () => {
    expect(isSmallPortfolio(EXAMPLE_CONFIG)).toBe(true);
  });

  it('counts a portfolio with more than 50 report files as large, and 50 as small', () => {
    expect(isSmallPortfolio(withExtraReports(SMALL_CHECK_REPORTS - 8))).toBe(true);
    expect(isSmallPortfolio(withExtraReports(SMALL_CHECK_REPORTS - 8 + 1))).toBe(false);
  });

  it('counts a portfolio with more than 1 MB under data/ as large, in a table or at the top', () => {
    const inTable = editedPortfolio().dir;
    writeFileSync(
      path.join(inTable, 'data', 'jada', 'ledger-archive.csv'),
      'x'.repeat(SMALL_CHECK_DATA_BYTES),
    );
    expect(isSmallPortfolio(inTable)).toBe(false);
    const atTop = editedPortfolio().dir;
    writeFileSync(path.join(atTop, 'data', 'archive.csv'), 'x'.repeat(SMALL_CHECK_DATA_BYTES));
    expect(isSmallPortfolio(atTop)).toBe(false);
  });

  it('counts books anywhere under the portfolio folder, and through a linked folder (review)', () => {
    // The README's own layout keeps journals in books/, not data/.
    const inBooks = editedPortfolio().dir;
    mkdirSync(path.join(inBooks, 'books'));
    writeFileSync(path.join(inBooks, 'books', 'jada-big.csv'), 'x'.repeat(SMALL_CHECK_DATA_BYTES));
    expect(isSmallPortfolio(inBooks)).toBe(false);
    // data/<id> as a link to a folder elsewhere: counted as the folder it points to.
    const elsewhere = scratchDir();
    writeFileSync(path.join(elsewhere, 'ledger.csv'), 'x'.repeat(SMALL_CHECK_DATA_BYTES));
    const linked = editedPortfolio().dir;
    symlinkSync(elsewhere, path.join(linked, 'data', 'linked-entity'));
    expect(isSmallPortfolio(linked)).toBe(false);
  });

  it('counts a folder that cannot be read as empty (loading reports it)', () => {
    const empty = scratchDir();
    mkdirSync(path.join(empty, 'data'));
    expect(isSmallPortfolio(empty)).toBe(true);
    expect(isSmallPortfolio(path.join(empty, 'missing'))).toBe(true);
  });
});

// Wraps node:v8's setFlagsFromString before the CLI loads, and prints what it was given at exit.
const RECORD_FLAGS = `data:text/javascript,${encodeURIComponent(`
import { syncBuiltinESMExports } from 'node:module';
import v8 from 'node:v8';
const set = v8.setFlagsFromString;
const flags = [];
v8.setFlagsFromString = (text) => { flags.push(text); return set(text); };
syncBuiltinESMExports();
process.on('exit', () => process.stderr.write('V8 FLAGS ' + JSON.stringify(flags) + '\\n'));
`)}`;

/** Runs the CLI from source in its own process; its exit code, output and the V8 flags it set. */
function runCli(...args: string[]): { status: number | null; stdout: string; flags: string[] } {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--import', RECORD_FLAGS, path.join(REPO_ROOT, 'src', 'cli.ts'), ...args],
    { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 },
  );
  const line = /^V8 FLAGS (.*)$/m.exec(run.stderr);
  if (!line) throw new Error(`no flags recorded: ${run.stderr}`);
  return { status: run.status, stdout: run.stdout, flags: JSON.parse(line[1]!) as string[] };
}

describe('the CLI caps V8 for a validate of a small portfolio, in its own process only', () => {
  it('sets --max-opt=1 for validate of the example, and still validates it', () => {
    const run = runCli('validate', '--config', EXAMPLE_CONFIG);
    expect(run.flags).toEqual(['--max-opt=1']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('is valid: 7 entities, 8 reports');
  }, 120_000);

  it('leaves V8 alone for validate of a portfolio with 51 report files, and for --help', () => {
    const large = runCli('validate', '--config', withExtraReports(SMALL_CHECK_REPORTS - 8 + 1));
    expect(large.flags).toEqual([]);
    expect(large.status).toBe(0);
    expect(runCli('--help').flags).toEqual([]);
  }, 120_000);
});

describe('main() inside another process never sets V8 flags', () => {
  afterEach(() => {
    vi.doUnmock('node:v8');
    vi.resetModules();
  });

  it('validates the example without calling setFlagsFromString unless told it owns the process', async () => {
    const setFlagsFromString = vi.fn();
    vi.doMock('node:v8', async (original) => ({
      ...(await original<typeof v8>()),
      setFlagsFromString,
    }));
    vi.resetModules();
    const { main } = await import('../../src/cli.js');
    const quiet = { info: () => undefined, warning: () => undefined, error: () => undefined };
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await main(['validate', '--config', EXAMPLE_CONFIG], {}, quiet)).toBe(0);
    expect(setFlagsFromString).not.toHaveBeenCalled();
    expect(
      await main(['validate', '--config', EXAMPLE_CONFIG], {}, quiet, { ownProcess: true }),
    ).toBe(0);
    expect(setFlagsFromString).toHaveBeenCalledWith('--max-opt=1');
  }, 60_000);
});

// `boardroom validate` and `boardroom run` on a broken portfolio: every problem is printed as
// `file:LINE:COL: message` (YAML) or `file.csv:ROW: column: message` (CSV), the exit code is 2,
// and a run writes and sends nothing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli.js';
import { memoryLogger } from '../../src/logger.js';
import { resolveOptions } from '../../src/options.js';
import { validateRun } from '../../src/validate.js';
import {
  editedPortfolio,
  scratchDir,
  type EditedPortfolio,
  removeScratchDirs,
} from './portfolio-copy.js';

afterAll(removeScratchDirs);

const CREW_ROW = '2026-05-01,5000,crew_wages,-2613.03,Deckhand payroll,R-2026-0401';
const LEDGER = 'data/queenofsandiego/ledger.csv';

/** A copy with one YAML problem (reports/ceo.yml) and one CSV problem (the QOSD ledger). */
function brokenPortfolio(): EditedPortfolio {
  return editedPortfolio(
    { file: 'reports/ceo.yml', find: 'cadence: weekly', replace: 'cadence: daily' },
    { file: LEDGER, find: CREW_ROW, replace: CREW_ROW.replace('-2613.03', 'lots') },
  );
}

/** The lines `validate` must print for brokenPortfolio(), worked out from the edited files. */
function expectedProblemLines(portfolio: EditedPortfolio): string[] {
  const cadence = portfolio.positionOf('reports/ceo.yml', 'daily');
  const row = portfolio.positionOf(LEDGER, ',lots,').line;
  return [
    `${path.join(portfolio.dir, LEDGER)}:${row}: amount: "lots" is not a number`,
    `${path.join(portfolio.dir, 'reports', 'ceo.yml')}:${cadence.line}:${cadence.column}: cadence: must be one of "weekly", "monthly"`,
  ];
}

/** Every file under a folder, recursively (an absent folder has none). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function captureConsole() {
  return {
    error: vi.spyOn(console, 'error').mockImplementation(() => undefined),
    log: vi.spyOn(console, 'log').mockImplementation(() => undefined),
  };
}

const printed = (spy: ReturnType<typeof vi.spyOn>) =>
  spy.mock.calls.map((call: unknown[]) => String(call[0]));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('boardroom validate', () => {
  it('exits 0 and says so for the example portfolio', async () => {
    const console = captureConsole();
    const portfolio = editedPortfolio();
    const code = await main(['validate', '--config', portfolio.dir], {}, memoryLogger());
    expect(code).toBe(0);
    expect(printed(console.error)).toEqual([]);
    const count = (folder: string) => readdirSync(path.join(portfolio.dir, folder)).length;
    expect(printed(console.log)).toEqual([
      `${portfolio.dir} is valid: ${count('entities')} entities, ${count('reports')} reports`,
    ]);
  });

  it('exits 2 and prints every problem as file:LINE:COL: message or file.csv:ROW: column: message', async () => {
    const console = captureConsole();
    const portfolio = brokenPortfolio();
    const code = await main(['validate', '--config', portfolio.dir], {}, memoryLogger());
    expect(code).toBe(2);
    expect(printed(console.error)).toEqual([
      ...expectedProblemLines(portfolio),
      `2 problems found in ${portfolio.dir}; nothing was sent`,
    ]);
    expect(printed(console.log)).toEqual([]);
  });
});

describe('boardroom run on a broken portfolio', () => {
  it('exits 2, prints the problems, and writes no outbox and no .eml (nothing is sent)', async () => {
    const console = captureConsole();
    const portfolio = brokenPortfolio();
    const scratch = scratchDir('boardroom-run-');
    const out = path.join(scratch, 'out');
    const stateFile = path.join(scratch, 'state', 'ledger.jsonl');
    const log = memoryLogger();

    const code = await main(
      ['run', '--config', portfolio.dir, '--out', out, '--state-file', stateFile],
      {},
      log,
    );

    expect(code).toBe(2);
    expect(existsSync(path.join(out, 'outbox'))).toBe(false);
    expect(filesUnder(out).filter((file) => file.endsWith('.eml'))).toEqual([]);
    expect(filesUnder(scratch)).toEqual([]);
    expect(existsSync(stateFile)).toBe(false);
    // As validate prints them: the problems, then the count naming the folder given (--config).
    expect(printed(console.error)).toEqual([
      ...expectedProblemLines(portfolio),
      `2 problems found in ${portfolio.dir}; nothing was sent`,
    ]);
    expect(log.lines.filter((line) => line.startsWith('error:'))).toEqual([]);
  });
});

describe('counts agree with their nouns', () => {
  const harbor = path.resolve(import.meta.dirname, '../../examples/harbor-books');

  it('validate of a portfolio with one entity and one report says so in the singular', async () => {
    const console = captureConsole();
    const code = await main(['validate', '--config', harbor], {}, memoryLogger());
    expect(code).toBe(0);
    expect(printed(console.log)).toEqual([`${harbor} is valid: 1 entity, 1 report`]);
  });

  it("the action's validate logs what it loaded in the singular too", async () => {
    const log = memoryLogger();
    expect(await validateRun({ config: harbor }, log)).toEqual({ exitCode: 0 });
    expect(log.lines).toContain(`info: loaded 1 entity and 1 report from ${harbor}`);
  });
});

describe('--help', () => {
  /** The values `--mode` lists in the usage, as printed by `boardroom --help`. */
  async function helpModes(): Promise<string[]> {
    const console = captureConsole();
    expect(await main(['--help'], {}, memoryLogger())).toBe(0);
    const usage = printed(console.log).join('\n');
    return /--mode ([a-z|-]+)\]/.exec(usage)![1]!.split('|');
  }

  it('lists every mode a run accepts, and resolveOptions accepts every mode it lists', async () => {
    const listed = await helpModes();
    for (const mode of listed) expect(() => resolveOptions({ mode }, {})).not.toThrow();
    // A mode it does not list is refused, and the refusal names exactly the listed ones.
    expect(() => resolveOptions({ mode: 'sned' }, {})).toThrow(
      new RegExp(`^mode: "sned" is not one of ${listed.join(', ')}$`),
    );
    for (const mode of ['validate', 'alerts', 'auto']) expect(listed).toContain(mode);
  });
});

describe("the README's command line", () => {
  it('shows the usage exactly as `boardroom --help` prints it', async () => {
    const console = captureConsole();
    expect(await main(['--help'], {}, memoryLogger())).toBe(0);
    const usage = printed(console.log).join('\n').trimEnd();
    const readme = readFileSync(path.join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('\n## The command line\n'));
    const block = /```\n([\s\S]*?)\n```/.exec(section)![1]!;
    expect(block).toBe(usage);
  });
});

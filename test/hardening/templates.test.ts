// Issue 10, items 6 and 7, and the formatDate fault: dates in templates print in the portfolio's
// zone whatever the host's; a template that cannot render fails `validate` at its file:line
// with exit code 2 (a missing partial, an unknown variable), and a run sends nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli.js';
import { memoryLogger } from '../../src/logger.js';
import { createTemplateEngine } from '../../src/render/liquid.js';
import { formatDate } from '../../src/render/format.js';
import type { Template } from '../../src/config/load.js';
import {
  editedPortfolio,
  removeScratchDirs,
  scratchDir,
  type Edit,
} from '../config/portfolio-copy.js';
import { REPO_ROOT } from '../helpers.js';

afterAll(removeScratchDirs);
afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs a module of this project in a fresh node with the host zone `tz`; returns its stdout. */
function inZone(tz: string, code: string): string {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', code],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, TZ: tz },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout;
}

/** Renders `source` with the real engine in a process whose host zone is `hostZone`. */
function renderInZone(hostZone: string, portfolioZone: string, source: string, data: object) {
  const liquid = path.join(REPO_ROOT, 'src', 'render', 'liquid.ts');
  return inZone(
    hostZone,
    `const { createTemplateEngine } = await import(${JSON.stringify(liquid)});
     const templates = new Map([['main', { name: 'main', file: 'templates/main.md', source: ${JSON.stringify(source)} }]]);
     const engine = createTemplateEngine(templates, { currency: 'USD', timezone: ${JSON.stringify(portfolioZone)} });
     process.stdout.write(engine.renderFileSync('main', ${JSON.stringify(data)}));`,
  );
}

describe('dates in templates print in the portfolio zone, whatever the host zone (item 6)', () => {
  it('the given instance: as-of 2026-11-16 reads Monday under TZ=America/Los_Angeles, through a whole run', () => {
    const portfolio = editedPortfolio({
      file: 'templates/partials/header.md',
      find: 'As of {{ as_of | date_long }}',
      replace: 'As of {{ as_of | date: "%A %B %-d, %Y" }}',
    });
    const out = path.join(scratchDir('boardroom-tz-'), 'out');
    const cli = path.join(REPO_ROOT, 'src', 'cli.ts');
    inZone(
      'America/Los_Angeles',
      `const { main } = await import(${JSON.stringify(cli)});
       process.exitCode = await main(['run', '--config', ${JSON.stringify(portfolio.dir)}, '--out', ${JSON.stringify(out)}, '--as-of', '2026-11-16', '--mode', 'dry-run']);`,
    );
    for (const report of ['cfo', 'ceo'])
      expect(readFileSync(path.join(out, 'reports', `${report}.md`), 'utf8')).toContain(
        'As of Monday November 16, 2026 · ',
      );
  }, 90_000);

  it('a second zone pair: hosts in Auckland and Tokyo, a portfolio in New York', () => {
    const source = '{{ as_of | date: "%A %B %-d, %Y %z" }}|{{ "2026-11-01" | date: "%a %b %-d" }}';
    for (const host of ['Pacific/Auckland', 'Asia/Tokyo', 'America/Los_Angeles'])
      // 1 November 2026 is the day New York leaves summer time (and Los Angeles with it): a
      // midnight shifted through the host's zone read as 31 October there.
      expect(renderInZone(host, 'America/New_York', source, { as_of: '2026-11-16' })).toBe(
        'Monday November 16, 2026 -0500|Sun Nov 1',
      );
  }, 90_000);

  it("prints a computed date before the inputs' earliest year (0099-12-25) as that day too", () => {
    // A report as of 0100-01-01 compares with 0099-12-25; the filter read it as Liquid's own
    // UTC midnight, the evening before west of Greenwich.
    const source = '{{ d | date: "%a %b %-d" }}|{{ d | date_long }}';
    for (const host of ['America/Los_Angeles', 'Asia/Tokyo'])
      expect(renderInZone(host, 'America/Los_Angeles', source, { d: '0099-12-25' })).toBe(
        'Fri Dec 25|25 Dec 0099',
      );
  }, 60_000);

  it('prints an instant at its time in the portfolio zone', () => {
    const instant = Date.UTC(2026, 10, 16, 3, 30) / 1000; // 03:30 UTC = 22:30 the day before in New York
    expect(
      renderInZone('Asia/Tokyo', 'America/New_York', '{{ t | date: "%Y-%m-%d %H:%M" }}', {
        t: instant,
      }),
    ).toBe('2026-11-15 22:30');
  }, 60_000);
});

describe('formatDate reads dates with the config parser (the known fault)', () => {
  const engine = createTemplateEngine(
    new Map<string, Template>([
      [
        'main',
        { name: 'main', file: 'templates/main.md', source: "{{ '2026-13-01' | date_long }}" },
      ],
      [
        'leap',
        { name: 'leap', file: 'templates/leap.md', source: "{{ '2026-02-30' | date_long }}" },
      ],
    ]),
    { currency: 'USD', timezone: 'UTC' },
  );

  it('the given instance: 2026-13-01 from a template literal reads "no data" instead of throwing', () => {
    expect(engine.renderFileSync('main', {})).toBe('no data');
  });

  it('a second instance: a day the month does not have (2026-02-30), and real dates still read', () => {
    expect(engine.renderFileSync('leap', {})).toBe('no data');
    expect(formatDate('2028-02-29')).toBe('29 Feb 2028');
    expect(formatDate('2026-11-24')).toBe('24 Nov 2026');
  });
});

/** What `boardroom validate --config dir` returned and printed to stderr. */
async function validate(dir: string): Promise<{ code: number; errors: string[] }> {
  const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  const code = await main(['validate', '--config', dir], {}, memoryLogger());
  return { code, errors: error.mock.calls.map((call) => String(call[0])) };
}

const BURN = 'templates/sections/burn.md';
const FINDINGS_RENDER = "{% render 'partials/findings', findings: section.findings";

describe('templates that cannot render fail validate at file:line, exit 2 (item 7)', () => {
  it('the given instance: a typo in a partial name', async () => {
    const portfolio = editedPortfolio({
      file: BURN,
      find: FINDINGS_RENDER,
      replace: FINDINGS_RENDER.replace("'partials/findings'", "'partials/finding'"),
    });
    const at = portfolio.positionOf(BURN, "{% render 'partials/finding'");
    expect(await validate(portfolio.dir)).toEqual({
      code: 2,
      errors: [
        `${path.join(portfolio.dir, BURN)}:${at.line}:${at.column}: Liquid: no partial "partials/finding" (no templates/partials/finding.md)`,
        `1 problem found in ${portfolio.dir}; nothing was sent`,
      ],
    });
  });

  it('the given instance: a misspelt variable (e.net_burn_montly)', async () => {
    const edit: Edit = {
      file: BURN,
      find: '{{ e.net_burn_monthly | money }}',
      replace: '{{ e.net_burn_montly | money }}',
    };
    const portfolio = editedPortfolio(edit);
    const at = portfolio.positionOf(BURN, 'e.net_burn_montly');
    expect(await validate(portfolio.dir)).toEqual({
      code: 2,
      errors: [
        `${path.join(portfolio.dir, BURN)}:${at.line}:${at.column}: Liquid: undefined variable: e.net_burn_montly`,
        `1 problem found in ${portfolio.dir}; nothing was sent`,
      ],
    });
  });

  it('both at once: every problem is reported, each once', async () => {
    const portfolio = editedPortfolio(
      {
        file: BURN,
        find: FINDINGS_RENDER,
        replace: FINDINGS_RENDER.replace("'partials/findings'", "'partials/finding'"),
      },
      {
        file: BURN,
        find: '{{ e.net_burn_monthly | money }}',
        replace: '{{ e.net_burn_montly | money }}',
      },
    );
    const file = path.join(portfolio.dir, BURN);
    const variable = portfolio.positionOf(BURN, 'e.net_burn_montly');
    const partial = portfolio.positionOf(BURN, "{% render 'partials/finding'");
    expect(await validate(portfolio.dir)).toEqual({
      code: 2,
      errors: [
        `${file}:${variable.line}:${variable.column}: Liquid: undefined variable: e.net_burn_montly`,
        `${file}:${partial.line}:${partial.column}: Liquid: no partial "partials/finding" (no templates/partials/finding.md)`,
        `2 problems found in ${portfolio.dir}; nothing was sent`,
      ],
    });
  });

  it('and a run on it sends nothing, and names the file and line', async () => {
    const portfolio = editedPortfolio({
      file: BURN,
      find: '{{ e.net_burn_monthly | money }}',
      replace: '{{ e.net_burn_montly | money }}',
    });
    const at = portfolio.positionOf(BURN, 'e.net_burn_montly');
    const scratch = scratchDir('boardroom-strict-run-');
    const log = memoryLogger();
    const code = await main(
      [
        'run',
        '--config',
        portfolio.dir,
        '--out',
        path.join(scratch, 'out'),
        '--as-of',
        '2026-11-24',
      ],
      {},
      log,
    );
    expect(code).toBe(2);
    expect(existsSync(path.join(scratch, 'out', 'outbox'))).toBe(false);
    expect(log.lines).toContain(
      `error: render failed: cfo: ${path.join(portfolio.dir, BURN)}:${at.line}:${at.column}: Liquid: undefined variable: e.net_burn_montly`,
    );
  });

  it('a second instance: a section partial named by a variable that has no template', async () => {
    const portfolio = editedPortfolio({ file: 'templates/sections/break_even.md', remove: true });
    const at = portfolio.positionOf('templates/cfo.md', '{% render name');
    expect(await validate(portfolio.dir)).toEqual({
      code: 2,
      errors: [
        `${path.join(portfolio.dir, 'templates', 'cfo.md')}:${at.line}:${at.column}: Liquid: no partial "sections/break_even"`,
        `1 problem found in ${portfolio.dir}; nothing was sent`,
      ],
    });
  });

  it('a second instance: a misspelt variable in a subject, at the subject in the report file', async () => {
    const file = 'reports/accounting.yml';
    const portfolio = editedPortfolio({
      file,
      find: '— {{ period }}"',
      replace: '— {{ portfolio.nmae }}"',
    });
    const at = portfolio.positionOf(file, 'portfolio.nmae');
    expect(await validate(portfolio.dir)).toEqual({
      code: 2,
      errors: [
        `${path.join(portfolio.dir, file)}:${at.line}:${at.column}: subject: undefined variable: portfolio.nmae`,
        `1 problem found in ${portfolio.dir}; nothing was sent`,
      ],
    });
  });

  it('keys entities/*.yml may leave out are no data, not errors (the templates guard them)', async () => {
    const file = 'entities/queenofsandiego.yml';
    const portfolio = editedPortfolio(
      { file, find: '      renews: 2027-01-22\n', replace: '' },
      { file, find: '      stack: qosd-web\n', replace: '' },
      { file, find: '      value: 420000\n', replace: '' },
    );
    expect(await validate(portfolio.dir)).toEqual({ code: 0, errors: [] });
  });
});

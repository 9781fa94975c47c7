// The render stage with a finishing thread (src/render/pool.ts openFinishingThread, and
// renderReportsFinishingElsewhere in src/render/report-files.ts) against the same stage in the
// main thread alone: the same bytes in every file, the same entries, charts and log, the same
// failures named the same way on either side; when the thread is used; what a thread over its cap
// gives; and the bundle's thread where the action runs it (no node_modules beside it).
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/analysis/index.js';
import { memoryLogger } from '../../src/logger.js';
import { validatePortfolio } from '../../src/pipeline.js';
import { finishingThreadWanted, openFinishingThread } from '../../src/render/pool.js';
import {
  renderReportsFinishingElsewhere,
  renderReportsInProcess,
} from '../../src/render/report-files.js';
import { generatePortfolio } from '../../scripts/generate-portfolio.js';
import { copyExampleConfig, EXAMPLE_CONFIG, REPO_ROOT, tempDir } from '../helpers.js';

const AS_OF = '2026-11-24';
// Each case starts a thread that compiles the sources under tsx: slow on a loaded 2-core machine.
const SLOW = 240_000;

async function load(config: string) {
  const validated = await validatePortfolio(config);
  if ('errors' in validated) throw new Error(JSON.stringify(validated.errors));
  return validated;
}

/** The stage in the main thread alone, then with a finishing thread, into two folders. */
async function bothWays(config: string, inFlight = 3) {
  const { portfolio, engine } = await load(config);
  const out = tempDir('finishing-out-');
  const alone = path.join(tempDir('finishing-alone-'), 'reports');
  const twoThreads = path.join(tempDir('finishing-two-'), 'reports');
  mkdirSync(alone, { recursive: true });
  mkdirSync(twoThreads, { recursive: true });
  const aloneLog = memoryLogger();
  const inProcess = renderReportsInProcess(
    new Analyzer(portfolio, AS_OF),
    engine,
    portfolio.reports,
    { into: alone, out, log: aloneLog },
  );
  const twoLog = memoryLogger();
  const finishing = await openFinishingThread(portfolio.templates.values());
  try {
    const finished = await renderReportsFinishingElsewhere(
      new Analyzer(portfolio, AS_OF),
      engine,
      portfolio.reports,
      { into: twoThreads, out, log: twoLog },
      finishing,
      inFlight,
    );
    return { inProcess, aloneLog, finished, twoLog, alone, twoThreads, reports: portfolio.reports };
  } finally {
    await finishing.close();
  }
}

function expectSameFiles(expected: string, actual: string): number {
  const names = readdirSync(expected).sort();
  expect(readdirSync(actual).sort()).toEqual(names);
  for (const name of names)
    expect(readFileSync(path.join(actual, name)), name).toEqual(
      readFileSync(path.join(expected, name)),
    );
  return names.length;
}

describe('renderReportsFinishingElsewhere', { timeout: SLOW }, () => {
  it('writes the example byte for byte as the main thread alone does, with the same entries, charts and log', async () => {
    const run = await bothWays(EXAMPLE_CONFIG);
    expect(run.inProcess.errors).toEqual([]);
    expect(run.finished.errors).toEqual([]);
    expect(expectSameFiles(run.alone, run.twoThreads)).toBe(4 * run.reports.length);
    expect(run.reports.length).toBeGreaterThanOrEqual(8);
    expect(run.finished.rendered).toEqual(run.inProcess.rendered);
    run.finished.rendered.forEach((entry, i) => expect(entry.report).toBe(run.reports[i]));
    expect([...run.finished.charts.keys()]).toEqual([...run.inProcess.charts.keys()]);
    expect(run.finished.charts.size).toBeGreaterThan(0);
    expect(run.twoLog.lines).toEqual(run.aloneLog.lines);
  });

  it('names a failure in either thread as the main thread does, in report order, and renders the rest', async () => {
    const config = copyExampleConfig();
    // In the main thread: a subject that does not render.
    const cto = path.join(config, 'reports', 'cto.yml');
    writeFileSync(cto, readFileSync(cto, 'utf8').replace('{{ period }}', '{{ perriod }}'));
    // In the finishing thread: a message over the 10 MB budget (about 6 MB of Markdown becomes
    // as much HTML and text, each encoded in base64).
    const cfo = path.join(config, 'templates', 'cfo.md');
    writeFileSync(
      cfo,
      `${readFileSync(cfo, 'utf8')}\n{% for i in (1..80000) %}Line {{ i }} of a report far too long to be mailed to anyone at all.\n{% endfor %}\n`,
    );
    const run = await bothWays(config);
    expect(run.inProcess.errors, run.inProcess.errors.join('\n').slice(0, 600)).toHaveLength(2);
    expect(run.finished.errors).toEqual(run.inProcess.errors);
    expect(run.finished.errors.map((e) => e.split(':')[0])).toEqual(
      run.reports.map((r) => r.id).filter((id) => id === 'cto' || id === 'cfo'),
    );
    expect(run.finished.errors.find((e) => e.startsWith('cfo:'))).toMatch(
      /^cfo: the message would be about [\d.]+ MB, over the 10.0 MB budget/,
    );
    expect(run.finished.errors.find((e) => e.startsWith('cto:'))).toMatch(/^cto: .*perriod/);
    expect(run.finished.rendered.map((e) => e.report.id)).toEqual(
      run.reports.filter((r) => r.id !== 'cto' && r.id !== 'cfo').map((r) => r.id),
    );
    expect(run.finished.rendered).toEqual(run.inProcess.rendered);
    expect(run.finished.charts).toEqual(run.inProcess.charts);
    expect(run.twoLog.lines).toEqual(run.aloneLog.lines);
  });

  it.each([
    ['blockquotes nested 3,000 deep', `${'> '.repeat(3000)}hi`],
    ['list items nested 1,500 deep', `${'- '.repeat(1500)}hi`],
  ])(
    'fails a template of %s on the thread exactly as on the main thread (the same stack)',
    async (_, nested) => {
      const config = copyExampleConfig();
      const cto = path.join(config, 'templates', 'cto.md');
      writeFileSync(cto, `${readFileSync(cto, 'utf8')}\n${nested}\n`);
      const run = await bothWays(config);
      expect(run.inProcess.errors).toEqual(['cto: Maximum call stack size exceeded']);
      expect(run.finished.errors).toEqual(run.inProcess.errors);
      expect(run.finished.rendered).toEqual(run.inProcess.rendered);
    },
  );

  it("caps the thread's heap: a thread over its cap fails each report it held, with the cap named", async () => {
    const { portfolio, engine } = await load(EXAMPLE_CONFIG);
    const into = tempDir('finishing-capped-');
    const finishing = await openFinishingThread(portfolio.templates.values(), 8);
    try {
      const result = await renderReportsFinishingElsewhere(
        new Analyzer(portfolio, AS_OF),
        engine,
        portfolio.reports,
        { into, out: into, log: memoryLogger() },
        finishing,
        4,
      );
      // The thread may finish a report or two before it runs out: every other report fails with
      // the cap named, in report order, and none is lost.
      const failed = new Set(result.errors.map((error) => error.split(':')[0]));
      expect(failed.size).toBeGreaterThan(0);
      expect(result.errors).toEqual(
        portfolio.reports
          .filter((r) => failed.has(r.id))
          .map((r) => `${r.id}: its finishing thread ran out of memory (capped at 8 MB)`),
      );
      expect(result.rendered.map((e) => e.report.id)).toEqual(
        portfolio.reports.filter((r) => !failed.has(r.id)).map((r) => r.id),
      );
    } finally {
      await finishing.close();
    }
  });
});

describe('finishingThreadWanted', () => {
  it('is used on 2 or more cores for 100 reports or more', () => {
    expect(finishingThreadWanted(100, {}, 2)).toBe(true);
    expect(finishingThreadWanted(5000, {}, 3)).toBe(true);
    expect(finishingThreadWanted(99, {}, 2)).toBe(false);
    expect(finishingThreadWanted(5000, {}, 1)).toBe(false);
  });

  it('is not used when BOARDROOM_RENDER_WORKERS decides (0: the main thread alone; N: the pool)', () => {
    expect(finishingThreadWanted(1000, { BOARDROOM_RENDER_WORKERS: '0' }, 2)).toBe(false);
    expect(finishingThreadWanted(1000, { BOARDROOM_RENDER_WORKERS: '2' }, 2)).toBe(false);
    expect(finishingThreadWanted(1000, { BOARDROOM_RENDER_WORKERS: ' ' }, 2)).toBe(true);
  });
});

describe(
  'the bundle, run where the action runs it (no node_modules beside it)',
  { timeout: SLOW },
  () => {
    it('finishes on its second thread the same files as the main thread alone, raw HTML sanitised', async () => {
      const work = tempDir('finishing-bundle-');
      const dist = path.join(work, 'dist');
      cpSync(path.join(REPO_ROOT, 'dist'), dist, { recursive: true });
      const config = path.join(work, 'reports-config');
      // Seven entities: every report covers all of them, so the run draws few distinct charts.
      generatePortfolio(config, 7, 100);
      // Raw HTML in a template: the thread must load sanitize-html itself, from the bundle.
      const ceo = path.join(config, 'templates', 'ceo.md');
      writeFileSync(ceo, `${readFileSync(ceo, 'utf8')}\n<b onclick="steal()">Board notes</b>\n`);
      const runCli = async (out: string, env: NodeJS.ProcessEnv) =>
        promisify(execFile)(
          process.execPath,
          [
            path.join(dist, 'cli.js'),
            'run',
            '--config',
            config,
            '--out',
            out,
            '--mode',
            'dry-run',
            '--as-of',
            AS_OF,
          ],
          { cwd: work, env: { PATH: process.env.PATH, ...env } },
        );
      const two = await runCli(path.join(work, 'two'), {});
      const alone = await runCli(path.join(work, 'alone'), { BOARDROOM_RENDER_WORKERS: '0' });
      expect(two.stdout).toContain('rendering 100 reports, their HTML and text on a second thread');
      expect(alone.stdout).not.toContain('second thread');
      const reports = (run: string) => path.join(work, run, 'reports');
      const names = readdirSync(reports('alone')).filter((name) => name !== 'charts');
      expect(names.length).toBe(400);
      for (const name of names)
        expect(readFileSync(path.join(reports('two'), name)), name).toEqual(
          readFileSync(path.join(reports('alone'), name)),
        );
      const html = readFileSync(path.join(reports('two'), 'report-0.html'), 'utf8');
      expect(html).toContain('Board notes');
      expect(html).not.toContain('onclick');
    });
  },
);

// Issue 10 item 11: labels, titles and bodies fit GitHub's limits by construction, against a
// local GitHub server that enforces those limits with GitHub's own 422 answers.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ActionItem, Finding } from '../../src/analysis/types.js';
import { loadPortfolio } from '../../src/config/load.js';
import {
  GITHUB_LIMITS,
  githubBody,
  githubLabel,
  githubTitle,
  shortenWithHash,
} from '../../src/github/limits.js';
import { createOctokit } from '../../src/github/octokit.js';
import { memoryLogger, type Logger } from '../../src/logger.js';
import { resolveOptions } from '../../src/options.js';
import { runPipeline } from '../../src/pipeline.js';
import { readMarker } from '../../src/tasks/body.js';
import { GitHubTaskSink } from '../../src/tasks/github.js';
import { runTasks } from '../../src/tasks/index.js';
import { labelRefused, LIMITS, startFakeGitHub, type FakeGitHub } from '../github-server.js';
import { copyExampleConfig, EXAMPLE_CONFIG, tempDir } from '../helpers.js';

const REPOSITORY = 'example-org/portfolio';
/** 47 characters: `entity:` makes its label 54, four over GitHub's 50. */
const LONG_ID = 'quickdumpnow-junk-removal-and-hauling-san-diego';
let github: FakeGitHub | undefined;

afterEach(async () => {
  await github?.close();
  github = undefined;
});

/** The example portfolio with QuickDumpNow (which has a critical runway finding) renamed. */
function portfolioWithEntity(id: string, name?: string): string {
  const config = copyExampleConfig();
  renameSync(
    path.join(config, 'entities', 'quickdumpnow.yml'),
    path.join(config, 'entities', `${id}.yml`),
  );
  renameSync(path.join(config, 'data', 'quickdumpnow'), path.join(config, 'data', id));
  if (name) {
    const file = path.join(config, 'entities', `${id}.yml`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^name: .*$/m, `name: ${name}`));
  }
  return config;
}

/** One scheduled send of the CFO report with tasks: github, as the action runs it. */
async function send(config: string, work: string, runId: string) {
  const log = memoryLogger();
  const options = resolveOptions(
    {
      config,
      mode: 'send',
      transport: 'outbox',
      reports: 'cfo',
      'as-of': '2026-11-24',
      tasks: 'github',
      'github-token': 'ghs_exampletoken',
      out: path.join(work, 'out'),
      'state-file': path.join(work, 'ledger.jsonl'),
    },
    {
      GITHUB_REPOSITORY: REPOSITORY,
      GITHUB_API_URL: github!.url,
      GITHUB_SERVER_URL: 'https://github.example.com',
      GITHUB_RUN_ID: runId,
    },
  );
  const result = await runPipeline(options, log, {
    createTaskSink: async () => sink(log),
  });
  return { result, log };
}

function sink(log: Logger): GitHubTaskSink {
  return new GitHubTaskSink(
    createOctokit({ token: 'ghs_exampletoken', apiUrl: github!.url, writePauseMs: 2, log }),
    REPOSITORY,
    log,
  );
}

const readyLine = (lines: string[]) => lines.find((l) => l.includes('labels ready'));

describe('labels made of long ids', () => {
  it('a 47-character entity id gets a label within 50 characters, the same on every run, and its tasks are opened', async () => {
    github = await startFakeGitHub(REPOSITORY);
    const config = portfolioWithEntity(LONG_ID);
    const work = tempDir();

    const first = await send(config, work, '101');
    expect(first.result.exitCode).toBe(0);
    const tasks = first.result.summary!.tasks;
    expect(tasks.filter((t) => t.state === 'failed')).toEqual([]);

    // The label: the id's start, "…" and six hex digits of a hash of the whole label: 50 in all.
    const entityLabels = github.labels.filter((l) => l.name.startsWith('entity:quickdumpnow'));
    expect(entityLabels.map((l) => l.name)).toEqual([
      expect.stringMatching(/^entity:quickdumpnow-junk-removal-and-haulin…[0-9a-f]{6}$/),
    ]);
    const label = entityLabels[0]!.name;
    expect(label).toHaveLength(50);
    for (const { name } of github.labels) expect([...name].length).toBeLessThanOrEqual(50);

    // Its tasks exist, carrying that label; the log counts the labels that exist.
    const own = github.issues.filter((i) => i.labels.some((l) => l.name === label));
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((i) => readMarker(i.body)!.entity === LONG_ID)).toBe(true);
    expect(readyLine(first.log.lines)).toBe(`info: GitHub: ${github.labels.length} labels ready`);

    // A second run (another run id): the same label, nothing created or changed.
    const labelsBefore = github.labels.map((l) => l.name);
    const writes = github.writes().length;
    const second = await send(config, work, '102');
    expect(second.result.exitCode).toBe(0);
    expect(second.result.summary!.tasks.map((t) => t.state)).toEqual(tasks.map(() => 'unchanged'));
    expect(github.labels.map((l) => l.name)).toEqual(labelsBefore);
    expect(github.writes()).toHaveLength(writes);
  });

  it('a 300-character entity name gives issue titles within 256 characters that do not change run to run', async () => {
    github = await startFakeGitHub(REPOSITORY);
    const name = `QuickDumpNow ${'Junk Removal, Hauling and Estate Cleanout of San Diego County, '.repeat(5)}LLC`;
    expect(name.length).toBeGreaterThan(300);
    const config = portfolioWithEntity('quickdumpnow', name);
    const work = tempDir();

    const first = await send(config, work, '201');
    expect(first.result.exitCode).toBe(0);
    const long = github.issues.filter((i) => i.title.includes('QuickDumpNow Junk Removal'));
    expect(long.length).toBeGreaterThan(0);
    for (const issue of long) {
      expect([...issue.title].length).toBeLessThanOrEqual(256);
      expect(issue.title).toMatch(/…[0-9a-f]{6}$/);
    }
    // The title GitHub keeps is the title sent next time: no update for an unchanged task.
    const titles = github.issues.map((i) => i.title);
    const writes = github.writes().length;
    const second = await send(config, work, '202');
    expect(second.result.exitCode).toBe(0);
    const states = second.result.summary!.tasks.map((t) => t.state);
    expect(states.length).toBeGreaterThan(0);
    expect(states.every((state) => state === 'unchanged')).toBe(true);
    expect(github.issues.map((i) => i.title)).toEqual(titles);
    expect(github.writes()).toHaveLength(writes);
  });
});

describe('bodies and refused labels', () => {
  const finding = (figures: Finding['figures']): Finding => ({
    id: 'finance.runway-below-minimum:quickdumpnow',
    rule: 'finance.runway-below-minimum',
    severity: 'critical',
    title: 'Runway is 2.8 months at QuickDumpNow',
    entity: 'quickdumpnow',
    section: 'financial_rules',
    figures,
  });
  const action = (f: Finding): ActionItem => ({
    title: 'Cut net burn at QuickDumpNow',
    owner: 'cfo',
    due: '2026-12-01',
    priority: 'high',
    finding: f.id,
    entity: f.entity,
    section: 'financial_rules',
  });

  async function sync(f: Finding) {
    const loaded = await loadPortfolio(EXAMPLE_CONFIG);
    if (!loaded.ok) throw new Error('the example portfolio must load');
    const log = memoryLogger();
    const options = resolveOptions(
      { mode: 'send', tasks: 'github', 'github-token': 'ghs_exampletoken' },
      { GITHUB_REPOSITORY: REPOSITORY, GITHUB_API_URL: github!.url },
    );
    const tasks = await runTasks(
      {
        sources: [
          {
            report: 'cfo',
            persona: 'cfo',
            period: '2026-W48',
            findings: [f],
            actions: [action(f)],
          },
        ],
        portfolio: loaded.portfolio,
        options,
        asOf: '2026-11-24',
        currentFigures: () => ({}),
        log,
      },
      async () => sink(log),
    );
    return { tasks, log };
  }

  it('a body over 65,536 characters is cut with a note, and its marker still finds the issue', async () => {
    github = await startFakeGitHub(REPOSITORY);
    // 3,000 figures: a table of about 100,000 characters.
    const figures = Object.fromEntries(
      Array.from({ length: 3000 }, (_, i) => [
        `invoice_${String(i).padStart(5, '0')}_overdue`,
        1000 + i,
      ]),
    );
    const big = finding(figures);
    const first = await sync(big);
    expect(first.tasks.map((t) => t.state)).toEqual(['opened']);
    const body = github.issues[0]!.body;
    expect(body.length).toBeLessThanOrEqual(GITHUB_LIMITS.body);
    expect(body.length).toBeGreaterThan(60_000);
    expect(body).toContain(
      "_Cut here to fit GitHub's limit of 65,536 characters; the whole text is in summary.json in the run artifact._",
    );
    // Whole table rows only, then the note; the marker is intact.
    const beforeNote = body.slice(0, body.indexOf('_Cut here')).trimEnd();
    expect(beforeNote).toMatch(/\| invoice_\d{5}_overdue \| [\d,.]+ \|$/);
    expect(readMarker(body)).toMatchObject({
      fingerprint: 'cfo/finance.runway-below-minimum:quickdumpnow',
    });
    // Found again by that marker: the next run leaves it alone instead of opening a second one.
    const second = await sync(big);
    expect(second.tasks.map((t) => t.state)).toEqual(['unchanged']);
    expect(github.issues).toHaveLength(1);
  });

  it('names a label GitHub refuses for another reason, counts only the labels that exist, and still opens the task', async () => {
    github = await startFakeGitHub(REPOSITORY);
    // `boardroom` exists already, so the first label created is persona:cfo, which is refused.
    github.labels.push({ name: 'boardroom', color: '0b2545' });
    github.fail({ method: 'POST', path: /\/labels$/, ...labelRefused('persona:cfo') });
    const { tasks, log } = await sync(finding({ runway_months: 2.8 }));
    expect(log.lines).toContain(
      'warning: GitHub refused the label "persona:cfo": GitHub answered 422: Validation Failed (name invalid); its tasks are written without it',
    );
    expect(github.labels.map((l) => l.name).sort()).toEqual([
      'boardroom',
      'entity:quickdumpnow',
      'priority:high',
    ]);
    expect(readyLine(log.lines)).toBe('info: GitHub: 3 labels ready, 1 refused ("persona:cfo")');
    expect(tasks.map((t) => t.state)).toEqual(['opened']);
    expect(github.issues[0]!.labels.map((l) => l.name)).toEqual([
      'boardroom',
      'entity:quickdumpnow',
      'priority:high',
    ]);
  });
});

describe('the limits, one function each', () => {
  it('shortens only what is too long, to exactly the limit, the same way every time', () => {
    expect(githubLabel('entity:jada')).toBe('entity:jada');
    const label = githubLabel(`entity:${LONG_ID}`);
    expect(label).toHaveLength(GITHUB_LIMITS.label);
    expect(githubLabel(`entity:${LONG_ID}`)).toBe(label);
    // Two ids that start alike stay two labels.
    expect(githubLabel(`entity:${LONG_ID}-north`)).not.toBe(githubLabel(`entity:${LONG_ID}-south`));
    expect(githubTitle('  Cut\nnet burn  ')).toBe('Cut net burn');
    expect(githubTitle('x'.repeat(300))).toHaveLength(GITHUB_LIMITS.title);
  });

  it('never splits a character made of two UTF-16 units', () => {
    const cut = shortenWithHash('🏠'.repeat(30), 50);
    expect(cut.length).toBeLessThanOrEqual(50);
    expect(cut).toMatch(/^(🏠)+…[0-9a-f]{6}$/u);
  });

  it('keeps the fixed part of a body whole and says where the rest is', () => {
    const body = githubBody('line\n'.repeat(100), '<!-- marker -->', 'preview.md', 200);
    expect(body.length).toBeLessThanOrEqual(200);
    expect(body.endsWith('<!-- marker -->')).toBe(true);
    expect(body).toContain('the whole text is in preview.md');
    expect(githubBody('short', '<!-- marker -->')).toBe('short<!-- marker -->');
  });

  it('match the limits the local GitHub server enforces', () => {
    expect(GITHUB_LIMITS).toEqual({ label: LIMITS.label, title: LIMITS.title, body: LIMITS.body });
  });
});

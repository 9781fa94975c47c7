// The GitHub issues sink against a local server that speaks GitHub's REST API.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ActionItem, Finding } from '../../src/analysis/types.js';
import { loadPortfolio, type Portfolio } from '../../src/config/load.js';
import { memoryLogger } from '../../src/logger.js';
import { resolveOptions } from '../../src/options.js';
import { readMarker } from '../../src/tasks/body.js';
import { createOctokit } from '../../src/github/octokit.js';
import { GitHubTaskSink } from '../../src/tasks/github.js';
import { runTasks } from '../../src/tasks/index.js';
import type { TaskSource } from '../../src/tasks/model.js';
import { EXAMPLE_CONFIG } from '../helpers.js';
import {
  SECONDARY_RATE_LIMIT,
  startFakeGitHub,
  TITLE_MISSING,
  VALIDATION_FAILED,
  type FakeGitHub,
} from '../github-server.js';

const REPOSITORY = 'example-org/portfolio';
let portfolio: Portfolio;
let github: FakeGitHub | undefined;

beforeAll(async () => {
  const loaded = await loadPortfolio(EXAMPLE_CONFIG);
  if (!loaded.ok) throw new Error('the example portfolio must load');
  portfolio = loaded.portfolio;
});
afterEach(async () => {
  await github?.close();
  github = undefined;
});

function finding(
  rule: string,
  entity: string,
  figures: Finding['figures'],
  severity: Finding['severity'] = 'critical',
): Finding {
  return {
    id: `${rule}:${entity}`,
    rule,
    severity,
    title: `${rule} at ${entity}`,
    entity,
    section: 'financial_rules',
    figures,
  };
}
function actionFor(f: Finding, title: string): ActionItem {
  return {
    title,
    owner: 'cfo',
    due: '2026-12-01',
    priority: 'high',
    finding: f.id,
    entity: f.entity,
    section: 'financial_rules',
  };
}
const runway = (months: number) =>
  finding('finance.runway-below-minimum', 'quickdumpnow', {
    runway_months: months,
    net_burn_monthly: 8734,
  });
const reserve = () => finding('finance.reserve-short', 'jada', { shortfall: 1200 }, 'warning');

function source(findings: Finding[], report = 'cfo', persona = 'cfo'): TaskSource {
  return {
    report,
    persona,
    period: '2026-W48',
    findings,
    actions: findings.map((f) => actionFor(f, `Fix ${f.rule} at ${f.entity}`)),
  };
}

async function sync(sources: TaskSource[], figures: Record<string, unknown> = {}) {
  const log = memoryLogger();
  const options = resolveOptions(
    { mode: 'send', tasks: 'github', 'github-token': 'ghs_exampletoken' },
    {
      GITHUB_REPOSITORY: REPOSITORY,
      GITHUB_API_URL: github!.url,
      GITHUB_SERVER_URL: 'https://github.example.com',
      GITHUB_RUN_ID: '77',
    },
  );
  const tasks = await runTasks(
    {
      sources,
      portfolio,
      options,
      asOf: '2026-11-24',
      currentFigures: () => figures as never,
      log,
    },
    async () =>
      new GitHubTaskSink(
        createOctokit({
          token: 'ghs_exampletoken',
          apiUrl: github!.url,
          writePauseMs: 5,
          log,
        }),
        REPOSITORY,
        log,
      ),
  );
  return { tasks, log };
}

describe('the GitHub issues sink', () => {
  it('opens one issue per action item with labels, assignee and the marker', async () => {
    github = await startFakeGitHub(REPOSITORY);
    const { tasks } = await sync([source([runway(2.8), reserve()])]);
    expect(tasks.map((t) => t.state)).toEqual(['opened', 'opened']);
    expect(github.issues).toHaveLength(2);
    const [first] = github.issues;
    expect(first!.title).toBe('Fix finance.runway-below-minimum at quickdumpnow');
    expect(first!.labels.map((l) => l.name)).toEqual([
      'boardroom',
      'persona:cfo',
      'entity:quickdumpnow',
      'priority:high',
    ]);
    expect(first!.assignees).toEqual([{ login: 'example-cfo' }]);
    expect(readMarker(first!.body)).toMatchObject({
      fingerprint: 'cfo/finance.runway-below-minimum:quickdumpnow',
      report: 'cfo',
      due: '2026-12-01',
    });
    expect(first!.body).toContain('| runway_months | 2.8 |');
    expect(first!.body).toContain(
      '[this run](https://github.example.com/example-org/portfolio/actions/runs/77)',
    );
    // Every label was created once, before the issues.
    expect(github.labels.map((l) => l.name).sort()).toEqual([
      'boardroom',
      'entity:jada',
      'entity:quickdumpnow',
      'persona:cfo',
      'priority:high',
    ]);
    expect(tasks[0]!.url).toBe(first!.html_url);
  });

  it('changes nothing on a second identical run', async () => {
    github = await startFakeGitHub(REPOSITORY);
    await sync([source([runway(2.8), reserve()])]);
    const writesBefore = github.writes().length;
    const { tasks } = await sync([source([runway(2.8), reserve()])]);
    expect(tasks.map((t) => t.state)).toEqual(['unchanged', 'unchanged']);
    expect(github.writes().length).toBe(writesBefore);
  });

  it('updates only the body whose figure changed, keeping its due date', async () => {
    github = await startFakeGitHub(REPOSITORY);
    await sync([source([runway(2.8), reserve()])]);
    const writesBefore = github.writes().length;
    const later = source([runway(2.1), reserve()]);
    const { tasks } = await sync([
      { ...later, actions: later.actions.map((a) => ({ ...a, due: '2026-12-08' })) },
    ]);
    expect(tasks.map((t) => t.state)).toEqual(['updated', 'unchanged']);
    const writes = github.writes().slice(writesBefore);
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual([
      'PATCH /repos/example-org/portfolio/issues/1',
    ]);
    expect(github.issues[0]!.body).toContain('| runway_months | 2.1 |');
    expect(readMarker(github.issues[0]!.body)!.due).toBe('2026-12-01');
  });

  it('closes the issue of a resolved finding with the figure that resolved it, and reopens it when it returns', async () => {
    github = await startFakeGitHub(REPOSITORY);
    await sync([source([runway(2.8), reserve()])]);
    const { tasks } = await sync([source([reserve()])], { runway_months: 7.4 });
    expect(tasks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          fingerprint: 'cfo/finance.runway-below-minimum:quickdumpnow',
          state: 'closed',
        }),
      ]),
    );
    expect(github.issues[0]!.state).toBe('closed');
    expect(github.comments.at(-1)!.body).toContain('runway_months was 2.8, now 7.4.');

    const back = await sync([source([runway(3.5), reserve()])]);
    expect(back.tasks[0]!.state).toBe('reopened');
    expect(github.issues[0]!.state).toBe('open');
    expect(github.issues).toHaveLength(2);
    expect(github.comments.at(-1)!.body).toMatch(/^The finding is back as of 2026-11-24/);
  });

  it('closes only the tasks of the reports a limited run ran', async () => {
    github = await startFakeGitHub(REPOSITORY);
    await sync([
      source([runway(2.8)]),
      source([finding('tech.no-mfa', 'queenofsandiego', {})], 'cto', 'cto'),
    ]);
    // A run of the CTO report alone: the CFO's task is not its to close.
    const { tasks } = await sync([source([], 'cto', 'cto')]);
    expect(tasks.map((t) => t.state)).toEqual(['closed']);
    expect(github.issues.map((i) => i.state)).toEqual(['open', 'closed']);
  });

  it('waits out a secondary rate limit for its retry-after, then goes on', async () => {
    github = await startFakeGitHub(REPOSITORY);
    github.fail({ method: 'POST', path: /\/issues$/, ...SECONDARY_RATE_LIMIT });
    const { tasks, log } = await sync([source([runway(2.8)])]);
    expect(tasks.map((t) => t.state)).toEqual(['opened']);
    const posts = github.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/issues'));
    expect(posts).toHaveLength(2);
    // retry-after: 1 second
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(950);
    expect(log.lines).toContain('warning: GitHub secondary rate limit: waiting 1 s');
  });

  it('reports a 422 as a failed task without retrying it, and goes on with the others', async () => {
    github = await startFakeGitHub(REPOSITORY);
    github.fail({ method: 'POST', path: /\/issues$/, ...TITLE_MISSING });
    const { tasks } = await sync([source([runway(2.8), reserve()])]);
    expect(tasks[0]).toMatchObject({
      state: 'failed',
      error: 'GitHub answered 422: Validation Failed (title missing_field)',
    });
    expect(tasks[1]!.state).toBe('opened');
    expect(
      github.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/issues')),
    ).toHaveLength(2);
  });

  it('opens the issue unassigned, with a warning, when the owner cannot be assigned', async () => {
    github = await startFakeGitHub(REPOSITORY);
    github.fail({ method: 'POST', path: /\/issues$/, ...VALIDATION_FAILED });
    const { tasks, log } = await sync([source([runway(2.8)])]);
    expect(tasks.map((t) => t.state)).toEqual(['opened']);
    expect(github.issues[0]!.assignees).toEqual([]);
    expect(log.lines.join('\n')).toContain('could not assign example-cfo');
  });

  it('leaves alone an issue a person closed as not planned', async () => {
    github = await startFakeGitHub(REPOSITORY);
    await sync([source([runway(2.8)])]);
    github.issues[0]!.state = 'closed';
    github.issues[0]!.state_reason = 'not_planned';
    const writes = github.writes().length;
    const { tasks } = await sync([source([runway(2.8)])]);
    expect(tasks.map((t) => t.state)).toEqual(['unchanged']);
    expect(github.writes().length).toBe(writes);
  });

  it('finds its issues across pages and ignores pull requests and unmarked issues', async () => {
    github = await startFakeGitHub(REPOSITORY);
    // 120 unrelated boardroom-labelled issues push ours onto the second page of 100.
    await sync([source([runway(2.8)])]);
    for (let i = 0; i < 120; i += 1) {
      github.issues.push({
        number: 1000 + i,
        title: `note ${i}`,
        body: 'no marker',
        state: 'open',
        state_reason: null,
        labels: [{ name: 'boardroom' }],
        assignees: [],
        html_url: `https://github.example.com/x/${i}`,
      });
    }
    const { tasks } = await sync([source([runway(2.8)])]);
    expect(tasks.map((t) => t.state)).toEqual(['unchanged']);
    expect(github.issues.filter((i) => i.state === 'closed')).toHaveLength(0);
  });
});

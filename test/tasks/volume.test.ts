// A report's `tasks:` chooses which action items become tasks: each filter, the example's
// first-run defaults, the rule that a task left out (its finding still present) is never closed
// as resolved, and the file:line errors for a bad selection.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ActionItem, Finding } from '../../src/analysis/types.js';
import { loadPortfolio, type Portfolio } from '../../src/config/load.js';
import type { TaskSelection } from '../../src/config/schema.js';
import { createOctokit } from '../../src/github/octokit.js';
import { memoryLogger } from '../../src/logger.js';
import { resolveOptions } from '../../src/options.js';
import { runPipeline } from '../../src/pipeline.js';
import type { RunSummary } from '../../src/summary/model.js';
import { GitHubTaskSink } from '../../src/tasks/github.js';
import { runTasks } from '../../src/tasks/index.js';
import { desiredTasks, leftOutTasks, selects, type TaskSource } from '../../src/tasks/model.js';
import { WebhookTaskSink } from '../../src/tasks/webhook.js';
import { startFakeGitHub, type FakeGitHub } from '../github-server.js';
import { tempDir } from '../helpers.js';
import {
  EXAMPLE_CONFIG,
  editedPortfolio,
  exampleText,
  removeScratchDirs,
  validateEdited,
} from '../config/portfolio-copy.js';

afterAll(removeScratchDirs);

function finding(
  id: string,
  severity: Finding['severity'],
  section: Finding['section'] = 'financial_rules',
): Finding {
  return {
    id: `rule.${id}:jada`,
    rule: `rule.${id}`,
    severity,
    title: `${id} at JADA`,
    entity: 'jada',
    section,
    figures: { amount: 100 },
  };
}
function action(f: Finding, priority: ActionItem['priority']): ActionItem {
  return {
    title: `Fix ${f.rule}`,
    owner: 'cfo',
    due: '2026-12-01',
    priority,
    finding: f.id,
    entity: f.entity,
    section: f.section,
  };
}

// One action item of each priority and severity, in three sections.
const runway = finding('runway', 'critical', 'financial_rules');
const gap = finding('gap', 'warning', 'break_even');
const receipts = finding('receipts', 'warning', 'burn');
const seo = finding('seo', 'info', 'burn');
const items: [Finding, ActionItem['priority']][] = [
  [runway, 'high'],
  [gap, 'medium'],
  [receipts, 'low'],
  [seo, 'low'],
];
function source(selection?: boolean | TaskSelection, findings = items): TaskSource {
  return {
    report: 'cfo',
    persona: 'cfo',
    period: '2026-W48',
    findings: findings.map(([f]) => f),
    actions: findings.map(([f, priority]) => action(f, priority)),
    ...(selection === undefined ? {} : { selection }),
  };
}
const directory = { entityName: () => 'JADA', owner: () => ({ name: 'Priya (CFO)' }) };
const chosen = (selection?: boolean | TaskSelection) =>
  desiredTasks([source(selection)], directory).map((t) => t.finding.id.split(':')[0]);

describe('tasks: which action items become tasks', () => {
  it('true (or absent) selects every action item, false none', () => {
    const all = ['rule.runway', 'rule.gap', 'rule.receipts', 'rule.seo'];
    expect(chosen()).toEqual(all);
    expect(chosen(true)).toEqual(all);
    expect(chosen({})).toEqual(all);
    expect(chosen(false)).toEqual([]);
  });

  it('min_priority keeps that priority and the higher ones', () => {
    expect(chosen({ min_priority: 'high' })).toEqual(['rule.runway']);
    expect(chosen({ min_priority: 'medium' })).toEqual(['rule.runway', 'rule.gap']);
    expect(chosen({ min_priority: 'low' })).toHaveLength(4);
  });

  it("min_severity keeps the finding's severity and the graver ones", () => {
    expect(chosen({ min_severity: 'critical' })).toEqual(['rule.runway']);
    expect(chosen({ min_severity: 'warning' })).toEqual([
      'rule.runway',
      'rule.gap',
      'rule.receipts',
    ]);
    expect(chosen({ min_severity: 'info' })).toHaveLength(4);
  });

  it('sections keeps the action items of the listed sections only', () => {
    expect(chosen({ sections: ['burn'] })).toEqual(['rule.receipts', 'rule.seo']);
    expect(chosen({ sections: ['financial_rules', 'break_even'] })).toEqual([
      'rule.runway',
      'rule.gap',
    ]);
  });

  it('an item must meet every key that is set', () => {
    // receipts is a warning (meets min_severity) but low priority (fails min_priority).
    expect(chosen({ min_severity: 'warning', min_priority: 'medium' })).toEqual([
      'rule.runway',
      'rule.gap',
    ]);
    expect(chosen({ min_severity: 'warning', sections: ['burn'] })).toEqual(['rule.receipts']);
    expect(selects({ min_priority: 'medium', sections: ['burn'] }, action(seo, 'low'), seo)).toBe(
      false,
    );
  });

  it('lists what a selection leaves out, unless another report of the persona selects it', () => {
    expect([...leftOutTasks([source({ min_severity: 'critical' })])]).toEqual([
      'cfo/rule.gap:jada',
      'cfo/rule.receipts:jada',
      'cfo/rule.seo:jada',
    ]);
    const wider = { ...source(true), report: 'cfo-monthly' };
    expect([...leftOutTasks([source({ min_severity: 'critical' }), wider])]).toEqual([]);
  });
});

describe("the example's first-run defaults", () => {
  async function dryRun(config: string): Promise<RunSummary> {
    const out = path.join(tempDir(), 'out');
    const options = resolveOptions({ mode: 'dry-run', config, out, 'as-of': '2026-11-24' }, {});
    const result = await runPipeline(options, memoryLogger());
    expect(result.exitCode).toBe(0);
    return JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')) as RunSummary;
  }
  const sectionOf = (summary: RunSummary, fingerprint: string) => {
    const [persona, findingId] = [
      fingerprint.split('/')[0],
      fingerprint.slice(fingerprint.indexOf('/') + 1),
    ];
    const report = summary.reports.find(
      (r) => r.persona === persona && r.findings.some((f) => f.id === findingId),
    );
    return report!.findings.find((f) => f.id === findingId)!;
  };

  it('plan 41 tasks instead of the 59 of tasks: true everywhere (as of 2026-11-24)', async () => {
    const defaults = await dryRun(EXAMPLE_CONFIG);
    const reportFiles = ['accounting', 'ceo', 'cfo', 'cmo', 'cto'];
    const everything = editedPortfolio(
      ...reportFiles.map((id) => {
        const text = exampleText(`reports/${id}.yml`);
        return {
          file: `reports/${id}.yml`,
          write: `${text.slice(0, text.indexOf('\n# '))}\ntasks: true\n`,
        };
      }),
    );
    const wide = await dryRun(everything.dir);
    expect(wide.tasks).toHaveLength(59);
    expect(defaults.tasks).toHaveLength(41);
    expect(defaults.tasks.every((t) => t.state === 'planned')).toBe(true);

    const personas = defaults.tasks.map((t) => t.fingerprint.split('/')[0]);
    // The CEO report gathers the others' findings: no tasks of its own.
    expect(personas).not.toContain('ceo');
    // No info finding from the executive reports; the CTO's only from security and CI/CD.
    for (const task of defaults.tasks) {
      const found = sectionOf(defaults, task.fingerprint);
      if (task.fingerprint.startsWith('manager/')) continue;
      expect(found.severity).not.toBe('info');
      if (task.fingerprint.startsWith('cto/'))
        expect(['security_audit', 'cicd']).toContain(found.section);
    }
    // The unit reports keep every action item of their own (tasks: true).
    const unitActions = defaults.reports
      .filter((r) => r.persona === 'manager')
      .flatMap((r) => r.actions.filter((a) => r.findings.some((f) => f.id === a.finding)));
    expect(unitActions.length).toBeGreaterThan(0);
    expect(personas.filter((p) => p === 'manager')).toHaveLength(unitActions.length);
  });
});

describe('a task left out by a narrower tasks: is not closed as resolved', () => {
  const REPOSITORY = 'example-org/portfolio';
  let portfolio: Portfolio;
  let github: FakeGitHub | undefined;
  let server: Server | undefined;
  beforeAll(async () => {
    const loaded = await loadPortfolio(EXAMPLE_CONFIG);
    if (!loaded.ok) throw new Error('the example portfolio must load');
    portfolio = loaded.portfolio;
  });
  afterEach(async () => {
    await github?.close();
    github = undefined;
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  async function githubSync(sources: TaskSource[]) {
    const log = memoryLogger();
    const options = resolveOptions(
      { mode: 'send', tasks: 'github', 'github-token': 'ghs_exampletoken' },
      { GITHUB_REPOSITORY: REPOSITORY, GITHUB_API_URL: github!.url },
    );
    const tasks = await runTasks(
      { sources, portfolio, options, asOf: '2026-11-24', currentFigures: () => ({}), log },
      async () =>
        new GitHubTaskSink(
          createOctokit({ token: 'ghs_exampletoken', apiUrl: github!.url, writePauseMs: 5, log }),
          REPOSITORY,
          log,
        ),
    );
    return { tasks, log };
  }

  it('GitHub: an info issue opened under tasks: true stays open under min_severity: warning, and closes once its finding is gone', async () => {
    github = await startFakeGitHub(REPOSITORY);
    const first = await githubSync([source(true)]);
    expect(first.tasks.map((t) => t.state)).toEqual(['opened', 'opened', 'opened', 'opened']);

    // Narrowed: the info finding (seo) is still found, but no longer selected.
    const narrowed = await githubSync([source({ min_severity: 'warning' })]);
    expect(narrowed.tasks.map((t) => t.state)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    const seoIssue = github.issues.find((i) => i.title === 'Fix rule.seo')!;
    expect(seoIssue.state).toBe('open');
    expect(github.comments.filter((c) => c.issue === seoIssue.number)).toEqual([]);
    expect(narrowed.log.lines.join('\n')).toContain('1 action item left out');

    // The seo finding is gone: now it is resolved, and closed as such.
    const gone = await githubSync([
      source(
        { min_severity: 'warning' },
        items.filter(([f]) => f !== seo),
      ),
    ]);
    expect(gone.tasks.find((t) => t.title === 'Fix rule.seo')?.state).toBe('closed');
    expect(seoIssue.state).toBe('closed');
    expect(github.comments.find((c) => c.issue === seoIssue.number)?.body).toMatch(/^Resolved:/);
  });

  it('webhook: a task left out by sections: is neither updated nor closed', async () => {
    const posted: Record<string, unknown>[] = [];
    server = createServer((req, res) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      req.on('end', () => {
        posted.push(JSON.parse(text) as Record<string, unknown>);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tasks`;
    const stateFile = path.join(tempDir(), 'state', 'ledger.json');
    const options = resolveOptions(
      { mode: 'send', tasks: 'webhook', 'dashboard-url': url, 'state-file': stateFile },
      {},
    );
    const run = (selection: boolean | TaskSelection, findings = items) =>
      runTasks(
        {
          sources: [source(selection, findings)],
          portfolio,
          options,
          asOf: '2026-11-24',
          currentFigures: () => ({}),
          log: memoryLogger(),
        },
        async (input) =>
          new WebhookTaskSink({
            url,
            stateFile: path.join(path.dirname(input.options.stateFile), 'tasks.json'),
            log: input.log,
            retryDelayMs: 10,
          }),
      );
    await run(true);
    expect(posted).toHaveLength(4);
    const narrowed = await run({ sections: ['financial_rules'] });
    expect(narrowed.map((t) => t.state)).toEqual(['unchanged']);
    expect(posted).toHaveLength(4);
    // Once break_even's gap is gone it is closed; burn's two are still found and left alone.
    await run(
      { sections: ['financial_rules'] },
      items.filter(([f]) => f !== gap),
    );
    expect(posted.slice(4).map((p) => [p.fingerprint, p.state])).toEqual([
      ['cfo/rule.gap:jada', 'closed'],
    ]);
  });
});

describe('tasks: errors', () => {
  it('an unknown priority is an error at its line', async () => {
    const { portfolio, problems } = await validateEdited({
      file: 'reports/cfo.yml',
      find: 'min_priority: medium',
      replace: 'min_priority: urgent',
    });
    expect(problems).toEqual([
      {
        file: 'reports/cfo.yml',
        ...portfolio.positionAfter('reports/cfo.yml', 'min_priority: '),
        field: 'tasks.min_priority',
        message: 'tasks.min_priority: must be one of "high", "medium", "low"',
      },
    ]);
  });

  it('an unknown section, and one the report does not read, are errors at their lines', async () => {
    const { portfolio, problems } = await validateEdited({
      file: 'reports/cto.yml',
      find: '    - cicd\n',
      replace: '    - cicd\n    - security_audti\n    - burn\n',
    });
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'reports/cto.yml',
        line: portfolio.positionOf('reports/cto.yml', 'security_audti').line,
        message: expect.stringMatching(/^tasks\.sections\.2: must be one of "asset_inventory"/),
      }),
    ]);
    // With the typo fixed, the CFO's section is named as one the CTO report does not read.
    const second = await validateEdited({
      file: 'reports/cto.yml',
      find: '    - cicd\n',
      replace: '    - cicd\n    - burn\n',
    });
    expect(second.problems).toEqual([
      {
        file: 'reports/cto.yml',
        ...second.portfolio.positionOf('reports/cto.yml', 'burn'),
        field: 'tasks.sections.2',
        message:
          'tasks.sections: "burn" is not a section this report reads (security_audit, stack_costs, ux_gaps, cicd)',
      },
    ]);
  });

  it('a value that is neither true, false nor a mapping says what it may be', async () => {
    const { portfolio, problems } = await validateEdited({
      file: 'reports/ceo.yml',
      find: 'tasks: false',
      replace: 'tasks: some',
    });
    expect(problems).toEqual([
      {
        file: 'reports/ceo.yml',
        // At the value: the comment above the key mentions `tasks: true` too.
        line: portfolio.lineNumberOf('reports/ceo.yml', 'tasks: some'),
        column: 'tasks: '.length + 1,
        field: 'tasks',
        message:
          'tasks: must be true, false or a mapping of min_priority, min_severity and sections (see README: tasks)',
      },
    ]);
  });
});

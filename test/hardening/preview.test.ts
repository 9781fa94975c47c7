// Issue 10, the pull-request preview's known faults: the base run covers the head's reports and
// as-of date, a base that cannot render says so, and the sticky comment is edited only when what
// it says changes (not because each run has its own run link).
import { appendFileSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryLogger } from '../../src/logger.js';
import { resolveOptions, runUrl, type RawInputs } from '../../src/options.js';
import { runPipeline } from '../../src/pipeline.js';
import { PREVIEW_MARKER, previewMarkdown } from '../../src/preview/compare.js';
import { publishPreview } from '../../src/preview/index.js';
import { startFakeGitHub, type FakeGitHub } from '../github-server.js';
import { copyExampleConfig, tempDir } from '../helpers.js';

const REPOSITORY = 'example-org/portfolio';
let github: FakeGitHub | undefined;

afterEach(async () => {
  vi.useRealTimers();
  await github?.close();
  github = undefined;
});

/** A preview run of `head` against `base`, as the action runs it on a pull request. */
async function preview(inputs: RawInputs, env: NodeJS.ProcessEnv = {}) {
  const log = memoryLogger();
  const options = resolveOptions(
    { out: path.join(tempDir(), 'out'), ...inputs },
    { GITHUB_EVENT_NAME: 'pull_request', ...env },
  );
  expect(options.mode).toBe('preview');
  const result = await runPipeline(options, log);
  return { result, options, log };
}

const reportIds = (summary: { reports: { id: string }[] }) => summary.reports.map((r) => r.id);

describe('the base run of a preview', () => {
  it('covers only the reports the head ran: none shows as removed', async () => {
    const config = copyExampleConfig();
    const { result } = await preview({
      config,
      'base-config': copyExampleConfig(),
      reports: 'cfo',
      'as-of': '2026-11-24',
    });
    expect(result.previewBase).toMatchObject({ kind: 'ok' });
    if (result.previewBase?.kind !== 'ok') return;
    expect(reportIds(result.previewBase.summary)).toEqual(['cfo']);
    const markdown = previewMarkdown(result.summary!, result.previewBase, 'USD');
    expect(markdown).not.toContain('removed');
    expect(markdown).toContain('No report changes its subject, recipients or findings.');
  });

  it('skips a report the pull request adds, which then shows as added (and nothing as removed)', async () => {
    const head = copyExampleConfig();
    const board = path.join(head, 'reports', 'cfo-board.yml');
    copyFileSync(path.join(head, 'reports', 'cfo.yml'), board);
    writeFileSync(
      board,
      readFileSync(board, 'utf8').replace('priya.natarajan@example.com', 'board@example.com'),
    );
    const { result } = await preview({
      config: head,
      'base-config': copyExampleConfig(),
      reports: 'cfo,cfo-board',
      'as-of': '2026-11-24',
    });
    expect(result.previewBase).toMatchObject({ kind: 'ok' });
    if (result.previewBase?.kind !== 'ok') return;
    expect(reportIds(result.previewBase.summary)).toEqual(['cfo']);
    const markdown = previewMarkdown(result.summary!, result.previewBase, 'USD');
    expect(markdown).toContain('| cfo-board | added: “CFO weekly');
    expect(markdown).not.toContain('removed');
  });

  it("runs the base as of the head's date, not its own today", async () => {
    // 05:00 UTC on 1 December: still 30 November in the head's zone (America/Los_Angeles), and
    // already 1 December in Tokyo, the zone the base branch had before this pull request.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-01T05:00:00Z') });
    const head = copyExampleConfig();
    const base = copyExampleConfig();
    const settings = path.join(base, 'portfolio.yml');
    writeFileSync(
      settings,
      readFileSync(settings, 'utf8').replace(
        'timezone: America/Los_Angeles',
        'timezone: Asia/Tokyo',
      ),
    );
    const { result } = await preview({ config: head, 'base-config': base, reports: 'cfo' });
    expect(result.summary!.run.as_of).toBe('2026-11-30');
    expect(result.previewBase).toMatchObject({ kind: 'ok' });
    if (result.previewBase?.kind !== 'ok') return;
    expect(result.previewBase.summary.run.as_of).toBe('2026-11-30');
    const markdown = previewMarkdown(result.summary!, result.previewBase, 'USD');
    expect(markdown).toContain('No figure changes.');

    // The date matters: the base as of its own today (1 December) has other figures, which the
    // preview would have shown as changes this pull request does not make.
    vi.useRealTimers();
    const own = await preview({ config: base, reports: 'cfo', 'as-of': '2026-12-01' });
    const [at30, at01] = [result.previewBase.summary.metrics, own.result.summary!.metrics];
    expect(at01.quickdumpnow!.revenue_monthly).not.toBe(at30.quickdumpnow!.revenue_monthly);
  });

  it('says that a base which validates but does not render could not be run, and why', async () => {
    const base = copyExampleConfig();
    // A partial named from data: validate cannot know it is missing until the report renders.
    appendFileSync(
      path.join(base, 'templates', 'cfo.md'),
      "\n{% assign cadence_note = 'partials/' | append: report.cadence %}{% render cadence_note %}\n",
    );
    const { result } = await preview({
      config: copyExampleConfig(),
      'base-config': base,
      reports: 'cfo',
      'as-of': '2026-11-24',
    });
    expect(result.exitCode).toBe(0);
    expect(result.previewBase).toMatchObject({
      kind: 'failed',
      reasons: [
        expect.stringMatching(/^cfo: .*cfo\.md:\d+:\d+: Liquid: no partial "partials\/weekly"/),
      ],
    });
    const markdown = previewMarkdown(result.summary!, result.previewBase!, 'USD');
    expect(markdown).toContain(
      "_The base branch's portfolio could not be run, so there is nothing to compare with:_",
    );
    expect(markdown).toContain('no partial "partials/weekly"');
    expect(markdown).not.toContain('base-config');
  });
});

describe('the sticky preview comment', () => {
  it('is not edited by a run with another run id when nothing it shows changed, and is when something did', async () => {
    github = await startFakeGitHub(REPOSITORY);
    github.issues.push({
      number: 7,
      title: 'Add the board to the CFO report',
      body: '',
      state: 'open',
      state_reason: null,
      labels: [],
      assignees: [],
      html_url: `https://github.example.com/${REPOSITORY}/pull/7`,
      pull_request: { url: 'x' },
    });
    const work = tempDir();
    const event = path.join(work, 'event.json');
    writeFileSync(
      event,
      JSON.stringify({
        number: 7,
        pull_request: { number: 7, head: { repo: { full_name: REPOSITORY } } },
        repository: { full_name: REPOSITORY },
      }),
    );
    const head = copyExampleConfig();
    const base = copyExampleConfig();
    /** One push: the preview run, then the comment, as main.ts publishes it. */
    const push = async (runId: string) => {
      const { result, options, log } = await preview(
        { config: head, 'base-config': base, reports: 'cfo', 'as-of': '2026-11-24' },
        {
          GITHUB_EVENT_PATH: event,
          GITHUB_REPOSITORY: REPOSITORY,
          GITHUB_API_URL: github!.url,
          GITHUB_SERVER_URL: 'https://github.example.com',
          GITHUB_RUN_ID: runId,
        },
      );
      const links = {
        run: runUrl(options.run)!,
        artifact: `https://github.example.com/${REPOSITORY}/actions/runs/${runId}/artifacts/${runId}0`,
      };
      const markdown = previewMarkdown(result.summary!, result.previewBase!, 'USD', links);
      return publishPreview({ ...options, githubToken: 'ghs_exampletoken' }, markdown, log);
    };

    expect(await push('501')).toMatchObject({ where: 'comment', state: 'created' });
    const [comment] = github.comments;
    expect(comment!.body.startsWith(PREVIEW_MARKER)).toBe(true);
    expect(comment!.body).toContain('/actions/runs/501)');

    const writes = github.writes().length;
    expect(await push('502')).toMatchObject({ where: 'comment', state: 'unchanged' });
    expect(github.writes()).toHaveLength(writes);
    expect(github.comments).toHaveLength(1);
    expect(comment!.body).toContain('/actions/runs/501)');

    // A change the preview shows: the comment is edited, with the new run's links.
    const cfo = path.join(head, 'reports', 'cfo.yml');
    writeFileSync(
      cfo,
      readFileSync(cfo, 'utf8').replace(
        '    - morgan.reyes@example.com',
        '    - morgan.reyes@example.com\n    - board@example.com',
      ),
    );
    expect(await push('503')).toMatchObject({ where: 'comment', state: 'updated' });
    expect(github.comments).toHaveLength(1);
    expect(comment!.body).toContain('| cfo | recipients +cc:board@example.com |');
    expect(comment!.body).toContain('/actions/runs/503)');
    expect(comment!.body).not.toContain('/actions/runs/501');
  });
});

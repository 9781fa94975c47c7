// node dist/index.js exactly as a runner runs it, for the three events boardroom is used from:
// INPUT_* variables, an event file, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_API_URL at a local
// GitHub server, and the SES endpoint at a local SES (aws-ses-v2-local).
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PREVIEW_MARKER } from '../../src/preview/compare.js';
import { copyExampleConfig, readOutputs, REPO_ROOT, tempDir } from '../helpers.js';
import { startFakeGitHub, type FakeGitHub } from '../github-server.js';
import { sesAccountJson, startLocalSes, type LocalSes } from '../ses-local.js';

const run = promisify(execFile);
const REPOSITORY = 'example-org/portfolio';
let ses: LocalSes;
let github: FakeGitHub;

beforeAll(async () => {
  process.env.AWS_SES_ACCOUNT = sesAccountJson({
    MaxSendRate: 50,
    Max24HourSend: 10_000,
    SentLast24Hours: 0,
  });
  [ses, github] = await Promise.all([startLocalSes(), startFakeGitHub(REPOSITORY)]);
  // The pull request the preview comments on.
  github.issues.push({
    number: 7,
    title: 'Raise the CFO report cadence',
    body: '',
    state: 'open',
    state_reason: null,
    labels: [],
    assignees: [],
    html_url: `https://github.example.com/${REPOSITORY}/pull/7`,
    pull_request: { url: 'x' },
  });
});
afterAll(async () => {
  await Promise.all([ses.close(), github.close()]);
  delete process.env.AWS_SES_ACCOUNT;
});
beforeEach(() => ses.clear());

interface ActionRun {
  code: number;
  stdout: string;
  outputs: Record<string, string>;
  jobSummary: string;
  work: string;
}

/** Runs the bundle with the runner's environment for one event. */
async function runAction(
  event: string,
  payload: object,
  inputs: Record<string, string>,
): Promise<ActionRun> {
  const work = tempDir();
  const files = {
    output: path.join(work, 'output'),
    summary: path.join(work, 'summary.md'),
    event: path.join(work, 'event.json'),
  };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  writeFileSync(files.event, JSON.stringify(payload));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: 'https://github.example.com',
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_RUN_ID: '9001',
    GITHUB_RUN_ATTEMPT: '1',
    // Credentials are present on every event: a pull request must still send nothing.
    AWS_ACCESS_KEY_ID: 'AKIAEXAMPLELOCALTEST',
    AWS_SECRET_ACCESS_KEY: 'local-test-secret-not-real',
    AWS_SES_ACCOUNT: process.env.AWS_SES_ACCOUNT,
    'INPUT_AS-OF': '2026-11-24',
    INPUT_OUT: path.join(work, 'out'),
    'INPUT_STATE-FILE': path.join(work, 'ledger.jsonl'),
    'INPUT_SES-ENDPOINT': ses.url,
    'INPUT_AWS-REGION': 'us-west-2',
    'INPUT_GITHUB-TOKEN': 'ghs_exampletoken',
    INPUT_TASKS: 'github',
    'INPUT_ARTIFACT-NAME': 'boardroom-run',
    ...Object.fromEntries(
      Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
    ),
  };
  const result = await run(process.execPath, [path.join(REPO_ROOT, 'dist', 'index.js')], {
    cwd: work,
    env,
  }).then(
    (ok) => ({ code: 0, stdout: ok.stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
  return {
    ...result,
    outputs: readOutputs(files.output),
    jobSummary: readFileSync(files.summary, 'utf8'),
    work,
  };
}

const pullRequestEvent = (fork = false) => ({
  action: 'synchronize',
  number: 7,
  pull_request: {
    number: 7,
    head: { repo: { full_name: fork ? 'someone-else/portfolio' : REPOSITORY } },
  },
  repository: { full_name: REPOSITORY },
});

// Each run is the whole action in a process of its own, and its GitHub writes (labels, issues,
// the preview comment) go out a second apart, as GitHub asks (src/github/octokit.ts): the
// schedule run's 16 labels and the CFO's tasks alone take about 20 s, vitest's default here.
describe('the action on each event', { timeout: 90_000 }, () => {
  it('schedule: sends the reports, opens tasks, writes the outputs and the job summary', async () => {
    const config = copyExampleConfig();
    const result = await runAction(
      'schedule',
      { schedule: '0 15 * * 1' },
      { config, reports: 'cfo' },
    );
    expect(result.code).toBe(0);
    const emails = await ses.emails();
    expect(emails.map((e) => e.subject)).toEqual([
      'CFO weekly: burn, runway and break-even — 2026-W48',
    ]);
    expect(result.outputs).toMatchObject({
      sent: '1',
      skipped: '0',
      failed: '0',
      'tasks-updated': '0',
      'tasks-closed': '0',
    });
    const opened = Number(result.outputs['tasks-opened']);
    expect(opened).toBeGreaterThan(0);
    expect(
      github.issues.filter((i) => i.labels.some((l) => l.name === 'persona:cfo')),
    ).toHaveLength(opened);
    expect(JSON.parse(result.outputs['message-ids']!)).toEqual({ cfo: [emails[0]!.messageId] });
    expect(result.jobSummary).toContain('| cfo | Chief Financial Officer |');
    expect(result.jobSummary).toContain('## Tasks');
    // Outside a real runner there is no artifact service: skipped with a notice, not a failure.
    expect(result.stdout).toContain('not in an Actions step (no ACTIONS_RUNTIME_TOKEN)');
    expect(result.outputs['artifact-id']).toBe('');
  });

  it('workflow_dispatch with a test recipient: sends every report to that one address only', async () => {
    const result = await runAction(
      'workflow_dispatch',
      { inputs: { 'test-recipient': 'tester@example.net' } },
      { config: copyExampleConfig(), 'test-recipient': 'tester@example.net', tasks: 'none' },
    );
    expect(result.code).toBe(0);
    const emails = await ses.emails();
    expect(emails).toHaveLength(8);
    expect(new Set(emails.map((e) => JSON.stringify(e.destination)))).toEqual(
      new Set([JSON.stringify({ to: ['tester@example.net'], cc: [], bcc: [] })]),
    );
    expect(result.outputs.sent).toBe('8');
  });

  it('pull_request: sends nothing even with credentials, and posts one sticky comment comparing with the base', async () => {
    const base = copyExampleConfig();
    const head = copyExampleConfig();
    const cfoReport = path.join(head, 'reports', 'cfo.yml');
    writeFileSync(
      cfoReport,
      readFileSync(cfoReport, 'utf8').replace(
        '    - morgan.reyes@example.com',
        '    - morgan.reyes@example.com\n    - board@example.com',
      ),
    );
    const commentsBefore = github.comments.length;
    const issuesBefore = github.issues.length;

    const first = await runAction('pull_request', pullRequestEvent(), {
      config: head,
      'base-config': base,
    });
    expect(first.code).toBe(0);
    expect(await ses.emails()).toHaveLength(0);
    expect(github.issues).toHaveLength(issuesBefore);
    expect(first.outputs).toMatchObject({ sent: '0', 'tasks-opened': '0' });
    const comments = github.comments.filter((c) => c.issue === 7);
    expect(comments).toHaveLength(commentsBefore + 1);
    expect(comments[0]!.body.startsWith(PREVIEW_MARKER)).toBe(true);
    expect(comments[0]!.body).toContain('| cfo | recipients +cc:board@example.com |');
    expect(comments[0]!.body).toContain('No figure changes.');

    // A second push with the same content: the comment is found by its marker and left alone.
    const writes = github.writes().length;
    const second = await runAction('pull_request', pullRequestEvent(), {
      config: head,
      'base-config': base,
    });
    expect(second.stdout).toContain('preview comment unchanged');
    expect(github.writes().length).toBe(writes);
  });

  it('pull_request with a broken portfolio: annotations on the file and line, and the comment lists the problems', async () => {
    const head = copyExampleConfig();
    const ledger = path.join(head, 'data', 'jada', 'ledger.csv');
    const lines = readFileSync(ledger, 'utf8').split('\n');
    lines[4] = lines[4]!.replace(/,-?\d+\.\d+,/, ',12;50,');
    writeFileSync(ledger, lines.join('\n'));
    const result = await runAction('pull_request', pullRequestEvent(), { config: head });
    // SPEC: 2 means the portfolio is invalid and nothing was sent.
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(
      new RegExp(
        `::error file=${ledger.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},line=5::amount: "12;50" is not a number`,
      ),
    );
    const comment = github.comments.filter((c) => c.issue === 7).at(-1)!;
    expect(comment.body).toContain('The portfolio does not validate: 1 problem');
    expect(comment.body).toContain('ledger.csv:5: amount: "12;50" is not a number');
    expect(await ses.emails()).toHaveLength(0);
  });

  it('pull_request with mode: send still sends nothing and touches no task', async () => {
    const issuesBefore = github.issues.length;
    const result = await runAction('pull_request', pullRequestEvent(), {
      config: copyExampleConfig(),
      mode: 'send',
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('boardroom: preview (event pull_request)');
    expect(await ses.emails()).toHaveLength(0);
    expect(github.issues).toHaveLength(issuesBefore);
  });

  it('pull_request from a fork: the preview goes to the job summary with a notice', async () => {
    const before = github.comments.length;
    const result = await runAction('pull_request', pullRequestEvent(true), {
      config: copyExampleConfig(),
    });
    expect(result.code).toBe(0);
    expect(github.comments.length).toBe(before);
    expect(result.stdout).toContain(
      '::notice::The preview could not be posted as a comment (a pull request from a fork gets a read-only token',
    );
    expect(result.jobSummary).toContain('## boardroom preview');
  });
});

// The GitHub issues sink: one issue per task fingerprint, found again by the hidden marker in its
// body. Writes go one at a time with a pause between them; secondary rate limits (403/429 with
// retry-after) are waited out by the throttling plugin, 5xx retried by the retry plugin.
import { githubBody, githubTitle } from '../github/limits.js';
import type { Octokit } from '../github/octokit.js';
import type { Logger } from '../logger.js';
import { cell } from '../summary/markdown.js';
import type { TaskSummary } from '../summary/model.js';
import { readMarker, taskBody, type TaskMarker } from './body.js';
import type { DesiredTask } from './model.js';
import { isResolved, resolvedBy, type TaskSink, type TaskSyncInput } from './sink.js';

interface Issue {
  readonly number: number;
  readonly title: string;
  readonly body?: string | null;
  readonly state: string;
  readonly state_reason?: string | null;
  readonly html_url: string;
  readonly labels: (string | { name?: string })[];
  readonly pull_request?: unknown;
}

const LABEL_COLORS: Record<string, string> = {
  boardroom: '0b2545',
  persona: '1d76db',
  entity: '5319e7',
  priority: 'd93f0b',
};

export class GitHubTaskSink implements TaskSink {
  readonly name = 'github';
  private readonly owner: string;
  private readonly repo: string;

  constructor(
    private readonly octokit: Octokit,
    repository: string,
    private readonly log: Logger,
  ) {
    const [owner, repo] = repository.split('/');
    if (!owner || !repo) throw new Error(`repository "${repository}" is not owner/name`);
    this.owner = owner;
    this.repo = repo;
  }

  async sync(input: TaskSyncInput): Promise<TaskSummary[]> {
    const where = { owner: this.owner, repo: this.repo };
    const issues = (await this.octokit.paginate('GET /repos/{owner}/{repo}/issues', {
      ...where,
      labels: 'boardroom',
      state: 'all',
      per_page: 100,
    })) as Issue[];
    const existing = new Map<string, { issue: Issue; marker: TaskMarker }>();
    for (const issue of issues) {
      const marker = readMarker(issue.body);
      if (!issue.pull_request && marker) existing.set(marker.fingerprint, { issue, marker });
    }
    const refused = await this.ensureLabels(new Set(input.desired.flatMap((task) => task.labels)));

    const results: TaskSummary[] = [];
    const attempt = async (
      task: { fingerprint: string; title: string },
      work: () => Promise<TaskSummary>,
    ) => {
      try {
        results.push(await work());
      } catch (error) {
        const reason = describe(error);
        this.log.error(`task "${task.title}": ${reason}`);
        results.push({
          fingerprint: task.fingerprint,
          title: task.title,
          state: 'failed',
          url: null,
          error: reason,
        });
      }
    };

    for (const desired of input.desired) {
      // The title as GitHub will keep it, so that an unchanged task compares equal next run; a
      // label GitHub refused is left off, so that the task itself is still written.
      const task: DesiredTask = {
        ...desired,
        title: githubTitle(desired.title),
        labels: desired.labels.filter((name) => !refused.has(name)),
      };
      const found = existing.get(task.fingerprint);
      await attempt(task, () =>
        found ? this.refresh(task, found.issue, found.marker, input) : this.open(task, input),
      );
    }
    const wanted = new Set(input.desired.map((task) => task.fingerprint));
    for (const [fingerprint, { issue, marker }] of existing) {
      if (
        wanted.has(fingerprint) ||
        issue.state !== 'open' ||
        !isResolved(input, fingerprint, marker.report)
      )
        continue;
      await attempt({ fingerprint, title: issue.title }, () => this.close(issue, marker, input));
    }
    return results;
  }

  private async open(task: DesiredTask, input: TaskSyncInput): Promise<TaskSummary> {
    const create = (assignee: string | undefined) =>
      this.octokit.request('POST /repos/{owner}/{repo}/issues', {
        owner: this.owner,
        repo: this.repo,
        title: task.title,
        body: taskBody(task, task.due, input.runLink),
        labels: [...task.labels],
        ...(assignee ? { assignees: [assignee] } : {}),
      });
    let data: { html_url: string };
    try {
      ({ data } = await create(task.assignee));
    } catch (error) {
      // A login in portfolio.yml that cannot be assigned must not keep the task from existing.
      if (!task.assignee || !describe(error).includes('assignees')) throw error;
      this.log.warning(
        `task "${task.title}": could not assign ${task.assignee} (${describe(error)}); opened unassigned`,
      );
      ({ data } = await create(undefined));
    }
    return {
      fingerprint: task.fingerprint,
      title: task.title,
      state: 'opened',
      url: data.html_url,
    };
  }

  private async refresh(
    task: DesiredTask,
    issue: Issue,
    marker: TaskMarker,
    input: TaskSyncInput,
  ): Promise<TaskSummary> {
    const reopening = issue.state !== 'open';
    // Someone closed it as not planned: that is their decision, not a problem solved.
    if (reopening && issue.state_reason === 'not_planned') {
      return {
        fingerprint: task.fingerprint,
        title: task.title,
        state: 'unchanged',
        url: issue.html_url,
      };
    }
    if (!reopening && marker.content === task.content && issue.title === task.title) {
      return {
        fingerprint: task.fingerprint,
        title: task.title,
        state: 'unchanged',
        url: issue.html_url,
      };
    }
    // A returning problem is due again from now; an open one keeps the date it was given.
    const due = reopening ? task.due : marker.due;
    const otherLabels = issue.labels
      .map((l) => (typeof l === 'string' ? l : (l.name ?? '')))
      .filter((name) => name && name !== 'boardroom' && !/^(persona|entity|priority):/.test(name));
    await this.octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      owner: this.owner,
      repo: this.repo,
      issue_number: issue.number,
      title: task.title,
      body: taskBody(task, due, input.runLink),
      labels: [...otherLabels, ...task.labels],
      ...(reopening ? { state: 'open' as const } : {}),
    });
    if (reopening) {
      await this.comment(
        issue.number,
        `The finding is back as of ${input.asOf}: ${cell(task.finding.title)}${input.runLink ? ` ([run](${input.runLink}))` : ''}`,
      );
    }
    return {
      fingerprint: task.fingerprint,
      title: task.title,
      state: reopening ? 'reopened' : 'updated',
      url: issue.html_url,
    };
  }

  private async close(
    issue: Issue,
    marker: TaskMarker,
    input: TaskSyncInput,
  ): Promise<TaskSummary> {
    const figures = resolvedBy(marker.figures, input.currentFigures(marker.entity));
    // Closed first: if the comment then fails, the next run does not comment a second time.
    await this.octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      owner: this.owner,
      repo: this.repo,
      issue_number: issue.number,
      state: 'closed',
      state_reason: 'completed',
    });
    await this.comment(
      issue.number,
      `Resolved: boardroom no longer finds this in the ${marker.report} report as of ${input.asOf}.${figures ? ` ${cell(figures)}` : ''}${input.runLink ? ` ([run](${input.runLink}))` : ''}`,
    );
    return {
      fingerprint: marker.fingerprint,
      title: issue.title,
      state: 'closed',
      url: issue.html_url,
    };
  }

  private async comment(issueNumber: number, body: string): Promise<void> {
    await this.octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner: this.owner,
      repo: this.repo,
      issue_number: issueNumber,
      body: githubBody(body),
    });
  }

  /**
   * Creates the labels the tasks need that the repository lacks. Returns the labels GitHub
   * refused (a 422 other than "already exists"), each named in a warning; the log counts only
   * the labels that exist afterwards.
   */
  private async ensureLabels(names: ReadonlySet<string>): Promise<Set<string>> {
    const labels = (await this.octokit.paginate('GET /repos/{owner}/{repo}/labels', {
      owner: this.owner,
      repo: this.repo,
      per_page: 100,
    })) as { name: string }[];
    const have = new Set(labels.map((label) => label.name.toLowerCase()));
    const refused = new Set<string>();
    for (const name of names) {
      if (have.has(name.toLowerCase())) continue;
      try {
        await this.octokit.request('POST /repos/{owner}/{repo}/labels', {
          owner: this.owner,
          repo: this.repo,
          name,
          color: LABEL_COLORS[name.split(':')[0]!] ?? 'ededed',
          description: 'Created by boardroom',
        });
      } catch (error) {
        if ((error as { status?: number }).status !== 422) throw error;
        // Created meanwhile by another run: GitHub says 422 already_exists, which is fine. Any
        // other 422 is GitHub refusing the name, and the tasks must not carry it.
        if (!alreadyExists(error)) {
          refused.add(name);
          this.log.warning(
            `GitHub refused the label "${name}": ${describe(error)}; its tasks are written without it`,
          );
        }
      }
    }
    // Without it no issue could be found again, and every run would open the same tasks anew.
    if (refused.has('boardroom'))
      throw new Error('GitHub refused the label "boardroom", by which boardroom finds its issues');
    const ready = names.size - refused.size;
    this.log.info(
      `GitHub: ${ready} label${ready === 1 ? '' : 's'} ready${refused.size ? `, ${refused.size} refused (${[...refused].map((n) => `"${n}"`).join(', ')})` : ''}`,
    );
    return refused;
  }
}

/** GitHub's 422 for a label that exists: errors [{ resource: 'Label', code: 'already_exists' }]. */
function alreadyExists(error: unknown): boolean {
  const errors = (error as { response?: { data?: { errors?: { code?: string }[] } } }).response
    ?.data?.errors;
  return errors?.some((e) => e.code === 'already_exists') ?? false;
}

function describe(error: unknown): string {
  const err = error as {
    status?: number;
    message?: string;
    response?: {
      data?: { message?: string; errors?: { message?: string; code?: string; field?: string }[] };
    };
  };
  const details = err.response?.data?.errors
    ?.map((e) => e.message ?? `${e.field ?? ''} ${e.code ?? ''}`.trim())
    .join('; ');
  return `${err.status ? `GitHub answered ${err.status}: ` : ''}${err.response?.data?.message ?? err.message ?? String(error)}${details ? ` (${details})` : ''}`;
}

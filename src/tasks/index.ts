// The task stage: action items -> desired tasks -> the sink. In dry-run and preview, and with
// tasks: none, the desired tasks are only listed ("planned"); nothing is called.
import path from 'node:path';
import type { Figure } from '../analysis/types.js';
import { entityName, ownerName, type Portfolio } from '../config/load.js';
import type { Logger } from '../logger.js';
import { runUrl, type RunOptions } from '../options.js';
import type { TaskSummary } from '../summary/model.js';
import { desiredTasks, leftOutTasks, type TaskSource } from './model.js';
import type { TaskSink } from './sink.js';

export interface TaskStageInput {
  readonly sources: readonly TaskSource[];
  readonly portfolio: Portfolio;
  readonly options: RunOptions;
  readonly asOf: string;
  readonly currentFigures: (entity: string | null) => Readonly<Record<string, Figure>>;
  readonly log: Logger;
}

export type TaskSinkFactory = (input: TaskStageInput) => Promise<TaskSink>;

export async function createTaskSink(input: TaskStageInput): Promise<TaskSink> {
  const { options, log } = input;
  if (options.tasks === 'webhook') {
    const { WebhookTaskSink } = await import('./webhook.js');
    return new WebhookTaskSink({
      url: options.dashboardUrl!,
      ...(options.dashboardToken ? { token: options.dashboardToken } : {}),
      stateFile: path.join(path.dirname(options.stateFile), 'tasks.json'),
      log,
    });
  }
  if (!options.githubToken) throw new Error('tasks: github needs github-token');
  if (!options.run.repository)
    throw new Error('tasks: github needs GITHUB_REPOSITORY (owner/name)');
  // Loaded only when a run opens issues: Octokit and its plugins are start-up time otherwise.
  const [{ GitHubTaskSink }, { createOctokit }] = await Promise.all([
    import('./github.js'),
    import('../github/octokit.js'),
  ]);
  const settings = {
    token: options.githubToken,
    log,
    ...(options.run.apiUrl ? { apiUrl: options.run.apiUrl } : {}),
  };
  return new GitHubTaskSink(createOctokit(settings), options.run.repository, log);
}

export async function runTasks(
  input: TaskStageInput,
  factory: TaskSinkFactory = createTaskSink,
): Promise<TaskSummary[]> {
  const { portfolio, options, log } = input;
  const desired = desiredTasks(input.sources, {
    entityName: (id) => entityName(portfolio, id),
    owner: (persona) => {
      const owner = portfolio.settings.owners[persona];
      return {
        name: ownerName(portfolio, persona),
        ...(owner?.github ? { github: owner.github } : {}),
      };
    },
  });
  const leftOut = leftOutTasks(input.sources);
  if (leftOut.size > 0)
    log.info(
      `tasks: ${leftOut.size} action item${leftOut.size === 1 ? '' : 's'} left out by the reports' tasks: settings (an open task for one is left as it is)`,
    );
  // A test send is about the email: the real tasks are left as they are.
  const why =
    options.tasks === 'none'
      ? 'tasks: none'
      : options.mode !== 'send'
        ? options.mode
        : options.testRecipient
          ? 'a test send'
          : undefined;
  if (why) {
    log.info(
      `tasks: ${desired.length} would be opened or kept up to date (${why}: nothing is called)`,
    );
    return desired.map((task) => ({
      fingerprint: task.fingerprint,
      title: task.title,
      state: 'planned',
      url: null,
    }));
  }
  let sink: TaskSink;
  try {
    sink = await factory(input);
  } catch (error) {
    log.error(`tasks: ${(error as Error).message}`);
    return desired.map((task) => ({
      fingerprint: task.fingerprint,
      title: task.title,
      state: 'failed',
      url: null,
      error: (error as Error).message,
    }));
  }
  log.info(`tasks: syncing ${desired.length} with ${sink.name}`);
  const link = runUrl(options.run);
  try {
    const results = await sink.sync({
      desired,
      scope: new Set(input.sources.map((s) => s.report)),
      leftOut,
      asOf: input.asOf,
      ...(link ? { runLink: link } : {}),
      currentFigures: input.currentFigures,
    });
    const count = (state: string) => results.filter((r) => r.state === state).length;
    log.info(
      `tasks: ${count('opened') + count('reopened')} opened, ${count('updated')} updated, ${count('closed')} closed, ${count('unchanged')} unchanged, ${count('failed')} failed`,
    );
    return results;
  } catch (error) {
    // Listing the existing tasks failed: nothing was changed.
    const reason = (error as Error).message;
    log.error(`tasks: ${reason}`);
    return desired.map((task) => ({
      fingerprint: task.fingerprint,
      title: task.title,
      state: 'failed',
      url: null,
      error: reason,
    }));
  }
}

// Publishing a pull request's preview: one sticky comment, or, where the token cannot write
// (a fork's pull request), the job summary with a notice.
import type { Logger } from '../logger.js';
import type { RunOptions } from '../options.js';

export type PublishedPreview =
  | { where: 'comment'; state: 'created' | 'updated' | 'unchanged'; url: string }
  | { where: 'job-summary'; reason: string };

export async function publishPreview(
  options: RunOptions,
  markdown: string,
  log: Logger,
): Promise<PublishedPreview> {
  const pullRequest = options.run.pullRequest;
  const fallback = (reason: string): PublishedPreview => {
    log.info(`the preview is in the job summary: ${reason}`);
    return { where: 'job-summary', reason };
  };
  if (!pullRequest) return fallback('this event is not about a pull request');
  if (pullRequest.fromFork)
    return fallback('a pull request from a fork gets a read-only token, so it cannot comment');
  if (!options.githubToken || !options.run.repository)
    return fallback('no github-token or repository to comment with');
  const [{ createOctokit }, { upsertPreviewComment }] = await Promise.all([
    import('../github/octokit.js'),
    import('./comment.js'),
  ]);
  try {
    const octokit = createOctokit({
      token: options.githubToken,
      log,
      ...(options.run.apiUrl ? { apiUrl: options.run.apiUrl } : {}),
    });
    const outcome = await upsertPreviewComment(
      octokit,
      options.run.repository,
      pullRequest.number,
      markdown,
    );
    log.info(`preview comment ${outcome.state}: ${outcome.url}`);
    return { where: 'comment', ...outcome };
  } catch (error) {
    const status = (error as { status?: number }).status;
    return fallback(
      status === 403 || status === 404
        ? `the token may not comment (GitHub answered ${status})`
        : `commenting failed: ${(error as Error).message}`,
    );
  }
}

// The sticky pull-request comment: found by its hidden marker and edited in place, so a pull
// request carries one boardroom comment however many times it is pushed to.
import type { Octokit } from '../github/octokit.js';
import { PREVIEW_MARKER } from './compare.js';

export type CommentOutcome = { state: 'created' | 'updated' | 'unchanged'; url: string };

export async function upsertPreviewComment(
  octokit: Octokit,
  repository: string,
  pullRequest: number,
  body: string,
): Promise<CommentOutcome> {
  const [owner, repo] = repository.split('/') as [string, string];
  const comments = (await octokit.paginate(
    'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
    { owner, repo, issue_number: pullRequest, per_page: 100 },
  )) as { id: number; body?: string; html_url: string }[];
  const existing = comments.find((comment) => comment.body?.includes(PREVIEW_MARKER));
  if (existing?.body === body) return { state: 'unchanged', url: existing.html_url };
  if (existing) {
    const { data } = await octokit.request(
      'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
      { owner, repo, comment_id: existing.id, body },
    );
    return { state: 'updated', url: data.html_url };
  }
  const { data } = await octokit.request(
    'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    { owner, repo, issue_number: pullRequest, body },
  );
  return { state: 'created', url: data.html_url };
}

// The sticky pull-request comment: found by its hidden marker and edited in place, so a pull
// request carries one boardroom comment however many times it is pushed to.
import { githubBody } from '../github/limits.js';
import type { Octokit } from '../github/octokit.js';
import { PREVIEW_FOOTER_MARKER, PREVIEW_MARKER, previewContent } from './compare.js';

export type CommentOutcome = { state: 'created' | 'updated' | 'unchanged'; url: string };

/**
 * Creates the preview comment, or edits the one found by its marker when what it says changed.
 * A comment that differs only in its footer (each run's own run and artifact links) is left
 * alone, so pushes that change nothing the preview shows do not edit it. The body is fitted to
 * GitHub's 65,536 characters, the footer kept whole.
 */
export async function upsertPreviewComment(
  octokit: Octokit,
  repository: string,
  pullRequest: number,
  markdown: string,
): Promise<CommentOutcome> {
  const [owner, repo] = repository.split('/') as [string, string];
  const footerAt = markdown.indexOf(PREVIEW_FOOTER_MARKER);
  const body =
    footerAt < 0
      ? githubBody(markdown, '', 'preview.md in the run artifact')
      : githubBody(
          markdown.slice(0, footerAt),
          markdown.slice(footerAt),
          'preview.md in the run artifact',
        );
  const comments = (await octokit.paginate(
    'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
    { owner, repo, issue_number: pullRequest, per_page: 100 },
  )) as { id: number; body?: string; html_url: string }[];
  const existing = comments.find((comment) => comment.body?.includes(PREVIEW_MARKER));
  if (existing?.body !== undefined && previewContent(existing.body) === previewContent(body))
    return { state: 'unchanged', url: existing.html_url };
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

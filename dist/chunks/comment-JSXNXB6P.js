import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  PREVIEW_MARKER
} from "./chunk-B5DTHI2R.js";
import "./chunk-W7MYWFA5.js";
import "./chunk-OXRXBV5P.js";

// src/preview/comment.ts
async function upsertPreviewComment(octokit, repository, pullRequest, body) {
  const [owner, repo] = repository.split("/");
  const comments = await octokit.paginate(
    "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
    { owner, repo, issue_number: pullRequest, per_page: 100 }
  );
  const existing = comments.find((comment) => comment.body?.includes(PREVIEW_MARKER));
  if (existing?.body === body) return { state: "unchanged", url: existing.html_url };
  if (existing) {
    const { data: data2 } = await octokit.request(
      "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
      { owner, repo, comment_id: existing.id, body }
    );
    return { state: "updated", url: data2.html_url };
  }
  const { data } = await octokit.request(
    "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
    { owner, repo, issue_number: pullRequest, body }
  );
  return { state: "created", url: data.html_url };
}
export {
  upsertPreviewComment
};

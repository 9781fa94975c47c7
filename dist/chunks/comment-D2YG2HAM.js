import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  githubBody
} from "./chunk-FOQKTZ3F.js";
import {
  PREVIEW_FOOTER_MARKER,
  PREVIEW_MARKER,
  previewContent
} from "./chunk-K3ZV4B4C.js";
import "./chunk-GTJPQZEF.js";
import "./chunk-4SV3DADC.js";
import "./chunk-TNR3CQU3.js";
import "./chunk-ZKT6PWU6.js";
import "./chunk-F4NAEFNZ.js";
import "./chunk-XU4MFCUY.js";
import "./chunk-SC7SHDLN.js";
import "./chunk-7ADVH35N.js";
import "./chunk-6WH5L3UC.js";
import "./chunk-GGC72TJI.js";
import "./chunk-MFOCRCT4.js";
import "./chunk-OXRXBV5P.js";

// src/preview/comment.ts
async function upsertPreviewComment(octokit, repository, pullRequest, markdown) {
  const [owner, repo] = repository.split("/");
  const footerAt = markdown.indexOf(PREVIEW_FOOTER_MARKER);
  const body = footerAt < 0 ? githubBody(markdown, "", "preview.md in the run artifact") : githubBody(
    markdown.slice(0, footerAt),
    markdown.slice(footerAt),
    "preview.md in the run artifact"
  );
  const comments = await octokit.paginate(
    "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
    { owner, repo, issue_number: pullRequest, per_page: 100 }
  );
  const existing = comments.find((comment) => comment.body?.includes(PREVIEW_MARKER));
  if (existing?.body !== void 0 && previewContent(existing.body) === previewContent(body))
    return { state: "unchanged", url: existing.html_url };
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

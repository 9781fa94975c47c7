import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import "./chunk-OXRXBV5P.js";

// src/preview/index.ts
async function publishPreview(options, markdown, log) {
  const pullRequest = options.run.pullRequest;
  const fallback = (reason) => {
    log.info(`the preview is in the job summary: ${reason}`);
    return { where: "job-summary", reason };
  };
  if (!pullRequest) return fallback("this event is not about a pull request");
  if (pullRequest.fromFork)
    return fallback("a pull request from a fork gets a read-only token, so it cannot comment");
  if (!options.githubToken || !options.run.repository)
    return fallback("no github-token or repository to comment with");
  const [{ createOctokit }, { upsertPreviewComment }] = await Promise.all([
    import("./octokit-OSDEL3E3.js"),
    import("./comment-D2YG2HAM.js")
  ]);
  try {
    const octokit = createOctokit({
      token: options.githubToken,
      log,
      ...options.run.apiUrl ? { apiUrl: options.run.apiUrl } : {}
    });
    const outcome = await upsertPreviewComment(
      octokit,
      options.run.repository,
      pullRequest.number,
      markdown
    );
    log.info(`preview comment ${outcome.state}: ${outcome.url}`);
    return { where: "comment", ...outcome };
  } catch (error) {
    const status = error.status;
    return fallback(
      status === 403 || status === 404 ? `the token may not comment (GitHub answered ${status})` : `commenting failed: ${error.message}`
    );
  }
}
export {
  publishPreview
};

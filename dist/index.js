import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  runPipeline
} from "./chunks/chunk-Y5E4JO64.js";
import {
  invalidPreviewMarkdown,
  previewMarkdown
} from "./chunks/chunk-E7ABCVTO.js";
import {
  error,
  getInput,
  info,
  notice,
  setFailed,
  setOutput,
  setSecret,
  summary,
  warning
} from "./chunks/chunk-6TDMKJTX.js";
import "./chunks/chunk-FOQKTZ3F.js";
import "./chunks/chunk-MY5FAC74.js";
import "./chunks/chunk-APMYCBKI.js";
import {
  JOB_SUMMARY_LIMIT
} from "./chunks/chunk-WKRLXMTM.js";
import "./chunks/chunk-62PXDJSH.js";
import {
  ACTION_INPUTS,
  resolveOptions,
  runUrl,
  userFacingError
} from "./chunks/chunk-SFYA7LBW.js";
import "./chunks/chunk-UIUYFXV3.js";
import "./chunks/chunk-5F2E6XBY.js";
import "./chunks/chunk-RRQPDUQS.js";
import "./chunks/chunk-HJL3GAZ4.js";
import "./chunks/chunk-AHWUMDXP.js";
import "./chunks/chunk-ZKT6PWU6.js";
import "./chunks/chunk-RBUFGRL5.js";
import "./chunks/chunk-I7RP3H6T.js";
import "./chunks/chunk-AAEGVOPR.js";
import "./chunks/chunk-5IAGMHQA.js";
import "./chunks/chunk-FTYSK5JR.js";
import "./chunks/chunk-OXRXBV5P.js";

// src/main.ts
import path2 from "node:path";

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
    import("./chunks/octokit-OSDEL3E3.js"),
    import("./chunks/comment-JQXOC6EY.js")
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
  } catch (error2) {
    const status = error2.status;
    return fallback(
      status === 403 || status === 404 ? `the token may not comment (GitHub answered ${status})` : `commenting failed: ${error2.message}`
    );
  }
}

// src/summary/artifact.ts
import { readdir } from "node:fs/promises";
import path from "node:path";
function artifactNameOf(options) {
  return [options.artifactName, options.run.runId ?? "local", options.run.attempt ?? "1"].join("-");
}
async function uploadRunArtifact(options, log, env = process.env) {
  if (!options.artifactName) return void 0;
  if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
    log.info(
      `not in an Actions step (no ACTIONS_RUNTIME_TOKEN): the run summary stays in ${options.out} and is not uploaded`
    );
    return void 0;
  }
  const name = artifactNameOf(options);
  const files = await listFiles(options.out);
  try {
    const { DefaultArtifactClient } = await import("./chunks/artifact-FBLEXAB4.js");
    const { id } = await new DefaultArtifactClient().uploadArtifact(name, files, options.out, {
      retentionDays: 30
    });
    if (id === void 0) return void 0;
    const { serverUrl, repository, runId } = options.run;
    const url = serverUrl && repository && runId ? `${serverUrl}/${repository}/actions/runs/${runId}/artifacts/${id}` : void 0;
    log.info(`uploaded ${files.length} files as the artifact ${name}${url ? `: ${url}` : ""}`);
    return { name, id, ...url ? { url } : {} };
  } catch (error2) {
    log.warning(
      `the run summary could not be uploaded as an artifact: ${error2.message}`
    );
    return void 0;
  }
}
async function listFiles(folder) {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

// src/main.ts
function readInputs() {
  const inputs = Object.fromEntries(
    ACTION_INPUTS.map((name) => [name, getInput(name)])
  );
  if (process.env["INPUT_ARTIFACT-NAME"] === void 0) delete inputs["artifact-name"];
  for (const secret of ["github-token", "dashboard-token"]) {
    if (inputs[secret]) setSecret(inputs[secret]);
  }
  return inputs;
}
var actionsLogger = {
  info: (message) => info(message),
  warning: (message, where) => warning(message, annotation(where)),
  error: (message, where) => error(message, annotation(where))
};
function annotation(where) {
  if (!where?.file) return {};
  return {
    file: where.file,
    ...where.line ? { startLine: where.line } : {},
    ...where.column ? { startColumn: where.column } : {}
  };
}
async function run() {
  try {
    const options = resolveOptions(readInputs(), process.env, { transport: "ses" });
    info(`boardroom: ${options.mode} (event ${options.run.event})`);
    const result = await runPipeline(options, actionsLogger);
    const summary2 = result.summary;
    const artifact = summary2 ? await uploadRunArtifact(options, actionsLogger) : void 0;
    let jobSummary = result.summaryMarkdown ?? "";
    if (artifact)
      jobSummary += `
Run summary and every rendered report: artifact [${artifact.name}](${artifact.url ?? "#"}) (id ${artifact.id}).
`;
    if (options.mode === "preview") {
      const links = {
        ...artifact?.url ? { artifact: artifact.url } : {},
        ...runUrl(options.run) ? { run: runUrl(options.run) } : {}
      };
      const markdown = result.configErrors ? invalidPreviewMarkdown(result.configErrors, links) : summary2 && result.previewBase ? previewMarkdown(summary2, result.previewBase, summary2.run.currency, links) : void 0;
      if (markdown) {
        const published = await publishPreview(options, markdown, actionsLogger);
        if (published.where === "job-summary") {
          notice(
            `The preview could not be posted as a comment (${published.reason}); it is in the job summary.`
          );
          jobSummary = `${markdown}

${jobSummary}`;
        }
      }
    }
    const messageIds = Object.fromEntries(
      (summary2?.reports ?? []).map((r) => [r.id, r.message_ids])
    );
    setOutput("sent", summary2?.counts.sent ?? 0);
    setOutput("skipped", summary2?.counts.skipped ?? 0);
    setOutput("failed", summary2?.counts.failed ?? 0);
    const tasks = summary2?.tasks ?? [];
    setOutput(
      "tasks-opened",
      tasks.filter((t) => t.state === "opened" || t.state === "reopened").length
    );
    setOutput("tasks-updated", tasks.filter((t) => t.state === "updated").length);
    setOutput("tasks-closed", tasks.filter((t) => t.state === "closed").length);
    setOutput("summary-path", summary2 ? path2.resolve(options.out, "summary.json") : "");
    setOutput("message-ids", JSON.stringify(messageIds));
    const alerts = summary2?.alerts;
    setOutput("alerts-fired", alerts?.fired.filter((f) => f.status !== "failed").length ?? 0);
    setOutput("artifact-id", artifact?.id ?? "");
    setOutput("artifact-url", artifact?.url ?? "");
    if (jobSummary && process.env.GITHUB_STEP_SUMMARY) {
      await summary.addRaw(jobSummary.slice(0, JOB_SUMMARY_LIMIT)).write();
    }
    if (result.exitCode === 2) {
      setFailed(
        "the portfolio or the inputs are invalid: nothing was sent (see the annotations)"
      );
      process.exitCode = 2;
    } else if (result.exitCode === 1 && alerts) {
      setFailed(
        `${alerts.fired.filter((f) => f.status === "failed").length} alert(s) not delivered: see the job summary`
      );
    } else if (result.exitCode === 1) {
      const failedTasks = tasks.filter((t) => t.state === "failed").length;
      setFailed(
        `${summary2?.counts.failed ?? 0} report(s) not delivered, ${failedTasks} task(s) failed: see the job summary`
      );
    }
  } catch (error2) {
    const message = userFacingError(error2);
    setFailed(
      message ?? `boardroom failed unexpectedly: ${error2.stack ?? String(error2)}`
    );
    if (message !== void 0) process.exitCode = 2;
  }
}

// src/index.ts
void run();

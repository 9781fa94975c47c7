import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
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
import "./chunks/chunk-MY5FAC74.js";
import {
  capTiersForSmallCheck
} from "./chunks/chunk-E2WZVV7Z.js";
import {
  ACTION_INPUTS,
  resolveOptions,
  runUrl,
  userFacingError
} from "./chunks/chunk-GZFGD7DJ.js";
import {
  problemsFound,
  validateRun
} from "./chunks/chunk-FUQL5PUX.js";
import "./chunks/chunk-KE66YUS3.js";
import "./chunks/chunk-23HAZFMX.js";
import "./chunks/chunk-GD5NV4LV.js";
import "./chunks/chunk-IRJFJL4L.js";
import "./chunks/chunk-TNR3CQU3.js";
import "./chunks/chunk-ZKT6PWU6.js";
import "./chunks/chunk-F4NAEFNZ.js";
import "./chunks/chunk-JC4LOZUH.js";
import "./chunks/chunk-XU4MFCUY.js";
import "./chunks/chunk-SC7SHDLN.js";
import "./chunks/chunk-7ADVH35N.js";
import "./chunks/chunk-6WH5L3UC.js";
import "./chunks/chunk-GGC72TJI.js";
import "./chunks/chunk-MFOCRCT4.js";
import "./chunks/chunk-OXRXBV5P.js";

// src/main.ts
import path from "node:path";
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
async function run({
  ownProcess = false
} = {}) {
  try {
    const options = resolveOptions(readInputs(), process.env, { transport: "ses" });
    info(`boardroom: ${options.mode} (event ${options.run.event})`);
    if (ownProcess && options.mode === "validate") capTiersForSmallCheck(options.config);
    const result = options.mode === "validate" ? await validateRun(options, actionsLogger) : ownProcess ? await (await import("./chunks/pipeline-thread-RZ2M73DW.js")).runPipelineOnThread(options, actionsLogger) : await (await import("./chunks/pipeline-I27PV2W5.js")).runPipeline(options, actionsLogger);
    const summary2 = result.summary;
    if (result.configErrors) error(problemsFound(result.configErrors.length, options.config));
    const artifact = summary2 ? await (await import("./chunks/artifact-DDNCU5ZZ.js")).uploadRunArtifact(options, actionsLogger) : void 0;
    let jobSummary = result.summaryMarkdown ?? "";
    if (artifact)
      jobSummary += `
Run summary and every rendered report: artifact [${artifact.name}](${artifact.url ?? "#"}) (id ${artifact.id}).
`;
    if (options.mode === "preview") {
      const { summary: wholeSummary, previewBase } = result;
      const { invalidPreviewMarkdown, previewMarkdown } = await import("./chunks/compare-LQ4LSV3S.js");
      const { publishPreview } = await import("./chunks/preview-SQXUEIPE.js");
      const links = {
        ...artifact?.url ? { artifact: artifact.url } : {},
        ...runUrl(options.run) ? { run: runUrl(options.run) } : {}
      };
      const markdown = result.configErrors ? invalidPreviewMarkdown(result.configErrors, links) : wholeSummary && previewBase ? previewMarkdown(wholeSummary, previewBase, wholeSummary.run.currency, links) : void 0;
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
    setOutput("summary-path", summary2 ? path.resolve(options.out, "summary.json") : "");
    setOutput("message-ids", JSON.stringify(messageIds));
    const alerts = summary2?.alerts;
    setOutput("alerts-fired", alerts?.fired.filter((f) => f.status !== "failed").length ?? 0);
    setOutput("artifact-id", artifact?.id ?? "");
    setOutput("artifact-url", artifact?.url ?? "");
    if (jobSummary && process.env.GITHUB_STEP_SUMMARY) {
      const { JOB_SUMMARY_LIMIT } = await import("./chunks/markdown-KUTXBG6U.js");
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
void run({ ownProcess: true });

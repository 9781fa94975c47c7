// The action shell: inputs -> options, the pipeline, then outputs, the job summary and the exit.
import * as core from '@actions/core';
import path from 'node:path';
import type { Logger } from './logger.js';
import {
  ACTION_INPUTS,
  resolveOptions,
  runUrl,
  userFacingError,
  type RawInputs,
} from './options.js';
import type { PipelineResult } from './pipeline.js';
import type { PipelineOutcome } from './pipeline-thread-protocol.js';
import { capTiersForSmallCheck } from './v8-tiers.js';
import { problemsFound, validateRun } from './validate.js';

export function readInputs(): RawInputs {
  const inputs: RawInputs = Object.fromEntries(
    ACTION_INPUTS.map((name) => [name, core.getInput(name)]),
  );
  // An unset artifact-name input means the default; an explicitly empty one means no upload.
  if (process.env['INPUT_ARTIFACT-NAME'] === undefined) delete inputs['artifact-name'];
  for (const secret of ['github-token', 'dashboard-token'] as const) {
    if (inputs[secret]) core.setSecret(inputs[secret]);
  }
  return inputs;
}

export const actionsLogger: Logger = {
  info: (message) => core.info(message),
  warning: (message, where) => core.warning(message, annotation(where)),
  error: (message, where) => core.error(message, annotation(where)),
};

function annotation(where?: {
  file?: string;
  line?: number;
  column?: number;
}): core.AnnotationProperties {
  if (!where?.file) return {};
  return {
    file: where.file,
    ...(where.line ? { startLine: where.line } : {}),
    ...(where.column ? { startColumn: where.column } : {}),
  };
}

/**
 * The action: reads the inputs, runs the mode, sets the outputs and the job summary, and sets
 * the exit code. `ownProcess` is true only from the action's entry (src/index.ts): then a
 * `validate` of a small portfolio may tune V8 for itself (src/v8-tiers.ts), as the CLI's does;
 * and every other mode runs the pipeline on a worker thread (src/pipeline-thread.ts); a test
 * calling run() leaves its own process's V8 alone and runs the pipeline in it.
 */
export async function run({
  ownProcess = false,
}: { readonly ownProcess?: boolean } = {}): Promise<void> {
  try {
    const options = resolveOptions(readInputs(), process.env, { transport: 'ses' });
    core.info(`boardroom: ${options.mode} (event ${options.run.event})`);
    if (ownProcess && options.mode === 'validate') capTiersForSmallCheck(options.config);
    // `validate` loads only what checking needs (src/validate.ts); the pipeline, Markdown,
    // delivery, preview and summary code load only for a run that uses them.
    const result: PipelineOutcome =
      options.mode === 'validate'
        ? await validateRun(options, actionsLogger)
        : ownProcess
          ? await (await import('./pipeline-thread.js')).runPipelineOnThread(options, actionsLogger)
          : await (await import('./pipeline.js')).runPipeline(options, actionsLogger);
    const summary = result.summary;
    // After the problems, each an annotation: how many, in which folder.
    if (result.configErrors) core.error(problemsFound(result.configErrors.length, options.config));

    const artifact = summary
      ? await (await import('./summary/artifact.js')).uploadRunArtifact(options, actionsLogger)
      : undefined;
    let jobSummary = result.summaryMarkdown ?? '';
    if (artifact)
      jobSummary += `\nRun summary and every rendered report: artifact [${artifact.name}](${artifact.url ?? '#'}) (id ${artifact.id}).\n`;

    if (options.mode === 'preview') {
      // A preview's result comes back whole from the pipeline's thread (outcomeOf).
      const { summary: wholeSummary, previewBase } = result as PipelineResult;
      const { invalidPreviewMarkdown, previewMarkdown } = await import('./preview/compare.js');
      const { publishPreview } = await import('./preview/index.js');
      const links = {
        ...(artifact?.url ? { artifact: artifact.url } : {}),
        ...(runUrl(options.run) ? { run: runUrl(options.run)! } : {}),
      };
      const markdown = result.configErrors
        ? invalidPreviewMarkdown(result.configErrors, links)
        : wholeSummary && previewBase
          ? previewMarkdown(wholeSummary, previewBase, wholeSummary.run.currency, links)
          : undefined;
      if (markdown) {
        const published = await publishPreview(options, markdown, actionsLogger);
        if (published.where === 'job-summary') {
          core.notice(
            `The preview could not be posted as a comment (${published.reason}); it is in the job summary.`,
          );
          jobSummary = `${markdown}\n\n${jobSummary}`;
        }
      }
    }

    const messageIds = Object.fromEntries(
      (summary?.reports ?? []).map((r) => [r.id, r.message_ids]),
    );
    core.setOutput('sent', summary?.counts.sent ?? 0);
    core.setOutput('skipped', summary?.counts.skipped ?? 0);
    core.setOutput('failed', summary?.counts.failed ?? 0);
    const tasks = summary?.tasks ?? [];
    core.setOutput(
      'tasks-opened',
      tasks.filter((t) => t.state === 'opened' || t.state === 'reopened').length,
    );
    core.setOutput('tasks-updated', tasks.filter((t) => t.state === 'updated').length);
    core.setOutput('tasks-closed', tasks.filter((t) => t.state === 'closed').length);
    core.setOutput('summary-path', summary ? path.resolve(options.out, 'summary.json') : '');
    core.setOutput('message-ids', JSON.stringify(messageIds));
    // In alerts mode: the alerts mailed in this check (summary.json `alerts` says the rest).
    const alerts = (summary as { alerts?: { fired: { status: string }[] } } | undefined)?.alerts;
    core.setOutput('alerts-fired', alerts?.fired.filter((f) => f.status !== 'failed').length ?? 0);
    core.setOutput('artifact-id', artifact?.id ?? '');
    core.setOutput('artifact-url', artifact?.url ?? '');
    if (jobSummary && process.env.GITHUB_STEP_SUMMARY) {
      const { JOB_SUMMARY_LIMIT } = await import('./summary/markdown.js');
      await core.summary.addRaw(jobSummary.slice(0, JOB_SUMMARY_LIMIT)).write();
    }

    if (result.exitCode === 2) {
      core.setFailed(
        'the portfolio or the inputs are invalid: nothing was sent (see the annotations)',
      );
      // setFailed exits 1; SPEC's 2 tells a caller that nothing was sent.
      process.exitCode = 2;
    } else if (result.exitCode === 1 && alerts) {
      core.setFailed(
        `${alerts.fired.filter((f) => f.status === 'failed').length} alert(s) not delivered: see the job summary`,
      );
    } else if (result.exitCode === 1) {
      const failedTasks = tasks.filter((t) => t.state === 'failed').length;
      core.setFailed(
        `${summary?.counts.failed ?? 0} report(s) not delivered, ${failedTasks} task(s) failed: see the job summary`,
      );
    }
  } catch (error) {
    const message = userFacingError(error);
    core.setFailed(
      message ?? `boardroom failed unexpectedly: ${(error as Error).stack ?? String(error)}`,
    );
    if (message !== undefined) process.exitCode = 2;
  }
}

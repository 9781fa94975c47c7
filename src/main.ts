// The action shell: inputs -> options, the pipeline, then outputs, the job summary and the exit.
import * as core from '@actions/core';
import path from 'node:path';
import type { Logger } from './logger.js';
import { ArgumentError, resolveOptions, type RawInputs } from './options.js';
import { runPipeline } from './pipeline.js';

/** Every input action.yml declares; read once into one object. */
const INPUT_NAMES = [
  'config',
  'mode',
  'reports',
  'as-of',
  'test-recipient',
  'aws-region',
  'ses-endpoint',
  'max-send-rate',
  'tasks',
  'github-token',
  'dashboard-url',
  'dashboard-token',
  'state-file',
  'force',
  'out',
  'artifact-name',
] as const;

export function readInputs(): RawInputs {
  const inputs: RawInputs = Object.fromEntries(
    INPUT_NAMES.map((name) => [name, core.getInput(name)]),
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

export async function run(): Promise<void> {
  try {
    const options = resolveOptions(readInputs(), process.env, { transport: 'ses' });
    core.info(`boardroom: ${options.mode} (event ${options.run.event})`);
    const result = await runPipeline(options, actionsLogger);

    const summary = result.summary;
    const messageIds = Object.fromEntries(
      (summary?.reports ?? []).map((r) => [r.id, r.message_ids]),
    );
    core.setOutput('sent', summary?.counts.sent ?? 0);
    core.setOutput('skipped', summary?.counts.skipped ?? 0);
    core.setOutput('failed', summary?.counts.failed ?? 0);
    for (const state of ['opened', 'updated', 'closed'] as const) {
      core.setOutput(
        `tasks-${state}`,
        summary?.tasks.filter(
          (t) => t.state === state || (state === 'opened' && t.state === 'reopened'),
        ).length ?? 0,
      );
    }
    core.setOutput('summary-path', summary ? path.resolve(options.out, 'summary.json') : '');
    core.setOutput('message-ids', JSON.stringify(messageIds));
    if (result.summaryMarkdown && process.env.GITHUB_STEP_SUMMARY) {
      await core.summary.addRaw(result.summaryMarkdown).write();
    }

    if (result.exitCode === 2)
      core.setFailed(
        'the portfolio or the inputs are invalid: nothing was sent (see the annotations)',
      );
    else if (result.exitCode === 1)
      core.setFailed(
        `${summary?.counts.failed ?? 0} report(s) were not delivered: see the job summary`,
      );
  } catch (error) {
    if (error instanceof ArgumentError) core.setFailed(error.message);
    else
      core.setFailed(`boardroom failed unexpectedly: ${(error as Error).stack ?? String(error)}`);
  }
}

// The run-summary artifact: the whole out folder, uploaded from inside the action. Outside an
// Actions step there is no runtime token, and the upload is skipped with a notice.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logger.js';
import type { RunOptions } from '../options.js';

export interface UploadedArtifact {
  readonly name: string;
  readonly id: number;
  readonly url?: string;
}

export function artifactNameOf(options: RunOptions): string {
  return [options.artifactName, options.run.runId ?? 'local', options.run.attempt ?? '1'].join('-');
}

export async function uploadRunArtifact(
  options: RunOptions,
  log: Logger,
  env: NodeJS.ProcessEnv = process.env,
): Promise<UploadedArtifact | undefined> {
  if (!options.artifactName) return undefined;
  if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
    log.info(
      `not in an Actions step (no ACTIONS_RUNTIME_TOKEN): the run summary stays in ${options.out} and is not uploaded`,
    );
    return undefined;
  }
  const name = artifactNameOf(options);
  const files = await listFiles(options.out);
  try {
    // Loaded only when there is something to upload: the artifact client is heavy.
    const { DefaultArtifactClient } = await import('@actions/artifact');
    const { id } = await new DefaultArtifactClient().uploadArtifact(name, files, options.out, {
      retentionDays: 30,
    });
    if (id === undefined) return undefined;
    const { serverUrl, repository, runId } = options.run;
    const url =
      serverUrl && repository && runId
        ? `${serverUrl}/${repository}/actions/runs/${runId}/artifacts/${id}`
        : undefined;
    log.info(`uploaded ${files.length} files as the artifact ${name}${url ? `: ${url}` : ''}`);
    return { name, id, ...(url ? { url } : {}) };
  } catch (error) {
    // The reports went out already; a failed upload is worth a warning, not a failed run.
    log.warning(
      `the run summary could not be uploaded as an artifact: ${(error as Error).message}`,
    );
    return undefined;
  }
}

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

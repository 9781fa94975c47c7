import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import "./chunk-OXRXBV5P.js";

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
    const { DefaultArtifactClient } = await import("./artifact-FBLEXAB4.js");
    const { id } = await new DefaultArtifactClient().uploadArtifact(name, files, options.out, {
      retentionDays: 30
    });
    if (id === void 0) return void 0;
    const { serverUrl, repository, runId } = options.run;
    const url = serverUrl && repository && runId ? `${serverUrl}/${repository}/actions/runs/${runId}/artifacts/${id}` : void 0;
    log.info(`uploaded ${files.length} files as the artifact ${name}${url ? `: ${url}` : ""}`);
    return { name, id, ...url ? { url } : {} };
  } catch (error) {
    log.warning(
      `the run summary could not be uploaded as an artifact: ${error.message}`
    );
    return void 0;
  }
}
async function listFiles(folder) {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}
export {
  artifactNameOf,
  uploadRunArtifact
};

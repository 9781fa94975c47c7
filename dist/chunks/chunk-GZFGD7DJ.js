import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  checkMailbox
} from "./chunk-SC7SHDLN.js";
import {
  EARLIEST_INPUT_YEAR,
  parseIsoDate
} from "./chunk-MFOCRCT4.js";

// src/options.ts
import { readFileSync } from "node:fs";
var MODES = ["send", "dry-run", "preview", "validate", "alerts"];
var MODE_INPUTS = [...MODES, "auto"];
function runUrl(run) {
  return run.serverUrl && run.repository && run.runId ? `${run.serverUrl}/${run.repository}/actions/runs/${run.runId}` : void 0;
}
var FILE_SYSTEM_CODES = /* @__PURE__ */ new Set([
  "ENOENT",
  "ENOTDIR",
  "EISDIR",
  "EACCES",
  "EPERM",
  "EROFS",
  "ENOSPC",
  "EEXIST"
]);
function userFacingError(error) {
  if (error instanceof ArgumentError) return error.message;
  const { code, path: where, syscall } = error;
  if (code && FILE_SYSTEM_CODES.has(code))
    return `cannot ${syscall ?? "use"} ${where ?? "a path"}: ${code}`;
  return void 0;
}
var ArgumentError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "ArgumentError";
  }
};
var ACTION_INPUTS = [
  "config",
  "mode",
  "reports",
  "as-of",
  "test-recipient",
  "aws-region",
  "ses-endpoint",
  "max-send-rate",
  "tasks",
  "github-token",
  "dashboard-url",
  "dashboard-token",
  "state-file",
  "force",
  "out",
  "artifact-name",
  "base-config"
];
function resolveOptions(raw, env, defaults = {}) {
  const input = (name) => {
    const value = raw[name]?.trim();
    return value ? value : void 0;
  };
  const event = env.GITHUB_EVENT_NAME ?? "local";
  const mode = resolveMode(input("mode") ?? "auto", event);
  const asOf = input("as-of");
  if (asOf !== void 0 && !isDate(asOf))
    throw new ArgumentError(
      parseIsoDate(asOf, 0) ? `as-of: "${asOf}" is before ${String(EARLIEST_INPUT_YEAR).padStart(4, "0")}-01-01, the earliest date boardroom reads` : `as-of: "${asOf}" is not a date written YYYY-MM-DD`
    );
  const testRecipient = input("test-recipient");
  const recipientCheck = testRecipient === void 0 ? void 0 : checkMailbox(testRecipient);
  if (recipientCheck && !recipientCheck.ok) {
    throw new ArgumentError(
      `test-recipient: "${testRecipient}" is not an email address: ${recipientCheck.reason}`
    );
  }
  const maxSendRateText = input("max-send-rate");
  const maxSendRate = maxSendRateText === void 0 ? void 0 : Number(maxSendRateText);
  if (maxSendRate !== void 0 && !(maxSendRate > 0))
    throw new ArgumentError(`max-send-rate: "${maxSendRateText}" must be a number above 0`);
  const tasks = oneOf(input("tasks") ?? "github", ["github", "webhook", "none"], "tasks");
  const sesEndpoint = input("ses-endpoint") ?? env.AWS_ENDPOINT_URL_SESV2 ?? void 0;
  const awsRegion = input("aws-region");
  const hasAwsSettings = Boolean(
    awsRegion || sesEndpoint || env.AWS_REGION || env.AWS_ACCESS_KEY_ID || env.AWS_PROFILE
  );
  const transport = oneOf(
    input("transport") ?? defaults.transport ?? (hasAwsSettings ? "ses" : "outbox"),
    ["outbox", "ses"],
    "transport"
  );
  if (tasks === "webhook" && !input("dashboard-url"))
    throw new ArgumentError("tasks: webhook needs dashboard-url");
  const reports = input("reports")?.split(/[,\n]/).map((id) => id.trim()).filter(Boolean) ?? null;
  return {
    config: input("config") ?? "reports-config",
    out: input("out") ?? "boardroom-out",
    mode,
    transport,
    reports: reports && reports.length > 0 ? reports : null,
    ...asOf ? { asOf } : {},
    ...testRecipient ? { testRecipient } : {},
    ...awsRegion ? { awsRegion } : {},
    ...env.AWS_REGION || env.AWS_DEFAULT_REGION ? { environmentRegion: env.AWS_REGION || env.AWS_DEFAULT_REGION } : {},
    ...sesEndpoint ? { sesEndpoint } : {},
    ...maxSendRate ? { maxSendRate } : {},
    tasks,
    ...input("github-token") ? { githubToken: input("github-token") } : {},
    ...input("dashboard-url") ? { dashboardUrl: input("dashboard-url") } : {},
    ...input("dashboard-token") ? { dashboardToken: input("dashboard-token") } : {},
    stateFile: input("state-file") ?? ".boardroom/ledger.jsonl",
    force: parseBoolean(input("force") ?? "false", "force"),
    artifactName: raw["artifact-name"] === void 0 ? "boardroom-run" : raw["artifact-name"].trim(),
    ...input("base-config") ? { baseConfig: input("base-config") } : {},
    run: {
      event,
      ...env.GITHUB_RUN_ID ? { runId: env.GITHUB_RUN_ID } : {},
      ...env.GITHUB_RUN_ATTEMPT ? { attempt: env.GITHUB_RUN_ATTEMPT } : {},
      ...env.GITHUB_REPOSITORY ? { repository: env.GITHUB_REPOSITORY } : {},
      ...env.GITHUB_SERVER_URL ? { serverUrl: env.GITHUB_SERVER_URL } : {},
      ...env.GITHUB_API_URL ? { apiUrl: env.GITHUB_API_URL } : {},
      ...pullRequestOf(env)
    }
  };
}
function pullRequestOf(env) {
  if (!env.GITHUB_EVENT_PATH || !(env.GITHUB_EVENT_NAME ?? "").startsWith("pull_request"))
    return {};
  try {
    const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8"));
    const number = event.pull_request?.number;
    if (typeof number !== "number") return {};
    const head = event.pull_request?.head?.repo?.full_name;
    return {
      pullRequest: { number, fromFork: head !== void 0 && head !== event.repository?.full_name }
    };
  } catch {
    return {};
  }
}
function resolveMode(mode, event) {
  const given = oneOf(mode, MODE_INPUTS, "mode");
  const chosen = given !== "auto" ? given : event.startsWith("pull_request") ? "preview" : "send";
  if (chosen === "send" && event.startsWith("pull_request")) return "preview";
  if (chosen === "alerts" && event.startsWith("pull_request")) return "validate";
  return chosen;
}
function oneOf(value, allowed, name) {
  if (allowed.includes(value)) return value;
  throw new ArgumentError(`${name}: "${value}" is not one of ${allowed.join(", ")}`);
}
function parseBoolean(value, name) {
  if (/^(true|yes|1)$/i.test(value)) return true;
  if (/^(false|no|0)$/i.test(value)) return false;
  throw new ArgumentError(`${name}: "${value}" is not true or false`);
}
function isDate(text) {
  return parseIsoDate(text) !== void 0;
}

export {
  MODE_INPUTS,
  runUrl,
  userFacingError,
  ArgumentError,
  ACTION_INPUTS,
  resolveOptions
};

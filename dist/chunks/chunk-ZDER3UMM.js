import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  mapConcurrently
} from "./chunk-4EOZOSSJ.js";
import {
  displayPath
} from "./chunk-ZKT6PWU6.js";
import {
  failureKind,
  pacedSending,
  realClock
} from "./chunk-6PWVO4Z3.js";
import {
  hashAddressKeys,
  recipientCount,
  recipientKeys,
  withoutRecipients
} from "./chunk-4RS5AUXJ.js";
import {
  addressKey,
  checkMailbox
} from "./chunk-7QYZZVFC.js";

// src/options.ts
import { readFileSync } from "node:fs";
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
    throw new ArgumentError(`as-of: "${asOf}" is not a date written YYYY-MM-DD`);
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
  const chosen = mode === "auto" ? event.startsWith("pull_request") ? "preview" : "send" : oneOf(mode, ["send", "dry-run", "preview", "validate", "alerts"], "mode");
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
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && (/* @__PURE__ */ new Date(`${text}T00:00:00Z`)).toISOString().startsWith(text);
}

// src/alerts/references.ts
import path from "node:path";
function checkAlertReferences(portfolio, locate) {
  const file = displayPath(path.join(portfolio.dir, "portfolio.yml"));
  const entityIds = new Set(portfolio.entities.map((e) => e.id));
  const owners = Object.keys(portfolio.settings.owners);
  const errors = [];
  const at = (keyPath, message) => errors.push({
    file,
    ...locate(file, keyPath) ?? { line: 1, column: 1 },
    field: keyPath.join("."),
    message
  });
  (portfolio.settings.alerts ?? []).forEach((alert, index) => {
    alert.to.forEach((recipient, position) => {
      if (!recipient.includes("@") && !owners.includes(recipient))
        at(
          ["alerts", index, "to", position],
          `alerts.${index}.to: unknown owner "${recipient}" (owners: ${owners.join(", ") || "none"}; or write an email address)`
        );
    });
    if (alert.entities !== "all")
      alert.entities.forEach((entity, position) => {
        if (!entityIds.has(entity))
          at(
            ["alerts", index, "entities", position],
            `alerts.${index}.entities: unknown entity "${entity}"`
          );
      });
  });
  return errors;
}
function alertRecipients(alert, portfolio) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const recipient of alert.to) {
    const owner = portfolio.settings.owners[recipient];
    const address = recipient.includes("@") ? recipient : owner?.email;
    if (!address) continue;
    const key = addressKey(address);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(address);
  }
  return out;
}

// src/delivery/index.ts
import path3 from "node:path";

// src/delivery/retry.ts
var DEFAULT_RETRY = { attempts: 8, baseDelayMs: 500, maxDelayMs: 3e4 };
function backoffCeiling(retry, policy) {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
}
async function withRetries(attempt, policy, clock, onRetry, random = Math.random) {
  for (let tries = 1; ; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      const kind = failureKind(error);
      if (kind === "permanent" || tries >= policy.attempts) throw error;
      onRetry(error, kind, tries);
      await clock.sleep(random() * backoffCeiling(tries, policy));
    }
  }
}

// src/delivery/deliver.ts
function splitByLedger(plan, ledger, force, log) {
  const skipped = [];
  const pending = [];
  for (const message of plan) {
    const match = force || !ledger ? void 0 : ledger.match(message);
    if (match?.unclear) log?.warning(match.unclear);
    if (!match || match.reached.size === 0) {
      pending.push(message);
      continue;
    }
    const rest = withoutRecipients(message, match.reached);
    if (rest) {
      log?.info(
        `${message.key}: ${recipientCount(message.recipients) - recipientCount(rest.recipients)} of ${recipientCount(message.recipients)} recipients had it earlier this period; sending to the ${recipientCount(rest.recipients)} who did not`
      );
      pending.push(rest);
    } else
      skipped.push({
        key: message.key,
        report: message.report,
        status: "skipped",
        messageId: match.earlier[0].message_id
      });
  }
  return { skipped, pending };
}
async function deliver(plan, settings) {
  const { transport, log, ledger } = settings;
  const clock = settings.clock ?? realClock;
  const waveSize = settings.waveSize ?? (plan.length || 1);
  const concurrency = fixedOr(settings.concurrency);
  const timed = (ms) => concurrency.observe(ms);
  const results = /* @__PURE__ */ new Map();
  let retried = 0;
  const sendOne = async (message) => {
    let acceptedCallStart = 0;
    try {
      const messageId = await withRetries(
        async () => {
          await settings.pacer?.acquire(recipientCount(message.recipients));
          const started = clock.now();
          try {
            const id = await transport.send(message);
            settings.pacer?.succeeded();
            acceptedCallStart = started;
            return id;
          } catch (error) {
            timed(clock.now() - started);
            if (failureKind(error) === "throttled") settings.pacer?.throttled();
            throw error;
          }
        },
        settings.retry ?? DEFAULT_RETRY,
        clock,
        () => {
          retried += 1;
        }
      );
      try {
        await ledger?.record({
          report: message.report,
          period: message.period,
          key: message.key,
          recipients: recipientKeys(message.recipients),
          ...message.isTest ? { test: true } : {},
          recipients_hash: message.recipientsHash,
          message_id: messageId,
          at: (/* @__PURE__ */ new Date()).toISOString()
        });
        timed(clock.now() - acceptedCallStart);
      } catch (error) {
        const reason = `delivered as ${messageId} but not recorded in the ledger (a re-run would send it again): ${error.message}`;
        log.error(`${message.key}: ${reason}`);
        return {
          key: message.key,
          report: message.report,
          status: "sent",
          messageId,
          error: reason
        };
      }
      return { key: message.key, report: message.report, status: "sent", messageId };
    } catch (error) {
      const reason = error.message;
      log.error(`${message.key}: not delivered: ${reason}`);
      return { key: message.key, report: message.report, status: "failed", error: reason };
    }
  };
  const waves = doublingWaves(plan, waveSize);
  for (const [index, wave] of waves.entries()) {
    const waveResults = await mapConcurrently(wave, () => concurrency.limit, sendOne);
    for (const result of waveResults) results.set(result.key, result);
    const all = [...results.values()];
    const count = (status) => all.filter((r) => r.status === status).length;
    log.info(
      `wave ${index + 1}/${waves.length}: sent ${count("sent")}/${plan.length}, ${retried} retried, ${count("failed")} failed`
    );
    const attempted = waveResults;
    const failed = attempted.filter((r) => r.status === "failed");
    const rest = waves.slice(index + 1).flat();
    if (rest.length > 0 && attempted.length > 0 && failed.length / attempted.length > (settings.maxWaveFailureShare ?? 1)) {
      const reason = `held back: wave ${index + 1} failed ${failed.length} of ${attempted.length} (${failed[0].error})`;
      log.error(
        `stopping before the next wave: ${failed.length} of ${attempted.length} messages in wave ${index + 1} failed; ${rest.length} held back`
      );
      for (const message of rest)
        results.set(message.key, {
          key: message.key,
          report: message.report,
          status: "failed",
          error: reason,
          heldBack: true
        });
      break;
    }
  }
  return {
    results: plan.map((message) => results.get(message.key)),
    retried,
    inFlight: concurrency.limit
  };
}
function doublingWaves(items, first) {
  const waves = [];
  for (let start = 0, size = first; start < items.length; start += size, size *= 2) {
    waves.push(items.slice(start, start + size));
  }
  return waves;
}
function fixedOr(concurrency) {
  if (typeof concurrency === "object") return concurrency;
  const limit = Math.max(1, concurrency ?? 1);
  return { limit, observe: () => void 0 };
}

// src/delivery/ledger.ts
import { mkdir, open, readFile } from "node:fs/promises";
import path2 from "node:path";
var DeliveryLedger = class _DeliveryLedger {
  constructor(file) {
    this.file = file;
  }
  file;
  /** `report\0period\0address` -> the record of the message that reached that address. */
  byRecipient = /* @__PURE__ */ new Map();
  /** `report\0period` -> earlier-format records (one hash for all recipients). */
  byHash = /* @__PURE__ */ new Map();
  /**
   * Reads the ledger at `file` (missing: empty). Reads both line formats: per-recipient lines and
   * the earlier lines keyed by `recipients_hash` alone.
   * @throws the file system's error for anything but a missing file.
   */
  static async open(file) {
    const ledger = new _DeliveryLedger(file);
    let text = "";
    try {
      text = await readFile(file, "utf8");
    } catch (error) {
      if (error.code !== "ENOENT") throw error;
    }
    for (const line of text.split("\n")) {
      if (!line.trim()) continue;
      try {
        ledger.remember(JSON.parse(line));
      } catch {
      }
    }
    return ledger;
  }
  /**
   * Which recipients of `message` already had this report for this period. Per-recipient lines
   * answer exactly; an earlier-format line answers when its hash is this message's recipients
   * with at most two readers fewer (the readers added since).
   */
  match(message) {
    const reached = /* @__PURE__ */ new Set();
    const earlier = /* @__PURE__ */ new Set();
    const keys = recipientKeys(message.recipients);
    for (const address of keys) {
      const record = this.byRecipient.get(
        recipientKey(message.report, message.period, address, message.isTest === true)
      );
      if (record) {
        reached.add(address);
        earlier.add(record);
      }
    }
    const legacy = this.byHash.get(periodKey(message.report, message.period)) ?? [];
    let unclear;
    for (const record of legacy) {
      const covered = coveredByHash(message.recipients, record.recipients_hash);
      if (covered) {
        for (const address of covered) reached.add(address);
        earlier.add(record);
      } else if (record.key === message.key) {
        unclear = `${message.key}: the ledger's earlier-format line (${record.message_id}) is for other recipients than these; sending to all of them, as the version that wrote it would`;
      }
    }
    const ordered = [...earlier].sort((a, b) => a.at.localeCompare(b.at));
    return { reached, earlier: ordered, ...unclear ? { unclear } : {} };
  }
  /** Appends one record and waits until it is on disk. */
  async record(record) {
    await mkdir(path2.dirname(this.file), { recursive: true });
    const handle = await open(this.file, "a");
    try {
      await handle.write(`${JSON.stringify(record)}
`);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    this.remember(record);
  }
  remember(record) {
    if (Array.isArray(record.recipients)) {
      for (const address of record.recipients)
        this.byRecipient.set(
          recipientKey(record.report, record.period, address, record.test === true),
          record
        );
      return;
    }
    const key = periodKey(record.report, record.period);
    this.byHash.set(key, [...this.byHash.get(key) ?? [], record]);
  }
};
function periodKey(report, period) {
  return `${report}\0${period}`;
}
function recipientKey(report, period, address, test) {
  return `${report}\0${period}\0${address}${test ? "\0test" : ""}`;
}
function coveredByHash(recipients, hash) {
  const roles = ["to", "cc", "bcc"].flatMap((role) => recipients[role].map(() => role));
  const keys = recipientKeys(recipients);
  const hashWithout = (skip) => {
    const of = (role) => keys.filter((_, i) => roles[i] === role && !skip.includes(i));
    return hashAddressKeys({ to: of("to"), cc: of("cc"), bcc: of("bcc") });
  };
  const tries = [[]];
  for (let i = 0; i < keys.length; i += 1) {
    tries.push([i]);
    for (let j = i + 1; j < keys.length; j += 1) tries.push([i, j]);
  }
  for (const skip of tries) {
    if (skip.length < keys.length && hashWithout(skip) === hash)
      return keys.filter((_, i) => !skip.includes(i));
  }
  return void 0;
}

// src/delivery/index.ts
var FALLBACK_SEND_RATE = 1;
async function createTransport(options, portfolio) {
  if (options.transport === "outbox") {
    const { OutboxTransport } = await import("./outbox-JMSHEEZZ.js");
    return new OutboxTransport(path3.join(options.out, "outbox"));
  }
  const region = options.awsRegion ?? portfolio.settings.ses.region ?? options.environmentRegion;
  if (!region)
    throw new ArgumentError(
      "aws-region: no SES region (set the input, ses.region in portfolio.yml, or AWS_REGION)"
    );
  const { SesTransport } = await import("./ses-ONLDWM55.js");
  return new SesTransport({
    region,
    ...options.sesEndpoint ? { endpoint: options.sesEndpoint } : {},
    ...portfolio.settings.ses.configuration_set ? { configurationSet: portfolio.settings.ses.configuration_set } : {}
  });
}
async function runDelivery(plan, options, portfolio, log, factory = createTransport) {
  const transport = await factory(options, portfolio);
  const ledger = transport.name === "ses" ? await DeliveryLedger.open(options.stateFile) : void 0;
  const { skipped, pending } = splitByLedger(plan, ledger, options.force, log);
  const inPlanOrder = (results) => {
    const byKey = new Map([...skipped, ...results].map((r) => [r.key, r]));
    return plan.map((m) => byKey.get(m.key));
  };
  const failAll = (reason) => {
    log.error(reason);
    return {
      retried: 0,
      results: inPlanOrder(
        pending.map((m) => ({ key: m.key, report: m.report, status: "failed", error: reason }))
      )
    };
  };
  let paced;
  if (transport.account && pending.length > 0) {
    const answer = await transport.account();
    let rate;
    if ("error" in answer) {
      rate = options.maxSendRate ?? FALLBACK_SEND_RATE;
      log.warning(
        `could not read the SES account's sending rate (${answer.error}); pacing at ${rate} recipients/s from max-send-rate`
      );
    } else {
      const account = answer.account;
      if (!account.sendingEnabled)
        return failAll("SES sending is paused for this account: nothing was sent");
      if (account.sandbox)
        log.warning("the SES account is in the sandbox: only verified addresses receive mail");
      const remaining = account.max24HourSend < 0 ? Infinity : account.max24HourSend - account.sentLast24Hours;
      const needed = pending.reduce((total, m) => total + recipientCount(m.recipients), 0);
      if (needed > remaining) {
        let fit = 0;
        for (let used = 0; fit < pending.length && used + recipientCount(pending[fit].recipients) <= remaining; fit += 1)
          used += recipientCount(pending[fit].recipients);
        return failAll(
          `the plan needs ${needed} recipients but the 24-hour SES quota has ${Math.max(remaining, 0)} left: nothing was sent (${fit} of ${pending.length} messages would fit)`
        );
      }
      rate = account.maxSendRate;
      log.info(
        `SES account: ${rate} recipients/s, ${remaining === Infinity ? "no daily limit" : `${remaining} left of the 24-hour quota`}`
      );
    }
    paced = pacedSending(rate);
  }
  log.info(
    `sending ${pending.length} of ${plan.length} messages through ${transport.name}${pending.length < plan.length ? " (the rest went out earlier this period)" : ""}`
  );
  const outcome = await deliver(pending, {
    transport,
    log,
    ...ledger ? { ledger } : {},
    // Paced to the account's rate, with as many calls in flight as that rate needs.
    ...paced ?? {},
    waveSize: portfolio.settings.delivery.wave_size,
    maxWaveFailureShare: portfolio.settings.delivery.max_wave_failure_share
  });
  return { ...outcome, results: inPlanOrder(outcome.results) };
}

// src/summary/model.ts
function runHeader(options, asOf, settings, transport) {
  return {
    mode: options.mode,
    as_of: asOf,
    event: options.run.event,
    run_id: options.run.runId ?? null,
    attempt: options.run.attempt ?? null,
    transport,
    portfolio: settings.name,
    currency: settings.currency
  };
}

export {
  runUrl,
  userFacingError,
  ArgumentError,
  ACTION_INPUTS,
  resolveOptions,
  checkAlertReferences,
  alertRecipients,
  runDelivery,
  runHeader
};

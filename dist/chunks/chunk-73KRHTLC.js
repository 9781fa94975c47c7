import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  failureKind,
  pacedSending,
  realClock
} from "./chunk-I7RP3H6T.js";
import {
  ArgumentError
} from "./chunk-GZFGD7DJ.js";
import {
  hashAddressKeys,
  recipientCount,
  recipientKeys,
  withoutRecipients
} from "./chunk-V4CVLK5W.js";
import {
  count
} from "./chunk-TNR3CQU3.js";

// src/delivery/index.ts
import path2 from "node:path";

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
  const maxFailureShare = settings.maxWaveFailureShare ?? 1;
  await sendInWaves(
    waves,
    () => concurrency.limit,
    maxFailureShare,
    sendOne,
    (index, wave) => {
      for (const result of wave) results.set(result.key, result);
      const all = [...results.values()];
      const count2 = (status) => all.filter((r) => r.status === status).length;
      log.info(
        `wave ${index + 1}/${waves.length}: sent ${count2("sent")}/${plan.length}, ${retried} retried, ${count2("failed")} failed`
      );
      const failed = wave.filter((r) => r.status === "failed");
      const rest = waves.slice(index + 1).flat();
      if (rest.length === 0 || wave.length === 0 || failed.length / wave.length <= maxFailureShare)
        return;
      const reason = `held back: wave ${index + 1} failed ${failed.length} of ${wave.length} (${failed[0].error})`;
      log.error(
        `stopping before the next wave: ${failed.length} of ${wave.length} messages in wave ${index + 1} failed; ${rest.length} held back`
      );
      for (const message of rest)
        results.set(message.key, {
          key: message.key,
          report: message.report,
          status: "failed",
          error: reason,
          heldBack: true
        });
    }
  );
  return {
    results: plan.map((message) => results.get(message.key)),
    retried,
    inFlight: concurrency.limit
  };
}
function sendInWaves(waves, limit, maxFailureShare, send, waveDone) {
  const done = waves.map(() => 0);
  const failed = waves.map(() => 0);
  const results = waves.map((wave2) => new Array(wave2.length));
  let open3 = Math.min(1, waves.length);
  let wave = 0;
  let next = 0;
  let running = 0;
  let reported = 0;
  const cleared = (k) => failed[k] + (waves[k].length - done[k]) <= maxFailureShare * waves[k].length;
  return new Promise((resolve) => {
    const startMore = () => {
      while (open3 < waves.length && cleared(open3 - 1)) open3 += 1;
      while (running < Math.max(1, limit())) {
        while (wave < open3 && next >= waves[wave].length) {
          wave += 1;
          next = 0;
        }
        if (wave >= open3) break;
        const k = wave;
        const index = next++;
        running += 1;
        void send(waves[k][index]).then((result) => {
          running -= 1;
          results[k][index] = result;
          done[k] += 1;
          if (result.status === "failed") failed[k] += 1;
          while (reported < open3 && done[reported] === waves[reported].length) {
            waveDone(reported, results[reported]);
            reported += 1;
          }
          startMore();
        });
      }
      if (running === 0) resolve();
    };
    startMore();
  });
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
import { constants as fsConstants } from "node:fs";
import { mkdir, open, readFile, stat } from "node:fs/promises";
import path from "node:path";
var { O_APPEND, O_CREAT, O_RDWR, O_DSYNC } = fsConstants;
var APPEND_DURABLY = O_DSYNC === void 0 ? "a+" : O_APPEND | O_CREAT | O_RDWR | O_DSYNC;
var IDLE_CLOSE_MS = 1e3;
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
  /**
   * Appends one record and waits until it is on disk. Records that arrive while a write is on
   * its way go out together in the next one (one durable write for all of them, not one each:
   * at 1,000 messages a second the flushes were most of the sender's file work), through the
   * file kept open while records keep coming; each caller still resolves only once its own line
   * is on disk, or rejects with that write's error.
   */
  record(record) {
    return new Promise((resolve, reject) => {
      this.waiting.push({ record, resolve, reject });
      if (!this.writing) void this.writeWaiting();
    });
  }
  /** Records not yet written, with their callers. */
  waiting = [];
  writing = false;
  /** False once this process has written the file's last line whole. */
  mayEndMidLine = true;
  /** The ledger, open for appending while records keep coming (closed after IDLE_CLOSE_MS). */
  handle;
  idleClose;
  async writeWaiting() {
    this.writing = true;
    clearTimeout(this.idleClose);
    while (this.waiting.length > 0) {
      const batch = this.waiting;
      this.waiting = [];
      try {
        if (this.handle && !await isFileAt(this.handle, this.file)) await this.closeFile();
        if (!this.handle) {
          await mkdir(path.dirname(this.file), { recursive: true });
          this.handle = await open(this.file, APPEND_DURABLY);
          this.mayEndMidLine = true;
        }
        const lines = batch.map((w) => `${JSON.stringify(w.record)}
`).join("");
        const torn = this.mayEndMidLine && await endsMidLine(this.handle);
        await this.handle.writeFile(torn ? `
${lines}` : lines);
        if (O_DSYNC === void 0) await this.handle.datasync();
        this.mayEndMidLine = false;
      } catch (error) {
        this.mayEndMidLine = true;
        await this.closeFile();
        for (const w of batch) w.reject(error);
        continue;
      }
      for (const w of batch) {
        this.remember(w.record);
        w.resolve();
      }
    }
    this.writing = false;
    this.idleClose = setTimeout(() => {
      if (!this.writing) void this.closeFile();
    }, IDLE_CLOSE_MS);
    this.idleClose.unref();
  }
  /** Closes the file if open. Every line written is on disk already: a failed close loses none. */
  async closeFile() {
    const handle = this.handle;
    this.handle = void 0;
    await handle?.close().catch(() => void 0);
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
async function endsMidLine(handle) {
  const { size } = await handle.stat();
  if (size === 0) return false;
  const last = Buffer.alloc(1);
  await handle.read(last, 0, 1, size - 1);
  return last[0] !== 10;
}
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
async function isFileAt(handle, file) {
  try {
    const [opened, atPath] = await Promise.all([handle.stat(), stat(file)]);
    return opened.ino === atPath.ino && opened.dev === atPath.dev;
  } catch {
    return false;
  }
}

// src/delivery/index.ts
var FALLBACK_SEND_RATE = 1;
async function createTransport(options, portfolio) {
  if (options.transport === "outbox") {
    const { OutboxTransport } = await import("./outbox-LOB46VDC.js");
    return new OutboxTransport(path2.join(options.out, "outbox"));
  }
  const region = options.awsRegion ?? portfolio.settings.ses.region ?? options.environmentRegion;
  if (!region)
    throw new ArgumentError(
      "aws-region: no SES region (set the input, ses.region in portfolio.yml, or AWS_REGION)"
    );
  const { SesTransport } = await import("./ses-44W5R3LF.js");
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
    `sending ${pending.length} of ${count(plan.length, "message")} through ${transport.name}${pending.length < plan.length ? " (the rest went out earlier this period)" : ""}`
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

// src/summary/json-file.ts
import { open as open2, rm } from "node:fs/promises";
import { types } from "node:util";
var GAP = "  ";
var CHUNK = 1 << 16;
async function writeJsonFile(file, value, splitDepth = 2) {
  const handle = await open2(file, "w");
  try {
    let chunk = [];
    let length = 0;
    for (const piece of jsonPieces(value, splitDepth)) {
      chunk.push(piece);
      length += piece.length;
      if (length >= CHUNK) {
        await writeAll(handle, chunk.join(""));
        chunk = [];
        length = 0;
      }
    }
    chunk.push("\n");
    await writeAll(handle, chunk.join(""));
  } catch (error) {
    await handle.close();
    await rm(file, { force: true });
    throw error;
  }
  await handle.close();
}
async function writeAll(handle, text) {
  const bytes = Buffer.from(text, "utf8");
  for (let offset = 0; offset < bytes.length; ) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
    if (bytesWritten === 0) throw new Error("the file took none of the bytes written to it");
    offset += bytesWritten;
  }
}
function* jsonPieces(value, splitDepth) {
  const ancestors = /* @__PURE__ */ new Set();
  function* member(holder, key, prefix, indent, depth, inArray) {
    let item = holder[key];
    let viaToJSON = false;
    if (typeof item === "object" && item !== null || typeof item === "bigint") {
      const toJSON = item.toJSON;
      if (typeof toJSON === "function") {
        item = toJSON.call(item, key);
        viaToJSON = true;
      }
    }
    if (depth > 0 && isContainer(item)) {
      yield prefix;
      yield* container(item, indent, depth);
      return true;
    }
    let text = viaToJSON ? stringifyResolved(item) : JSON.stringify(item, null, 2);
    if (text === void 0) {
      if (!inArray) return false;
      text = "null";
    }
    yield prefix;
    yield indent === "" || !text.includes("\n") ? text : text.replaceAll("\n", `
${indent}`);
    return true;
  }
  function* container(item, indent, depth) {
    if (ancestors.has(item)) throw new TypeError("Converting circular structure to JSON");
    ancestors.add(item);
    const inner = indent + GAP;
    if (Array.isArray(item)) {
      const length = item.length;
      for (let index = 0; index < length; index++)
        yield* member(
          item,
          String(index),
          index === 0 ? `[
${inner}` : `,
${inner}`,
          inner,
          depth - 1,
          true
        );
      yield length === 0 ? "[]" : `
${indent}]`;
    } else {
      let empty = true;
      for (const key of Object.keys(item)) {
        const prefix = `${empty ? "{" : ","}
${inner}${JSON.stringify(key)}: `;
        if (yield* member(item, key, prefix, inner, depth - 1, false)) empty = false;
      }
      yield empty ? "{}" : `
${indent}}`;
    }
    ancestors.delete(item);
  }
  if (!(yield* member({ "": value }, "", "", "", splitDepth, false))) yield "undefined";
}
function isContainer(value) {
  if (typeof value !== "object" || value === null) return false;
  if (Array.isArray(value)) return true;
  const isRawJSON = JSON.isRawJSON;
  return !types.isBoxedPrimitive(value) && !isRawJSON?.(value);
}
function stringifyResolved(value) {
  if ((typeof value !== "object" || value === null) && typeof value !== "bigint")
    return JSON.stringify(value, null, 2);
  let first = true;
  return JSON.stringify(
    null,
    function(_key, current) {
      if (!first) return current;
      first = false;
      return value;
    },
    2
  );
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
  runDelivery,
  writeJsonFile,
  runHeader
};

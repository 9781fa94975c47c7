import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  isResolved,
  resolvedBy
} from "./chunk-MJAQU5M5.js";
import "./chunk-OXRXBV5P.js";

// src/tasks/webhook.ts
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
var WebhookTaskSink = class {
  constructor(settings) {
    this.settings = settings;
  }
  settings;
  name = "webhook";
  async sync(input) {
    const known = await this.load();
    const results = [];
    const send = async (fingerprint, state, payload, remember) => {
      try {
        await this.post(
          { fingerprint, state, ...payload },
          // One key per change: a retry repeats it, a later reopen or update gets its own.
          `${fingerprint}|${remember.changes}|${state}|${remember.content}`
        );
        known[fingerprint] = remember;
        await this.save(known);
        results.push({ fingerprint, title: remember.title, state, url: null });
      } catch (error) {
        const reason = error.message;
        this.settings.log.error(`task "${remember.title}": ${reason}`);
        results.push({
          fingerprint,
          title: remember.title,
          state: "failed",
          url: null,
          error: reason
        });
      }
    };
    for (const task of input.desired) {
      const before = known[task.fingerprint];
      const remember = {
        title: task.title,
        report: task.report,
        content: task.content,
        state: "open",
        entity: task.entity,
        figures: task.finding.figures,
        period: task.period,
        changes: (before?.changes ?? 0) + 1
      };
      if (before?.state === "open" && before.content === task.content) {
        results.push({
          fingerprint: task.fingerprint,
          title: task.title,
          state: "unchanged",
          url: null
        });
        continue;
      }
      await send(
        task.fingerprint,
        before?.state === "open" ? "updated" : "opened",
        this.payload(task, input),
        remember
      );
    }
    const wanted = new Set(input.desired.map((t) => t.fingerprint));
    for (const [fingerprint, before] of Object.entries(known)) {
      if (wanted.has(fingerprint) || before.state !== "open" || !isResolved(input, fingerprint, before.report))
        continue;
      const resolved = resolvedBy(before.figures, input.currentFigures(before.entity));
      await send(
        fingerprint,
        "closed",
        {
          title: before.title,
          report: before.report,
          period: before.period,
          run_url: input.runLink ?? null,
          resolution: `No longer found as of ${input.asOf}.${resolved ? ` ${resolved}` : ""}`
        },
        { ...before, state: "closed", changes: before.changes + 1 }
      );
    }
    return results;
  }
  payload(task, input) {
    return {
      title: task.title,
      body: task.finding.title,
      owner: task.owner,
      owner_name: task.ownerName,
      due_date: task.due,
      priority: task.priority,
      entity: task.entity,
      persona: task.persona,
      report: task.report,
      period: task.period,
      figures: task.finding.figures,
      run_url: input.runLink ?? null
    };
  }
  /** POSTs with retries on 5xx, 429 and network faults; a 4xx is reported at once. */
  async post(body, idempotencySeed) {
    const attempts = this.settings.attempts ?? 3;
    const headers = {
      "content-type": "application/json",
      "idempotency-key": createHash("sha256").update(idempotencySeed).digest("hex").slice(0, 32),
      ...this.settings.token ? { authorization: `Bearer ${this.settings.token}` } : {}
    };
    for (let attempt = 1; ; attempt += 1) {
      let retryable;
      let reason;
      let waitMs = (this.settings.retryDelayMs ?? 1e3) * 2 ** (attempt - 1);
      try {
        const response = await fetch(this.settings.url, {
          method: "POST",
          headers,
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(this.settings.timeoutMs ?? 15e3)
        });
        if (response.ok) return;
        const text = (await response.text()).slice(0, 200);
        reason = `the dashboard answered ${response.status} ${response.statusText}${text ? `: ${text}` : ""}`;
        retryable = response.status >= 500 || response.status === 429;
        const retryAfter = Number(response.headers.get("retry-after"));
        if (retryAfter > 0) waitMs = retryAfter * 1e3;
      } catch (error) {
        reason = `the dashboard could not be reached: ${error.message}`;
        retryable = true;
      }
      if (!retryable || attempt >= attempts) throw new Error(reason);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
  async load() {
    try {
      return JSON.parse(await readFile(this.settings.stateFile, "utf8"));
    } catch (error) {
      if (error.code === "ENOENT") return {};
      throw error;
    }
  }
  /** Written whole to a temporary file and renamed, so a crash never leaves half a file. */
  async save(known) {
    await mkdir(path.dirname(this.settings.stateFile), { recursive: true });
    const temporary = `${this.settings.stateFile}.tmp`;
    await writeFile(temporary, JSON.stringify(known, null, 2));
    await rename(temporary, this.settings.stateFile);
  }
};
export {
  WebhookTaskSink
};

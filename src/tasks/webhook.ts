// The webhook sink, for a dashboard of the user's own: one POST per task change. The dashboard's
// state is not ours to read, so the sink remembers what it last told it in a small JSON file
// beside the delivery ledger, and sends only what changed since.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Figure } from '../analysis/types.js';
import type { Logger } from '../logger.js';
import type { TaskSummary } from '../summary/model.js';
import type { DesiredTask } from './model.js';
import { isResolved, resolvedBy, type TaskSink, type TaskSyncInput } from './sink.js';

interface Remembered {
  readonly title: string;
  readonly report: string;
  readonly content: string;
  readonly state: 'open' | 'closed';
  readonly entity: string | null;
  readonly figures: Readonly<Record<string, Figure>>;
  /** The reporting period of the last change told. */
  readonly period: string;
  /** How many changes the dashboard was told of: part of each change's idempotency key. */
  readonly changes: number;
}

export interface WebhookSinkSettings {
  readonly url: string;
  readonly token?: string;
  /** Where the sink remembers what the dashboard was told. */
  readonly stateFile: string;
  readonly log: Logger;
  readonly attempts?: number;
  readonly retryDelayMs?: number;
  readonly timeoutMs?: number;
}

export class WebhookTaskSink implements TaskSink {
  readonly name = 'webhook';

  constructor(private readonly settings: WebhookSinkSettings) {}

  async sync(input: TaskSyncInput): Promise<TaskSummary[]> {
    const known = await this.load();
    const results: TaskSummary[] = [];
    const send = async (
      fingerprint: string,
      state: 'opened' | 'updated' | 'closed',
      payload: Record<string, unknown>,
      remember: Remembered,
    ) => {
      try {
        await this.post(
          { fingerprint, state, ...payload },
          // One key per change: a retry repeats it, a later reopen or update gets its own.
          `${fingerprint}|${remember.changes}|${state}|${remember.content}`,
        );
        known[fingerprint] = remember;
        await this.save(known);
        results.push({ fingerprint, title: remember.title, state, url: null });
      } catch (error) {
        const reason = (error as Error).message;
        this.settings.log.error(`task "${remember.title}": ${reason}`);
        results.push({
          fingerprint,
          title: remember.title,
          state: 'failed',
          url: null,
          error: reason,
        });
      }
    };

    for (const task of input.desired) {
      const before = known[task.fingerprint];
      const remember: Remembered = {
        title: task.title,
        report: task.report,
        content: task.content,
        state: 'open',
        entity: task.entity,
        figures: task.finding.figures,
        period: task.period,
        changes: (before?.changes ?? 0) + 1,
      };
      if (before?.state === 'open' && before.content === task.content) {
        results.push({
          fingerprint: task.fingerprint,
          title: task.title,
          state: 'unchanged',
          url: null,
        });
        continue;
      }
      await send(
        task.fingerprint,
        before?.state === 'open' ? 'updated' : 'opened',
        this.payload(task, input),
        remember,
      );
    }
    const wanted = new Set(input.desired.map((t) => t.fingerprint));
    for (const [fingerprint, before] of Object.entries(known)) {
      if (
        wanted.has(fingerprint) ||
        before.state !== 'open' ||
        !isResolved(input, fingerprint, before.report)
      )
        continue;
      const resolved = resolvedBy(before.figures, input.currentFigures(before.entity));
      await send(
        fingerprint,
        'closed',
        {
          title: before.title,
          report: before.report,
          period: before.period,
          run_url: input.runLink ?? null,
          resolution: `No longer found as of ${input.asOf}.${resolved ? ` ${resolved}` : ''}`,
        },
        { ...before, state: 'closed', changes: before.changes + 1 },
      );
    }
    return results;
  }

  private payload(task: DesiredTask, input: TaskSyncInput): Record<string, unknown> {
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
      run_url: input.runLink ?? null,
    };
  }

  /** POSTs with retries on 5xx, 429 and network faults; a 4xx is reported at once. */
  private async post(body: Record<string, unknown>, idempotencySeed: string): Promise<void> {
    const attempts = this.settings.attempts ?? 3;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'idempotency-key': createHash('sha256').update(idempotencySeed).digest('hex').slice(0, 32),
      ...(this.settings.token ? { authorization: `Bearer ${this.settings.token}` } : {}),
    };
    for (let attempt = 1; ; attempt += 1) {
      let retryable: boolean;
      let reason: string;
      let waitMs = (this.settings.retryDelayMs ?? 1000) * 2 ** (attempt - 1);
      try {
        const response = await fetch(this.settings.url, {
          method: 'POST',
          headers,
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(this.settings.timeoutMs ?? 15_000),
        });
        if (response.ok) return;
        const text = (await response.text()).slice(0, 200);
        reason = `the dashboard answered ${response.status} ${response.statusText}${text ? `: ${text}` : ''}`;
        retryable = response.status >= 500 || response.status === 429;
        const retryAfter = Number(response.headers.get('retry-after'));
        if (retryAfter > 0) waitMs = retryAfter * 1000;
      } catch (error) {
        reason = `the dashboard could not be reached: ${(error as Error).message}`;
        retryable = true;
      }
      if (!retryable || attempt >= attempts) throw new Error(reason);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }

  private async load(): Promise<Record<string, Remembered>> {
    try {
      return JSON.parse(await readFile(this.settings.stateFile, 'utf8')) as Record<
        string,
        Remembered
      >;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
  }

  /** Written whole to a temporary file and renamed, so a crash never leaves half a file. */
  private async save(known: Record<string, Remembered>): Promise<void> {
    await mkdir(path.dirname(this.settings.stateFile), { recursive: true });
    const temporary = `${this.settings.stateFile}.tmp`;
    await writeFile(temporary, JSON.stringify(known, null, 2));
    await rename(temporary, this.settings.stateFile);
  }
}

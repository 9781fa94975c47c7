// The webhook sink against a local receiver standing in for the user's dashboard.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/analysis/types.js';
import { memoryLogger } from '../../src/logger.js';
import { desiredTasks, type TaskSource } from '../../src/tasks/model.js';
import { WebhookTaskSink } from '../../src/tasks/webhook.js';
import { tempDir } from '../helpers.js';

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

let server: Server | undefined;
afterEach(
  () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
);

/** Answers each POST with the next status in `statuses` (then 200), and records it. */
async function receiver(statuses: number[] = []) {
  const received: Received[] = [];
  server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(text) as Record<string, unknown> });
      const status = statuses.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(status === 401 ? { error: 'bad token' } : { ok: status < 300 }));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/tasks`, received };
}

const finding = (entity: string, runway: number): Finding => ({
  id: `finance.runway-below-minimum:${entity}`,
  rule: 'finance.runway-below-minimum',
  severity: 'critical',
  title: `${entity} runway ${runway}`,
  entity,
  section: 'financial_rules',
  figures: { runway_months: runway },
});
const source = (findings: Finding[]): TaskSource => ({
  report: 'cfo',
  persona: 'cfo',
  period: '2026-W48',
  findings,
  actions: findings.map((f) => ({
    title: `Fix ${f.entity}`,
    owner: 'cfo',
    due: '2026-12-01',
    priority: 'high',
    finding: f.id,
    entity: f.entity,
    section: 'financial_rules',
  })),
});
const directory = {
  entityName: (id: string | null) => id ?? 'Portfolio',
  owner: () => ({ name: 'Priya (CFO)' }),
};

async function sync(
  url: string,
  stateFile: string,
  findings: Finding[],
  current: Record<string, unknown> = {},
) {
  const log = memoryLogger();
  const sink = new WebhookTaskSink({
    url,
    token: 'dash-token-example',
    stateFile,
    log,
    retryDelayMs: 10,
  });
  const tasks = await sink.sync({
    desired: desiredTasks([source(findings)], directory),
    scope: new Set(['cfo']),
    asOf: '2026-11-24',
    runLink: 'https://github.example.com/run/1',
    currentFigures: () => current as never,
  });
  return { tasks, log };
}

describe('the webhook task sink', () => {
  it('posts one change per task with the bearer token and an idempotency key', async () => {
    const dashboard = await receiver();
    const { tasks } = await sync(dashboard.url, path.join(tempDir(), 'tasks.json'), [
      finding('quickdumpnow', 2.8),
      finding('jada', 4),
    ]);
    expect(tasks.map((t) => t.state)).toEqual(['opened', 'opened']);
    expect(dashboard.received).toHaveLength(2);
    const [first] = dashboard.received;
    expect(first!.headers.authorization).toBe('Bearer dash-token-example');
    expect(first!.headers['idempotency-key']).toMatch(/^[0-9a-f]{32}$/);
    expect(first!.body).toMatchObject({
      fingerprint: 'cfo/finance.runway-below-minimum:quickdumpnow',
      state: 'opened',
      title: 'Fix quickdumpnow',
      owner: 'cfo',
      due_date: '2026-12-01',
      priority: 'high',
      entity: 'quickdumpnow',
      persona: 'cfo',
      report: 'cfo',
      period: '2026-W48',
      run_url: 'https://github.example.com/run/1',
    });
  });

  it('sends nothing when nothing changed, an update when a figure did, and a close when a finding is gone', async () => {
    const dashboard = await receiver();
    const state = path.join(tempDir(), 'tasks.json');
    await sync(dashboard.url, state, [finding('quickdumpnow', 2.8), finding('jada', 4)]);
    expect(
      (
        await sync(dashboard.url, state, [finding('quickdumpnow', 2.8), finding('jada', 4)])
      ).tasks.map((t) => t.state),
    ).toEqual(['unchanged', 'unchanged']);
    expect(dashboard.received).toHaveLength(2);

    const changed = await sync(dashboard.url, state, [finding('quickdumpnow', 2.1)], {
      runway_months: 9,
    });
    expect(changed.tasks.map((t) => t.state)).toEqual(['updated', 'closed']);
    expect(dashboard.received.slice(2).map((r) => [r.body.fingerprint, r.body.state])).toEqual([
      ['cfo/finance.runway-below-minimum:quickdumpnow', 'updated'],
      ['cfo/finance.runway-below-minimum:jada', 'closed'],
    ]);
    expect(dashboard.received[3]!.body.resolution).toBe(
      'No longer found as of 2026-11-24. runway_months was 4, now 9.',
    );
  });

  it('gives a task closed and reopened in one period a new idempotency key for each change', async () => {
    const dashboard = await receiver();
    const state = path.join(tempDir(), 'tasks.json');
    await sync(dashboard.url, state, [finding('quickdumpnow', 2.8)]);
    await sync(dashboard.url, state, []);
    await sync(dashboard.url, state, [finding('quickdumpnow', 2.8)]);
    expect(dashboard.received.map((r) => r.body.state)).toEqual(['opened', 'closed', 'opened']);
    const keys = dashboard.received.map((r) => r.headers['idempotency-key']);
    // A dashboard that drops repeated keys must not drop the reopen.
    expect(new Set(keys).size).toBe(3);
  });

  it('retries a 500 once and records the task once', async () => {
    const dashboard = await receiver([500]);
    const state = path.join(tempDir(), 'tasks.json');
    const { tasks } = await sync(dashboard.url, state, [finding('quickdumpnow', 2.8)]);
    expect(tasks.map((t) => t.state)).toEqual(['opened']);
    expect(dashboard.received).toHaveLength(2);
    // The retry is the same change: the same idempotency key.
    expect(dashboard.received[1]!.headers['idempotency-key']).toBe(
      dashboard.received[0]!.headers['idempotency-key'],
    );
    expect((await sync(dashboard.url, state, [finding('quickdumpnow', 2.8)])).tasks[0]!.state).toBe(
      'unchanged',
    );
  });

  it('reports a 401 at once, without retrying, and remembers nothing', async () => {
    const dashboard = await receiver([401]);
    const state = path.join(tempDir(), 'tasks.json');
    const { tasks, log } = await sync(dashboard.url, state, [finding('quickdumpnow', 2.8)]);
    expect(tasks[0]).toMatchObject({
      state: 'failed',
      error: 'the dashboard answered 401 Unauthorized: {"error":"bad token"}',
    });
    expect(dashboard.received).toHaveLength(1);
    expect(log.lines.join('\n')).toContain('the dashboard answered 401');
    // Not remembered: the next run tries to open it again.
    expect((await sync(dashboard.url, state, [finding('quickdumpnow', 2.8)])).tasks[0]!.state).toBe(
      'opened',
    );
  });
});

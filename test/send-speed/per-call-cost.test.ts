// The cut of every SES call in flight shares one timer (src/delivery/deadlines.ts): a call that
// stalls is still cut at its own deadline, a call that ended is never cut, and many calls in
// flight set one timer, not one each. Then the same through SesTransport: one stalled call among
// quick ones on the same client is cut at the timeout while the others are answered. Last, the
// ledger (src/delivery/ledger.ts), kept open while records keep coming and closed when idle:
// each line is on disk when its record resolves, whichever of the two it went through.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallDeadlines } from '../../src/delivery/deadlines.js';
import { DeliveryLedger, type LedgerRecord } from '../../src/delivery/ledger.js';
import type { OutgoingMessage } from '../../src/delivery/plan.js';
import { SesTransport } from '../../src/delivery/ses.js';
import { DeliveryError } from '../../src/delivery/transport.js';
import { tempDir } from '../helpers.js';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** When `signal` aborted, in ms after `since` (undefined: not within `withinMs`). */
function abortedAt(
  signal: AbortSignal,
  since: number,
  withinMs: number,
): Promise<number | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), withinMs);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve(performance.now() - since);
    });
  });
}

describe('CallDeadlines', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('cuts a call that never ends at its deadline, with the reason AbortSignal.timeout gives', async () => {
    const deadlines = new CallDeadlines(200);
    const started = performance.now();
    const cut = deadlines.start();
    const at = await abortedAt(cut.signal, started, 2_000);
    expect(at).toBeGreaterThanOrEqual(195);
    expect(at).toBeLessThan(600);
    expect((cut.signal.reason as DOMException).name).toBe('TimeoutError');
  });

  it('cuts the second of two calls at its own deadline, not the first one’s, and never a call that ended', async () => {
    const deadlines = new CallDeadlines(300);
    const firstStarted = performance.now();
    const first = deadlines.start();
    await wait(150);
    const secondStarted = performance.now();
    const second = deadlines.start();
    const third = deadlines.start();
    first.done();
    third.done();
    const [secondAt, firstAt] = await Promise.all([
      abortedAt(second.signal, secondStarted, 2_000),
      abortedAt(first.signal, firstStarted, 800),
    ]);
    expect(firstAt).toBeUndefined();
    expect(third.signal.aborted).toBe(false);
    expect(secondAt).toBeGreaterThanOrEqual(295);
    expect(secondAt).toBeLessThan(700);
    expect(deadlines.running).toBe(0);
  });

  it('sets one timer for 1,000 calls started together, however many end', async () => {
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    const deadlines = new CallDeadlines(15_000);
    const cuts = Array.from({ length: 1_000 }, () => deadlines.start());
    expect(setTimeoutSpy).toHaveBeenCalledTimes(1);
    for (const cut of cuts.slice(0, 990)) cut.done();
    expect(deadlines.running).toBe(10);
    expect(cuts.some((cut) => cut.signal.aborted)).toBe(false);
    for (const cut of cuts) cut.done();
  });
});

describe('SesTransport: one stalled call among quick ones on the same client', () => {
  const TIMEOUT_MS = 500;
  let server: http.Server | undefined;

  afterEach(() => {
    server?.closeAllConnections();
    server?.close();
    server = undefined;
  });

  it('is cut at the timeout while the other 20 are answered', async () => {
    server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        response.writeHead(200, { 'content-type': 'application/json' });
        // reader7's answer stalls after its headers; the others are answered at once.
        if (body.includes('reader7@example.com')) response.flushHeaders();
        else response.end(JSON.stringify({ MessageId: `id-${/reader(\d+)@/.exec(body)![1]}` }));
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    process.env['AWS_ACCESS_KEY_ID'] ??= 'AKIDEXAMPLE';
    process.env['AWS_SECRET_ACCESS_KEY'] ??= 'example-secret';
    const transport = new SesTransport({
      region: 'us-east-1',
      endpoint: url,
      timeoutMs: TIMEOUT_MS,
    });
    const message = (i: number) =>
      ({
        key: `cfo/2026-W48/${i}`,
        report: 'cfo',
        persona: 'cfo',
        period: '2026-W48',
        part: 1,
        from: 'reports@example.com',
        recipients: { to: [`reader${i}@example.com`], cc: [], bcc: [] },
        recipientsHash: 'h',
        subject: 'CFO weekly',
        body: { text: 'Burn and runway' },
      }) as unknown as OutgoingMessage;
    const started = performance.now();
    const outcomes = await Promise.all(
      Array.from({ length: 21 }, (_, i) =>
        transport.send(message(i)).then(
          (id) => ({ id, ms: performance.now() - started }),
          (error: unknown) => ({ error, ms: performance.now() - started }),
        ),
      ),
    );
    const stalled = outcomes[7]! as { error: unknown; ms: number };
    expect(stalled.error).toBeInstanceOf(DeliveryError);
    expect((stalled.error as DeliveryError).kind).toBe('transient');
    expect(stalled.ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(stalled.ms).toBeLessThan(TIMEOUT_MS * 10);
    const answered = outcomes.filter((_, i) => i !== 7) as { id: string }[];
    expect(answered.map((o) => o.id)).toEqual(
      Array.from({ length: 21 }, (_, i) => `id-${i}`).filter((id) => id !== 'id-7'),
    );
    // The client is still good after a cut: the next call is answered.
    expect(await transport.send(message(30))).toBe('id-30');
  });
});

describe('the ledger kept open between batches', () => {
  const record = (i: number): LedgerRecord => ({
    report: `report-${i}`,
    period: '2026-W48',
    key: `report-${i}:cfo`,
    recipients: [`reader${i}@example.com`],
    recipients_hash: `hash-${i}`,
    message_id: `id-${i}`,
    at: '2026-11-24T09:00:00.000Z',
  });
  const ids = (file: string) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as LedgerRecord).message_id);

  it('has each line on disk when it resolves, in bursts 20 ms apart and after it closed', async () => {
    const file = path.join(tempDir(), 'state', 'ledger.jsonl');
    const ledger = await DeliveryLedger.open(file);
    const onDisk: boolean[] = [];
    const burst = (from: number) =>
      Promise.all(
        Array.from({ length: 10 }, (_, k) =>
          ledger
            .record(record(from + k))
            .then(() => onDisk.push(ids(file).includes(`id-${from + k}`))),
        ),
      );
    await burst(0);
    await wait(20);
    await burst(10);
    // Past the idle close: the next burst opens the file again and appends after the others.
    await wait(1_300);
    await burst(20);
    expect(onDisk).toEqual(Array(30).fill(true));
    expect(ids(file)).toEqual(Array.from({ length: 30 }, (_, i) => `id-${i}`));
  });

  it('a file removed while closed is written afresh, and a cut-short last line is ended first', async () => {
    const file = path.join(tempDir(), 'state', 'ledger.jsonl');
    const ledger = await DeliveryLedger.open(file);
    await ledger.record(record(1));
    await wait(1_300);
    rmSync(file);
    await ledger.record(record(2));
    expect(ids(file)).toEqual(['id-2']);
    // A second instance of a file changed between runs: a torn last line from a crash.
    writeFileSync(file, `${readFileSync(file, 'utf8')}{"report":"cut-sh`);
    const reopened = await DeliveryLedger.open(file);
    await reopened.record(record(3));
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines.at(-2)).toBe(JSON.stringify(record(3)));
    expect(lines.at(-3)).toBe('{"report":"cut-sh');
  });

  it('its folder deleted while the file is open: the next records go to a new file, none lost', async () => {
    const folder = path.join(tempDir(), '.boardroom');
    const file = path.join(folder, 'ledger.jsonl');
    const ledger = await DeliveryLedger.open(file);
    await ledger.record(record(1));
    rmSync(folder, { recursive: true });
    await ledger.record(record(2));
    await ledger.record(record(3));
    expect(ids(file)).toEqual(['id-2', 'id-3']);
  });

  it('the file replaced while open (a cache restored over it): records go to the new one, after its torn line', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ledger.jsonl');
    const ledger = await DeliveryLedger.open(file);
    await ledger.record(record(1));
    const restored = path.join(dir, 'restored.jsonl');
    writeFileSync(restored, `${JSON.stringify(record(7))}\n{"report":"cut-sh`);
    renameSync(restored, file);
    await ledger.record(record(2));
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines).toEqual([
      JSON.stringify(record(7)),
      '{"report":"cut-sh',
      JSON.stringify(record(2)),
      '',
    ]);
  });
});

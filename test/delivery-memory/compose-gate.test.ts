// How much of a send is held at once (issue 13): a few messages composed at a time
// (src/delivery/compose-gate.ts), each let go once its request has been written out
// (released-body.ts), and the young generation collected as the request buffers die (sweep.ts).
// Before, with the sender's CPU the bottleneck, up to 256 composed messages waited at once.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type * as FsPromises from 'node:fs/promises';
import { Writable, type Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COMPOSING_AT_ONCE, ComposeGate } from '../../src/delivery/compose-gate.js';
import { buildSendPlan, type OutgoingMessage } from '../../src/delivery/plan.js';
import { releasedOnceWritten } from '../../src/delivery/released-body.js';
import { SesTransport } from '../../src/delivery/ses.js';
import { SWEEP_BYTES, YoungSweeper } from '../../src/delivery/sweep.js';
import { startSesStub, type SesStub } from '../ses-stub.js';

/** The HTML files being read now, and the most read at once (each read takes 30 ms). */
const reads = vi.hoisted(() => ({ now: 0, most: 0 }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  const readFile = (async (...args: Parameters<typeof actual.readFile>) => {
    if (!String(args[0]).endsWith('.html')) return actual.readFile(...args);
    reads.now += 1;
    reads.most = Math.max(reads.most, reads.now);
    try {
      await new Promise((resolve) => setTimeout(resolve, 30));
      return await actual.readFile(...args);
    } finally {
      reads.now -= 1;
    }
  }) as typeof actual.readFile;
  return { ...actual, readFile, default: { ...actual, readFile } };
});

describe('ComposeGate', () => {
  it('lets `size` callers in at once and the others in the order they came', async () => {
    const gate = new ComposeGate(3);
    const order: number[] = [];
    const leaves: (() => void)[] = [];
    const entering = Array.from({ length: 7 }, (_, i) =>
      gate.enter().then((leave) => {
        order.push(i);
        leaves.push(leave);
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toEqual([0, 1, 2]);
    expect(gate.queued).toBe(4);
    leaves[0]!();
    leaves[0]!(); // twice: one place given, not two
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toEqual([0, 1, 2, 3]);
    for (let i = 1; i < 7; i += 1) {
      leaves[i]!();
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await Promise.all(entering);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(gate.queued).toBe(0);
  });
});

describe('releasedOnceWritten tells when its bytes are out', () => {
  it('once the destination it is piped into has written them all, not when they are read', async () => {
    const body = new Uint8Array(new ArrayBuffer(200_000), 0, 150_000).fill(0x41);
    let handed = 0;
    const stream = releasedOnceWritten(body, () => (handed += 1)) as Readable;
    let written = 0;
    let release: (() => void) | undefined;
    const slow = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        written += chunk.length;
        // The system takes the bytes later: the write's callback waits.
        release = () => callback();
      },
    });
    stream.pipe(slow);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(written).toBe(150_000);
    expect(handed).toBe(0);
    release!();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(handed).toBe(1);
  });

  it('at once for a body it leaves as it is', () => {
    let handed = 0;
    releasedOnceWritten(Buffer.from('{"small":true}'), () => (handed += 1));
    expect(handed).toBe(1);
  });
});

describe('YoungSweeper', () => {
  it('collects the young generation once every `every` bytes let go', () => {
    const calls: unknown[] = [];
    const sweeper = new YoungSweeper(1000, (options) => calls.push(options));
    for (let i = 0; i < 9; i += 1) sweeper.letGo(300);
    expect(calls).toEqual([{ type: 'minor' }, { type: 'minor' }]);
    expect(sweeper.sweeps).toBe(2);
  });
});

/** `count` messages whose HTML (a file, as a run sends) is `html`. */
function messagesOf(dir: string, count: number, html: string): OutgoingMessage[] {
  const text = path.join(dir, 'report.txt');
  writeFileSync(text, 'The report as text.');
  return buildSendPlan(
    Array.from({ length: count }, (_, i) => {
      const htmlFile = path.join(dir, `report-${i}.html`);
      writeFileSync(htmlFile, html);
      return {
        id: `r${i}`,
        persona: 'cfo',
        period: '2026-W48',
        subject: `Report ${i}`,
        format: 'html' as const,
        files: { text, html: htmlFile },
        recipients: { to: [`reader${i}@example.com`], cc: [], bcc: [] },
      };
    }),
    { from: 'reports@example.com', defaultBcc: [] },
  );
}

describe('SesTransport', () => {
  let stub: SesStub;
  let dir: string;
  beforeEach(() => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIAEXAMPLELOCALTEST';
    process.env.AWS_SECRET_ACCESS_KEY = 'local-test-secret-not-real';
    dir = mkdtempSync(path.join(tmpdir(), 'compose-gate-'));
    reads.most = 0;
  });
  afterEach(async () => {
    await stub.close();
  });

  it(`composes at most ${COMPOSING_AT_ONCE} messages at once, however many calls are in flight`, async () => {
    stub = await startSesStub({ latencyMs: 50 });
    const ses = new SesTransport({ region: 'us-west-2', endpoint: stub.url });
    const plan = messagesOf(dir, 3 * COMPOSING_AT_ONCE, `<p>${'x'.repeat(100_000)}</p>`);
    const ids = await Promise.all(plan.map((message) => ses.send(message)));
    expect(ids.every((id) => id.startsWith('stub-'))).toBe(true);
    expect(stub.accepted).toHaveLength(plan.length);
    // Every call started at once; their HTML files were read a gate's worth at a time.
    expect(reads.most).toBe(COMPOSING_AT_ONCE);
  });

  it('collects the young generation as the request buffers it wrote die', async () => {
    stub = await startSesStub({ latencyMs: 5 });
    const ses = new SesTransport({ region: 'us-west-2', endpoint: stub.url });
    // 24 requests of about 1.5 MB of JSON each (each in a buffer of 8 MB: the serializer's room
    // for 1.5 MB of HTML, larger than the request buffers the transport reuses, which are not
    // garbage: request-buffers.ts), one after the other.
    const plan = messagesOf(dir, 24, `<p>${'x'.repeat(1_500_000)}</p>`);
    for (const message of plan) await ses.send(message);
    expect(ses.buffers.reused).toBe(0);
    expect(ses.sweeper.sweeps).toBeGreaterThanOrEqual(Math.floor((24 * 1_500_000) / SWEEP_BYTES));
  });
});

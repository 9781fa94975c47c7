// What a call in flight holds (issue 13): a message is composed only when one of a few permits
// is free (src/delivery/compose-gate.ts), and once its request leaves, neither the request's body
// (the SDK's JSON, the charts in base64) nor the command's parts are held until the answer. Before,
// a send of the bench portfolio held 160-240 MB of ArrayBuffers in 188-256 calls in flight.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ComposeGate,
  RELEASED_BODY_BYTES,
  releasedOnceWritten,
} from '../../src/delivery/compose-gate.js';
import { buildSendPlan, type OutgoingMessage } from '../../src/delivery/plan.js';
import { COMPOSING_AT_ONCE, SesTransport } from '../../src/delivery/ses.js';
import { startSesStub, type SesStub } from '../ses-stub.js';
import { startSesStubProcess } from '../ses-stub-process.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('ComposeGate', () => {
  it('lets `permits` through at once, the others in the order they asked', async () => {
    const gate = new ComposeGate(2);
    const order: number[] = [];
    const releases = await Promise.all([gate.acquire(), gate.acquire()]);
    expect(gate.composing).toBe(2);
    const waiting = [3, 4, 5].map((n) =>
      gate.acquire().then((release) => (order.push(n), release)),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual([]);
    releases[0]!();
    releases[0]!(); // a second release of the same permit does nothing
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual([3]);
    expect(gate.composing).toBe(2);
    releases[1]!();
    (await waiting[0]!)();
    await Promise.all(waiting.slice(1).map(async (w) => (await w)()));
    expect(order).toEqual([3, 4, 5]);
    expect(gate.composing).toBe(0);
  });
});

describe('releasedOnceWritten', () => {
  it("moves a large body's bytes into a stream and leaves every other view of them empty", async () => {
    // As the SDK serialises: a view of the first bytes of a larger, doubled buffer.
    const buffer = new ArrayBuffer(256 * 1024);
    const body = new Uint8Array(buffer, 0, 150_000).fill(0x41);
    const copyHeldElsewhere = new Uint8Array(buffer, 0, 150_000);
    const stream = releasedOnceWritten(body);
    expect(stream).toBeInstanceOf(Readable);
    expect(body.byteLength).toBe(0);
    expect(copyHeldElsewhere.byteLength).toBe(0);
    const chunks: Buffer[] = [];
    for await (const chunk of stream as Readable) chunks.push(chunk as Buffer);
    const written = Buffer.concat(chunks);
    expect(written.length).toBe(150_000);
    expect(written.every((byte) => byte === 0x41)).toBe(true);
  });

  it("leaves a small body (it may sit in Node's shared 8 KB Buffer pool) and a string as they are", () => {
    const small = Buffer.from('{"small":true}');
    expect(releasedOnceWritten(small)).toBe(small);
    expect(small.byteLength).toBe(14);
    const justUnder = new Uint8Array(RELEASED_BODY_BYTES - 1);
    expect(releasedOnceWritten(justUnder)).toBe(justUnder);
    expect(releasedOnceWritten('{"a":1}')).toBe('{"a":1}');
  });
});

describe('SesTransport holds a message only while it is composed', () => {
  let stub: SesStub;
  let dir: string;
  beforeEach(async () => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIAEXAMPLELOCALTEST';
    process.env.AWS_SECRET_ACCESS_KEY = 'local-test-secret-not-real';
    stub = await startSesStub({ latencyMs: 600 });
    dir = mkdtempSync(path.join(tmpdir(), 'delivery-memory-'));
  });
  afterEach(async () => {
    await stub.close();
  });

  /** `count` messages whose HTML (read from a file, as a run sends) is `htmlBytes` long. */
  const messages = (count: number, htmlBytes: number): OutgoingMessage[] => {
    const html = path.join(dir, 'report.html');
    const text = path.join(dir, 'report.txt');
    writeFileSync(html, `<p>${'x'.repeat(htmlBytes - 7)}</p>`);
    writeFileSync(text, 'The report as text.');
    return buildSendPlan(
      Array.from({ length: count }, (_, i) => ({
        id: `r${i}`,
        persona: 'cfo',
        period: '2026-W48',
        subject: `Report ${i}`,
        format: 'html' as const,
        files: { text, html },
        recipients: { to: [`reader${i}@example.com`], cc: [], bcc: [] },
      })),
      { from: 'reports@example.com', defaultBcc: [] },
    );
  };

  it('composes at most COMPOSING_AT_ONCE messages at once, whatever the calls in flight', async () => {
    const ses = new SesTransport({ region: 'us-west-2', endpoint: stub.url });
    const plan = messages(3 * COMPOSING_AT_ONCE, 100_000);
    // A message is being composed from the moment its body is read to its request's dispatch.
    let composing = 0;
    let mostComposing = 0;
    const watched = plan.map((message) => {
      const { body } = message;
      let read = false;
      return Object.defineProperty({ ...message }, 'body', {
        get() {
          if (!read) mostComposing = Math.max(mostComposing, (composing += 1));
          read = true;
          return body;
        },
      }) as OutgoingMessage;
    });
    const dispatched: number[] = [];
    let timed = 0;
    let mostTimed = 0;
    const ids = await Promise.all(
      watched.map((message, i) =>
        ses.send(message, {
          // The delivery loop's latency clock starts here: after the wait for a permit.
          composing: () => {
            mostTimed = Math.max(mostTimed, (timed += 1));
          },
          dispatched: () => {
            composing -= 1;
            timed -= 1;
            dispatched.push(i);
          },
        }),
      ),
    );
    expect(ids.every((id) => id.startsWith('stub-'))).toBe(true);
    expect(dispatched).toHaveLength(plan.length);
    expect(mostComposing).toBeGreaterThanOrEqual(2);
    expect(mostComposing).toBeLessThanOrEqual(COMPOSING_AT_ONCE);
    // The calls waiting for a permit are not timed yet: at most COMPOSING_AT_ONCE are.
    expect(mostTimed).toBeLessThanOrEqual(COMPOSING_AT_ONCE);
    // Each message arrived whole: the body written from the stream, as signed.
    expect(stub.accepted).toHaveLength(plan.length);
    expect(stub.accepted.every((m) => m.html?.length === 100_000)).toBe(true);
  });

  it('holds no request body while the calls wait for their answers: in-flight bytes bounded', async () => {
    // 40 calls of 1 MB HTML each, all waiting 1.5 s for SES (in its own process: the stub holds
    // what it receives): before, each held its request's JSON (a buffer the SDK doubles as it
    // serialises, 2 MB here) until the answer, and the command its parts.
    const remote = await startSesStubProcess({ latencyMs: 1500 });
    try {
      const ses = new SesTransport({ region: 'us-west-2', endpoint: remote.url });
      const plan = messages(40, 1_000_000);
      gc();
      const before = process.memoryUsage().arrayBuffers;
      let dispatched = 0;
      let allDispatched!: () => void;
      const whenDispatched = new Promise<void>((resolve) => (allDispatched = resolve));
      const sending = Promise.all(
        plan.map((message) =>
          ses.send(message, {
            composing: () => undefined,
            dispatched: () => {
              if ((dispatched += 1) === plan.length) allDispatched();
            },
          }),
        ),
      );
      await whenDispatched;
      // Every request has left; let the sockets take the bytes, then count what is still held.
      await new Promise((resolve) => setTimeout(resolve, 300));
      gc();
      const held = process.memoryUsage().arrayBuffers - before;
      const ids = await sending;
      expect(ids).toHaveLength(40);
      expect((await remote.calls()).sendEmail).toBe(40);
      // 40 MB of HTML went out; what the calls still hold is far less than one message each
      // (before: about 80 MB).
      expect(held).toBeLessThan(10_000_000);
    } finally {
      await remote.close();
    }
  }, 30_000);
});

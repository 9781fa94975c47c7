// What a call in flight holds once its request has left (issue 13): neither the request's body
// (the SDK's JSON, the charts in base64) nor the command's parts are held until SES answers
// (src/delivery/released-body.ts, the middleware in src/delivery/ses.ts). Before, a send of the
// bench portfolio held 160-240 MB of ArrayBuffers in its calls in flight.
import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSendPlan, type OutgoingMessage } from '../../src/delivery/plan.js';
import { RELEASED_BODY_BYTES, releasedOnceWritten } from '../../src/delivery/released-body.js';
import { SesTransport } from '../../src/delivery/ses.js';
import { DeliveryError } from '../../src/delivery/transport.js';
import { startSesStub, type SesStub } from '../ses-stub.js';
import { startSesStubProcess } from '../ses-stub-process.js';
import { Sha256 } from '../sha256.js';
import { gc, heldAfterSettling } from './held-bytes.js';

const ACCESS_KEY = 'AKIAEXAMPLELOCALTEST';
const SECRET_KEY = 'local-test-secret-not-real';

describe('releasedOnceWritten', () => {
  it("moves a large body's bytes into a stream and leaves every other view of them empty", async () => {
    // As the SDK serialises: a view of the first bytes of a larger, doubled buffer.
    const buffer = new ArrayBuffer(256 * 1024);
    const body = new Uint8Array(buffer, 0, 150_000).fill(0x41);
    body[149_999] = 0x42;
    const copyHeldElsewhere = new Uint8Array(buffer, 0, 150_000);
    const stream = releasedOnceWritten(body);
    expect(stream).toBeInstanceOf(Readable);
    expect(body.byteLength).toBe(0);
    expect(copyHeldElsewhere.byteLength).toBe(0);
    expect(buffer.byteLength).toBe(0);
    const chunks: Buffer[] = [];
    for await (const chunk of stream as Readable) chunks.push(chunk as Buffer);
    const written = Buffer.concat(chunks);
    expect(written.length).toBe(150_000);
    expect(written.subarray(0, 149_999).every((byte) => byte === 0x41)).toBe(true);
    expect(written[149_999]).toBe(0x42);
  });

  it('keeps the offset of a body that fills most of its buffer (no copy: the buffer moves)', async () => {
    const buffer = new ArrayBuffer(100_000);
    const whole = new Uint8Array(buffer);
    for (let i = 0; i < whole.length; i += 1) whole[i] = i % 251;
    const body = new Uint8Array(buffer, 10, 90_000);
    const stream = releasedOnceWritten(body) as Readable;
    expect(buffer.byteLength).toBe(0);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const written = Buffer.concat(chunks);
    expect(written.length).toBe(90_000);
    expect(written[0]).toBe(10);
    expect(written[89_999]).toBe((10 + 89_999) % 251);
  });

  it("leaves a small body (it may sit in Node's shared 8 KB Buffer pool) and a string as they are", () => {
    const small = Buffer.from('{"small":true}');
    expect(releasedOnceWritten(small)).toBe(small);
    expect(small.byteLength).toBe(14);
    const justUnder = new Uint8Array(RELEASED_BODY_BYTES - 1);
    expect(releasedOnceWritten(justUnder)).toBe(justUnder);
    expect(justUnder.byteLength).toBe(RELEASED_BODY_BYTES - 1);
    const large = '{"a":"' + 'x'.repeat(RELEASED_BODY_BYTES) + '"}';
    expect(releasedOnceWritten(large)).toBe(large);
    expect(releasedOnceWritten(undefined)).toBeUndefined();
  });
});

/** `count` messages whose HTML (read from a file, as a run sends) is `htmlBytes` long. */
function messagesOf(dir: string, count: number, html: string): OutgoingMessage[] {
  const htmlFile = path.join(dir, 'report.html');
  const text = path.join(dir, 'report.txt');
  writeFileSync(htmlFile, html);
  writeFileSync(text, 'The report as text.');
  return buildSendPlan(
    Array.from({ length: count }, (_, i) => ({
      id: `r${i}`,
      persona: 'cfo',
      period: '2026-W48',
      subject: `Report ${i}`,
      format: 'html' as const,
      files: { text, html: htmlFile },
      recipients: { to: [`reader${i}@example.com`], cc: [], bcc: [] },
    })),
    { from: 'reports@example.com', defaultBcc: [] },
  );
}

describe('SesTransport lets go of a request once it has left', () => {
  let dir: string;
  beforeEach(() => {
    process.env.AWS_ACCESS_KEY_ID = ACCESS_KEY;
    process.env.AWS_SECRET_ACCESS_KEY = SECRET_KEY;
    dir = mkdtempSync(path.join(tmpdir(), 'delivery-memory-'));
  });

  it('holds no request body while the calls wait for their answers: in-flight bytes bounded', async () => {
    // 24 calls of 1 MB HTML each, all waiting 12 s for SES (in its own process: the stub holds
    // what it receives). Before, each held its request's JSON (a buffer the SDK doubles as it
    // serialises, 2 MB here) until the answer, and the command its parts: about 50 MB.
    // The answers come 20 s after each call: after the wait below (11 s) and the settling (3 s).
    const remote = await startSesStubProcess({ latencyMs: 20_000 });
    try {
      const ses = new SesTransport({
        region: 'us-west-2',
        endpoint: remote.url,
        timeoutMs: 60_000,
      });
      const plan = messagesOf(dir, 24, `<p>${'x'.repeat(1_000_000 - 7)}</p>`);
      gc();
      const before = process.memoryUsage().arrayBuffers;
      let answered = 0;
      const sending = Promise.all(
        plan.map((message) => ses.send(message).finally(() => (answered += 1))),
      );
      // The stub counts a call once it has read its whole body: then every request has left.
      const until = performance.now() + 11_000; // under the whole suite, 8 calls took 2.5 s
      while ((await remote.calls()).sendEmail < plan.length && performance.now() < until)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect((await remote.calls()).sendEmail).toBe(plan.length);
      const held = await heldAfterSettling(
        () => process.memoryUsage().arrayBuffers,
        before,
        8_000_000,
      );
      // Measured while every call still waits for its answer.
      expect(answered).toBe(0);
      const ids = await sending;
      expect(ids).toHaveLength(24);
      expect(ids.every((id) => id.startsWith('stub-'))).toBe(true);
      // 24 MB of HTML went out; what the calls still hold is far less than one message each.
      expect(held).toBeLessThan(8_000_000);
    } finally {
      await remote.close();
    }
  }, 60_000);

  describe('through the in-process stub', () => {
    let stub: SesStub;
    afterEach(async () => {
      await stub.close();
    });

    it('delivers every byte of a large body (emoji, control characters, a chart) as composed', async () => {
      stub = await startSesStub({ latencyMs: 20 });
      const ses = new SesTransport({ region: 'us-west-2', endpoint: stub.url });
      // 300 KB of HTML with 4-byte UTF-8, a NUL-free set of control characters and quotes.
      const html = `<p>${'Runway 📈 "9 weeks"\t\u0001\u001f é\\ '.repeat(9000)}</p>`;
      const plan = messagesOf(dir, 3, html);
      const ids = await Promise.all(plan.map((message) => ses.send(message)));
      expect(ids.every((id) => id.startsWith('stub-'))).toBe(true);
      expect(stub.accepted).toHaveLength(3);
      for (const accepted of stub.accepted) expect(accepted.html).toBe(html);
      // A second send of the same plan composes afresh: nothing of the first was reused.
      await Promise.all(plan.map((message) => ses.send(message)));
      expect(stub.accepted.slice(3).every((m) => m.html === html)).toBe(true);
    });
  });
});

describe('A released body is signed as sent', () => {
  let server: http.Server | undefined;
  afterEach(() => {
    server?.closeAllConnections();
    server?.close();
    server = undefined;
  });

  it("the signature recomputed over the bytes received is the request's, for 64 KB to 3 MB", async () => {
    const received: { headers: http.IncomingHttpHeaders; body: Buffer; path: string }[] = [];
    server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({
          headers: request.headers,
          body: Buffer.concat(chunks),
          path: request.url!,
        });
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ MessageId: `m-${received.length}` }));
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    process.env.AWS_ACCESS_KEY_ID = ACCESS_KEY;
    process.env.AWS_SECRET_ACCESS_KEY = SECRET_KEY;
    const ses = new SesTransport({ region: 'eu-west-1', endpoint: `http://127.0.0.1:${port}` });
    const dir = mkdtempSync(path.join(tmpdir(), 'delivery-memory-sig-'));
    for (const size of [RELEASED_BODY_BYTES, 700_000, 3_000_000]) {
      const html = `<p>${'ü€'.repeat(Math.ceil(size / 5))}</p>`;
      const [message] = messagesOf(dir, 1, html);
      await ses.send(message!);
      const one = received.at(-1)!;
      expect(Number(one.headers['content-length'])).toBe(one.body.length);
      const parsed = JSON.parse(one.body.toString('utf8')) as {
        Content: { Simple: { Body: { Html: { Data: string } } } };
      };
      expect(parsed.Content.Simple.Body.Html.Data).toBe(html);
      const authorization = String(one.headers.authorization);
      const signedHeaders = (/SignedHeaders=([^,]+)/.exec(authorization)?.[1] ?? '').split(';');
      const headers: Record<string, string> = {};
      for (const name of signedHeaders) headers[name] = String(one.headers[name]);
      const amzDate = String(one.headers['x-amz-date']);
      const signingDate = new Date(
        `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
      );
      const signed = await new SignatureV4({
        credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY },
        region: 'eu-west-1',
        service: 'ses',
        sha256: Sha256 as never,
      }).sign(
        {
          method: 'POST',
          protocol: 'http:',
          hostname: '127.0.0.1',
          port,
          path: one.path,
          query: {},
          headers,
          body: one.body.toString('utf8'),
        },
        { signingDate, signingRegion: 'eu-west-1', signingService: 'ses' },
      );
      expect(/Signature=([0-9a-f]+)/.exec(authorization)?.[1]).toBe(
        /Signature=([0-9a-f]+)/.exec(String(signed.headers['authorization']))?.[1],
      );
    }
    expect(received).toHaveLength(3);
  });

  it('a call cut while its body is written fails transient, and its retry sends the body whole', async () => {
    // The first request's body is read slowly until the cut; the second is answered at once.
    let requests = 0;
    const bodies: Buffer[] = [];
    server = http.createServer((request, response) => {
      requests += 1;
      if (requests === 1) {
        request.pause(); // never read: the client's write stalls until the cut
        return;
      }
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        bodies.push(Buffer.concat(chunks));
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ MessageId: 'm-retried' }));
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    process.env.AWS_ACCESS_KEY_ID = ACCESS_KEY;
    process.env.AWS_SECRET_ACCESS_KEY = SECRET_KEY;
    const ses = new SesTransport({
      region: 'us-west-2',
      endpoint: `http://127.0.0.1:${port}`,
      timeoutMs: 400,
    });
    const dir = mkdtempSync(path.join(tmpdir(), 'delivery-memory-cut-'));
    // Larger than the socket buffers on loopback, so the first write cannot finish unread.
    const html = `<p>${'y'.repeat(8_000_000)}</p>`;
    const [message] = messagesOf(dir, 1, html);
    const failure = await ses.send(message!).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeliveryError);
    expect((failure as DeliveryError).kind).toBe('transient');
    expect(await ses.send(message!)).toBe('m-retried');
    const parsed = JSON.parse(bodies[0]!.toString('utf8')) as {
      Content: { Simple: { Body: { Html: { Data: string } } } };
    };
    expect(parsed.Content.Simple.Body.Html.Data).toBe(html);
  }, 15_000);
});

// The SendEmail request buffers reused once written (src/delivery/request-buffers.ts, issue 13):
// the same bytes as the SDK's own serializer, whatever a reused buffer held before; a buffer goes
// back to the pool only once its request has been written out ('finish'), never when the request
// failed or closed first; and a delivery allocates a few buffers, not one a message.
import { PassThrough, Writable, type Readable } from 'node:stream';
import { SendEmailCommand, SESv2Client, type SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { pooledRestJsonProtocol } from '../../src/delivery/json-body.js';
import { releasedOnceWritten } from '../../src/delivery/released-body.js';
import {
  POOLED_MAX_BYTES,
  POOLED_MIN_BYTES,
  RequestBufferPool,
  pooledSize,
} from '../../src/delivery/request-buffers.js';
import { SesTransport } from '../../src/delivery/ses.js';
import { tempDir } from '../helpers.js';
import { reportFilesPlan } from '../send-plan.js';
import { startBodyRecorder, type BodyRecorder } from '../ses-stub.js';

const credentials = { accessKeyId: 'AKIAEXAMPLELOCALTEST', secretAccessKey: 'local-test-secret' };

describe('RequestBufferPool', () => {
  it('hands out powers of two from 64 KB and reuses what is given back', () => {
    const pool = new RequestBufferPool(2);
    expect(pooledSize(1)).toBe(POOLED_MIN_BYTES);
    expect(pooledSize(POOLED_MIN_BYTES + 1)).toBe(2 * POOLED_MIN_BYTES);
    const a = pool.take(300_000)!;
    expect(a.byteLength).toBe(512 * 1024);
    expect(pool.give(a)).toBe(true);
    expect(pool.take(400_000)).toBe(a);
    expect(pool.take(400_000)).not.toBe(a);
    expect([pool.allocated, pool.reused]).toEqual([2, 1]);
    // Over the largest size: the caller's to allocate.
    expect(pool.take(POOLED_MAX_BYTES + 1)).toBeUndefined();
  });

  it('keeps at most perSize of a size, and nothing odd-sized, detached or given twice', () => {
    const pool = new RequestBufferPool(2);
    const [a, b, c] = [pool.take(70_000)!, pool.take(70_000)!, pool.take(70_000)!];
    expect(pool.give(a)).toBe(true);
    expect(pool.give(a)).toBe(false);
    expect(pool.give(b)).toBe(true);
    expect(pool.give(c)).toBe(false);
    expect(pool.keptBytes).toBe(2 * 128 * 1024);
    expect(pool.give(new ArrayBuffer(100_000))).toBe(false);
    const detached = pool.take(70_000)!;
    structuredClone(detached, { transfer: [detached] });
    expect(pool.give(detached)).toBe(false);
    pool.clear();
    expect(pool.keptBytes).toBe(0);
  });

  it('keeps at most maxKeptBytes in all, and lets go of them once idle', async () => {
    const pool = new RequestBufferPool(16, 1024 * 1024, 50);
    const buffers = [pool.take(300_000)!, pool.take(300_000)!, pool.take(300_000)!];
    expect(pool.give(buffers[0]!)).toBe(true);
    expect(pool.give(buffers[1]!)).toBe(true);
    // 1 MB kept: a third 512 KB buffer takes the place of the one given back longest ago.
    expect(pool.give(buffers[2]!)).toBe(true);
    expect(pool.keptBytes).toBe(1024 * 1024);
    expect(pool.take(300_000)).toBe(buffers[2]);
    expect(pool.take(300_000)).toBe(buffers[1]);
    expect(pool.give(buffers[1]!)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(pool.keptBytes).toBe(0);
    expect(pool.take(300_000)).not.toBe(buffers[0]);
  });
});

/** A SendEmail input with `htmlChars` of HTML (with `awkward` text in it) and a 40 KB PNG. */
function input(htmlChars: number, awkward: string, fill: number): SendEmailCommandInput {
  const png = Buffer.alloc(40_000, fill);
  return {
    FromEmailAddress: 'Boardroom <reports@example.com>',
    Destination: { ToAddresses: ['cfo@example.com'], CcAddresses: [], BccAddresses: [] },
    Content: {
      Simple: {
        Subject: { Data: `Weekly ${awkward}`, Charset: 'UTF-8' },
        Body: {
          Text: { Data: `Runway ${awkward}\n`.repeat(50), Charset: 'UTF-8' },
          Html: {
            Data: `<p>${(awkward + ' <b>"9"</b> ').repeat(Math.ceil(htmlChars / 20))}</p>`,
            Charset: 'UTF-8',
          },
        },
        Attachments: [
          {
            FileName: 'chart-cash.png',
            RawContent: png,
            ContentType: 'image/png',
            ContentDisposition: 'INLINE',
            ContentId: 'cash@boardroom',
          },
        ],
      },
    },
    EmailTags: [{ Name: 'report', Value: 'cfo' }],
  };
}

describe('the pooled protocol', () => {
  let server: BodyRecorder;
  beforeAll(async () => {
    server = await startBodyRecorder();
  });
  afterAll(() => server.close());
  afterEach(() => {
    vi.restoreAllMocks();
    server.bodies.length = 0;
  });

  it("writes the SDK serializer's bytes into reused buffers, whatever they held before", async () => {
    const pool = new RequestBufferPool();
    const sdk = new SESv2Client({
      region: 'us-west-2',
      endpoint: server.url,
      credentials,
      maxAttempts: 1,
    });
    const ours = new SESv2Client({
      region: 'us-west-2',
      endpoint: server.url,
      credentials,
      maxAttempts: 1,
      protocol: pooledRestJsonProtocol(pool),
    });
    // The pool's buffers come back only through SesTransport's middleware; here, given back by
    // hand once each request is answered, so later (smaller) requests reuse ones with bytes left
    // in them from larger ones.
    const handed: ArrayBuffer[] = [];
    ours.middlewareStack.add(
      (next) => async (args) => {
        const body = (args.request as { body?: unknown }).body;
        if (body instanceof Uint8Array && body.byteLength >= POOLED_MIN_BYTES)
          handed.push(body.buffer as ArrayBuffer);
        return next(args);
      },
      { step: 'deserialize', priority: 'low', name: 'handBack' },
    );
    const cases: [number, string][] = [
      [400_000, 'plain ascii'],
      [150_000, 'é ü € 📈 emoji and accents'],
      [30_000, 'tab\tnewline\nquote" backslash\\ \u0001\u001f controls'],
      [200_000, 'a lone surrogate \ud800 and \udc00, U+2028\u2028'],
      [5_000, 'short'],
      [120_000, 'plain ascii again'],
    ];
    for (const [index, [chars, awkward]] of cases.entries()) {
      await sdk.send(new SendEmailCommand(input(chars, awkward, index)));
      await ours.send(new SendEmailCommand(input(chars, awkward, index)));
      for (const buffer of handed.splice(0)) pool.give(buffer);
      const [expected, written] = server.bodies.splice(0);
      expect(written!.length).toBe(expected!.length);
      expect(written!.equals(expected!)).toBe(true);
    }
    // Six requests, the buffers reused: fewer made than requests.
    expect(pool.reused).toBeGreaterThan(0);
    expect(pool.allocated).toBeLessThan(cases.length);
  });
});

describe('releasedOnceWritten gives the buffer for reuse', () => {
  const body = () => {
    const bytes = new Uint8Array(new ArrayBuffer(256 * 1024), 16, 200_000);
    bytes.fill(65);
    return bytes;
  };

  it('once the destination has finished, with the bytes it wrote', async () => {
    const reused: ArrayBuffer[] = [];
    let handed = 0;
    const stream = releasedOnceWritten(
      body(),
      () => (handed += 1),
      (buffer) => reused.push(buffer),
    ) as Readable;
    const written: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        written.push(Buffer.from(chunk));
        setTimeout(callback, 5);
      },
    });
    stream.pipe(sink);
    expect(reused).toHaveLength(0);
    await new Promise((resolve) => sink.on('finish', resolve));
    expect(handed).toBe(1);
    expect(reused).toHaveLength(1);
    expect(reused[0]!.byteLength).toBe(256 * 1024);
    expect(Buffer.concat(written).equals(Buffer.alloc(200_000, 65))).toBe(true);
    expect(new Uint8Array(reused[0]!, 16, 200_000).every((byte) => byte === 65)).toBe(true);
  });

  it('never when the destination failed or closed first, or without a pipe', async () => {
    const reused: ArrayBuffer[] = [];
    let handed = 0;
    const released = () =>
      releasedOnceWritten(
        body(),
        () => (handed += 1),
        (b) => reused.push(b),
      ) as Readable;
    const failing = new Writable({
      write(_chunk, _encoding, callback) {
        callback(new Error('socket reset'));
      },
    });
    failing.on('error', () => undefined);
    released().pipe(failing);
    await new Promise((resolve) => failing.on('close', resolve));
    const closing = new PassThrough();
    released().pipe(closing);
    closing.destroy();
    await new Promise((resolve) => closing.on('close', resolve));
    for await (const chunk of released()) expect((chunk as Buffer).length).toBe(200_000);
    expect(handed).toBe(3);
    expect(reused).toHaveLength(0);
  });
});

it('a delivery through SesTransport allocates a few request buffers, not one a message', async () => {
  const server = await startBodyRecorder();
  const MESSAGES = 60;
  const plan = reportFilesPlan(tempDir('request-buffers-'), MESSAGES, {
    text: (i) => `report ${i}`,
    // 150-250 KB of HTML, each report its own: bodies of 150 KB to 250 KB.
    html: (i) => `<p>${i}</p>` + `<td>${i} é</td>`.repeat(10_000 + 160 * i),
  });
  process.env.AWS_ACCESS_KEY_ID = 'AKIAEXAMPLELOCALTEST';
  process.env.AWS_SECRET_ACCESS_KEY = 'local-test-secret-not-real';
  // Request buffers are powers of two (the SDK's and the pool's); file reads are their files' sizes.
  const requestBuffers: number[] = [];
  for (const name of ['allocUnsafe', 'allocUnsafeSlow'] as const) {
    const original = Buffer[name].bind(Buffer);
    vi.spyOn(Buffer, name).mockImplementation((size: number) => {
      if (size >= POOLED_MIN_BYTES && (size & (size - 1)) === 0) requestBuffers.push(size);
      return original(size);
    });
  }
  try {
    const ses = new SesTransport({ region: 'us-west-2', endpoint: server.url });
    // 8 at a time, as a paced delivery runs them.
    for (let start = 0; start < MESSAGES; start += 8)
      await Promise.all(plan.slice(start, start + 8).map((message) => ses.send(message)));
  } finally {
    vi.restoreAllMocks();
    server.close();
  }
  expect(server.bodies).toHaveLength(MESSAGES);
  // Each body is its own message's, whole (no byte of another left in a reused buffer).
  for (const [i, body] of server.bodies.entries()) {
    const parsed = JSON.parse(body.toString('utf8')) as {
      Content: { Simple: { Body: { Html: { Data: string } } } };
    };
    const html = parsed.Content.Simple.Body.Html.Data;
    const n = Number(/^<p>(\d+)<\/p>/.exec(html)![1]);
    expect(html.length).toBe(`<p>${n}</p>`.length + `<td>${n} é</td>`.length * (10_000 + 160 * n));
    expect(i).toBeLessThan(MESSAGES);
  }
  // Before: one buffer (or more) a message, 60 in all. Now at most as many as run at once, and
  // a few more for the sizes they grow into.
  expect(requestBuffers.length).toBeLessThanOrEqual(16);
});

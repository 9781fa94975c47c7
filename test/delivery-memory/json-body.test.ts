// The SES request body written into one buffer (src/delivery/json-body.ts, issue 13): the same
// bytes as the SDK's own serializer, without the buffers it doubled into on the way (about 1 MB
// of ArrayBuffers for a report's 225 KB body).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SendEmailCommand, SESv2Client, type SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  PRESIZED_BODY_BYTES,
  PresizedRestJsonProtocol,
  jsonRoomFor,
  jsonStringBytes,
} from '../../src/delivery/json-body.js';

const credentials = { accessKeyId: 'AKIAEXAMPLELOCALTEST', secretAccessKey: 'local-test-secret' };

/** A SendEmail input like a report's: HTML, text, inline PNGs and a CSV, with awkward text. */
function input(htmlChars: number, awkward: string): SendEmailCommandInput {
  const png = Buffer.alloc(40_000, 7);
  png[1] = 0x50;
  return {
    FromEmailAddress: 'Boardroom <reports@example.com>',
    Destination: { ToAddresses: ['cfo@example.com'], CcAddresses: [], BccAddresses: ['a@x.io'] },
    Content: {
      Simple: {
        Subject: { Data: `Weekly ${awkward}`, Charset: 'UTF-8' },
        Body: {
          Text: { Data: `Runway ${awkward}\n`.repeat(200), Charset: 'UTF-8' },
          Html: {
            Data: `<p class="x">${(awkward + ' <b>"9"</b> ').repeat(htmlChars / 20)}</p>`,
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
          {
            FileName: 'cfo-table.csv',
            RawContent: Buffer.from(`a,b\n"${awkward}",2\n`),
            ContentType: 'text/csv; charset=utf-8',
            ContentDisposition: 'ATTACHMENT',
            ContentTransferEncoding: 'BASE64',
          },
        ],
      },
    },
    EmailTags: [{ Name: 'report', Value: 'cfo' }],
  };
}

const AWKWARD = [
  'plain ascii',
  'é ü € 📈 emoji and accents',
  'tab\tnewline\nquote" backslash\\ \u0001\u001f\u007f controls',
  'a lone surrogate \ud800 and \udc00, U+2028\u2028 U+2029\u2029',
];

describe('PresizedRestJsonProtocol', () => {
  let server: http.Server;
  let url: string;
  const received: Buffer[] = [];
  /** Off while the server joins what it received (its Buffer.concat is not the client's). */
  let counting = true;
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        counting = false;
        received.push(Buffer.concat(chunks));
        counting = true;
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ MessageId: `m-${received.length}` }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });
  afterEach(() => {
    vi.restoreAllMocks();
    received.length = 0;
  });

  const client = (presized: boolean) =>
    new SESv2Client({
      region: 'us-west-2',
      endpoint: url,
      credentials,
      maxAttempts: 1,
      ...(presized ? { protocol: PresizedRestJsonProtocol } : {}),
    });

  it("writes the SDK serializer's bytes, for every kind of text and size", async () => {
    const sdk = client(false);
    const ours = client(true);
    for (const awkward of AWKWARD)
      for (const chars of [100, 20_000, 300_000]) {
        await sdk.send(new SendEmailCommand(input(chars, awkward)));
        await ours.send(new SendEmailCommand(input(chars, awkward)));
        const [expected, written] = received.splice(0);
        expect(written!.length).toBe(expected!.length);
        expect(written!.equals(expected!)).toBe(true);
      }
  });

  it('serialises a large request into one buffer, where the SDK doubled into several', async () => {
    const large = (presized: boolean) => {
      const allocations: number[] = [];
      const allocUnsafe = Buffer.allocUnsafe.bind(Buffer);
      const spy = vi.spyOn(Buffer, 'allocUnsafe').mockImplementation((size: number) => {
        if (counting && size >= PRESIZED_BODY_BYTES) allocations.push(size);
        return allocUnsafe(size);
      });
      return client(presized)
        .send(new SendEmailCommand(input(150_000, AWKWARD[1]!)))
        .then(() => {
          spy.mockRestore();
          return allocations;
        });
    };
    const sdk = await large(false);
    const ours = await large(true);
    const body = received.at(-1)!.length;
    // The SDK: a larger buffer each time a string or the PNG's base64 does not fit (here 32 KB
    // for the text, then 1 MB for the HTML), every one but the last left as garbage.
    expect(sdk.length).toBeGreaterThanOrEqual(2);
    // Ours: one buffer, the one the body is written in, as large as the SDK's last.
    expect(ours).toHaveLength(1);
    expect(ours[0]).toBeGreaterThanOrEqual(body);
    expect(ours[0]).toBe(sdk.at(-1));
  });
});

describe('jsonRoomFor', () => {
  it('counts a string as the serializer writes it, escapes and UTF-8 included', () => {
    for (const text of AWKWARD) {
      const written = Buffer.byteLength(JSON.stringify(text));
      expect(jsonStringBytes(text)).toBeGreaterThanOrEqual(written);
      expect(jsonStringBytes(text)).toBeLessThanOrEqual(written + 16);
    }
  });

  it('asks for the 3 bytes a character the serializer reserves before a string, not the total', () => {
    const html = 'x'.repeat(100_000);
    // Written: about 100 KB; reserved while writing the string: 300 KB.
    expect(jsonRoomFor({ Html: html })).toBeGreaterThanOrEqual(300_000);
    expect(jsonRoomFor({ Html: html })).toBeLessThan(300_200);
    const bytes = new Uint8Array(300_000);
    expect(jsonRoomFor({ Html: html, Png: bytes })).toBeGreaterThanOrEqual(100_000 + 400_000);
    expect(jsonRoomFor({ Html: html, Png: bytes })).toBeLessThan(300_000 + 400_000);
  });
});

// The SES transport's calls on the wire (src/delivery/ses.ts): every call signed right (checked
// by recomputing each call's SigV4 signature on the server, the tenth call as the first,
// GetAccount as SendEmail), the answer's headers reach the SDK (an error named only by
// x-amzn-ErrorType is classified by that name), and a server that takes the connection and never
// answers, headers included, is cut at the timeout like one that stalls in its body
// (test/send-speed/ses-cut.test.ts), for SendEmail and for GetAccount.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../src/delivery/plan.js';
import { SesTransport } from '../../src/delivery/ses.js';
import { DeliveryError } from '../../src/delivery/transport.js';
import { Sha256 } from '../sha256.js';

const ACCESS_KEY = 'AKIDEXAMPLECALLS';
const SECRET_KEY = 'example-secret-for-calls';
const TIMEOUT_MS = 500;
let server: http.Server | undefined;

afterEach(() => {
  server?.closeAllConnections();
  server?.close();
  server = undefined;
});

interface Received {
  readonly method: string;
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** An SES endpoint on 127.0.0.1: records each request, then `answer`s it. */
async function endpoint(
  answer: (request: Received, response: http.ServerResponse) => void,
): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const one = {
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(one);
      answer(one, response);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
  };
}

/**
 * The signature `request` should carry, recomputed from what the server received with the
 * credentials, date, region and service its Authorization header names.
 */
async function expectedSignature(request: Received, port: number): Promise<string> {
  const authorization = String(request.headers.authorization);
  const [, date, region, service] =
    /Credential=[^/]+\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request/.exec(authorization) ?? [];
  const signedHeaders = (/SignedHeaders=([^,]+)/.exec(authorization)?.[1] ?? '').split(';');
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) headers[name] = String(request.headers[name]);
  const amzDate = String(request.headers['x-amz-date']);
  expect(amzDate.slice(0, 8)).toBe(date);
  const signer = new SignatureV4({
    credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY },
    region: region!,
    service: service!,
    // Sha256 takes the string and byte keys SigV4 hands it; the SDK's type also allows others.
    sha256: Sha256 as never,
  });
  const signingDate = new Date(
    `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
  );
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: 'http:',
      hostname: '127.0.0.1',
      port,
      path: request.path,
      query: {},
      headers,
      body: request.body,
    },
    { signingDate, signingRegion: region, signingService: service },
  );
  return /Signature=([0-9a-f]+)/.exec(String(signed.headers['authorization']))?.[1] ?? 'none';
}

function message(i: number): OutgoingMessage {
  return {
    key: `cfo/2026-W48/${i}`,
    report: 'cfo',
    persona: 'cfo',
    period: '2026-W48',
    part: 1,
    from: 'reports@example.com',
    recipients: { to: [`reader${i}@example.com`], cc: [], bcc: [] },
    recipientsHash: 'h',
    subject: `CFO weekly ${i}`,
    body: { text: `Burn and runway ${i}` },
  } as unknown as OutgoingMessage;
}

function transport(url: string, region = 'us-east-1'): SesTransport {
  process.env['AWS_ACCESS_KEY_ID'] = ACCESS_KEY;
  process.env['AWS_SECRET_ACCESS_KEY'] = SECRET_KEY;
  return new SesTransport({ region, endpoint: url, timeoutMs: TIMEOUT_MS });
}

const ACCOUNT = {
  SendQuota: { MaxSendRate: 14, Max24HourSend: 200, SentLast24Hours: 3 },
  ProductionAccessEnabled: true,
  SendingEnabled: true,
};

describe('SesTransport signs every call right with its one signer', () => {
  it('ten SendEmails and a GetAccount, each with the signature its request needs', async () => {
    const { url, received } = await endpoint((request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify(
          request.path.startsWith('/v2/email/account')
            ? ACCOUNT
            : { MessageId: `id-${received.length}` },
        ),
      );
    });
    const ses = transport(url);
    const ids: string[] = [];
    for (let i = 0; i < 10; i += 1) ids.push(await ses.send(message(i)));
    const account = await ses.account();
    expect(ids).toEqual(Array.from({ length: 10 }, (_, i) => `id-${i + 1}`));
    expect(account).toEqual({
      account: {
        maxSendRate: 14,
        max24HourSend: 200,
        sentLast24Hours: 3,
        sandbox: false,
        sendingEnabled: true,
      },
    });
    expect(received).toHaveLength(11);
    const port = Number(new URL(url).port);
    for (const request of received) {
      expect(String(request.headers.authorization)).toContain('/us-east-1/ses/aws4_request');
      const signature = /Signature=([0-9a-f]+)/.exec(String(request.headers.authorization))?.[1];
      expect(signature).toBe(await expectedSignature(request, port));
    }
    // Each message's own body went out (a signer reused must not reuse a payload hash).
    expect(JSON.parse(received[9]!.body).Content.Simple.Subject.Data).toBe('CFO weekly 9');
  });

  it('a second transport in another region signs for that region', async () => {
    const { url, received } = await endpoint((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ MessageId: 'eu-1' }));
    });
    const ses = transport(url, 'eu-west-1');
    expect(await ses.send(message(1))).toBe('eu-1');
    expect(await ses.send(message(2))).toBe('eu-1');
    const port = Number(new URL(url).port);
    for (const request of received) {
      expect(String(request.headers.authorization)).toContain('/eu-west-1/ses/aws4_request');
      const signature = /Signature=([0-9a-f]+)/.exec(String(request.headers.authorization))?.[1];
      expect(signature).toBe(await expectedSignature(request, port));
    }
  });
});

describe('SesTransport reads the answer as the SDK needs it', () => {
  it('an error named only in x-amzn-ErrorType is that error: MessageRejected, permanent', async () => {
    const { url } = await endpoint((_, response) => {
      response.writeHead(400, {
        'content-type': 'application/json',
        'x-amzn-errortype': 'MessageRejected:http://internal.amazon.com/coral/com.amazon.ses/',
      });
      response.end(JSON.stringify({ message: 'Email address is not verified.' }));
    });
    const error = await transport(url)
      .send(message(1))
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(DeliveryError);
    expect((error as DeliveryError).kind).toBe('permanent');
    expect((error as DeliveryError).message).toBe(
      'MessageRejected: Email address is not verified.',
    );
  });
});

describe('SesTransport cuts a call that gets no answer at all', () => {
  it('SendEmail: the body read, no headers ever: a transient failure at the timeout', async () => {
    const { url } = await endpoint(() => undefined);
    const started = performance.now();
    const error = await transport(url)
      .send(message(1))
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    const ms = performance.now() - started;
    expect(error).toBeInstanceOf(DeliveryError);
    expect((error as DeliveryError).kind).toBe('transient');
    expect((error as DeliveryError).message).toBe('SES did not answer in time');
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(ms).toBeLessThan(TIMEOUT_MS * 10);
  });

  it('GetAccount: no answer is an error naming the timeout, not a hang', async () => {
    const { url } = await endpoint(() => undefined);
    const started = performance.now();
    const answer = await transport(url).account();
    expect(answer).toEqual({ error: 'SES did not answer in time' });
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS * 10);
  });
});

// Every SES call is cut at the transport's timeout, the answer's body included: a server that
// sends its headers and then stalls (the given instance) or trickles its body a byte at a time
// (a second instance) must not hold a call, and with it the whole delivery, forever.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SesTransport } from '../../src/delivery/ses.js';
import { DeliveryError } from '../../src/delivery/transport.js';
import type { OutgoingMessage } from '../../src/delivery/plan.js';

const TIMEOUT_MS = 500;
let server: http.Server | undefined;

afterEach(() => {
  server?.closeAllConnections();
  server?.close();
  server = undefined;
});

/** An SES endpoint on 127.0.0.1 that answers each call with `answer` once its body is read. */
async function endpoint(answer: (response: http.ServerResponse) => void): Promise<string> {
  server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => answer(response));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const message = {
  key: 'cfo/2026-W48/1',
  report: 'cfo',
  persona: 'cfo',
  period: '2026-W48',
  part: 1,
  from: 'reports@example.com',
  recipients: { to: ['cfo@example.com'], cc: [], bcc: [] },
  recipientsHash: 'h',
  subject: 'CFO weekly',
  body: { text: 'Burn and runway' },
} as unknown as OutgoingMessage;

async function sendTo(url: string): Promise<{ error: unknown; ms: number }> {
  process.env['AWS_ACCESS_KEY_ID'] ??= 'AKIDEXAMPLE';
  process.env['AWS_SECRET_ACCESS_KEY'] ??= 'example-secret';
  const transport = new SesTransport({ region: 'us-east-1', endpoint: url, timeoutMs: TIMEOUT_MS });
  const started = performance.now();
  try {
    await transport.send(message);
    return { error: undefined, ms: performance.now() - started };
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
}

describe('SesTransport cuts a call whose answer stalls after its headers', () => {
  it('headers sent, then nothing: a transient failure at the timeout', async () => {
    const url = await endpoint((response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.flushHeaders();
    });
    const { error, ms } = await sendTo(url);
    expect(error).toBeInstanceOf(DeliveryError);
    expect((error as DeliveryError).kind).toBe('transient');
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(ms).toBeLessThan(TIMEOUT_MS * 10);
  });

  it('a body trickled a byte every 100 ms: cut at the timeout all the same', async () => {
    const url = await endpoint((response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"MessageId":"');
      const drip = setInterval(() => response.write('a'), 100);
      response.on('close', () => clearInterval(drip));
    });
    const { error, ms } = await sendTo(url);
    expect(error).toBeInstanceOf(DeliveryError);
    expect((error as DeliveryError).kind).toBe('transient');
    expect(ms).toBeLessThan(TIMEOUT_MS * 10);
  });
});

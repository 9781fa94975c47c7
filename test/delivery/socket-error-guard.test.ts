// Found in review of the delivery's memory change: node 20's keep-alive agent hands a socket back
// to its pool a moment after the request's 'finish' when SES has already answered (a 429 sent
// before the body is read), and a reset in that moment was an 'error' event with no listener,
// which ended the run, the ledger's records of accepted calls with it. Every socket of the SES
// transport's agents now has an 'error' listener for its whole life (withSocketErrorGuard).
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { NodeHttpHandler } from '@smithy/node-http-handler';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { afterEach, describe, expect, it } from 'vitest';
import { SesTransport, withSocketErrorGuard } from '../../src/delivery/ses.js';
import { useFakeAwsCredentials } from '../ses-local.js';
import { startSesStub, type SesStub } from '../ses-stub.js';

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A local server that answers every request with `status` once it has the whole body. */
async function server(handler: http.RequestListener): Promise<{ host: string; port: number }> {
  const listening = http.createServer(handler);
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
  closers.push(() => {
    listening.closeAllConnections();
    return new Promise<void>((resolve) => listening.close(() => resolve()));
  });
  const { port } = listening.address() as AddressInfo;
  return { host: '127.0.0.1', port };
}

/** Emits a reset on a socket of `agent` that no request holds; true when that threw. */
function resetThrows(agent: http.Agent, where: { host: string; port: number }): boolean {
  const socket = agent.createConnection(where, () => {}) as Socket;
  closers.push(() => void socket.destroy());
  try {
    socket.emit('error', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));
    return false;
  } catch {
    return true;
  }
}

describe("the SES transport's sockets always have an error listener", () => {
  it('a reset on a socket no request holds is heard, not thrown (an unguarded agent throws)', async () => {
    const where = await server((_, res) => res.end());
    expect(resetThrows(new http.Agent({ keepAlive: true }), where)).toBe(true);
    expect(resetThrows(withSocketErrorGuard(new http.Agent({ keepAlive: true })), where)).toBe(
      false,
    );
  });

  it('a request on a guarded agent still fails when its connection is reset', async () => {
    const where = await server((req) => req.socket.destroy());
    const agent = withSocketErrorGuard(new http.Agent({ keepAlive: true }));
    closers.push(() => agent.destroy());
    const failed = await new Promise<string>((resolve) => {
      const request = http.request({ ...where, method: 'POST', agent }, () => resolve('answered'));
      request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      request.end('x'.repeat(100_000));
    });
    expect(['ECONNRESET', 'EPIPE']).toContain(failed);
  });

  it("the transport's own agent, after a real call through the SES stub, is guarded", async () => {
    useFakeAwsCredentials();
    const stub: SesStub = await startSesStub({});
    closers.push(() => stub.close());
    const transport = new SesTransport({
      region: 'us-west-2',
      endpoint: stub.url,
      timeoutMs: 5_000,
    });
    expect('account' in (await transport.account())).toBe(true);
    const client = (transport as unknown as { client: SESv2Client }).client;
    const handler = client.config.requestHandler as NodeHttpHandler;
    const agent = handler.httpHandlerConfigs().httpAgent as http.Agent;
    const where = new URL(stub.url);
    expect(resetThrows(agent, { host: where.hostname, port: Number(where.port) })).toBe(false);
  });
});

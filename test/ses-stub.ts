// A small SES v2 server of our own, for what aws-ses-v2-local cannot do: throttling, rejected
// recipients, slow and hanging calls, a denied GetAccount. Real HTTP, so the real SDK client
// and its error parsing are exercised. Also a plainer one that keeps each request's body as the
// bytes received (startBodyRecorder), for the tests of how those bytes are written.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubRequest {
  readonly to: string[];
  readonly cc: string[];
  readonly bcc: string[];
  readonly subject: string;
  readonly tags: { Name: string; Value: string }[];
  readonly configurationSet?: string;
  /** The Simple content's Attachments as sent (RawContent base64, as the SDK encodes it). */
  readonly attachments: {
    FileName: string;
    RawContent: string;
    ContentType?: string;
    ContentDisposition?: string;
    ContentId?: string;
  }[];
  /** The HTML part's data, as sent. */
  readonly html?: string;
}

export type StubAnswer =
  | { kind: 'accept' }
  | { kind: 'accept-without-id' }
  | { kind: 'throttle' }
  | { kind: 'reject'; message: string }
  | { kind: 'error500' }
  | { kind: 'hang' };

export interface StubOptions {
  /** GetAccount's answer; 'denied' answers 403 AccessDeniedException. */
  account?:
    | {
        MaxSendRate: number;
        Max24HourSend: number;
        SentLast24Hours: number;
        SendingEnabled?: boolean;
        ProductionAccessEnabled?: boolean;
      }
    | 'denied';
  /** Decides each SendEmail call; default accepts. `attempt` counts calls for the same subject+recipients. */
  decide?: (request: StubRequest, attempt: number) => StubAnswer;
  latencyMs?: number;
  /** Enforce MaxSendRate the way SES does: over the rate in a one-second window answers 429. */
  enforceRate?: boolean;
}

export interface SesStub {
  readonly url: string;
  /** Every accepted message, in order. */
  readonly accepted: (StubRequest & { messageId: string })[];
  readonly calls: { sendEmail: number; getAccount: number; throttled: number };
  close(): Promise<void>;
}

export async function startSesStub(options: StubOptions = {}): Promise<SesStub> {
  const accepted: SesStub['accepted'] = [];
  const calls = { sendEmail: 0, getAccount: 0, throttled: 0 };
  const attempts = new Map<string, number>();
  const recent: { at: number; recipients: number }[] = [];
  const hanging = new Set<ServerResponse>();

  const reply = (res: ServerResponse, status: number, body: unknown, errorType?: string) => {
    res.writeHead(status, {
      'content-type': 'application/json',
      ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
    });
    res.end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method === 'GET' && req.url === '/v2/email/account') {
      calls.getAccount += 1;
      if (options.account === 'denied')
        return reply(
          res,
          403,
          { message: 'User is not authorized to perform: ses:GetAccount' },
          'AccessDeniedException',
        );
      const account = options.account ?? {
        MaxSendRate: 14,
        Max24HourSend: 50_000,
        SentLast24Hours: 0,
      };
      return reply(res, 200, {
        SendQuota: {
          MaxSendRate: account.MaxSendRate,
          Max24HourSend: account.Max24HourSend,
          SentLast24Hours: account.SentLast24Hours,
        },
        SendingEnabled: account.SendingEnabled ?? true,
        ProductionAccessEnabled: account.ProductionAccessEnabled ?? true,
        EnforcementStatus: 'HEALTHY',
      });
    }
    if (req.method === 'POST' && req.url === '/v2/email/outbound-emails') {
      calls.sendEmail += 1;
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        Destination?: { ToAddresses?: string[]; CcAddresses?: string[]; BccAddresses?: string[] };
        Content: {
          Simple: {
            Subject: { Data: string };
            Body: { Html?: { Data: string } };
            Attachments?: StubRequest['attachments'];
          };
        };
        EmailTags?: { Name: string; Value: string }[];
        ConfigurationSetName?: string;
      };
      const request: StubRequest = {
        to: body.Destination?.ToAddresses ?? [],
        cc: body.Destination?.CcAddresses ?? [],
        bcc: body.Destination?.BccAddresses ?? [],
        subject: body.Content.Simple.Subject.Data,
        tags: body.EmailTags ?? [],
        attachments: body.Content.Simple.Attachments ?? [],
        ...(body.Content.Simple.Body.Html ? { html: body.Content.Simple.Body.Html.Data } : {}),
        ...(body.ConfigurationSetName ? { configurationSet: body.ConfigurationSetName } : {}),
      };
      const key = `${request.subject}|${request.to.join()}|${request.bcc.join()}`;
      const attempt = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, attempt);
      let answer = options.decide?.(request, attempt) ?? { kind: 'accept' };
      if (answer.kind === 'accept' && options.enforceRate && options.account !== 'denied') {
        const now = performance.now();
        while (recent.length && now - recent[0]!.at > 1000) recent.shift();
        const recipients = request.to.length + request.cc.length + request.bcc.length;
        const used = recent.reduce((total, r) => total + r.recipients, 0);
        // A little slack, as SES allows short bursts around the rate.
        if (used + recipients > (options.account?.MaxSendRate ?? 14) * 1.1)
          answer = { kind: 'throttle' };
        else recent.push({ at: now, recipients });
      }
      if (answer.kind === 'hang') {
        hanging.add(res);
        return;
      }
      if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
      switch (answer.kind) {
        case 'throttle':
          calls.throttled += 1;
          return reply(
            res,
            429,
            { message: 'Maximum sending rate exceeded.' },
            'TooManyRequestsException',
          );
        case 'reject':
          return reply(res, 400, { message: answer.message }, 'MessageRejected');
        case 'error500':
          return reply(res, 500, { message: 'Internal failure' }, 'InternalFailure');
        case 'accept-without-id':
          accepted.push({ ...request, messageId: '' });
          return reply(res, 200, {});
        case 'accept': {
          const messageId = `stub-${accepted.length + 1}-${Math.random().toString(36).slice(2, 10)}`;
          accepted.push({ ...request, messageId });
          return reply(res, 200, { MessageId: messageId });
        }
      }
    }
    reply(res, 404, { message: `no route ${req.method} ${req.url}` }, 'NotFoundException');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) =>
      reply(res, 500, { message: String(error) }, 'InternalFailure'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    accepted,
    calls,
    close: () =>
      new Promise((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A local server that answers every request 200 with a SendEmail reply: startBodyRecorder. */
export interface BodyRecorder {
  /** `http://127.0.0.1:<port>`, the endpoint to give the SES client. */
  readonly url: string;
  /**
   * Each request's body, the bytes as received, in the order the requests ended (empty when
   * `keepBodies` is false). The test may take them out (`bodies.splice(0)`) or empty it.
   */
  readonly bodies: Buffer[];
  /** The requests answered so far. */
  readonly answered: number;
  /** Closes the server and every connection to it at once. */
  close(): void;
}

export interface BodyRecorderOptions {
  /**
   * Keep each body in `bodies` (default true). False reads and drops the bytes, counting the
   * requests only: for a memory test, where a server holding what it was sent would be counted.
   */
  keepBodies?: boolean;
  /**
   * Leave each request unread for this many milliseconds (asked once per request) before reading
   * it: the client's writes back up meanwhile. Unset: read at once.
   */
  readAfterMs?: () => number;
}

/**
 * Starts a server on 127.0.0.1 that reads each request whole, keeps its body and answers 200
 * `{"MessageId":"m-<n>"}` (n counts the answers), whatever the path: the bodies are compared
 * with what the SDK's own serializer makes, byte for byte.
 */
export async function startBodyRecorder(options: BodyRecorderOptions = {}): Promise<BodyRecorder> {
  const keepBodies = options.keepBodies ?? true;
  const bodies: Buffer[] = [];
  let answered = 0;
  const answer = (response: ServerResponse) => {
    answered += 1;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ MessageId: `m-${answered}` }));
  };
  const read = (request: IncomingMessage, response: ServerResponse) => {
    if (!keepBodies) {
      request.resume();
      request.on('end', () => answer(response));
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      bodies.push(Buffer.concat(chunks));
      answer(response);
    });
  };
  const server = createServer((request, response) => {
    if (!options.readAfterMs) return read(request, response);
    request.pause();
    setTimeout(() => {
      read(request, response);
      request.resume();
    }, options.readAfterMs());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bodies,
    get answered() {
      return answered;
    },
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

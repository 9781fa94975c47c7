// The SES transport on the v2 API: SendEmail with Simple content (text and HTML parts), the
// portfolio's configuration set and tags, and a hard timeout on every call.
import { attachedFilesOf } from './attachments.js';
import { composedBody } from './body.js';
import { inlineImagesOf } from './inline-images.js';
import { GetAccountCommand, SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { SignatureV4 } from '@smithy/signature-v4';
import { formatMailbox } from '../config/mailbox.js';
import { ComposeGate } from './compose-gate.js';
import { CallDeadlines } from './deadlines.js';
import { MAX_IN_FLIGHT } from './pacer.js';
import type { OutgoingMessage } from './plan.js';
import { pooledRestJsonProtocol } from './json-body.js';
import { releasedOnceWritten } from './released-body.js';
import { RequestBufferPool } from './request-buffers.js';
import { SharedFileReader } from './shared-files.js';
import { YoungSweeper } from './sweep.js';
import {
  DeliveryError,
  type AccountLimits,
  type FailureKind,
  type Transport,
} from './transport.js';

export interface SesSettings {
  readonly region: string;
  readonly endpoint?: string;
  readonly configurationSet?: string;
  /** Every call is cut after this long; a cut call is retried like a 5xx. */
  readonly timeoutMs?: number;
}

/** SES names (and HTTP statuses) for each way a call can fail. */
const PERMANENT = new Set([
  'MessageRejected',
  'MailFromDomainNotVerifiedException',
  'AccountSuspendedException',
  'SendingPausedException',
  'BadRequestException',
  'NotFoundException',
  'AccessDeniedException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
]);
const THROTTLED = new Set(['TooManyRequestsException', 'ThrottlingException', 'Throttling']);

export function classifySesError(error: unknown): DeliveryError {
  const err = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const name = err.name ?? 'Error';
  const status = err.$metadata?.httpStatusCode;
  const message = err.message || name;
  let kind: FailureKind;
  if (name === 'TimeoutError' || name === 'AbortError') kind = 'transient';
  else if (THROTTLED.has(name) || status === 429) kind = 'throttled';
  // LimitExceeded is the daily quota: waiting minutes will not help this run.
  else if (name === 'LimitExceededException') kind = 'permanent';
  else if (PERMANENT.has(name)) kind = 'permanent';
  else if (status !== undefined && status >= 400 && status < 500) kind = 'permanent';
  else kind = 'transient';
  const text =
    name === 'TimeoutError' || name === 'AbortError'
      ? 'SES did not answer in time'
      : `${name}: ${message}`;
  return new DeliveryError(text, name, kind);
}

/**
 * NodeHttpHandler with every call cut `cutAfterMs` after it starts, the answer's body included,
 * unless the call brings its own abortSignal: the handler's requestTimeout stops counting at the
 * answer's headers, so a server that sends headers and then stalls would hold the call (and the
 * whole delivery) forever, and a per-call abortSignal given to client.send would turn off the
 * SDK's middleware cache. A cut call fails with an AbortError: transient, retried like a 5xx.
 * The cuts share one timer (CallDeadlines): a call's cut ends when its answer's body closes.
 */
class CutAfterHandler extends NodeHttpHandler {
  private readonly deadlines: CallDeadlines;

  constructor(cutAfterMs: number, options: ConstructorParameters<typeof NodeHttpHandler>[0]) {
    super(options);
    this.deadlines = new CallDeadlines(cutAfterMs);
  }

  override async handle(...[request, options = {}]: Parameters<NodeHttpHandler['handle']>) {
    if (options.abortSignal) return super.handle(request, options);
    const cut = this.deadlines.start();
    try {
      const answer = await super.handle(request, { ...options, abortSignal: cut.signal });
      // The SDK reads the body after this returns: the cut holds until it has (or is cut).
      const body = answer.response.body as Partial<NodeJS.ReadableStream> | undefined;
      if (typeof body?.once === 'function') body.once('close', cut.done);
      else cut.done();
      return answer;
    } catch (error) {
      cut.done();
      throw error;
    }
  }
}

/**
 * `agent`, each of whose sockets has an 'error' listener for its whole life. A request listens
 * to its socket's errors only while it holds the socket, and node 20's keep-alive agent hands a
 * socket back to its pool a moment after the request's 'finish' when the answer came first (SES
 * answering 429 before the body is written, say): a reset in that moment was an 'error' event
 * with no listener, which ends the process, and with it the ledger's record of the calls SES had
 * accepted. The request that holds a socket still hears its errors and fails its call.
 */
export function withSocketErrorGuard<A extends HttpAgent>(agent: A): A {
  // node's own agents make their sockets synchronously (net.connect, tls.connect): the callback
  // is the connection's listener, not a (error, socket) one, so it goes through as it is.
  const create = agent.createConnection.bind(agent);
  agent.createConnection = (options, callback) => {
    const socket = create(options, callback);
    socket?.on('error', ignoreSocketError);
    return socket;
  };
  return agent;
}

/** A socket error no request is listening for: the request that held the socket has its answer. */
function ignoreSocketError(): void {}

export class SesTransport implements Transport {
  readonly name = 'ses';
  private readonly client: SESv2Client;
  private readonly timeoutMs: number;

  constructor(private readonly settings: SesSettings) {
    this.timeoutMs = settings.timeoutMs ?? 15_000;
    let signer: SignatureV4 | undefined;
    this.client = new SESv2Client({
      region: settings.region,
      ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
      // Retries are ours (with pacing); the SDK makes one attempt per call.
      maxAttempts: 1,
      // The middleware stack is built once per command class, not again at every call (up to a
      // third of the SDK's CPU per SendEmail, measured here). The SDK uses this cache only for
      // calls made without per-call options: hence no abortSignal per SendEmail; the handler
      // below cuts every call instead.
      cacheMiddleware: true,
      // Each request's JSON written into one buffer made at its size, not into a larger one each
      // time a part does not fit (json-body.ts): the same bytes, fewer and smaller ArrayBuffers;
      // and that buffer taken from this transport's pool and given back once written
      // (request-buffers.ts), not allocated for every call.
      protocol: pooledRestJsonProtocol(this.buffers),
      // One SigV4 signer for the client, made at its first call, that asks the client's own
      // credentials provider at every signing (the SDK memoises and refreshes it) and uses its
      // hash: the SDK's default makes a new signer at every call from a copy of the whole client
      // configuration.
      signer: async () =>
        (signer ??= new SignatureV4({
          credentials: () => this.client.config.credentials(),
          region: settings.region,
          service: 'ses',
          sha256: this.client.config.sha256,
          uriEscapePath: true,
        })),
      // The cut (CutAfterHandler) bounds every call, connecting and reading included; the
      // handler's own connection and request timeouts would each add a timer to every call.
      requestHandler: new CutAfterHandler(this.timeoutMs, {
        // Its warning that every socket is busy, after as long as before (2 x the timeout).
        socketAcquisitionWarningTimeout: 2 * this.timeoutMs,
        // As many sockets as the delivery loop may have calls in flight (the SDK's default is 50).
        httpAgent: withSocketErrorGuard(
          new HttpAgent({ keepAlive: true, maxSockets: MAX_IN_FLIGHT }),
        ),
        httpsAgent: withSocketErrorGuard(
          new HttpsAgent({ keepAlive: true, maxSockets: MAX_IN_FLIGHT }),
        ),
      }),
    });
    // It only writes the SDK's log (a no-op logger here), yet it copies each call's input and
    // output to filter them for that log first.
    this.client.middlewareStack.remove('loggerMiddleware');
    // The last step before the HTTP handler, after serialising and signing: the request is
    // dispatched. The SDK holds both the request (its body: the message again, the charts in
    // base64) and the command's input (the parts, the charts' PNGs) until SES answers, a 250 KB
    // report's 0.5-1 MB per call for the network's latency. The body is released once written
    // (released-body.ts) and a SendEmail input's Content dropped (nothing reads it again: the
    // SDK makes one attempt; our retries send a new command). A body written out whole goes back
    // to the transport's pool of request buffers (request-buffers.ts); one that is not (a call
    // cut or failed mid-write, a buffer the pool does not keep) is garbage, swept (sweep.ts).
    const sending = this.sending;
    const sweeper = this.sweeper;
    const buffers = this.buffers;
    this.client.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { body?: unknown };
        const input = args.input as { Content?: unknown };
        const leave = sending.get(input);
        const body = request.body;
        const bytes = body instanceof Uint8Array ? body.buffer.byteLength : 0;
        // Written out: the buffer goes back to the pool, and is then not garbage to sweep.
        let kept = false;
        const reuse = leave && ((written: ArrayBuffer) => (kept = buffers.give(written)));
        const handedOn =
          leave &&
          (() => {
            leave();
            if (!kept) sweeper.letGo(bytes);
          });
        request.body = releasedOnceWritten(body, handedOn, reuse || undefined);
        if (leave) input.Content = undefined;
        return next(args);
      },
      { step: 'deserialize', priority: 'low', name: 'boardroomReleaseBodyMiddleware' },
    );
  }

  /** The charts' PNGs, one copy for all the calls that hold one at once. */
  private readonly charts = new SharedFileReader();
  /**
   * The SendEmail inputs of the calls running (their Content is dropped once dispatched), each
   * with what to call once its request body has been handed to the HTTP client.
   */
  private readonly sending = new WeakMap<object, () => void>();
  /** The sends between composing their message and handing on its body (compose-gate.ts). */
  private readonly composing = new ComposeGate();
  /** Collects the young generation as request buffers die (sweep.ts). */
  readonly sweeper = new YoungSweeper();
  /** The request buffers, reused once written (request-buffers.ts). */
  readonly buffers = new RequestBufferPool();

  /** The account's quota and state, or why GetAccount could not tell (not allowed, down). */
  async account(): Promise<{ account: AccountLimits } | { error: string }> {
    try {
      const answer = await this.client.send(new GetAccountCommand({}), {
        abortSignal: AbortSignal.timeout(this.timeoutMs),
      });
      return {
        account: {
          maxSendRate: answer.SendQuota?.MaxSendRate ?? 1,
          max24HourSend: answer.SendQuota?.Max24HourSend ?? -1,
          sentLast24Hours: answer.SendQuota?.SentLast24Hours ?? 0,
          sandbox: answer.ProductionAccessEnabled === false,
          sendingEnabled: answer.SendingEnabled !== false,
        },
      };
    } catch (error) {
      return { error: classifySesError(error).message };
    }
  }

  async send(message: OutgoingMessage): Promise<string> {
    // Composed in a method of its own so that its locals (the text, the HTML, the charts' and
    // files' bytes) are gone from this frame while the call waits for SES (an async function's
    // frame keeps its locals across an await), and the input's Content can be dropped at dispatch.
    const leave = await this.composing.enter();
    try {
      const command = await this.command(message);
      this.sending.set(command.input, leave);
      const answer = await this.client.send(command);
      if (!answer.MessageId)
        // Accepted all the same: sending it again would deliver it twice.
        return 'accepted-without-id';
      return answer.MessageId;
    } catch (error) {
      throw error instanceof DeliveryError ? error : classifySesError(error);
    } finally {
      // Failed before its body was handed on (a missing file, a refused connection).
      leave();
    }
  }

  /** The SendEmail command for `message`: its parts read from disk and composed. */
  private async command(message: OutgoingMessage): Promise<SendEmailCommand> {
    const [parts, images, files] = await Promise.all([
      composedBody(message),
      inlineImagesOf(message, this.charts.read),
      attachedFilesOf(message),
    ]);
    const body = {
      Text: { Data: parts.text, Charset: 'UTF-8' },
      ...(parts.html ? { Html: { Data: parts.html, Charset: 'UTF-8' } } : {}),
    };
    // SES takes RFC 5322 mailboxes in ASCII: encoded-word names, punycode domains.
    return new SendEmailCommand({
      FromEmailAddress: formatMailbox(message.from),
      Destination: {
        ToAddresses: message.recipients.to.map(formatMailbox),
        CcAddresses: message.recipients.cc.map(formatMailbox),
        BccAddresses: message.recipients.bcc.map(formatMailbox),
      },
      ...(message.replyTo ? { ReplyToAddresses: [formatMailbox(message.replyTo)] } : {}),
      Content: {
        Simple: {
          Subject: { Data: message.subject, Charset: 'UTF-8' },
          Body: body,
          // The charts the HTML shows as cid:<key>@boardroom (inline parts) and the attached
          // files (a report's CSV tables), read from disk now.
          ...(images.length + files.length > 0
            ? {
                Attachments: [
                  ...images.map((image) => ({
                    FileName: image.fileName,
                    RawContent: image.content,
                    ContentType: image.contentType,
                    ContentDisposition: 'INLINE' as const,
                    ContentId: image.contentId,
                  })),
                  ...files.map((file) => ({
                    FileName: file.fileName,
                    RawContent: file.content,
                    ContentType: file.contentType,
                    ContentDisposition: 'ATTACHMENT' as const,
                    ContentTransferEncoding: 'BASE64' as const,
                  })),
                ],
              }
            : {}),
        },
      },
      ...(this.settings.configurationSet
        ? { ConfigurationSetName: this.settings.configurationSet }
        : {}),
      EmailTags: [
        { Name: 'report', Value: tagValue(message.report) },
        { Name: 'persona', Value: tagValue(message.persona) },
        { Name: 'period', Value: tagValue(message.period) },
      ],
    });
  }
}

/** SES tag values allow letters, digits, _ - . @ only. */
function tagValue(value: string): string {
  return value.replace(/[^A-Za-z0-9_.@-]/g, '_').slice(0, 256);
}

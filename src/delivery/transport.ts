// A transport delivers one message and says what the receiving side called it. New transports
// are new files implementing this interface, not new branches in the pipeline.
import type { OutgoingMessage } from './plan.js';

export interface Transport {
  readonly name: 'outbox' | 'ses';
  /** Delivers one message; resolves with the message id the receiver gave it. */
  send(message: OutgoingMessage): Promise<string>;
  /** The account's sending limits, where the receiver has them (SES). */
  account?(): Promise<{ account: AccountLimits } | { error: string }>;
}

export interface AccountLimits {
  /** Recipients per second. */
  readonly maxSendRate: number;
  /** -1 when no daily limit is set. */
  readonly max24HourSend: number;
  readonly sentLast24Hours: number;
  readonly sandbox: boolean;
  readonly sendingEnabled: boolean;
}

/**
 * How a failed send should be treated: `throttled` and `transient` are retried (throttling also
 * slows the pace); `permanent` is reported at once (a rejected address, a paused account).
 */
export type FailureKind = 'throttled' | 'transient' | 'permanent';

export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly kind: FailureKind,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/**
 * How to treat a failed send. Only a transport knows which of its receiver's failures pass
 * (SES throttling, a 5xx, a cut call: DeliveryErrors it classifies); anything else (our own
 * MIME check, a full disk, a bug) fails the same way every time, so it is permanent: reported
 * at once, not retried for half a minute.
 */
export function failureKind(error: unknown): FailureKind {
  return error instanceof DeliveryError ? error.kind : 'permanent';
}

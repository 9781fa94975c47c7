// A transport delivers one message and says what the receiving side called it. New transports
// are new files implementing this interface, not new branches in the pipeline.
import type { OutgoingMessage } from './plan.js';

export interface Transport {
  readonly name: 'outbox' | 'ses';
  /** Delivers one message; resolves with the message id the receiver gave it. */
  send(message: OutgoingMessage): Promise<string>;
}

/** A failure the sender cannot fix by trying again (a rejected address, a paused account). */
export class PermanentDeliveryError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}

// node's sha256 and HMAC-sha256 in the shape @smithy/signature-v4 takes, for tests that
// recompute an SES request's signature over the bytes a server received.
import { createHash, createHmac } from 'node:crypto';

/** A SigV4 hash: HMAC-sha256 when given a secret (text or bytes), plain sha256 otherwise. */
export class Sha256 {
  private readonly hash;
  constructor(secret?: string | Uint8Array) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', secret);
  }
  update(data: string | Uint8Array): void {
    this.hash.update(data);
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
}

// A request body held only until it is written (issue 13). The SDK keeps each call's request,
// its body with it (the SES v2 JSON: the message's HTML and its charts in base64, 0.3-1 MB for a
// 250 KB report, in a buffer it doubles as it serialises), until SES answers: for the network's
// latency, in every call in flight. SesTransport hands the HTTP client this body instead, once
// the request is signed.
import { Readable } from 'node:stream';

/** Request bodies at least this large are released once written (smaller ones cost little). */
export const RELEASED_BODY_BYTES = 64 * 1024;

/**
 * A request body that holds its bytes only until the HTTP client has written them: for a
 * Uint8Array of at least RELEASED_BODY_BYTES, the bytes go into a one-chunk stream that lets go
 * of its chunk once read, and the ArrayBuffer they were in is detached (transferred away and
 * dropped), so every other view of it, the SDK's copies of the request included, is left empty
 * and holds nothing until the answer. The chunk is an exact-size copy when the SDK's buffer is
 * much larger than its bytes (it doubles as it serialises: 4 MB for 1 MB of JSON). Anything else
 * (a string, a smaller array, a view of a SharedArrayBuffer) is returned as it is. The caller
 * must own the ArrayBuffer: one that holds other data too (Node's small-Buffer pool, 8 KB slabs)
 * must not be detached, hence the size floor.
 * @param body a request's body as the SDK serialised it (any type).
 * @returns a Readable giving the same bytes once, or `body` itself.
 */
export function releasedOnceWritten(body: unknown): unknown {
  if (!(body instanceof Uint8Array) || body.byteLength < RELEASED_BODY_BYTES) return body;
  const { buffer, byteOffset, byteLength } = body;
  if (!(buffer instanceof ArrayBuffer)) return body;
  let chunk: Buffer | undefined;
  if (buffer.byteLength > byteLength * 1.25) {
    chunk = Buffer.allocUnsafeSlow(byteLength);
    chunk.set(body);
    structuredClone(buffer, { transfer: [buffer] });
  } else
    chunk = Buffer.from(structuredClone(buffer, { transfer: [buffer] }), byteOffset, byteLength);
  return new Readable({
    // Not Readable.from([chunk]): its closures keep the array, hence the bytes, until the stream
    // itself is collected, which the SDK's request (holding it as its body) delays to the answer.
    read() {
      const bytes = chunk;
      chunk = undefined;
      this.push(bytes ?? null);
      if (bytes) this.push(null);
    },
  });
}

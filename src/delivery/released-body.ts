// A request body held only until it is written (issue 13). The SDK keeps each call's request,
// its body with it (the SES v2 JSON: the message's HTML and its charts in base64, 0.3-1 MB for a
// 250 KB report, in a buffer it doubles as it serialises), until SES answers: for the network's
// latency, in every call in flight. SesTransport hands the HTTP client this body instead, once
// the request is signed, and learns from it when the bytes are out (its compose gate's place is
// given on then: compose-gate.ts).
import { Readable } from 'node:stream';

/** Request bodies at least this large are released once written (smaller ones cost little). */
export const RELEASED_BODY_BYTES = 64 * 1024;

/**
 * A request body that holds its bytes only until the HTTP client has written them: for a
 * Uint8Array of at least RELEASED_BODY_BYTES, the bytes go into a one-chunk stream that lets go
 * of its chunk once read, and the ArrayBuffer they were in is detached (transferred to the
 * chunk), so every other view of it, the SDK's copies of the request included, is left empty
 * and holds nothing until the answer. Anything else
 * (a string, a smaller array, a view of a SharedArrayBuffer) is returned as it is. The caller
 * must own the ArrayBuffer: one that holds other data too (Node's small-Buffer pool, 8 KB slabs)
 * must not be detached, hence the size floor.
 * @param body a request's body as the SDK serialised it (any type).
 * @param handedOn called once the bytes have been handed to the reader (the HTTP client), or at
 *   once when `body` is returned as it is.
 * @param reuse called, before `handedOn`, with the ArrayBuffer that held the bytes (the whole of
 *   it, the body's spare room included) once the destination the stream is piped into has
 *   emitted 'finish' (node's HTTP client: every byte handed to the system), when nothing reads
 *   them any more: the caller may write into it again (request-buffers.ts). Not called when
 *   the request failed or closed before 'finish', or when the stream was read without a pipe:
 *   the bytes may still be read then, and the buffer is left to the garbage collector. (Node 20
 *   also emits 'finish' on a request destroyed mid-write, the call's cut, before its 'error':
 *   the socket is gone by then, so nothing reads the buffer either; found in review.)
 * @returns a Readable giving the same bytes once, or `body` itself.
 */
export function releasedOnceWritten(
  body: unknown,
  handedOn?: () => void,
  reuse?: (buffer: ArrayBuffer) => void,
): unknown {
  if (!(body instanceof Uint8Array) || body.byteLength < RELEASED_BODY_BYTES) {
    handedOn?.();
    return body;
  }
  const { buffer, byteOffset, byteLength } = body;
  if (!(buffer instanceof ArrayBuffer)) {
    handedOn?.();
    return body;
  }
  // The buffer moves to the chunk (the SDK's views of it are left empty), its spare room with it:
  // the chunk lives only until it is written, and a copy of the bytes would be one more buffer.
  const moved = structuredClone(buffer, { transfer: [buffer] });
  let chunk: Buffer | undefined = Buffer.from(moved, byteOffset, byteLength);
  // Held for `reuse` only (the chunk's bytes are in it): dropped once the request is done.
  let reusable: ArrayBuffer | undefined = reuse ? moved : undefined;
  let done = handedOn;
  const finished = (written = false) => {
    const call = done;
    done = undefined;
    const free = reusable;
    reusable = undefined;
    if (written && free) reuse?.(free);
    call?.();
  };
  let piped = false;
  const stream = new Readable({
    // Not Readable.from([chunk]): its closures keep the array, hence the bytes, until the stream
    // itself is collected, which the SDK's request (holding it as its body) delays to the answer.
    read() {
      const bytes = chunk;
      chunk = undefined;
      this.push(bytes ?? null);
      if (bytes) {
        this.push(null);
        // Read without a pipe (not how the HTTP client reads it): handed on now.
        if (!piped) finished();
      }
    },
  });
  // The HTTP client pipes the body into its request: the bytes are handed on once the request
  // has given them all to the system ('finish'), or failed.
  const pipe = stream.pipe.bind(stream);
  stream.pipe = <T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }) => {
    piped = true;
    const events = destination as unknown as NodeJS.EventEmitter;
    events.once('finish', () => finished(true));
    events.once('close', () => finished());
    events.once('error', () => finished());
    return pipe(destination, options);
  };
  return stream;
}

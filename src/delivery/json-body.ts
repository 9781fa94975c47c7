// The SES v2 request body written in one buffer (issue 13). The SDK's JSON serializer
// (JsonCodec2, restJson1) writes each request into a byte buffer that starts at 2 KB for every
// call and is replaced by one twice as large (or more) whenever the next string or byte array
// may not fit (it keeps 3 bytes a character free before each string): on the bench portfolio,
// 225 KB bodies whose last buffer was 455 KB on average, with the smaller ones before it, each
// message's ArrayBuffers that only a GC frees (test/delivery-memory/json-body.test.ts counts
// them). ArrayBuffers live outside the JS heap: a send piled up tens of MB of them between two
// collections, and the C allocator kept the space after. Here the same serializer is asked once,
// before it writes, for as much room as it will ask for while it writes the message, so it makes
// that one buffer (the last of the ones it made before) and no other. The bytes it writes are its
// own, unchanged: the room asked for only decides the size of its buffer.
import { AwsRestJsonProtocol, JsonCodec2, JsonShapeSerializer2 } from '@aws-sdk/core/protocols';
import type { Schema } from '@smithy/types';
import { RELEASED_BODY_BYTES } from './released-body.js';
import { POOLED_MIN_BYTES, type RequestBufferPool } from './request-buffers.js';

/** Bytes allowed for the punctuation around each value and key (more than JSON needs). */
const PUNCTUATION_BYTES = 8;

/**
 * The bytes JsonShapeSerializer2 writes for `text` as a JSON string, quotes included, or a few
 * more: UTF-8, with `"` and `\\` escaped in two bytes and control characters in up to six; a
 * surrogate is counted at 6 bytes (a lone one is written as \uXXXX).
 */
export function jsonStringBytes(text: string): number {
  let bytes = 2;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += c < 0x20 ? 6 : c === 0x22 || c === 0x5c ? 2 : 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdfff) bytes += 6;
    else bytes += 3;
  }
  return bytes;
}

/**
 * The room JsonShapeSerializer2 asks for while it writes `value` as JSON, in bytes, or a little
 * more: the most, over the values it writes, of the bytes written before a value plus what it
 * reserves before writing that value (3 bytes a UTF-16 unit for a string, whatever it holds;
 * base64 for bytes), and at least all it writes.
 * @param value a command's input (plain objects, arrays, strings, numbers, booleans, Uint8Arrays,
 *   Dates).
 * @returns bytes.
 */
export function jsonRoomFor(value: unknown): number {
  let written = 0;
  let room = 0;
  const visit = (item: unknown): void => {
    if (typeof item === 'string') {
      room = Math.max(room, written + 3 * item.length + PUNCTUATION_BYTES);
      written += jsonStringBytes(item) + PUNCTUATION_BYTES;
    } else if (item instanceof Uint8Array) {
      written += 4 * Math.ceil(item.byteLength / 3) + PUNCTUATION_BYTES;
    } else if (Array.isArray(item)) {
      written += PUNCTUATION_BYTES;
      for (const element of item) visit(element);
    } else if (item !== null && typeof item === 'object' && !(item instanceof Date)) {
      written += PUNCTUATION_BYTES;
      for (const [key, member] of Object.entries(item)) {
        written += jsonStringBytes(key) + PUNCTUATION_BYTES;
        visit(member);
      }
    } else written += 32 + PUNCTUATION_BYTES;
    room = Math.max(room, written);
  };
  visit(value);
  return room + 64;
}

/** Requests smaller than this are left to the serializer's own growth (a few small buffers). */
export const PRESIZED_BODY_BYTES = 16 * 1024;

/** What PresizedSerializer reads and sets of JsonShapeSerializer2's own state (private there). */
interface SerializerState {
  /** The buffer written into (a Uint8Array subclass of the SDK's). */
  json: Uint8Array;
  /** Bytes written so far. */
  i: number;
}

/**
 * JsonShapeSerializer2 that reserves jsonRoomFor(value) before it writes a large value, so the
 * buffer is made once at its final size (the next power of two of 2 KB) instead of doubled into;
 * with `buffers`, a buffer of 64 KB or more is taken from that pool (request-buffers.ts) rather
 * than allocated, and one it outgrows mid-write is given back. Writes the same bytes.
 */
class PresizedSerializer extends JsonShapeSerializer2 {
  /** The pooled ArrayBuffer the serializer writes into now, if any. */
  private pooled: ArrayBuffer | undefined;

  constructor(
    settings: ConstructorParameters<typeof JsonShapeSerializer2>[0],
    private readonly buffers?: RequestBufferPool,
  ) {
    super(settings);
  }

  override write(schema: Schema, value: unknown): void {
    const room = jsonRoomFor(value);
    if (room >= PRESIZED_BODY_BYTES) this.ensure(room);
    super.write(schema, value);
  }

  protected override ensure(byteCount: number): void {
    const state = this as unknown as SerializerState;
    const { i, json } = state;
    if (i + byteCount <= json.length || !this.buffers) return super.ensure(byteCount);
    // The serializer's own rule: twice as large, until it fits (powers of two, from 2 KB).
    let size = json.length * 2;
    while (size < i + byteCount) size *= 2;
    const taken = size >= POOLED_MIN_BYTES ? this.buffers.take(size) : undefined;
    if (!taken) {
      super.ensure(byteCount);
      if (this.pooled) this.buffers.give(this.pooled);
      this.pooled = undefined;
      return;
    }
    const Adapter = json.constructor as new (buffer: ArrayBuffer) => Uint8Array;
    const next = new Adapter(taken);
    next.set(json.subarray(0, i));
    state.json = next;
    // The buffer outgrown is the serializer's alone: its bytes are copied.
    if (this.pooled) this.buffers.give(this.pooled);
    this.pooled = taken;
  }

  override flush(): Uint8Array {
    const pooled = this.pooled;
    this.pooled = undefined;
    const result = super.flush();
    // A body of RELEASED_BODY_BYTES or more is a view of the pooled buffer, which the transport
    // gives back once it is written (released-body.ts). A smaller one (the room asked for is
    // up to three times the bytes written) is not released: it is copied out, and the buffer
    // given back now.
    if (!pooled || !this.buffers || result.byteLength >= RELEASED_BODY_BYTES) return result;
    const Adapter = result.constructor as new (length: number) => Uint8Array;
    const copy = new Adapter(result.byteLength);
    copy.set(result);
    this.buffers.give(pooled);
    return copy;
  }
}

/** JsonCodec2 whose serializer reserves each request's room first (PresizedSerializer). */
class PresizedJsonCodec extends JsonCodec2 {
  constructor(
    settings: ConstructorParameters<typeof JsonCodec2>[0],
    private readonly buffers?: RequestBufferPool,
  ) {
    super(settings);
  }

  override createSerializer(): PresizedSerializer {
    const serializer = new PresizedSerializer(this.settings, this.buffers);
    if (this.serdeContext) serializer.setSerdeContext(this.serdeContext);
    return serializer;
  }
}

/**
 * The restJson1 protocol of SES v2 (AwsRestJsonProtocol, the client's default) with the
 * presizing codec: give it to SESv2Client as `protocol`. Same settings as the protocol gives its
 * own codec. With `buffers`, each request's buffer (64 KB to 4 MB) comes from that pool: the
 * caller gives it back (RequestBufferPool.give) once the request's bytes are written.
 */
export class PresizedRestJsonProtocol extends AwsRestJsonProtocol {
  constructor(
    settings: ConstructorParameters<typeof AwsRestJsonProtocol>[0],
    buffers?: RequestBufferPool,
  ) {
    super({
      ...settings,
      jsonCodec: new PresizedJsonCodec(
        {
          timestampFormat: { useTrait: true, default: 7 },
          httpBindings: true,
          jsonName: true,
        },
        buffers,
      ),
    });
  }
}

/**
 * PresizedRestJsonProtocol whose requests are written into buffers from `buffers`, as a class the
 * SDK constructs (SESv2Client's `protocol` option takes a class and its settings).
 */
export function pooledRestJsonProtocol(
  buffers: RequestBufferPool,
): typeof PresizedRestJsonProtocol {
  return class extends PresizedRestJsonProtocol {
    constructor(settings: ConstructorParameters<typeof AwsRestJsonProtocol>[0]) {
      super(settings, buffers);
    }
  };
}

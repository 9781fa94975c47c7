// A minimal PNG writer and reader for chart images. resvg-wasm can write PNGs itself, but its
// encoder runs in WebAssembly at a fixed setting; node's native zlib on an RGB image (a chart is
// drawn on an opaque white background, so the alpha channel carries nothing) is several times
// faster and its files are smaller (a 1200x600 chart: about 41 KB against resvg's 53 KB).
import { endianness } from 'node:os';
import { promisify } from 'node:util';
import { crc32, deflate, deflateSync } from 'node:zlib';

// zlib's fast levels (1-3) take about 2-3 ms on a 1200x600 chart; level 4 and up about 10 ms for
// files 20-25% smaller (measured best-of-15 on this machine). Time is the tighter budget: issue
// 13 allows 30 ms for a whole chart.
const DEFLATE_LEVEL = 3;

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/**
 * An opaque RGBA image (`width * height * 4` bytes, alpha ignored) as a PNG: 8-bit RGB, no
 * interlace, no row filter (on chart images every filter made the files larger: flat areas and
 * repeated strokes already compress well as they are).
 * @throws RangeError when `rgba` is not `width * height * 4` bytes.
 */
export function encodePng(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const raw = rgbRows(rgba, width, height, scratch);
  return pngFile(width, height, deflateSync(raw, { level: DEFLATE_LEVEL }));
}

const deflateAsync = promisify(deflate);

/**
 * encodePng with the compression (about 3 ms of a 1200x600 chart) on libuv's thread pool: the
 * same bytes, and the main thread is free meanwhile (files.ts draws the next chart then). The
 * RGB copy is made on the calling thread before the first await, so `rgba` may be reused as soon
 * as this is called.
 * @throws RangeError (as a rejection) when `rgba` is not `width * height * 4` bytes.
 */
export async function encodePngAsync(
  rgba: Uint8Array,
  width: number,
  height: number,
): Promise<Uint8Array> {
  let raw: Buffer | undefined;
  try {
    raw = rgbRows(rgba, width, height, pooled);
    // One output chunk for a chart's data (about 40 KB; more chunks only mean more round trips
    // between the threads): the compressed bytes are the same whatever the chunk size.
    const idat = await deflateAsync(raw, { level: DEFLATE_LEVEL, chunkSize: 128 * 1024 });
    return pngFile(width, height, idat);
  } finally {
    if (raw) release(raw);
  }
}

/** The PNG file around its compressed image data (one IDAT chunk). */
function pngFile(width: number, height: number, idat: Uint8Array): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: truecolour (RGB)
  // bytes 10-12: compression 0 (deflate), filter method 0, interlace 0 (none)
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Four pixels (16 bytes of RGBA) are read as four 32-bit words and written as three words of RGB:
// about 3x faster than byte by byte (1.6 against 5 ms of a 1200x600 chart's 9 ms encode). Words
// read a byte order, so the word path is taken only on little-endian machines (every runner).
const LITTLE_ENDIAN = endianness() === 'LE';

/**
 * The PNG's raw image data: per row, filter byte 0 (None) then the row's RGB bytes
 * (`(width * 3 + 1) * height` bytes); the alpha channel is dropped. Written into `space(bytes)`
 * (scratch for encodePng, a pooled buffer for encodePngAsync).
 * @throws RangeError when `rgba` is not `width * height * 4` bytes.
 */
function rgbRows(
  rgba: Uint8Array,
  width: number,
  height: number,
  space: (bytes: number) => Buffer,
): Buffer {
  if (rgba.length !== width * height * 4) {
    throw new RangeError(`encodePng: ${rgba.length} bytes for a ${width}x${height} RGBA image`);
  }
  const stride = width * 3 + 1;
  const raw = space(stride * height);
  const fast = LITTLE_ENDIAN && rgba.byteOffset % 4 === 0;
  const pixels = fast ? new Uint32Array(rgba.buffer, rgba.byteOffset, width * height) : undefined;
  // One row of RGB in whole words (a multiple of 4 bytes), copied into place: rows start at odd
  // offsets, where a Uint32Array cannot write.
  const words = new Uint32Array(Math.ceil((width * 3) / 4));
  const row = new Uint8Array(words.buffer, 0, width * 3);
  const quads = pixels ? width - (width % 4) : 0;
  for (let y = 0; y < height; y++) {
    const first = y * width;
    for (let x = 0, o = 0; x < quads; x += 4, o += 3) {
      const p0 = pixels![first + x]!;
      const p1 = pixels![first + x + 1]!;
      const p2 = pixels![first + x + 2]!;
      const p3 = pixels![first + x + 3]!;
      // Little-endian: a word is R | G << 8 | B << 16 | A << 24.
      words[o] = (p0 & 0xffffff) | (p1 << 24);
      words[o + 1] = ((p1 >>> 8) & 0xffff) | (p2 << 16);
      words[o + 2] = ((p2 >>> 16) & 0xff) | (p3 << 8);
    }
    for (let x = quads, at = (first + quads) * 4, out = quads * 3; x < width; x++, at += 4) {
      row[out++] = rgba[at]!;
      row[out++] = rgba[at + 1]!;
      row[out++] = rgba[at + 2]!;
    }
    raw[y * stride] = 0; // filter type None
    raw.set(row, y * stride + 1);
  }
  return raw;
}

// The raw image data of the last chart, reused by the next: deflateSync reads it and is done
// before encodePng returns, so nothing outlives a call. A fresh 2.2 MB buffer per chart (1200x600)
// cost its page faults every time and left the garbage collector 2.2 MB more to find.
let rows = Buffer.alloc(0);

/** `bytes` bytes of scratch space, valid until the next call (every byte is overwritten). */
function scratch(bytes: number): Buffer {
  if (rows.length < bytes) rows = Buffer.allocUnsafe(bytes);
  return rows.subarray(0, bytes);
}

// encodePngAsync's raw image data is read by the thread pool after the call returns, so each
// call in flight has a buffer of its own, handed back when its compression is done. Two are kept
// for reuse: files.ts has at most two charts in flight (one drawn while the other compresses).
const KEPT_BUFFERS = 2;
const free: Buffer[] = [];

/** A buffer of `bytes` bytes that no other call in flight holds; give it back with release. */
function pooled(bytes: number): Buffer {
  const index = free.findIndex((buffer) => buffer.buffer.byteLength >= bytes);
  const whole = index >= 0 ? free.splice(index, 1)[0]! : Buffer.allocUnsafeSlow(bytes);
  return whole.subarray(0, bytes);
}

function release(raw: Buffer): void {
  if (free.length < KEPT_BUFFERS) free.push(Buffer.from(raw.buffer, 0, raw.buffer.byteLength));
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * The pixel size a PNG declares in its IHDR chunk (the first chunk, always), without decoding it.
 * @throws Error when `png` does not start with the PNG signature and an IHDR chunk.
 */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const bytes = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  const isPng =
    bytes.length >= 24 &&
    SIGNATURE.every((b, i) => bytes[i] === b) &&
    bytes.toString('latin1', 12, 16) === 'IHDR';
  if (!isPng) throw new Error('not a PNG (no signature and IHDR chunk)');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

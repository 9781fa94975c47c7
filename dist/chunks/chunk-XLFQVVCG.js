import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/charts/png.ts
import { endianness } from "node:os";
import { promisify } from "node:util";
import { crc32, deflate, deflateSync } from "node:zlib";
var DEFLATE_LEVEL = 3;
var SIGNATURE = Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10);
function encodePng(rgba, width, height) {
  const raw = rgbRows(rgba, width, height, scratch);
  return pngFile(width, height, deflateSync(raw, { level: DEFLATE_LEVEL }));
}
var deflateAsync = promisify(deflate);
async function encodePngAsync(rgba, width, height) {
  let raw;
  try {
    raw = rgbRows(rgba, width, height, pooled);
    const idat = await deflateAsync(raw, { level: DEFLATE_LEVEL, chunkSize: 128 * 1024 });
    return pngFile(width, height, idat);
  } finally {
    if (raw) release(raw);
  }
}
function pngFile(width, height, idat) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([
    SIGNATURE,
    chunk("IHDR", header),
    chunk("IDAT", idat),
    chunk("IEND", Buffer.alloc(0))
  ]);
}
var LITTLE_ENDIAN = endianness() === "LE";
function rgbRows(rgba, width, height, space) {
  if (rgba.length !== width * height * 4) {
    throw new RangeError(`encodePng: ${rgba.length} bytes for a ${width}x${height} RGBA image`);
  }
  const stride = width * 3 + 1;
  const raw = space(stride * height);
  const fast = LITTLE_ENDIAN && rgba.byteOffset % 4 === 0;
  const pixels = fast ? new Uint32Array(rgba.buffer, rgba.byteOffset, width * height) : void 0;
  const words = new Uint32Array(Math.ceil(width * 3 / 4));
  const row = new Uint8Array(words.buffer, 0, width * 3);
  const quads = pixels ? width - width % 4 : 0;
  for (let y = 0; y < height; y++) {
    const first = y * width;
    for (let x = 0, o = 0; x < quads; x += 4, o += 3) {
      const p0 = pixels[first + x];
      const p1 = pixels[first + x + 1];
      const p2 = pixels[first + x + 2];
      const p3 = pixels[first + x + 3];
      words[o] = p0 & 16777215 | p1 << 24;
      words[o + 1] = p1 >>> 8 & 65535 | p2 << 16;
      words[o + 2] = p2 >>> 16 & 255 | p3 << 8;
    }
    for (let x = quads, at = (first + quads) * 4, out = quads * 3; x < width; x++, at += 4) {
      row[out++] = rgba[at];
      row[out++] = rgba[at + 1];
      row[out++] = rgba[at + 2];
    }
    raw[y * stride] = 0;
    raw.set(row, y * stride + 1);
  }
  return raw;
}
var rows = Buffer.alloc(0);
function scratch(bytes) {
  if (rows.length < bytes) rows = Buffer.allocUnsafe(bytes);
  return rows.subarray(0, bytes);
}
var KEPT_BUFFERS = 2;
var free = [];
function pooled(bytes) {
  const index = free.findIndex((buffer) => buffer.buffer.byteLength >= bytes);
  const whole = index >= 0 ? free.splice(index, 1)[0] : Buffer.allocUnsafeSlow(bytes);
  return whole.subarray(0, bytes);
}
function release(raw) {
  if (free.length < KEPT_BUFFERS) free.push(Buffer.from(raw.buffer, 0, raw.buffer.byteLength));
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export {
  encodePng,
  encodePngAsync
};

// encodePng's word-at-a-time copy (src/charts/png.ts) must write the very bytes the byte-by-byte
// copy it replaced wrote: same raw rows, same zlib level, so every chart PNG of a run stays
// byte-identical. The reference below is that old copy, kept here as the specification.
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../../src/charts/png.js';

/** The PNG's raw rows as the first encoder built them: filter byte 0, then R, G, B per pixel. */
function referenceRows(rgba: Uint8Array, width: number, height: number): Buffer {
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0, at = 0; y < height; y++) {
    let out = y * stride + 1;
    for (let x = 0; x < width; x++, at += 4) {
      raw[out++] = rgba[at]!;
      raw[out++] = rgba[at + 1]!;
      raw[out++] = rgba[at + 2]!;
    }
  }
  return raw;
}

/** The IDAT chunk's data of a PNG this project writes (one IDAT, right after IHDR). */
function idat(png: Uint8Array): Buffer {
  const bytes = Buffer.from(png);
  const at = 8 + 12 + 13; // signature, then IHDR (length, type, 13 bytes, CRC)
  expect(bytes.toString('latin1', at + 4, at + 8)).toBe('IDAT');
  return bytes.subarray(at + 8, at + 8 + bytes.readUInt32BE(at));
}

/** A deterministic RGBA image whose every byte differs from its neighbours (alpha varies too). */
function noise(width: number, height: number, seed: number): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  let state = seed;
  for (let i = 0; i < rgba.length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    rgba[i] = state >>> 24;
  }
  return rgba;
}

describe('encodePng, word-at-a-time', () => {
  // Widths that are and are not a multiple of 4 pixels (the word path takes 4 at a time and the
  // rest byte by byte), including a row of fewer than 4 pixels and the charts' own 1200.
  it.each([
    [1200, 6],
    [4, 3],
    [5, 3],
    [7, 2],
    [3, 4],
    [1, 1],
    [962, 5],
  ])('writes the same IDAT as the byte-by-byte copy for a %ix%i image', (width, height) => {
    const rgba = noise(width, height, width * 31 + height);
    expect(idat(encodePng(rgba, width, height))).toEqual(
      deflateSync(referenceRows(rgba, width, height), { level: 3 }),
    );
  });

  it('reads an image that does not start on a 4-byte boundary byte by byte, to the same result', () => {
    const width = 9;
    const height = 4;
    const rgba = noise(width, height, 7);
    const shifted = new Uint8Array(rgba.length + 1).subarray(1);
    shifted.set(rgba);
    expect(shifted.byteOffset % 4).not.toBe(0);
    expect(Buffer.from(encodePng(shifted, width, height))).toEqual(
      Buffer.from(encodePng(rgba, width, height)),
    );
    expect(idat(encodePng(shifted, width, height))).toEqual(
      deflateSync(referenceRows(rgba, width, height), { level: 3 }),
    );
  });

  it('reads only its own view of a larger buffer (a subarray at an aligned offset)', () => {
    const width = 8;
    const height = 2;
    const whole = noise(width, height * 3, 3);
    // The middle third: rows 2 and 3 of the whole.
    const middle = whole.subarray(width * height * 4, width * height * 8);
    expect(idat(encodePng(middle, width, height))).toEqual(
      deflateSync(referenceRows(middle, width, height), { level: 3 }),
    );
  });
});

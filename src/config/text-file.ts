// Every file boardroom reads from reports-config/ (YAML, CSV, templates, books) is read here, as
// UTF-8: a file saved in another encoding (Excel's Windows-1252 "CSV", a Latin-1 editor, UTF-16
// "Unicode Text") is named at its first bad line instead of its accents turning into U+FFFD.
import { readFile } from 'node:fs';
import path from 'node:path';
import type { ConfigError } from './errors.js';

export interface TextFile {
  /**
   * The text, without a byte-order mark. A byte that is not UTF-8 reads as U+FFFD; a UTF-16 file
   * is decoded as UTF-16, so the checks after this one see what the user wrote.
   */
  readonly text: string;
  /** Set when the file is not UTF-8: the line (and for non-CSV files, column) of the first bad byte. */
  readonly error?: ConfigError;
}

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/**
 * Reads a file as UTF-8 text (a leading byte-order mark is allowed and removed). `shownAs` is the
 * name used in messages. Returns undefined when the file does not exist; throws on other I/O
 * errors. A file that is not UTF-8 still returns its text (with U+FFFD), so later checks can run
 * and every problem is reported at once, plus the error that rejects it.
 */
export async function readTextFile(file: string, shownAs: string): Promise<TextFile | undefined> {
  let bytes: Uint8Array;
  try {
    // The callback readFile: node 20's fs/promises one takes a FileHandle and a thread-pool
    // round trip per step, about twice the time for the small files a portfolio is made of.
    bytes = await new Promise<Buffer>((resolve, reject) =>
      readFile(file, (error, data) => (error ? reject(error) : resolve(data))),
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return decodeText(shownAs, bytes);
}

/**
 * Decodes a file's bytes as UTF-8; see readTextFile. `file` names the file in the error. A
 * UTF-16 file (byte-order mark, or the NUL byte beside every ASCII character) is rejected as
 * such and decoded as UTF-16, so its one error is not followed by errors about NULs and U+FFFD.
 */
export function decodeText(file: string, bytes: Uint8Array): TextFile {
  const utf16 = utf16Of(bytes);
  if (utf16) {
    const csv = path.extname(file).toLowerCase() === '.csv';
    return {
      // The decoder drops the byte-order mark; a lone odd byte at the end reads as U+FFFD.
      text: new TextDecoder(utf16).decode(bytes),
      error: {
        file,
        line: 1,
        ...(csv ? {} : { column: 1 }),
        message: `not UTF-8 but UTF-16 (${fixOf(file)})`,
      },
    };
  }
  try {
    return { text: strict.decode(bytes) };
  } catch {
    return { text: lenient.decode(bytes), error: notUtf8(file, bytes) };
  }
}

/**
 * 'utf-16le' or 'utf-16be' when the bytes are UTF-16: Excel's "Unicode Text" and Notepad's
 * "Unicode" write a byte-order mark; without one, text that is mostly ASCII has a NUL in every
 * other byte (after each character in little-endian, before it in big-endian), which UTF-8
 * text never has. The first 1,024 bytes decide.
 */
function utf16Of(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const pairs = Math.min(bytes.length, 1024) >> 1;
  if (pairs === 0) return undefined;
  // Either count needs a NUL among the bytes looked at: without one (any UTF-8 text) the answer
  // is known from one native search instead of a loop over 1,024 bytes in every file.
  if (bytes.subarray(0, 2 * pairs).indexOf(0) === -1) return undefined;
  let nulFirst = 0;
  let nulSecond = 0;
  for (let i = 0; i < pairs; i += 1) {
    if (bytes[2 * i] === 0) nulFirst += 1;
    if (bytes[2 * i + 1] === 0) nulSecond += 1;
  }
  if (nulSecond >= pairs / 2 && nulFirst === 0) return 'utf-16le';
  if (nulFirst >= pairs / 2 && nulSecond === 0) return 'utf-16be';
  return undefined;
}

/** How to fix the encoding, in the words of the program that saves the file. */
function fixOf(file: string): string {
  return path.extname(file).toLowerCase() === '.csv' ? 'save as "CSV UTF-8"' : 'save it as UTF-8';
}

function notUtf8(file: string, bytes: Uint8Array): ConfigError {
  const csv = path.extname(file).toLowerCase() === '.csv';
  const fix = fixOf(file);
  const bad = firstInvalidByte(bytes);
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i < bad; i += 1) {
    if (bytes[i] === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
  }
  // The bytes before the bad one are valid UTF-8; the column counts their characters.
  const column = [...strict.decode(bytes.subarray(lineStart, bad))].length + 1;
  // A CSV problem is named by row (file:line); YAML and templates by line and column.
  return { file, line, ...(csv ? {} : { column }), message: `not UTF-8 (${fix})` };
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629). */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0; // overlong
      if (lead === 0xed) high = 0x9f; // surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90; // overlong
      if (lead === 0xf4) high = 0x8f; // above U+10FFFF
    } else return i;
    for (let k = 1; k < length; k += 1) {
      const byte = bytes[i + k];
      const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
      if (byte === undefined || byte < min || byte > max) return i;
    }
    i += length;
  }
  return bytes.length;
}

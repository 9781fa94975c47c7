// A large JSON file written in pieces: summary.json is 15 MB for a 1,000-report portfolio, and one
// JSON.stringify of it (plus the Buffer a writeFile makes of that string) was the run's last and
// highest memory peak. The pieces are JSON.stringify's own output, so the bytes stay the same.
import { open, rm, type FileHandle } from 'node:fs/promises';
import { types } from 'node:util';

/** JSON.stringify(value, null, 2)'s indentation: two spaces a level. */
const GAP = '  ';
/** Text goes to the file in chunks of at least this many UTF-16 code units (64 Ki, ~64 KB). */
const CHUNK = 1 << 16;

/**
 * Writes `JSON.stringify(value, null, 2) + '\n'` to `file`, byte for byte, without ever making
 * the whole text: see jsonPieces for how it is cut. The pieces go to the file in chunks of
 * ~64 KB (64 Ki UTF-16 code units or more), so what is held at once is one chunk plus the
 * largest piece: for the bench portfolio's summary.json (15 MB, 1,000 reports) 5,274 pieces, the
 * largest one report of 35 KB, where one JSON.stringify and its Buffer raised the peak by 43 MB.
 * A value JSON.stringify cannot write (a cycle, a BigInt) throws its TypeError, and the partly
 * written file is removed. Like `writeFile(file, JSON.stringify(undefined, null, 2) + '\n')`, a
 * value JSON.stringify writes as nothing (undefined, a function) gives `undefined\n`.
 * @param file the path to write; an existing file is replaced.
 * @param value what to write.
 * @param splitDepth how many levels of containers are cut into members (see jsonPieces); 2 by
 * default.
 */
export async function writeJsonFile(file: string, value: unknown, splitDepth = 2): Promise<void> {
  const handle = await open(file, 'w');
  try {
    let chunk: string[] = [];
    let length = 0;
    for (const piece of jsonPieces(value, splitDepth)) {
      chunk.push(piece);
      length += piece.length;
      if (length >= CHUNK) {
        await writeAll(handle, chunk.join(''));
        chunk = [];
        length = 0;
      }
    }
    chunk.push('\n');
    await writeAll(handle, chunk.join(''));
  } catch (error) {
    await handle.close();
    await rm(file, { force: true });
    throw error;
  }
  await handle.close();
}

/**
 * Writes all of `text` (UTF-8) at the handle's position. A write may take fewer bytes than it
 * was given (a file-size limit, a full disk): the rest is written again, so that the limit's or
 * the disk's error is raised, as writeFile raises it, instead of a short file left as if whole.
 */
async function writeAll(handle: FileHandle, text: string): Promise<void> {
  const bytes = Buffer.from(text, 'utf8');
  for (let offset = 0; offset < bytes.length;) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
    if (bytesWritten === 0) throw new Error('the file took none of the bytes written to it');
    offset += bytesWritten;
  }
}

/**
 * The text of `JSON.stringify(value, null, 2)` (or `"undefined"` where that is undefined), in
 * pieces that join to exactly it. Arrays and plain objects on the first `splitDepth` levels are
 * cut into their members (depth 2: the top-level object, its members, and their members, such as
 * summary.json's `reports` array and each report); each deeper value is one JSON.stringify call,
 * re-indented to its place (JSON text has no raw line break inside a string, so every "\n" in it
 * is one of its own line breaks, followed by its indentation).
 *
 * What JSON.stringify does is what the pieces say, as the spec's SerializeJSONProperty has it:
 * each value's `toJSON(key)` is called once, with its key (`""` at the top, the index as a string
 * in an array), and its result is written (and not asked for its own toJSON); members that are
 * undefined, functions or symbols are left out of objects and are `null` in arrays; boxed numbers,
 * strings and booleans are written as their values; keys come in Object.keys order; a cycle
 * throws a TypeError ("Converting circular structure to JSON"), and so does a BigInt. The pieces
 * come lazily: a throw comes after the pieces before it. One difference: where the cutting stops,
 * the property `toJSON` is read twice (here, then by JSON.stringify), so a getter or Proxy that
 * answers the second read differently is not written as JSON.stringify would write it; plain
 * data, such as a run's summary, has none.
 * @param value what to write.
 * @param splitDepth how many levels of containers are cut into members; 0 gives one piece.
 */
export function* jsonPieces(value: unknown, splitDepth: number): Generator<string, void, void> {
  const ancestors = new Set<object>();

  /**
   * The member `key` of `holder`, at a line indented by `indent`, after `prefix` (its key or the
   * comma before it); false when it is left out (an object's undefined, function or symbol).
   */
  function* member(
    holder: object,
    key: string,
    prefix: string,
    indent: string,
    depth: number,
    inArray: boolean,
  ): Generator<string, boolean, void> {
    let item: unknown = (holder as Record<string, unknown>)[key];
    let viaToJSON = false;
    if ((typeof item === 'object' && item !== null) || typeof item === 'bigint') {
      const toJSON: unknown = (item as { toJSON?: unknown }).toJSON;
      if (typeof toJSON === 'function') {
        item = (toJSON as (this: unknown, key: string) => unknown).call(item, key);
        viaToJSON = true;
      }
    }
    if (depth > 0 && isContainer(item)) {
      yield prefix;
      yield* container(item, indent, depth);
      return true;
    }
    let text = viaToJSON ? stringifyResolved(item) : JSON.stringify(item, null, 2);
    if (text === undefined) {
      if (!inArray) return false;
      text = 'null';
    }
    yield prefix;
    yield indent === '' || !text.includes('\n') ? text : text.replaceAll('\n', `\n${indent}`);
    return true;
  }

  /** An array or plain object, member by member, from its opening bracket to its closing one. */
  function* container(item: object, indent: string, depth: number): Generator<string, void, void> {
    if (ancestors.has(item)) throw new TypeError('Converting circular structure to JSON');
    ancestors.add(item);
    const inner = indent + GAP;
    if (Array.isArray(item)) {
      const length = item.length;
      for (let index = 0; index < length; index++)
        yield* member(
          item,
          String(index),
          index === 0 ? `[\n${inner}` : `,\n${inner}`,
          inner,
          depth - 1,
          true,
        );
      yield length === 0 ? '[]' : `\n${indent}]`;
    } else {
      let empty = true;
      for (const key of Object.keys(item)) {
        const prefix = `${empty ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
        if (yield* member(item, key, prefix, inner, depth - 1, false)) empty = false;
      }
      yield empty ? '{}' : `\n${indent}}`;
    }
    ancestors.delete(item);
  }

  if (!(yield* member({ '': value }, '', '', '', splitDepth, false))) yield 'undefined';
}

/**
 * An array or an object JSON.stringify writes as `{...}` member by member: not null, not callable,
 * not a boxed primitive (written as its value) and not raw JSON text (JSON.rawJSON).
 */
function isContainer(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return true;
  const isRawJSON = (JSON as { isRawJSON?: (value: unknown) => boolean }).isRawJSON;
  return !types.isBoxedPrimitive(value) && !isRawJSON?.(value);
}

/**
 * JSON.stringify(value, null, 2) for a value that is already a toJSON's result, so that its own
 * toJSON (if it has one) is not called: JSON.stringify calls toJSON once per value. A replacer
 * runs after toJSON, so the value is put in by one, in place of the null it starts from.
 */
function stringifyResolved(value: unknown): string | undefined {
  if ((typeof value !== 'object' || value === null) && typeof value !== 'bigint')
    return JSON.stringify(value, null, 2);
  let first = true;
  return JSON.stringify(
    null,
    function (this: unknown, _key: string, current: unknown) {
      if (!first) return current;
      first = false;
      return value;
    },
    2,
  );
}

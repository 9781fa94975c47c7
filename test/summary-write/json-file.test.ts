// summary.json written in pieces (src/summary/json-file.ts): the same bytes as
// `JSON.stringify(value, null, 2) + '\n'`, without ever making that whole text.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonPieces, writeJsonFile } from '../../src/summary/json-file.js';
import { REPO_ROOT, tempDir } from '../helpers.js';

/** A small seeded generator (mulberry32), so that a failing case can be run again. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Characters JSON.stringify escapes or writes as they are, non-ASCII and lone surrogates too. */
const CHARACTERS = [
  'a',
  'Z',
  ' ',
  '"',
  '\\',
  '\n',
  '\t',
  '\u0000',
  '\u001f',
  'é',
  '€',
  '…',
  '\u2028',
  '\u2029',
  '😀',
  '\ud800',
  '\udfff',
  '<',
  '/',
  '{',
  ']',
  ',',
];

/**
 * A random value of everything JSON.stringify treats in its own way: scalars (-0, NaN, Infinity),
 * undefined, functions and symbols (left out of objects, null in arrays), boxed primitives,
 * Dates, values with toJSON (which may return undefined, an object, or one with a toJSON of its
 * own), empty and nested arrays and objects, sparse arrays, keys that look like indexes.
 */
function generate(next: () => number, depth: number): unknown {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const text = (): string =>
    Array.from({ length: Math.floor(next() * 8) }, () => pick(CHARACTERS)).join('');
  const kind = Math.floor(next() * (depth > 0 ? 22 : 14));
  switch (kind) {
    case 0:
      return null;
    case 1:
      return next() < 0.5;
    case 2:
      return pick([0, -0, 1, -1.5, 1e21, 1e-7, NaN, Infinity, -Infinity, 2 ** 53]);
    case 3:
    case 4:
      return text();
    case 5:
      return undefined;
    case 6:
      return () => 1;
    case 7:
      return Symbol('s');
    case 8:
      return pick([new Number(2.5), new String(text()), new Boolean(false), Object(Symbol('b'))]);
    case 9:
      return new Date(Math.floor(next() * 2e12));
    case 10:
      return [];
    case 11:
      return {};
    case 12:
      return pick([new Date(NaN), new Map([[1, 2]]), new Set([1])]);
    case 13:
      return text() + text();
    case 14:
    case 15: {
      const array = Array.from({ length: Math.floor(next() * 5) }, () => generate(next, depth - 1));
      if (next() < 0.1) array[array.length + 2] = 1; // holes are null
      return array;
    }
    case 16:
    case 17:
    case 18: {
      const object: Record<string, unknown> = {};
      for (let i = Math.floor(next() * 5); i > 0; i--)
        object[pick([text(), '0', '10', '__proto__x', 'toJSONs'])] = generate(next, depth - 1);
      return object;
    }
    case 19: {
      const inner = generate(next, depth - 1);
      return { toJSON: (key: string) => (next() < 0.5 ? inner : { key, inner }) };
    }
    case 20:
      return { toJSON: () => (next() < 0.5 ? undefined : () => 0) };
    default: {
      // A toJSON whose result has a toJSON of its own: JSON.stringify calls only the first.
      const inner = { toJSON: () => 'not called', plain: generate(next, depth - 1) };
      return { toJSON: () => inner };
    }
  }
}

const written: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  written.length = 0;
});

describe('jsonPieces', () => {
  it('joins to JSON.stringify(value, null, 2) for 3,000 random values, at every split depth', () => {
    for (let seed = 1; seed <= 3000; seed++) {
      // The same value twice from the same seed, as toJSON draws from the generator too.
      const expected = JSON.stringify(generate(random(seed), 4), null, 2) ?? 'undefined';
      for (const depth of [0, 1, 2, 3, 6]) {
        const pieces = [...jsonPieces(generate(random(seed), 4), depth)].join('');
        if (pieces !== expected)
          throw new Error(`seed ${seed}, depth ${depth}:\n${expected}\n---\n${pieces}`);
      }
    }
  });

  it('calls each toJSON once, with the key JSON.stringify gives it, in the same order', () => {
    const make = (calls: string[]) => {
      const tracked = (name: string, result: unknown) => ({
        toJSON(key: string) {
          calls.push(`${name}:${JSON.stringify(key)}`);
          return result;
        },
      });
      return tracked('top', {
        list: [tracked('first', 1), tracked('second', { deep: tracked('deep', 'x') })],
        object: tracked('object', tracked('never', 2)),
        gone: tracked('gone', undefined),
      });
    };
    const expected: string[] = [];
    const text = JSON.stringify(make(expected), null, 2);
    for (const depth of [0, 1, 2, 5]) {
      const calls: string[] = [];
      expect([...jsonPieces(make(calls), depth)].join('')).toBe(text);
      expect(calls).toEqual(expected);
    }
    expect(expected).toEqual([
      'top:""',
      'first:"0"',
      'second:"1"',
      'deep:"deep"',
      'object:"object"',
      'gone:"gone"',
    ]);
  });

  it('reads each member once (a getter is called as often as JSON.stringify calls it)', () => {
    let reads = 0;
    const value = {
      get counted() {
        reads++;
        return [1, 2];
      },
    };
    JSON.stringify(value);
    expect(reads).toBe(1);
    expect([...jsonPieces(value, 3)].join('')).toBe(JSON.stringify(value, null, 2));
    expect(reads).toBe(3); // once more for the expected text
  });

  it('throws as JSON.stringify does on a cycle and on a BigInt, at any depth', () => {
    const cycle: Record<string, unknown> = { a: [1, { b: 2 }] };
    ((cycle.a as unknown[])[1] as Record<string, unknown>).back = cycle;
    for (const depth of [0, 1, 2, 3, 8]) {
      expect(() => [...jsonPieces(cycle, depth)]).toThrow(TypeError);
      expect(() => [...jsonPieces({ a: [{ n: 1n }] }, depth)]).toThrow(TypeError);
    }
    // At the first step back into an ancestor, not after writing it again down to splitDepth.
    const before: string[] = [];
    expect(() => {
      for (const piece of jsonPieces(cycle, 50)) before.push(piece);
    }).toThrow(TypeError);
    expect(before.join('')).toBe('{\n  "a": [\n    1,\n    {\n      "b": 2,\n      "back": ');
    // Only a cycle: the same object twice, side by side, is written twice.
    const shared = { x: [1] };
    expect([...jsonPieces({ a: shared, b: [shared, shared] }, 4)].join('')).toBe(
      JSON.stringify({ a: shared, b: [shared, shared] }, null, 2),
    );
  });

  it('cuts a summary-sized value into pieces no larger than one report', () => {
    const report = (i: number) => ({
      id: `r${i}`,
      findings: Array.from({ length: 40 }, (_, j) => ({ id: `f${j}`, title: `Finding ${j} …` })),
    });
    const summary = {
      run: { mode: 'dry-run' },
      reports: Array.from({ length: 500 }, (_, i) => report(i)),
    };
    const pieces = [...jsonPieces(summary, 2)];
    const total = pieces.reduce((sum, piece) => sum + piece.length, 0);
    expect(pieces.join('')).toBe(JSON.stringify(summary, null, 2));
    const largest = Math.max(...pieces.map((piece) => piece.length));
    expect(largest).toBe(JSON.stringify(report(499), null, 2).replaceAll('\n', '\n    ').length);
    expect(largest * 400).toBeLessThan(total);
  });
});

describe('writeJsonFile', () => {
  it('writes the same bytes as writeFile(JSON.stringify(value, null, 2) + "\\n")', async () => {
    const folder = tempDir();
    for (let seed = 1; seed <= 200; seed++) {
      const file = path.join(folder, `${seed}.json`);
      await writeJsonFile(file, generate(random(seed), 5));
      const expected = `${JSON.stringify(generate(random(seed), 5), null, 2)}\n`;
      expect(readFileSync(file).equals(Buffer.from(expected)), `seed ${seed}`).toBe(true);
    }
    // A value JSON.stringify writes as nothing: "undefined", as writeFile(undefined + '\n') did.
    await writeJsonFile(path.join(folder, 'u.json'), undefined);
    expect(readFileSync(path.join(folder, 'u.json'), 'utf8')).toBe('undefined\n');
  });

  it('writes a large value in chunks, none of them the whole text, with the same bytes', async () => {
    const value = {
      reports: Array.from({ length: 2000 }, (_, i) => ({
        id: `r${i}`,
        note: `é\u2028${'x'.repeat(200)}`,
      })),
    };
    const expected = Buffer.from(`${JSON.stringify(value, null, 2)}\n`);
    const stringify = vi.spyOn(JSON, 'stringify');
    const file = path.join(tempDir(), 'summary.json');
    await writeJsonFile(file, value);
    const longest = Math.max(...stringify.mock.results.map((r) => String(r.value ?? '').length));
    stringify.mockRestore();
    expect(readFileSync(file).equals(expected)).toBe(true);
    // Nothing near the whole text was ever one string: a report at most.
    expect(longest).toBeLessThan(1000);
    expect(expected.length).toBeGreaterThan(400_000);
  });

  it('replaces an existing file, and leaves none when JSON.stringify would throw', async () => {
    const folder = tempDir();
    const file = path.join(folder, 'summary.json');
    writeFileSync(file, 'x'.repeat(100_000));
    await writeJsonFile(file, { a: 1 });
    expect(readFileSync(file, 'utf8')).toBe('{\n  "a": 1\n}\n');
    const big = { reports: Array.from({ length: 5000 }, (_, i) => ({ i, text: 'y'.repeat(50) })) };
    await expect(writeJsonFile(file, { ...big, last: 10n })).rejects.toThrow(TypeError);
    expect(existsSync(file)).toBe(false);
  });

  // Found in review: a write the file takes only part of (here a file-size limit, `ulimit -f`;
  // also a full disk) was not written again, so a cut summary.json came back as success where
  // writeFile raised EFBIG. The limit is 70 blocks of 1,024 bytes and the value's text is 106 KB,
  // so its last chunk is the short write.
  it("raises the file-size limit's error instead of leaving a short file as if whole", () => {
    const folder = tempDir();
    const file = path.join(folder, 'summary.json');
    const module = path.join(REPO_ROOT, 'src', 'summary', 'json-file.ts');
    const code = `const { writeJsonFile } = await import(${JSON.stringify(module)});
      const value = { reports: Array.from({ length: 1000 }, (_, i) => ({ i, text: 'z'.repeat(60) })) };
      try { await writeJsonFile(${JSON.stringify(file)}, value); console.log('resolved'); }
      catch (error) { console.log('rejected ' + error.code); }`;
    const result = spawnSync(
      'bash',
      [
        '-c',
        'ulimit -f 70 && exec "$0" --import tsx --input-type=module -e "$1"',
        process.execPath,
        code,
      ],
      { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('rejected EFBIG');
    expect(existsSync(file)).toBe(false);
  }, 60_000);
});

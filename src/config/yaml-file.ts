// Parses one YAML file against its zod schema and names every problem by line and column.
//
// YAML's implicit types are resolved by what the schema asks for, not by how a scalar looks: a
// mapping key is always the text the user typed (`0150:` is the account "0150", not 150), and a
// plain scalar where the schema wants text keeps its text (`id: 007` is "007"). Merge keys
// (`<<: *anchor`) are supported.
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
  type Pair,
  type ParsedNode,
  type YAMLMap,
} from 'yaml';
import type { z } from 'zod';
import type { ConfigError } from './errors.js';

export interface YamlFile<T> {
  readonly value?: T;
  readonly errors: ConfigError[];
  /** The position of a path in the file, for checks made after the schema (references). */
  readonly positionOf: (path: readonly (string | number)[]) => { line: number; column: number };
}

type Path = readonly (string | number)[];

/**
 * Parses `text` (the content of `file`, as named in messages) and checks it against `schema`.
 * Returns the parsed value when it is valid, else every problem as a ConfigError with 1-based line
 * and column. Never throws for anything in the text.
 */
export function parseYamlFile<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
): YamlFile<z.output<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: sameKeyText,
    merge: true,
  });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: Math.max(line, 1), column: Math.max(col, 1) };
  };
  const positionOf = (path: Path) => at(offsetOf(doc, path));

  const syntaxErrors: ConfigError[] = doc.errors.map((error) => ({
    file,
    ...at(error.pos[0]),
    message: `YAML syntax: ${firstLine(error.message)}`,
  }));
  // Merge keys are checked and key texts kept in one walk of the document. Keeping a key's text
  // moves no node, so the positions of a document with merge-key errors are as they were.
  if (syntaxErrors.length === 0) syntaxErrors.push(...mergeKeyErrorsKeepingKeyText(doc, file, at));
  if (syntaxErrors.length > 0) return { errors: syntaxErrors, positionOf };

  // reportInput: zod 4 leaves the offending value out of an issue unless asked. jitless: each
  // schema checks a handful of documents once, and zod's compiled fast path (a `new Function`
  // per object schema, built on its first parse) costs far more to build than it saves here.
  const check = () => {
    try {
      return schema.safeParse(doc.toJS() ?? {}, { reportInput: true, jitless: true });
    } catch (error) {
      // toJS throws on what the composer accepts but cannot build (too many aliases).
      return { success: false as const, thrown: (error as Error).message };
    }
  };
  let result = check();
  // Text is restored node by node, so each pass can only shrink the issues: a few passes settle.
  for (let pass = 0; pass < 3 && !result.success && 'error' in result; pass += 1) {
    if (!keepTypedText(doc, result.error.issues)) break;
    result = check();
  }
  if (result.success) return { value: result.data, errors: [], positionOf };
  if (!('error' in result)) {
    return {
      errors: [{ file, line: 1, column: 1, message: `YAML: ${result.thrown}` }],
      positionOf,
    };
  }

  const errors: ConfigError[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        errors.push({
          file,
          ...at(keyOffset(doc, path, key)),
          field: [...path, key].join('.'),
          message: `unknown key "${key}"${path.length ? ` in ${path.join('.')}` : ''}`,
        });
      }
      continue;
    }
    errors.push({
      file,
      ...positionOf(path),
      field: path.join('.'),
      message:
        path.length > 0 && pairAt(doc, path) === undefined
          ? `${path.join('.')}: missing required key "${String(path.at(-1))}"`
          : describeIssue(issue, path),
    });
  }
  return { errors, positionOf };
}

/** What a scalar means as a mapping key: the text typed, whatever type YAML would give it. */
function keyText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  // A merge key resolves to a symbol and may appear more than once in a mapping.
  if (typeof node.value === 'symbol') return undefined;
  if (typeof node.value === 'string') return node.value;
  return node.source ?? String(node.value);
}

/** Two keys are the same key when they are the same text: `150` and `"150"`, not `150` and `0150`. */
function sameKeyText(a: ParsedNode, b: ParsedNode): boolean {
  if (a === b) return true;
  const text = keyText(a);
  return text !== undefined && text === keyText(b);
}

/**
 * Where the schema wanted text and found a plain scalar that YAML resolved to a number, boolean
 * or date, puts back the text the user typed (`007`, `1.50`, `0x1F`). Returns whether it changed
 * anything. A null (an empty value, `~`) is left alone: it means nothing was written.
 */
function keepTypedText(
  doc: Document,
  issues: readonly z.core.$ZodIssue[],
  prefix: Path = [],
): boolean {
  let changed = false;
  for (const issue of issues) {
    const path = [
      ...prefix,
      ...issue.path.filter((key): key is string | number => typeof key !== 'symbol'),
    ];
    if (issue.code === 'invalid_union') {
      for (const branch of issue.errors) changed = keepTypedText(doc, branch, path) || changed;
      continue;
    }
    if (issue.code !== 'invalid_type' || issue.expected !== 'string') continue;
    const node = nodeAt(doc, path);
    if (
      isScalar(node) &&
      node.type === 'PLAIN' &&
      node.source !== undefined &&
      node.value !== null &&
      typeof node.value !== 'string'
    ) {
      node.value = node.source;
      changed = true;
    }
  }
  return changed;
}

/**
 * `<<` must name a mapping or a list of mappings (an alias or written in place); anything else is
 * one message at the key instead of an exception from the merge. The same walk makes every other
 * mapping key the text typed (`0150:` is "0150", `1.50:` is "1.50"; keyText).
 */
function mergeKeyErrorsKeepingKeyText(
  doc: Document,
  file: string,
  at: (offset: number) => { line: number; column: number },
): ConfigError[] {
  const errors: ConfigError[] = [];
  const isMapping = (node: unknown) => isMap(isAlias(node) ? node.resolve(doc) : node);
  visit(doc, {
    Pair(_, pair) {
      const key = pair.key;
      if (!isMergeKey(pair)) {
        if (isScalar(key) && typeof key.value !== 'string') key.value = keyText(key);
        return;
      }
      const value = isAlias(pair.value) ? pair.value.resolve(doc) : pair.value;
      const ok = isSeq(value) ? value.items.every(isMapping) : isMapping(value);
      if (!ok) {
        errors.push({
          file,
          ...at((pair.key as Node).range?.[0] ?? 0),
          message: 'YAML merge key: "<<" must name a mapping ("<<: *anchor" or "<<: [*a, *b]")',
        });
      }
    },
  });
  return errors;
}

function isMergeKey(pair: Pair): boolean {
  return isScalar(pair.key) && typeof pair.key.value === 'symbol';
}

/** The pair that gives `key` its value in a mapping: its own first, then its merge sources. */
function pairIn(doc: Document, map: YAMLMap, key: string | number): Pair | undefined {
  const wanted = String(key);
  const own = map.items.find((pair) => !isMergeKey(pair) && keyText(pair.key) === wanted);
  if (own) return own;
  for (const pair of map.items) {
    if (!isMergeKey(pair)) continue;
    const value = isAlias(pair.value) ? pair.value.resolve(doc) : pair.value;
    for (const source of isSeq(value) ? value.items : [value]) {
      const resolved = isAlias(source) ? source.resolve(doc) : source;
      const found = isMap(resolved) ? pairIn(doc, resolved, key) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}

/** The node at a path of the parsed value (aliases and merge keys followed), if there is one. */
function nodeAt(doc: Document, path: Path): unknown {
  let node: unknown = doc.contents;
  for (const key of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) node = pairIn(doc, node, key)?.value;
    else if (isSeq(node) && typeof key === 'number') node = node.items[key];
    else return undefined;
  }
  return isAlias(node) ? node.resolve(doc) : node;
}

/** The pair holding the last key of a path, when the path ends at a mapping key that exists. */
function pairAt(doc: Document, path: Path): Pair | Node | undefined {
  const parent = nodeAt(doc, path.slice(0, -1));
  if (isMap(parent)) return pairIn(doc, parent, path.at(-1)!);
  if (isSeq(parent) && typeof path.at(-1) === 'number') {
    return parent.items[path.at(-1) as number] as Node | undefined;
  }
  return undefined;
}

function describeIssue(issue: z.core.$ZodIssue, path: Path): string {
  const where = path.length > 0 ? path.join('.') : 'the file';
  if (issue.code === 'invalid_type') {
    return `${where}: expected ${issue.expected}, found ${describeValue(issue.input)}`;
  }
  if (issue.code === 'invalid_value') {
    return `${where}: must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  if (issue.code === 'invalid_union') {
    return `${where}: not a valid value`;
  }
  return `${where}: ${issue.message}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** The offset of the deepest node on the path that exists (a missing key points at its parent). */
function offsetOf(doc: Document, path: Path): number {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = depth === 0 ? doc.contents : nodeAt(doc, path.slice(0, depth));
    const range = (node as Node | undefined)?.range;
    if (range) return range[0];
  }
  return 0;
}

function keyOffset(doc: Document, path: Path, key: string): number {
  const parent = nodeAt(doc, path);
  const pair = isMap(parent) ? pairIn(doc, parent, key) : undefined;
  const range = isPair(pair) ? (pair.key as Node | null)?.range : undefined;
  return range ? range[0] : offsetOf(doc, path);
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

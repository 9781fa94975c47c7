// Parses one YAML file against its zod schema and names every problem by line and column.
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import type { ConfigError } from './errors.js';

export interface YamlFile<T> {
  readonly value?: T;
  readonly errors: ConfigError[];
  /** The position of a path in the file, for checks made after the schema (references). */
  readonly positionOf: (path: readonly (string | number)[]) => { line: number; column: number };
}

export function parseYamlFile<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
): YamlFile<z.output<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: Math.max(line, 1), column: Math.max(col, 1) };
  };
  const positionOf = (path: readonly (string | number)[]) => at(offsetOf(doc, path));

  if (doc.errors.length > 0) {
    const errors = doc.errors.map((error) => ({
      file,
      ...at(error.pos[0]),
      message: `YAML syntax: ${firstLine(error.message)}`,
    }));
    return { errors, positionOf };
  }

  // reportInput: zod 4 leaves the offending value out of an issue unless asked.
  const result = schema.safeParse(doc.toJS() ?? {}, { reportInput: true });
  if (result.success) return { value: result.data, errors: [], positionOf };

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
        path.length > 0 && !doc.hasIn(path)
          ? `${path.join('.')}: missing required key "${String(path.at(-1))}"`
          : describeIssue(issue, path),
    });
  }
  return { errors, positionOf };
}

function describeIssue(issue: z.core.$ZodIssue, path: readonly (string | number)[]): string {
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
function offsetOf(doc: Document, path: readonly (string | number)[]): number {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    const range = (node as Node | undefined)?.range;
    if (range) return range[0];
  }
  return 0;
}

function keyOffset(doc: Document, path: readonly (string | number)[], key: string): number {
  const parent = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (isMap(parent)) {
    for (const pair of parent.items) {
      if (isScalar(pair.key) && pair.key.value === key && pair.key.range) return pair.key.range[0];
    }
  }
  return offsetOf(doc, path);
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

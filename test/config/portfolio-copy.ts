// A private, edited copy of the example portfolio for validation tests: copy reports-config/ into
// a fresh temp folder, apply one small edit (or a few), validate it and return the problems, with
// each file named relative to the copy so a test can say exactly which file it expects.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ConfigError } from '../../src/config/errors.js';
import { validatePortfolio } from '../../src/pipeline.js';

export const EXAMPLE_CONFIG = path.resolve(import.meta.dirname, '..', '..', 'reports-config');
export const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures');

/** One edit to a file of the copy, named by its path inside reports-config/. */
export type Edit =
  /** Replace the one occurrence of `find` (it must occur exactly once) with `replace`. */
  | { readonly file: string; readonly find: string; readonly replace: string }
  /** Write the whole file (creating it and its folder, or replacing what was there). */
  | { readonly file: string; readonly write: string }
  /** Delete the file. */
  | { readonly file: string; readonly remove: true };

export interface EditedPortfolio {
  /** The copy's reports-config folder. */
  readonly dir: string;
  /** The text of a file of the copy, after the edits. */
  read(file: string): string;
  /** The 1-based line and column where `needle` first occurs in a file of the copy. */
  positionOf(file: string, needle: string): { line: number; column: number };
  /** Where the text right after the first occurrence of `prefix` (such as `persona: `) starts. */
  positionAfter(file: string, prefix: string): { line: number; column: number };
  /** Every 1-based line and column where `needle` occurs in a file of the copy. */
  positionsOf(file: string, needle: string): { line: number; column: number }[];
  /** The 1-based line of the first line of a file that equals `text` exactly. */
  lineNumberOf(file: string, text: string): number;
}

const scratchDirs: string[] = [];

/** A fresh temp folder; removeScratchDirs() deletes every one made so far. */
export function scratchDir(prefix = 'boardroom-config-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  scratchDirs.push(dir);
  return dir;
}

/** Deletes the temp folders this module made (call it from afterAll). */
export function removeScratchDirs(): void {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Copies the example portfolio into a new temp folder and applies the edits, in order. */
export function editedPortfolio(...edits: Edit[]): EditedPortfolio {
  const dir = path.join(scratchDir(), 'reports-config');
  cpSync(EXAMPLE_CONFIG, dir, { recursive: true });
  for (const edit of edits) applyEdit(dir, edit);
  const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
  const positionsOf = (file: string, needle: string) => {
    const text = read(file);
    const found: { line: number; column: number }[] = [];
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      const before = text.slice(0, at).split('\n');
      found.push({ line: before.length, column: before.at(-1)!.length + 1 });
    }
    if (found.length === 0) throw new Error(`${file} has no "${needle}"`);
    return found;
  };
  return {
    dir,
    read,
    positionOf: (file, needle) => positionsOf(file, needle)[0]!,
    positionAfter(file, prefix) {
      if (prefix.includes('\n')) throw new Error('positionAfter: the prefix must be on one line');
      const { line, column } = positionsOf(file, prefix)[0]!;
      return { line, column: column + prefix.length };
    },
    positionsOf,
    lineNumberOf(file, line) {
      const index = read(file).split(/\r?\n/).indexOf(line);
      if (index < 0) throw new Error(`${file} has no line "${line}"`);
      return index + 1;
    },
  };
}

function applyEdit(dir: string, edit: Edit): void {
  const file = path.join(dir, edit.file);
  if ('remove' in edit) {
    rmSync(file);
    return;
  }
  if ('write' in edit) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, edit.write);
    return;
  }
  const text = readFileSync(file, 'utf8');
  const count = text.split(edit.find).length - 1;
  if (count !== 1) {
    throw new Error(`${edit.file}: expected "${edit.find}" once, found it ${count} times`);
  }
  writeFileSync(
    file,
    text.replace(edit.find, () => edit.replace),
  );
}

/** The problems `validatePortfolio` finds in the folder (an empty list when it is valid). */
export async function problemsIn(dir: string): Promise<ConfigError[]> {
  const result = await validatePortfolio(dir);
  return 'errors' in result ? result.errors : [];
}

/** The same problems, each file named relative to the folder with forward slashes. */
export async function problemsRelative(dir: string): Promise<ConfigError[]> {
  return (await problemsIn(dir)).map((error) => ({ ...error, file: relativeTo(dir, error.file) }));
}

export function relativeTo(dir: string, file: string): string {
  return path.relative(dir, file).split(path.sep).join('/');
}

/** Edits the example portfolio and returns what validation says about it. */
export async function validateEdited(
  ...edits: Edit[]
): Promise<{ portfolio: EditedPortfolio; problems: ConfigError[] }> {
  const portfolio = editedPortfolio(...edits);
  return { portfolio, problems: await problemsRelative(portfolio.dir) };
}

/** A fixture file's text, from test/fixtures/. */
export function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** A file of the unedited example portfolio. */
export function exampleText(file: string): string {
  return readFileSync(path.join(EXAMPLE_CONFIG, file), 'utf8');
}

/** The line of an unedited example file that starts with `prefix`, with its line feed. */
export function exampleLine(file: string, prefix: string): string {
  const line = exampleText(file)
    .split('\n')
    .find((text) => text.startsWith(prefix));
  if (line === undefined) throw new Error(`${file} has no line starting "${prefix}"`);
  return `${line}\n`;
}

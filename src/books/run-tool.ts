// Runs a book-keeping tool (hledger, bean-query) without a shell and turns "not installed" into
// one message that names the line to add to the workflow.
import { access } from 'node:fs/promises';
import { displayPath, type ConfigError } from '../config/errors.js';
import { readTextFile } from '../config/text-file.js';
import type { DeclaredAt } from './types.js';

export interface ToolRun {
  readonly stdout: string;
  readonly stderr: string;
  /** The exit code; 0 on success. */
  readonly code: number;
}

/**
 * What to install for each tool, as a workflow step would say it. Beancount 2 (Debian's package)
 * ships bean-query and bean-report; Beancount 3 moved bean-query to the beanquery package and
 * dropped bean-report (boardroom then reads prices with bean-query).
 */
export const INSTALL_LINE: Record<string, string> = {
  hledger: '`sudo apt-get install -y hledger`',
  'bean-query':
    '`sudo apt-get install -y beancount` (Beancount 2) or `pip install beancount beanquery` (Beancount 3)',
  'bean-report': '`sudo apt-get install -y beancount` (Beancount 2)',
};

/**
 * Runs `command args…` and resolves with its output and exit code, or with a ConfigError when
 * the executable is not on PATH. Output is read whole (up to 512 MiB): books are read once a run.
 */
export async function runTool(
  command: string,
  args: readonly string[],
  at: DeclaredAt,
): Promise<ToolRun | { error: ConfigError }> {
  // Loaded only when a book source runs a tool: node:child_process costs a `validate` of a
  // portfolio without one about 10 ms to load (issue 13, cold start).
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { maxBuffer: 512 * 1024 * 1024, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8' } },
      (error, stdout, stderr) => {
        const code = (error as NodeJS.ErrnoException | null)?.code;
        if (code === 'ENOENT') {
          resolve({
            error: {
              ...at,
              message: `${command} is not installed: add ${INSTALL_LINE[command] ?? `\`install ${command}\``} to the workflow before boardroom runs`,
            },
          });
          return;
        }
        const exit = error
          ? typeof code === 'number'
            ? code
            : ((error as { code?: number }).code ?? 1)
          : 0;
        resolve({ stdout, stderr, code: typeof exit === 'number' ? exit : 1 });
      },
    );
  });
}

/** A missing book file is the user's to fix: reported where the source is declared. */
export async function checkReadable(
  file: string,
  at: DeclaredAt,
): Promise<ConfigError | undefined> {
  try {
    await access(file);
    return undefined;
  } catch {
    return { ...at, message: `${displayPath(file)}: no such file` };
  }
}

/**
 * Reads a book file as every config file is read (readTextFile: UTF-8, a byte-order mark
 * dropped), or says where it was declared when it is missing, or where it is not UTF-8.
 */
export async function readText(
  file: string,
  at: DeclaredAt,
): Promise<string | { error: ConfigError }> {
  const missing = { error: { ...at, message: `${displayPath(file)}: no such file` } };
  try {
    const read = await readTextFile(file, displayPath(file));
    if (!read) return missing;
    return read.error ? { error: read.error } : read.text;
  } catch {
    return missing;
  }
}

/**
 * Tool messages that name a place (`file:LINE:COL:`, `file:LINE-LINE:`, `"file" (lines A-B)`,
 * Beancount's `file:LINE:  message`) become ConfigErrors at that place, with the
 * message's lines, hints included (the journal excerpt the tool quotes is left out). Text that
 * names no place is one error at `fallback`.
 */
export function toolErrors(tool: string, text: string, fallback: DeclaredAt): ConfigError[] {
  const errors: ConfigError[] = [];
  const trimmed = text.replace(/^(?:hledger(?:\.exe)?:\s*)?(?:Error:\s*)?/, '').trim();
  if (!trimmed) return errors;
  // The message is the first paragraph (Beancount follows it with a blank line and the entry).
  const summary = (body: string) =>
    [
      firstParagraph(body),
      // hledger's failed balance assertion gives its figures below the entry.
      ...[...body.matchAll(/^\s*(account|asserted|calculated|difference):\s+(.+)$/gm)].map(
        (m) => `${m[1]} ${m[2]!.trim()}`,
      ),
    ]
      .filter(Boolean)
      .join(', ');
  // Every line of the message, hints included ("(remember to put two or more spaces between
  // account and amount)"), up to the journal excerpt the tool quotes (a dated line, or `|`).
  const firstParagraph = (body: string) => {
    const lines = body
      .trim()
      .split(/\n\s*\n/)[0]!
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !/^(\d+\s*)?\|/.test(line));
    const excerpt = lines.findIndex((line) => /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b/.test(line));
    return (excerpt >= 0 ? lines.slice(0, excerpt) : lines)
      .map((line) => line.replace(/:$/, ''))
      .reduce(
        (joined, line) => (!joined ? line : `${joined}${line.startsWith('(') ? ' ' : ': '}${line}`),
        '',
      );
  };
  // Beancount writes one block per error, each starting `file:LINE:`.
  for (const block of trimmed.split(/\n(?=\S[^\n]*:\d+:\s)/)) {
    // `file:LINE[:COL]:` at the start, or `what: "file" (line N, column M)` / `(lines A-B)`.
    const place = /^"?([^"\n]+?)"?:(\d+)(?::(\d+))?(?:-\d+)?:?[ \t]*([\s\S]*)$/.exec(block);
    const quoted = place
      ? undefined
      : /^([^"\n]*?)"?([^"\n(]+?)"? \(lines? (\d+)(?:-\d+)?(?:, column (\d+))?\)[ \t]*([\s\S]*)$/.exec(
          block,
        );
    if (place || quoted) {
      const [file, line, column, body] = place
        ? [place[1]!, place[2]!, place[3], place[4]!]
        : [
            quoted![2]!,
            quoted![3]!,
            quoted![4],
            `${quoted![1]!.replace(/:\s*$/, '')}\n${quoted![5]!}`,
          ];
      errors.push({
        file: displayPath(file),
        line: Number(line),
        ...(column ? { column: Number(column) } : {}),
        message: `${tool}: ${summary(body) || 'error'}`,
      });
    } else {
      errors.push({ ...fallback, message: `${tool}: ${summary(block)}` });
    }
  }
  return errors;
}

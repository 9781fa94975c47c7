// Shared test helpers: a scratch copy of the example portfolio, and a temp folder per test.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const EXAMPLE_CONFIG = path.resolve(import.meta.dirname, '..', 'reports-config');
export const REPO_ROOT = path.resolve(import.meta.dirname, '..');

export function tempDir(prefix = 'boardroom-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** A private copy of the example portfolio that a test may edit. */
export function copyExampleConfig(): string {
  const dir = path.join(tempDir(), 'reports-config');
  cpSync(EXAMPLE_CONFIG, dir, { recursive: true });
  return dir;
}

export function appendLine(file: string, line: string): void {
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, `${text.endsWith('\n') ? text : `${text}\n`}${line}\n`);
}

/** Parses the `name<<delimiter` blocks @actions/core writes to GITHUB_OUTPUT. */
export function readOutputs(file: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!match) continue;
    const end = lines.indexOf(match[2]!, i + 1);
    outputs[match[1]!] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return outputs;
}

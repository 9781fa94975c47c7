// Shared by the inputs-*.test.ts files: run `boardroom validate` (and `run`) on an edited copy of
// the example portfolio and capture what it prints, and write files in other encodings.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { vi } from 'vitest';
import { main } from '../../src/cli.js';
import { memoryLogger } from '../../src/logger.js';
import { scratchDir } from '../config/portfolio-copy.js';

/** What `boardroom validate --config dir` returned and printed to stderr. */
export async function validateCli(dir: string): Promise<{ code: number; errors: string[] }> {
  const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    const code = await main(['validate', '--config', dir], {}, memoryLogger());
    return { code, errors: error.mock.calls.map((call) => String(call[0])) };
  } finally {
    error.mockRestore();
    log.mockRestore();
  }
}

/** What `boardroom run` returned, and every file it left under its output and state folders. */
export async function runCli(dir: string): Promise<{ code: number; files: string[] }> {
  const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  const scratch = scratchDir('boardroom-inputs-run-');
  try {
    const code = await main(
      [
        'run',
        '--config',
        dir,
        '--out',
        path.join(scratch, 'out'),
        '--state-file',
        path.join(scratch, 'state', 'ledger.jsonl'),
      ],
      {},
      memoryLogger(),
    );
    const files = existsSync(scratch)
      ? readdirSync(scratch, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => entry.name)
      : [];
    return { code, files };
  } finally {
    error.mockRestore();
    log.mockRestore();
  }
}

// Windows-1252 is Latin-1 from U+00A0 up; between 0x80 and 0x9F it has typographic marks.
const CP1252_MARKS: Record<string, number> = { '€': 0x80, '–': 0x96, '—': 0x97, '’': 0x92 };

/** Text as Excel on Windows saves it ("CSV (Comma delimited)"): Windows-1252, one byte a character. */
export function windows1252(text: string): Buffer {
  return Buffer.from(
    [...text].map((char) => {
      const code = char.codePointAt(0)!;
      if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
      const byte = CP1252_MARKS[char];
      if (byte === undefined) throw new Error(`no Windows-1252 byte for ${char} in this helper`);
      return byte;
    }),
  );
}

/** Writes bytes over a file of an edited portfolio copy. */
export function writeBytes(dir: string, file: string, bytes: Uint8Array): void {
  writeFileSync(path.join(dir, file), bytes);
}

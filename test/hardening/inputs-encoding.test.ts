// Issue 10, item 2: every file boardroom reads (YAML, CSV, templates) must be UTF-8 (a byte-order
// mark is fine) or be rejected at the line of its first bad byte; never turned into U+FFFD.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPortfolio } from '../../src/config/load.js';
import { decodeText } from '../../src/config/text-file.js';
import { editedPortfolio, removeScratchDirs } from '../config/portfolio-copy.js';
import { runCli, validateCli, windows1252, writeBytes } from './inputs-helpers.js';

afterAll(removeScratchDirs);

const LEDGER = 'data/queenofsandiego/ledger.csv';
const CREW_ROW = '2026-05-01,5000,crew_wages,-2613.03,Deckhand payroll,R-2026-0401';
const CAFE_MEMO = 'Café Olé catering – client lunch';
const CAFE_ROW = CREW_ROW.replace('Deckhand payroll', CAFE_MEMO);

describe('a ledger.csv saved by Excel on Windows (Windows-1252)', () => {
  /** The example with the crew row's memo changed, saved as Windows-1252 the way Excel does. */
  function cp1252Ledger() {
    const portfolio = editedPortfolio({ file: LEDGER, find: CREW_ROW, replace: CAFE_ROW });
    const line = portfolio.lineNumberOf(LEDGER, CAFE_ROW);
    writeBytes(portfolio.dir, LEDGER, windows1252(portfolio.read(LEDGER)));
    return { portfolio, line };
  }

  it('is rejected by validate at the line of the memo, with exit code 2', async () => {
    const { portfolio, line } = cp1252Ledger();
    expect(line).toBe(3);
    const { code, errors } = await validateCli(portfolio.dir);
    expect(code).toBe(2);
    expect(errors).toEqual([
      `${path.join(portfolio.dir, LEDGER)}:3: not UTF-8 (save as "CSV UTF-8")`,
      `1 problem found in ${portfolio.dir}; nothing was sent`,
    ]);
  });

  it('stops a run before anything is rendered or sent', async () => {
    const { portfolio } = cp1252Ledger();
    const { code, files } = await runCli(portfolio.dir);
    expect(code).toBe(2);
    expect(files).toEqual([]);
  });

  it('is read to the letter once saved as UTF-8 with a byte-order mark ("CSV UTF-8")', async () => {
    const portfolio = editedPortfolio({ file: LEDGER, find: CREW_ROW, replace: CAFE_ROW });
    writeBytes(
      portfolio.dir,
      LEDGER,
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(portfolio.read(LEDGER))]),
    );
    const loaded = await loadPortfolio(portfolio.dir);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const ledger = loaded.portfolio.entities.find((e) => e.id === 'queenofsandiego')!.tables
      .ledger!;
    // The header was still found under the BOM, and the memo is the text typed.
    expect(ledger.find((row) => row.line === 3)?.memo).toBe(CAFE_MEMO);
  });
});

describe('YAML and templates in Latin-1 (an older editor, a copy from a Windows tool)', () => {
  it('names an entity file at the line and column of its first accented letter', async () => {
    const file = 'entities/queenofsandiego.yml';
    const portfolio = editedPortfolio({
      file,
      find: 'name: Queen of San Diego\nkind',
      replace: 'name: Reine de San Diégo\nkind',
    });
    const at = portfolio.positionOf(file, 'é');
    expect(at).toEqual({ line: 1, column: 22 });
    writeBytes(portfolio.dir, file, windows1252(portfolio.read(file)));
    const { code, errors } = await validateCli(portfolio.dir);
    expect(code).toBe(2);
    expect(errors).toEqual([
      `${path.join(portfolio.dir, file)}:1:22: not UTF-8 (save it as UTF-8)`,
      `1 problem found in ${portfolio.dir}; nothing was sent`,
    ]);
  });

  it('names a template partial at its FIRST bad byte (the "·" before the edit), and nothing else', async () => {
    const file = 'templates/partials/header.md';
    const portfolio = editedPortfolio({
      file,
      find: 'Covers: ',
      replace: 'Entités couvertes – Covers: ',
    });
    // The example's header already has a "·" (U+00B7) on the "As of" line, above the edit.
    const at = portfolio.positionOf(file, '·');
    expect(at.line).toBeLessThan(portfolio.positionOf(file, 'é').line);
    writeBytes(portfolio.dir, file, windows1252(portfolio.read(file)));
    const { code, errors } = await validateCli(portfolio.dir);
    expect(code).toBe(2);
    expect(errors).toEqual([
      `${path.join(portfolio.dir, file)}:${at.line}:${at.column}: not UTF-8 (save it as UTF-8)`,
      `1 problem found in ${portfolio.dir}; nothing was sent`,
    ]);
  });

  it('names a CSV saved as UTF-16 ("Unicode Text") for what it is, on line 1', async () => {
    const file = 'data/queenofsandiego/channel_spend.csv';
    const portfolio = editedPortfolio();
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(portfolio.read(file), 'utf16le'),
    ]);
    writeBytes(portfolio.dir, file, utf16);
    const { code, errors } = await validateCli(portfolio.dir);
    expect(code).toBe(2);
    expect(errors[0]).toBe(
      `${path.join(portfolio.dir, file)}:1: not UTF-8 but UTF-16 (save as "CSV UTF-8")`,
    );
  });
});

describe('decodeText', () => {
  const bytes = (...parts: (string | number[])[]) =>
    Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

  it('accepts every well-formed UTF-8 character, including four-byte ones, and drops a BOM', () => {
    const text = 'Ølfabrik – 東京 🚤\r\nnext line\n';
    expect(decodeText('a.yml', bytes([0xef, 0xbb, 0xbf], text))).toEqual({ text });
  });

  it('counts lines by LF (CRLF files too) and columns by character, not by byte', () => {
    const decoded = decodeText('a.yml', bytes('one\r\ntwo € \r\nthree ', [0xff], ' end'));
    expect(decoded.error).toEqual({
      file: 'a.yml',
      line: 3,
      column: 7,
      message: 'not UTF-8 (save it as UTF-8)',
    });
    // The text stays usable for the other checks; the bad byte is the only replacement.
    expect(decoded.text).toBe('one\r\ntwo € \r\nthree \uFFFD end');
  });

  it('rejects sequences a lenient decoder would pass over: overlong, surrogate, truncated', () => {
    for (const bad of [
      [0xc0, 0xaf], // overlong "/"
      [0xed, 0xa0, 0x80], // UTF-16 surrogate half
      [0xe2, 0x82], // "€" cut short
    ]) {
      expect(decodeText('t.md', bytes('ok\nab', bad, '\n')).error).toMatchObject({
        line: 2,
        column: 3,
      });
    }
  });
});

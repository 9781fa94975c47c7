// Plain-text tables stay tables: every column starts at the same display column on every line,
// and a cell longer than its column wraps inside it instead of pushing the next columns right.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import type { Tokens } from 'marked';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { memoryLogger } from '../../src/logger.js';
import { decodeEntities, lexMarkdown, markdownToText } from '../../src/render/markdown.js';
import { TABLE_WIDTH } from '../../src/render/text-table.js';
import { copyExampleConfig, tempDir } from '../helpers.js';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** A line as a grid of display columns: a wide character fills its cell and the next (''). */
function displayGrid(line: string): string[] {
  const grid: string[] = [];
  for (const { segment } of graphemes.segment(line)) {
    const width = stringWidth(segment);
    if (width === 0 && grid.length > 0) grid[grid.length - 1] += segment;
    else grid.push(segment, ...Array<string>(Math.max(0, width - 1)).fill(''));
  }
  return grid;
}

/** [start, end) display columns of each column, read from the rule of dashes under the header. */
function columnSpans(rule: string): Array<[number, number]> {
  return [...rule.matchAll(/-+/g)].map((m) => [m.index, m.index + m[0].length]);
}

/**
 * Checks one physical line of a table against its columns: nothing beyond the last column and
 * only spaces in the gaps between columns (a cell that overflowed its column would land there).
 * Returns each column's text on this line.
 */
function cellsOfLine(line: string, spans: Array<[number, number]>): string[] {
  const grid = displayGrid(line);
  expect(grid.length, `wider than the table: ${line}`).toBeLessThanOrEqual(spans.at(-1)![1]);
  spans.slice(1).forEach(([start], column) => {
    const gap = grid.slice(spans[column]![1], start).join('');
    expect(gap.trim(), `text between columns ${column} and ${column + 1}: ${line}`).toBe('');
    // A wide character cannot straddle a column's first display column either.
    expect(grid[start], `wide character across a column edge: ${line}`).not.toBe('');
  });
  return spans.map(([start, end]) => grid.slice(start, end).join('').trim());
}

/**
 * Every Markdown table whose header starts with `headers`, each as its columns (each column its
 * non-empty cells in order, as text: the tables under test hold no inline markup).
 */
function markdownTables(markdown: string, headers: string[]): string[][][] {
  const tables = lexMarkdown(markdown).filter(
    (token): token is Tokens.Table =>
      token.type === 'table' &&
      headers.every((text, column) => (token as Tokens.Table).header[column]?.text === text),
  );
  return tables.map((table) =>
    table.header.map((_, column) =>
      table.rows.map((row) => decodeEntities(row[column]!.text)).filter(Boolean),
    ),
  );
}

/**
 * Reads the text table whose rule is at `lines[ruleIndex]`: checks every line's alignment, and
 * that reading each column top to bottom gives back the cells of `expected` (one array per
 * column): nothing cut, nothing moved to another column. Where a cell was wrapped or a word broken
 * is not compared (whitespace is ignored). Rows may be separated by blank lines; the table ends
 * when every column has given back all of its text.
 */
function readTextTable(lines: string[], ruleIndex: number, expected: string[][]): void {
  const spans = columnSpans(lines[ruleIndex]!);
  expect(spans).toHaveLength(expected.length);
  let headerStart = ruleIndex;
  while (headerStart > 0 && lines[headerStart - 1]!.trim() !== '') headerStart -= 1;
  for (const line of lines.slice(headerStart, ruleIndex)) cellsOfLine(line, spans);

  const squeeze = (cells: string[]) => cells.join('').replace(/\s+/g, '');
  const want = expected.map(squeeze);
  const read = expected.map(() => [] as string[]);
  const done = () => read.every((cells, column) => squeeze(cells).length >= want[column]!.length);
  for (let i = ruleIndex + 1; i < lines.length && !done(); i += 1) {
    if (lines[i]!.trim() === '') continue;
    cellsOfLine(lines[i]!, spans).forEach((cell, column) => read[column]!.push(cell));
  }
  expect(read.map(squeeze)).toEqual(want);
}

/** The index of the rule under the first header line that matches `header`. */
function ruleUnder(lines: string[], header: RegExp): number {
  const index = lines.findIndex((line) => header.test(line));
  expect(index, `no table headed ${header}`).toBeGreaterThan(-1);
  return index + 1;
}

describe('plain-text tables of the CEO report', () => {
  it('keep the asset inventory and the critical shortfalls in their columns', async () => {
    const out = path.join(tempDir(), 'out');
    const code = await main(
      ['run', '--config', copyExampleConfig(), '--out', out, '--as-of', '2026-11-24'],
      {},
      memoryLogger(),
    );
    expect(code).toBe(0);
    // What a reader of the plain-text part sees: the text part of the sent message.
    const mail = await simpleParser(readFileSync(path.join(out, 'outbox', 'ceo.eml')));
    const lines = mail.text!.replace(/\r\n/g, '\n').split('\n');
    const markdown = readFileSync(path.join(out, 'reports', 'ceo.md'), 'utf8');

    // One inventory table per entity, all headed "Asset  Name  Detail".
    const inventories = markdownTables(markdown, ['Asset', 'Name', 'Detail']);
    const inventoryRules = lines.flatMap((line, i) =>
      /^Asset +Name +Detail$/.test(line) ? [i + 1] : [],
    );
    expect(inventoryRules).toHaveLength(inventories.length);
    expect(inventories.length).toBeGreaterThan(5);
    inventoryRules.forEach((rule, n) => readTextTable(lines, rule, inventories[n]!));
    // The name the issue quotes reads whole in its own column, with "bank" in the next one.
    const mesa = lines.find((line) => line.includes('Mesa Community Bank client-work checking'))!;
    expect(mesa).toMatch(/^Account {2}Mesa Community Bank client-work checking \(DC\) {2,}bank$/);
    const detailStart = columnSpans(lines[inventoryRules[0]!]!)[2]![0];
    expect(displayGrid(mesa).slice(detailStart).join('')).toBe('bank');

    const shortfalls = ruleUnder(lines, /^Entity +Shortfall +Raised by$/);
    readTextTable(lines, shortfalls, markdownTables(markdown, ['Entity', 'Shortfall'])[0]!);

    // Every table of the report, not only these two, fits the width budget.
    const rules = lines.filter((line) => /^-+(?: {2}-+)+$/.test(line));
    expect(rules.length).toBeGreaterThan(inventoryRules.length + 1);
    for (const rule of rules) expect(stringWidth(rule)).toBeLessThanOrEqual(TABLE_WIDTH);
  });
});

describe('plain-text tables of wide characters, emoji and long words', () => {
  it('aligns CJK, emoji and combining marks by display width, money right-aligned', () => {
    const text = markdownToText(
      [
        '| 名前 | Amount |',
        '| --- | ---: |',
        '| 東京タワー 🗼 | $1,200.00 |',
        '| Cafe\u0301 Ole\u0301 | $35.50 |',
        '| 👨‍👩‍👧 family | $7 |',
      ].join('\n'),
    );
    // Display width, not UTF-16 length: 東京タワー 🗼 is 13 columns wide, Café Olé 8, 👨‍👩‍👧 2.
    expect(text).toBe(
      [
        '名前              Amount',
        '-------------  ---------',
        '東京タワー 🗼  $1,200.00',
        'Cafe\u0301 Ole\u0301          $35.50',
        '👨‍👩‍👧 family             $7',
        '',
      ].join('\n'),
    );
  });

  it('wraps long cells inside their column and breaks an unbreakable word', () => {
    // 60 display columns and no space to wrap at: a wide character and a combining mark in
    // every 6 columns, so a cut must fall between grapheme clusters.
    const word = 'Cafe\u0301東'.repeat(10);
    expect(stringWidth(word)).toBe(60);
    const prose =
      '北海道の牧場 🐄 dairy co-op: raw milk supply contract renewed for three years with indexation';
    const markdown = [
      '| Entity | Note | Owner | Due | Balance |',
      '| --- | --- | --- | --- | ---: |',
      `| 札幌ミルク株式会社 | ${prose} | Priya Natarajan | 20 Dec 2026 | $12,345,678.90 |`,
      `| Long id | ${word} | Devon Park | 6 Dec 2026 | $0.10 |`,
      '| Short | ok | Jordan Blake | 1 Jan 2027 | $1.00 |',
    ].join('\n');
    const lines = markdownToText(markdown).trimEnd().split('\n');
    const rule = lines.findIndex((line) => line.startsWith('---'));

    readTextTable(lines, rule, markdownTables(markdown, ['Entity', 'Note'])[0]!);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(TABLE_WIDTH);

    const spans = columnSpans(lines[rule]!);
    const [, note, , , balance] = spans;
    // The 60-column word is cut into pieces no wider than its column, kept in order.
    const pieces = lines
      .slice(rule + 1)
      .map((line) => cellsOfLine(line, spans)[1]!)
      .filter((cell) => /^(?:[Cafe東]|\u0301)+$/u.test(cell));
    expect(pieces.join('')).toBe(word);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) {
      expect(stringWidth(piece)).toBeLessThanOrEqual(note![1] - note![0]);
      expect(piece).not.toMatch(/^\p{M}/u);
    }
    // Money stays right-aligned: each amount ends on the column's last display column.
    for (const amount of ['Balance', '$12,345,678.90', '$0.10', '$1.00']) {
      const line = lines.find((l) => l.endsWith(amount))!;
      expect(stringWidth(line)).toBe(balance![1]);
    }
    // The long texts take the extra lines: names and dates stay whole.
    for (const whole of ['Priya Natarajan  20 Dec 2026', 'Devon Park       6 Dec 2026'])
      expect(lines.some((line) => line.includes(whole))).toBe(true);
    // Rows that wrap are separated by a blank line so each row reads as one block.
    expect(lines.filter((line) => line === '')).toHaveLength(2);
  });
});

// Plain-text tables for the text part of an email: columns line up by display width (a CJK
// character or an emoji takes two terminal columns, a combining mark none), and a cell wider than
// its column wraps onto continuation lines inside that column instead of pushing the columns after
// it to the right.
import stringWidth from 'string-width';
import { BoundedCache } from './bounded-cache.js';
import { standalone } from '../interning.js';

/** How a column's cells sit in its width; `null` (no colon in the Markdown rule) reads as left. */
export type ColumnAlign = 'left' | 'right' | 'center' | null;

/** Display columns a whole table may take, gaps included, before its cells wrap. */
export const TABLE_WIDTH = 100;
/** Display columns between two columns. */
const GAP = 2;
/** No column is squeezed below this (unless its content is narrower), however many there are. */
const MIN_COLUMN = 10;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Printable ASCII only: one display column a character. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** Blanks a cell's line reads as one space. */
const BLANKS = /[ \t\r\f\v]+/g;
/** Whether a line has blanks to fold: a tab or the like, or two spaces in a row. */
const FOLDABLE = /[\t\r\f\v]| {2}/;

/**
 * Widths string-width gave, by text: the same names and words come back in table after table,
 * and string-width segments every one. Cleared when full, so it never holds more than this.
 */
const measured = new BoundedCache<string, number>(20_000);

/**
 * Display width (string-width's); printable ASCII (most cells) is one column a character,
 * without segmenting, and any other text is measured once (remembered, see `measured`).
 */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let width = measured.get(text);
  if (width === undefined) {
    width = stringWidth(text);
    // A copy of its own as the key: the text may be a cut of a whole report (see markdown.ts).
    measured.set(standalone(text), width);
  }
  return width;
}

/**
 * Lays out a table as monospaced text: a header row, a rule of dashes under each column, then the
 * body rows. Every column starts at the same display column on every physical line.
 *
 * - Widths are display widths (string-width), so wide and zero-width characters line up.
 * - When the natural widths do not fit in `width` display columns, the columns are narrowed where
 *   that wraps the fewest cells (see `columnCaps`), and their cells wrap at spaces. A word is
 *   broken only when the columns cannot all be as wide as their longest words, and then between
 *   grapheme clusters, never inside one. If even `MIN_COLUMN`-wide columns do not fit, the table
 *   is wider than `width`.
 * - A line break inside a cell (`\n`) starts a new line in that cell.
 * - When any body row takes more than one line, body rows are separated by a blank line, so each
 *   row reads as one block.
 *
 * @param header the header cells, one per column; their count sets the number of columns.
 * @param rows body rows; missing cells are empty, cells beyond the header's count are dropped.
 * @param align per column; right and centre apply to every line of a cell, header included.
 * @param width the display-column budget for the whole table (default `TABLE_WIDTH`).
 * @returns the table's lines joined by `\n`, no trailing spaces, no final newline.
 */
export function textTable(
  header: string[],
  rows: string[][],
  align: ColumnAlign[] = [],
  width = TABLE_WIDTH,
): string {
  const key = JSON.stringify([width, align, header, rows]);
  const known = laidOut.get(key);
  if (known !== undefined) return known;
  const text = layOut(header, rows, align, width);
  laidOut.set(key, text);
  return text;
}

/**
 * Tables already laid out, by their cells, alignment and width: a third of a run's tables are
 * ones laid out a moment before (an entity's table in the next report that shows it), and the
 * layout is the costliest part of the text part. Cleared when its keys and texts pass a
 * million characters, which holds several reports' tables.
 */
const laidOut = new BoundedCache<string, string>(
  1_000_000,
  (key, text) => key.length + text.length,
);

/**
 * textTable's layout itself.
 *
 * Plain loops here and below: this runs for every distinct table of a run, and
 * Array.from({ length }) with a callback and spreads cost more than the layout's own work. And
 * every array this file makes, and hands from one function to the next, is built by `push`
 * (packed), never by `map` or `split`: on node 20 (V8 11.3) those give a packed array when
 * they run in the interpreter and a holey one (another hidden class) once the function calling
 * them is optimised, so code optimised on the first kind was thrown away and compiled again
 * when the second came (`--trace-deopt`: "wrong map" in layOut, columnCaps, wrapCell, toCell).
 */
function layOut(header: string[], rows: string[][], align: ColumnAlign[], width: number): string {
  const columns = header.length;
  const table = [cellsOf(header, columns)];
  for (let row = 0; row < rows.length; row += 1) table.push(cellsOf(rows[row]!, columns));
  const caps = columnCaps(table, width - GAP * (columns - 1));
  const widths: number[] = [];
  for (let column = 0; column < caps.length; column += 1) widths.push(0);
  const wrapped: Line[][][] = [];
  for (const row of table) {
    const cells: Line[][] = [];
    for (let column = 0; column < row.length; column += 1) {
      const lines: Line[] = [];
      // A column whose words happen to break short of its cap is drawn as wide as its widest
      // line, so the rule under it matches what is printed.
      widths[column] = Math.max(
        widths[column]!,
        wrapCell(row[column]!, caps[column]!, lines).widest,
      );
      cells.push(lines);
    }
    wrapped.push(cells);
  }

  const gap = ' '.repeat(GAP);
  // A row's physical lines: as many as its tallest cell, each cell padded to its column.
  const render = (cells: Line[][]): string[] => {
    let height = 0;
    for (const cell of cells) height = Math.max(height, cell.length);
    const lines: string[] = [];
    for (let index = 0; index < height; index += 1) {
      let line = '';
      for (let column = 0; column < cells.length; column += 1) {
        if (column > 0) line += gap;
        line += pad(cells[column]![index], widths[column]!, align[column] ?? null);
      }
      lines.push(line.trimEnd());
    }
    return lines;
  };
  const out = render(wrapped[0]!);
  const body: string[][] = [];
  let separate = false;
  for (let row = 1; row < wrapped.length; row += 1) {
    const lines = render(wrapped[row]!);
    if (lines.length > 1) separate = true;
    body.push(lines);
  }
  let rule = '';
  for (let column = 0; column < widths.length; column += 1)
    rule += (column > 0 ? gap : '') + '-'.repeat(widths[column]!);
  out.push(rule);
  for (let row = 0; row < body.length; row += 1) {
    if (separate && row > 0) out.push('');
    for (const line of body[row]!) out.push(line);
  }
  return out.join('\n');
}

/** A row's first `columns` cells (toCell), a missing one empty. */
function cellsOf(row: readonly string[], columns: number): Cell[] {
  const cells: Cell[] = [];
  for (let column = 0; column < columns; column += 1) cells.push(toCell(row[column] ?? ''));
  return cells;
}

/** Text with its display width, measured once: a word of a cell, or a line of a wrapped cell. */
interface Line {
  text: string;
  width: number;
}

/**
 * One line of a cell: its text (words one space apart) and display width, which is its words'
 * widths and the spaces between them. Its words are split out only when a layout needs them:
 * most cells fit their column whole, and most of the rest are printable ASCII.
 */
interface Paragraph {
  readonly text: string;
  readonly width: number;
  /** Set once (wordsOf); present from the start, so every paragraph has one object shape. */
  words: Line[] | undefined;
}

/** A cell as its own lines (split at `\n`). */
type Cell = Paragraph[];

/** Reads a cell's text; runs of spaces and tabs count as one space, as HTML shows them. */
function toCell(text: string): Cell {
  const cell: Cell = [];
  // Its lines, as split('\n') would give them (see layOut: split's array changes kind).
  let start = 0;
  for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
    cell.push(paragraphOf(text.slice(start, end)));
    start = end + 1;
  }
  // Most cells are one line, not cut.
  cell.push(paragraphOf(start === 0 ? text : text.slice(start)));
  return cell;
}

/**
 * A line's words (cut at each space, as split(' ') would, empty words kept) with their display
 * widths, in an array built by push (see layOut). `ascii`: the line is printable ASCII, whose
 * width is its length.
 */
function wordsIn(text: string, ascii: boolean): Line[] {
  const words: Line[] = [];
  let start = 0;
  for (let space = text.indexOf(' '); space !== -1; space = text.indexOf(' ', start)) {
    const word = text.slice(start, space);
    words.push({ text: word, width: ascii ? word.length : displayWidth(word) });
    start = space + 1;
  }
  const last = start === 0 ? text : text.slice(start);
  words.push({ text: last, width: ascii ? last.length : displayWidth(last) });
  return words;
}

/** One line of a cell, folded and trimmed; any but printable ASCII split into words at once. */
function paragraphOf(line: string): Paragraph {
  const folded = (FOLDABLE.test(line) ? line.replace(BLANKS, ' ') : line).trim();
  // Printable ASCII: a character a column, spaces included, so the width is the length.
  if (PRINTABLE_ASCII.test(folded)) return { text: folded, width: folded.length, words: undefined };
  const words = wordsIn(folded, false);
  // The words' widths and one column for each space between them.
  let width = words.length - 1;
  for (const word of words) width += word.width;
  return { text: folded, width, words };
}

/** The display width of a line's widest word; printable ASCII is read without splitting it. */
function longestWordWidth(paragraph: Paragraph): number {
  if (paragraph.words) {
    let widest = -Infinity;
    for (const word of paragraph.words) widest = Math.max(widest, word.width);
    return widest;
  }
  const { text } = paragraph;
  let longest = 0;
  for (let start = 0, space = 0; space !== -1; start = space + 1) {
    space = text.indexOf(' ', start);
    longest = Math.max(longest, (space === -1 ? text.length : space) - start);
  }
  return longest;
}

/**
 * A line's words with their display widths, split out once. Only a printable ASCII line comes
 * here without its words (paragraphOf splits any other), so a word's width is its length.
 */
function wordsOf(paragraph: Paragraph): Line[] {
  return (paragraph.words ??= wordsIn(paragraph.text, true));
}

/**
 * The widest each column may be (display columns), given `table[row][column]`. A table that fits
 * in `available` keeps its natural widths. Otherwise columns are narrowed step by step, each step
 * the one that wraps the fewest more cells, then adds the fewest lines, then is the widest: a long
 * text takes more lines before a column of dates or names starts to wrap. No word is broken when
 * every column can be as wide as its longest word; when that cannot fit, words are broken where
 * it wraps the fewest cells, no column narrower than `MIN_COLUMN`, and a table that still does not
 * fit is wider than `available`.
 */
function columnCaps(table: Cell[][], available: number): number[] {
  const columns = table[0]!.length;
  // Each column's widest paragraph by `measure`, at least 0.
  const widest = (measure: (paragraph: Paragraph) => number) => {
    const widths: number[] = [];
    for (let column = 0; column < columns; column += 1) {
      let most = 0;
      for (const row of table)
        for (const paragraph of row[column]!) most = Math.max(most, measure(paragraph));
      widths.push(most);
    }
    return widths;
  };
  const natural = widest((paragraph) => paragraph.width);
  const sum = (widths: number[]) => {
    let total = 0;
    for (const w of widths) total += w;
    return total;
  };
  const caps = [...natural];
  if (sum(caps) <= available) return caps;
  const longestWord = widest(longestWordWidth);
  const wordFloor: number[] = [];
  for (let column = 0; column < columns; column += 1)
    wordFloor.push(Math.min(longestWord[column]!, natural[column]!));
  let floor = wordFloor;
  if (sum(wordFloor) > available) {
    floor = [];
    for (const w of natural) floor.push(Math.min(w, MIN_COLUMN));
  }

  // Each cell's wrapping at the last width it was laid out at. A cell wraps the same at every
  // width from that one down to its widest line (each line still fits, and each break is still
  // forced), and the caps only fall: a narrower trial lays out again only the cells it changes.
  const wrappedAt: Array<Array<CellWrap | undefined>> = [];
  for (const row of table) {
    const wraps: Array<CellWrap | undefined> = [];
    for (let column = 0; column < row.length; column += 1) wraps.push(undefined);
    wrappedAt.push(wraps);
  }
  const cellAt = (row: number, column: number, width: number): CellWrap => {
    const known = wrappedAt[row]![column];
    if (known !== undefined && known.widest <= width && width <= known.width) return known;
    const { lines, widest } = wrapCell(table[row]![column]!, width);
    return (wrappedAt[row]![column] = { width, lines, widest });
  };
  // A column laid out at a width: how many of its cells wrap, their lines, its widest line. The
  // layout is the same at every width down to that widest line, so a step lowers the cap to it.
  const layout = (column: number, width: number) => {
    let wrapped = 0;
    let lines = 0;
    let drawn = 0;
    for (let row = 0; row < table.length; row += 1) {
      const cell = cellAt(row, column, width);
      if (cell.lines > table[row]![column]!.length) wrapped += 1;
      lines += cell.lines;
      drawn = Math.max(drawn, cell.widest);
    }
    return { wrapped, lines, drawn };
  };
  const current: Array<ReturnType<typeof layout>> = [];
  for (let column = 0; column < columns; column += 1) current.push(layout(column, caps[column]!));
  for (let column = 0; column < columns; column += 1) caps[column] = current[column]!.drawn;
  // Each column's layout one display column narrower than its cap, until that column changes.
  const narrower: Array<ReturnType<typeof layout> | undefined> = [];
  for (let column = 0; column < columns; column += 1) narrower.push(undefined);
  while (sum(caps) > available) {
    let best: { column: number; wraps: number; lines: number } | undefined;
    for (let column = 0; column < columns; column += 1) {
      if (caps[column]! <= floor[column]!) continue;
      const trial = (narrower[column] ??= layout(column, caps[column]! - 1));
      const wraps = trial.wrapped - current[column]!.wrapped;
      const lines = trial.lines - current[column]!.lines;
      if (
        !best ||
        wraps < best.wraps ||
        (wraps === best.wraps && lines < best.lines) ||
        (wraps === best.wraps && lines === best.lines && caps[column]! > caps[best.column]!)
      )
        best = { column, wraps, lines };
    }
    if (!best) break;
    current[best.column] = narrower[best.column]!;
    caps[best.column] = current[best.column]!.drawn;
    narrower[best.column] = undefined;
  }
  return caps;
}

/** A cell wrapped at `width` display columns: how many lines it takes, and the widest. */
interface CellWrap {
  readonly width: number;
  readonly lines: number;
  readonly widest: number;
}

/**
 * Wraps each of a cell's lines at spaces into lines at most `width` display columns wide; a word
 * wider than `width` is cut (see `breakWord`). An empty cell is one empty line. The lines go to
 * `sink` when given (measuring a layout needs only the counts, and is done far more often).
 * Returns how many lines the cell takes and the widest of them.
 */
function wrapCell(cell: Cell, width: number, sink?: Line[]): { lines: number; widest: number } {
  let lines = 0;
  let widest = 0;
  const emit = (text: string, used: number) => {
    lines += 1;
    widest = Math.max(widest, used);
    sink?.push({ text, width: used });
  };
  for (const paragraph of cell) {
    // A line that fits is itself: its words joined as they stand.
    if (paragraph.width <= width) {
      emit(paragraph.text, paragraph.width);
      continue;
    }
    let text = '';
    let used = -1; // no word on the line yet
    for (const word of wordsOf(paragraph)) {
      if (used >= 0 && used + 1 + word.width <= width) {
        if (sink) text += ` ${word.text}`;
        used += 1 + word.width;
        continue;
      }
      if (used >= 0) emit(text, used);
      if (word.width <= width) {
        [text, used] = [word.text, word.width];
        continue;
      }
      const pieces = breakWord(word.text, width);
      for (const piece of pieces.slice(0, -1)) emit(piece.text, piece.width);
      [text, used] = [pieces.at(-1)!.text, pieces.at(-1)!.width];
    }
    emit(text, Math.max(used, 0));
  }
  return { lines, widest };
}

/**
 * Cuts a word wider than `width` into pieces that fit, between grapheme clusters, so an accent,
 * a flag or a family emoji is never split. A single cluster wider than `width` gets its own piece.
 */
function breakWord(word: string, width: number): Line[] {
  const pieces: Line[] = [];
  let piece: Line = { text: '', width: 0 };
  for (const { segment } of graphemes.segment(word)) {
    const w = displayWidth(segment);
    if (piece.width + w > width && piece.text !== '') {
      pieces.push(piece);
      piece = { text: '', width: 0 };
    }
    piece = { text: piece.text + segment, width: piece.width + w };
  }
  pieces.push(piece);
  return pieces;
}

/** Pads a line (or nothing, below a shorter cell) to `width` display columns as aligned. */
function pad(line: Line | undefined, width: number, align: ColumnAlign): string {
  const text = line?.text ?? '';
  const room = Math.max(0, width - (line?.width ?? 0));
  if (align === 'right') return ' '.repeat(room) + text;
  if (align === 'center') {
    const left = Math.floor(room / 2);
    return ' '.repeat(left) + text + ' '.repeat(room - left);
  }
  return text + ' '.repeat(room);
}

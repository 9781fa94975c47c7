// Issue 13: peak RSS under 200 MB. The render's memos keep no report's whole Markdown: the
// lexer cuts each inline text out of the report, and in V8 such a cut (a sliced string) keeps
// the text it was cut from alive for as long as the memo keeps the cut.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { lexMarkdown, markdownToHtml, ownTexts } from '../../src/render/markdown.js';
import { displayWidth } from '../../src/render/text-table.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
setFlagsFromString('--no-expose-gc');

/** Heap bytes still used once `use` has run on a fresh text of `size` characters and returned. */
function heldAfter(make: (filler: string) => string, use: (text: string) => unknown): number {
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  // A text made at run time (not a literal), 4 MB: what a kept cut would hold on to.
  let text: string | undefined = make('x'.repeat(4_000_000) + String(Math.random()));
  expect(use(text)).toBeTruthy();
  text = undefined;
  // V8 keeps the last regular expression's subject (RegExp.lastMatch): one that reads a short text.
  expect(/b/.exec('abc')).toBeTruthy();
  gc();
  gc();
  return process.memoryUsage().heapUsed - before;
}

describe("the render's memos hold no report's Markdown (issue 13)", () => {
  it("remembers a paragraph's inline tokens without the report they were lexed from", () => {
    // Before: the memo's key and its tokens' `raw` and `text` were cuts of the report, and the
    // finishing thread held 471 reports' Markdown (12 of its 30 MB live) on the bench's portfolio.
    const bytes = heldAfter(
      (filler) =>
        `# Board report\n\nRevenue grew by **twelve percent** in ${Math.random()}\n\n` +
        '```\n' +
        filler +
        '\n```\n',
      (markdown) => markdownToHtml(markdown).includes('<strong'),
    );
    expect(bytes).toBeLessThan(1_000_000);
  });

  it('remembers a measured width without the report its text was cut from', () => {
    // A second memo of the kind: text-table's widths (string-width's answers for non-ASCII
    // cells), keyed by the cell's text, which is a cut of the report.
    const bytes = heldAfter(
      (filler) =>
        `| Client ${Math.random()} | Note |\n| --- | --- |\n` +
        '| Zürich Café Société | paid on time by the client |\n\n' +
        '```\n' +
        filler +
        '\n```\n',
      (markdown) => {
        const at = markdown.indexOf('Zürich');
        const cut = markdown.slice(at, at + 'Zürich Café Société'.length);
        return lexMarkdown(markdown).length > 0 && displayWidth(cut) === 19;
      },
    );
    expect(bytes).toBeLessThan(1_000_000);
  });

  it('gives the same tokens, their texts copies of their own', () => {
    const markdown = `Paid by *Acme Holdings GmbH* on [the portal](https://example.com/a)`;
    const tokens = lexMarkdown(markdown);
    const copied = ownTexts(structuredClone(tokens));
    expect(copied).toEqual(tokens);
    expect(markdownToHtml(copied, markdown)).toBe(markdownToHtml(markdown));
  });
});

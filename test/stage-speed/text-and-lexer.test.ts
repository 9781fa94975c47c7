// The render stage's shortcuts give exactly what the long way gives: display widths remembered
// per text, table lines that fit taken whole, and inline tokens remembered per text.
import { Lexer } from 'marked';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { lexMarkdown, markdownToHtml, markdownToText } from '../../src/render/markdown.js';
import { displayWidth, textTable } from '../../src/render/text-table.js';

describe('displayWidth', () => {
  const samples = [
    'plain ASCII',
    '東京 オフィス', // CJK: two columns a character
    '👩‍👩‍👧 family', // one emoji cluster of several code points
    '🇯🇵 flag',
    'café', // precomposed
    'cafe\u0301', // e + a combining acute: the mark takes no column
    'a\u200bb', // zero-width space
    '\u00a0nbsp',
  ];
  it('is string-width, the first time and when it comes back from memory', () => {
    for (const text of samples) {
      expect(displayWidth(text), text).toBe(stringWidth(text));
      expect(displayWidth(text), `${text}, remembered`).toBe(stringWidth(text));
    }
    expect(samples.map(displayWidth)).toEqual([11, 13, 9, 7, 4, 4, 2, 5]);
  });
});

describe('textTable', () => {
  it('writes cells that fit as they are, blanks folded, columns aligned (worked by hand)', () => {
    const text = textTable(
      ['Entity', 'Cash'],
      [
        ['Harbor  &\tHill', '$1,200'],
        ['東京 オフィス', '$35'],
      ],
      [null, 'right'],
    );
    expect(text).toBe(
      [
        'Entity           Cash',
        '-------------  ------',
        'Harbor & Hill  $1,200',
        '東京 オフィス     $35',
      ].join('\n'),
    );
  });

  it('wraps a column when the table is too wide, the words of ASCII and wide text alike', () => {
    const text = textTable(['Item', 'Note'], [['alpha', 'one two three four 東京東京']], [], 20);
    // 20 columns: "alpha" (5) + gap (2) leaves 13 for the note, wrapped at its spaces.
    expect(text).toBe(
      ['Item   Note', '-----  -------------', 'alpha  one two three', '       four 東京東京'].join(
        '\n',
      ),
    );
  });
});

describe('lexMarkdown', () => {
  const plain = (markdown: string) => new Lexer({ gfm: true }).lex(markdown);

  it('gives marked’s own tokens, whether a text is lexed the first time or remembered', () => {
    const report = [
      '## Burn',
      '',
      '| Entity | Cash |',
      '| --- | ---: |',
      '| Harbor & Hill *north* | $1,200 |',
      '| **Tidewater** | [site](https://example.com/a_b) |',
      '',
      '- Renew *example.com* in `12` days',
      '- See https://example.org/x.',
    ].join('\n');
    for (let round = 0; round < 2; round += 1)
      expect(JSON.stringify(lexMarkdown(report)), `round ${round}`).toBe(
        JSON.stringify(plain(report)),
      );
  });

  it('does not reuse a text’s tokens where a link definition gives it another meaning', () => {
    expect(markdownToHtml('See [the books] today.\n')).not.toContain('<a');
    const defined = 'See [the books] today.\n\n[the books]: https://example.com/books\n';
    expect(JSON.stringify(lexMarkdown(defined))).toBe(JSON.stringify(plain(defined)));
    expect(markdownToHtml(defined)).toContain('href="https://example.com/books"');
    // And the definition does not leak into the next document.
    expect(markdownToHtml('See [the books] today.\n')).not.toContain('<a');
  });

  it('does not reuse tokens across raw HTML, whose tags change how the text after them reads', () => {
    const text = 'a &amp; b';
    const raw = `<pre>\n\nx ${text}\n`;
    expect(markdownToText(`${text}\n`)).toBe('a & b\n');
    expect(JSON.stringify(lexMarkdown(raw))).toBe(JSON.stringify(plain(raw)));
    expect(JSON.stringify(lexMarkdown(`x <span>${text}</span>\n`))).toBe(
      JSON.stringify(plain(`x <span>${text}</span>\n`)),
    );
  });
});

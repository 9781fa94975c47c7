// The finishing half's shortcuts (src/render/text-table.ts, src/render/markdown.ts) give what
// the long way gives: a narrowed table's cells laid out again only where a narrower column
// changes them, and Markdown without a `<` not searched for raw HTML.
import { describe, expect, it } from 'vitest';
import { lexMarkdown, markdownToHtml, sanitizedMarkdownToHtml } from '../../src/render/markdown.js';
import { textTable } from '../../src/render/text-table.js';

describe('textTable, a table narrowed to its width', () => {
  it('wraps each cell as laying it out afresh at every width would (an asset table, 60 columns)', () => {
    // The Detail column narrows step by step past widths at which some of its cells wrap
    // differently and others do not: a cell kept from a wider step must be the same there.
    const text = textTable(
      ['Asset', 'Name', 'Detail'],
      [
        [
          'Domain',
          'dangerouscentaur.example.com',
          'renews: 11 Feb 2027, auto-renew on, registrar Example Registrar Inc., contact ops@example.com',
        ],
        ['Site', 'https://staging.dangerouscentaur.example.net', 'stack: dc-staging'],
        [
          'Account',
          'Mesa Community Bank operating checking (DC)',
          'bank account held for the studio since 2019, reconciled monthly by the accountant',
        ],
        ['Stack', 'Studio staging server', 'technology stack'],
      ],
      [null, 'left', 'right'],
      60,
    );
    expect(text.split('\n')).toEqual([
      'Asset    Name                                         Detail',
      '-------  --------------------------------  -----------------',
      'Domain   dangerouscentaur.example.com         renews: 11 Feb',
      '                                            2027, auto-renew',
      '                                               on, registrar',
      '                                           Example Registrar',
      '                                               Inc., contact',
      '                                             ops@example.com',
      '',
      'Site     https://staging.dangerouscentaur  stack: dc-staging',
      '         .example.net',
      '',
      'Account  Mesa Community Bank operating     bank account held',
      '         checking (DC)                        for the studio',
      '                                                 since 2019,',
      '                                                  reconciled',
      '                                              monthly by the',
      '                                                  accountant',
      '',
      'Stack    Studio staging server              technology stack',
    ]);
  });

  it('does the same with wide characters, a cell of two lines and words that must break (40 columns)', () => {
    const text = textTable(
      ['Entité', '名前', 'Note'],
      [
        [
          'Café Zürich',
          '東京の支店は来月から営業時間を変更します',
          'a\nsecond line that is long enough to wrap within its column',
        ],
        ['Ωmega', 'supercalifragilisticexpialidocious-and-then-some', '😀 emoji 👨‍👩‍👧 family'],
      ],
      ['center', null, null],
      40,
    );
    expect(text.split('\n')).toEqual([
      '  Entité     名前        Note',
      '-----------  ----------  --------------',
      'Café Zürich  東京の支店  a',
      '             は来月から  second line',
      '             営業時間を  that is long',
      '             変更します  enough to wrap',
      '                         within its',
      '                         column',
      '',
      '   Ωmega     supercalif  😀 emoji 👨‍👩‍👧',
      '             ragilistic  family',
      '             expialidoc',
      '             ious-and-t',
      '             hen-some',
    ]);
  });
});

describe('markdownToHtml given tokens and their source', () => {
  it('writes Markdown without a `<` in one pass, as from the text itself', () => {
    const markdown =
      '# Burn\n\n| Entity | Net burn |\n|---|--:|\n| Café & Co | $1,200 |\n\n- **Due** soon\n';
    expect(markdown.includes('<')).toBe(false);
    const html = markdownToHtml(lexMarkdown(markdown), markdown);
    expect(html).toBe(markdownToHtml(markdown));
    expect(html).toContain(
      '<td style="border:1px solid #d8dee9;padding:5px 8px;vertical-align:top;">Café &amp; Co</td>',
    );
  });

  it('still sanitises Markdown whose source holds raw HTML (a handler, a script)', () => {
    for (const markdown of [
      'Hello <b onclick="steal()">there</b>\n',
      '<script>alert(1)</script>\n\n| a |\n|---|\n| <i>x</i> |\n',
    ]) {
      const html = markdownToHtml(lexMarkdown(markdown), markdown);
      expect(html, markdown).toBe(sanitizedMarkdownToHtml(markdown));
      expect(html, markdown).not.toMatch(/onclick|<script/);
    }
  });
});

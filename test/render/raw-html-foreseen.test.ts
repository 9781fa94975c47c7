// HTML that reaches marked although the template's own text holds no `<`: a chart's image at the
// very end of a report (marked keeps the block's line break in its token), and liquidjs's
// `tablerow` tag, which writes a table's HTML itself. The bundle has sanitize-html only when
// loadSanitizerFor foresaw raw HTML, so such a report failed there with an internal message
// (found in review, on the bundle run without node_modules).
import { describe, expect, it } from 'vitest';
import {
  hasRawHtml,
  lexMarkdown,
  markdownToHtml,
  mayWriteRawHtml,
  sanitizedMarkdownToHtml,
} from '../../src/render/markdown.js';

const IMG =
  '<img src="charts/0123456789abcdef.png" alt="Revenue &amp; spending" width="600" height="300">';

describe('a chart image anywhere in a report needs no sanitiser', () => {
  it.each([
    ['last, with its line break', `End.\n\n${IMG}\n`],
    ['last of two', `Intro.\n\n${IMG}\n\nEnd.\n\n${IMG}\n`],
    ['first', `${IMG}\n\nText\n`],
    ['alone', IMG],
  ])('%s: written in one pass, the same HTML as the sanitiser gives', (_, markdown) => {
    expect(hasRawHtml(lexMarkdown(markdown))).toBe(false);
    const html = markdownToHtml(markdown);
    expect(html).toBe(sanitizedMarkdownToHtml(markdown));
    expect(html).toContain('src="charts/0123456789abcdef.png"');
  });
});

describe('mayWriteRawHtml', () => {
  it.each([
    ['the tablerow tag', '{% tablerow f in findings limit: 2 %}{{ f.severity }}{% endtablerow %}'],
    [
      'tablerow in a liquid tag',
      '{% liquid\n  tablerow f in findings\n  echo f.title\n  endtablerow\n%}',
    ],
    ['an HTML tag in its text', 'Hello <b>there</b>'],
    ['the raw filter', '{{ note | raw }}'],
  ])('%s: yes', (_, template) => {
    expect(mayWriteRawHtml(template)).toBe(true);
  });

  it('a comparison in a tag and a chart: no', () => {
    expect(mayWriteRawHtml('{% if a < b %}x{% endif %}\n\n{{ c | chart }}')).toBe(false);
  });
});

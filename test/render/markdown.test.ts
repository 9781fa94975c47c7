import { describe, expect, it } from 'vitest';
import { markdownToHtml, markdownToText } from '../../src/render/markdown.js';

describe('markdown to HTML', () => {
  it('removes scripts, event handlers and javascript: links from template HTML', () => {
    const html = markdownToHtml(
      'Hello <script>alert(1)</script><img src=x onerror="alert(2)"> [x](javascript:alert(3)) <a href="https://example.com" onclick="steal()">ok</a>',
    );
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|<img/i);
    expect(html).toContain('href="https://example.com"');
  });

  it('drops protocol-relative links, which a mail client would resolve its own way', () => {
    const html = markdownToHtml('[a](//evil.example.net/p) [b](https://example.com/ok)');
    expect(html).not.toContain('evil.example.net');
    expect(html).toContain('href="https://example.com/ok"');
  });

  it('replaces any given style with its own inline styles', () => {
    const html = markdownToHtml(
      '<p style="position:fixed;background:url(https://example.com/x)">hi</p>\n\n| a | b |\n| --- | --- |\n| 1 | 2 |',
    );
    expect(html).not.toContain('position:fixed');
    expect(html).toMatch(/<table style="border-collapse:collapse;/);
    expect(html).toMatch(/<td style="border:1px solid/);
  });

  it('keeps column alignment, and styles only real tags, not text that looks like one', () => {
    const html = markdownToHtml('| a | b |\n| --- | ---: |\n| &lt;td x=1&gt; | 2 |');
    expect(html).toMatch(/<th style="[^"]*text-align:right;" align="right">b<\/th>/);
    expect(html).toMatch(/<td style="[^"]*text-align:right;" align="right">2<\/td>/);
    expect(html).toContain(
      '<td style="border:1px solid #d8dee9;padding:5px 8px;vertical-align:top;">&lt;td x=1&gt;</td>',
    );
    expect(markdownToHtml('<td align="right;color:red" onclick="x">a</td>')).not.toMatch(
      /onclick|align=|color:red/,
    );
  });
});

describe('markdown to text', () => {
  it('underlines headings, aligns tables and keeps link targets', () => {
    const text = markdownToText(
      '# Title\n\n## Burn\n\n| entity | runway |\n| --- | ---: |\n| JADA | 12.0 months |\n| QuickDumpNow | 2.8 months |\n\nSee [the run](https://example.com/run/1) & more.',
    );
    expect(text).toContain('Title\n=====');
    expect(text).toContain('Burn\n----');
    // Right-aligned columns are right-aligned in the header too.
    expect(text).toContain(
      'entity             runway\n------------  -----------\nJADA          12.0 months\nQuickDumpNow   2.8 months',
    );
    expect(text).toContain('See the run (https://example.com/run/1) & more.');
  });

  it('decodes the HTML escaping the templates apply', () => {
    expect(markdownToText('Harbor &amp; Hill &lt;Holdings&gt;')).toBe('Harbor & Hill <Holdings>\n');
  });
});

// The report HTML in one pass: marked's renderer writes the allowed tags with their styles, and
// its output is exactly what the sanitize-html path writes for the same Markdown; raw HTML
// alone loads and runs sanitize-html; one URL rule for both paths.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { chartFilter } from '../../src/render/chart-markup.js';
import {
  escapeMarkdown,
  markdownToHtml,
  sanitizedMarkdownToHtml,
} from '../../src/render/markdown.js';
import { allowedUrl, decodeAttribute } from '../../src/render/safe-url.js';
import { monthlyChart } from '../../src/charts/spec.js';

const CHART = chartFilter(
  {},
  monthlyChart({
    title: `Harbor & Hill's "H&H" <Holdings>`,
    months: ['2026-09', '2026-10'],
    series: [{ name: 'Revenue', unit: { kind: 'money', currency: 'USD' }, values: [1200, 900] }],
    alt: `Harbor & Hill's "H&H" <Holdings>: revenue by month`,
  }),
);

// A report's shapes: every block and inline form the templates use, values escaped as Liquid
// escapes them, and a chart placed by the filter.
const REPORT = [
  `# CFO report: ${escapeMarkdown('Harbor & Hill "H&H" <Holdings>')}`,
  '## Cash and runway',
  '| entity | cash | runway |',
  '| :-- | --: | :-: |',
  `| ${escapeMarkdown('Dump*It* <b>|</b> & Co')} | $1,200 | 2.9 months |`,
  '| JADA | $41,750 | 12.0 months |',
  '',
  CHART,
  '### Actions',
  '',
  '- **Cut** _spend_ on `ads` ~~now~~ — see [the run](https://example.com/run/1?a=1&b=2)',
  "- Ask Priya's team: <https://example.com/a&b> or ops@example.com",
  '',
  '1. first',
  '2. second',
  '',
  '> **Critical:** runway under 3 months',
  '',
  '---',
  '',
  '```',
  'const a = "<b>" && \'x\';',
  '```',
  '',
  '#### Notes',
  '##### Small',
  'line one  ',
  'line two &quot;quoted&quot; &apos;s&apos; &amp; &lt;x&gt; &#60; a&nbsp;b',
].join('\n');

describe('markdownToHtml in one pass', () => {
  it('writes what the sanitize-html path writes for a report, styles and all', () => {
    const html = markdownToHtml(REPORT);
    expect(html).toBe(sanitizedMarkdownToHtml(REPORT));
    // And it is the report it should be: styled tags, escaped values, the chart kept.
    expect(html).toContain(
      '<h1 style="font-size:22px;margin:0 0 12px;color:#0b2545;">CFO report: Harbor &amp; Hill "H&amp;H" &lt;Holdings&gt;</h1>',
    );
    expect(html).toContain(
      '<td style="border:1px solid #d8dee9;padding:5px 8px;vertical-align:top;text-align:right;" align="right">$1,200</td>',
    );
    expect(html).toMatch(
      /<img style="display:block;[^"]*" src="charts\/[0-9a-f]{16}\.png" alt="Harbor &amp; Hill's &quot;H&amp;H&quot; &lt;Holdings&gt;: revenue by month" width="600" height="300" \/>/,
    );
    expect(html).toContain('href="https://example.com/run/1?a=1&amp;b=2"');
    expect(html).toContain('<a style="color:#1d4ed8;" href="mailto:ops@example.com">');
    expect(html).toContain('line two "quoted" \'s\' &amp; &lt;x&gt; &lt; a\u00a0b');
  });

  // The same property over many shapes: a fixed-seed mix of Markdown's punctuation, links,
  // images, tables, references and lists, each rendered both ways.
  it('writes what the sanitize-html path writes for 3,000 generated Markdown texts', () => {
    const pieces = [
      'a',
      'word',
      ' ',
      '\n',
      '\n\n',
      '*',
      '**',
      '_',
      '~~',
      '`',
      '```\n',
      '[',
      ']',
      '(',
      ')',
      '<',
      '>',
      '&',
      '"',
      "'",
      '\\',
      '|',
      '# ',
      '- ',
      '1. ',
      '> ',
      '![x](',
      '[l](',
      ')',
      'charts/0123456789abcdef.png',
      'cid:0123456789abcdef',
      'https://example.com/?a=1&b=2',
      'javascript:',
      '//',
      'x@example.com',
      'www.example.com',
      '&amp;',
      '&lt;',
      '&#39;',
      '&#60;',
      '&quot;',
      '&nbsp;',
      '| a | b |\n| --- | ---: |\n',
      '    ',
      '---',
      '%20',
      '😀',
      '[ ] ',
      '\u00a0',
      ':',
      '=',
    ];
    let seed = 20261124;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let compared = 0;
    for (let n = 0; n < 3_000; n++) {
      let markdown = '';
      for (let i = 1 + Math.floor(next() * 30); i > 0; i--)
        markdown += pieces[Math.floor(next() * pieces.length)];
      expect(markdownToHtml(markdown), markdown).toBe(sanitizedMarkdownToHtml(markdown));
      compared++;
    }
    expect(compared).toBe(3_000);
  });

  it('loads sanitize-html only for Markdown with raw HTML, or templates that may write it', () => {
    // A fresh process: whether the package was loaded is visible in the CommonJS cache.
    const script = `
      import { createRequire } from 'node:module';
      const { loadSanitizerFor, markdownToHtml } = await import('./src/render/markdown.ts');
      const loaded = () => Object.keys(createRequire(import.meta.url).cache)
        .some((file) => file.includes('/sanitize-html/'));
      const steps = {};
      markdownToHtml(${JSON.stringify(REPORT)});
      steps.plain = loaded();
      await loadSanitizerFor([{ source: '# {{ e.name }}\\n\\n{{ e.chart | chart }}' }]);
      steps.templatesWithoutHtml = loaded();
      await loadSanitizerFor([{ source: '{% if a.size < b.size %}fewer{% endif %} {{ x | minus: 1 }}' }]);
      steps.liquidComparison = loaded();
      await loadSanitizerFor([{ source: 'x' }, { source: '{{ e.name | raw }}' }]);
      steps.rawFilter = loaded();
      steps.raw = markdownToHtml('<b onclick="x">bold</b>');
      console.log(JSON.stringify(steps));
    `;
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module'], {
      input: script,
      encoding: 'utf8',
    });
    expect(JSON.parse(output)).toEqual({
      plain: false,
      templatesWithoutHtml: false,
      liquidComparison: false,
      rawFilter: true,
      // <b> is not an allowed tag: its text stays, the handler goes.
      raw: '<p style="margin:0 0 10px;line-height:1.5;">bold</p>\n',
    });
  });
});

describe('one URL rule for links and images, on both paths', () => {
  it('refuses javascript: however it is written, in Markdown and in raw HTML', () => {
    // The given instance (a plain javascript: link) and a second: the scheme's colon written
    // as a numeric or a named character reference, which a mail client decodes.
    for (const link of [
      '[x](javascript:alert(1))',
      '[x](javascript&#58;alert(1))',
      '[x](javascript&colon;alert(1))',
      '[x](JavaScript:alert(1))',
    ])
      expect(markdownToHtml(link), link).toBe(
        '<p style="margin:0 0 10px;line-height:1.5;"><a style="color:#1d4ed8;">x</a></p>\n',
      );
    for (const tag of ['<a href="javascript&#58;x">x</a>', '<a href="java&#x09;script:x">x</a>'])
      expect(markdownToHtml(tag), tag).not.toContain('href');
    expect(markdownToHtml('[ok](https://example.com/a?b=1&amp;c=2)')).toContain(
      'href="https://example.com/a?b=1&amp;c=2"',
    );
  });

  it('keeps a chart image by either Content-ID form and nothing else', () => {
    const kept = (markdown: string) => markdownToHtml(markdown).includes('<img');
    expect(kept('![c](cid:0123456789abcdef)')).toBe(true);
    expect(kept('![c](cid:0123456789abcdef@boardroom)')).toBe(true);
    expect(kept('<img src="cid:0123456789abcdef@boardroom" alt="c">')).toBe(true);
    expect(kept('![c](cid:0123456789abcdef@evil.example)')).toBe(false);
    expect(kept('<img src="cid:0123456789abcdef@evil.example" alt="c">')).toBe(false);
    expect(kept('![c](https://tracker.example.com/p.gif)')).toBe(false);
    expect(kept('![c](charts/0123456789abcdef.png?x)')).toBe(false);
  });

  it('judges a URL as the client reads it', () => {
    expect(allowedUrl('a', 'https://example.com')).toBe(true);
    expect(allowedUrl('a', '/relative/path')).toBe(true);
    expect(allowedUrl('a', 'java\tscript:alert(1)')).toBe(false);
    expect(allowedUrl('a', '\\\\evil.example/p')).toBe(false);
    expect(allowedUrl('a', '')).toBe(false);
    expect(allowedUrl('img', 'charts/0123456789abcdef.png')).toBe(true);
    expect(allowedUrl('img', 'https://example.com/x.png')).toBe(false);
    expect(decodeAttribute('a&amp;b&#58;&#x3A;&quot;')).toBe('a&b::"');
    expect(decodeAttribute('javascript&colon;x')).toBeUndefined();
  });
});

// Issue 10, item 1: a value from the portfolio comes out as itself in subjects, plain text, JSON
// and Markdown, and escaped exactly once in HTML. The one escaping a value gets on its way into a
// report is for Markdown (escapeMarkdown); HTML escaping happens once, when Markdown becomes HTML.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { memoryLogger } from '../../src/logger.js';
import { escapeMarkdown, markdownToHtml, markdownToText } from '../../src/render/markdown.js';
import type { RunSummary } from '../../src/summary/model.js';
import { editedPortfolio, removeScratchDirs, scratchDir } from '../config/portfolio-copy.js';

afterAll(removeScratchDirs);

const PORTFOLIO_NAME = 'Harbor & Hill "H&H" Holdings';
const SUBJECT = `Accounting monthly for ${PORTFOLIO_NAME} — 2026-11`;
// The second instance: an entity name that is Markdown and HTML at once.
const ENTITY_NAME = 'Dump*It* <b>|</b> & Co';

/** HTML text escaped once, the way an HTML parser reads it back. */
function decodeHtmlOnce(html: string): string {
  return html.replace(/&(amp|lt|gt|quot|#39|#34);/g, (_, name: string) => {
    const map: Record<string, string> = {
      amp: '&',
      lt: '<',
      gt: '>',
      quot: '"',
      '#39': "'",
      '#34': '"',
    };
    return map[name]!;
  });
}

/** The same value escaped twice, in each way the old code managed to. */
const DOUBLE_ESCAPED = /&amp;(amp|lt|gt|quot|#34|#39);|&#34;/;

let out: string;
let code: number;
const read = (file: string) => readFileSync(path.join(out, file), 'utf8');

beforeAll(async () => {
  const portfolio = editedPortfolio(
    {
      file: 'portfolio.yml',
      find: 'name: Harbor & Hill Holdings',
      replace: `name: ${PORTFOLIO_NAME}`,
    },
    {
      file: 'reports/accounting.yml',
      find: 'subject: "Accounting monthly: revenue recognition and expense audit — {{ period }}"',
      replace: 'subject: "Accounting monthly for {{ portfolio.name }} — {{ period }}"',
    },
    {
      file: 'entities/quickdumpnow.yml',
      find: 'name: QuickDumpNow\nkind',
      replace: `name: "${ENTITY_NAME}"\nkind`,
    },
  );
  out = path.join(scratchDir('boardroom-escaping-'), 'out');
  code = await main(
    [
      'run',
      '--config',
      portfolio.dir,
      '--out',
      out,
      '--as-of',
      '2026-11-24',
      '--state-file',
      path.join(out, '..', 'ledger.jsonl'),
    ],
    {},
    memoryLogger(),
  );
}, 60_000);

describe('a portfolio name with & and quotes, in the accounting subject (the given instance)', () => {
  it('runs', () => {
    expect(code).toBe(0);
  });

  it('is itself in summary.json (the subject and the portfolio)', () => {
    const summary = JSON.parse(read('summary.json')) as RunSummary;
    expect(summary.run.portfolio).toBe(PORTFOLIO_NAME);
    expect(summary.reports.find((r) => r.id === 'accounting')!.subject).toBe(SUBJECT);
  });

  it("is itself in the .eml's Subject header, decoded by a real MIME parser", async () => {
    const mail = await simpleParser(readFileSync(path.join(out, 'outbox', 'accounting.eml')));
    expect(mail.subject).toBe(SUBJECT);
    // The text part reads the name as itself; the HTML part has it escaped once.
    expect(mail.text).toContain(`Accounting: ${PORTFOLIO_NAME}`);
    expect(mail.html).toContain('Harbor &amp; Hill ');
    expect(mail.html || '').not.toMatch(DOUBLE_ESCAPED);
  });

  it('is itself in summary.md and in the report Markdown and text', () => {
    expect(read('summary.md')).toContain(`# boardroom: ${PORTFOLIO_NAME}\n`);
    expect(read('summary.md')).not.toMatch(/&amp;|&quot;|&#34;/);
    expect(read('reports/accounting.md')).toContain(`# Accounting: ${PORTFOLIO_NAME}\n`);
    expect(read('reports/accounting.txt')).toContain(`Accounting: ${PORTFOLIO_NAME}\n`);
    // The footer of every HTML part names the portfolio, escaped once.
    expect(read('reports/accounting.txt')).not.toMatch(/&amp;|&quot;|&#34;/);
  });

  it('is escaped exactly once in the gallery and in the HTML <title>', () => {
    const gallery = read('index.html');
    const subjectCell = /<td class="subject">([^<]*)<\/td>/.exec(
      gallery.slice(gallery.indexOf('>accounting</a>')),
    )![1]!;
    expect(subjectCell).toBe(
      'Accounting monthly for Harbor &amp; Hill &quot;H&amp;H&quot; Holdings — 2026-11',
    );
    expect(decodeHtmlOnce(subjectCell)).toBe(SUBJECT);
    expect(gallery).not.toMatch(DOUBLE_ESCAPED);
    const title = /<title>([^<]*)<\/title>/.exec(read('reports/accounting.html'))![1]!;
    expect(decodeHtmlOnce(title)).toBe(SUBJECT);
    expect(read('reports/accounting.html')).not.toMatch(DOUBLE_ESCAPED);
  });
});

describe('an entity name with Markdown and HTML in it (a second instance)', () => {
  it('reads as itself in the CFO text part and in the rendered CFO Markdown', () => {
    const text = read('reports/cfo.txt');
    expect(text).toContain(`Queen of San Diego, ${ENTITY_NAME}, 3028 51st St rental.`);
    // The Markdown source, rendered by a Markdown reader, shows the name as written.
    expect(markdownToText(read('reports/cfo.md'))).toContain(ENTITY_NAME);
  });

  it('is escaped once in the CFO HTML and never becomes a tag, emphasis or a new cell', () => {
    const html = read('reports/cfo.html');
    expect(html).toContain('>Dump*It* &lt;b&gt;|&lt;/b&gt; &amp; Co</td>');
    expect(html).not.toMatch(/<b>|<em>It/);
    expect(html).not.toMatch(DOUBLE_ESCAPED);
  });

  it('is itself in the run summary Markdown once rendered, and breaks none of its tables', () => {
    const summaryMd = read('summary.md');
    const row = summaryMd.split('\n').find((line) => line.startsWith('| Dump'))!;
    expect(row).toMatch(/^\| Dump\\\*It\\\* &lt;b&gt;\\\|&lt;\/b&gt; & Co \| \$/);
    expect(markdownToText(summaryMd)).toContain(ENTITY_NAME);
    // Four cells, as the header has: the escaped pipe did not open a fifth.
    const table = markdownToHtml(summaryMd.slice(summaryMd.indexOf('## Cash and runway')));
    const cells = /<tr>\s*(<td[^]*?)<\/tr>/.exec(table.slice(table.indexOf('Dump') - 200))![1]!;
    expect(cells.match(/<td/g)).toHaveLength(4);
  });
});

describe('escapeMarkdown', () => {
  // Each value, escaped, then read back by the Markdown renderer, is the value.
  const values = [
    'Harbor & Hill "H&H" Holdings',
    '<script>alert(1)</script>',
    '[click](https://evil.example/x)',
    '**bold** _em_ `code` ~~gone~~ a|b',
    '# not a heading',
    '- not a list',
    '1. not a list either',
    '---',
    'AT&T &amp; &#34;entities&#34; stay text',
    'back\\slash and snake_case_name',
  ];

  it.each(values)('reads back as itself: %s', (value) => {
    expect(markdownToText(escapeMarkdown(value))).toBe(`${value}\n`);
    const html = markdownToHtml(escapeMarkdown(value));
    expect(html).not.toMatch(/<(script|strong|em|code|del|h1|ul|ol|hr)\b|<a[^>]*>click/);
    const visible = html.replace(/<[^>]*>/g, '').trim();
    expect(decodeHtmlOnce(visible)).toBe(value);
  });

  it('leaves ordinary text, and a bare URL, as written', () => {
    expect(escapeMarkdown(PORTFOLIO_NAME)).toBe(PORTFOLIO_NAME);
    expect(escapeMarkdown('see https://example.com/a_b/_c?x=1&y=2.')).toBe(
      'see https://example.com/a_b/_c?x=1&y=2.',
    );
    expect(markdownToHtml(escapeMarkdown('https://example.com/_c'))).toContain(
      'href="https://example.com/_c"',
    );
  });

  it('keeps a value on one line', () => {
    expect(escapeMarkdown('first\n\n# second')).toBe('first # second');
  });
});

// Issue 10, items 13 and 14: KPI values read with their declared unit, and the counts in a
// report's header and in the gallery count what the reader sees in that report.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { formatQuantity } from '../../src/figures.js';
import { memoryLogger } from '../../src/logger.js';
import type { RunSummary } from '../../src/summary/model.js';
import { copyExampleConfig, tempDir } from '../helpers.js';

async function run(config: string): Promise<{ out: string; summary: RunSummary }> {
  const out = path.join(tempDir(), 'out');
  const code = await main(
    ['run', '--config', config, '--out', out, '--as-of', '2026-11-24', '--mode', 'dry-run'],
    {},
    memoryLogger(),
  );
  expect(code).toBe(0);
  const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')) as RunSummary;
  return { out, summary };
}

/** The lines of one `## heading` section of a Markdown report, up to the next `## `. */
function sectionLines(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(`## ${heading}`);
  if (start < 0) return [];
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

// One run of the unmodified example, shared by the tests that only read it.
let example: Promise<{ out: string; summary: RunSummary }> | undefined;
const exampleRun = () => (example ??= run(copyExampleConfig()));

const plain = (text: string) => text.replace(/\\(.)/g, '$1').trim();

/**
 * What a reader sees in a rendered report, counted from its Markdown alone: distinct critical
 * and warning findings (bullets and the critical-shortfalls table) and distinct actions (bullets
 * and the agenda table).
 */
function visibleCounts(markdown: string) {
  const critical = new Set<string>();
  const warning = new Set<string>();
  const actions = new Set<string>();
  for (const line of markdown.split('\n')) {
    const finding = /^- \*\*(CRITICAL|Warning)\*\*: (.+)$/.exec(line);
    if (finding) (finding[1] === 'CRITICAL' ? critical : warning).add(plain(finding[2]!));
    const action = /^- (.+): [^:]+, due [^,]+, (?:high|medium|low) priority$/.exec(line);
    if (action) actions.add(plain(action[1]!));
  }
  for (const line of sectionLines(markdown, 'Critical shortfalls')) {
    const row = /^\| (.+?) \| (.+?) \| (.+?) \|$/.exec(line);
    if (row && row[1] !== 'Entity' && !row[1]!.startsWith('---')) critical.add(plain(row[2]!));
  }
  for (const line of sectionLines(markdown, '30-day agenda')) {
    const row = /^\| (\d+) \| (.+?) \|/.exec(line);
    if (row) actions.add(plain(row[2]!));
  }
  return { critical: critical.size, warning: warning.size, actions: actions.size };
}

function headerCounts(markdown: string) {
  const match = /\*\*Critical: (\d+) · Warnings: (\d+) · Actions: (\d+)\*\*/.exec(markdown);
  expect(match, 'the header counts line').not.toBeNull();
  return { critical: Number(match![1]), warning: Number(match![2]), actions: Number(match![3]) };
}

/** The critical and findings cells of a report's row in the gallery (index.html). */
function galleryCounts(html: string, id: string): { critical: number; findings: number } {
  const row = html.split('\n').find((line) => line.includes(`>${id}</a></td>`))!;
  const cells = [...row.matchAll(/<td class="num[^"]*">(\d+)<\/td>/g)].map((m) => Number(m[1]));
  return { critical: cells[0]!, findings: cells[1]! };
}

describe("item 13: the CEO's KPIs below target read with their units", () => {
  it('money and percent KPIs: "$8,400 vs $12,000" and "75% vs 95%", not "8400 vs 12000"', async () => {
    const { out } = await exampleRun();
    const ceo = readFileSync(path.join(out, 'reports', 'ceo.md'), 'utf8');
    const kpis = sectionLines(ceo, 'Missing KPIs').join('\n');
    expect(kpis).toContain('Care-plan recurring revenue $8,400 vs $12,000');
    expect(kpis).toContain('Occupied units 75% vs 95%');
    // a count and a number of days, the two other kinds of unit
    expect(kpis).toContain('Active clients 6 clients vs 8 clients');
    expect(kpis).toContain('Average days to pay an invoice 41 days vs 30 days');
    expect(kpis).toContain('Average review score 4.7 stars vs 4.8 stars');
    expect(kpis).not.toMatch(/\b8400\b|\b12000\b|\b75 vs 95\b/);
    // The plain-text part reads the same.
    const text = readFileSync(path.join(out, 'reports', 'ceo.txt'), 'utf8');
    expect(text).toContain('$8,400 vs $12,000');
    expect(text).toContain('75% vs 95%');
  }, 60_000);

  it('formats each kind of declared unit', () => {
    expect(formatQuantity(8_400, 'USD', 'USD')).toBe('$8,400');
    expect(formatQuantity(8_400, '$', 'USD')).toBe('$8,400');
    expect(formatQuantity(1_200, 'EUR', 'USD')).toBe('€1,200');
    expect(formatQuantity(75, '%', 'USD')).toBe('75%');
    expect(formatQuantity(12.5, 'percent', 'USD')).toBe('12.5%');
    expect(formatQuantity(1, 'days', 'USD')).toBe('1 day');
    expect(formatQuantity(41, 'days', 'USD')).toBe('41 days');
    expect(formatQuantity(1_250, 'jobs', 'USD')).toBe('1,250 jobs');
    expect(formatQuantity(1.4, 'deliveries', 'USD')).toBe('1.4 deliveries');
    expect(formatQuantity(4.65, undefined, 'USD')).toBe('4.65');
    // a lower-case word that happens to be a currency code is a count, not money
    expect(formatQuantity(3, 'top', 'USD')).toBe('3 top');
    expect(formatQuantity(null, 'USD', 'USD')).toBe('no data');
  });
});

describe('item 14: header and gallery counts count what the reader sees', () => {
  it("the CEO's header and gallery say 6 critical, the six shortfalls the report lists", async () => {
    const { out, summary } = await exampleRun();
    const ceo = readFileSync(path.join(out, 'reports', 'ceo.md'), 'utf8');
    const shortfalls = sectionLines(ceo, 'Critical shortfalls').filter(
      (line) => line.startsWith('| ') && !line.startsWith('| Entity'),
    );
    expect(shortfalls).toHaveLength(6);
    const header = headerCounts(ceo);
    expect(header.critical).toBe(6);
    expect(header).toEqual(visibleCounts(ceo));
    // the gallery and summary.json say the same as the report's own header
    const ceoSummary = summary.reports.find((r) => r.id === 'ceo')!;
    expect(ceoSummary.counts).toMatchObject(header);
    const gallery = galleryCounts(readFileSync(path.join(out, 'index.html'), 'utf8'), 'ceo');
    expect(gallery.critical).toBe(6);
    expect(gallery.findings).toBe(
      ceoSummary.counts.critical + ceoSummary.counts.warning + ceoSummary.counts.info,
    );
    // and the HTML's preheader
    expect(readFileSync(path.join(out, 'reports', 'ceo.html'), 'utf8')).toContain('6 critical');
    // the sentence that excused the old count is gone
    expect(ceo).not.toContain("cover this report's own sections only");
  }, 60_000);

  it('every report of the example: the header counts equal what its Markdown shows', async () => {
    const { out, summary } = await exampleRun();
    const html = readFileSync(path.join(out, 'index.html'), 'utf8');
    for (const report of summary.reports) {
      const markdown = readFileSync(path.join(out, 'reports', `${report.id}.md`), 'utf8');
      const header = headerCounts(markdown);
      expect(header, report.id).toEqual(visibleCounts(markdown));
      expect(galleryCounts(html, report.id).critical, report.id).toBe(header.critical);
      // The preheader (the line a mail client shows beside the subject) counts in words that
      // agree with the number: "1 warning, 1 action", not "1 warnings, 1 actions".
      const page = readFileSync(path.join(out, 'reports', `${report.id}.html`), 'utf8');
      expect(page, report.id).toMatch(/\d+ critical, \d+ warnings?, \d+ actions?/);
      expect(page, report.id).not.toMatch(/\b1 (warnings|actions)\b/);
    }
  }, 60_000);

  it("a unit manager's report that gathers the shortfalls and the agenda counts them too", async () => {
    // The Expert Yacht Delivery report with two gathering sections added: its own delivery
    // analysis raises no critical finding, but its shortfalls list the site with no backups.
    const config = copyExampleConfig();
    const file = path.join(config, 'reports', 'expert-yacht-delivery.yml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        '  - delivery_ops\n',
        '  - delivery_ops\n  - critical_shortfalls\n  - agenda\n',
      ),
    );
    const { out, summary } = await run(config);
    const markdown = readFileSync(path.join(out, 'reports', 'expert-yacht-delivery.md'), 'utf8');
    const entry = summary.reports.find((r) => r.id === 'expert-yacht-delivery')!;
    // Its own findings (its tasks) hold no critical one...
    expect(entry.findings.filter((f) => f.severity === 'critical')).toEqual([]);
    // ...but the reader sees one, and more actions than its own section raises.
    expect(markdown).toContain(
      '| Expert Yacht Delivery | Expert Yacht Delivery / Expert Yacht Delivery website: no backups | security audit |',
    );
    const header = headerCounts(markdown);
    expect(header.critical).toBe(1);
    expect(header.actions).toBeGreaterThan(entry.actions.length);
    expect(header).toEqual(visibleCounts(markdown));
    expect(entry.counts).toMatchObject(header);
    expect(galleryCounts(readFileSync(path.join(out, 'index.html'), 'utf8'), entry.id)).toEqual({
      critical: 1,
      findings: entry.counts.critical + entry.counts.warning + entry.counts.info,
    });
  }, 60_000);
});

// The CFO's 12-month revenue-against-spending chart, end to end: placed by the burn template,
// drawn once per run into OUT/reports/charts, sent inline (outbox .eml and SES), its numbers in
// the text part, and the chart libraries never loaded by `validate`.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli.js';
import { memoryLogger } from '../../src/logger.js';
import { pngSize } from '../../src/charts/png.js';
import type { ChartSpec } from '../../src/charts/spec.js';
import { categoryChart, monthlyChart } from '../../src/charts/spec.js';
import { chartCollector, chartFilter } from '../../src/render/chart-markup.js';
import { markdownToHtml, markdownToText } from '../../src/render/markdown.js';
import { formatMoney } from '../../src/figures.js';
import { copyExampleConfig, tempDir } from '../helpers.js';
import { runOutbox, type OutboxRun } from '../eml.js';
import { startSesStub, type SesStub } from '../ses-stub.js';
import { useFakeAwsCredentials } from '../ses-local.js';

// Whether the chart engine (echarts + resvg) was imported: the factory runs on first import.
const engine = vi.hoisted(() => ({ loaded: false }));
vi.mock('../../src/charts/engine.js', async (importOriginal) => {
  engine.loaded = true;
  return importOriginal();
});

interface BurnRow {
  name: string;
  revenue_monthly: number | null;
  gross_burn_monthly: number | null;
  partial_months: unknown[];
  chart: ChartSpec;
}

// The example, plus a second report with the CFO's persona: the same charts in two reports.
const config = copyExampleConfig();
writeFileSync(
  path.join(config, 'reports', 'cfo-board.yml'),
  readFileSync(path.join(config, 'reports', 'cfo.yml'), 'utf8').replace(
    'subject: "CFO weekly',
    'subject: "Board copy of CFO weekly',
  ),
);

const burnRows = (out: string, report: string): BurnRow[] => {
  const json = JSON.parse(readFileSync(path.join(out, 'reports', `${report}.json`), 'utf8')) as {
    sections: { id: string; data: { entities: BurnRow[] } }[];
  };
  return json.sections.find((s) => s.id === 'burn')!.data.entities;
};

describe('validate', () => {
  // First in the file: nothing else has drawn yet in this process.
  it('never loads the chart libraries', async () => {
    const log = memoryLogger();
    expect(await main(['validate', '--config', config], {}, log)).toBe(0);
    expect(engine.loaded).toBe(false);
  });
});

describe('the CFO chart through the outbox', () => {
  let run: OutboxRun;
  let cfo: ParsedMail;
  let rows: BurnRow[];
  beforeAll(async () => {
    run = await runOutbox(config);
    cfo = await simpleParser(run.emls.get('cfo.eml')!, { keepCidLinks: true });
    rows = burnRows(run.out, 'cfo');
  }, 120_000);

  it('loads the chart libraries once a report has a chart (the validate check can fail)', () => {
    expect(engine.loaded).toBe(true);
  });

  it('gives every entity 12 full months before the as-of date, matching the burn averages', () => {
    expect(rows.length).toBe(7);
    let compared = 0;
    for (const row of rows) {
      expect(row.chart.categories).toEqual([
        '2025-11',
        '2025-12',
        ...['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'].map((m) => `2026-${m}`),
      ]);
      // The table's monthly averages are over Aug–Oct 2026: the chart's last three months.
      if (row.partial_months.length > 0) continue;
      const [revenue, spending] = row.chart.series.map((s) => s.values.slice(-3) as number[]);
      const mean = (values: number[]) =>
        Math.round(((values[0]! + values[1]! + values[2]!) * 100) / 3) / 100;
      expect(mean(revenue!)).toBeCloseTo(row.revenue_monthly!, 2);
      expect(mean(spending!)).toBeCloseTo(row.gross_burn_monthly!, 2);
      compared += 1;
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('sends each chart as an inline PNG its HTML refers to by cid:', () => {
    const cids = [
      ...(cfo.html as string).matchAll(/<img [^>]*src="cid:([0-9a-f]{16}@boardroom)"/g),
    ].map((m) => m[1]!);
    expect(cids).toHaveLength(rows.length);
    expect(cfo.html).not.toContain('src="charts/');
    const inline = cfo.attachments.filter((a) => a.contentDisposition === 'inline');
    expect(inline.map((a) => a.cid).sort()).toEqual([...cids].sort());
    for (const part of inline) {
      expect(part.contentType).toBe('image/png');
      expect(part.related).toBe(true);
      // Drawn at 2x the <img>'s 600x300 CSS pixels.
      expect(pngSize(part.content)).toEqual({ width: 1200, height: 600 });
    }
    const raw = run.emls.get('cfo.eml')!.toString('latin1');
    expect(raw).toMatch(/Content-Type: multipart\/related; type="text\/html"/);
  });

  it("puts each chart's numbers in the text part, month by month", () => {
    const text = cfo.text!;
    for (const row of rows) {
      expect(text).toContain(`${row.name}: revenue and spending by month`);
      const [revenue, spending] = row.chart.series;
      const oct = `Oct 2026\\s+${escape(formatMoney(revenue!.values[11], 'USD'))}\\s+${escape(formatMoney(spending!.values[11], 'USD'))}`;
      expect(text).toMatch(new RegExp(oct));
    }
    // A month before the books start reads "no data", not $0.
    expect(text).toMatch(/Nov 2025\s+no data\s+no data/);
  });

  it('writes the gallery charts beside the reports and the HTML report points at them', () => {
    const folder = path.join(run.out, 'reports', 'charts');
    const files = readdirSync(folder).sort();
    const html = readFileSync(path.join(run.out, 'reports', 'cfo.html'), 'utf8');
    const referenced = [...html.matchAll(/<img [^>]*src="charts\/([0-9a-f]{16})\.png"[^>]*>/g)];
    // The folder also holds the other reports' charts (CMO channels, AR aging, rent roll).
    expect(referenced).toHaveLength(7);
    for (const m of referenced) expect(files).toContain(`${m[1]}.png`);
    for (const [tag] of referenced) {
      expect(tag).toMatch(/ width="600" height="300"/);
      expect(tag).toMatch(
        / alt="[^"]*revenue and spending by month\. Bar chart by month, Nov 2025 to Oct 2026/,
      );
    }
    for (const file of files)
      expect(pngSize(readFileSync(path.join(folder, file)))).toEqual({ width: 1200, height: 600 });
  });

  it("draws each entity's chart once for both reports that show it", async () => {
    const board = await simpleParser(run.emls.get('cfo-board.eml')!, { keepCidLinks: true });
    const cidsOf = (mail: ParsedMail) => mail.attachments.map((a) => a.cid).sort();
    expect(cidsOf(board)).toEqual(cidsOf(cfo));
    // One draw per entity, though two reports show each chart: 7 CFO charts, 3 CMO channel
    // charts, the AR aging and the rent roll (the cash charts have no data in this example).
    expect(
      run.log.filter((line) => /^info: drew 12 charts \(\d+ bytes of PNG\) in \d+ ms$/.test(line)),
    ).toHaveLength(1);
    expect(readdirSync(path.join(run.out, 'reports', 'charts'))).toHaveLength(12);
  });

  it('sends no image to a report without a chart', async () => {
    const cto = await simpleParser(run.emls.get('cto.eml')!);
    expect(cto.attachments).toHaveLength(0);
    expect(cto.html).not.toContain('<img');
  });
});

describe('the CFO chart through SES', () => {
  let stub: SesStub;
  let out: string;
  beforeAll(async () => {
    useFakeAwsCredentials();
    stub = await startSesStub({
      account: { MaxSendRate: 50, Max24HourSend: 10_000, SentLast24Hours: 0 },
    });
    out = path.join(tempDir(), 'out');
    const log = memoryLogger();
    const code = await main(
      [
        'run',
        '--config',
        config,
        '--out',
        out,
        '--as-of',
        '2026-11-24',
        '--transport',
        'ses',
        '--ses-endpoint',
        stub.url,
        '--aws-region',
        'us-west-2',
        '--state-file',
        path.join(tempDir(), 'ledger.jsonl'),
        '--tasks',
        'none',
      ],
      {},
      log,
    );
    if (code !== 0) throw new Error(log.lines.join('\n'));
  }, 120_000);
  afterAll(() => stub.close());

  it('attaches each chart INLINE with its Content-ID, read from OUT/reports/charts', () => {
    const request = stub.accepted.find((r) => r.subject.startsWith('CFO weekly'))!;
    const cids = [...request.html!.matchAll(/src="cid:([0-9a-f]{16}@boardroom)"/g)].map(
      (m) => m[1]!,
    );
    expect(cids).toHaveLength(7);
    expect(request.attachments.map((a) => a.ContentId).sort()).toEqual([...cids].sort());
    for (const attachment of request.attachments) {
      expect(attachment.ContentDisposition).toBe('INLINE');
      expect(attachment.ContentType).toBe('image/png');
      // Content-ID `<key>@boardroom` (RFC 2392), the file `charts/<key>.png`.
      const key = attachment.ContentId!.replace(/@boardroom$/, '');
      expect(attachment.FileName).toBe(`chart-${key}.png`);
      const png = Buffer.from(attachment.RawContent, 'base64');
      expect(png.equals(readFileSync(path.join(out, 'reports', 'charts', `${key}.png`)))).toBe(
        true,
      );
      expect(pngSize(png)).toEqual({ width: 1200, height: 600 });
    }
    const cto = stub.accepted.find((r) => r.subject.startsWith('CTO'))!;
    expect(cto.attachments).toEqual([]);
  });
});

describe('chart markup against hostile input', () => {
  const spec = monthlyChart({
    title: 'Harbor "<b>" & Hill',
    months: ['2026-09', '2026-10'],
    series: [{ name: 'Revenue', unit: { kind: 'money', currency: 'USD' }, values: [1200, null] }],
    alt: 'A "quoted" <script>alert(1)</script> & more',
  });

  it('escapes the alt text and keeps only a chart image', () => {
    const html = markdownToHtml(`Before\n${chartFilter({}, spec)}After\n`);
    const img = /<img [^>]*>/.exec(html)![0];
    expect(img).toMatch(/src="charts\/[0-9a-f]{16}\.png"/);
    expect(img).toContain(
      'alt="A &quot;quoted&quot; &lt;script&gt;alert(1)&lt;/script&gt; &amp; more"',
    );
    expect(html).not.toContain('<script');
  });

  it.each([
    ['a remote image', '<img src="https://tracker.example.com/p.gif" alt="x">'],
    ['a data: URL', '<img src="data:image/png;base64,AAAA" alt="x">'],
    ['a path out of charts/', '<img src="charts/../../secret.png" alt="x">'],
    ['a cid that is not a chart key', '<img src="cid:evil@example.com" alt="x">'],
  ])('drops %s', (_, tag) => {
    expect(markdownToHtml(`${tag}\n`)).not.toContain('<img');
  });

  it('drops event handlers and a size that is not whole pixels', () => {
    const html = markdownToHtml(
      '<img src="cid:0123456789abcdef" onerror="alert(1)" width="600px" height="300" alt="a">\n',
    );
    const img = /<img [^>]*>/.exec(html)![0];
    expect(img).not.toContain('onerror');
    expect(img).not.toContain(' width=');
    expect(img).toContain('height="300"');
  });

  it('shows the numbers in the text part, a chart by category too', () => {
    const byChannel = categoryChart({
      title: 'Spend by channel',
      categoryLabel: 'Channel',
      categories: ['Search', 'Social'],
      series: [{ name: 'Spend', unit: { kind: 'money', currency: 'USD' }, values: [900, 350] }],
    });
    const { globals, charts } = chartCollector();
    const markdown = `${chartFilter(globals, spec)}${chartFilter(globals, byChannel)}`;
    expect(charts.size).toBe(2);
    const text = markdownToText(markdown, charts);
    expect(text).toContain('Harbor "<b>" & Hill');
    expect(text).toMatch(/Sep 2026\s+\$1,200/);
    expect(text).toMatch(/Oct 2026\s+no data/);
    expect(text).toMatch(/Channel\s+Spend\n-+\s+-+\nSearch\s+\$900\nSocial\s+\$350/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// The new charts in the examples' reports: each in the report that shows its table, with alt
// text in the HTML and its numbers in the text part; every example report's email HTML stays
// under Gmail's clip; the cash and runway charts where the books give cash accounts
// (examples/harbor-books, and a CEO report over it), and a sentence where they do not.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { memoryLogger } from '../../src/logger.js';
import { HTML_CLIP_BYTES } from '../../src/delivery/size.js';
import { copyExampleConfig, tempDir } from '../helpers.js';
import { runOutbox, type OutboxRun } from '../eml.js';

const root = path.resolve(import.meta.dirname, '../..');

/** The alt text of every chart image in an HTML file, in order. */
const altsOf = (html: string) =>
  [...html.matchAll(/<img [^>]*src="charts\/[0-9a-f]{16}\.png"[^>]*>/g)].map(
    ([tag]) => /alt="([^"]*)"/.exec(tag)![1]!,
  );

const read = (out: string, file: string) => readFileSync(path.join(out, 'reports', file), 'utf8');

describe('the example (reports-config) as of 2026-11-24', () => {
  let run: OutboxRun;
  beforeAll(async () => {
    run = await runOutbox(copyExampleConfig());
  }, 180_000);

  it('shows spend and ROAS per channel in the CMO report, under each channel table', () => {
    const html = read(run.out, 'cmo.html');
    const alts = altsOf(html);
    expect(alts.map((a) => a.split('.')[0])).toEqual([
      'JADA: spend and ROAS by channel, last 3 months',
      'Queen of San Diego: spend and ROAS by channel, last 3 months',
      'QuickDumpNow: spend and ROAS by channel, last 3 months',
    ]);
    // The figures of JADA's channel table: Search ads $4,131 spend, ROAS 2.84.
    expect(alts[0]).toContain('Search ads $4,131');
    expect(alts[0]).toContain('Search ads 2.84×');
    // Under its table: the chart comes after JADA's last channel row, before Queen of San Diego.
    const md = read(run.out, 'cmo.md');
    const jadaTable = md.indexOf('| Organic search and maps |');
    const jadaChart = md.indexOf('alt="JADA: spend and ROAS');
    expect(jadaTable).toBeGreaterThan(0);
    expect(jadaChart).toBeGreaterThan(jadaTable);
    expect(jadaChart).toBeLessThan(md.indexOf('### Queen of San Diego'));
    // The text part: the chart's title and its table.
    const text = read(run.out, 'cmo.txt');
    expect(text).toMatch(
      /JADA: spend and ROAS by channel, last 3 months\n\nChannel\s+Spend\s+ROAS/,
    );
    expect(text).toMatch(/Search ads\s+\$4,131\s+2\.84×/);
    // Entities whose channels have no spend data: a sentence, no image.
    expect(text).toContain('DangerousCentaur: spend and ROAS by channel, last 3 months: no data.');
  });

  it('shows AR aging in the client-billing report, under the aging table', () => {
    const html = read(run.out, 'dangerouscentaur-clients.html');
    const alts = altsOf(html);
    expect(alts).toHaveLength(1);
    expect(alts[0]).toBe(
      'DangerousCentaur client portfolio: receivables by days past due. Bar chart by days past due. ' +
        'Open amount: current $6,900, 0-30 $3,600, 31-60 $1,980, 61-90 $1,080, 90+ $2,760.',
    );
    const text = read(run.out, 'dangerouscentaur-clients.txt');
    expect(text).toMatch(/Days past due\s+Open amount/);
    expect(text).toMatch(/90\+\s+\$2,760/);
  });

  it('shows occupancy (the rent roll by unit) in the rental report', () => {
    const alts = altsOf(read(run.out, 'rental-3028-51st.html'));
    expect(alts).toHaveLength(1);
    expect(alts[0]).toMatch(
      /^3028 51st St rental: 75\.0% occupied \(3 of 4 units\), rent by unit\./,
    );
    expect(alts[0]).toContain('Rent lost, vacant: Unit A $0, Unit B $0, Unit C $0, Unit D $1,825');
    const text = read(run.out, 'rental-3028-51st.txt');
    expect(text).toMatch(/Unit\s+Rent, occupied\s+Rent lost, vacant/);
    expect(text).toMatch(/Unit D\s+\$0\s+\$1,825/);
  });

  it('says why the CFO and CEO reports have no cash history (no cash accounts in these books)', () => {
    expect(read(run.out, 'cfo.md')).toContain(
      'No cash and runway history for DangerousCentaur client portfolio, DangerousCentaur',
    );
    expect(read(run.out, 'ceo.md')).toContain('No cash and runway history: the books give');
    expect(altsOf(read(run.out, 'ceo.html'))).toEqual([]);
  });

  it("keeps every report's email HTML part under Gmail's clip (102 KB)", async () => {
    expect(run.emls.size).toBe(8);
    for (const [name, raw] of run.emls) {
      // keepCidLinks: otherwise mailparser inlines each image as a data: URL into the HTML.
      const mail = await simpleParser(raw, { keepCidLinks: true });
      expect(typeof mail.html, name).toBe('string');
      expect(Buffer.byteLength(mail.html as string, 'utf8'), name).toBeLessThan(HTML_CLIP_BYTES);
    }
  });
});

describe('cash and runway where the books give cash accounts (examples/harbor-books)', () => {
  // Harbor's books plus a CEO report over them, with the CEO's templates and persona.
  const config = path.join(tempDir(), 'harbor-books');
  cpSync(path.join(root, 'examples/harbor-books'), config, { recursive: true });
  for (const file of [
    'ceo.md',
    'sections/asset_inventory.md',
    'sections/critical_shortfalls.md',
    'sections/missing_kpis.md',
    'sections/agenda.md',
  ])
    cpSync(path.join(root, 'reports-config/templates', file), path.join(config, 'templates', file));
  cpSync(path.join(root, 'reports-config/personas/ceo.yml'), path.join(config, 'personas/ceo.yml'));
  writeFileSync(
    path.join(config, 'reports/ceo.yml'),
    readFileSync(path.join(config, 'reports/cfo.yml'), 'utf8')
      .replace('persona: cfo', 'persona: ceo')
      .replace("subject: 'CFO", "subject: 'CEO"),
  );
  const out = path.join(tempDir(), 'out');
  beforeAll(async () => {
    const log = memoryLogger();
    const code = await main(
      ['run', '--config', config, '--out', out, '--as-of', '2026-07-01', '--mode', 'dry-run'],
      {},
      log,
    );
    if (code !== 0) throw new Error(log.lines.join('\n'));
  }, 180_000);

  // Cash on hand on the 1st of each month, from the books' checking account (hledger and the
  // bank CSV): Apr 1 18,500, May 1 22,798, Jun 1 21,181, Jul 1 10,179 (the table's 10,179);
  // runway only on Jul 1 (3.7 months, the table's): April and May earned cash, not burned it.
  it('shows each entity its cash and runway chart in the CFO report, after its revenue chart', () => {
    const alts = altsOf(read(out, 'cfo.html'));
    expect(alts.map((a) => a.split('.')[0])).toEqual([
      'Harbor Charters: revenue and spending by month',
      'Harbor Charters: cash and runway on the 1st of each month',
    ]);
    expect(alts[1]).toContain('Cash on hand: $18,500 in Apr 2026, $10,179 in Jul 2026');
    expect(alts[1]).toContain('Runway: 3.7 months in Jul 2026');
    const text = read(out, 'cfo.txt');
    expect(text).toMatch(/Month\s+Cash on hand\s+Runway/);
    expect(text).toMatch(/Mar 2026\s+no data\s+no data/);
    expect(text).toMatch(/May 2026\s+\$22,798\s+no data/);
    expect(text).toMatch(/Jul 2026\s+\$10,179\s+3\.7 months/);
  });

  it("shows the CEO the portfolio's cash and runway chart beside its figures", () => {
    const md = read(out, 'ceo.md');
    expect(md).toMatch(/\| \$10,179 \| 3\.7 months \|/);
    const alts = altsOf(read(out, 'ceo.html'));
    expect(alts).toHaveLength(1);
    expect(alts[0]).toMatch(/^Portfolio: cash and runway on the 1st of each month\./);
    expect(alts[0]).toContain('Cash on hand: $18,500 in Apr 2026, $10,179 in Jul 2026');
    expect(read(out, 'ceo.txt')).toMatch(/Jul 2026\s+\$10,179\s+3\.7 months/);
  });
});

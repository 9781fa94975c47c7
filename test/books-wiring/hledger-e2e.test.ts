// End to end on real books: a portfolio whose entity declares `books: - hledger:` pointing at
// ../shared/realdata/bcexample.journal is loaded as a run loads it, and the CFO's figures for two
// windows equal what `hledger bal` computes for the same windows in this test, to the cent.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/analysis/index.js';
import { loadPortfolio, type Portfolio } from '../../src/config/load.js';
import { money } from '../../src/figures.js';
import { cents, peer, peerCsv, realdata, skipReason } from '../books/peer-tools.js';

const journal = path.join(realdata, 'bcexample.journal');
const checking = 'Assets:US:BofA:Checking';

/** hledger's USD total of `bal QUERY…` in dollars (income negative, as hledger prints it). */
function hledgerUsd(args: string[]): number {
  const rows = peerCsv(
    peer('hledger', ['-f', journal, 'bal', ...args, '-O', 'csv', '--layout=bare']),
  );
  return (
    cents(rows.find((r) => r.account === 'total' && r.commodity === 'USD')?.balance ?? '0') / 100
  );
}

const files: Record<string, string> = {
  'portfolio.yml': [
    'name: Real books',
    'currency: USD',
    'timezone: America/New_York',
    'sender: reports@example.com',
    'owners: { cfo: { email: cfo@example.com } }',
    'cost_categories: { fixed: ["Expenses:Home:*"], variable: ["Expenses:Food:*"] }',
    'chart_of_accounts: {}',
  ].join('\n'),
  'entities/household.yml': [
    'name: Household',
    'kind: client_portfolio',
    'books:',
    `  - hledger: ${JSON.stringify(journal)}`,
    'accounts:',
    `  "${checking}": { type: asset, cash: true }`,
  ].join('\n'),
  'personas/cfo.yml': 'title: CFO\nsections: [burn, break_even]\ntemplate: cfo',
  'reports/cfo.yml': [
    'persona: cfo',
    'entities: all',
    'recipients: { to: [cfo@example.com] }',
    'cadence: monthly',
    'subject: CFO',
  ].join('\n'),
  'templates/cfo.md': '# CFO\n',
};

describe.skipIf(skipReason('hledger', 'bcexample.journal'))(
  'a portfolio on bcexample.journal through the hledger source',
  () => {
    let dir: string;
    let portfolio: Portfolio;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'boardroom-books-'));
      for (const [name, text] of Object.entries(files)) {
        await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
        await writeFile(path.join(dir, name), `${text}\n`);
      }
      const loaded = await loadPortfolio(dir);
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
      portfolio = loaded.portfolio;
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    // as-of → its trailing three full months, hledger's -b/-e
    const windows = [
      { asOf: '2014-07-15', from: '2014-04-01', to: '2014-07-01', next: '2014-07-16' },
      { asOf: '2013-02-10', from: '2012-11-01', to: '2013-02-01', next: '2013-02-11' },
    ];
    for (const w of windows) {
      it(`as of ${w.asOf}: revenue, spending, net burn, cash and cash burn equal hledger's`, () => {
        const m = new Analyzer(portfolio, w.asOf).finance(portfolio.entities[0]!);
        const range = ['-b', w.from, '-e', w.to];
        const revenue = money(-hledgerUsd(['^income', ...range]) / 3);
        const spending = money(hledgerUsd(['^expenses', ...range]) / 3);
        expect(m.missing_months).toEqual([]);
        expect(m.revenue_monthly).toBe(revenue);
        expect(m.gross_burn_monthly).toBe(spending);
        // Operating net burn is spending − revenue as shown; hledger's income + expenses over
        // the window, a third of it, is within the cent either average may round by.
        expect(m.net_burn_monthly).toBe(money(spending - revenue));
        const net = hledgerUsd(['^income', '^expenses', ...range]) / 3;
        expect(Math.abs(m.net_burn_monthly! - net)).toBeLessThanOrEqual(0.01);
        // Cash on hand: checking's balance at the end of the as-of date, from the books.
        expect(m.cash_source).toBe('books');
        expect(m.cash_on_hand).toBe(hledgerUsd([`^${checking}$`, '-e', w.next]));
        expect(m.cash_burn_monthly).toBe(money(-hledgerUsd([`^${checking}$`, ...range]) / 3));
        expect(m.runway_basis).toBe('cash');
      });
    }

    it('names the vacation hours it cannot price, earned and taken apart, with their totals', () => {
      const burn = new Analyzer(portfolio, '2014-07-15').section('burn', portfolio.entities);
      const vachr = burn.findings.filter((f) =>
        f.id.startsWith('finance.unpriced-commodity:household:VACHR'),
      );
      // One finding per kind: hledger's VACHR movement on income accounts, and on expense
      // accounts, over the figures' window (2014-04-01 to 2014-06-30), each totalled apart
      // (checking holds none).
      const hledgerTotal = (query: string) =>
        peerCsv(
          peer('hledger', [
            '-f',
            journal,
            'bal',
            query,
            '-b',
            '2014-04-01',
            '-e',
            '2014-07-01',
            '-O',
            'csv',
            '--layout=bare',
            'cur:VACHR',
          ]),
        ).find((r) => r.account === 'total')!.balance!;
      expect(vachr.map((f) => Number(f.figures.total)).sort((a, b) => a - b)).toEqual(
        // A kind with no VACHR posting in the window (the expenses, in April to June) has none.
        [Number(hledgerTotal('^income')), Number(hledgerTotal('^expenses'))]
          .filter((total) => total !== 0)
          .sort((a, b) => a - b),
      );
    });
  },
);

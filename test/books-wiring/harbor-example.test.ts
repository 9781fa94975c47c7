// The second example portfolio (examples/harbor-books): one entity whose books are an hledger
// journal (April), a bank CSV export and a card's QFX statement (May) and boardroom's own
// ledger.csv (June). Its CFO figures, worked by hand; and without hledger, the one error.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/analysis/index.js';
import { loadPortfolio } from '../../src/config/load.js';
import { execFileSync } from 'node:child_process';
import { repoRoot } from '../books/peer-tools.js';

const dir = path.join(repoRoot, 'examples/harbor-books');

/** Why the example cannot be read here: hledger is missing (the reason is printed). */
function hledgerMissing(): string | undefined {
  try {
    execFileSync('hledger', ['--version'], { stdio: 'ignore' });
    return undefined;
  } catch {
    const reason =
      'examples/harbor-books skipped: hledger is not installed (apt-get install -y hledger)';
    console.warn(reason);
    return reason;
  }
}

describe('examples/harbor-books', () => {
  it.skipIf(hledgerMissing())(
    'gives the CFO figures worked by hand, by account type, as of 2026-07-01',
    async () => {
      const loaded = await loadPortfolio(dir);
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
      const analyzer = new Analyzer(loaded.portfolio, '2026-07-01');
      const m = analyzer.finance(loaded.portfolio.entities[0]!);
      // Revenue: April 4,200 − 350 refund; May 2,650; June 3,100 → 9,600 / 3.
      expect(m.revenue_monthly).toBe(3_200);
      // Spending: April 412.35 + 1,150 + 300 EUR × 1.085 = 1,887.85; May 1,150 + 389 + 58.40 +
      // 19 = 1,616.40; June 1,150 + 389 + 280 − 42 credit = 1,777 → 5,281.25 / 3 = 1,760.42.
      expect(m.gross_burn_monthly).toBe(1_760.42);
      expect(m.net_burn_monthly).toBe(-1_439.58);
      // Cash (Assets:Bank:*): April +4,200 − 1,150 − 350 − 1,052.35 card payment = +1,647.65;
      // May +2,650 − 1,150 − 389 − 77.40 card payment = +1,033.60; June +3,100 − 1,150 − 389
      // − 280 + 42 − 12,000 engine − 325.50 card payment = −11,002.50. Transfers to the reserve
      // stay within cash. Cash burn (−1,647.65 − 1,033.60 + 11,002.50) / 3 = 2,773.75.
      expect(m.cash_burn_monthly).toBe(2_773.75);
      // Opening 18,500 + 1,647.65 + 1,033.60 − 11,002.50 = 10,178.75; 10,178.75 / 2,773.75 = 3.7
      expect([m.cash_on_hand, m.cash_source, m.runway_basis]).toEqual([10_178.75, 'books', 'cash']);
      expect(m.runway_months).toBe(3.7);
      // Fixed: moorage 3 × 1,150 + insurance 2 × 389 + software 19 = 4,247 / 3 = 1,415.67;
      // variable: fuel 412.35 + 238 + repairs 325.50 + 58.40 = 1,034.25 / 3 = 344.75.
      expect([
        m.fixed_costs_monthly,
        m.variable_costs_monthly,
        m.unclassified_costs_monthly,
      ]).toEqual([1_415.67, 344.75, 0]);
    },
  );

  it('without hledger: the one error naming the workflow line to add, at the books entry', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'no-tools-'));
    const saved = process.env.PATH;
    process.env.PATH = empty;
    try {
      const loaded = await loadPortfolio(dir);
      expect(loaded.ok).toBe(false);
      if (loaded.ok) return;
      expect(loaded.errors.map((e) => `${path.basename(e.file)}:${e.line}: ${e.message}`)).toEqual([
        'harbor.yml:8: hledger is not installed: add `sudo apt-get install -y hledger` to the workflow before boardroom runs',
      ]);
    } finally {
      process.env.PATH = saved;
      await rm(empty, { recursive: true, force: true });
    }
  });
});

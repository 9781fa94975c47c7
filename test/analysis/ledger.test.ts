import { describe, expect, it } from 'vitest';
import { ledgerRows, monthTotals } from '../../src/analysis/ledger.js';
import { entity, ledger } from './build.js';

describe('monthTotals', () => {
  it('sums income and spending per wanted month, and spending per category', () => {
    const e = entity('e', {
      tables: {
        ledger: ledger(
          { date: '2026-09-03', amount: 1_000, category: 'sales' },
          { date: '2026-09-10', amount: -300, category: 'fuel' },
          { date: '2026-09-20', amount: -200, category: 'fuel' },
          { date: '2026-09-21', amount: -50, category: 'rent' },
          { date: '2026-10-01', amount: 400, category: 'sales' },
          { date: '2026-12-01', amount: -999, category: 'fuel' }, // not a wanted month
        ),
      },
    });
    const [sep, oct, nov] = monthTotals(e, ['2026-09', '2026-10', '2026-11']);
    expect(sep!.month).toBe('2026-09');
    expect(sep!.income).toBe(1_000);
    // spending 300 + 200 + 50 = 550, positive
    expect(sep!.spending).toBe(550);
    expect(sep!.spendingByCategory.get('fuel')).toBe(500); // 300 + 200
    expect(sep!.spendingByCategory.get('rent')).toBe(50);
    expect(sep!.spendingByCategory.has('sales')).toBe(false);
    expect(sep!.rows).toBe(4);
    expect([oct!.income, oct!.spending, oct!.rows]).toEqual([400, 0, 1]);
    // a month with no rows is still listed, with zero rows
    expect([nov!.income, nov!.spending, nov!.rows]).toEqual([0, 0, 0]);
  });

  it('treats an absent ledger as empty', () => {
    const e = entity('e');
    expect(ledgerRows(e)).toEqual([]);
    expect(monthTotals(e, ['2026-10'])[0]!.rows).toBe(0);
  });
});

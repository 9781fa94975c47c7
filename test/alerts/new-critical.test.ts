// new_critical across checks: "new" means not critical at the previous check (the state's last
// check, or the day before on the first), so criticals that were already there do not flood the
// first check, and one that appeared while checks were skipped still fires.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAlerts } from '../../src/alerts/run.js';
import type { Portfolio } from '../../src/config/load.js';
import { memoryLogger } from '../../src/logger.js';
import { resolveOptions } from '../../src/options.js';
import { entity, portfolio, rows } from '../analysis/build.js';
import { tempDir } from '../helpers.js';

// An invoice more than 90 days past due is critical. INV-A, due 2026-08-10, is 91 days past due
// on 2026-11-09 (21 + 30 + 31 + 9): critical from then on. INV-B, due 2026-07-01, is 123 days past
// due on 2026-11-01 (30 + 31 + 30 + 31 + 1): critical before the first check.
const invoices = (paidA?: string) =>
  rows('invoices', [
    { invoice_id: 'INV-A', issued: '2026-06-01', due: '2026-08-10', amount: 900, paid: paidA },
    { invoice_id: 'INV-B', issued: '2026-06-01', due: '2026-07-01', amount: 700 },
  ]);
const holdings = (paidA?: string): Portfolio =>
  portfolio({
    entities: [
      entity('omega', { kind: 'client_portfolio', tables: { invoices: invoices(paidA) } }),
    ],
    settings: { alerts: [{ id: 'crit', when: 'new_critical', entities: 'all', to: ['ceo'] }] },
  });

describe('new_critical over several checks', () => {
  it('fires for a critical that appeared since the last check, once, and clears when it is resolved', async () => {
    const work = tempDir();
    const check = async (p: Portfolio, asOf: string) => {
      const options = resolveOptions(
        {
          out: path.join(work, 'out'),
          mode: 'alerts',
          'as-of': asOf,
          'state-file': path.join(work, '.boardroom', 'ledger.jsonl'),
          transport: 'outbox',
        },
        {},
      );
      return (await runAlerts(p, options, memoryLogger())).summary.alerts;
    };
    const A = 'crit/billing.overdue-invoice:omega:INV-A';

    // First check: INV-B was critical the day before too, so nothing is new.
    const first = await check(holdings(), '2026-11-01');
    expect(first.baseline).toBe('2026-10-31');
    expect(first.fired).toEqual([]);

    // Two weeks of skipped checks: INV-A turned critical on 2026-11-09, after the last check.
    // (Against the day before, 2026-11-14, it would not be new.)
    const second = await check(holdings(), '2026-11-15');
    expect(second.baseline).toBe('2026-11-01');
    expect(second.fired.map((f) => [f.key, f.to, f.status])).toEqual([
      [A, ['ceo@example.com'], 'sent'],
    ]);
    expect(second.fired[0]!.subject).toBe(
      '[alert] new critical: OMEGA: invoice INV-A to client-a ($900) is 97 days overdue',
    );

    // The same day again, and the next day: still firing, nothing sent.
    expect((await check(holdings(), '2026-11-15')).fired).toEqual([]);
    const next = await check(holdings(), '2026-11-16');
    expect(next.fired).toEqual([]);
    expect(next.still_firing.map((a) => a.key)).toEqual([A]);

    // Paid on 2026-11-20: the finding is gone, the alert clears.
    const paid = await check(holdings('2026-11-20'), '2026-11-21');
    expect(paid.cleared.map((a) => a.key)).toEqual([A]);
    expect(paid.still_firing).toEqual([]);
  });
});

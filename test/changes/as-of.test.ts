// A report for an earlier date sees only what was known on it: rows dated after the as-of date
// are left out and later steps (a payment, a delivery, a closing) not taken yet, for every
// analysis at once (src/analysis/as-of.ts, applied by the Analyzer).
import { describe, expect, it } from 'vitest';
import { entityAsOf, portfolioAsOf } from '../../src/analysis/as-of.js';
import { AS_OF, analyze, byRule, entity, portfolio, rows } from '../analysis/build.js';

describe('the books as known on the as-of date', () => {
  it('a delivery delivered after the as-of date is not yet "delivered and not invoiced"', () => {
    const e = entity('eyd', {
      tables: {
        deliveries: rows('deliveries', [
          {
            delivery_id: 'D-1',
            quoted: '2026-10-01',
            accepted: '2026-10-05',
            departed: '2026-11-10',
            delivered: '2026-11-20', // five days after AS_OF (15 Nov)
            revenue: 10_000,
            cost: 6_000,
          },
          { delivery_id: 'D-2', quoted: '2026-11-30', revenue: 5_000, cost: 1_000 },
        ]),
      },
    });
    const result = analyze<{ units: { deliveries: { delivery_id: string; stage: string }[] }[] }>(
      portfolio({ entities: [e] }),
      'delivery_ops',
    );
    expect(byRule(result.findings, 'delivery.not-invoiced')).toEqual([]);
    // D-1 had departed on 15 Nov; D-2 was quoted only on 30 Nov, so it is not there at all.
    expect(result.data.units[0]!.deliveries).toEqual([
      expect.objectContaining({ delivery_id: 'D-1', stage: 'departed' }),
    ]);
  });

  it('a maintenance request closed after the as-of date was still open (and 45 days old) then', () => {
    const e = entity('rental', {
      kind: 'rental_property',
      tables: {
        units: rows('units', [{ unit: 'A', rent: 1_000 }]),
        maintenance: rows('maintenance', [
          { opened: '2026-10-01', item: 'Roof leak', status: 'closed', closed: '2026-11-20' },
          { opened: '2026-11-16', item: 'Door', status: 'open' },
        ]),
      },
    });
    const result = analyze(portfolio({ entities: [e] }), 'property');
    // 1 Oct to 15 Nov is 45 days: over the 30-day limit. The door was reported the day after.
    expect(byRule(result.findings, 'property.stale-maintenance').map((f) => f.figures)).toEqual([
      { age_days: 45, estimate: 0 },
    ]);
  });

  it('a client won after the as-of date is not in the acquisition cost per client', () => {
    const e = entity('studio', {
      kind: 'client_portfolio',
      tables: {
        invoices: rows('invoices', []),
        clients: rows('clients', [
          { client: 'early', acquired: '2026-01-01', acquisition_cost: 300 },
          { client: 'late', acquired: '2026-11-20', acquisition_cost: 900 },
        ]),
      },
    });
    const result = analyze<{ portfolios: { clients: number; acquisition_cost: number }[] }>(
      portfolio({ entities: [e] }),
      'client_billing',
    );
    // One client known on 15 Nov, at 300; (300 + 900) / 2 = 600 only once the second is won.
    expect(result.data.portfolios[0]).toMatchObject({ clients: 1, acquisition_cost: 300 });
  });

  it('an invoice paid after the as-of date was open then', () => {
    const e = entity('studio', {
      tables: {
        invoices: rows('invoices', [
          {
            invoice_id: 'INV-1',
            issued: '2026-10-01',
            due: '2026-10-31',
            amount: 500,
            paid: '2026-11-20',
          },
        ]),
      },
    });
    const seen = entityAsOf(e, AS_OF);
    expect(seen.tables.invoices![0]!.paid).toBeUndefined();
    // The entity as loaded is left as it was.
    expect(e.tables.invoices![0]!.paid).toBe('2026-11-20');
  });

  it('returns the same objects when nothing is after the as-of date (caches keep working)', () => {
    const e = entity('quiet', {
      tables: { invoices: rows('invoices', [{ issued: '2026-10-01', paid: '2026-11-01' }]) },
    });
    const p = portfolio({ entities: [e] });
    expect(portfolioAsOf(p, AS_OF)).toBe(p);
    expect(portfolioAsOf(p, '2026-10-15')).not.toBe(p);
  });
});

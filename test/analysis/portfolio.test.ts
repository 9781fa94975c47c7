import { describe, expect, it } from 'vitest';
import { rankActions } from '../../src/analysis/portfolio.js';
import type { ActionItem } from '../../src/analysis/types.js';
import type { Row } from '../../src/config/tables.js';
import { analyze, entity, ids, ledger, portfolio, stack } from './build.js';

// AS_OF is 2026-11-15: critical actions are due 2026-11-22 (+7), warnings 2026-12-06 (+21),
// info 2026-12-15 (+30); the agenda's horizon is 2026-12-15.

describe('KPIs below target', () => {
  it('reads a KPI where less is better the other way round', () => {
    const result = analyze<{ entities: { below_target: { id: string }[] }[] }>(
      portfolio({
        entities: [
          entity('studio', {
            kpis: [
              // 41 days to pay against a target of 30: worse, because fewer days is better
              { id: 'days-to-pay', name: 'Days to pay', target: 30, actual: 41, better: 'lower' },
              // 6 clients against a target of 8: worse, because more is better
              { id: 'clients', name: 'Clients', target: 8, actual: 6, better: 'higher' },
              // 20 days against 30: better than target
              {
                id: 'days-to-quote',
                name: 'Days to quote',
                target: 30,
                actual: 20,
                better: 'lower',
              },
            ],
          }),
        ],
      }),
      'missing_kpis',
    );
    expect(result.data.entities[0]!.below_target.map((k) => k.id)).toEqual([
      'days-to-pay',
      'clients',
    ]);
  });
});

describe('missing KPIs', () => {
  const kpiPortfolio = (bookings: number) =>
    portfolio({
      settings: { required_kpis: { charter: ['bookings', 'review-score', 'occupancy'] } },
      entities: [
        entity('sea', {
          kind: 'charter',
          kpis: [
            { id: 'bookings', name: 'Bookings', target: 12, actual: bookings, better: 'higher' },
            { id: 'review-score', name: 'Reviews', actual: null, better: 'higher' }, // listed, no actual
            // occupancy: not listed at all
          ],
        }),
        // no KPI is required of this kind
        entity('junk', { kind: 'junk_removal' }),
      ],
    });

  it('counts a null actual and an absent KPI as missing', () => {
    const result = analyze<{
      entities: { id: string; missing: string[]; below_target: { id: string }[] }[];
      missing: number;
    }>(kpiPortfolio(10), 'missing_kpis');
    expect(ids(result.findings)).toEqual([
      'kpi.missing:sea:occupancy',
      'kpi.missing:sea:review-score',
    ]);
    expect(result.data.missing).toBe(2);
    expect(result.data.entities.map((e) => [e.id, e.missing])).toEqual([
      ['sea', ['review-score', 'occupancy']],
      ['junk', []],
    ]);
    // 10 < target 12
    expect(result.data.entities[0]!.below_target.map((k) => k.id)).toEqual(['bookings']);
    expect(result.actions.every((a) => a.owner === 'ceo' && a.due === '2026-12-06')).toBe(true);
  });

  it('keeps the ids when the reported figures change', () => {
    expect(ids(analyze(kpiPortfolio(30), 'missing_kpis').findings)).toEqual(
      ids(analyze(kpiPortfolio(10), 'missing_kpis').findings),
    );
  });
});

describe('asset inventory', () => {
  it('warns of a domain renewing within 30 days and is critical for an expired one', () => {
    const e = entity('sea', {
      assets: {
        domains: [
          { name: 'expired.example.com', renews: '2026-11-14' }, // yesterday
          { name: 'today.example.com', renews: '2026-11-15' }, // 0 days
          { name: 'soon.example.com', renews: '2026-12-15' }, // 30 days
          { name: 'later.example.com', renews: '2026-12-16' }, // 31 days: no finding
          { name: 'unknown.example.com' },
        ],
        vessels: [{ name: 'Boat', type: 'sloop' }],
      },
      stacks: [stack('web')],
    });
    const result = analyze<{ totals: Record<string, number> }>(
      portfolio({ entities: [e] }),
      'asset_inventory',
    );
    expect(result.findings.map((f) => [f.id, f.severity])).toEqual([
      ['assets.domain-expired:sea:expired.example.com', 'critical'],
      ['assets.domain-renewal:sea:today.example.com', 'warning'],
      ['assets.domain-renewal:sea:soon.example.com', 'warning'],
    ]);
    expect(result.data.totals).toEqual({
      domains: 5,
      sites: 0,
      vessels: 1,
      properties: 0,
      accounts: 0,
      stacks: 1,
    });
  });
});

/**
 * One charter business, Biz Co, with exactly two critical problems:
 * - finance: cash 50,000 / net burn 10,000 = 5.0 months of runway, under 6 (the reserve,
 *   3 x 10,000 = 30,000, is covered, so capital deployment raises nothing);
 * - tech: its stack is served without TLS.
 * and, besides, warnings (no CI, a domain renewing soon, a missing KPI), info (an SEO quick
 * win) and a loss (a finding without an action).
 */
function ceoPortfolio(settings = {}, personas = {}) {
  const spending: Row<'ledger'>[] = ledger(
    { date: '2026-08-05', amount: -10_000 },
    { date: '2026-09-05', amount: -10_000 },
    { date: '2026-10-05', amount: -10_000 },
  );
  return portfolio({
    settings: {
      chart_of_accounts: { '6000': { name: 'Opex', type: 'expense' } },
      // Its spending is a variable cost: an unclassified category would add an action of its own.
      cost_categories: { fixed: [], variable: ['other'], subscriptions: [] },
      required_kpis: { charter: ['review-score'] },
      ...settings,
    },
    personas,
    entities: [
      entity('biz', {
        name: 'Biz Co',
        kind: 'charter',
        cash: 50_000,
        tables: { ledger: spending },
        stacks: [stack('web', { name: 'Web', tls: false, ci: false })],
        assets: { domains: [{ name: 'biz.example.com', renews: '2026-11-25' }] },
        seo: [{ item: 'Add schema', impact: 'high', effort: 'small', done: false }],
      }),
    ],
  });
}

describe('critical shortfalls', () => {
  it('gathers exactly the critical findings of the other sections', () => {
    const result = analyze<{ shortfalls: { id: string; severity: string; entity_name: string }[] }>(
      ceoPortfolio(),
      'critical_shortfalls',
    );
    expect(result.data.shortfalls.map((f) => f.id).sort()).toEqual([
      'finance.runway-below-minimum:biz',
      'tech.no-tls:biz:web',
    ]);
    expect(
      result.data.shortfalls.every((f) => f.severity === 'critical' && f.entity_name === 'Biz Co'),
    ).toBe(true);
    // the section raises nothing of its own
    expect(result.findings).toEqual([]);
    expect(result.actions).toEqual([]);
  });

  it('names a portfolio-wide critical finding "Portfolio"', () => {
    // cash 20,000 < reserve 3 x 10,000 = 30,000
    const p = ceoPortfolio();
    const poorer = portfolio({
      settings: p.settings,
      entities: [{ ...p.entities[0]!, cash_on_hand: { amount: 20_000, as_of: '2026-11-01' } }],
    });
    const shortfalls = analyze<{ shortfalls: { id: string; entity_name: string }[] }>(
      poorer,
      'critical_shortfalls',
    ).data.shortfalls;
    expect(shortfalls.find((f) => f.id === 'finance.reserve-short:portfolio')!.entity_name).toBe(
      'Portfolio',
    );
  });
});

describe('30-day agenda', () => {
  type AgendaData = {
    horizon: string;
    items: (ActionItem & { owner_name: string })[];
    more: number;
  };

  it('ranks high before medium before low, then by due date and title, within 30 days', () => {
    const data = analyze<AgendaData>(ceoPortfolio(), 'agenda').data;
    expect(data.horizon).toBe('2026-12-15');
    expect(data.items.map((a) => [a.priority, a.due, a.title])).toEqual([
      ['high', '2026-11-22', "Cut Biz Co's net burn or raise cash to restore 6 months of runway"],
      ['high', '2026-11-22', 'Turn on HTTPS (Biz Co / Web)'],
      ['medium', '2026-12-06', 'Add a CI workflow (Biz Co / Web)'],
      ['medium', '2026-12-06', 'Confirm auto-renew for biz.example.com'],
      ['medium', '2026-12-06', 'Start reporting review-score for Biz Co'],
      // due on the horizon itself: still inside the 30 days
      ['low', '2026-12-15', 'Add schema (Biz Co)'],
    ]);
    expect(data.more).toBe(0);
    expect(data.items.map((a) => a.owner)).toEqual(['cfo', 'cto', 'cto', 'ceo', 'ceo', 'cmo']);
    // the owner's name from portfolio.yml, or the persona id when none is set
    expect(data.items[0]!.owner_name).toBe('Cee Eff');
    expect(data.items[1]!.owner_name).toBe('cto');
  });

  it('lists at most agenda_size items and counts the rest', () => {
    const viaPortfolio = analyze<AgendaData>(
      ceoPortfolio({ thresholds: { agenda_size: 4 } }),
      'agenda',
    ).data;
    // 6 actions, 4 listed, 6 - 4 = 2 more
    expect(viaPortfolio.items.map((a) => a.priority)).toEqual(['high', 'high', 'medium', 'medium']);
    expect(viaPortfolio.more).toBe(2);
    const viaPersona = analyze<AgendaData>(
      ceoPortfolio({}, { ceo: { thresholds: { agenda_size: 1 } } }),
      'agenda',
    ).data;
    expect(viaPersona.items.map((a) => a.finding)).toEqual(['finance.runway-below-minimum:biz']);
    expect(viaPersona.more).toBe(5);
  });

  it('lists every action when there are exactly agenda_size of them; one fewer leaves one over', () => {
    // 6 actions within the 30 days (see the ranking test above)
    const exactly = analyze<AgendaData>(
      ceoPortfolio({ thresholds: { agenda_size: 6 } }),
      'agenda',
    ).data;
    expect(exactly.items).toHaveLength(6);
    expect(exactly.more).toBe(0);
    // 6 - 5 = 1 more; the one left off is the last ranked, the low-priority SEO quick win
    const oneShort = analyze<AgendaData>(
      ceoPortfolio({ thresholds: { agenda_size: 5 } }),
      'agenda',
    ).data;
    expect(oneShort.items.map((a) => a.priority)).toEqual([
      'high',
      'high',
      'medium',
      'medium',
      'medium',
    ]);
    expect(oneShort.more).toBe(1);
  });

  it('rankActions orders by priority, then due date, then title', () => {
    const action = (priority: ActionItem['priority'], due: string, title: string): ActionItem => ({
      title,
      priority,
      due,
      owner: 'ceo',
      finding: title,
      entity: null,
      section: 'agenda',
    });
    const ranked = rankActions([
      action('low', '2026-11-16', 'low early'),
      action('medium', '2026-11-16', 'medium early'),
      action('high', '2026-12-01', 'high late'),
      action('high', '2026-11-20', 'high early b'),
      action('high', '2026-11-20', 'high early a'),
      action('medium', '2026-12-10', 'medium late'),
    ]);
    expect(ranked.map((a) => a.title)).toEqual([
      'high early a',
      'high early b',
      'high late',
      'medium early',
      'medium late',
      'low early',
    ]);
  });
});

describe('CEO sections over an entity with no data', () => {
  it('raises no shortfall, lists nothing missing, and puts only the ledger gap on the agenda', () => {
    const p = portfolio({ entities: [entity('e')] });
    const assets = analyze<{ totals: Record<string, number> }>(p, 'asset_inventory');
    expect(assets.data.totals).toEqual({
      domains: 0,
      sites: 0,
      vessels: 0,
      properties: 0,
      accounts: 0,
      stacks: 0,
    });
    expect(assets.findings).toEqual([]);
    expect(analyze(p, 'missing_kpis').data).toEqual({
      entities: [{ id: 'e', name: 'E', missing: [], below_target: [], reported: [] }],
      missing: 0,
    });
    expect(analyze(p, 'critical_shortfalls').data).toEqual({ shortfalls: [] });
    // the burn section's "no ledger" warning is the one action: due 2026-11-15 + 21
    const agenda = analyze<{
      items: { finding: string; priority: string; due: string }[];
      more: number;
    }>(p, 'agenda').data;
    expect(agenda.items.map((a) => [a.finding, a.priority, a.due])).toEqual([
      ['finance.no-ledger:e', 'medium', '2026-12-06'],
    ]);
    expect(agenda.more).toBe(0);
  });
});

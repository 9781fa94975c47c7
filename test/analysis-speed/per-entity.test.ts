// Each entity's part of each section is computed once per run and as-of date, and the combined
// result is what computing the section afresh gives.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/analysis/index.js';
import { loadPortfolio, type Portfolio, type Report } from '../../src/config/load.js';
import { reportView } from '../../src/render/index.js';
import type { Entity } from '../../src/config/load.js';

const AS_OF = '2026-11-24';
let portfolio: Portfolio;

beforeAll(async () => {
  const loaded = await loadPortfolio(path.resolve('reports-config'));
  if (!loaded.ok) throw new Error('the example portfolio does not load');
  portfolio = loaded.portfolio;
});

/** The analyzer, counting how often each (key, entity) part is computed. */
function counting(analyzer: Analyzer): Map<string, number> {
  const computed = new Map<string, number>();
  const cached = analyzer.perEntity.bind(analyzer);
  analyzer.perEntity = <T>(key: string, entity: Entity, compute: () => T): T =>
    cached(key, entity, () => {
      computed.set(`${key}|${entity.id}`, (computed.get(`${key}|${entity.id}`) ?? 0) + 1);
      return compute();
    });
  return computed;
}

const reportOf = (persona: string, entities: string[] | 'all', id = persona): Report => ({
  ...portfolio.reports.find((r) => r.persona === persona)!,
  id,
  entities,
  cadence: 'monthly',
});

describe('Analyzer.perEntity', () => {
  it('computes an entity part shared by two reports once, and each other part once', () => {
    const analyzer = new Analyzer(portfolio, AS_OF);
    const computed = counting(analyzer);
    const [a, b, c] = portfolio.entities.map((e) => e.id);
    analyzer.analyzeReport(reportOf('cfo', [a!, b!], 'one'));
    analyzer.analyzeReport(reportOf('cfo', [b!, c!], 'two'));
    // b is in both reports: its burn row was computed for the first and reused by the second.
    expect(computed.get(`burn:|${b}`)).toBe(1);
    expect(computed.get(`burn:|${a}`)).toBe(1);
    expect(computed.get(`burn:|${c}`)).toBe(1);
    expect([...computed.values()].every((n) => n === 1)).toBe(true);
  });

  it("the CEO's gathered sections reuse the parts other reports computed", () => {
    const analyzer = new Analyzer(portfolio, AS_OF);
    const computed = counting(analyzer);
    analyzer.analyzeReport(reportOf('cfo', 'all'));
    const afterCfo = new Map(computed);
    expect(afterCfo.size).toBeGreaterThan(0);
    analyzer.analyzeReport(reportOf('ceo', 'all'));
    analyzer.analyzeReport(reportOf('ceo', 'all', 'ceo-again'));
    // Every part the CFO's report computed is still computed once, the CEO's own once too.
    for (const [part, times] of computed) expect(times, part).toBe(1);
    for (const part of afterCfo.keys()) expect(computed.get(part), part).toBe(1);
    // The CEO's overview gathers the CFO's sections: burn parts were not computed again.
    expect([...computed.keys()].filter((k) => k.startsWith('burn:|'))).toHaveLength(
      portfolio.entities.length,
    );
  });

  it('gives each report what a fresh analyzer computes for that report alone', () => {
    const shared = new Analyzer(portfolio, AS_OF);
    const ids = portfolio.entities.map((e) => e.id);
    const reports = [
      reportOf('cfo', ids.slice(0, 2), 'cfo-first'),
      reportOf('manager', ids.slice(1, 4), 'manager-slice'),
      reportOf('accounting', ids.slice(0, 3), 'accounting-slice'),
      reportOf('cmo', 'all', 'cmo-all'),
      reportOf('ceo', 'all', 'ceo-all'),
      reportOf('cfo', ids.slice(1, 3), 'cfo-second'),
    ];
    for (const report of reports) {
      const cached = shared.analyzeWithChanges(report);
      const fresh = new Analyzer(portfolio, AS_OF).analyzeWithChanges(report);
      expect(cached, report.id).toEqual(fresh);
    }
  });

  it('keeps parts apart by as-of date: the previous period is its own computation', () => {
    const analyzer = new Analyzer(portfolio, AS_OF);
    const report = reportOf('cfo', 'all');
    const earlier = analyzer.at('2026-10-24').analyzeReport(report);
    expect(earlier).toEqual(new Analyzer(portfolio, '2026-10-24').analyzeReport(report));
    expect(analyzer.analyzeReport(report)).toEqual(
      new Analyzer(portfolio, AS_OF).analyzeReport(report),
    );
  });
});

/** Every path in `value` that holds undefined (a strict template reads it as a typo). */
function undefinedPaths(value: unknown, at = '$', seen = new Set<unknown>()): string[] {
  if (value === undefined) return [at];
  if (value === null || typeof value !== 'object' || seen.has(value)) return [];
  seen.add(value);
  const entries = Array.isArray(value)
    ? value.map((item, i) => [String(i), item] as const)
    : Object.getPrototypeOf(value) === Object.prototype
      ? Object.entries(value)
      : [];
  return entries.flatMap(([key, item]) => undefinedPaths(item, `${at}.${key}`, seen));
}

describe('the view without a deep copy', () => {
  it('holds no undefined anywhere in any report of the example (null where unknown)', () => {
    const analyzer = new Analyzer(portfolio, AS_OF);
    for (const report of portfolio.reports) {
      const view = reportView(portfolio, report, analyzer.analyzeWithChanges(report), AS_OF);
      expect(undefinedPaths(view), report.id).toEqual([]);
    }
  });

  it('shares the rows two reports show instead of copying them, and nulls an empty cell', () => {
    const analyzer = new Analyzer(portfolio, AS_OF);
    const ids = portfolio.entities.map((e) => e.id);
    const viewOf = (report: Report) =>
      reportView(portfolio, report, analyzer.analyzeWithChanges(report), AS_OF) as unknown as {
        section: Record<string, { data: Record<string, { id: string }[]> } | null>;
      };
    const one = viewOf(reportOf('cfo', ids.slice(0, 2), 'one'));
    const two = viewOf(reportOf('cfo', ids.slice(1, 3), 'two'));
    // The entity both reports cover: one row object, not a copy per report.
    expect(two.section.burn!.data.entities![0]!.id).toBe(ids[1]);
    expect(two.section.burn!.data.entities![0]).toBe(one.section.burn!.data.entities![1]);
    // A loaded CSV row's empty optional cell (an open request's `closed`) reads null.
    const rental = portfolio.reports.find((r) => r.id === 'rental-3028-51st')!;
    const property = viewOf(rental).section.property!.data.properties![0] as unknown as {
      open_maintenance: { closed: unknown }[];
    };
    expect(property.open_maintenance.length).toBeGreaterThan(0);
    for (const request of property.open_maintenance) expect(request.closed).toBeNull();
  });
});

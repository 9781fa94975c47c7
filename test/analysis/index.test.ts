import { describe, expect, it } from 'vitest';
import { Analyzer, thresholdsFor } from '../../src/analysis/index.js';
import type { Report } from '../../src/config/load.js';
import { sectionIds, thresholdDefaults, type SectionId } from '../../src/config/schema.js';
import { AS_OF, analyze, entity, ledger, portfolio } from './build.js';

const report = (input: Partial<Report>): Report => ({
  id: 'r',
  file: 'reports-config/reports/r.yml',
  persona: 'cfo',
  entities: 'all',
  recipients: { to: ['cfo@example.com'], cc: [], bcc: [] },
  cadence: 'monthly',
  subject: 'Report',
  tasks: true,
  format: 'html',
  ...input,
});

describe('thresholdsFor', () => {
  it('layers defaults, then portfolio.yml, then the persona file', () => {
    const p = portfolio({
      entities: [],
      settings: { thresholds: { min_runway_months: 9, min_roas: 3 } },
      personas: { cfo: { thresholds: { min_runway_months: 12 } } },
    });
    const cfo = thresholdsFor(p, 'cfo');
    expect(cfo.min_runway_months).toBe(12); // persona
    expect(cfo.min_roas).toBe(3); // portfolio
    expect(cfo.agenda_size).toBe(thresholdDefaults.agenda_size); // default
    // another persona does not see the CFO's own thresholds
    expect(thresholdsFor(p, 'cmo').min_runway_months).toBe(9);
    expect(thresholdsFor(portfolio({ entities: [] }), 'ceo')).toEqual(thresholdDefaults);
  });
});

describe('Analyzer', () => {
  const a = entity('a', {
    cash: 30_000,
    tables: { ledger: ledger({ date: '2026-10-01', amount: -3_000 }) },
  });
  const b = entity('b', { cash: 10_000 });
  const p = portfolio({
    entities: [a, b],
    personas: { cfo: { sections: ['burn', 'financial_rules'] } },
  });

  it("computes each entity's part of a section once, and combines it per call", () => {
    const analyzer = new Analyzer(p, AS_OF);
    const first = analyzer.section('burn', [a, b]);
    const again = analyzer.section('burn', [a, b]);
    // No result kept per entity set: combined afresh, from the same per-entity rows.
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    const rowsOf = (s: typeof first) => (s.data as { entities: { id: string }[] }).entities;
    expect(rowsOf(again)[0]).toBe(rowsOf(first)[0]);
    expect(rowsOf(analyzer.section('burn', [b]))[0]).toBe(rowsOf(first)[1]);
    expect(first.id).toBe('burn');
    expect(first.title).toBe('Burn and runway');
  });

  it('refuses a section it does not know', () => {
    expect(() => new Analyzer(p, AS_OF).section('nope' as SectionId, [a])).toThrow(/no analyzer/);
  });

  it('analyses a report over its entities and sections', () => {
    const analyzer = new Analyzer(p, AS_OF);
    const all = analyzer.analyzeReport(report({}));
    expect(all.sections.map((s) => s.id)).toEqual(['burn', 'financial_rules']);
    // a: 2 missing months (Aug, Sep); b: no ledger
    expect(all.findings.map((f) => f.id)).toContain('finance.no-ledger:b');
    const onlyA = analyzer.analyzeReport(report({ entities: ['a'], sections: ['burn'] }));
    expect(onlyA.sections.map((s) => s.id)).toEqual(['burn']);
    expect(onlyA.findings.map((f) => f.id).sort()).toEqual([
      'finance.missing-month:a:2026-08',
      'finance.missing-month:a:2026-09',
    ]);
    expect(onlyA.actions).toHaveLength(2);
  });

  it('metrics() gives every entity its CFO figures', () => {
    const metrics = new Analyzer(p, AS_OF).metrics();
    expect(Object.keys(metrics)).toEqual(['a', 'b']);
    // a: October only, 3,000 net burn; 30,000 / 3,000 = 10.0
    expect(metrics.a!.net_burn_monthly).toBe(3_000);
    expect(metrics.a!.runway_months).toBe(10);
    expect(metrics.b!.net_burn_monthly).toBeNull();
  });
});

describe('every section over no data', () => {
  it('runs over a portfolio without entities and raises nothing', () => {
    const p = portfolio({ entities: [] });
    for (const id of sectionIds) {
      const result = analyze(p, id);
      expect(result.id).toBe(id);
      expect(result.findings, id).toEqual([]);
      expect(result.actions, id).toEqual([]);
    }
  });

  it('runs over an entity without any table; the burn section reports the missing ledger', () => {
    const p = portfolio({ entities: [entity('e')] });
    for (const id of sectionIds) expect(() => analyze(p, id), id).not.toThrow();
    expect(analyze(p, 'burn').findings.map((f) => f.id)).toEqual(['finance.no-ledger:e']);
  });
});

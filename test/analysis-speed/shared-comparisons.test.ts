// The analyses' shortcuts give what the straightforward computation gives: the comparisons shared
// between reports (FigureMemo), the due dates written without Date, the one collator, the report's
// entities found by position, and the counts taken without copies.
import { beforeAll, describe, expect, it } from 'vitest';
import { Analyzer, shownCounts, type SectionResult } from '../../src/analysis/index.js';
import {
  compareFigure,
  FigureMemo,
  reportChanges,
  type HeadlineFigure,
} from '../../src/analysis/changes.js';
import { addDays, previousAsOf } from '../../src/analysis/dates.js';
import { compareText } from '../../src/analysis/words.js';
import { DOMAIN_SECTIONS, firstRanked, rankActions } from '../../src/analysis/portfolio.js';
import type { ActionItem } from '../../src/analysis/types.js';
import { loadPortfolio, type Portfolio, type Report } from '../../src/config/load.js';
import { changeThresholdDefaults, type ChangeThresholds } from '../../src/config/schema.js';
import { EXAMPLE_CONFIG } from '../helpers.js';

const AS_OF = '2026-11-24';
let portfolio: Portfolio;

beforeAll(async () => {
  const loaded = await loadPortfolio(EXAMPLE_CONFIG);
  if (!loaded.ok) throw new Error(loaded.errors[0]!.message);
  portfolio = loaded.portfolio;
});

/** The report's sections now and at the previous period of `cadence`. */
function bothPeriods(analyzer: Analyzer, report: Report, cadence: Report['cadence']) {
  const previousDate = previousAsOf(cadence, AS_OF);
  return {
    previousAsOf: previousDate,
    current: analyzer.analyzeReport(report).sections,
    previous: analyzer.at(previousDate).analyzeReport(report).sections,
  };
}

describe('FigureMemo', () => {
  it('gives every report of the example the changes computed without it, twice over', () => {
    const analyzer = new Analyzer(portfolio, AS_OF);
    const memo = new FigureMemo(analyzer.portfolio, undefined);
    let figures = 0;
    for (let round = 0; round < 2; round += 1)
      for (const report of portfolio.reports) {
        const input = {
          portfolio: analyzer.portfolio,
          asOf: AS_OF,
          ...bothPeriods(analyzer, report, report.cadence),
        };
        const plain = reportChanges(input);
        const remembered = reportChanges({ ...input, memo });
        // The same JSON, keys in the same order.
        expect(JSON.stringify(remembered), report.id).toBe(JSON.stringify(plain));
        figures += plain.entities.reduce((n, e) => n + e.figures.length, 0);
      }
    expect(figures).toBeGreaterThan(20);
  });

  it('compares a figure afresh against another previous period (weekly, then monthly)', () => {
    const analyzer = new Analyzer(portfolio, AS_OF);
    const memo = new FigureMemo(analyzer.portfolio, undefined);
    const report = portfolio.reports.find((r) => r.persona === 'cfo')!;
    const results = (['weekly', 'monthly'] as const).map((cadence) => {
      const input = {
        portfolio: analyzer.portfolio,
        asOf: AS_OF,
        ...bothPeriods(analyzer, report, cadence),
      };
      return { plain: reportChanges(input), remembered: reportChanges({ ...input, memo }) };
    });
    for (const { plain, remembered } of results)
      expect(JSON.stringify(remembered)).toBe(JSON.stringify(plain));
    // The two previous periods differ somewhere, so a memo that ignored the previous figure would
    // have failed above.
    const previous = (i: number) =>
      JSON.stringify(results[i]!.plain.entities.map((e) => e.figures.map((f) => f.previous)));
    expect(previous(0)).not.toBe(previous(1));
  });

  it('is not used for other change thresholds or another portfolio', () => {
    const analyzer = new Analyzer(portfolio, AS_OF);
    const report = portfolio.reports.find((r) => r.persona === 'cfo')!;
    const input = {
      portfolio: analyzer.portfolio,
      asOf: AS_OF,
      ...bothPeriods(analyzer, report, 'monthly'),
    };
    // Every figure's threshold other than the defaults (each figure's JSON carries it).
    const strict = Object.fromEntries(
      Object.keys(changeThresholdDefaults).map((key) => [key, 0.0001]),
    ) as Partial<ChangeThresholds>;
    const memo = new FigureMemo(analyzer.portfolio, undefined);
    reportChanges({ ...input, memo });
    const withStrict = reportChanges({ ...input, thresholds: strict });
    expect(JSON.stringify(reportChanges({ ...input, thresholds: strict, memo }))).toBe(
      JSON.stringify(withStrict),
    );
    // The strict thresholds do change the result, so using the memo's would have failed.
    expect(JSON.stringify(withStrict)).not.toBe(JSON.stringify(reportChanges(input)));
    const other = new FigureMemo({ ...analyzer.portfolio }, undefined);
    expect(JSON.stringify(reportChanges({ ...input, memo: other }))).toBe(
      JSON.stringify(reportChanges(input)),
    );
  });

  it('compare() is compareFigure, made again when the previous figure is another', () => {
    const memo = new FigureMemo(portfolio, undefined);
    const thresholds = { ...changeThresholdDefaults } as ChangeThresholds;
    const base: HeadlineFigure = {
      key: 'cash_on_hand',
      id: 'e:cash_on_hand',
      label: 'Cash on hand',
      entity: 'e',
      entity_name: 'E',
      section: 'burn',
      unit: 'money',
      better: 'higher',
      value: 12_000,
      quantity_unit: null,
      typed: false,
    };
    const lower = { ...base, value: 10_000 };
    const higher = { ...base, value: 15_000 };
    const currency = portfolio.settings.currency;
    expect(memo.compare(base, lower)).toEqual(compareFigure(base, lower, thresholds, currency));
    expect(memo.compare(base, higher)).toEqual(compareFigure(base, higher, thresholds, currency));
    expect(memo.compare(base, higher).arrow).toBe('▼');
    expect(memo.compare(base, undefined)).toEqual(
      compareFigure(base, undefined, thresholds, currency),
    );
    // The same pair again is the very object made the first time.
    expect(memo.compare(base, lower)).toBe(memo.compare(base, lower));
  });
});

describe('addDays', () => {
  const slow = (date: string, days: number) =>
    new Date(
      Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) +
        days * 86_400_000,
    )
      .toISOString()
      .slice(0, 10);

  it('gives what Date gives, across leap years, centuries and month ends', () => {
    let compared = 0;
    for (const year of [1900, 1999, 2000, 2024, 2026, 2100, 2400, 9999])
      for (let month = 1; month <= 12; month += 1)
        for (const day of [1, 15, 28, 29, 30, 31])
          for (const days of [-400, -366, -31, -7, -1, 0, 1, 7, 21, 30, 60, 365, 1461]) {
            const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
            expect(addDays(date, days), `${date} ${days}`).toBe(slow(date, days));
            compared += 1;
          }
    expect(compared).toBeGreaterThan(7000);
  });

  it('gives known dates', () => {
    expect(addDays('2026-11-24', 7)).toBe('2026-12-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2026-01-03', -7)).toBe('2025-12-27');
  });
});

describe('compareText', () => {
  it('orders as localeCompare does', () => {
    const lists = [
      ['Renew b.example', 'renew a.example', 'Renew A.example', 'Árbol', 'arbol', 'Zeta', 'zeta'],
      ['2026-12-01', '2026-11-30', '2026-12-01', '2027-01-01', '1999-12-31'],
      ['co-op', 'coop', 'Co op', 'co_op', 'ça', 'ca', 'cb', '10 units', '9 units', '', ' '],
    ];
    for (const list of lists) {
      expect([...list].sort(compareText)).toEqual([...list].sort((a, b) => a.localeCompare(b)));
      for (const a of list)
        for (const b of list)
          expect(Math.sign(compareText(a, b))).toBe(Math.sign(a.localeCompare(b)));
    }
  });
});

describe('Analyzer.entitiesOf', () => {
  const slow = (all: Portfolio, wanted: readonly string[]) =>
    all.entities.filter((entity) => new Set(wanted).has(entity.id));

  it('gives the filter’s entities, in portfolio order, for ids in any order, repeated or unknown', () => {
    const analyzer = new Analyzer(portfolio, AS_OF);
    const ids = analyzer.portfolio.entities.map((e) => e.id);
    expect(ids.length).toBeGreaterThan(3);
    const cases = [
      [ids[2]!, ids[0]!],
      [ids.at(-1)!, 'no-such-entity', ids[1]!, ids.at(-1)!],
      [],
      [...ids].reverse(),
    ];
    const report = portfolio.reports[0]!;
    for (const wanted of cases)
      expect(analyzer.entitiesOf({ ...report, entities: wanted })).toEqual(
        slow(analyzer.portfolio, wanted),
      );
    expect(analyzer.entitiesOf({ ...report, entities: 'all' })).toBe(analyzer.portfolio.entities);
  });

  it('keeps both entities of a shared id, as the filter does', () => {
    const twice = { ...portfolio, entities: [...portfolio.entities, portfolio.entities[0]!] };
    const analyzer = new Analyzer(twice, AS_OF);
    const wanted = [portfolio.entities[0]!.id];
    const got = analyzer.entitiesOf({ ...portfolio.reports[0]!, entities: wanted });
    expect(got).toHaveLength(2);
    expect(got).toEqual(slow(analyzer.portfolio, wanted));
  });
});

describe('shownCounts', () => {
  const slow = (sections: readonly SectionResult[]) => {
    const findings = new Map<string, SectionResult['findings'][number]>();
    const actions = new Set<string>();
    for (const section of sections) {
      for (const f of [...section.findings, ...(section.gathered?.findings ?? [])])
        findings.set(f.id, f);
      for (const a of [...section.actions, ...(section.gathered?.actions ?? [])])
        actions.add(`${a.finding}\n${a.title}`);
    }
    const count = (severity: string) =>
      [...findings.values()].filter((f) => f.severity === severity).length;
    return {
      critical: count('critical'),
      warning: count('warning'),
      info: count('info'),
      actions: actions.size,
    };
  };

  it('counts each report of the example as the copies did', () => {
    const analyzer = new Analyzer(portfolio, AS_OF);
    let shown = 0;
    for (const report of portfolio.reports) {
      const { sections } = analyzer.analyzeReport(report);
      expect(shownCounts(sections), report.id).toEqual(slow(sections));
      shown += slow(sections).warning;
    }
    expect(shown).toBeGreaterThan(0);
  });

  it('takes the last finding of an id (its severity), and an action once', () => {
    const finding = (severity: 'critical' | 'warning' | 'info') => ({
      id: 'rule:e',
      rule: 'rule',
      severity,
      title: 't',
      entity: 'e',
      section: 'burn' as const,
      figures: {},
    });
    const action = {
      title: 'Do it',
      owner: 'cfo' as const,
      due: '2026-12-01',
      priority: 'high' as const,
      finding: 'rule:e',
      entity: 'e',
      section: 'burn' as const,
    };
    const sections: SectionResult[] = [
      { id: 'burn', title: 'Burn', data: {}, findings: [finding('critical')], actions: [action] },
      {
        id: 'agenda',
        title: 'Agenda',
        data: {},
        findings: [],
        actions: [],
        gathered: { findings: [finding('info')], actions: [action] },
      },
    ];
    expect(shownCounts(sections)).toEqual({ critical: 0, warning: 0, info: 1, actions: 1 });
    expect(shownCounts(sections)).toEqual(slow(sections));
  });
});

describe('firstRanked', () => {
  /** `n` actions with many ties (three priorities, two dates, a few titles), seeded. */
  const actions = (n: number, seed: number): ActionItem[] => {
    let state = seed;
    const next = (m: number) => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state % m;
    };
    const titles = ['Renew b.example', 'renew a.example', 'Árbol', 'arbol', 'Record March', 'Z'];
    return Array.from({ length: n }, (_, i) => ({
      title: titles[next(titles.length)]!,
      owner: 'cfo' as const,
      due: next(2) ? '2026-12-01' : '2026-12-15',
      priority: (['high', 'medium', 'low'] as const)[next(3)]!,
      finding: `rule:${i}`,
      entity: `e${i}`,
      section: 'burn' as const,
    }));
  };

  it('is the first `size` of rankActions, ties in the given order', () => {
    for (const [n, seed] of [
      [40, 1],
      [200, 7],
      [9, 3],
    ] as const) {
      const list = actions(n, seed);
      for (const size of [0, 1, 2, 5, 10, n - 1, n, n + 5])
        // The same objects in the same order (finding ids tell tied actions apart).
        expect(
          firstRanked(list, size).map((a) => a.finding),
          `${n} ${size}`,
        ).toEqual(
          rankActions(list)
            .slice(0, size)
            .map((a) => a.finding),
        );
    }
  });

  it("gives the example CEO report's agenda: the first ten of its actions ranked in full", () => {
    const analyzer = new Analyzer(portfolio, AS_OF);
    const report = portfolio.reports.find((r) => r.persona === 'ceo')!;
    const agenda = analyzer.analyzeReport(report).sections.find((s) => s.id === 'agenda')!;
    const data = agenda.data as { horizon: string; items: ActionItem[]; more: number };
    const entities = analyzer.entitiesOf(report);
    const all = [...DOMAIN_SECTIONS, 'asset_inventory' as const, 'missing_kpis' as const]
      .flatMap((id) => analyzer.section(id, entities).actions)
      .filter((action) => action.due <= data.horizon);
    expect(data.more).toBeGreaterThan(0);
    expect(data.items.map((a) => `${a.finding}\n${a.title}`)).toEqual(
      rankActions(all)
        .slice(0, data.items.length)
        .map((a) => `${a.finding}\n${a.title}`),
    );
  });
});

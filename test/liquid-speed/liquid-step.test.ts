// Issue 13, the Liquid step around liquidjs (src/render/render-liquid.ts, src/render/liquid.ts):
// the view is not copied where it has no undefined, each subject is parsed once per engine, and
// the money and date_long filters format each value once. What a template sees and prints is
// unchanged: these tests pin the values, not only the counts.
import { Liquid } from 'liquidjs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Analyzer, type ReportAnalysis } from '../../src/analysis/index.js';
import type { Portfolio, Report } from '../../src/config/load.js';
import { chartKey, type ChartSpec } from '../../src/charts/spec.js';
import { chartCollector, chartFilter, chartMarkup } from '../../src/render/chart-markup.js';
import { formatDate, formatMoney } from '../../src/render/format.js';
import { createTemplateEngine } from '../../src/render/liquid.js';
import {
  renderTemplates,
  reportView,
  TemplateRenderError,
} from '../../src/render/render-liquid.js';
import { checkPortfolio } from '../../src/validate.js';
import { EXAMPLE_CONFIG } from '../config/portfolio-copy.js';

const AS_OF = '2026-11-24';
let portfolio: Portfolio;
let engine: Liquid;

beforeAll(async () => {
  const checked = await checkPortfolio(EXAMPLE_CONFIG);
  if ('errors' in checked) throw new Error(JSON.stringify(checked.errors));
  ({ portfolio, engine } = checked);
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** An engine over in-memory templates, as the tests of src/render/liquid.ts make them. */
function engineOf(sources: Record<string, string>, currency = 'USD'): Liquid {
  const templates = new Map(
    Object.entries(sources).map(([name, source]) => [
      name,
      { name, file: `templates/${name}.md`, source },
    ]),
  );
  return createTemplateEngine(templates as never, currency);
}

function analysisOf(sections: ReportAnalysis['sections']): ReportAnalysis {
  return {
    sections,
    findings: [],
    actions: [],
    counts: { critical: 0, warning: 0, info: 0, actions: 0 },
  };
}

describe('the view: undefined made null, nothing else copied', () => {
  it("the example's property rows: the open item with no close date reads null, the rest is the analysis's own objects", () => {
    const report = portfolio.reports.find((r) =>
      new Analyzer(portfolio, AS_OF).analyzeReport(r).sections.some((s) => s.id === 'property'),
    )!;
    const analysis = new Analyzer(portfolio, AS_OF).analyzeWithChanges(report);
    const view = reportView(portfolio, report, analysis, AS_OF);
    const at = analysis.sections.findIndex((s) => s.id === 'property');
    type Property = { open_maintenance: Record<string, unknown>[] };
    const before = (analysis.sections[at]!.data as { properties: Property[] }).properties;
    const after = (view.sections[at]!.data as { properties: Property[] }).properties;
    const open = before.flatMap((p) => p.open_maintenance);
    expect(open.some((item) => 'closed' in item && item.closed === undefined)).toBe(true);
    after.forEach((property, i) =>
      property.open_maintenance.forEach((item, j) => {
        const source = before[i]!.open_maintenance[j]!;
        if (source.closed === undefined) {
          expect(item).not.toBe(source);
          expect(item).toEqual({ ...source, closed: null });
        } else expect(item).toBe(source);
      }),
    );
    // Every other section's data is the analysis's object itself, and `section` holds the very
    // objects of `sections`.
    analysis.sections.forEach((s, i) => {
      if (i !== at) expect(view.sections[i]!.data).toBe(s.data);
      expect(view.section[s.id]).toBe(view.sections[i]);
    });
  });

  it('a second instance: undefined in nested rows, arrays and figures, holes kept, the clean rows shared', () => {
    const clean = { name: 'Harbor', figures: [1, 2, { x: 3 }] };
    const rows: Record<string, unknown>[] = [
      clean,
      { name: 'Hill', closed: undefined, tags: ['a', undefined] },
    ];
    // eslint-disable-next-line no-sparse-arrays
    const sparse = [1, , 3];
    const report = portfolio.reports[0]!;
    const view = reportView(
      portfolio,
      report,
      analysisOf([
        {
          id: 'burn',
          title: 'Burn',
          data: { rows, sparse, total: undefined },
          findings: [],
          actions: [],
        },
      ]),
      AS_OF,
    );
    const data = view.sections[0]!.data as {
      rows: unknown[];
      sparse: unknown[];
      total: unknown;
    };
    expect(data.total).toBeNull();
    expect(data.rows[0]).toBe(clean);
    expect(data.rows[1]).toEqual({ name: 'Hill', closed: null, tags: ['a', null] });
    expect(rows[1]!.closed).toBeUndefined(); // the analysis is not changed
    expect(data.sparse).toBe(sparse);
    expect(1 in data.sparse).toBe(false);
    expect(view.changes).toBeNull();
    expect(view.section.burn).toBe(view.sections[0]);
    expect(view.section.property).toBeNull();
    // Strict templates read the nulls as values, not as misspelt keys.
    const strict = engineOf({ t: '{{ d.rows[1].closed | or_none }}|{{ d.total | money }}' });
    expect(strict.renderFileSync('t', { d: data })).toBe('none|no data');
  });
});

describe('a subject is parsed once per engine', () => {
  it("validate of the example renders every report twice; each report's subject text is parsed once", async () => {
    const parse = vi.spyOn(Liquid.prototype, 'parse');
    const checked = await checkPortfolio(EXAMPLE_CONFIG, { render: true, asOf: AS_OF });
    if ('errors' in checked) throw new Error(JSON.stringify(checked.errors));
    const subjects = checked.portfolio.reports.map((r) => r.subject);
    const counts = new Map<string, number>();
    for (const [text] of parse.mock.calls) counts.set(text, (counts.get(text) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([...new Set(subjects)].sort());
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it('a second instance: the same report rendered three times gives the same subject, parsed once', () => {
    const report = {
      ...portfolio.reports[0]!,
      subject: '{{ portfolio.name }} · {{ as_of }}\n',
    } as Report;
    const analysis = new Analyzer(portfolio, AS_OF).analyzeReport(portfolio.reports[0]!);
    const own = createTemplateEngine(portfolio.templates, portfolio.settings);
    const parse = vi.spyOn(Liquid.prototype, 'parse');
    const subjects = [1, 2, 3].map(
      () => renderTemplates(own, portfolio, report, analysis, AS_OF).subject,
    );
    expect(subjects).toEqual([subjects[0], subjects[0], subjects[0]]);
    expect(subjects[0]).toBe(renderTemplates(engine, portfolio, report, analysis, AS_OF).subject);
    // The header engine escapes nothing (no Markdown backslash before the &), one line.
    expect(subjects[0]).toBe('Harbor & Hill Holdings · 2026-11-24');
    // Once for `own` (three renders), once for the run's engine (one render).
    expect(parse.mock.calls.map(([text]) => text)).toEqual([report.subject, report.subject]);
  });

  it('a subject that does not parse fails every time, named at the subject', () => {
    const report = { ...portfolio.reports[0]!, subject: 'Week of {{ as_of' } as Report;
    const analysis = new Analyzer(portfolio, AS_OF).analyzeReport(portfolio.reports[0]!);
    for (let i = 0; i < 2; i++) {
      let failure: unknown;
      try {
        renderTemplates(engine, portfolio, report, analysis, AS_OF);
      } catch (error) {
        failure = error;
      }
      expect(failure).toBeInstanceOf(TemplateRenderError);
      expect((failure as TemplateRenderError).problem).toMatchObject({
        file: report.file,
        field: 'subject',
      });
    }
  });
});

describe('money and date_long format each value once, per engine', () => {
  const amounts = [1234.5, -0, 0, -0.4, 0.4, 1e9, -98765.49, 1234.5, 0, -0];
  const template = '{% for a in amounts %}{{ a | money }};{% endfor %}';

  it('every amount reads as formatMoney gives it, -0 and 0 in either order included', () => {
    const usd = engineOf({ t: template });
    const expected = amounts.map((a) => `${formatMoney(a, 'USD')};`).join('');
    expect(usd.renderFileSync('t', { amounts })).toBe(expected);
    expect(usd.renderFileSync('t', { amounts: [...amounts].reverse() })).toBe(
      [...amounts]
        .reverse()
        .map((a) => `${formatMoney(a, 'USD')};`)
        .join(''),
    );
  });

  it('a second instance: two engines in two currencies keep their own amounts', () => {
    const usd = engineOf({ t: template }, 'USD');
    const eur = engineOf({ t: template }, 'EUR');
    // Intl's `format` is a getter: each formatting reads it once.
    const format = vi.spyOn(Intl.NumberFormat.prototype as { format: unknown }, 'format', 'get');
    expect(usd.renderFileSync('t', { amounts: [8400, 8400, 8400] })).toBe('$8,400;$8,400;$8,400;');
    expect(format).toHaveBeenCalledTimes(1);
    expect(eur.renderFileSync('t', { amounts: [8400] })).toBe(`${formatMoney(8400, 'EUR')};`);
    expect(eur.renderFileSync('t', { amounts: [8400] })).toContain('€');
  });

  it('date_long: a real date, an impossible one and a non-string, again and again', () => {
    const dates = engineOf({ t: '{% for d in days %}{{ d | date_long }};{% endfor %}' });
    const days = ['2026-11-24', '2026-02-30', '2026-11-24', 20261124, null, '2026-02-30'];
    expect(dates.renderFileSync('t', { days })).toBe(days.map((d) => `${formatDate(d)};`).join(''));
    expect(formatDate('2026-11-24')).toBe('24 Nov 2026');
  });
});

describe("the chart filter: a spec's key, kept with the spec", () => {
  const spec = (title: string): ChartSpec => ({
    kind: 'categories',
    title,
    categoryLabel: 'Channel',
    categories: ['Search', 'Referral'],
    series: [{ name: 'Leads', unit: { kind: 'count' }, mark: 'bar', values: [12, 7] }],
    width: 600,
    height: 300,
    alt: `${title}: Search 12, Referral 7 <leads>`,
  });

  it('the same spec in two renders: the same key and markup, recorded by each render', () => {
    const shared = spec('Leads by channel');
    const first = chartCollector();
    const second = chartCollector();
    const markup = chartFilter(first.globals, shared);
    expect(chartFilter(second.globals, shared)).toBe(markup);
    expect(markup).toBe(chartMarkup(shared, chartKey(shared)));
    expect([...first.charts.keys()]).toEqual([chartKey(shared)]);
    expect([...second.charts.entries()]).toEqual([[chartKey(shared), shared]]);
  });

  it('a second instance: equal specs share a key, a different spec has its own', () => {
    const a = spec('Leads by channel');
    const b = spec('Leads by channel');
    const c = spec('Leads by source');
    const { globals, charts } = chartCollector();
    for (const value of [a, c, b, c]) chartFilter(globals, value);
    expect([...charts.keys()]).toEqual([chartKey(a), chartKey(c)]);
    expect(chartKey(a)).toBe(chartKey(b));
    expect(chartKey(a)).not.toBe(chartKey(c));
    expect(chartFilter(globals, c)).toContain(`charts/${chartKey(c)}.png`);
  });
});

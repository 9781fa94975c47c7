// Run by shared-maps.test.ts in a child process with --allow-natives-syntax (V8's %HaveSameMap):
// analyses every report of the example at 16 weekly as-of dates, makes each report's view, and
// prints, for each kind of object the render reads, how many V8 maps its objects have.
import { Analyzer } from '../../src/analysis/index.js';
import { loadPortfolio } from '../../src/config/load.js';
import { reportView } from '../../src/render/render-liquid.js';

// V8's natives syntax (%HaveSameMap) cannot be written in TypeScript: compiled at run time.
const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (
  a: object,
  b: object,
) => boolean;

const loaded = await loadPortfolio(process.argv[2]!);
if (!loaded.ok) throw new Error(loaded.errors[0]!.message);
const { portfolio } = loaded;

const seen = new Map<string, { maps: object[]; objects: number }>();
const note = (kind: string, value: unknown) => {
  if (value === null || typeof value !== 'object') return;
  let kept = seen.get(kind);
  if (!kept) seen.set(kind, (kept = { maps: [], objects: 0 }));
  kept.objects += 1;
  if (!kept.maps.some((one) => sameMap(one, value))) kept.maps.push(value);
};

const week = 7 * 86_400_000;
for (let back = 0; back < 16; back += 1) {
  const asOf = new Date(Date.parse('2026-11-24') - back * week).toISOString().slice(0, 10);
  const analyzer = new Analyzer(portfolio, asOf);
  // Each entity as known on the date (a copy when rows after it are left out), by its fields.
  for (const entity of analyzer.portfolio.entities)
    if (entity !== portfolio.entities.find((e) => e.id === entity.id))
      note(`entity as of a date: ${Object.keys(entity).join(',')}`, entity);
  for (const report of portfolio.reports) {
    const analysis = analyzer.analyzeWithChanges(report);
    note('analysis', analysis);
    note('counts', analysis.counts);
    const view = reportView(portfolio, report, analysis, asOf);
    note('view', view);
    for (const finding of view.findings) note('view finding', finding);
    for (const action of view.actions) note('view action', action);
    for (const section of view.sections) {
      for (const action of section.actions) note('section action', action);
      const data = section.data as Record<string, unknown>;
      if (section.id === 'agenda')
        for (const item of data.items as object[]) note('agenda item', item);
      if (section.id === 'critical_shortfalls')
        for (const item of data.shortfalls as object[]) note('shortfall', item);
      if (section.id === 'ota_sequence')
        for (const item of data.sequence as object[]) note('ota candidate', item);
      if (Array.isArray(data.entities))
        for (const row of data.entities as { chart?: object }[]) note('chart spec', row.chart);
    }
    for (const entity of analysis.changes!.entities)
      for (const figure of entity.figures) note('figure change', figure);
  }
}
console.log(
  JSON.stringify(
    Object.fromEntries(
      [...seen].map(([kind, { maps, objects }]) => [kind, { maps: maps.length, objects }]),
    ),
  ),
);

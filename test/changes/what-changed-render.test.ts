// "What changed" opens every report of the example: one line when nothing changed, else the new
// and resolved findings and the figures that moved; each section then shows its figures' moves.
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/analysis/index.js';
import { validatePortfolio } from '../../src/pipeline.js';
import { renderReport } from '../../src/render/index.js';
import { EXAMPLE_CONFIG } from '../helpers.js';

async function render(reportId: string, asOf: string) {
  const validated = await validatePortfolio(EXAMPLE_CONFIG);
  if ('errors' in validated) throw new Error(JSON.stringify(validated.errors));
  const { portfolio, engine } = validated;
  const report = portfolio.reports.find((r) => r.id === reportId)!;
  const analysis = new Analyzer(portfolio, asOf).analyzeWithChanges(report);
  return { analysis, output: renderReport(engine, portfolio, report, analysis, asOf) };
}

/** The report's Markdown from its first `## ` heading to the next one. */
const firstSection = (markdown: string) => markdown.split('\n## ')[1]!.split('\n## ')[0]!;

describe('What changed, first in every report', () => {
  it('is one line when nothing changed (the CTO report: its stacks are as they were)', async () => {
    const { analysis, output } = await render('cto', '2026-11-29');
    expect(analysis.changes!.changed).toBe(false);
    // The heading, one line, then the report's own introduction.
    expect(firstSection(output.markdown)).toMatch(
      /^What changed since 22 Nov 2026\n\nNothing changed since 22 Nov 2026: no finding opened or resolved, and no headline figure moved past its threshold\.\n\nEvery technology stack/,
    );
  });

  it('lists new and resolved findings and the moved figures, before any other section', async () => {
    const { analysis, output } = await render('cfo', '2026-11-02');
    const changes = analysis.changes!;
    const section = firstSection(output.markdown);
    // The window moves on 2026-11-02, so there is something in each list to check.
    expect(changes.moved.length).toBeGreaterThan(0);
    expect(changes.opened.length + changes.resolved.length).toBeGreaterThan(0);
    expect(section.startsWith('What changed since 26 Oct 2026\n')).toBe(true);
    expect(section).toContain(`**New since then (${changes.opened.length})**`);
    expect(section).toContain(`**Resolved (${changes.resolved.length})**`);
    for (const finding of [...changes.opened, ...changes.resolved])
      expect(section).toContain(finding.title);
    // Each moved figure reads "previous → now (arrow change, percent)".
    for (const moved of changes.moved)
      expect(section).toContain(
        `${moved.entity_name}, ${moved.label}: ${moved.text.previous} → ${moved.text.current} (${moved.arrow} ${moved.text.change}`,
      );
    expect(output.text).toContain('What changed since 26 Oct 2026');
  });

  it('shows each section its figures then and now, in the text part too', async () => {
    const { analysis, output } = await render('cfo', '2026-11-02');
    const revenue = analysis.changes!.entities.find((e) => e.id === 'quickdumpnow')!.figures[0]!;
    expect(revenue.label).toBe('Revenue / mo');
    const row = `| QuickDumpNow | Revenue / mo | ${revenue.text.previous} | ${revenue.text.current} | ${revenue.arrow} ${revenue.text.change}`;
    expect(output.markdown).toContain(row);
    expect(output.text).toMatch(
      /QuickDumpNow\s+Revenue \/ mo\s+\$11,433\s+\$10,830\s+▼ -\$603 \(-5\.3%\), worse/,
    );
  });
});

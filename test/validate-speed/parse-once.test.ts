// Issue 13, `validate`'s own work: each template is parsed once per engine. checkTemplates parses
// every template; the renders of the reports (as report templates and as partials, literal or
// named by a variable) reuse those parses through the engine's cache (src/render/liquid.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTemplateEngine } from '../../src/render/liquid.js';
import { checkPortfolio } from '../../src/validate.js';
import { EXAMPLE_CONFIG } from '../config/portfolio-copy.js';

afterEach(() => {
  vi.restoreAllMocks();
});

/** A spy on the read of a template's text by every engine (each parse reads its file once). */
function spyOnTemplateReads() {
  const probe = createTemplateEngine(new Map(), 'USD');
  const fs = Object.getPrototypeOf(probe.options.fs) as { readFileSync(file: string): string };
  return vi.spyOn(fs, 'readFileSync');
}

function timesEach(files: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const file of files) counts[file] = (counts[file] ?? 0) + 1;
  return counts;
}

describe('templates are parsed once per engine', () => {
  it('validate of the example: every template read (parsed) exactly once, renders included', async () => {
    const reads = spyOnTemplateReads();
    const result = await checkPortfolio(EXAMPLE_CONFIG, { render: true, asOf: '2026-11-24' });
    if ('errors' in result) throw new Error(JSON.stringify(result.errors));
    const counts = timesEach(reads.mock.calls.map(([file]) => file));
    // Every template of the example, the report templates (cfo.md) and sections named by a
    // variable (sections/burn.md) included.
    expect(Object.keys(counts).sort()).toEqual(
      [...result.portfolio.templates.values()].map((t) => `${t.name}.md`).sort(),
    );
    expect(counts['cfo.md']).toBe(1);
    expect(counts['sections/burn.md']).toBe(1);
    expect(Object.entries(counts).filter(([, n]) => n !== 1)).toEqual([]);
  });

  it('a second instance: a template used as a report template and as a partial is parsed once', () => {
    const templates = new Map(
      [
        ['main', 'A{% render "part" %}'],
        ['part', 'B{{ 1 | plus: 1 }}'],
      ].map(([name, source]) => [
        name!,
        { name: name!, file: `templates/${name}.md`, source: source! },
      ]),
    );
    const engine = createTemplateEngine(templates as never, 'USD');
    const reads = spyOnTemplateReads();
    expect(engine.renderFileSync('part', {})).toBe('B2');
    expect(engine.renderFileSync('main', {})).toBe('AB2');
    expect(engine.renderFileSync('main', {})).toBe('AB2');
    expect(timesEach(reads.mock.calls.map(([file]) => file))).toEqual({
      'main.md': 1,
      'part.md': 1,
    });
  });
});

import { describe, expect, it } from 'vitest';
import type { Template } from '../../src/config/load.js';
import { createTemplateEngine } from '../../src/render/liquid.js';

function engineWith(sources: Record<string, string>, currency = 'USD') {
  const templates = new Map<string, Template>(
    Object.entries(sources).map(([name, source]) => [
      name,
      { name, file: `templates/${name}.md`, source },
    ]),
  );
  return createTemplateEngine(templates, currency);
}

const render = (source: string, data: object = {}, currency = 'USD') =>
  engineWith({ main: source }, currency).renderFileSync('main', data);

describe('the shared Liquid filters', () => {
  it('formats money in whole units of the portfolio currency', () => {
    expect(render('{{ 120000 | money }} {{ -1234.5 | money }}')).toBe('$120,000 -$1,235');
    // One formatter per currency: a second currency in the same process is not served the first.
    expect(render('{{ 1500 | money }}', {}, 'EUR')).toBe('€1,500');
    expect(render('{{ 1500 | money }}')).toBe('$1,500');
  });

  it('says "no data" for a missing figure instead of a zero', () => {
    // A figure the analysis could not compute is null in the view (an absent key is an error).
    expect(
      render('{{ x | money }}|{{ x | percent }}|{{ x | number }}|{{ x | date_long }}', { x: null }),
    ).toBe('no data|no data|no data|no data');
  });

  it('formats percentages, numbers with digits, dates and severities', () => {
    expect(render('{{ 0.1234 | percent }} {{ 0.5 | percent: 0 }}')).toBe('12.3% 50%');
    expect(render('{{ 1234.567 | number }} {{ 1234.567 | number: 2 }}')).toBe('1,235 1,234.57');
    // Digits are whole, as Intl takes them.
    expect(render('{{ 1234.567 | number: 1.5 }}')).toBe('1,234.6');
    expect(render("{{ '2026-11-24' | date_long }}")).toBe('24 Nov 2026');
    expect(render("{{ 'critical' | severity }} {{ 'warning' | severity }}")).toBe(
      'CRITICAL Warning',
    );
  });

  it('reads runway as months, "not burning" or "no data"', () => {
    expect(render('{{ 12 | runway: true }}')).toBe('12.0 months');
    expect(render('{{ x | runway: false }}', { x: null })).toBe('not burning');
    expect(render('{{ x | runway: true }}', { x: null })).toBe('no data');
  });

  it('keeps a value in its table cell and escapes HTML in data', () => {
    // The pipe stays itself, escaped for Markdown so it cannot end the cell.
    expect(render('{{ v | cell }}', { v: 'a | b\nc' })).toBe('a \\| b c');
    expect(render('{{ v }}', { v: '<img src=x onerror=alert(1)>' })).toBe(
      '&lt;img src=x onerror=alert(1)&gt;',
    );
    expect(render("{{ v | or_none }} {{ w | or_none: 'n/a' }}", { v: [], w: 'kept' })).toBe(
      'none kept',
    );
  });
});

describe('the template sandbox', () => {
  it('renders partials from the loaded templates only, never from disk', () => {
    const engine = engineWith({ main: "{% render 'partials/x' %}", 'partials/x': 'partial' });
    expect(engine.renderFileSync('main', {})).toBe('partial');
    // README.md is on disk where the tests run: an engine that read the disk would render it.
    const escaping = engineWith({ main: "{% render 'README' %}" });
    expect(() => escaping.renderFileSync('main', {})).toThrow(/ENOENT|Failed to lookup/);
  });
});

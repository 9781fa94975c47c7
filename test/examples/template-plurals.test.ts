// The example templates write a count with its noun and verb: "1 other finding stands as it was",
// "2 other findings stand as they were". Each line of reports-config/templates that writes a
// count is rendered here as it is in the file, with 1 and with 2, through the engine a run uses.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTemplateEngine } from '../../src/render/liquid.js';

const TEMPLATES = path.resolve(import.meta.dirname, '../../reports-config/templates');

/** The one line of `file` (under reports-config/templates) that holds `marker`. */
function lineOf(file: string, marker: string): string {
  const lines = readFileSync(path.join(TEMPLATES, file), 'utf8')
    .split('\n')
    .filter((line) => line.includes(marker));
  expect(lines, `${file}: one line with ${marker}`).toHaveLength(1);
  return lines[0]!;
}

/** That line rendered with `view`, as a run renders it (its filters, strict variables). */
function render(file: string, marker: string, view: object): string {
  const source = lineOf(file, marker);
  const engine = createTemplateEngine(new Map([['line', { name: 'line', file, source }]]), {
    currency: 'USD',
    timezone: 'UTC',
  });
  return engine.renderFileSync('line', view) as string;
}

const list = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Each line that writes a count: its file, a text only it has, and its view for a count n. */
const LINES: [string, string, (n: number) => object][] = [
  ['sections/what_changed.md', 'changes.persisting', (n) => ({ changes: { persisting: n } })],
  ['partials/then_and_now.md', 'did not move', (n) => ({ still: n })],
  [
    'sections/delivery_ops.md',
    '| money }} revenue',
    (n) => ({ u: { deliveries: list(n), revenue: 1, cost: 1, margin: 0.5 } }),
  ],
  ['sections/property.md', 'p.units', (n) => ({ p: { occupancy: 1, occupied: n, units: n } })],
  [
    'sections/property.md',
    'estimated at',
    (n) => ({ p: { open_maintenance: list(n), open_maintenance_estimate: 100 } }),
  ],
  [
    'sections/capital_deployment.md',
    'd.reserve_months',
    (n) => ({
      d: {
        cash_on_hand: 1,
        reserve_months: n,
        burn_basis: 'net burn',
        net_burn_monthly: 1,
        reserve: 1,
        available: 1,
      },
    }),
  ],
  [
    'sections/client_billing.md',
    'p.clients',
    (n) => ({
      p: {
        receivable: 1,
        open_invoices: list(n),
        unbilled_total: 1,
        acquisition_cost: 1,
        clients: n,
      },
    }),
  ],
  [
    'sections/seo_roadmap.md',
    'open item',
    (n) => ({ items: list(n), section: { data: { done: 0 } } }),
  ],
  [
    'sections/agenda.md',
    'most pressing action',
    (n) => ({ items: list(n), section: { data: { horizon: '2026-12-24', more: n } } }),
  ],
  [
    'sections/financial_rules.md',
    'of {{ checks.size }}',
    (n) => ({ checks: list(n), section: { data: { broken: n } } }),
  ],
  ['sections/critical_shortfalls.md', 'action this week', (n) => ({ shortfalls: list(n) })],
  [
    'ceo.md',
    'critical_shortfalls.data.shortfalls.size',
    (n) => ({ section: { critical_shortfalls: { data: { shortfalls: list(n) } } } }),
  ],
];

describe('counts in the example templates agree with their nouns and verbs', () => {
  it('the given instance: "1 other finding stands as it was" (what changed)', () => {
    const [file, marker, view] = LINES[0]!;
    expect(render(file, marker, view(1))).toBe('1 other finding stands as it was.');
    expect(render(file, marker, view(3))).toBe('3 other findings stand as they were.');
  });

  it('a second instance: "(1 client)" and "1 open invoice" (client billing)', () => {
    const [file, marker, view] = LINES[6]!;
    expect(render(file, marker, view(1))).toContain('(1 client).');
    expect(render(file, marker, view(1))).toContain('in 1 open invoice.');
    expect(render(file, marker, view(2))).toContain('(2 clients).');
  });

  it.each(LINES)(
    '%s (%s): no "1 <plural>" and no plural verb after a single thing',
    (file, marker, view) => {
      const one = render(file, marker, view(1));
      // A count of 1 before a plural noun ("1 clients", "1 open invoices", "1 other findings")...
      expect(one).not.toMatch(
        /(^|[^\d.,$])1 ([a-z]+ ){0,2}(findings|figures|deliveries|units|requests|months|invoices|clients|items|actions|checks)\b/,
      );
      // ...or a single thing with a plural verb.
      expect(one).not.toMatch(
        /\b(finding|figure|check|action) (stand|have|need|are)\b|1 more are\b|there are 1\b|\(or have no data/,
      );
      // And 2 stays plural.
      expect(render(file, marker, view(2))).toMatch(/\b2 ([a-z]+ ){0,2}[a-z]+s\b/);
    },
  );
});

import { describe, expect, it } from 'vitest';
import { SectionFindings, count, ratio, round, sum } from '../../src/analysis/findings.js';

describe('SectionFindings', () => {
  it('builds the id from rule, entity and subject', () => {
    const out = new SectionFindings('burn', 'cfo', '2026-11-15');
    const a = out.add({ rule: 'x.rule', severity: 'info', title: 't', entity: 'jada' });
    const b = out.add({
      rule: 'x.rule',
      severity: 'info',
      title: 't',
      entity: 'jada',
      subject: '2026-08',
    });
    const c = out.add({ rule: 'x.rule', severity: 'info', title: 't', entity: null });
    expect([a.id, b.id, c.id]).toEqual(['x.rule:jada', 'x.rule:jada:2026-08', 'x.rule:portfolio']);
    expect(a.figures).toEqual({});
    expect(a.section).toBe('burn');
  });

  it('gives an action a due date and priority by severity: critical 7 days/high, warning 21/medium, info 30/low', () => {
    const out = new SectionFindings('burn', 'cfo', '2026-11-15');
    out.add({ rule: 'a', severity: 'critical', title: 't', entity: 'e' }, 'act critical');
    out.add({ rule: 'b', severity: 'warning', title: 't', entity: 'e' }, 'act warning');
    out.add({ rule: 'c', severity: 'info', title: 't', entity: 'e' }, 'act info');
    out.add({ rule: 'd', severity: 'info', title: 't', entity: 'e' }); // no action text: no action
    expect(out.findings).toHaveLength(4);
    expect(out.actions.map((a) => [a.title, a.due, a.priority, a.finding, a.owner])).toEqual([
      // 2026-11-15 + 7 = 2026-11-22; + 21 = 2026-12-06; + 30 = 2026-12-15
      ['act critical', '2026-11-22', 'high', 'a:e', 'cfo'],
      ['act warning', '2026-12-06', 'medium', 'b:e', 'cfo'],
      ['act info', '2026-12-15', 'low', 'c:e', 'cfo'],
    ]);
  });
});

describe('number helpers', () => {
  it('round, sum and ratio', () => {
    expect(round(2.345, 1)).toBe(2.3);
    expect(round(1 / 3)).toBe(0.33);
    expect(round(12, 1)).toBe(12);
    expect(sum([])).toBe(0);
    expect(sum([1, 2, 3.5])).toBe(6.5);
    expect(ratio(1, 4)).toBe(0.25);
    // a share of nothing is not 0 %
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(5, 0)).toBeNull();
  });
});

describe('count', () => {
  it('says "1 day" but "0 days" and "2 days", with an irregular plural when given', () => {
    expect([0, 1, 2].map((n) => count(n, 'day'))).toEqual(['0 days', '1 day', '2 days']);
    expect(count(1, 'entry', 'entries')).toBe('1 entry');
    expect(count(3, 'entry', 'entries')).toBe('3 entries');
  });
});

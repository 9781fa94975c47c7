import { describe, expect, it } from 'vitest';
import type { Stack } from '../../src/config/schema.js';
import { analyze, entity, ids, portfolio, stack } from './build.js';

// AS_OF is 2026-11-15. 180 days before it is 2026-05-19:
// Nov 15 -> Oct 31 (15) -> Sep 30 (46) -> Aug 31 (76) -> Jul 31 (107) -> Jun 30 (138)
// -> May 31 (168) -> May 19 (180).
const DAYS_180_AGO = '2026-05-19';
const DAYS_181_AGO = '2026-05-18';

type AuditData = {
  stacks: {
    id: string;
    checks: { check: string; pass: boolean }[];
    passed: number;
    total: number;
  }[];
};

const audit = (s: Stack, personas = {}) =>
  analyze<AuditData>(
    portfolio({ entities: [entity('e', { name: 'E Co', stacks: [s] })], personas }),
    'security_audit',
  );

describe('security audit', () => {
  it('a stack that passes every check raises nothing', () => {
    const result = audit(stack('web'));
    expect(result.findings).toEqual([]);
    expect(result.data.stacks[0]).toMatchObject({ passed: 5, total: 5 });
  });

  const cases: [string, Partial<Stack>, string, 'critical' | 'warning', string][] = [
    ['TLS off', { tls: false }, 'tech.no-tls', 'critical', 'TLS'],
    ['MFA off', { mfa: false }, 'tech.no-mfa', 'critical', 'MFA'],
    ['no backups', { backups: 'none' }, 'tech.no-backups', 'critical', 'Backups'],
    ['secrets in the repo', { secrets: 'in-repo' }, 'tech.secrets-in-repo', 'critical', 'Secrets'],
    [
      'secrets in an env file',
      { secrets: 'env-file' },
      'tech.secrets-env-file',
      'warning',
      'Secrets',
    ],
    [
      'stale dependencies',
      { dependencies_updated: DAYS_181_AGO },
      'tech.stale-dependencies',
      'warning',
      'Dependencies',
    ],
  ];

  for (const [name, broken, rule, severity, check] of cases) {
    it(`${name} alone raises exactly ${rule} (${severity})`, () => {
      const result = audit(stack('web', broken));
      expect(result.findings.map((f) => [f.id, f.severity])).toEqual([[`${rule}:e:web`, severity]]);
      expect(result.actions).toHaveLength(1);
      expect(result.actions[0]!.owner).toBe('cto');
      const checks = result.data.stacks[0]!.checks;
      expect(checks.filter((c) => !c.pass).map((c) => c.check)).toEqual([check]);
      expect(result.data.stacks[0]!.passed).toBe(4);
    });
  }

  it('weekly backups and a secret manager pass', () => {
    expect(audit(stack('web', { backups: 'weekly', secrets: 'secret-manager' })).findings).toEqual(
      [],
    );
  });

  it('dependencies exactly max_dependency_age_days old pass; one day older is stale', () => {
    expect(audit(stack('web', { dependencies_updated: DAYS_180_AGO })).findings).toEqual([]);
    const stale = audit(stack('web', { dependencies_updated: DAYS_181_AGO }));
    expect(stale.findings[0]!.figures).toEqual({ stack: 'web', age_days: 181, max_age_days: 180 });
  });

  it('the CTO persona sets the dependency age limit', () => {
    // 2026-11-15 - 2026-10-15 = 31 days > 30
    const result = audit(stack('web', { dependencies_updated: '2026-10-15' }), {
      cto: { thresholds: { max_dependency_age_days: 30 } },
    });
    expect(ids(result.findings)).toEqual(['tech.stale-dependencies:e:web']);
  });

  it('the portfolio dependency age limit applies when no persona sets one', () => {
    // 2026-11-15 - 2026-09-01 = 75 days: fresh under the default 180, stale over a limit of 60
    const s = stack('web', { dependencies_updated: '2026-09-01' });
    expect(audit(s).findings).toEqual([]);
    const result = analyze(
      portfolio({
        entities: [entity('e', { stacks: [s] })],
        settings: { thresholds: { max_dependency_age_days: 60 } },
      }),
      'security_audit',
    );
    expect(ids(result.findings)).toEqual(['tech.stale-dependencies:e:web']);
    expect(result.findings[0]!.figures).toEqual({ stack: 'web', age_days: 75, max_age_days: 60 });
  });

  it('keeps the stale-dependency id when the age changes', () => {
    const first = audit(stack('web', { dependencies_updated: DAYS_181_AGO }));
    const second = audit(stack('web', { dependencies_updated: '2025-01-01' }));
    expect(ids(second.findings)).toEqual(ids(first.findings));
    expect(first.findings[0]!.figures.age_days).not.toBe(second.findings[0]!.figures.age_days);
  });
});

describe('cost per stack', () => {
  it('totals services per stack and overall, and names a service paid in two stacks', () => {
    const a = entity('a', {
      name: 'A Co',
      stacks: [
        stack('web', {
          name: 'Web',
          services: [
            { name: 'Hosting Co', monthly_cost: 20 },
            { name: 'Mail', monthly_cost: 6 },
          ],
        }),
      ],
    });
    const b = entity('b', {
      name: 'B Co',
      stacks: [
        stack('app', {
          name: 'App',
          services: [
            { name: 'Hosting Co', monthly_cost: 20 },
            { name: 'Database', monthly_cost: 15.5 },
          ],
        }),
        stack('empty', { name: 'Empty' }),
      ],
    });
    const result = analyze<{
      stacks: { id: string; monthly_cost: number }[];
      monthly_cost: number;
      annual_cost: number;
    }>(portfolio({ entities: [a, b] }), 'stack_costs');
    // web 20 + 6 = 26; app 20 + 15.50 = 35.50; empty 0
    expect(result.data.stacks.map((s) => [s.id, s.monthly_cost])).toEqual([
      ['web', 26],
      ['app', 35.5],
      ['empty', 0],
    ]);
    // 26 + 35.50 = 61.50 a month; x 12 = 738 a year
    expect(result.data.monthly_cost).toBe(61.5);
    expect(result.data.annual_cost).toBe(738);
    expect(ids(result.findings)).toEqual(['tech.duplicate-service:portfolio:hosting-co']);
    expect(result.findings[0]!.figures).toEqual({ stacks: 2 });
    expect(result.findings[0]!.title).toContain('A Co / Web, B Co / App');
  });

  it('no duplicate finding when every service is paid once', () => {
    const e = entity('e', {
      stacks: [
        stack('one', { services: [{ name: 'X', monthly_cost: 1 }] }),
        stack('two', { services: [{ name: 'Y', monthly_cost: 2 }] }),
      ],
    });
    expect(analyze(portfolio({ entities: [e] }), 'stack_costs').findings).toEqual([]);
  });

  it('keeps the duplicate-service id when the costs change', () => {
    const run = (cost: number) =>
      analyze(
        portfolio({
          entities: [
            entity('e', {
              stacks: [
                stack('one', { services: [{ name: 'Hosting Co', monthly_cost: cost }] }),
                stack('two', { services: [{ name: 'Hosting Co', monthly_cost: cost * 2 }] }),
              ],
            }),
          ],
        }),
        'stack_costs',
      ).findings;
    expect(ids(run(10))).toEqual(['tech.duplicate-service:portfolio:hosting-co']);
    expect(ids(run(99))).toEqual(ids(run(10)));
  });
});

describe('UX gaps and CI/CD', () => {
  it('flags a slow, inaccessible, phone-unfriendly charter site without online booking', () => {
    const e = entity('e', {
      kind: 'charter',
      stacks: [
        stack('web', {
          ux: { performance: 69, accessibility: 89, mobile_friendly: false, online_booking: false },
        }),
      ],
    });
    const result = analyze(portfolio({ entities: [e] }), 'ux_gaps');
    expect(ids(result.findings)).toEqual([
      'tech.accessibility:e:web',
      'tech.no-online-booking:e:web',
      'tech.not-mobile-friendly:e:web',
      'tech.slow-site:e:web',
    ]);
  });

  it('performance at the minimum score is not a gap; an unmeasured site is an info finding', () => {
    const measured = entity('m', {
      stacks: [stack('web', { ux: { performance: 70, accessibility: 90 } })],
    });
    const unmeasured = entity('u', { stacks: [stack('web', { ux: {} })] });
    const result = analyze(portfolio({ entities: [measured, unmeasured] }), 'ux_gaps');
    expect(result.findings.map((f) => [f.id, f.severity])).toEqual([
      ['tech.ux-unmeasured:u:web', 'info'],
    ]);
  });

  const scored = (performance: number) =>
    entity('e', { stacks: [stack('web', { ux: { performance, accessibility: 95 } })] });

  it('a performance score one under the minimum is a gap; one over is not', () => {
    // 69 < min_performance_score 70
    const under = analyze(portfolio({ entities: [scored(69)] }), 'ux_gaps');
    expect(ids(under.findings)).toEqual(['tech.slow-site:e:web']);
    expect(under.findings[0]!.figures).toEqual({ performance: 69 });
    expect(under.findings[0]!.title).toBe('E / WEB: performance score 69, under 70');
    // 71 >= 70
    expect(analyze(portfolio({ entities: [scored(71)] }), 'ux_gaps').findings).toEqual([]);
  });

  it('min_performance_score set in portfolio.yml applies, and the CTO persona wins over it', () => {
    // 80 >= default 70, but under a portfolio minimum of 85
    const portfolioWide = analyze(
      portfolio({
        entities: [scored(80)],
        settings: { thresholds: { min_performance_score: 85 } },
      }),
      'ux_gaps',
    );
    expect(ids(portfolioWide.findings)).toEqual(['tech.slow-site:e:web']);
    expect(portfolioWide.findings[0]!.title).toBe('E / WEB: performance score 80, under 85');
    // the CTO's 80 over the portfolio's 85: 80 is at the minimum, not under it
    const persona = analyze(
      portfolio({
        entities: [scored(80)],
        settings: { thresholds: { min_performance_score: 85 } },
        personas: { cto: { thresholds: { min_performance_score: 80 } } },
      }),
      'ux_gaps',
    );
    expect(persona.findings).toEqual([]);
  });

  it('no CI is a warning with an action; manual deploys are info', () => {
    const e = entity('e', { stacks: [stack('web', { ci: false, cd: false })] });
    const result = analyze<{ stacks: { recommendations: string[] }[] }>(
      portfolio({ entities: [e] }),
      'cicd',
    );
    expect(result.findings.map((f) => [f.id, f.severity])).toEqual([
      ['tech.no-ci:e:web', 'warning'],
      ['tech.manual-deploys:e:web', 'info'],
    ]);
    expect(result.actions).toHaveLength(1);
    expect(result.data.stacks[0]!.recommendations).toHaveLength(2);
  });
});

describe('CTO sections without stacks', () => {
  it('an entity with no stack gives empty tables and no finding in every CTO section', () => {
    const p = portfolio({ entities: [entity('e')] });
    const security = analyze<{ stacks: unknown[] }>(p, 'security_audit');
    expect(security.data.stacks).toEqual([]);
    const costs = analyze<{ stacks: unknown[] }>(p, 'stack_costs');
    expect(costs.data.stacks).toEqual([]);
    expect(analyze(p, 'ux_gaps').data).toEqual({ gaps: [] });
    expect(analyze(p, 'cicd').data).toEqual({ stacks: [] });
    for (const section of ['security_audit', 'stack_costs', 'ux_gaps', 'cicd'] as const) {
      const result = analyze(p, section);
      expect(result.findings, section).toEqual([]);
      expect(result.actions, section).toEqual([]);
    }
  });
});

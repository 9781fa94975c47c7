// The CTO's analyses: a security audit, cost, UX and CI/CD per stack.
import type { Stack } from '../config/schema.js';
import { daysBetween } from './dates.js';
import { money, sumMoney } from '../figures.js';
import { addTo, count, SectionFindings } from './findings.js';
import { entityRows } from './entity-rows.js';
import { mapPacked } from './packed.js';
import type { AnalysisContext, SectionAnalyzer } from './types.js';

const stacksOf = (context: AnalysisContext) =>
  context.entities.flatMap((entity) => entity.stacks.map((stack) => ({ entity, stack })));

const SECRETS_HANDLING: Record<Stack['secrets'], string> = {
  'in-repo': 'committed to the repository',
  'env-file': 'kept in an env file',
  'ci-secrets': 'kept in CI secrets',
  'secret-manager': 'kept in a secret manager',
};

interface SecurityCheck {
  readonly check: string;
  readonly pass: boolean;
  readonly detail: string;
}

function securityChecks(stack: Stack, asOf: string, maxAgeDays: number): SecurityCheck[] {
  const age = daysBetween(stack.dependencies_updated, asOf);
  return [
    {
      check: 'TLS',
      pass: stack.tls,
      detail: stack.tls ? 'HTTPS everywhere' : 'served without TLS',
    },
    {
      check: 'MFA',
      pass: stack.mfa,
      detail: stack.mfa ? 'on for every admin account' : 'admin accounts without MFA',
    },
    {
      check: 'Backups',
      pass: stack.backups !== 'none',
      detail: stack.backups === 'none' ? 'no backups' : `${stack.backups} backups`,
    },
    {
      check: 'Dependencies',
      pass: age <= maxAgeDays,
      detail: `last updated ${stack.dependencies_updated} (${count(age, 'day')} ago)`,
    },
    {
      check: 'Secrets',
      pass: stack.secrets === 'ci-secrets' || stack.secrets === 'secret-manager',
      detail: SECRETS_HANDLING[stack.secrets],
    },
  ];
}

export const securityAuditSection: SectionAnalyzer = {
  id: 'security_audit',
  title: 'Security audit',
  owner: 'cto',
  analyze(context) {
    const out = new SectionFindings('security_audit', 'cto', context.asOf);
    // Each entity's stacks and findings computed once per run (entity-rows.ts).
    const perEntity = entityRows(context, out, (entity, out) =>
      entity.stacks.map((stack) => {
        const checks = securityChecks(
          stack,
          context.asOf,
          context.thresholds.max_dependency_age_days,
        );
        const subject = stack.id;
        const raise = (
          rule: string,
          severity: 'critical' | 'warning',
          title: string,
          action: string,
          figures = {},
        ) =>
          out.add(
            {
              rule,
              severity,
              title: `${entity.name} / ${stack.name}: ${title}`,
              entity: entity.id,
              subject,
              figures: { stack: stack.id, ...figures },
            },
            `${action} (${entity.name} / ${stack.name})`,
          );
        if (!stack.tls) raise('tech.no-tls', 'critical', 'served without TLS', 'Turn on HTTPS');
        if (!stack.mfa)
          raise(
            'tech.no-mfa',
            'critical',
            'admin accounts without MFA',
            'Enforce MFA on every admin account',
          );
        if (stack.backups === 'none')
          raise(
            'tech.no-backups',
            'critical',
            'no backups',
            'Set up daily backups and test a restore',
          );
        if (stack.secrets === 'in-repo')
          raise(
            'tech.secrets-in-repo',
            'critical',
            'secrets committed to the repository',
            'Rotate the secrets and move them to CI secrets',
          );
        else if (stack.secrets === 'env-file')
          raise(
            'tech.secrets-env-file',
            'warning',
            'secrets kept in an env file',
            'Move secrets to CI secrets or a secret manager',
          );
        const age = daysBetween(stack.dependencies_updated, context.asOf);
        if (age > context.thresholds.max_dependency_age_days)
          raise(
            'tech.stale-dependencies',
            'warning',
            `dependencies ${count(age, 'day')} old`,
            'Update dependencies',
            { age_days: age, max_age_days: context.thresholds.max_dependency_age_days },
          );
        return {
          entity: entity.id,
          entity_name: entity.name,
          id: stack.id,
          name: stack.name,
          checks,
          passed: checks.filter((c) => c.pass).length,
          total: checks.length,
        };
      }),
    );
    const stacks = perEntity.flat();
    return { data: { stacks }, findings: out.findings, actions: out.actions };
  },
};

export const stackCostsSection: SectionAnalyzer = {
  id: 'stack_costs',
  title: 'Cost per stack',
  owner: 'cto',
  analyze(context) {
    const out = new SectionFindings('stack_costs', 'cto', context.asOf);
    const stacks = mapPacked(stacksOf(context), ({ entity, stack }) => ({
      entity: entity.id,
      entity_name: entity.name,
      id: stack.id,
      name: stack.name,
      services: stack.services,
      monthly_cost: sumMoney(stack.services.map((s) => s.monthly_cost)),
    }));
    // The same service paid in two stacks is a consolidation candidate.
    const byService = new Map<string, string[]>();
    for (const stack of stacks)
      for (const service of stack.services)
        addTo(byService, service.name, `${stack.entity_name} / ${stack.name}`);
    for (const [service, where] of byService) {
      if (where.length > 1)
        out.add(
          {
            rule: 'tech.duplicate-service',
            severity: 'info',
            title: `${service} is paid for in ${where.length} stacks: ${where.join(', ')}`,
            entity: null,
            subject: service.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
            figures: { stacks: where.length },
          },
          `Consolidate ${service} into one account`,
        );
    }
    const monthly = sumMoney(stacks.map((s) => s.monthly_cost));
    return {
      data: { stacks, monthly_cost: monthly, annual_cost: money(monthly * 12) },
      findings: out.findings,
      actions: out.actions,
    };
  },
};

export const uxGapsSection: SectionAnalyzer = {
  id: 'ux_gaps',
  title: 'UX gaps',
  owner: 'cto',
  analyze(context) {
    const out = new SectionFindings('ux_gaps', 'cto', context.asOf);
    const gaps: { entity_name: string; stack: string; gap: string }[] = [];
    for (const { entity, stack } of stacksOf(context)) {
      const gap = (rule: string, text: string, action: string, figures = {}) => {
        gaps.push({ entity_name: entity.name, stack: stack.name, gap: text });
        out.add(
          {
            rule,
            severity: 'warning',
            title: `${entity.name} / ${stack.name}: ${text}`,
            entity: entity.id,
            subject: stack.id,
            figures,
          },
          `${action} (${entity.name} / ${stack.name})`,
        );
      };
      const ux = stack.ux;
      if (ux.performance === undefined)
        out.add({
          rule: 'tech.ux-unmeasured',
          severity: 'info',
          title: `${entity.name} / ${stack.name}: no performance measurement`,
          entity: entity.id,
          subject: stack.id,
        });
      else if (ux.performance < context.thresholds.min_performance_score)
        gap(
          'tech.slow-site',
          `performance score ${ux.performance}, under ${context.thresholds.min_performance_score}`,
          'Bring the performance score up',
          { performance: ux.performance },
        );
      if (ux.accessibility !== undefined && ux.accessibility < 90)
        gap(
          'tech.accessibility',
          `accessibility score ${ux.accessibility}`,
          'Fix the accessibility issues',
          { accessibility: ux.accessibility },
        );
      if (ux.mobile_friendly === false)
        gap('tech.not-mobile-friendly', 'not usable on a phone', 'Make the site work on phones');
      if (ux.online_booking === false && entity.kind === 'charter')
        gap('tech.no-online-booking', 'no online booking', 'Add online booking');
    }
    return { data: { gaps }, findings: out.findings, actions: out.actions };
  },
};

export const cicdSection: SectionAnalyzer = {
  id: 'cicd',
  title: 'CI/CD',
  owner: 'cto',
  analyze(context) {
    const out = new SectionFindings('cicd', 'cto', context.asOf);
    const stacks = stacksOf(context).map(({ entity, stack }) => {
      const recommendations: string[] = [];
      if (!stack.ci) {
        recommendations.push('Run tests on every push (a CI workflow)');
        out.add(
          {
            rule: 'tech.no-ci',
            severity: 'warning',
            title: `${entity.name} / ${stack.name}: no CI`,
            entity: entity.id,
            subject: stack.id,
          },
          `Add a CI workflow (${entity.name} / ${stack.name})`,
        );
      }
      if (!stack.cd) {
        recommendations.push('Deploy from the main branch automatically');
        out.add({
          rule: 'tech.manual-deploys',
          severity: 'info',
          title: `${entity.name} / ${stack.name}: deployed by hand`,
          entity: entity.id,
          subject: stack.id,
        });
      }
      return {
        entity_name: entity.name,
        name: stack.name,
        ci: stack.ci,
        cd: stack.cd,
        recommendations,
      };
    });
    return { data: { stacks }, findings: out.findings, actions: out.actions };
  },
};

export const techSections = [securityAuditSection, stackCostsSection, uxGapsSection, cicdSection];

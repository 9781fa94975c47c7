// The CEO's analyses. Critical shortfalls and the agenda are gathered from every other section
// (one source of truth), never written separately.
import { entityName, ownerName } from '../config/load.js';
import { sectionIds, type SectionId } from '../config/schema.js';
import { shownQuantity } from '../figures.js';
import type { ChartSpec } from '../charts/spec.js';
import { addDays, daysBetween } from './dates.js';
import { count, SectionFindings } from './findings.js';
import { entityRows } from './entity-rows.js';
import type { ActionItem, AnalysisContext, SectionAnalyzer } from './types.js';
import { compareText } from './words.js';
import { withFields } from './shapes.js';
import { partitionPoint } from '../collections.js';

/** The CEO's own sections; the overview gathers the findings and actions of every other one. */
const CEO_SECTIONS: readonly SectionId[] = [
  'asset_inventory',
  'critical_shortfalls',
  'missing_kpis',
  'agenda',
];
export const DOMAIN_SECTIONS: readonly SectionId[] = sectionIds.filter(
  (id) => !CEO_SECTIONS.includes(id),
);

/**
 * The burn section's portfolio row (cash on hand, runway) and its 12-month chart, for the CEO:
 * read from that section (cached per entity set), never computed a second time.
 */
function portfolioCash(context: AnalysisContext) {
  const burn = context.section('burn').data as {
    total: {
      cash_on_hand: number | null;
      runway_months: number | null;
      burning: boolean | null;
      no_cash: boolean;
    };
    cash_chart: ChartSpec;
  };
  const { cash_on_hand, runway_months, burning, no_cash } = burn.total;
  return { cash_on_hand, runway_months, burning, no_cash, chart: burn.cash_chart };
}

export const assetInventorySection: SectionAnalyzer = {
  id: 'asset_inventory',
  title: 'Asset inventory',
  owner: 'ceo',
  analyze(context) {
    const out = new SectionFindings('asset_inventory', 'ceo', context.asOf);
    // Each entity's row and findings computed once per run (entity-rows.ts).
    const entities = entityRows(context, out, (entity, out) => {
      for (const domain of entity.assets.domains) {
        if (!domain.renews) continue;
        const days = daysBetween(context.asOf, domain.renews);
        if (days < 0)
          out.add(
            {
              rule: 'assets.domain-expired',
              severity: 'critical',
              title: `${domain.name} (${entity.name}) expired on ${domain.renews}`,
              entity: entity.id,
              subject: domain.name,
              figures: { renews: domain.renews },
            },
            `Renew ${domain.name} now`,
          );
        else if (days <= 30)
          out.add(
            {
              rule: 'assets.domain-renewal',
              severity: 'warning',
              title: `${domain.name} (${entity.name}) renews in ${count(days, 'day')}`,
              entity: entity.id,
              subject: domain.name,
              figures: { renews: domain.renews, days },
            },
            `Confirm auto-renew for ${domain.name}`,
          );
      }
      // Every key a template may read is there, null where entities/*.yml leaves it out:
      // templates are strict, so an absent key would read as a typo.
      const { domains, sites, vessels, properties, accounts } = entity.assets;
      return {
        id: entity.id,
        name: entity.name,
        kind: entity.kind,
        domains: domains.map((d) => ({ name: d.name, renews: d.renews ?? null })),
        sites: sites.map((site) => ({ url: site.url, stack: site.stack ?? null })),
        vessels: vessels.map((v) => ({ name: v.name, type: v.type, value: v.value ?? null })),
        properties: properties.map((p) => withFields(p, { accounts: p.accounts ?? null })),
        accounts,
        stacks: entity.stacks.map((s) => s.name),
      };
    });
    const total = (pick: (e: (typeof entities)[number]) => unknown[]) =>
      entities.reduce((n, e) => n + pick(e).length, 0);
    return {
      data: {
        entities,
        // The portfolio's cash and runway as the CFO's burn table totals them, with its chart.
        cash: portfolioCash(context),
        totals: {
          domains: total((e) => e.domains),
          sites: total((e) => e.sites),
          vessels: total((e) => e.vessels),
          properties: total((e) => e.properties),
          accounts: total((e) => e.accounts),
          stacks: total((e) => e.stacks),
        },
      },
      findings: out.findings,
      actions: out.actions,
    };
  },
};

export const missingKpisSection: SectionAnalyzer = {
  id: 'missing_kpis',
  title: 'Missing KPIs',
  owner: 'ceo',
  analyze(context) {
    const out = new SectionFindings('missing_kpis', 'ceo', context.asOf);
    const required = context.portfolio.settings.required_kpis;
    const currency = context.portfolio.settings.currency;
    // Each entity's row and findings computed once per run (entity-rows.ts).
    const entities = entityRows(context, out, (entity, out) => {
      const actuals = new Map(
        entity.kpis
          .filter((k) => k.actual !== undefined && k.actual !== null)
          .map((k) => [k.id, k.actual!]),
      );
      const missing = (required[entity.kind] ?? []).filter((id) => !actuals.has(id));
      for (const kpi of missing) {
        out.add(
          {
            rule: 'kpi.missing',
            severity: 'warning',
            title: `${entity.name} has no actual for ${kpi}, a required KPI for ${entity.kind.replace('_', ' ')}`,
            entity: entity.id,
            subject: kpi,
            figures: { kpi },
          },
          `Start reporting ${kpi} for ${entity.name}`,
        );
      }
      const belowTarget = entity.kpis
        .filter((k) => {
          if (k.target === undefined || !actuals.has(k.id)) return false;
          // Judged as shown: an actual of 365.1 against 365.4 reads "$365 vs $365", on target.
          const shown = (value: number) => shownQuantity(value, k.unit, currency);
          const [actual, target] = [shown(actuals.get(k.id)!), shown(k.target)];
          return k.better === 'lower' ? actual > target : actual < target;
        })
        .map((k) => ({
          id: k.id,
          name: k.name,
          // The declared unit, so the values read "$8,400 vs $12,000", not "8400 vs 12000".
          unit: k.unit ?? null,
          target: k.target!,
          actual: actuals.get(k.id)!,
        }));
      return {
        id: entity.id,
        name: entity.name,
        missing,
        below_target: belowTarget,
        reported: entity.kpis
          .filter((k) => actuals.has(k.id))
          .map((k) => ({
            id: k.id,
            name: k.name,
            unit: k.unit ?? null,
            target: k.target ?? null,
            actual: actuals.get(k.id)!,
          })),
      };
    });
    return {
      data: { entities, missing: entities.reduce((n, e) => n + e.missing.length, 0) },
      findings: out.findings,
      actions: out.actions,
    };
  },
};

const domainResults = (context: AnalysisContext) =>
  DOMAIN_SECTIONS.map((id) => context.section(id));

export const criticalShortfallsSection: SectionAnalyzer = {
  id: 'critical_shortfalls',
  title: 'Critical shortfalls',
  owner: 'ceo',
  analyze(context) {
    const findings = [...domainResults(context), context.section('asset_inventory')].flatMap(
      (section) => section.findings.filter((f) => f.severity === 'critical'),
    );
    return {
      data: {
        shortfalls: findings.map((f) =>
          withFields(f, { entity_name: entityName(context.portfolio, f.entity) }),
        ),
      },
      findings: [],
      actions: [],
      gathered: { findings },
    };
  },
};

const PRIORITY_ORDER = { high: 0, medium: 1, low: 2 } as const;

/** The agenda's order: priority, then due date, then title. */
const byRank = (a: ActionItem, b: ActionItem) =>
  PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] ||
  compareText(a.due, b.due) ||
  compareText(a.title, b.title);

export function rankActions(actions: readonly ActionItem[]): ActionItem[] {
  return [...actions].sort(byRank);
}

/**
 * `rankActions(actions).slice(0, size)` without ordering the actions after the first `size`:
 * each action is compared with the last one kept and, when it ranks before it, put in its place
 * among the kept ones. Ties keep the given order, as the (stable) sort keeps them. The CEO's
 * agenda shows ten of a few hundred actions, and each comparison of titles goes through the
 * collator.
 */
export function firstRanked(actions: readonly ActionItem[], size: number): ActionItem[] {
  if (!Number.isInteger(size) || size < 0 || size >= actions.length)
    return rankActions(actions).slice(0, size);
  const kept: ActionItem[] = [];
  for (const action of actions) {
    // A later action that ties with the last kept one ranks after it (the sort is stable).
    if (kept.length === size && (size === 0 || byRank(action, kept[size - 1]!) >= 0)) continue;
    // The first kept action it ranks strictly before: it goes in front of that one.
    kept.splice(
      partitionPoint(kept, (other) => byRank(action, other) >= 0),
      0,
      action,
    );
    if (kept.length > size) kept.pop();
  }
  return kept;
}

export const agendaSection: SectionAnalyzer = {
  id: 'agenda',
  title: '30-day agenda',
  owner: 'ceo',
  analyze(context) {
    const horizon = addDays(context.asOf, 30);
    const all = [
      ...domainResults(context),
      context.section('asset_inventory'),
      context.section('missing_kpis'),
    ].flatMap((section) => section.actions);
    const within = all.filter((action) => action.due <= horizon);
    const size = context.thresholds.agenda_size;
    const listed = firstRanked(within, size);
    return {
      data: {
        horizon,
        items: listed.map((a) =>
          withFields(a, { owner_name: ownerName(context.portfolio, a.owner) }),
        ),
        more: Math.max(within.length - size, 0),
      },
      findings: [],
      actions: [],
      gathered: { actions: listed },
    };
  },
};

export const ceoSections = [
  assetInventorySection,
  missingKpisSection,
  criticalShortfallsSection,
  agendaSection,
];

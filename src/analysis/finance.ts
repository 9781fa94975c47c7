// The CFO's analyses: burn, runway, break-even, capital deployment and the financial rules.
// Definitions follow SPEC §2: trailing 3 full months before the as-of date.
import type { Entity, Portfolio } from '../config/load.js';
import type { Thresholds } from '../config/schema.js';
import { monthName, trailingMonths } from './dates.js';
import {
  formatRunway,
  money,
  moneyRatio,
  shownMoney,
  shownRatio,
  shownTenths,
  sumMoney,
} from '../figures.js';
import { round, SectionFindings } from './findings.js';
import { monthTotals } from './ledger.js';
import type { SectionAnalyzer } from './types.js';

export interface FinanceMetrics {
  readonly months: readonly string[];
  /** Months of the window with no ledger row at all: they are left out of the averages. */
  readonly missing_months: readonly string[];
  readonly cash_on_hand: number;
  readonly cash_as_of: string;
  readonly revenue_monthly: number | null;
  readonly gross_burn_monthly: number | null;
  readonly net_burn_monthly: number | null;
  /** null when not burning or when there is no data; see `burning`. */
  readonly runway_months: number | null;
  readonly burning: boolean | null;
  readonly fixed_costs_monthly: number | null;
  readonly variable_costs_monthly: number | null;
  readonly contribution_margin_ratio: number | null;
  readonly break_even_revenue_monthly: number | null;
}

/** Every money figure of one entity, computed once and shared by the CFO's sections. */
export function financeMetrics(entity: Entity, portfolio: Portfolio, asOf: string): FinanceMetrics {
  const months = trailingMonths(asOf, 3);
  const totals = monthTotals(entity, months);
  const withData = totals.filter((month) => month.rows > 0);
  const missing = totals.filter((month) => month.rows === 0).map((month) => month.month);
  const base = {
    months,
    missing_months: missing,
    cash_on_hand: money(entity.cash_on_hand.amount),
    cash_as_of: entity.cash_on_hand.as_of,
  };
  if (withData.length === 0) {
    return {
      ...base,
      revenue_monthly: null,
      gross_burn_monthly: null,
      net_burn_monthly: null,
      runway_months: null,
      burning: null,
      fixed_costs_monthly: null,
      variable_costs_monthly: null,
      contribution_margin_ratio: null,
      break_even_revenue_monthly: null,
    };
  }
  // Each average is rounded to the cent once; net burn is gross burn minus revenue as they
  // stand, so a row of the burn table adds up and profit elsewhere is exactly minus net burn.
  const average = (pick: (month: (typeof withData)[number]) => number) =>
    money(sumMoney(withData.map(pick)) / withData.length);
  const categoryAverage = (categories: readonly string[]) =>
    average((month) => sumMoney(categories.map((c) => month.spendingByCategory.get(c) ?? 0)));

  const revenue = average((month) => month.income);
  const grossBurn = average((month) => month.spending);
  const netBurn = money(grossBurn - revenue);
  const fixed = categoryAverage(portfolio.settings.cost_categories.fixed);
  const variable = categoryAverage(portfolio.settings.cost_categories.variable);
  const contribution = money(revenue - variable);
  const marginRatio = revenue > 0 ? moneyRatio(contribution, revenue) : null;
  // Judged as shown: a net burn that reads "$0" is not burning.
  const burning = shownMoney(netBurn) > 0;
  return {
    ...base,
    revenue_monthly: revenue,
    gross_burn_monthly: grossBurn,
    net_burn_monthly: netBurn,
    runway_months: burning ? shownTenths(moneyRatio(base.cash_on_hand, netBurn)!) : null,
    burning,
    fixed_costs_monthly: fixed,
    variable_costs_monthly: variable,
    contribution_margin_ratio: marginRatio === null ? null : round(marginRatio, 4),
    // fixed / (contribution / revenue), without rounding the ratio first; none while the margin
    // reads 0.0% or less.
    break_even_revenue_monthly:
      marginRatio !== null && shownRatio(marginRatio) > 0
        ? money((fixed * revenue) / contribution)
        : null,
  };
}

const metricsFor = (context: Parameters<SectionAnalyzer['analyze']>[0]) =>
  context.entities.map((entity) => ({
    entity,
    metrics: context.finance(entity),
  }));

export const burnSection: SectionAnalyzer = {
  id: 'burn',
  title: 'Burn and runway',
  owner: 'cfo',
  analyze(context) {
    const out = new SectionFindings('burn', 'cfo', context.asOf);
    const rows = metricsFor(context).map(({ entity, metrics }) => {
      if (metrics.missing_months.length === metrics.months.length) {
        out.add(
          {
            rule: 'finance.no-ledger',
            severity: 'warning',
            title: `${entity.name} has no ledger rows for ${metrics.months.map(monthName).join(', ')}`,
            entity: entity.id,
            figures: { months: metrics.months.join(', ') },
          },
          `Bring ${entity.name}'s ledger up to date`,
        );
      } else {
        for (const month of metrics.missing_months) {
          out.add(
            {
              rule: 'finance.missing-month',
              severity: 'warning',
              title: `${entity.name} has no ledger rows for ${monthName(month)}`,
              entity: entity.id,
              subject: month,
              figures: { month },
            },
            `Record ${entity.name}'s ${monthName(month)} transactions`,
          );
        }
      }
      return { id: entity.id, name: entity.name, ...metrics };
    });
    const known = rows.filter((row) => row.net_burn_monthly !== null);
    const totalNet = sumMoney(known.map((row) => row.net_burn_monthly!));
    const totalCash = sumMoney(rows.map((row) => row.cash_on_hand));
    const totalBurning = shownMoney(totalNet) > 0;
    return {
      data: {
        months: trailingMonths(context.asOf, 3).map(monthName),
        entities: rows,
        // With no ledger data anywhere the totals are unknown, not zero.
        total: {
          cash_on_hand: totalCash,
          gross_burn_monthly: known.length
            ? sumMoney(known.map((row) => row.gross_burn_monthly!))
            : null,
          net_burn_monthly: known.length ? totalNet : null,
          runway_months:
            known.length && totalBurning ? shownTenths(moneyRatio(totalCash, totalNet)!) : null,
          burning: known.length ? totalBurning : null,
        },
      },
      findings: out.findings,
      actions: out.actions,
    };
  },
};

export const breakEvenSection: SectionAnalyzer = {
  id: 'break_even',
  title: 'Break-even revenue',
  owner: 'cfo',
  analyze(context) {
    const out = new SectionFindings('break_even', 'cfo', context.asOf);
    const rows = metricsFor(context).map(({ entity, metrics }) => {
      const gap =
        metrics.break_even_revenue_monthly === null || metrics.revenue_monthly === null
          ? null
          : money(metrics.revenue_monthly - metrics.break_even_revenue_monthly);
      if (
        metrics.revenue_monthly !== null &&
        metrics.break_even_revenue_monthly === null &&
        metrics.fixed_costs_monthly !== null &&
        shownMoney(metrics.fixed_costs_monthly) > 0
      ) {
        out.add(
          {
            rule: 'finance.no-contribution-margin',
            severity: 'warning',
            title: `${entity.name} has no positive contribution margin: variable costs take all of its revenue`,
            entity: entity.id,
            figures: {
              revenue_monthly: metrics.revenue_monthly,
              variable_costs_monthly: metrics.variable_costs_monthly,
            },
          },
          `Reprice or cut variable costs at ${entity.name}`,
        );
      } else if (gap !== null && shownMoney(gap) < 0) {
        out.add(
          {
            rule: 'finance.below-break-even',
            severity: 'warning',
            title: `${entity.name} earns ${context.money(-gap)} a month less than its break-even revenue`,
            entity: entity.id,
            figures: {
              revenue_monthly: metrics.revenue_monthly,
              break_even_revenue_monthly: metrics.break_even_revenue_monthly,
              gap_monthly: gap,
            },
          },
          `Close ${entity.name}'s gap to break-even`,
        );
      }
      return {
        id: entity.id,
        name: entity.name,
        revenue_monthly: metrics.revenue_monthly,
        fixed_costs_monthly: metrics.fixed_costs_monthly,
        variable_costs_monthly: metrics.variable_costs_monthly,
        contribution_margin_ratio: metrics.contribution_margin_ratio,
        break_even_revenue_monthly: metrics.break_even_revenue_monthly,
        gap_monthly: gap,
      };
    });
    return { data: { entities: rows }, findings: out.findings, actions: out.actions };
  },
};

export const capitalDeploymentSection: SectionAnalyzer = {
  id: 'capital_deployment',
  title: 'Capital deployment',
  owner: 'cfo',
  analyze(context) {
    const out = new SectionFindings('capital_deployment', 'cfo', context.asOf);
    const all = metricsFor(context);
    // An entity with no ledger rows has no known burn, so no reserve can be set for it: its
    // cash is left out rather than counted as free to deploy.
    const unknown = all.filter(({ metrics: m }) => m.net_burn_monthly === null);
    for (const { entity } of unknown)
      out.add({
        rule: 'finance.reserve-unknown',
        severity: 'warning',
        title: `${entity.name} has no ledger rows in the last 3 months: its ${context.money(entity.cash_on_hand.amount)} is left out of capital deployment`,
        entity: entity.id,
        figures: { cash_on_hand: money(entity.cash_on_hand.amount) },
      });
    const metrics = all.filter(({ metrics: m }) => m.net_burn_monthly !== null);
    const cash = sumMoney(metrics.map(({ metrics: m }) => m.cash_on_hand));
    const burn = sumMoney(metrics.map(({ metrics: m }) => Math.max(m.net_burn_monthly!, 0)));
    const reserve = money(burn * context.thresholds.cash_reserve_months);
    const available = money(Math.max(cash - reserve, 0));
    // Judged as shown, and said in the two amounts the capital table shows.
    if (shownMoney(cash) < shownMoney(reserve) || shownMoney(cash) < 0) {
      out.add(
        {
          rule: 'finance.reserve-short',
          severity: 'critical',
          title:
            shownMoney(cash) < 0
              ? `Cash on hand is ${context.money(cash)}: below zero`
              : `Cash on hand (${context.money(cash)}) is under the ${context.thresholds.cash_reserve_months}-month reserve of net burn (${context.money(reserve)})`,
          entity: null,
          figures: { cash_on_hand: cash, reserve, shortfall: money(reserve - cash) },
        },
        'Rebuild the cash reserve before deploying capital',
      );
    }
    const allocations = context.portfolio.settings.capital_priorities.map((priority, index) => ({
      rank: index + 1,
      id: priority.id,
      title: priority.title,
      share: priority.share,
      amount: money(available * priority.share),
    }));
    return {
      data: {
        cash_on_hand: cash,
        net_burn_monthly: burn,
        reserve_months: context.thresholds.cash_reserve_months,
        reserve,
        available,
        allocations,
        left_out: unknown.map(({ entity }) => ({
          id: entity.id,
          name: entity.name,
          cash_on_hand: money(entity.cash_on_hand.amount),
        })),
      },
      findings: out.findings,
      actions: out.actions,
    };
  },
};

export interface FinancialRuleCheck {
  readonly rule: string;
  readonly entity: string | null;
  readonly entity_name: string;
  /** What the rule was checked on, beyond the entity (a channel's name). */
  readonly subject: string | null;
  /** How `limit` and `actual` read: months of runway, or money a month. */
  readonly unit: 'months' | 'money_monthly';
  readonly limit: number;
  readonly actual: number | null;
  readonly broken: boolean;
}

export const financialRulesSection: SectionAnalyzer = {
  id: 'financial_rules',
  title: 'Financial rules',
  owner: 'cfo',
  analyze(context) {
    const out = new SectionFindings('financial_rules', 'cfo', context.asOf);
    const checks: FinancialRuleCheck[] = [];
    const limits: Thresholds = context.thresholds;
    for (const { entity, metrics } of metricsFor(context)) {
      if (metrics.burning) {
        // Judged as shown (to a tenth): 5.96 months reads 6.0, which meets a 6-month minimum.
        const broken = metrics.runway_months! < limits.min_runway_months;
        checks.push({
          rule: `Runway of at least ${limits.min_runway_months} months`,
          entity: entity.id,
          entity_name: entity.name,
          subject: null,
          unit: 'months',
          limit: limits.min_runway_months,
          actual: metrics.runway_months,
          broken,
        });
        if (broken) {
          out.add(
            {
              rule: 'finance.runway-below-minimum',
              severity: 'critical',
              title: `${entity.name} has ${formatRunway(metrics.runway_months, true)} of runway, under the ${limits.min_runway_months}-month minimum`,
              entity: entity.id,
              figures: {
                runway_months: metrics.runway_months,
                min_runway_months: limits.min_runway_months,
                net_burn_monthly: metrics.net_burn_monthly,
                cash_on_hand: metrics.cash_on_hand,
              },
            },
            `Cut ${entity.name}'s net burn or raise cash to restore ${limits.min_runway_months} months of runway`,
          );
        }
      }
      for (const channel of context.channels(entity)) {
        if (!channel.unproven) continue;
        // Averaged over the months with spend data, kept to the cent, judged as shown.
        const monthly = money(channel.spend! / Math.max(channel.months, 1));
        const broken = shownMoney(monthly) > limits.max_unproven_channel_spend;
        checks.push({
          rule: `Unproven channel spend at most ${context.money(limits.max_unproven_channel_spend)} a month`,
          entity: entity.id,
          entity_name: entity.name,
          subject: channel.name,
          unit: 'money_monthly',
          limit: limits.max_unproven_channel_spend,
          actual: monthly,
          broken,
        });
        if (broken) {
          out.add(
            {
              rule: 'finance.unproven-spend-cap',
              severity: 'warning',
              title: `${entity.name} spends ${context.money(monthly)} a month on ${channel.name}, which has no attributed booking (cap ${context.money(limits.max_unproven_channel_spend)})`,
              entity: entity.id,
              subject: channel.id,
              figures: {
                channel: channel.id,
                spend_monthly: monthly,
                cap: limits.max_unproven_channel_spend,
              },
            },
            `Cap ${channel.name} spend at ${entity.name} until it shows bookings`,
          );
        }
      }
    }
    return {
      data: { checks, broken: checks.filter((check) => check.broken).length },
      findings: out.findings,
      actions: out.actions,
    };
  },
};

export const financeSections = [
  burnSection,
  breakEvenSection,
  capitalDeploymentSection,
  financialRulesSection,
];

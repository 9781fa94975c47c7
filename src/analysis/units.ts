// The unit managers' analyses: the rental property, yacht delivery operations, client billing.
import { daysBetween } from './dates.js';
import {
  formatDays,
  formatNumber,
  formatPercent,
  money,
  moneyRatio,
  shownMoney,
  shownRatio,
  shownTenths,
  sumMoney,
} from '../figures.js';
import { count, ratio, round, SectionFindings, sum } from './findings.js';
import { entityRows } from './entity-rows.js';
import { propertyOperations } from './noi.js';
import type { SectionAnalyzer } from './types.js';
import { agingChart, occupancyChart } from './charts-sections.js';
import { agree, possessive } from './words.js';
import { withFields } from './shapes.js';

export const propertySection: SectionAnalyzer = {
  id: 'property',
  title: 'Property performance',
  owner: 'manager',
  analyze(context) {
    const out = new SectionFindings('property', 'manager', context.asOf);
    // Each entity's row and findings computed once per run (entity-rows.ts).
    const properties = entityRows(context, out, (entity, out) => {
      if (!entity.tables.units && entity.assets.properties.length === 0) return null;
      const units = entity.tables.units ?? [];
      if (units.length === 0)
        out.add(
          {
            rule: 'property.no-units',
            severity: 'warning',
            title: `${entity.name} has no units.csv: occupancy and rent roll cannot be computed`,
            entity: entity.id,
          },
          `Record ${possessive(entity.name)} units and leases`,
        );
      const occupied = units.filter((unit) => unit.status === 'occupied');
      const exactOccupancy = ratio(occupied.length, units.length);
      const occupancy = exactOccupancy === null ? null : round(exactOccupancy, 4);
      // Judged as shown: 89.96% reads 90.0%, which is not under a 90% minimum.
      if (occupancy !== null && shownRatio(occupancy) < context.thresholds.min_occupancy) {
        const vacant = units.filter((unit) => unit.status === 'vacant').map((unit) => unit.unit);
        out.add(
          {
            rule: 'property.low-occupancy',
            severity: 'warning',
            title: `${entity.name} is ${formatPercent(occupancy)} occupied (vacant: ${vacant.join(', ')})`,
            entity: entity.id,
            figures: { occupancy, vacant: vacant.join(', ') },
          },
          `Lease the vacant units at ${entity.name}`,
        );
      }
      // NOI per property the entity holds, and over all of them (the entity's row).
      const operations = propertyOperations(entity, context);
      const whole = operations.whole;
      if (whole.noi_monthly === null)
        out.add({
          rule: 'property.no-ledger',
          severity: 'warning',
          title: `${entity.name} has no ledger rows in the last 3 months: NOI cannot be computed`,
          entity: entity.id,
        });
      for (const property of operations.unclaimed)
        out.add(
          {
            rule: 'property.no-accounts',
            severity: 'warning',
            title: `${entity.name} holds ${count(entity.assets.properties.length, 'property', 'properties')}, and no account is named as ${possessive(property)}: its NOI cannot be told apart`,
            entity: entity.id,
            subject: property.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
            figures: { property },
          },
          `List ${possessive(property)} accounts under its \`accounts:\` in ${possessive(entity.name)} file`,
        );
      if (operations.unlisted_debt.length > 0) {
        const debt = operations.unlisted_debt;
        const postings = debt.reduce((n, d) => n + d.postings, 0);
        out.add(
          {
            rule: 'property.unlisted-debt-service',
            severity: 'warning',
            title: `${entity.name}: ${count(postings, 'posting')} in the last 3 months to ${debt.map((d) => d.account).join(', ')} ${agree(postings, 'looks', 'look')} like debt service, which cost_categories.debt_service does not list: interest booked as an expense lowers NOI`,
            entity: entity.id,
            figures: {
              accounts: debt.map((d) => d.account).join(', '),
              postings,
              amount: sumMoney(debt.map((d) => d.amount)),
            },
          },
          `List ${debt.map((d) => d.account).join(', ')} under cost_categories.debt_service in portfolio.yml, if ${agree(debt.length, 'it is', 'they are')} ${possessive(entity.name)} loan`,
        );
      }
      if (operations.unattributed.entries > 0) {
        // Debt service is not in NOI: named, and where it counts said, only when there is some.
        const { income, expenses, debt_service: debt } = operations.unattributed;
        out.add({
          rule: 'property.unattributed',
          severity: 'info',
          title: `${entity.name}: ${count(operations.unattributed.entries, 'posting')} of operating income, expenses or debt service in the last 3 months name no one property (income ${context.money(income)}, expenses ${context.money(expenses)}${debt !== 0 ? `, debt service ${context.money(debt)}` : ''}): they count in the entity's ${debt !== 0 ? 'NOI and debt service' : 'NOI'}, not in any property's`,
          entity: entity.id,
          figures: { ...operations.unattributed },
        });
      }
      const maintenance = (entity.tables.maintenance ?? [])
        .filter((item) => item.status === 'open')
        .map((item) => withFields(item, { age_days: daysBetween(item.opened, context.asOf) }));
      for (const item of maintenance.filter((m) => m.age_days > 30)) {
        out.add(
          {
            rule: 'property.stale-maintenance',
            severity: 'warning',
            title: `${entity.name}: "${item.item}" open for ${count(item.age_days, 'day')}`,
            entity: entity.id,
            subject: `${item.opened}-${item.item.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
            figures: { age_days: item.age_days, estimate: item.estimate },
          },
          `Fix "${item.item}" at ${entity.name}`,
        );
      }
      return {
        id: entity.id,
        name: entity.name,
        address:
          entity.assets.properties.length === 1 ? entity.assets.properties[0]!.address : null,
        units: units.length,
        occupied: occupied.length,
        occupancy,
        rent_roll: units.map((unit) => ({
          unit: unit.unit,
          tenant: unit.tenant ?? null,
          rent: unit.rent,
          status: unit.status,
          lease_end: unit.lease_end ?? null,
        })),
        scheduled_rent_monthly: sumMoney(occupied.map((unit) => unit.rent)),
        ...whole,
        holdings: operations.holdings,
        open_maintenance: maintenance,
        open_maintenance_estimate: sumMoney(maintenance.map((m) => m.estimate)),
        // The rent roll as bars, occupied against vacant (charts-sections.ts).
        occupancy_chart: occupancyChart(
          entity.name,
          occupancy,
          units,
          context.portfolio.settings.currency,
        ),
      };
    }).filter((row) => row !== null);
    return { data: { properties }, findings: out.findings, actions: out.actions };
  },
};

const DELIVERY_STEPS = [
  ['quoted', 'accepted'],
  ['accepted', 'departed'],
  ['departed', 'delivered'],
  ['delivered', 'invoiced'],
] as const;

export const deliveryOpsSection: SectionAnalyzer = {
  id: 'delivery_ops',
  title: 'Delivery operations',
  owner: 'manager',
  analyze(context) {
    const out = new SectionFindings('delivery_ops', 'manager', context.asOf);
    // Each entity's row and findings computed once per run (entity-rows.ts).
    const units = entityRows(context, out, (entity, out) => {
      if (!entity.tables.deliveries) return null;
      const deliveries = entity.tables.deliveries.map((row) => {
        const exactMargin = moneyRatio(money(row.revenue - row.cost), row.revenue);
        const margin = exactMargin === null ? null : round(exactMargin, 4);
        // Judged as shown, to a tenth of a percent.
        if (
          margin !== null &&
          row.delivered &&
          shownRatio(margin) < context.thresholds.min_delivery_margin
        ) {
          out.add(
            {
              rule: 'delivery.low-margin',
              severity: 'warning',
              title: `${entity.name}: delivery ${row.delivery_id} (${row.vessel}) earned a ${formatPercent(margin)} margin`,
              entity: entity.id,
              subject: row.delivery_id,
              figures: { revenue: row.revenue, cost: row.cost, margin },
            },
            `Review pricing for deliveries like ${row.delivery_id}`,
          );
        }
        if (row.delivered && !row.invoiced) {
          const days = daysBetween(row.delivered, context.asOf);
          out.add(
            {
              rule: 'delivery.not-invoiced',
              severity: days > context.thresholds.slow_step_days ? 'warning' : 'info',
              title: `${entity.name}: delivery ${row.delivery_id} delivered ${count(days, 'day')} ago and not invoiced`,
              entity: entity.id,
              subject: row.delivery_id,
              figures: { days, revenue: row.revenue },
            },
            `Invoice delivery ${row.delivery_id}`,
          );
        }
        return {
          delivery_id: row.delivery_id,
          vessel: row.vessel,
          revenue: row.revenue,
          cost: row.cost,
          margin,
          stage: DELIVERY_STEPS.reduce<string>((stage, [, to]) => (row[to] ? to : stage), 'quoted'),
        };
      });
      const timings = DELIVERY_STEPS.map(([from, to]) => {
        const durations = entity.tables
          .deliveries!.filter((row) => row[from] && row[to])
          .map((row) => daysBetween(row[from]!, row[to]!));
        return {
          step: `${from} → ${to}`,
          deliveries: durations.length,
          // Kept as shown, to a tenth of a day, and judged so.
          average_days: durations.length ? shownTenths(sum(durations) / durations.length) : null,
        };
      });
      const steps = timings;
      const slowest = timings
        .filter((t) => t.average_days !== null)
        .reduce<(typeof timings)[number] | null>(
          (best, t) => (best === null || t.average_days! > best.average_days! ? t : best),
          null,
        );
      if (slowest && slowest.average_days! > context.thresholds.slow_step_days) {
        out.add(
          {
            rule: 'delivery.slow-step',
            severity: 'warning',
            title: `${entity.name}: ${slowest.step} takes ${formatDays(slowest.average_days!)} on average`,
            entity: entity.id,
            figures: {
              step: slowest.step,
              average_days: slowest.average_days,
              limit_days: context.thresholds.slow_step_days,
            },
          },
          `Shorten the ${slowest.step} step at ${entity.name}`,
        );
      }
      const revenue = sumMoney(deliveries.map((d) => d.revenue));
      const cost = sumMoney(deliveries.map((d) => d.cost));
      const margin = moneyRatio(money(revenue - cost), revenue);
      return {
        id: entity.id,
        name: entity.name,
        deliveries,
        steps,
        slowest,
        revenue,
        cost,
        margin: margin === null ? null : round(margin, 4),
      };
    }).filter((row) => row !== null);
    return { data: { units }, findings: out.findings, actions: out.actions };
  },
};

export const AGING_BUCKETS = ['current', '0-30', '31-60', '61-90', '90+'] as const;

function agingBucket(daysPastDue: number): (typeof AGING_BUCKETS)[number] {
  if (daysPastDue <= 0) return 'current';
  if (daysPastDue <= 30) return '0-30';
  if (daysPastDue <= 60) return '31-60';
  if (daysPastDue <= 90) return '61-90';
  return '90+';
}

export const clientBillingSection: SectionAnalyzer = {
  id: 'client_billing',
  title: 'Client billing',
  owner: 'manager',
  analyze(context) {
    const out = new SectionFindings('client_billing', 'manager', context.asOf);
    // Each entity's row and findings computed once per run (entity-rows.ts).
    const portfolios = entityRows(context, out, (entity, out) => {
      if (!entity.tables.invoices && !entity.tables.timesheets) return null;
      const unbilledRows = (entity.tables.timesheets ?? []).filter(
        (row) => !row.invoice && row.date <= context.asOf,
      );
      const unbilled = new Map<string, { hours: number; amount: number }>();
      for (const row of unbilledRows) {
        const total = unbilled.get(row.client) ?? { hours: 0, amount: 0 };
        unbilled.set(row.client, {
          hours: total.hours + row.hours,
          amount: sumMoney([total.amount, row.hours * row.rate]),
        });
      }
      const unbilledList = [...unbilled.entries()].map(([client, t]) => ({
        client,
        hours: round(t.hours),
        amount: t.amount,
      }));
      const unbilledTotal = sumMoney(unbilledList.map((u) => u.amount));
      if (shownMoney(unbilledTotal) > 0)
        out.add(
          {
            rule: 'billing.unbilled-hours',
            severity: 'warning',
            title: `${entity.name}: ${formatNumber(sum(unbilledList.map((u) => u.hours)), 2)} hours worth ${context.money(unbilledTotal)} logged but not billed`,
            entity: entity.id,
            figures: {
              hours: round(sum(unbilledList.map((u) => u.hours))),
              amount: unbilledTotal,
            },
          },
          `Invoice ${possessive(entity.name)} unbilled hours`,
        );

      const open = (entity.tables.invoices ?? [])
        // Open on the as-of date: not paid yet, or paid only after it.
        .filter((inv) => (!inv.paid || inv.paid > context.asOf) && inv.issued <= context.asOf)
        .map((inv) => {
          const daysPastDue = daysBetween(inv.due, context.asOf);
          return {
            invoice_id: inv.invoice_id,
            client: inv.client,
            amount: inv.amount,
            due: inv.due,
            days_past_due: daysPastDue,
            bucket: agingBucket(daysPastDue),
          };
        });
      const aging = AGING_BUCKETS.map((bucket) => ({
        bucket,
        invoices: open.filter((i) => i.bucket === bucket).length,
        amount: sumMoney(open.filter((i) => i.bucket === bucket).map((i) => i.amount)),
      }));
      for (const invoice of open.filter(
        (i) => i.days_past_due > context.thresholds.overdue_escalation_days,
      )) {
        out.add(
          {
            rule: 'billing.overdue-invoice',
            severity: invoice.days_past_due > 90 ? 'critical' : 'warning',
            title: `${entity.name}: invoice ${invoice.invoice_id} to ${invoice.client} (${context.money(invoice.amount)}) is ${count(invoice.days_past_due, 'day')} overdue`,
            entity: entity.id,
            subject: invoice.invoice_id,
            figures: { amount: invoice.amount, days_past_due: invoice.days_past_due },
          },
          `Chase ${invoice.client} for invoice ${invoice.invoice_id}`,
        );
      }

      const clients = entity.tables.clients ?? [];
      const acquisitionCost = clients.length
        ? money(sumMoney(clients.map((c) => c.acquisition_cost)) / clients.length)
        : null;

      const revenueByClient = new Map<string, number>();
      for (const inv of (entity.tables.invoices ?? []).filter((i) => i.issued <= context.asOf))
        revenueByClient.set(
          inv.client,
          sumMoney([revenueByClient.get(inv.client) ?? 0, inv.amount]),
        );
      const totalRevenue = sumMoney(revenueByClient.values());
      const byRevenue = [...revenueByClient.entries()].sort((a, b) => b[1] - a[1]);
      const concentration = byRevenue.map(([client, amount]) => {
        const share = moneyRatio(amount, totalRevenue);
        return { client, revenue: amount, share: share === null ? null : round(share, 4) };
      });
      const largest = concentration[0];
      // Judged as shown: a share that reads 40.0% is not over a 40% limit.
      if (
        largest?.share != null &&
        shownRatio(largest.share) > context.thresholds.max_client_share
      ) {
        out.add(
          {
            rule: 'billing.concentration',
            severity: 'warning',
            title: `${entity.name}: ${largest.client} is ${formatPercent(largest.share)} of invoiced revenue`,
            entity: entity.id,
            figures: {
              client: largest.client,
              share: largest.share,
              limit: context.thresholds.max_client_share,
            },
          },
          `Win clients to bring ${largest.client} under ${round(context.thresholds.max_client_share * 100, 0)}% of revenue`,
        );
      }
      return {
        id: entity.id,
        name: entity.name,
        unbilled: unbilledList,
        unbilled_total: unbilledTotal,
        open_invoices: open,
        aging,
        receivable: sumMoney(open.map((i) => i.amount)),
        clients: clients.length,
        acquisition_cost: acquisitionCost,
        concentration,
        largest_share: largest?.share ?? null,
        // The aging table's amounts as bars (charts-sections.ts).
        aging_chart: agingChart(entity.name, aging, context.portfolio.settings.currency),
      };
    }).filter((row) => row !== null);
    return { data: { portfolios }, findings: out.findings, actions: out.actions };
  },
};

export const unitSections = [propertySection, deliveryOpsSection, clientBillingSection];

// The CFO's analyses: burn, runway, break-even, capital deployment and the financial rules.
// Definitions follow SPEC §2: trailing 3 full months before the as-of date, every figure from
// the books by account type (README "Bring your books").
import type { Entity, Portfolio } from '../config/load.js';
import { thresholdDefaults, type Thresholds } from '../config/schema.js';
import { costClassifier, type CostClassifier } from '../books/cost-classes.js';
import { cashBalance } from '../books/totals.js';
import { cachedIn } from '../collections.js';
import { addDays, addMonths, daysBetween, monthName, trailingMonths } from './dates.js';
import {
  formatRunway,
  money,
  moneyRatio,
  shownMoney,
  shownRatio,
  shownTenths,
  sumMoney,
  toCents,
} from '../figures.js';
import { bookChecks, booksOf, type BookChecks } from './books.js';
import { count, round, SectionFindings } from './findings.js';
import { entityRows } from './entity-rows.js';
import { monthTotals, partialMonths, type PartialMonth } from './ledger.js';
import { agree, possessive } from './words.js';
import { leftOutOfRunway, portfolioRunway } from './portfolio-runway.js';
import { revenueSpendingChart } from './trend-chart.js';
import { entityCashRunway, portfolioCashRunwayChart, type DayFinance } from './charts-cash.js';
import type { SectionAnalyzer } from './types.js';
import { withFields } from './shapes.js';
import { mapPacked } from './packed.js';

/** The entity file's hand-typed cash_on_hand, and whether it can be used as it stands. */
export interface CashOverride {
  readonly amount: number;
  readonly as_of: string;
  /** Days from its date to the as-of date (negative: dated after it). */
  readonly age_days: number;
  /**
   * `stale`: older than max_cash_age_days (a finding; used only when the books have no cash
   * account, else the books' balance at the as-of date wins); `future`: dated after the as-of
   * date (not used: the books' balance or no data instead, and a finding).
   */
  readonly problem: 'stale' | 'future' | null;
}

export interface FinanceMetrics {
  readonly months: readonly string[];
  /** Months of the window with no ledger row at all: they are left out of the averages. */
  readonly missing_months: readonly string[];
  /**
   * Months of the window the books cover only in part (they end or start inside it): left out
   * of the averages like a missing month. See partialMonths.
   */
  readonly partial_months: readonly PartialMonth[];
  /**
   * The import checks over the window's months (flipped signs, untyped accounts, unpriced
   * commodities). An entity with flipped accounts has figures that cannot be taken as they stand:
   * the criticals computed from them say so.
   */
  readonly checks: BookChecks;
  /**
   * Cash on hand: the books' cash accounts at the as-of date, or the entity file's override;
   * null when neither gives a figure that can be used.
   */
  readonly cash_on_hand: number | null;
  readonly cash_as_of: string | null;
  readonly cash_source: 'books' | 'override' | null;
  readonly cash_override: CashOverride | null;
  /** Revenue: the income accounts' movement, sign turned, a month. */
  readonly revenue_monthly: number | null;
  /** Spending: the expense accounts' movement, a month. */
  readonly gross_burn_monthly: number | null;
  /** Operating net burn: spending − revenue, a month (negative: the operation earns). */
  readonly net_burn_monthly: number | null;
  /** Cash burn: the fall in the cash accounts, a month; null when the books mark none cash. */
  readonly cash_burn_monthly: number | null;
  /** The burn runway divides by: cash burn where the books give it, else operating net burn. */
  readonly runway_basis: 'cash' | 'operating' | null;
  /**
   * Cash on hand / the runway burn, to a tenth; null when not burning, when there is no data, or
   * when cash on hand is zero or below (no runway at all: see `no_cash`).
   */
  readonly runway_months: number | null;
  /** Burning with cash on hand of zero or below (as shown): runway reads "no cash". */
  readonly no_cash: boolean;
  readonly burning: boolean | null;
  readonly fixed_costs_monthly: number | null;
  readonly variable_costs_monthly: number | null;
  /** Spending in categories cost_categories lists neither fixed nor variable, a month. */
  readonly unclassified_costs_monthly: number | null;
  readonly unclassified_categories: readonly { category: string; monthly: number }[];
  readonly contribution_margin_ratio: number | null;
  readonly break_even_revenue_monthly: number | null;
}

/** The burn runway is computed on (cash burn where the books give it): reserves use the same. */
export function runwayBurn(
  metrics: Pick<FinanceMetrics, 'runway_basis' | 'cash_burn_monthly' | 'net_burn_monthly'>,
): number | null {
  return metrics.runway_basis === 'cash' ? metrics.cash_burn_monthly : metrics.net_burn_monthly;
}

/**
 * Cash on hand at `asOf`: an override dated on or before `asOf` and within `maxAgeDays` of it,
 * else the books' cash accounts at `asOf` (every posting up to it, opening balances included),
 * else a stale override (books with no cash account), else unknown.
 */
function cashOnHand(
  entity: Entity,
  portfolio: Portfolio,
  asOf: string,
  maxAgeDays: number,
): Pick<FinanceMetrics, 'cash_on_hand' | 'cash_as_of' | 'cash_source' | 'cash_override'> {
  const journal = booksOf(entity, portfolio);
  const typed = entity.cash_on_hand;
  const override: CashOverride | null = typed
    ? {
        amount: money(typed.amount),
        as_of: typed.as_of,
        age_days: daysBetween(typed.as_of, asOf),
        problem: null,
      }
    : null;
  const problem: CashOverride['problem'] =
    override === null
      ? null
      : override.age_days < 0
        ? 'future'
        : override.age_days > maxAgeDays
          ? 'stale'
          : null;
  const cash_override = override && withFields(override, { problem });
  // A stale override never beats books that give a balance at the as-of date.
  if (cash_override && (problem === null || (problem === 'stale' && !journal.hasCash)))
    return {
      cash_on_hand: cash_override.amount,
      cash_as_of: cash_override.as_of,
      cash_source: 'override',
      cash_override,
    };
  // Before the books' first posting their cash accounts say nothing: unknown, not $0.
  if (journal.hasCash && journal.postings[0]!.date <= asOf) {
    const { balance } = cashBalance(journal.postings, journal.prices, journal.chart, asOf, {
      currency: journal.currency,
    });
    return { cash_on_hand: balance / 100, cash_as_of: asOf, cash_source: 'books', cash_override };
  }
  return { cash_on_hand: null, cash_as_of: null, cash_source: null, cash_override };
}

/**
 * Every money figure of one entity, computed once and shared by the CFO's sections: averages
 * over the months of the trailing window that have rows, by account type. `limits` defaults to
 * portfolio.yml's thresholds (the analyzer passes the CFO's).
 */
export function financeMetrics(
  entity: Entity,
  portfolio: Portfolio,
  asOf: string,
  limits: Pick<Thresholds, 'max_cash_age_days'> = {
    max_cash_age_days:
      portfolio.settings.thresholds.max_cash_age_days ?? thresholdDefaults.max_cash_age_days,
  },
): FinanceMetrics {
  return financeFigures(entity, portfolio, asOf, limits, true) as FinanceMetrics;
}

/**
 * financeMetrics without its book checks (`checks` is absent), the same figures otherwise: a
 * day's figures for the 12-month cash chart, which shows cash and runway and never the checks,
 * whose pass over the window's postings would be a third of the chart's time.
 */
export function dayFinanceMetrics(
  entity: Entity,
  portfolio: Portfolio,
  day: string,
  limits: Pick<Thresholds, 'max_cash_age_days'>,
): Omit<FinanceMetrics, 'checks'> {
  return financeFigures(entity, portfolio, day, limits, false);
}

/**
 * The classifier of a portfolio's cost_categories, made once per categories object (the loaded
 * settings are never changed): financeFigures runs for every entity as of the as-of date and as
 * of each 1st of the cash chart's 12 months, and building the classifier's charts each time cost
 * more than the figures it classifies. Held weakly: it goes with the settings.
 */
const costClasses = new WeakMap<object, CostClassifier>();

function costClassesOf(categories: Parameters<typeof costClassifier>[0]): CostClassifier {
  return cachedIn(costClasses, categories, costClassifier);
}

function financeFigures(
  entity: Entity,
  portfolio: Portfolio,
  asOf: string,
  limits: Pick<Thresholds, 'max_cash_age_days'>,
  withChecks: boolean,
): Omit<FinanceMetrics, 'checks'> & { checks?: FinanceMetrics['checks'] } {
  const months = trailingMonths(asOf, 3);
  const totals = monthTotals(entity, months, portfolio);
  // The months that count: those with rows, less those the books cover only in part.
  const partial = partialMonths(entity, months, portfolio);
  const withData = totals.filter(
    (month) => month.rows > 0 && !partial.some((p) => p.month === month.month),
  );
  const missing = totals.filter((month) => month.rows === 0).map((month) => month.month);
  const base = {
    months,
    missing_months: missing,
    partial_months: partial,
    // In this place, so that the figures' keys keep their order in the report's JSON.
    ...(withChecks
      ? {
          checks: bookChecks(
            booksOf(entity, portfolio),
            `${months[0]}-01`,
            addDays(`${addMonths(months.at(-1)!, 1)}-01`, -1),
          ),
        }
      : {}),
    no_cash: false,
    ...cashOnHand(entity, portfolio, asOf, limits.max_cash_age_days),
  };
  if (withData.length === 0) {
    return {
      ...base,
      revenue_monthly: null,
      gross_burn_monthly: null,
      net_burn_monthly: null,
      cash_burn_monthly: null,
      runway_basis: null,
      runway_months: null,
      burning: null,
      fixed_costs_monthly: null,
      variable_costs_monthly: null,
      unclassified_costs_monthly: null,
      unclassified_categories: [],
      contribution_margin_ratio: null,
      break_even_revenue_monthly: null,
    };
  }
  // Each average is rounded to the cent once; net burn is gross burn minus revenue as they
  // stand, so a row of the burn table adds up and profit elsewhere is exactly minus net burn.
  const average = (pick: (month: (typeof withData)[number]) => number) =>
    money(sumMoney(withData.map(pick)) / withData.length);
  const classes = costClassesOf(portfolio.settings.cost_categories);
  const categories = [...new Set(withData.flatMap((m) => [...m.spendingByCategory.keys()]))];
  const classAverage = (wanted: string | undefined) =>
    average((month) =>
      sumMoney(
        mapPacked(
          [...month.spendingByCategory].filter(
            ([category]) => classes.classOf(category) === wanted,
          ),
          ([, amount]) => amount,
        ),
      ),
    );

  const revenue = average((month) => month.income);
  const grossBurn = average((month) => month.spending);
  const netBurn = money(grossBurn - revenue);
  const hasCash = withData.every((month) => month.cashChange !== null);
  const cashBurn = hasCash ? average((month) => -month.cashChange!) : null;
  const basis = cashBurn === null ? 'operating' : 'cash';
  const burn = cashBurn ?? netBurn;
  const fixed = classAverage('fixed');
  const variable = classAverage('variable');
  const unclassified = categories
    .filter((category) => classes.classOf(category) === undefined)
    .map((category) => ({
      category,
      monthly: average((month) => month.spendingByCategory.get(category) ?? 0),
    }))
    .filter((c) => toCents(c.monthly) !== 0);
  const contribution = money(revenue - variable);
  const marginRatio = revenue > 0 ? moneyRatio(contribution, revenue) : null;
  // Judged as shown: a burn that reads "$0" is not burning.
  const burning = shownMoney(burn) > 0;
  return {
    ...base,
    revenue_monthly: revenue,
    gross_burn_monthly: grossBurn,
    net_burn_monthly: netBurn,
    cash_burn_monthly: cashBurn,
    runway_basis: basis,
    runway_months: burning ? runwayMonths(base.cash_on_hand, burn) : null,
    no_cash: burning && base.cash_on_hand !== null && shownMoney(base.cash_on_hand) <= 0,
    burning,
    fixed_costs_monthly: fixed,
    variable_costs_monthly: variable,
    // What gross burn leaves after fixed and variable, as they stand: the three add up to gross
    // burn to the cent (each category's own average, rounded apart, can sum a cent or two off).
    unclassified_costs_monthly: unclassified.length > 0 ? money(grossBurn - fixed - variable) : 0,
    unclassified_categories: unclassified,
    contribution_margin_ratio: marginRatio === null ? null : round(marginRatio, 4),
    // fixed / (contribution / revenue), without rounding the ratio first; none while the margin
    // reads 0.0% or less.
    break_even_revenue_monthly:
      marginRatio !== null && shownRatio(marginRatio) > 0
        ? money((fixed * revenue) / contribution)
        : null,
  };
}

/**
 * Months of runway: cash / burn (a month, > 0), to a tenth. Null when cash is unknown, or zero
 * or below as shown: runway is not a number then ("no cash"), never "−5.2 months".
 */
export function runwayMonths(cash: number | null, burn: number): number | null {
  if (cash === null || shownMoney(cash) <= 0) return null;
  return shownTenths(moneyRatio(cash, burn)!);
}

/**
 * What a critical computed from an entity's figures adds when its books' signs look flipped:
 * " (figures doubtful: the signs of Income:Sales look flipped)", or "" when none do.
 */
function signDoubt(metrics: Pick<FinanceMetrics, 'checks'>): string {
  const accounts = metrics.checks.flipped.map((a) => a.account);
  return accounts.length === 0
    ? ''
    : ` (figures doubtful: the signs of ${accounts.join(', ')} look flipped)`;
}

function withoutChecks({ checks: _checks, ...figures }: FinanceMetrics) {
  return figures;
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
    // Each entity's cash and runway on the 1st of the last 12 months: its chart, the portfolio's.
    const cashRunway = (entity: Entity) =>
      context.perEntity('burn:cash-runway', entity, () =>
        entityCashRunway(
          entity,
          context.portfolio,
          context.asOf,
          context.thresholds.max_cash_age_days,
        ),
      );
    // Each entity's row and findings computed once per run (entity-rows.ts).
    const rows = entityRows(context, out, (entity, out) => {
      const metrics = context.finance(entity);
      const history = cashRunway(entity);
      if (metrics.missing_months.length === metrics.months.length) {
        out.add(
          {
            rule: 'finance.no-ledger',
            severity: 'warning',
            title: `${entity.name} has no ledger rows for ${metrics.months.map(monthName).join(', ')}`,
            entity: entity.id,
            figures: { months: metrics.months.join(', ') },
          },
          `Bring ${possessive(entity.name)} ledger up to date`,
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
            `Record ${possessive(entity.name)} ${monthName(month)} transactions`,
          );
        }
      }
      partialFindings(out, entity, metrics);
      cashFindings(out, context, entity, metrics);
      importFindings(out, context, entity, metrics);
      return {
        id: entity.id,
        name: entity.name,
        // The import checks are findings already, not a figure of the table.
        ...withoutChecks(metrics),
        // 12 months of revenue against spending: a ChartSpec the template places with `| chart`.
        chart: revenueSpendingChart(entity, context.portfolio, context.asOf),
        // Cash on hand and runway on the 1st of each month (charts-cash.ts); null: no cash data.
        cash_chart: history.chart,
        // Both burns are shown where they differ (a transfer, loan principal, a capital purchase).
        burns_differ:
          metrics.cash_burn_monthly !== null &&
          metrics.net_burn_monthly !== null &&
          shownMoney(metrics.cash_burn_monthly) !== shownMoney(metrics.net_burn_monthly),
      };
    });
    const firsts: DayFinance[][] = context.entities.map((entity) => cashRunway(entity).points);
    const known = rows.filter((row) => row.net_burn_monthly !== null);
    const totalNet = sumMoney(known.map((row) => row.net_burn_monthly!));
    // Runway over the entities whose burn and cash are both known (portfolio-runway.ts).
    const runway = portfolioRunway(rows);
    return {
      data: {
        months: trailingMonths(context.asOf, 3).map(monthName),
        entities: rows,
        // The portfolio row's cash and runway on the same days (the CEO's chart).
        cash_chart: portfolioCashRunwayChart(
          context.asOf,
          firsts,
          context.portfolio.settings.currency,
        ),
        // With no ledger data anywhere the totals are unknown, not zero.
        total: {
          cash_on_hand: runway.cash_on_hand,
          revenue_monthly: known.length ? sumMoney(known.map((row) => row.revenue_monthly!)) : null,
          gross_burn_monthly: known.length
            ? sumMoney(known.map((row) => row.gross_burn_monthly!))
            : null,
          net_burn_monthly: known.length ? totalNet : null,
          // The burn the runway divides by: each entity's cash burn where its books give it,
          // else its operating net burn.
          runway_burn_monthly: runway.runway_burn_monthly,
          runway_months: runway.runway_months,
          no_cash: runway.no_cash,
          burning: runway.burning,
          // Named, not silently dropped: the entities whose burn or cash is unknown.
          left_out: leftOutOfRunway(rows),
        },
      },
      findings: out.findings,
      actions: out.actions,
    };
  },
};

/**
 * Books that end or start inside the window: one finding per month left out, naming the books'
 * last (or first) date.
 */
function partialFindings(out: SectionFindings, entity: Entity, metrics: FinanceMetrics): void {
  for (const p of metrics.partial_months)
    out.add(
      {
        rule: 'finance.partial-month',
        severity: 'warning',
        title:
          p.edge === 'end'
            ? `${possessive(entity.name)} books end on ${p.date}, inside ${monthName(p.month)}: that month is left out of the averages`
            : `${possessive(entity.name)} books start on ${p.date}, inside ${monthName(p.month)}: that month is left out of the averages`,
        entity: entity.id,
        subject: p.month,
        figures: { month: p.month, [p.edge === 'end' ? 'last_date' : 'first_date']: p.date },
      },
      p.edge === 'end'
        ? `Bring ${possessive(entity.name)} books up to date past ${monthName(p.month)}`
        : `Record ${possessive(entity.name)} ${monthName(p.month)} transactions before ${p.date}`,
    );
}

/** A cash figure that cannot be trusted as it stands, or none at all: one finding. */
function cashFindings(
  out: SectionFindings,
  context: Parameters<SectionAnalyzer['analyze']>[0],
  entity: Entity,
  metrics: FinanceMetrics,
): void {
  const override = metrics.cash_override;
  const limit = context.thresholds.max_cash_age_days;
  if (override?.problem === 'future') {
    out.add(
      {
        rule: 'finance.cash-after-as-of',
        severity: 'warning',
        title:
          `${possessive(entity.name)} cash on hand (${context.money(override.amount)}) is dated ${override.as_of}, after the as-of date ${context.asOf}: ` +
          (metrics.cash_source === 'books'
            ? `the books' balance (${context.money(metrics.cash_on_hand!)}) is used instead`
            : 'it is not used, and cash on hand is unknown'),
        entity: entity.id,
        figures: {
          cash_on_hand_typed: override.amount,
          typed_as_of: override.as_of,
          cash_on_hand: metrics.cash_on_hand,
        },
      },
      `Correct the date of ${possessive(entity.name)} cash on hand`,
    );
  } else if (override?.problem === 'stale') {
    out.add(
      {
        rule: 'finance.stale-cash',
        severity: 'warning',
        title:
          `${possessive(entity.name)} cash on hand (${context.money(override.amount)}) is ${count(override.age_days, 'day')} old (as of ${override.as_of}; at most ${limit})` +
          (metrics.cash_source === 'books'
            ? `: the books' balance at ${context.asOf} (${context.money(metrics.cash_on_hand!)}) is used instead`
            : ''),
        entity: entity.id,
        figures: {
          cash_on_hand: override.amount,
          as_of: override.as_of,
          age_days: override.age_days,
          max_cash_age_days: limit,
          ...(metrics.cash_source === 'books' ? { books_cash_on_hand: metrics.cash_on_hand } : {}),
        },
      },
      `Update ${possessive(entity.name)} cash on hand`,
    );
  } else if (metrics.cash_on_hand === null) {
    out.add(
      {
        rule: 'finance.no-cash',
        severity: 'warning',
        title: `${entity.name} has no cash on hand: its books mark no account cash and its file sets no cash_on_hand`,
        entity: entity.id,
      },
      `Mark ${possessive(entity.name)} bank accounts as cash (cash: true) or set its cash_on_hand`,
    );
  }
}

/** What a bad import leaves in the books: one finding per account or commodity, never per row. */
function importFindings(
  out: SectionFindings,
  context: Parameters<SectionAnalyzer['analyze']>[0],
  entity: Entity,
  metrics: FinanceMetrics,
): void {
  const checks = metrics.checks;
  // The window's last day: the checks cover the months the figures are averaged over.
  const span = `from ${checks.window.from} to ${addDays(checks.window.to, -1)}`;
  for (const a of checks.flipped) {
    const income = a.type === 'income';
    const what = income ? 'revenue' : 'spending';
    out.add(
      {
        rule: 'finance.flipped-signs',
        severity: 'warning',
        title: `${entity.name}: ${a.reducing} of ${count(a.postings, 'posting')} to ${income ? 'income account' : a.category ? 'spending category' : 'expense account'} ${a.account} reduce ${income ? 'income' : 'spending'} (${what} ${context.money(a.amount)} ${span}): are its signs flipped?`,
        entity: entity.id,
        subject: a.account,
        figures: {
          account: a.account,
          postings: a.postings,
          reducing: a.reducing,
          [what]: a.amount,
        },
      },
      `Check the signs of ${possessive(entity.name)} ${a.account} import`,
    );
  }
  for (const a of checks.untyped)
    out.add(
      {
        rule: 'finance.untyped-account',
        severity: 'warning',
        title: `${entity.name}: account ${a.account} (${count(a.postings, 'posting')} ${span}) has no type, so it is in no figure`,
        entity: entity.id,
        subject: a.account,
        figures: { account: a.account, postings: a.postings },
      },
      `Give account ${a.account} a type (chart_of_accounts in portfolio.yml, or accounts: in ${possessive(entity.name)} file)`,
    );
  for (const u of checks.unpriced)
    out.add(
      {
        rule: 'finance.unpriced-commodity',
        severity: 'warning',
        title: `${entity.name}: ${count(u.postings, 'posting')} in ${u.commodity} (total ${u.total} ${u.commodity}) ${span} ${agree(u.postings, 'has', 'have')} no price in ${context.portfolio.settings.currency}, so ${agree(u.postings, 'it is', 'they are')} left out of the figures`,
        entity: entity.id,
        subject: u.commodity,
        figures: { commodity: u.commodity, postings: u.postings, total: u.total },
      },
      `Record a price for ${u.commodity} in ${possessive(entity.name)} books`,
    );
}

export const breakEvenSection: SectionAnalyzer = {
  id: 'break_even',
  title: 'Break-even revenue',
  owner: 'cfo',
  analyze(context) {
    const out = new SectionFindings('break_even', 'cfo', context.asOf);
    const rows = entityRows(context, out, (entity, out) => {
      const metrics = context.finance(entity);
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
            title: `${entity.name} has no positive contribution margin: variable costs take all of its revenue${signDoubt(metrics)}`,
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
            title: `${entity.name} earns ${context.money(-gap)} a month less than its break-even revenue${signDoubt(metrics)}`,
            entity: entity.id,
            figures: {
              revenue_monthly: metrics.revenue_monthly,
              break_even_revenue_monthly: metrics.break_even_revenue_monthly,
              gap_monthly: gap,
            },
          },
          `Close ${possessive(entity.name)} gap to break-even`,
        );
      }
      for (const c of metrics.unclassified_categories)
        out.add(
          {
            rule: 'finance.unclassified-cost',
            severity: 'warning',
            title: `${entity.name} spends ${context.money(c.monthly)} a month on "${c.category}", which cost_categories lists neither fixed nor variable: break-even leaves it out`,
            entity: entity.id,
            subject: c.category,
            figures: { category: c.category, monthly: c.monthly },
          },
          `List ${possessive(entity.name)} "${c.category}" as a fixed or variable cost in portfolio.yml`,
        );
      return {
        id: entity.id,
        name: entity.name,
        revenue_monthly: metrics.revenue_monthly,
        fixed_costs_monthly: metrics.fixed_costs_monthly,
        variable_costs_monthly: metrics.variable_costs_monthly,
        unclassified_costs_monthly: metrics.unclassified_costs_monthly,
        unclassified_categories: metrics.unclassified_categories,
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
    for (const { entity, metrics: m } of unknown)
      out.add({
        rule: 'finance.reserve-unknown',
        severity: 'warning',
        title: `${entity.name} has no ledger rows in the last 3 months: its ${m.cash_on_hand === null ? 'cash, unknown too,' : `cash (${context.money(m.cash_on_hand)})`} is left out of capital deployment`,
        entity: entity.id,
        figures: { cash_on_hand: m.cash_on_hand },
      });
    const metrics = all.filter(({ metrics: m }) => m.net_burn_monthly !== null);
    // Unknown cash (the burn section's finance.no-cash) adds nothing: never a silent figure.
    const cash = sumMoney(metrics.flatMap(({ metrics: m }) => m.cash_on_hand ?? []));
    // The burn runway is on (cash burn where the books give it), as in the burn section.
    const burn = sumMoney(metrics.map(({ metrics: m }) => Math.max(runwayBurn(m)!, 0)));
    const reserve = money(burn * context.thresholds.cash_reserve_months);
    // Which burn the reserve is months of: the runway's, cash burn where the books give it.
    const bases = new Set(metrics.map(({ metrics: m }) => m.runway_basis));
    const burnBasis =
      bases.size !== 1
        ? 'burn (cash burn where the books give it, else operating net burn)'
        : bases.has('cash')
          ? 'cash burn'
          : 'operating net burn';
    const doubtful = metrics.filter(({ metrics: m }) => m.checks.flipped.length > 0);
    const available = money(Math.max(cash - reserve, 0));
    // Judged as shown, and said in the two amounts the capital table shows.
    if (shownMoney(cash) < shownMoney(reserve) || shownMoney(cash) < 0) {
      out.add(
        {
          rule: 'finance.reserve-short',
          severity: 'critical',
          title:
            (shownMoney(cash) < 0
              ? `Cash on hand is ${context.money(cash)}: below zero`
              : `Cash on hand (${context.money(cash)}) is under the ${context.thresholds.cash_reserve_months}-month reserve of ${burnBasis} (${context.money(reserve)})`) +
            (doubtful.length === 0
              ? ''
              : ` (figures doubtful: the signs of ${doubtful
                  .map(
                    ({ entity, metrics: m }) =>
                      `${possessive(entity.name)} ${m.checks.flipped.map((f) => f.account).join(', ')}`,
                  )
                  .join('; ')} look flipped)`),
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
        // The burn the reserve is months of (each entity's runway burn), and what it is.
        net_burn_monthly: burn,
        burn_basis: burnBasis,
        reserve_months: context.thresholds.cash_reserve_months,
        reserve,
        available,
        allocations,
        left_out: unknown.map(({ entity, metrics: m }) => ({
          id: entity.id,
          name: entity.name,
          cash_on_hand: m.cash_on_hand,
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
    const limits: Thresholds = context.thresholds;
    // Each entity's checks and findings computed once per run (entity-rows.ts).
    const perEntity = entityRows(context, out, (entity, out) => {
      const metrics = context.finance(entity);
      const checks: FinancialRuleCheck[] = [];
      // Burning with a cash figure: a runway in months, or none at all when cash is zero or
      // below. Unknown cash has its own finding (finance.no-cash), not a runway.
      if (metrics.burning && (metrics.runway_months !== null || metrics.no_cash)) {
        // Judged as shown (to a tenth): 5.96 months reads 6.0, which meets a 6-month minimum.
        const broken = metrics.no_cash || metrics.runway_months! < limits.min_runway_months;
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
              title:
                (metrics.no_cash
                  ? `${entity.name} has no runway: its cash on hand (${context.money(metrics.cash_on_hand!)}) is at or below zero while it burns cash`
                  : `${entity.name} has ${formatRunway(metrics.runway_months, true)} of runway, under the ${limits.min_runway_months}-month minimum`) +
                signDoubt(metrics),
              entity: entity.id,
              figures: {
                runway_months: metrics.runway_months,
                min_runway_months: limits.min_runway_months,
                net_burn_monthly: metrics.net_burn_monthly,
                cash_on_hand: metrics.cash_on_hand,
              },
            },
            `Cut ${possessive(entity.name)} ${metrics.runway_basis === 'cash' ? 'cash' : 'net'} burn or raise cash to restore ${limits.min_runway_months} months of runway`,
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
      return checks;
    });
    const checks = perEntity.flat();
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

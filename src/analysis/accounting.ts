// The accountant's analyses: revenue recognition, the chart of accounts, an expense audit and
// profitability per entity.
import { addMonths, daysBetween, monthName, monthOf, trailingMonths } from './dates.js';
import { money, moneyRatio, shownMoney, sumMoney, toCents } from '../figures.js';
import { addTo, count, round, SectionFindings } from './findings.js';
import { entityRows } from './entity-rows.js';
import { mapPacked } from './packed.js';
import { cachedIn } from '../collections.js';
import type { Row } from '../config/tables.js';
import { ledgerRows } from './ledger.js';
import { bookEntries, entryMatcher, forEachBookEntry, type BookEntry } from './entries.js';
import type { SectionAnalyzer } from './types.js';
import { compareText, possessive } from './words.js';

export const revenueRecognitionSection: SectionAnalyzer = {
  id: 'revenue_recognition',
  title: 'Revenue recognition',
  owner: 'accounting',
  analyze(context) {
    const out = new SectionFindings('revenue_recognition', 'accounting', context.asOf);
    // A deposit for a service after the as-of date is owed to the customer until it is delivered.
    // Each entity's row and findings computed once per run (entity-rows.ts).
    const entities = entityRows(context, out, (entity, out) => {
      if (!entity.tables.bookings) return null;
      const deferred = entity.tables.bookings.filter(
        (row) =>
          row.deposit > 0 &&
          row.status !== 'cancelled' &&
          row.booked <= context.asOf &&
          row.service_date > context.asOf,
      );
      const amount = sumMoney(deferred.map((row) => row.deposit));
      const inIncome = entity.deposits_booked === 'when_taken';
      if (shownMoney(amount) > 0) {
        const finding = {
          rule: 'accounting.deferred-revenue',
          severity: 'info' as const,
          entity: entity.id,
          figures: {
            deferred_revenue: amount,
            bookings: deferred.length,
            deposits_booked: entity.deposits_booked,
          },
        };
        // Only a ledger that books deposits to income when taken has something to move.
        if (inIncome)
          out.add(
            {
              ...finding,
              title: `${entity.name} holds ${context.money(amount)} in deposits for future services, booked as income: deferred revenue until delivered`,
            },
            `Move ${possessive(entity.name)} future-service deposits from income to deferred revenue`,
          );
        else
          out.add({
            ...finding,
            title: `${entity.name} holds ${context.money(amount)} in deposits for future services (deferred revenue; the ledger books income at service)`,
          });
      }
      return {
        id: entity.id,
        name: entity.name,
        deferred_revenue: amount,
        in_income: inIncome,
        bookings: deferred.map((row) => ({
          booking_id: row.booking_id,
          service_date: row.service_date,
          deposit: row.deposit,
        })),
      };
    }).filter((row) => row !== null);
    return {
      data: {
        entities,
        // No entity records bookings: unknown, not zero.
        total_deferred:
          entities.length === 0 ? null : sumMoney(entities.map((e) => e.deferred_revenue)),
      },
      findings: out.findings,
      actions: out.actions,
    };
  },
};

/** One account of one entity's books as of the analysis date (accountTallies). */
interface AccountTally {
  readonly code: string;
  rows: number;
  /** Whole cents, ledger.csv's sign (income positive). */
  amount: number;
  /** The type of its first posting's entry; null when the chart gives none. */
  readonly type: string | null;
}

/**
 * Each entity's accounts as of the analysis date, in the order of their first posting:
 * postings, their amount in whole cents with ledger.csv's sign (income positive), and the type
 * of the first. Computed once per entity; a list, which a report's combine walks.
 */
function accountTallies(
  context: Parameters<SectionAnalyzer['analyze']>[0],
): (readonly AccountTally[])[] {
  return mapPacked(context.entities, (entity) =>
    context.perEntity('chart_of_accounts:tally', entity, () => {
      const tally = new Map<string, AccountTally>();
      // The entries' fields, not entry objects (bookEntries): one pass, nothing made per posting.
      forEachBookEntry(entity, context.portfolio, (date, code, type, amount, implicit) => {
        if (implicit || date > context.asOf) return;
        let account = tally.get(code);
        if (!account) {
          account = { code, rows: 0, amount: 0, type: type ?? null };
          tally.set(code, account);
        }
        account.rows += 1;
        account.amount -= toCents(amount);
      });
      return [...tally.values()];
    }),
  );
}

/**
 * Each account code met so far in the chart-of-accounts section's reports on a portfolio, by its
 * place in compareText's order (equal places for codes the collator holds equal). Sorting a
 * report's accounts by these numbers gives the order a sort with compareText gives (the same
 * stable order for equal ones), without a call into the collator per comparison: a report's
 * few dozen accounts are sorted again for every report and as-of date that shows them. Held
 * weakly by the portfolio (each as-of date's has its own).
 */
const accountRanks = new WeakMap<object, Map<string, number>>();

/** The collation places of `codes`, with the portfolio's known ones; ranks again when one is new. */
function collationRanks(portfolio: object, codes: Iterable<string>): ReadonlyMap<string, number> {
  const ranks = cachedIn(accountRanks, portfolio, () => new Map<string, number>());
  let fresh: string[] | undefined;
  for (const code of codes) if (!ranks.has(code)) (fresh ??= []).push(code);
  if (fresh) {
    const all = [...ranks.keys(), ...fresh].sort(compareText);
    let rank = 0;
    all.forEach((code, index) => {
      if (index > 0 && compareText(all[index - 1]!, code) !== 0) rank += 1;
      ranks.set(code, rank);
    });
  }
  return ranks;
}

export const chartOfAccountsSection: SectionAnalyzer = {
  id: 'chart_of_accounts',
  title: 'Chart-of-accounts mapping',
  owner: 'accounting',
  analyze(context) {
    const out = new SectionFindings('chart_of_accounts', 'accounting', context.asOf);
    const chart = context.portfolio.settings.chart_of_accounts;
    // Every account the entities' books post to up to the as-of date, whatever the source (a
    // ledger.csv row's own account, not its implicit cash side). Amounts in whole cents, money
    // in positive (ledger.csv's sign: income positive, spending negative) until listed.
    const accounts = new Map<
      string,
      {
        rows: number;
        amount: number;
        /** The names of the entities that post to it, each once. */
        entities: string[];
        type: string | null;
        name: string | null;
      }
    >();
    // Each entity's accounts tallied once per run, then added up in entity order (the first
    // entity to post to an account gives its type, as a single pass would).
    const tallies = accountTallies(context);
    for (let index = 0; index < tallies.length; index += 1) {
      const name = context.entities[index]!.name;
      for (const own of tallies[index]!) {
        let account = accounts.get(own.code);
        if (!account) {
          account = { rows: 0, amount: 0, entities: [], type: own.type, name: null };
          accounts.set(own.code, account);
        }
        account.rows += own.rows;
        account.amount += own.amount;
        if (!account.entities.includes(name)) account.entities.push(name);
      }
    }
    const order = collationRanks(context.portfolio, accounts.keys());
    const mapping = mapPacked(
      [...accounts.entries()].sort(([a], [b]) => order.get(a)! - order.get(b)!),
      ([code, account]) => ({
        code,
        // The chart of accounts' name where it lists the code; the type is the one the figures
        // use: the entity's chart (a code, a pattern, `accounts:`, or hledger's top-level names).
        name: chart[code]?.name ?? null,
        type: account.type,
        rows: account.rows,
        amount: account.amount / 100 + 0,
        entities: account.entities.sort().join(', '),
        // Typed, so in the figures: the chart's patterns count, not only its listed codes.
        mapped: account.type !== null,
      }),
    );
    for (const account of mapping.filter((a) => !a.mapped)) {
      out.add(
        {
          rule: 'accounting.unmapped-account',
          severity: 'warning',
          title: `Account ${account.code} is used in ${count(account.rows, 'posting')} (${account.entities}) but is not in the chart of accounts`,
          entity: null,
          subject: account.code,
          figures: { account: account.code, rows: account.rows, amount: account.amount },
        },
        `Map account ${account.code} in the chart of accounts`,
      );
    }
    return {
      data: { accounts: mapping, unmapped: mapping.filter((a) => !a.mapped).length },
      findings: out.findings,
      actions: out.actions,
    };
  },
};

export const expenseAuditSection: SectionAnalyzer = {
  id: 'expense_audit',
  title: 'Expense audit',
  owner: 'accounting',
  analyze(context) {
    const out = new SectionFindings('expense_audit', 'accounting', context.asOf);
    const limit = context.thresholds.receipt_required_above;
    const subscriptionCategories = context.portfolio.settings.cost_categories.subscriptions;
    const isSubscription = entryMatcher(subscriptionCategories);
    // Each entity's row and findings computed once per run (entity-rows.ts).
    const entities = entityRows(context, out, (entity, out) => {
      // Spending from the books, whatever the source: postings to expense accounts up to the
      // as-of date that add to spending (a refund is not a charge).
      const entries = bookEntries(entity, context.portfolio).filter((e) => e.date <= context.asOf);
      const charges = entries.filter((e) => e.type === 'expense' && !e.implicit && e.amount > 0);
      // A duplicate: the same date, account, amount and description more than once, reported once.
      const groups = new Map<string, BookEntry[]>();
      for (const entry of charges)
        addTo(
          groups,
          `${entry.date}|${entry.account}|${toCents(entry.amount)}|${entry.description}`,
          entry,
        );
      const duplicates = mapPacked(
        [...groups.values()].filter((same) => same.length > 1),
        (same) => ({
          date: same[0]!.date,
          account: same[0]!.account,
          amount: same[0]!.amount,
          memo: same[0]!.description,
          times: same.length,
          lines: same.map((e) => e.source.line).join(', '),
        }),
      );
      const uncategorised = charges.filter(isUncategorised);
      const spending = ledgerRows(entity, context.asOf).filter((row) => row.amount < 0);
      const noReceipt = spending.filter((row) => -row.amount >= limit && !row.receipt);
      // Charges from the books, so a journal's or a bank export's subscriptions are found too.
      const subscriptions = recurringCharges(
        entries.filter((e) => e.type === 'expense' && e.amount > 0 && isSubscription(e)),
        context.asOf,
      );
      const name = entity.name;
      for (const dup of duplicates)
        out.add(
          {
            rule: 'accounting.duplicate-charge',
            severity: 'warning',
            title: `${name}: ${dup.memo || 'a charge'} of ${context.money(dup.amount)} on ${dup.date} is booked ${dup.times} times`,
            entity: entity.id,
            subject: `${dup.date}:${dup.account}:${dup.amount}:${slug(dup.memo)}`,
            figures: { amount: dup.amount, date: dup.date, times: dup.times, lines: dup.lines },
          },
          `Check the duplicate ${dup.memo} charge on ${dup.date} with the vendor (${name})`,
        );
      if (uncategorised.length > 0)
        out.add(
          {
            rule: 'accounting.uncategorised',
            severity: 'warning',
            title: `${name}: ${count(uncategorised.length, 'charge')} without a category (${context.money(sumMoney(uncategorised.map((e) => e.amount)))})`,
            entity: entity.id,
            figures: {
              rows: uncategorised.length,
              amount: sumMoney(uncategorised.map((e) => e.amount)),
            },
          },
          `Categorise ${name}'s uncategorised spending`,
        );
      if (noReceipt.length > 0)
        out.add(
          {
            rule: 'accounting.missing-receipts',
            severity: 'warning',
            title: `${name}: ${count(noReceipt.length, 'charge')} of ${context.money(limit)} or more ${noReceipt.length === 1 ? 'has' : 'have'} no receipt`,
            entity: entity.id,
            figures: {
              rows: noReceipt.length,
              amount: -sumMoney(noReceipt.map((r) => r.amount)),
              threshold: limit,
            },
          },
          `Collect the missing receipts for ${name}`,
        );
      return {
        id: entity.id,
        name,
        duplicates,
        uncategorised: uncategorised.map((e) => ({
          date: e.date,
          amount: e.amount,
          memo: e.description,
        })),
        missing_receipts: noReceipt.map((r) => ({
          date: r.date,
          amount: -r.amount,
          memo: r.memo ?? '',
        })),
        subscriptions,
        // No ledger at all: unknown, not zero.
        subscriptions_monthly:
          entity.tables.ledger === undefined && entries.length === 0
            ? null
            : sumMoney(subscriptions.map((s) => s.monthly)),
      };
    });
    return {
      data: {
        entities,
        receipt_threshold: limit,
        subscription_categories: [...subscriptionCategories],
      },
      findings: out.findings,
      actions: out.actions,
    };
  },
};

/**
 * A charge with no category: a ledger.csv row whose category is empty or "uncategorised", or
 * a posting (no category) to an expense account whose last part says so, as bank-CSV rules and
 * hledger leave unmatched rows (`Expenses:Uncategorized`, `expenses:unknown`).
 */
function isUncategorised(entry: BookEntry): boolean {
  const name = entry.category ?? entry.account.split(':').at(-1)!;
  return /^(|uncategori[sz]ed|unknown|unclassified)$/i.test(name.trim());
}

/** Billing cycles, by the days between two charges (a charge on the 31st may move to the 1st). */
const CADENCES = [
  { name: 'monthly', months: 1, days: [25, 35], minCharges: 3 },
  { name: 'quarterly', months: 3, days: [80, 100], minCharges: 2 },
  { name: 'annual', months: 12, days: [350, 380], minCharges: 2 },
] as const;

/** How far a bill may stray from the payee's median and still be the same series (±25%). */
const AMOUNT_TOLERANCE = 0.25;

const MONTH_WORDS =
  /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)\b/g;

/**
 * Who a charge is from, as a key that stays the same from one bill to the next: the payee (the
 * part before ` | ` in a journal's description), lower-cased, without any word that holds a digit
 * (dates, reference, invoice and account numbers), month names or punctuation. "VERIZON
 * WIRELESS 10/2026 #88231" and "Verizon Wireless 11/2026 #90412" are both "verizon wireless". A
 * description that is nothing but numbers falls back to its category or account.
 */
export function payeeOf(entry: Pick<BookEntry, 'description' | 'category' | 'account'>): string {
  const payee = entry.description
    .split(' | ')[0]!
    .toLowerCase()
    .replace(/\S*\d\S*/g, ' ')
    .replace(MONTH_WORDS, ' ')
    .replace(/[^\p{L}]+/gu, ' ')
    .trim();
  return payee || (entry.category ?? entry.account);
}

/**
 * Subscriptions: charges to a subscription category or account from one payee (see payeeOf),
 * billed at a steady monthly, quarterly or annual cadence and still billed within the last
 * cycle. The amount may vary from bill to bill (a phone or utility bill): a charge within ±25% of
 * the payee's median charge is part of the series, one further off (a one-off purchase from the
 * same payee) is not. Charges on one date add up. The cadence is judged on the latest unbroken
 * run of charges, so a subscription that lapsed once and was taken up again counts. Its monthly
 * cost is what the latest cycle billed, per month of the cycle (a quarterly $300 is $100 a month;
 * a phone bill of $67.45 last month is $67.45).
 */
function recurringCharges(
  charges: readonly BookEntry[],
  asOf: string,
): { memo: string; amount: number; cadence: string; monthly: number; last: string }[] {
  const byPayee = new Map<string, BookEntry[]>();
  for (const charge of charges) addTo(byPayee, payeeOf(charge), charge);
  const found = [];
  for (const entries of byPayee.values()) {
    // One bill per date, in cents.
    const byDate = new Map<string, { cents: number; memo: string }>();
    for (const entry of entries) {
      const bill = byDate.get(entry.date);
      byDate.set(entry.date, {
        cents: (bill?.cents ?? 0) + toCents(entry.amount),
        memo: bill?.memo ?? entry.description,
      });
    }
    const cents: number[] = [];
    for (const bill of byDate.values()) cents.push(bill.cents);
    const median = medianOf(cents);
    const bills = [...byDate.entries()]
      .filter(([, bill]) => Math.abs(bill.cents - median) <= AMOUNT_TOLERANCE * median)
      .sort(([a], [b]) => compareText(a, b));
    if (bills.length === 0) continue;
    const dates = mapPacked(bills, ([date]) => date);
    const [last, latest] = bills.at(-1)!;
    const cadence = CADENCES.find((c) => {
      // Walk back from the latest charge while the gaps fit the cycle.
      let run = 1;
      for (let i = dates.length - 1; i > 0; i -= 1) {
        const gap = daysBetween(dates[i - 1]!, dates[i]!);
        if (gap < c.days[0] || gap > c.days[1]) break;
        run += 1;
      }
      return run >= c.minCharges;
    });
    // Not billed within its last cycle: cancelled, so no longer a monthly cost.
    if (!cadence || monthOf(asOf) > addMonths(monthOf(last), cadence.months)) continue;
    const amount = latest.cents / 100;
    found.push({
      memo: latest.memo,
      amount,
      cadence: cadence.name,
      monthly: money(amount / cadence.months),
      last,
    });
  }
  return found;
}

/** The median of whole numbers (cents): the mean of the middle two for an even count. */
function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export const profitabilitySection: SectionAnalyzer = {
  id: 'profitability',
  title: 'Profitability by entity',
  owner: 'accounting',
  analyze(context) {
    const out = new SectionFindings('profitability', 'accounting', context.asOf);
    const months = trailingMonths(context.asOf, 3);
    // Each entity's row and findings computed once per run (entity-rows.ts).
    const entities = entityRows(context, out, (entity, out) => {
      const metrics = context.finance(entity);
      // Only a ledger that books deposits when taken needs them moved to their service month,
      // and only within the months the ledger has (the ones its revenue is averaged over).
      const monthsWithData = months.filter(
        (month) =>
          !metrics.missing_months.includes(month) &&
          !metrics.partial_months.some((p) => p.month === month),
      );
      const deposits =
        entity.deposits_booked === 'when_taken' && monthsWithData.length > 0
          ? depositTiming(entity.tables.bookings ?? [], monthsWithData)
          : { deferred: 0, released: 0 };
      // To the cent, and rounded once: without deposits to move, profit is exactly minus the
      // net burn the CFO's table shows beside it.
      const revenue =
        metrics.revenue_monthly === null
          ? null
          : money(
              metrics.revenue_monthly +
                money(money(deposits.released - deposits.deferred) / monthsWithData.length),
            );
      const costs = metrics.gross_burn_monthly;
      const profit = revenue === null || costs === null ? null : money(revenue - costs);
      const margin = profit === null || revenue === null ? null : moneyRatio(profit, revenue);
      if (profit !== null && shownMoney(profit) < 0)
        out.add({
          rule: 'accounting.loss-making',
          severity: 'warning',
          title: `${entity.name} loses ${context.money(-profit)} a month`,
          entity: entity.id,
          figures: { revenue_monthly: revenue, costs_monthly: costs, profit_monthly: profit },
        });
      return {
        id: entity.id,
        name: entity.name,
        cash_revenue_monthly: metrics.revenue_monthly,
        deposits_deferred: deposits.deferred,
        deposits_released: deposits.released,
        revenue_monthly: revenue,
        costs_monthly: costs,
        profit_monthly: profit,
        margin: margin === null ? null : round(margin, 4),
      };
    });
    return {
      data: { months: months.map(monthName), entities },
      findings: out.findings,
      actions: out.actions,
    };
  },
};

/**
 * The ledger is cash basis: a deposit is income the day it is taken. Earned revenue for the
 * months (those the ledger has) moves deposits to the month of their service: those taken in the
 * months for a later service outside them are deferred; those taken earlier for a service within
 * them are released. A deposit is taken on the booking date; cancelled bookings are left out.
 */
function depositTiming(
  bookings: readonly Row<'bookings'>[],
  months: readonly string[],
): { deferred: number; released: number } {
  const within = new Set(months);
  // In whole cents until returned.
  let deferred = 0;
  let released = 0;
  for (const booking of bookings) {
    if (booking.deposit <= 0 || booking.status === 'cancelled') continue;
    const taken = monthOf(booking.booked);
    const served = monthOf(booking.service_date);
    if (taken >= served) continue;
    // In the cash revenue of the months, earned after them: deferred.
    if (within.has(taken) && !within.has(served)) deferred += toCents(booking.deposit);
    // Earned in the months, in the cash revenue of an earlier one: released.
    if (!within.has(taken) && within.has(served)) released += toCents(booking.deposit);
  }
  return { deferred: deferred / 100, released: released / 100 };
}

export const accountingSections = [
  revenueRecognitionSection,
  chartOfAccountsSection,
  expenseAuditSection,
  profitabilitySection,
];

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

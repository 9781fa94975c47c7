// Net operating income, cap rate and cash-on-cash for every property an entity holds: the one
// place the books' postings are sorted into operating income, operating expenses and debt
// service, by the type of their account.
import type { Entity } from '../config/load.js';
import { accountChart } from '../books/accounts.js';
import { money, moneyRatio, sumMoney, toCents } from '../figures.js';
import { trailingMonths, monthOf } from './dates.js';
import { bookEntries, entryMatcher, type BookEntry } from './entries.js';
import { round } from './findings.js';
import { partialMonths } from './ledger.js';
import type { AnalysisContext } from './types.js';
import { compareText } from './words.js';

type Property = Entity['assets']['properties'][number];

/** The figures of one property, or of all an entity's properties together. Money a month or a year. */
export interface OperatingFigures {
  /** Operating income: the income accounts' postings, refunds netted (3-month average). */
  readonly rental_income_monthly: number | null;
  /** Operating expenses: the expense accounts' postings, less debt service; lumps at a twelfth. */
  readonly operating_expenses_monthly: number | null;
  readonly annual_expenses: readonly { category: string; annual: number }[];
  readonly noi_monthly: number | null;
  readonly noi_annual: number | null;
  readonly value: number | null;
  readonly cash_invested: number | null;
  /** What cash-on-cash subtracts: the declared `annual_debt_service`, else the books' own. */
  readonly debt_service_annual: number | null;
  readonly debt_service_from: 'declared' | 'ledger' | null;
  /** Annual NOI / value, to 4 places. */
  readonly cap_rate: number | null;
  /** (Annual NOI − annual debt service) / cash invested, to 4 places. */
  readonly cash_on_cash: number | null;
}

export interface Holding extends OperatingFigures {
  readonly name: string;
  readonly address: string;
}

export interface PropertyOperations {
  /** Every property the entity holds, each with its own figures. */
  readonly holdings: readonly Holding[];
  /** All the entity's properties together, over all its postings (shared costs included). */
  readonly whole: OperatingFigures;
  /** With several properties: those no account is named for (`accounts:` missing). */
  readonly unclaimed: readonly string[];
  /**
   * Postings in the window that look like debt service while `cost_categories.debt_service`
   * lists nothing matching them: to a liability account, or an expense account or category,
   * whose name says interest, mortgage or loan. One per account (or category), with its count
   * and total (ledger sign); empty when none.
   */
  readonly unlisted_debt: readonly { account: string; postings: number; amount: number }[];
  /** With several properties: operating and debt-service postings no property's accounts name. */
  readonly unattributed: {
    entries: number;
    income: number;
    expenses: number;
    debt_service: number;
  };
}

type Role = 'income' | 'expense' | 'debt_service';

/**
 * What a posting is to NOI. Debt service (the categories or accounts portfolio.yml lists under
 * `cost_categories.debt_service`: mortgage interest and principal) is never operating. Then by
 * the account's type: income and expense accounts are operating; an asset (a new roof booked to
 * Real property, cash itself), a liability (a security deposit held, loan principal) or equity
 * is not; an account the chart does not type is in no figure. A ledger.csv row's category is its
 * own posting's only (bookEntries gives the row's cash side none), so the cash side of a mortgage
 * row is never debt service, whether or not the chart marks the cash account `cash: true`.
 */
function roleOf(entry: BookEntry, isDebtService: (entry: BookEntry) => boolean): Role | null {
  if (entry.cash) return null;
  if (isDebtService(entry)) return 'debt_service';
  if (entry.type === 'income') return 'income';
  if (entry.type === 'expense') return 'expense';
  return null;
}

interface Scope {
  readonly entries: readonly { entry: BookEntry; role: Role }[];
  readonly annualExpenses: Readonly<Record<string, number>>;
  readonly value: number | null;
  readonly cashInvested: number | null;
  /** A declared annual debt service (> 0 wins over the books'). */
  readonly declaredDebtService: number;
}

/**
 * One scope's figures over the months of the window that have postings (`months` of them).
 * Money is added in cents and each average rounded to the cent once, so NOI is exactly income −
 * expenses. Costs paid in lumps (`annual_expenses`, by category) count at a twelfth of their
 * annual amount instead of what the window happened to pay.
 */
function figuresOf(scope: Scope, months: number, debtOverride?: number): OperatingFigures {
  const lumpCategories = Object.keys(scope.annualExpenses);
  const isLump = entryMatcher(lumpCategories);
  let income = 0;
  let expenses = 0;
  let lumps = 0;
  let debt = 0;
  for (const { entry, role } of scope.entries) {
    const cents = toCents(entry.amount);
    if (role === 'income') income -= cents;
    else if (role === 'debt_service') debt += cents;
    else {
      expenses += cents;
      if (isLump(entry)) lumps += cents;
    }
  }
  const annual_expenses = Object.entries(scope.annualExpenses).map(([category, annual]) => ({
    category,
    annual,
  }));
  const fourPlaces = (value: number | null) => (value === null ? null : round(value, 4));
  const perMonth = (cents: number) => money(cents / 100 / months);
  const base = {
    annual_expenses,
    value: scope.value,
    cash_invested: scope.cashInvested,
  };
  if (months === 0)
    return {
      ...base,
      rental_income_monthly: null,
      operating_expenses_monthly: null,
      noi_monthly: null,
      noi_annual: null,
      debt_service_annual: scope.declaredDebtService > 0 ? scope.declaredDebtService : null,
      debt_service_from: scope.declaredDebtService > 0 ? 'declared' : null,
      cap_rate: null,
      cash_on_cash: null,
    };
  const incomeMonthly = perMonth(income);
  const operating = money(
    perMonth(expenses) -
      perMonth(lumps) +
      money(sumMoney(Object.values(scope.annualExpenses)) / 12),
  );
  const noiMonthly = money(incomeMonthly - operating);
  const noiAnnual = money(noiMonthly * 12);
  // The mortgage is counted once: as declared when it is, else as the books record it.
  const declared = scope.declaredDebtService > 0;
  const debtAnnual =
    debtOverride ?? (declared ? scope.declaredDebtService : money(perMonth(debt) * 12));
  return {
    ...base,
    rental_income_monthly: incomeMonthly,
    operating_expenses_monthly: operating,
    noi_monthly: noiMonthly,
    noi_annual: noiAnnual,
    debt_service_annual: debtAnnual,
    debt_service_from: declared ? 'declared' : toCents(debtAnnual) !== 0 ? 'ledger' : null,
    cap_rate: scope.value === null ? null : fourPlaces(moneyRatio(noiAnnual, scope.value)),
    cash_on_cash:
      scope.cashInvested === null
        ? null
        : fourPlaces(moneyRatio(money(noiAnnual - debtAnnual), scope.cashInvested)),
  };
}

/**
 * NOI, cap rate and cash-on-cash for each property the entity holds and for all of them, over
 * the trailing 3 full months before the as-of date (those with postings), annualised.
 *
 * Which property a posting belongs to: with one property, every posting is its; with several,
 * a posting is the property's whose `accounts:` patterns match its account (the most specific
 * pattern wins). Postings no property names count in the entity's whole, not in any property's.
 */
export function propertyOperations(entity: Entity, context: AnalysisContext): PropertyOperations {
  // The window's months, less those the books cover only in part (as the CFO's averages).
  const trailing = trailingMonths(context.asOf, 3);
  const partial = new Set(partialMonths(entity, trailing, context.portfolio).map((p) => p.month));
  const window = new Set(trailing.filter((month) => !partial.has(month)));
  const inWindow = bookEntries(entity, context.portfolio).filter((e) =>
    window.has(monthOf(e.date)),
  );
  const months = new Set(inWindow.map((e) => monthOf(e.date))).size;
  const isDebtService = entryMatcher(context.portfolio.settings.cost_categories.debt_service ?? []);
  const operating = inWindow.flatMap((entry) => {
    const role = roleOf(entry, isDebtService);
    return role === null ? [] : [{ entry, role }];
  });

  const properties = entity.assets.properties;
  const unlisted_debt = unlistedDebt(inWindow, isDebtService);
  const owner = ownerOf(properties);
  const byProperty = properties.map(() => [] as (typeof operating)[number][]);
  // With no property declared (a units table alone) there is nothing to attribute to.
  const unattributed: (typeof operating)[number][] = [];
  if (properties.length > 0)
    for (const item of operating) {
      const index = owner(item.entry.account);
      if (index === undefined) unattributed.push(item);
      else byProperty[index]!.push(item);
    }

  const holdings = properties.map((property, index) => ({
    name: property.name,
    address: property.address,
    ...figuresOf(scopeOf(byProperty[index]!, [property]), months),
  }));
  const unattributedDebt = scopeOf(unattributed, []);
  const whole =
    holdings.length === 1
      ? withoutPlace(holdings[0]!)
      : holdings.length === 0
        ? figuresOf(scopeOf(operating, []), months)
        : figuresOf(
            scopeOf(operating, properties),
            months,
            months === 0
              ? undefined
              : sumMoney([
                  ...holdings.map((h) => h.debt_service_annual ?? 0),
                  figuresOf(unattributedDebt, months).debt_service_annual ?? 0,
                ]),
          );
  const centsOf = (role: Role) =>
    unattributed.filter((u) => u.role === role).reduce((n, u) => n + toCents(u.entry.amount), 0);
  return {
    holdings,
    whole,
    unlisted_debt,
    unclaimed:
      properties.length > 1 ? properties.filter((p) => !p.accounts?.length).map((p) => p.name) : [],
    unattributed: {
      entries: unattributed.length,
      // + 0: no income reads 0, not −0.
      income: -centsOf('income') / 100 + 0,
      expenses: centsOf('expense') / 100,
      debt_service: centsOf('debt_service') / 100,
    },
  };
}

/** Words in an account's or category's name that say it is a loan's. */
const DEBT_WORDS = /interest|mortgage|loan/i;

/**
 * Postings that look like debt service but are not listed as it: to a liability account or an
 * expense account or category whose name says interest, mortgage or loan, that no
 * `cost_categories.debt_service` entry matches. Grouped by the expense's category (where it has
 * one) or the account; sorted by name.
 */
function unlistedDebt(
  entries: readonly BookEntry[],
  isDebtService: (entry: BookEntry) => boolean,
): PropertyOperations['unlisted_debt'] {
  const found = new Map<string, { postings: number; cents: number }>();
  for (const entry of entries) {
    if (entry.cash || (entry.type !== 'liability' && entry.type !== 'expense')) continue;
    const name = entry.type === 'expense' ? (entry.category ?? entry.account) : entry.account;
    if (![name, entry.account, entry.category ?? ''].some((n) => DEBT_WORDS.test(n))) continue;
    if (isDebtService(entry)) continue;
    const seen = found.get(name) ?? { postings: 0, cents: 0 };
    seen.postings += 1;
    seen.cents += toCents(entry.amount);
    found.set(name, seen);
  }
  return [...found]
    .sort(([a], [b]) => compareText(a, b))
    .map(([account, { postings, cents }]) => ({ account, postings, amount: cents / 100 }));
}

/** The index of the property an account belongs to; with one property, always it. */
function ownerOf(properties: readonly Property[]): (account: string) => number | undefined {
  if (properties.length === 1) return () => 0;
  const chart = accountChart(
    properties.flatMap((property, index) =>
      (property.accounts ?? []).map((pattern) => ({
        pattern,
        type: 'asset' as const,
        name: String(index),
      })),
    ),
    { defaults: false },
  );
  return (account) => {
    const hit = chart.classify(account);
    return hit?.name === undefined ? undefined : Number(hit.name);
  };
}

/** The postings of some properties with what those properties declare, added up. */
function scopeOf(entries: Scope['entries'], properties: readonly Property[]): Scope {
  const annualExpenses: Record<string, number> = {};
  for (const property of properties)
    for (const [category, annual] of Object.entries(property.annual_expenses))
      annualExpenses[category] = sumMoney([annualExpenses[category] ?? 0, annual]);
  const total = (pick: (p: Property) => number) =>
    properties.length === 0 ? null : sumMoney(properties.map(pick));
  return {
    entries,
    annualExpenses,
    value: total((p) => p.value),
    cashInvested: total((p) => p.cash_invested),
    declaredDebtService: total((p) => p.annual_debt_service) ?? 0,
  };
}

function withoutPlace({ name: _name, address: _address, ...figures }: Holding): OperatingFigures {
  return figures;
}

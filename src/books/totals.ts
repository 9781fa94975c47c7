// The figures a CFO reads off the books, by account type: revenue, spending, operating net burn,
// cash on hand and its change, transfers kept apart; all exact until one rounding per figure.
import type { AccountType, Chart } from './accounts.js';
import { partitionPoint } from '../collections.js';
import {
  add,
  divide,
  format,
  isZero,
  multiply,
  negate,
  ZERO,
  type Decimal,
  toMinorUnits,
} from './decimal.js';
import type { Posting, Price, TransactionId } from './types.js';

/** A date window as hledger's `-b FROM -e TO`: `from` included, `to` excluded (YYYY-MM-DD). */
export interface DateWindow {
  readonly from: string;
  readonly to: string;
}

export interface TotalsOptions {
  /** The currency every figure is given in (the portfolio's). */
  readonly currency: string;
  /** Its decimals: figures are integers of 10^-scale units (cents for the default 2). */
  readonly scale?: number;
}

/**
 * Where unpriced postings sit: income or expense flows in the window, or the cash accounts'
 * balance at the window's end. Each is totalled apart, so a total means something.
 */
export type UnpricedKind = 'income' | 'expense' | 'cash';

/** Postings left out of the figures because the books give no price to the currency. */
export interface Unpriced {
  readonly commodity: string;
  readonly kind: UnpricedKind;
  readonly postings: number;
  /** Their exact sum in the commodity, as text (`-13.86`), in the books' sign (income negative). */
  readonly total: string;
}

export interface AccountTotal {
  readonly account: string;
  /** null when the chart does not type it: its postings are in no figure. */
  readonly type: AccountType | null;
  readonly cash: boolean;
  /** The window's movement in the currency, minor units, ledger sign (income negative). */
  readonly total: number;
  /** The window's movement per commodity, exact, as text: what `hledger bal` prints. */
  readonly byCommodity: Readonly<Record<string, string>>;
  readonly postings: number;
}

/**
 * The figures of one window. Money is in minor units of `currency` (cents): integers, each
 * rounded once from the exact sum.
 */
export interface BookTotals {
  readonly window: DateWindow;
  readonly currency: string;
  readonly scale: number;
  /** −(sum of income postings): credits and refunds to customers net within their account. */
  readonly revenue: number;
  /** Sum of expense postings: refunds and supplier credits net within their account. */
  readonly spending: number;
  /** spending − revenue: positive when the operation loses money. */
  readonly operatingNetBurn: number;
  /**
   * Cash accounts' balance at the window's start: all postings before `from`, and the opening
   * balances booked inside the window (an opening is money already held, not cash generated).
   */
  readonly cashAtStart: number;
  /** Cash accounts' balance at the window's last day (all postings before `to`). */
  readonly cashAtEnd: number;
  /** cashAtEnd − cashAtStart. */
  readonly cashChange: number;
  /** −cashChange: positive when cash falls. */
  readonly cashBurn: number;
  /** Transactions that touch only asset and liability accounts: neither revenue nor spending. */
  readonly transfers: { readonly transactions: number; readonly amount: number };
  readonly accounts: readonly AccountTotal[];
  /**
   * Income and expense postings of the window, and the cash balance at its end, with no price to
   * `currency`: left out, and said so, per commodity and kind.
   */
  readonly unpriced: readonly Unpriced[];
  /** Accounts the chart does not type, with how many postings in the window. */
  readonly untyped: readonly { readonly account: string; readonly postings: number }[];
}

/** Converts with the books' own prices: the latest on or before the date, one hop, no inverse. */
export interface Converter {
  /** The exact value in the target currency, or undefined when no price is recorded. */
  convert(amount: Decimal, commodity: string, date: string): Decimal | undefined;
  /**
   * A posting's value in the target currency: its cost where the books give one (hledger `@`,
   * `@@`; Beancount `{}`, `@`), converted if the cost is in a third commodity; else its amount
   * at the latest price on or before its date. Undefined when neither is priced.
   */
  value(posting: Posting): Decimal | undefined;
}

/**
 * A converter to `currency` from prices; on one date the last price recorded wins. Prices are
 * the books' declared prices; readBooks adds those inferred from costs ahead of them.
 */
export function priceConverter(prices: readonly Price[], currency: string): Converter {
  const byCommodity = new Map<string, { date: string; price: Decimal }[]>();
  for (const p of prices) {
    if (p.currency !== currency) continue;
    const list = byCommodity.get(p.commodity) ?? [];
    list.push({ date: p.date, price: p.price });
    byCommodity.set(p.commodity, list);
  }
  // A stable sort keeps the file order within a day, so the last one recorded is found.
  for (const list of byCommodity.values())
    list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const convert = (amount: Decimal, commodity: string, date: string): Decimal | undefined => {
    if (commodity === currency) return amount;
    const list = byCommodity.get(commodity);
    if (!list) return undefined;
    // The prices on or before `date` lead the list: the last of them is the one in force.
    const known = partitionPoint(list, (price) => price.date <= date);
    return known === 0 ? undefined : multiply(amount, list[known - 1]!.price);
  };
  return {
    convert,
    value(p) {
      if (p.commodity === currency) return p.amount;
      const cost = p.cost && convert(p.cost.amount, p.cost.commodity, p.date);
      return cost ?? convert(p.amount, p.commodity, p.date);
    },
  };
}

/**
 * Market prices inferred from the postings' costs, as `hledger --infer-market-prices` does: a
 * posting of 100 EUR costing 110 USD says 1 EUR = 1.10 USD on its date, so later postings of
 * EUR with no declared price are priced too. Unit prices to 10 decimals.
 */
export function pricesFromCosts(postings: readonly Posting[]): Price[] {
  const prices: Price[] = [];
  for (const p of postings) {
    if (!p.cost || isZero(p.amount) || p.cost.commodity === p.commodity) continue;
    prices.push({
      date: p.date,
      commodity: p.commodity,
      price: divide(p.cost.amount, p.amount, 10),
      currency: p.cost.commodity,
      source: p.source,
    });
  }
  return prices;
}

/**
 * Unpriced postings by commodity and kind (income, expense, cash), each with its count and
 * exact total; `list()` gives them by commodity (`localeCompare`), then income, expense, cash,
 * totals as text. bookTotals' and the books checks' (src/analysis/books.ts) one list.
 */
export class UnpricedTally {
  private readonly tally = new Map<
    string,
    { commodity: string; kind: UnpricedKind; postings: number; total: Decimal }
  >();
  /** Adds `postings` postings of `commodity` summing to `amount` to the kind's entry. */
  add(kind: UnpricedKind, commodity: string, amount: Decimal, postings = 1): void {
    const key = `${kind}\u0000${commodity}`;
    const t = this.tally.get(key) ?? { commodity, kind, postings: 0, total: ZERO };
    this.tally.set(key, { ...t, postings: t.postings + postings, total: add(t.total, amount) });
  }
  /** The entries, ordered as the class comment says. */
  list(): Unpriced[] {
    const order: UnpricedKind[] = ['income', 'expense', 'cash'];
    return [...this.tally.values()]
      .sort(
        (a, b) =>
          a.commodity.localeCompare(b.commodity) || order.indexOf(a.kind) - order.indexOf(b.kind),
      )
      .map((t) => ({
        commodity: t.commodity,
        kind: t.kind,
        postings: t.postings,
        total: format(t.total),
      }));
  }
}

/**
 * The balance of the cash accounts at the end of `date` (every posting on or before it:
 * opening balances count), each commodity's balance valued at its latest price on or before
 * `date`, in minor units of `options.currency`. Commodities with no price are left out and
 * listed in `unpriced`.
 */
export function cashBalance(
  postings: readonly Posting[],
  prices: readonly Price[],
  chart: Chart,
  date: string,
  options: TotalsOptions,
): { balance: number; unpriced: Unpriced[] } {
  const unpriced = new UnpricedTally();
  const balance = cashBefore(
    postings,
    chart,
    priceConverter(prices, options.currency),
    nextDay(date),
    date,
    unpriced,
  );
  return { balance: toMinorUnits(balance, options.scale ?? 2), unpriced: unpriced.list() };
}

/** The cash accounts' balance over the postings `counted` keeps, valued on `valuedOn`. */
function cashOf(
  postings: readonly Posting[],
  chart: Chart,
  prices: Converter,
  counted: (p: Posting) => boolean,
  valuedOn: string,
  unpriced?: UnpricedTally,
): Decimal {
  const balances = new Map<string, { amount: Decimal; postings: number }>();
  for (const p of postings) {
    if (!counted(p) || !chart.classify(p.account)?.cash) continue;
    const b = balances.get(p.commodity) ?? { amount: ZERO, postings: 0 };
    balances.set(p.commodity, { amount: add(b.amount, p.amount), postings: b.postings + 1 });
  }
  let total = ZERO;
  for (const [commodity, b] of balances) {
    if (isZero(b.amount)) continue;
    const value = prices.convert(b.amount, commodity, valuedOn);
    if (value) total = add(total, value);
    else unpriced?.add('cash', commodity, b.amount, b.postings);
  }
  return total;
}

function cashBefore(
  postings: readonly Posting[],
  chart: Chart,
  prices: Converter,
  before: string,
  valuedOn: string,
  unpriced?: UnpricedTally,
): Decimal {
  return cashOf(postings, chart, prices, (p) => p.date < before, valuedOn, unpriced);
}

/**
 * Transactions that open a balance: one leg is an equity (or untyped) account whose name says
 * "opening" (`Equity:Opening-Balances`, hledger's `equity:opening balances`, the account of a
 * Beancount `pad`, boardroom's own opening from a bank CSV or OFX ledger balance).
 */
export function openingTransactions(
  postings: readonly Posting[],
  chart: Chart,
): Set<TransactionId> {
  const opening = new Set<TransactionId>();
  for (const p of postings) {
    if (!/opening/i.test(p.account)) continue;
    const type = chart.classify(p.account)?.type;
    if (type === undefined || type === 'equity') opening.add(p.transaction);
  }
  return opening;
}

/** YYYY-MM-DD of the next day. */
export function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** YYYY-MM-DD of the day before. */
export function previousDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Every figure of `window` from the postings, typed by `chart`, in `options.currency`. Income
 * and expense amounts are valued at their cost where the books give one, else at the latest
 * price on or before each posting's date; cash balances at the price on the balance's date.
 * Pure: no I/O, no clock.
 */
export function bookTotals(
  postings: readonly Posting[],
  prices: readonly Price[],
  chart: Chart,
  window: DateWindow,
  options: TotalsOptions,
): BookTotals {
  const scale = options.scale ?? 2;
  const converter = priceConverter(prices, options.currency);
  const unpriced = new UnpricedTally();
  const minor = (d: Decimal) => toMinorUnits(d, scale);

  const accounts = new Map<
    string,
    { total: Decimal; byCommodity: Map<string, Decimal>; postings: number }
  >();
  const transactions = new Map<TransactionId, Posting[]>();
  let income = ZERO;
  let expense = ZERO;
  for (const p of postings) {
    if (p.date < window.from || p.date >= window.to) continue;
    const info = chart.classify(p.account);
    // '' for an untyped account: a string always, so the comparisons below stay string
    // comparisons (optimised code that met only strings is thrown away at its first undefined).
    const type = info?.type ?? '';
    const value = converter.value(p);
    const a = accounts.get(p.account) ?? { total: ZERO, byCommodity: new Map(), postings: 0 };
    a.postings += 1;
    a.byCommodity.set(p.commodity, add(a.byCommodity.get(p.commodity) ?? ZERO, p.amount));
    if (value) a.total = add(a.total, value);
    accounts.set(p.account, a);
    if (type === 'income' || type === 'expense') {
      if (!value) unpriced.add(type, p.commodity, p.amount);
      else if (type === 'income') income = add(income, value);
      else expense = add(expense, value);
    }
    const group = transactions.get(p.transaction) ?? [];
    group.push(p);
    transactions.set(p.transaction, group);
  }

  let transferCount = 0;
  let transferAmount = ZERO;
  for (const group of transactions.values()) {
    // A transfer: every leg an asset or a liability. (A loop, not `group.map(...).every(...)`:
    // V8 11's optimised map returns a holey array, and `every` compiled on packed ones deopts.)
    let transfer = true;
    for (const p of group) {
      const type = chart.classify(p.account)?.type ?? '';
      if (type !== 'asset' && type !== 'liability') {
        transfer = false;
        break;
      }
    }
    if (!transfer) continue;
    transferCount += 1;
    // The money moved: the sum of one side (the positive legs) of the transfer.
    for (const p of group) {
      if (p.amount.units <= 0n) continue;
      const value = converter.value(p);
      if (value) transferAmount = add(transferAmount, value);
    }
  }

  // Unpriced cash is reported once, as it stands at the end.
  // An opening balance dated inside the window is money the account already held, not cash
  // the window generated: it counts in the balance at the start (cash at the end is unchanged).
  const opening = openingTransactions(postings, chart);
  const cashAtStart = cashOf(
    postings,
    chart,
    converter,
    (p) => p.date < window.from || (p.date < window.to && opening.has(p.transaction)),
    previousDay(window.from),
  );
  const cashAtEnd = cashBefore(
    postings,
    chart,
    converter,
    window.to,
    previousDay(window.to),
    unpriced,
  );
  const revenue = minor(negate(income));
  const spending = minor(expense);
  const startMinor = minor(cashAtStart);
  const endMinor = minor(cashAtEnd);

  // Push loops, not map(): V8 11's optimised map() returns holey arrays, and the code that
  // reads these (compiled on the interpreter's packed ones) would deopt and compile again.
  const accountTotals: AccountTotal[] = [];
  const untyped: BookTotals['untyped'][number][] = [];
  for (const [account, a] of [...accounts.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const info = chart.classify(account);
    const row: AccountTotal = {
      account,
      type: info?.type ?? null,
      cash: info?.cash ?? false,
      total: minor(a.total),
      byCommodity: Object.fromEntries([...a.byCommodity].map(([c, d]) => [c, format(d)])),
      postings: a.postings,
    };
    accountTotals.push(row);
    if (row.type === null) untyped.push({ account, postings: row.postings });
  }

  return {
    window,
    currency: options.currency,
    scale,
    revenue,
    spending,
    operatingNetBurn: minor(add(expense, income)),
    cashAtStart: startMinor,
    cashAtEnd: endMinor,
    cashChange: endMinor - startMinor,
    cashBurn: startMinor - endMinor,
    transfers: { transactions: transferCount, amount: minor(transferAmount) },
    accounts: accountTotals,
    unpriced: unpriced.list(),
    untyped,
  };
}

// The figures a CFO reads off the books, by account type: revenue, spending, operating net burn,
// cash on hand and its change, transfers kept apart; all exact until one rounding per figure.
import type { AccountType, Chart } from './accounts.js';
import {
  add,
  format,
  isZero,
  multiply,
  negate,
  ZERO,
  type Decimal,
  toMinorUnits,
} from './decimal.js';
import type { Posting, Price } from './types.js';

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

/** Postings left out of the figures because the books give no price to the currency. */
export interface Unpriced {
  readonly commodity: string;
  readonly postings: number;
  /** Their exact sum in the commodity, as text (`-13.86`). */
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
  /** Cash accounts' balance before the window (all postings before `from`, opening balances included). */
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
  /** Income, expense and cash postings with no price to `currency`: left out, and said so. */
  readonly unpriced: readonly Unpriced[];
  /** Accounts the chart does not type, with how many postings in the window. */
  readonly untyped: readonly { readonly account: string; readonly postings: number }[];
}

/** Converts with the books' own prices: the latest on or before the date, one hop, no inverse. */
export interface Converter {
  /** The exact value in the target currency, or undefined when no price is recorded. */
  convert(amount: Decimal, commodity: string, date: string): Decimal | undefined;
}

/** A converter to `currency` from prices; on one date the last price recorded wins. */
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
  return {
    convert(amount, commodity, date) {
      if (commodity === currency) return amount;
      const list = byCommodity.get(commodity);
      if (!list) return undefined;
      let low = 0;
      let high = list.length; // first index with date > the posting's
      while (low < high) {
        const mid = (low + high) >> 1;
        if (list[mid]!.date <= date) low = mid + 1;
        else high = mid;
      }
      return low === 0 ? undefined : multiply(amount, list[low - 1]!.price);
    },
  };
}

class UnpricedTally {
  private readonly tally = new Map<string, { postings: number; total: Decimal }>();
  add(commodity: string, amount: Decimal, postings = 1): void {
    const t = this.tally.get(commodity) ?? { postings: 0, total: ZERO };
    this.tally.set(commodity, { postings: t.postings + postings, total: add(t.total, amount) });
  }
  list(): Unpriced[] {
    return [...this.tally.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([commodity, t]) => ({ commodity, postings: t.postings, total: format(t.total) }));
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

function cashBefore(
  postings: readonly Posting[],
  chart: Chart,
  prices: Converter,
  before: string,
  valuedOn: string,
  unpriced?: UnpricedTally,
): Decimal {
  const balances = new Map<string, { amount: Decimal; postings: number }>();
  for (const p of postings) {
    if (p.date >= before || !chart.classify(p.account)?.cash) continue;
    const b = balances.get(p.commodity) ?? { amount: ZERO, postings: 0 };
    balances.set(p.commodity, { amount: add(b.amount, p.amount), postings: b.postings + 1 });
  }
  let total = ZERO;
  for (const [commodity, b] of balances) {
    if (isZero(b.amount)) continue;
    const value = prices.convert(b.amount, commodity, valuedOn);
    if (value) total = add(total, value);
    else unpriced?.add(commodity, b.amount, b.postings);
  }
  return total;
}

/** YYYY-MM-DD of the next day. */
export function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function previousDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Every figure of `window` from the postings, typed by `chart`, in `options.currency`. Income
 * and expense amounts are converted at the latest price on or before each posting's date; cash
 * balances at the price on the balance's date. Pure: no I/O, no clock.
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
  const transactions = new Map<string, Posting[]>();
  let income = ZERO;
  let expense = ZERO;
  for (const p of postings) {
    if (p.date < window.from || p.date >= window.to) continue;
    const info = chart.classify(p.account);
    const value = converter.convert(p.amount, p.commodity, p.date);
    const a = accounts.get(p.account) ?? { total: ZERO, byCommodity: new Map(), postings: 0 };
    a.postings += 1;
    a.byCommodity.set(p.commodity, add(a.byCommodity.get(p.commodity) ?? ZERO, p.amount));
    if (value) a.total = add(a.total, value);
    accounts.set(p.account, a);
    if (info?.type === 'income' || info?.type === 'expense') {
      if (!value) unpriced.add(p.commodity, p.amount);
      else if (info.type === 'income') income = add(income, value);
      else expense = add(expense, value);
    }
    const group = transactions.get(p.transaction) ?? [];
    group.push(p);
    transactions.set(p.transaction, group);
  }

  let transferCount = 0;
  let transferAmount = ZERO;
  for (const group of transactions.values()) {
    const types = group.map((p) => chart.classify(p.account)?.type);
    if (!types.every((t) => t === 'asset' || t === 'liability')) continue;
    transferCount += 1;
    // The money moved: the sum of one side (the positive legs) of the transfer.
    for (const p of group) {
      if (p.amount.units <= 0n) continue;
      const value = converter.convert(p.amount, p.commodity, p.date);
      if (value) transferAmount = add(transferAmount, value);
    }
  }

  // Unpriced cash is reported once, as it stands at the end.
  const cashAtStart = cashBefore(postings, chart, converter, window.from, previousDay(window.from));
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

  const accountTotals: AccountTotal[] = [...accounts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([account, a]) => {
      const info = chart.classify(account);
      return {
        account,
        type: info?.type ?? null,
        cash: info?.cash ?? false,
        total: minor(a.total),
        byCommodity: Object.fromEntries([...a.byCommodity].map(([c, d]) => [c, format(d)])),
        postings: a.postings,
      };
    });

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
    untyped: accountTotals
      .filter((a) => a.type === null)
      .map((a) => ({ account: a.account, postings: a.postings })),
  };
}

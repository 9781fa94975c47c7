// What each account is (income, expense, asset, liability, equity; cash or not), from a short
// chart of patterns, so a journal with 55 accounts needs a few lines, not 55.

export type AccountType = 'income' | 'expense' | 'asset' | 'liability' | 'equity';

/**
 * One line of the chart. `pattern` is one of:
 * - an exact account name or code: `Assets:US:BofA:Checking`, `1000`;
 * - a prefix: `Expenses:Food:*` (the account `Expenses:Food` and every account under it), or
 *   any text ending in `*` (`Exp*`);
 * - a range of numeric codes, both ends included: `6100-6199`.
 */
export interface AccountRule {
  readonly pattern: string;
  readonly type: AccountType;
  /**
   * Money on hand: a bank, cash or money-market account. A liability may be marked too (a
   * credit card paid off each month), and then counts as negative cash.
   */
  readonly cash?: boolean;
  /** A human name for the report (the chart of accounts' `name`). */
  readonly name?: string;
}

export interface AccountInfo {
  readonly type: AccountType;
  readonly cash: boolean;
  readonly name?: string;
  /** The pattern that decided it (`(default)` for hledger's top-level names). */
  readonly rule: string;
}

export interface Chart {
  /** The account's type, or undefined when no rule and no default names it. */
  classify(account: string): AccountInfo | undefined;
}

// hledger's and Beancount's top-level names (hledger also accepts revenue(s) and the singulars).
const DEFAULTS: [RegExp, AccountType][] = [
  [/^assets?(:|$)/i, 'asset'],
  [/^liabilit(y|ies)(:|$)/i, 'liability'],
  [/^equity(:|$)/i, 'equity'],
  [/^(income|revenues?)(:|$)/i, 'income'],
  [/^expenses?(:|$)/i, 'expense'],
];

interface CompiledRule {
  readonly rule: AccountRule;
  /** Larger is more specific: exact beats prefix beats range; longer prefix, narrower range. */
  readonly rank: number;
  matches(account: string): boolean;
}

function compile(rule: AccountRule): CompiledRule | string {
  const { pattern } = rule;
  const range = /^(\d+)\s*-\s*(\d+)$/.exec(pattern);
  if (range) {
    const low = BigInt(range[1]!);
    const high = BigInt(range[2]!);
    if (low > high) return `"${pattern}": the range runs backwards`;
    const width = Number(high - low);
    return {
      rule,
      rank: 1_000_000 - Math.min(width, 999_999),
      matches: (account) =>
        /^\d+$/.test(account) && BigInt(account) >= low && BigInt(account) <= high,
    };
  }
  if (pattern.endsWith(':*')) {
    const parent = pattern.slice(0, -2).toLowerCase();
    return {
      rule,
      rank: 2_000_000 + parent.length,
      matches: (account) => {
        const a = account.toLowerCase();
        return a === parent || a.startsWith(`${parent}:`);
      },
    };
  }
  if (pattern.endsWith('*')) {
    const prefix = pattern.slice(0, -1).toLowerCase();
    return {
      rule,
      rank: 2_000_000 + prefix.length,
      matches: (account) => account.toLowerCase().startsWith(prefix),
    };
  }
  if (pattern.includes('*')) return `"${pattern}": a * may only end a pattern`;
  const exact = pattern.toLowerCase();
  return { rule, rank: 4_000_000, matches: (account) => account.toLowerCase() === exact };
}

/**
 * A chart from rules, the most specific matching rule winning (exact name, then the longest
 * prefix, then the narrowest code range); with `defaults` (on unless set false), hledger's and
 * Beancount's top-level names type whatever no rule names. Names match case-insensitively, as
 * hledger's queries do. Throws nothing: a malformed pattern is returned in `problems`.
 */
export function accountChart(
  rules: readonly AccountRule[],
  options: { defaults?: boolean } = {},
): Chart & { problems: string[] } {
  const problems: string[] = [];
  const compiled: CompiledRule[] = [];
  for (const rule of rules) {
    const c = compile(rule);
    if (typeof c === 'string') problems.push(c);
    else compiled.push(c);
  }
  compiled.sort((a, b) => b.rank - a.rank);
  const cache = new Map<string, AccountInfo | undefined>();
  return {
    problems,
    classify(account) {
      if (cache.has(account)) return cache.get(account);
      let info: AccountInfo | undefined;
      const hit = compiled.find((c) => c.matches(account));
      if (hit) {
        info = {
          type: hit.rule.type,
          cash: hit.rule.cash ?? false,
          ...(hit.rule.name ? { name: hit.rule.name } : {}),
          rule: hit.rule.pattern,
        };
      } else if (options.defaults !== false) {
        const top = DEFAULTS.find(([re]) => re.test(account));
        if (top) info = { type: top[1], cash: false, rule: '(default)' };
      }
      cache.set(account, info);
      return info;
    },
  };
}

/** The chart boardroom's portfolio.yml already has: account code → name and type. */
export function rulesFromChartOfAccounts(
  chart: Record<string, { name: string; type: AccountType; cash?: boolean }>,
): AccountRule[] {
  return Object.entries(chart).map(([pattern, a]) => ({
    pattern,
    type: a.type,
    name: a.name,
    ...(a.cash !== undefined ? { cash: a.cash } : {}),
  }));
}

// Whether a spending category is a fixed or a variable cost, from portfolio.yml's
// cost_categories: a ledger.csv category (`salaries`) or, for journals, an expense account name
// or pattern (`Expenses:Rent`, `Expenses:Food:*`, `6100-6199`), matched as accounts are.
import { accountChart } from './accounts.js';

export type CostClass = 'fixed' | 'variable';

export interface CostClassifier {
  /** The category's class, or undefined when neither list names it (it is "unclassified"). */
  classOf(category: string): CostClass | undefined;
  /** Malformed entries (`a*b`), each with the list and index it is at. */
  readonly problems: readonly { list: CostClass; index: number; message: string }[];
}

/**
 * A classifier over `fixed` and `variable` entries. The most specific entry wins, as in the
 * chart of accounts (an exact name, then the longest prefix, then the narrowest code range), so
 * `Expenses:Travel:*` may be variable while `Expenses:*` is fixed. Names match case-insensitively.
 */
export function costClassifier(categories: {
  readonly fixed: readonly string[];
  readonly variable: readonly string[];
}): CostClassifier {
  const problems: { list: CostClass; index: number; message: string }[] = [];
  const rules = (['fixed', 'variable'] as const).flatMap((list) =>
    categories[list].map((pattern, index) => {
      const single = accountChart([{ pattern, type: 'expense' }], { defaults: false });
      for (const message of single.problems) problems.push({ list, index, message });
      return { pattern, type: 'expense' as const, name: list };
    }),
  );
  const chart = accountChart(rules, { defaults: false });
  return {
    problems,
    classOf: (category) => chart.classify(category)?.name as CostClass | undefined,
  };
}

// Small constructors so every analysis builds findings and actions the same way.
import type { PersonaId, SectionId } from '../config/schema.js';
import { roundTo } from '../figures.js';
import { addDays } from './dates.js';
import type { ActionItem, Figure, Finding, Priority, Severity } from './types.js';

/** "1 day", "3 days": a count with its noun, for finding titles. */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

/** How long an action may take, by the severity of what raised it. */
const DAYS_TO_ACT: Record<Severity, number> = { critical: 7, warning: 21, info: 30 };
const PRIORITY: Record<Severity, Priority> = { critical: 'high', warning: 'medium', info: 'low' };

export interface FindingInput {
  readonly rule: string;
  readonly severity: Severity;
  readonly title: string;
  readonly entity: string | null;
  /** Distinguishes two findings of one rule on one entity (a stack, an invoice). */
  readonly subject?: string;
  readonly figures?: Record<string, Figure>;
}

/** Collects the findings and actions of one section as it is analysed. */
export class SectionFindings {
  readonly findings: Finding[] = [];
  readonly actions: ActionItem[] = [];

  constructor(
    readonly section: SectionId,
    private readonly owner: PersonaId,
    private readonly asOf: string,
  ) {}

  /** An empty collector for the same section, owner and date: one entity's part (entityRows). */
  fork(): SectionFindings {
    return new SectionFindings(this.section, this.owner, this.asOf);
  }

  /** Appends findings and actions collected by a fork (an entity's cached part), in order. */
  addAll(part: {
    readonly findings: readonly Finding[];
    readonly actions: readonly ActionItem[];
  }): void {
    for (const finding of part.findings) this.findings.push(finding);
    for (const action of part.actions) this.actions.push(action);
  }

  add(input: FindingInput, action?: string): Finding {
    const finding: Finding = {
      id: [input.rule, input.entity ?? 'portfolio', input.subject].filter(Boolean).join(':'),
      rule: input.rule,
      severity: input.severity,
      title: input.title,
      entity: input.entity,
      section: this.section,
      figures: input.figures ?? {},
    };
    this.findings.push(finding);
    if (action) {
      this.actions.push({
        title: action,
        owner: this.owner,
        due: addDays(this.asOf, DAYS_TO_ACT[finding.severity]),
        priority: PRIORITY[finding.severity],
        finding: finding.id,
        entity: finding.entity,
        section: this.section,
      });
    }
    return finding;
  }
}

/**
 * `value` rounded to `digits` decimals (halves away from zero, on the decimal it stands for): how
 * a figure is kept. Money is rounded with `money` and added with `sumMoney` (src/figures.ts).
 */
export function round(value: number, digits = 2): number {
  return roundTo(value, digits);
}

/** Adds a value to its key's list in a grouping map (in place: no copy per row). */
export function addTo<K, V>(groups: Map<K, V[]>, key: K, value: V): void {
  const list = groups.get(key);
  if (list) list.push(value);
  else groups.set(key, [value]);
}

/** The sum of counts, hours or days; money is added in cents with `sumMoney`. */
export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/**
 * value / total of counts, or null when the total is zero (a share of nothing is not 0 %); a
 * ratio of money is `moneyRatio`.
 */
export function ratio(value: number, total: number): number | null {
  return total === 0 ? null : value / total;
}

// Which alert conditions hold at the as-of date, from the same figures the reports show: the
// CFO's runway and cash (Analyzer.finance), the client-billing section's open invoices, and every
// section's critical findings. Pure: the analyzers carry the date; nothing here reads a clock.
import { count } from '../analysis/findings.js';
import type { Analyzer, Finding } from '../analysis/index.js';
import type { Entity } from '../config/load.js';
import { sectionIds } from '../config/schema.js';
import { formatMoney, formatRunway, shownMoney } from '../figures.js';
import type { AlertConfig } from './schema.js';

/** One condition that holds: an alert for one entity, one invoice or one finding. */
export interface AlertCondition {
  /**
   * Stable across runs for the same condition: `<alert>/<entity>` (runway, cash),
   * `<alert>/<entity>/<invoice>` (an overdue invoice), `<alert>/<finding id>` (a critical).
   */
  readonly key: string;
  readonly alert: string;
  readonly when: AlertConfig['when'];
  /** The entity id, or null for a portfolio-wide finding. */
  readonly entity: string | null;
  /** What holds, in one line: "QuickDumpNow runway 2.9 months, under the 3-month floor". */
  readonly headline: string;
  /** The figures behind it, as the reports show them: label -> value. */
  readonly facts: readonly (readonly [string, string])[];
}

/** One open invoice as the client-billing section lists it (src/analysis/units.ts). */
interface OpenInvoice {
  readonly invoice_id: string;
  readonly client: string;
  readonly amount: number;
  readonly due: string;
  readonly days_past_due: number;
}

export interface EvaluateInput {
  readonly alerts: readonly AlertConfig[];
  /** The portfolio analysed at the as-of date. */
  readonly now: Analyzer;
  /** The portfolio analysed at the previous check: what "new" critical findings are new since. */
  readonly baseline: Analyzer;
  /** Keys firing after the previous check: a critical that fired stays firing while it lasts. */
  readonly firing: ReadonlySet<string>;
}

/**
 * Every condition that holds now, alert by alert in config order. Unknown figures ("no data":
 * no cash figure, no burn) never make a condition hold. A `new_critical` condition holds for a
 * critical finding that was not critical at the baseline, and keeps holding (it is firing) for
 * as long as that finding stays critical.
 */
export function evaluateAlerts(input: EvaluateInput): AlertCondition[] {
  return input.alerts.flatMap((alert) => evaluateAlert(alert, input));
}

function evaluateAlert(alert: AlertConfig, input: EvaluateInput): AlertCondition[] {
  const { now } = input;
  const currency = now.portfolio.settings.currency;
  const money = (value: number) => formatMoney(value, currency);
  const entities = entitiesOf(alert, now);
  const condition = (
    entity: Entity | null,
    subject: string | null,
    headline: string,
    facts: [string, string][],
  ): AlertCondition => ({
    key: [alert.id, ...(subject === null ? [entity?.id ?? 'portfolio'] : [subject])].join('/'),
    alert: alert.id,
    when: alert.when,
    entity: entity?.id ?? null,
    headline,
    facts: [...facts, ['As of', now.asOf]],
  });
  switch (alert.when) {
    case 'runway_below':
      return entities.flatMap((entity) => {
        const f = now.finance(entity);
        const floor = alert.months!;
        // Runway as shown (to a tenth); burning with no cash left is under every floor.
        const under = f.no_cash || (f.runway_months !== null && f.runway_months < floor);
        if (!under) return [];
        const runway = formatRunway(f.runway_months, f.burning, f.cash_on_hand);
        return [
          condition(
            entity,
            null,
            `${entity.name} runway ${runway}, under the ${floor}-month floor`,
            [
              ['Runway', runway],
              ['Cash on hand', cashFact(f.cash_on_hand, f.cash_source, f.cash_as_of, money)],
              [
                'Burn a month',
                f.runway_basis === 'cash'
                  ? `${money(f.cash_burn_monthly!)} (cash burn)`
                  : `${money(f.net_burn_monthly!)} (net burn)`,
              ],
            ],
          ),
        ];
      });
    case 'cash_below':
      return entities.flatMap((entity) => {
        const f = now.finance(entity);
        // Judged as shown (whole units), so the subject never reads "$30,000, under $30,000".
        if (f.cash_on_hand === null || !(shownMoney(f.cash_on_hand) < alert.amount!)) return [];
        return [
          condition(
            entity,
            null,
            `${entity.name} cash ${money(f.cash_on_hand)}, under ${money(alert.amount!)}`,
            [
              ['Cash on hand', cashFact(f.cash_on_hand, f.cash_source, f.cash_as_of, money)],
              ['Floor', money(alert.amount!)],
              ['Runway', formatRunway(f.runway_months, f.burning, f.cash_on_hand)],
            ],
          ),
        ];
      });
    case 'invoice_overdue':
      return entities.flatMap((entity) =>
        openInvoices(now, entity)
          .filter((invoice) => invoice.days_past_due > alert.days!)
          .map((invoice) =>
            condition(
              entity,
              `${entity.id}/${invoice.invoice_id}`,
              `${entity.name} invoice ${invoice.invoice_id} to ${invoice.client} (${money(invoice.amount)}) is ${count(invoice.days_past_due, 'day')} overdue, over ${alert.days}`,
              [
                ['Invoice', `${invoice.invoice_id} to ${invoice.client}`],
                ['Amount', money(invoice.amount)],
                ['Due', invoice.due],
                ['Days past due', String(invoice.days_past_due)],
              ],
            ),
          ),
      );
    case 'new_critical': {
      const before = new Set(criticals(input.baseline, entities).map((f) => f.id));
      return criticals(now, entities)
        .filter(
          (finding) => !before.has(finding.id) || input.firing.has(`${alert.id}/${finding.id}`),
        )
        .map((finding) =>
          condition(
            entities.find((e) => e.id === finding.entity) ?? null,
            finding.id,
            `new critical: ${finding.title}`,
            [
              ['Finding', finding.title],
              ['Section', finding.section],
              ['Critical since', `after ${input.baseline.asOf}`],
            ],
          ),
        );
    }
  }
}

function entitiesOf(alert: AlertConfig, analyzer: Analyzer): Entity[] {
  if (alert.entities === 'all') return analyzer.portfolio.entities;
  const wanted = new Set(alert.entities);
  return analyzer.portfolio.entities.filter((entity) => wanted.has(entity.id));
}

function cashFact(
  cash: number | null,
  source: string | null,
  asOf: string | null,
  money: (value: number) => string,
): string {
  if (cash === null) return 'no data';
  return `${money(cash)} (${source === 'override' ? 'entered by hand' : 'from the books'}, as of ${asOf})`;
}

/** The entity's open invoices on the as-of date, exactly as its client-billing section lists them. */
function openInvoices(analyzer: Analyzer, entity: Entity): readonly OpenInvoice[] {
  if (!entity.tables.invoices) return [];
  const data = analyzer.section('client_billing', [entity]).data as {
    portfolios: { id: string; open_invoices: OpenInvoice[] }[];
  };
  return data.portfolios.find((p) => p.id === entity.id)?.open_invoices ?? [];
}

/** Every critical finding the sections raise over these entities, each once, in section order. */
function criticals(analyzer: Analyzer, entities: readonly Entity[]): Finding[] {
  const found = new Map<string, Finding>();
  for (const id of sectionIds)
    for (const finding of analyzer.section(id, entities).findings)
      if (finding.severity === 'critical' && !found.has(finding.id)) found.set(finding.id, finding);
  return [...found.values()];
}

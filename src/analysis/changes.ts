// Period over period: a report's headline figures and findings now and at the previous period of
// its cadence, both computed from the same books by the same analyses (no stored state), and
// what changed between them. The one place the headline figures are defined.
import type { Entity, Portfolio } from '../config/load.js';
import {
  changeThresholdDefaults,
  type ChangeThresholdKey,
  type ChangeThresholds,
  type SectionId,
} from '../config/schema.js';
import {
  formatMoney,
  formatNumber,
  formatPercent,
  formatQuantity,
  NO_DATA,
  roundTo,
  shownMoney,
  shownQuantity,
  shownRatio,
  shownTenths,
} from '../figures.js';
import type { Finding, SectionResult } from './types.js';
import { withFields } from './shapes.js';
import { mapPacked } from './packed.js';
import { cachedIn } from '../collections.js';

/** How a headline figure is measured: the unit decides how it is rounded, shown and compared. */
export type FigureUnit = 'money' | 'percent' | 'months' | 'count' | 'ratio';

/** One headline figure of one entity (or one of its channels or KPIs), at one as-of date. */
export interface HeadlineFigure {
  /** The change threshold's key (portfolio.yml `change_thresholds`): `runway_months`, `roas`… */
  readonly key: ChangeThresholdKey;
  /** Unique within the report: `<entity>:<key>[:<subject>]`; the previous period is matched on it. */
  readonly id: string;
  readonly label: string;
  readonly entity: string;
  readonly entity_name: string;
  /** The section that shows it: its then-and-now table goes under that section. */
  readonly section: SectionId;
  readonly unit: FigureUnit;
  /** Which way is good for the reader. */
  readonly better: 'higher' | 'lower';
  readonly value: number | null;
  /** What stands in for a missing value ("not burning" for runway); "no data" otherwise. */
  readonly empty?: string;
  /** A KPI's declared unit ("jobs", "USD", "%"), for showing it as the entity's file writes it. */
  readonly quantity_unit: string | null;
  /**
   * Typed by hand in the entity's file (a KPI's `actual`), not computed from dated books: the
   * previous period reads the same value unless the file changed, so it never moves here.
   */
  readonly typed: boolean;
}

/** A headline figure now and at the previous period, and how it moved. */
export interface FigureChange extends Omit<HeadlineFigure, 'value' | 'empty'> {
  readonly current: number | null;
  readonly previous: number | null;
  /** current − previous, on the values as shown (whole currency units, tenths of a month…). */
  readonly change: number | null;
  /** The change over |previous| (0.2 is 20%); null when previous is zero or either is unknown. */
  readonly change_ratio: number | null;
  readonly arrow: '▲' | '▼' | '=' | '';
  /** true when the move is the good way, false when bad, null when it did not move or is unknown. */
  readonly good: boolean | null;
  /** The relative move that counts as "moved" for this figure (change_thresholds). */
  readonly threshold: number;
  readonly past_threshold: boolean;
  /** As the reader sees them: "$12,345", "2.8 months", "75.0%", "+$1,200", "+4.2 pts", "−12.5%". */
  readonly text: {
    readonly current: string;
    readonly previous: string;
    readonly change: string;
    readonly change_percent: string;
  };
}

export interface EntityFigures {
  readonly id: string;
  readonly name: string;
  readonly figures: FigureChange[];
}

/** A finding as "What changed" lists it. */
export interface ChangedFinding {
  readonly id: string;
  readonly severity: Finding['severity'];
  readonly title: string;
  readonly entity: string | null;
}

/** What changed in one report since the previous period of its cadence. */
export interface ReportChanges {
  readonly as_of: string;
  readonly previous_as_of: string;
  /** Findings the report shows now and did not show at the previous as-of date, by finding id. */
  readonly opened: ChangedFinding[];
  /** Findings shown at the previous as-of date and gone now (the previous period's titles). */
  readonly resolved: ChangedFinding[];
  /** How many findings are shown in both periods. */
  readonly persisting: number;
  /** Headline figures that moved at least their threshold, in report order. */
  readonly moved: FigureChange[];
  /** Every headline figure of the report's sections, by entity. */
  readonly entities: EntityFigures[];
  /** The same figures by the section that shows them, in report order (its then-and-now table). */
  readonly sections: Partial<Record<SectionId, FigureChange[]>>;
  /** true when a finding was opened or resolved or a figure moved past its threshold. */
  readonly changed: boolean;
}

type Data = Record<string, unknown>;
const list = (value: unknown): Data[] => (Array.isArray(value) ? (value as Data[]) : []);
const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function figure(
  entity: Data,
  key: ChangeThresholdKey,
  label: string,
  unit: FigureUnit,
  better: 'higher' | 'lower',
  value: unknown,
  extra: Partial<HeadlineFigure> & { subject?: string } = {},
): Omit<HeadlineFigure, 'section'> {
  const { subject, ...rest } = extra;
  const id = text(entity.id);
  return {
    key,
    id: `${id}:${key}${subject ? `:${subject}` : ''}`,
    label,
    entity: id,
    entity_name: text(entity.name),
    unit,
    better,
    value: num(value),
    typed: false,
    quantity_unit: null,
    ...rest,
  };
}

/** Where a section's headline figures are: the rows of its data, and each row's figures. */
interface Headlines {
  readonly rows: (data: Data) => Data[];
  readonly figures: (row: Data, portfolio: Portfolio) => Omit<HeadlineFigure, 'section'>[];
}

/**
 * The headline figures each section shows, read from the data the section already computed:
 * nothing is computed twice, and a report has only the figures of the sections it has. A row's
 * figures depend on that row and the portfolio alone (FigureMemo keeps them by row).
 */
const HEADLINES: Partial<Record<SectionId, Headlines>> = {
  burn: {
    rows: (data) => list(data.entities),
    figures: (e) => [
      figure(e, 'revenue_monthly', 'Revenue / mo', 'money', 'higher', e.revenue_monthly),
      figure(e, 'gross_burn_monthly', 'Gross burn / mo', 'money', 'lower', e.gross_burn_monthly),
      figure(e, 'net_burn_monthly', 'Net burn / mo', 'money', 'lower', e.net_burn_monthly),
      figure(e, 'cash_on_hand', 'Cash on hand', 'money', 'higher', e.cash_on_hand),
      figure(e, 'runway_months', 'Runway', 'months', 'higher', e.runway_months, {
        ...(e.burning === false ? { empty: 'not burning' } : {}),
      }),
    ],
  },
  break_even: {
    rows: (data) => list(data.entities),
    figures: (e) => [
      figure(e, 'break_even_gap_monthly', 'Break-even gap / mo', 'money', 'higher', e.gap_monthly),
    ],
  },
  property: {
    rows: (data) => list(data.properties),
    figures: (p) => [
      figure(p, 'noi_monthly', 'NOI / mo', 'money', 'higher', p.noi_monthly),
      figure(p, 'occupancy', 'Occupancy', 'percent', 'higher', p.occupancy),
    ],
  },
  client_billing: {
    rows: (data) => list(data.portfolios),
    figures: (p) => [
      figure(
        p,
        'ar_overdue',
        'AR overdue',
        'money',
        'lower',
        list(p.open_invoices)
          .filter((invoice) => (num(invoice.days_past_due) ?? 0) > 0)
          .reduce((cents, invoice) => cents + Math.round((num(invoice.amount) ?? 0) * 100), 0) /
          100,
      ),
      figure(p, 'cac', 'CAC (per client)', 'money', 'lower', p.acquisition_cost),
    ],
  },
  channel_attribution: {
    rows: (data) => list(data.entities),
    figures: (e) =>
      list(e.channels)
        .filter((c) => num(c.cac) !== null || num(c.roas) !== null)
        .flatMap((c) => [
          figure(e, 'cac', `CAC: ${text(c.name)}`, 'money', 'lower', c.cac, {
            subject: text(c.id),
          }),
          figure(e, 'roas', `ROAS: ${text(c.name)}`, 'ratio', 'higher', c.roas, {
            subject: text(c.id),
          }),
        ]),
  },
  missing_kpis: {
    rows: (data) => list(data.entities),
    figures: (e, portfolio) => {
      const declared = portfolio.entities.find((entity: Entity) => entity.id === e.id)?.kpis ?? [];
      return list(e.reported).map((k) =>
        figure(e, 'kpi', text(k.name), 'count', kpiBetter(declared, text(k.id)), k.actual, {
          subject: text(k.id),
          typed: true,
          ...(typeof k.unit === 'string' ? { quantity_unit: k.unit } : {}),
        }),
      );
    },
  },
};

/** One row's headline figures as the section `section` shows them. */
function rowFigures(
  section: SectionId,
  headlines: Headlines,
  row: Data,
  portfolio: Portfolio,
): HeadlineFigure[] {
  return mapPacked(headlines.figures(row, portfolio), (item) => withFields(item, { section }));
}

function kpiBetter(declared: Entity['kpis'], id: string): 'higher' | 'lower' {
  return declared.find((k) => k.id === id)?.better ?? 'higher';
}

/**
 * The headline figures of a report's sections, in section order, each once (the CEO's and the
 * CFO's sections do not repeat one another's figures). With `memo`, each row's figures are those
 * the memo made the first time it met the row (the same values: see FigureMemo).
 */
export function headlineFigures(
  sections: readonly SectionResult[],
  portfolio: Portfolio,
  memo?: FigureMemo,
): HeadlineFigure[] {
  const seen = new Map<string, HeadlineFigure>();
  const remembered = memo?.portfolio === portfolio ? memo : undefined;
  for (const section of sections) {
    const headlines = HEADLINES[section.id];
    if (!headlines) continue;
    for (const row of headlines.rows(section.data as Data)) {
      const items = remembered
        ? remembered.rowFigures(section.id, headlines, row)
        : rowFigures(section.id, headlines, row, portfolio);
      for (const item of items) if (!seen.has(item.id)) seen.set(item.id, item);
    }
  }
  return [...seen.values()];
}

/** Each finding a report shows (its own and those it gathers), once, by id. */
export function shownFindings(sections: readonly SectionResult[]): Map<string, Finding> {
  const shown = new Map<string, Finding>();
  const add = (findings: readonly Finding[]) => {
    for (const finding of findings) if (!shown.has(finding.id)) shown.set(finding.id, finding);
  };
  for (const section of sections) {
    add(section.findings);
    if (section.gathered?.findings) add(section.gathered.findings);
  }
  return shown;
}

/** A value as it is shown, so a change is judged on what the reader sees beside it. */
function shown(item: HeadlineFigure, value: number, currency: string): number {
  switch (item.unit) {
    case 'money':
      return shownMoney(value);
    case 'percent':
      return shownRatio(value);
    case 'months':
      return shownTenths(value);
    case 'ratio':
      return roundTo(value, 2);
    case 'count':
      return shownQuantity(value, item.quantity_unit, currency);
  }
}

function formatValue(
  item: HeadlineFigure,
  value: number | null,
  currency: string,
  empty?: string,
): string {
  if (value === null) return empty ?? NO_DATA;
  switch (item.unit) {
    case 'money':
      return formatMoney(value, currency);
    case 'percent':
      return formatPercent(value);
    case 'months':
      return `${shownTenths(value).toFixed(1)} months`;
    case 'ratio':
      return formatNumber(value, 2);
    case 'count':
      return formatQuantity(value, item.quantity_unit, currency);
  }
}

// The hyphen the rest of the report writes negative money with ("-$40").
const MINUS = '-';

/** A change with its sign: "+$1,200", "−0.4 months", "+4.2 pts", "=" for none. */
function formatChange(item: HeadlineFigure, change: number, currency: string): string {
  if (change === 0) return '=';
  const sign = change > 0 ? '+' : MINUS;
  const size = Math.abs(change);
  switch (item.unit) {
    case 'percent':
      return `${sign}${formatNumber(size * 100, 1)} pts`;
    case 'months':
      return `${sign}${shownTenths(size).toFixed(1)} months`;
    default:
      return `${sign}${formatValue(item, size, currency)}`;
  }
}

/**
 * One figure now and at the previous period. The change is taken between the values as shown
 * (whole units of money, tenths of a month, tenths of a percent), so it always equals what the
 * reader can subtract from the two printed values, and no float noise reads as a move.
 */
export function compareFigure(
  now: HeadlineFigure,
  before: HeadlineFigure | undefined,
  thresholds: ChangeThresholds,
  currency: string,
): FigureChange {
  const { value: currentValue, empty } = now;
  const previousValue = now.typed ? currentValue : (before?.value ?? null);
  const threshold = thresholds[now.key] ?? thresholds.default;
  const previousText = formatValue(now, previousValue, currency, before?.empty ?? empty);
  if (currentValue === null || previousValue === null) {
    return withFigure(now, {
      current: currentValue,
      previous: previousValue,
      threshold,
      change: null,
      change_ratio: null,
      arrow: '',
      good: null,
      past_threshold: false,
      text: {
        current: formatValue(now, currentValue, currency, empty),
        previous: previousText,
        change: '',
        change_percent: '',
      },
    });
  }
  const nowShown = shown(now, currentValue, currency);
  const beforeShown = shown(now, previousValue, currency);
  // Shown values have at most 4 decimals (a ratio in percent): rounding again removes the
  // float noise of the subtraction (0.3 − 0.1 is 0.19999999999999998).
  const change = roundTo(nowShown - beforeShown, 4);
  const changeRatio = beforeShown === 0 ? null : roundTo(change / Math.abs(beforeShown), 4);
  const moved = change !== 0 && (changeRatio === null || Math.abs(changeRatio) >= threshold - 1e-9);
  const up = change > 0;
  return withFigure(now, {
    current: currentValue,
    previous: previousValue,
    threshold,
    change,
    change_ratio: changeRatio,
    arrow: change === 0 ? '=' : up ? '▲' : '▼',
    good: change === 0 ? null : up === (now.better === 'higher'),
    past_threshold: !now.typed && moved,
    text: {
      current: formatValue(now, currentValue, currency, empty),
      previous: previousText,
      change: formatChange(now, change, currency),
      change_percent:
        changeRatio === null || change === 0
          ? ''
          : `${changeRatio > 0 ? '+' : MINUS}${formatPercent(Math.abs(changeRatio))}`,
    },
  });
}

/** What compareFigure adds to a figure. */
type Comparison = Omit<FigureChange, Exclude<keyof HeadlineFigure, 'value' | 'empty'>>;

/**
 * The figure's own fields but its value and empty text, in their order, then the comparison's:
 * written into one object, as `{ ...figure, ...comparison }` without value and empty would give
 * it (same keys, same order, so the same JSON), without the copies an object rest and two
 * spreads make once per figure of every report.
 */
function withFigure(now: HeadlineFigure, comparison: Comparison): FigureChange {
  const result: Record<string, unknown> = {};
  for (const key in now)
    if (key !== 'value' && key !== 'empty') result[key] = now[key as keyof HeadlineFigure];
  for (const key in comparison) result[key] = comparison[key as keyof Comparison];
  return result as unknown as FigureChange;
}

const asListed = (finding: Finding): ChangedFinding => ({
  id: finding.id,
  severity: finding.severity,
  title: finding.title,
  entity: finding.entity,
});

const SEVERITY_ORDER = { critical: 0, warning: 1, info: 2 } as const;
const bySeverity = (a: ChangedFinding, b: ChangedFinding) =>
  SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];

/**
 * What the comparisons of one run and portfolio share between reports, kept by object: each
 * section row's headline figures (keyed by the row, which an entity's cached part shares between
 * every report that shows it), and each figure's comparison with the previous period's (keyed by
 * the two figures, so a different previous figure is compared afresh). A row's figures depend on
 * the row, its section and `portfolio` alone, and a comparison on the two figures, the change
 * thresholds and the currency, which are fixed here: so a report gets the very values it would
 * compute itself. Weakly held: an entry lives no longer than the row or figure it is kept by (a
 * row made for one report dies with it); the whole memo goes with its Analyzer.
 */
export class FigureMemo {
  private readonly figures = new Map<SectionId, WeakMap<Data, HeadlineFigure[]>>();
  private readonly compared = new WeakMap<
    HeadlineFigure,
    { readonly before: HeadlineFigure | undefined; readonly change: FigureChange }
  >();
  /** The change thresholds over their defaults, as reportChanges makes them. */
  readonly thresholds: ChangeThresholds;

  /**
   * @param portfolio the portfolio the figures are read with (the one reportChanges is given)
   * @param changeThresholds portfolio.yml's `change_thresholds`, the very object reportChanges is
   *   given as `thresholds` (the memo is used only for that one)
   */
  constructor(
    readonly portfolio: Portfolio,
    readonly changeThresholds: Partial<ChangeThresholds> | undefined,
  ) {
    this.thresholds = { ...changeThresholdDefaults, ...changeThresholds } as ChangeThresholds;
  }

  /** `row`'s headline figures in section `section` (made on first use). */
  rowFigures(section: SectionId, headlines: Headlines, row: Data): HeadlineFigure[] {
    const byRow = cachedIn(this.figures, section, () => new WeakMap<Data, HeadlineFigure[]>());
    return cachedIn(byRow, row, () => rowFigures(section, headlines, row, this.portfolio));
  }

  /** compareFigure(now, before) with this memo's thresholds and currency, made once per pair. */
  compare(now: HeadlineFigure, before: HeadlineFigure | undefined): FigureChange {
    const done = this.compared.get(now);
    if (done && done.before === before) return done.change;
    const change = compareFigure(now, before, this.thresholds, this.portfolio.settings.currency);
    this.compared.set(now, { before, change });
    return change;
  }
}

/**
 * What changed in a report between the previous period's sections and this period's (the same
 * report analysed at both as-of dates): findings opened and resolved (by finding id), and every
 * headline figure with its previous value and its move. `thresholds` are portfolio.yml's
 * `change_thresholds` over their defaults.
 */
export function reportChanges(input: {
  readonly portfolio: Portfolio;
  readonly asOf: string;
  readonly previousAsOf: string;
  readonly current: readonly SectionResult[];
  readonly previous: readonly SectionResult[];
  readonly thresholds?: Partial<ChangeThresholds>;
  /** Shares rows' figures and comparisons between reports (FigureMemo); same result without. */
  readonly memo?: FigureMemo;
}): ReportChanges {
  const { portfolio } = input;
  const memo =
    input.memo?.portfolio === portfolio && input.memo.changeThresholds === input.thresholds
      ? input.memo
      : undefined;
  const thresholds =
    memo?.thresholds ?? ({ ...changeThresholdDefaults, ...input.thresholds } as ChangeThresholds);
  const currency = portfolio.settings.currency;
  const now = shownFindings(input.current);
  const before = shownFindings(input.previous);
  const opened = mapPacked(
    [...now.values()].filter((f) => !before.has(f.id)),
    asListed,
  );
  const resolved = mapPacked(
    [...before.values()].filter((f) => !now.has(f.id)),
    asListed,
  );
  const persisting = [...now.keys()].filter((id) => before.has(id)).length;

  const previousFigures = new Map(
    headlineFigures(input.previous, portfolio, memo).map((item) => [item.id, item]),
  );
  const entities = new Map<string, EntityFigures>();
  for (const item of headlineFigures(input.current, portfolio, memo)) {
    const entity = cachedIn(entities, item.entity, (id) => ({
      id,
      name: item.entity_name,
      figures: [],
    }));
    const before = previousFigures.get(item.id);
    entity.figures.push(
      memo ? memo.compare(item, before) : compareFigure(item, before, thresholds, currency),
    );
  }
  const grouped = [...entities.values()];
  // Every section of the report has its list, empty when it shows no headline figure.
  const sections: Partial<Record<SectionId, FigureChange[]>> = {};
  for (const section of input.current) sections[section.id] = [];
  const moved: FigureChange[] = [];
  for (const entity of grouped)
    for (const item of entity.figures) {
      (sections[item.section] ??= []).push(item);
      if (item.past_threshold) moved.push(item);
    }
  return {
    as_of: input.asOf,
    previous_as_of: input.previousAsOf,
    opened: opened.sort(bySeverity),
    resolved: resolved.sort(bySeverity),
    persisting,
    moved,
    entities: grouped,
    sections,
    changed: opened.length > 0 || resolved.length > 0 || moved.length > 0,
  };
}

// The portfolio as it stood on a date: every analysis reads an entity's tables through this, so
// a report for any earlier as-of date (the previous period a trend compares with) sees only what
// was known then. The books' postings are not touched here: every sum over them is already
// bounded by the as-of date (cash up to it, monthly totals over the full months before it).
import type { Entity, Portfolio } from '../config/load.js';
import type { Row, TableName, Tables } from '../config/tables.js';
import { monthOf } from './dates.js';
import { withFields } from './shapes.js';
import { cachedIn } from '../collections.js';

/** The column that says when a row came to be known: a row dated after the as-of date did not exist yet. */
const KNOWN_FROM: { [T in TableName]?: keyof Row<T> & string } = {
  ledger: 'date',
  bookings: 'booked',
  channel_spend: 'month',
  deliveries: 'quoted',
  invoices: 'issued',
  timesheets: 'date',
  clients: 'acquired',
  maintenance: 'opened',
};

/**
 * Later steps a row records (a payment, a delivery step, a closing): one dated after the as-of
 * date had not happened yet, so it is read as empty. Dates that are plans, not events (an
 * invoice's `due`, a lease's `lease_end`, a booking's `service_date`), are not listed.
 */
const LATER_STEPS: { [T in TableName]?: readonly (keyof Row<T> & string)[] } = {
  deliveries: ['accepted', 'departed', 'delivered', 'invoiced'],
  invoices: ['paid'],
  maintenance: ['closed'],
};

/** What else a row said before a later step happened: a request closed later was still open. */
const BEFORE_STEP: { [T in TableName]?: (row: Row<T>) => Row<T> } = {
  maintenance: (row) => (row.closed === undefined ? withFields(row, { status: 'open' }) : row),
};

/**
 * The portfolio as known on `asOf` (YYYY-MM-DD): each entity's tables without the rows dated
 * after it and with the later steps not yet taken emptied. Entities and the portfolio are
 * returned as they are (the same objects) when nothing in them is after `asOf`, so caches keyed
 * by them keep working. Pure; never mutates its input.
 */
export function portfolioAsOf(portfolio: Portfolio, asOf: string): Portfolio {
  let changed = false;
  const entities = portfolio.entities.map((entity) => {
    const seen = entityAsOf(entity, asOf);
    if (seen !== entity) changed = true;
    return seen;
  });
  return changed ? withFields(portfolio, { entities }) : portfolio;
}

/**
 * Entities as known on each as-of date, once per (entity, date): the analyses ask for the same
 * entity at the same date on every section, and an entity already as of a date (which is what
 * an Analyzer's sections are handed) is that date's view of itself. Held weakly with the entity.
 */
const knownOn = new WeakMap<Entity, Map<string, Entity>>();

/**
 * One entity as known on `asOf`; the same object when nothing in its tables is later. Computed
 * once per (entity, asOf): entities are never mutated, so the view is kept.
 */
export function entityAsOf(entity: Entity, asOf: string): Entity {
  const byDate = cachedIn(knownOn, entity, () => new Map<string, Entity>());
  return cachedIn(byDate, asOf, () => {
    const seen = filterAsOf(entity, asOf);
    // Filtering again changes nothing: the view is its own view on that date.
    if (seen !== entity) knownOn.set(seen, new Map([[asOf, seen]]));
    return seen;
  });
}

function filterAsOf(entity: Entity, asOf: string): Entity {
  let changed = false;
  const tables: Partial<Tables> = {};
  for (const [name, rows] of Object.entries(entity.tables) as [TableName, Row<TableName>[]][]) {
    const seen = rows && tableAsOf(name, rows, asOf);
    if (seen !== rows) changed = true;
    (tables as Record<string, unknown>)[name] = seen;
  }
  return changed ? withFields(entity, { tables }) : entity;
}

function tableAsOf<T extends TableName>(name: T, rows: Row<T>[], asOf: string): Row<T>[] {
  const known = KNOWN_FROM[name] as string | undefined;
  const steps = (LATER_STEPS[name] ?? []) as readonly string[];
  const before = BEFORE_STEP[name] as ((row: Row<T>) => Row<T>) | undefined;
  // A month column is known from its month on (the month's spend is recorded during it).
  const limit = name === 'channel_spend' ? monthOf(asOf) : asOf;
  let changed = false;
  const kept: Row<T>[] = [];
  for (const row of rows) {
    const fields = row as unknown as Record<string, string | undefined>;
    if (known && fields[known] !== undefined && fields[known]! > limit) {
      changed = true;
      continue;
    }
    const later = steps.filter((step) => fields[step] !== undefined && fields[step]! > asOf);
    if (later.length === 0) {
      kept.push(row);
      continue;
    }
    changed = true;
    const emptied = { ...row } as Record<string, unknown>;
    for (const step of later) emptied[step] = undefined;
    kept.push(before ? before(emptied as Row<T>) : (emptied as Row<T>));
  }
  return changed ? kept : rows;
}

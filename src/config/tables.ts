// The CSV tables under data/<entity>/ and the columns each must have. A table's row type is
// derived from its column list, so the loader, the analyses and the docs agree on one list.

export type ColumnType = 'date' | 'month' | 'number' | 'text';

export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
  /** An optional column may be left empty in a row (it must still be in the header). */
  readonly optional?: boolean;
  /** The only values allowed, for a text column. */
  readonly values?: readonly string[];
}

const col = <
  const N extends string,
  const T extends ColumnType,
  const E extends Omit<ColumnSpec, 'name' | 'type'> = { optional?: false },
>(
  name: N,
  type: T,
  extra?: E,
) => ({ name, type, ...(extra as E) });

export const tableSpecs = {
  /** Every transaction: income positive, spending negative, in the portfolio currency. */
  ledger: [
    col('date', 'date'),
    col('account', 'text'),
    col('category', 'text'),
    col('amount', 'number'),
    col('memo', 'text', { optional: true }),
    col('receipt', 'text', { optional: true }),
  ],
  /** Charter bookings: when booked, when sailed, through which channel, what was paid up front. */
  bookings: [
    col('booking_id', 'text'),
    col('booked', 'date'),
    col('service_date', 'date'),
    col('channel', 'text'),
    col('guests', 'number'),
    col('revenue', 'number'),
    col('deposit', 'number'),
    col('status', 'text', { values: ['confirmed', 'completed', 'cancelled'] }),
  ],
  /** Marketing spend and leads per channel and month. */
  channel_spend: [
    col('month', 'month'),
    col('channel', 'text'),
    col('spend', 'number'),
    col('leads', 'number'),
  ],
  /** Yacht deliveries and the dates each reached a step of the quote-to-invoice chain. */
  deliveries: [
    col('delivery_id', 'text'),
    col('vessel', 'text'),
    col('quoted', 'date'),
    col('accepted', 'date', { optional: true }),
    col('departed', 'date', { optional: true }),
    col('delivered', 'date', { optional: true }),
    col('invoiced', 'date', { optional: true }),
    col('revenue', 'number'),
    col('cost', 'number'),
  ],
  /** Client invoices; `paid` empty means still open. */
  invoices: [
    col('invoice_id', 'text'),
    col('client', 'text'),
    col('issued', 'date'),
    col('due', 'date'),
    col('amount', 'number'),
    col('paid', 'date', { optional: true }),
  ],
  /** Hours logged per client; `invoice` empty means not billed yet. */
  timesheets: [
    col('date', 'date'),
    col('client', 'text'),
    col('hours', 'number'),
    col('rate', 'number'),
    col('invoice', 'text', { optional: true }),
  ],
  /** Clients won: when, from which source, what winning them cost. */
  clients: [
    col('client', 'text'),
    col('acquired', 'date'),
    col('source', 'text'),
    col('acquisition_cost', 'number'),
  ],
  /** Rental units and their current lease. */
  units: [
    col('unit', 'text'),
    col('tenant', 'text', { optional: true }),
    col('rent', 'number'),
    col('status', 'text', { values: ['occupied', 'vacant'] }),
    col('lease_end', 'date', { optional: true }),
  ],
  /** Maintenance requests. */
  maintenance: [
    col('opened', 'date'),
    col('item', 'text'),
    col('status', 'text', { values: ['open', 'closed'] }),
    col('estimate', 'number'),
    col('closed', 'date', { optional: true }),
  ],
} as const satisfies Record<string, readonly ColumnSpec[]>;

export type TableName = keyof typeof tableSpecs;

type CellValue<C extends ColumnSpec> = C['type'] extends 'number'
  ? C['optional'] extends true
    ? number | undefined
    : number
  : C['optional'] extends true
    ? string | undefined
    : string;

/** A parsed row: numbers are numbers, dates stay as YYYY-MM-DD text, empty optionals are undefined. */
export type Row<T extends TableName> = {
  [C in (typeof tableSpecs)[T][number] as C['name']]: CellValue<C>;
} & { readonly line: number };

export type Tables = { [T in TableName]: Row<T>[] };

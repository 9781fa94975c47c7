// In-memory portfolios for the analysis tests: sensible defaults, so that each test states only
// the fields that matter to it. Nothing here touches the file system.
import type { Entity, Persona, Portfolio } from '../../src/config/load.js';
import type {
  PersonaFile,
  PersonaId,
  PortfolioFile,
  SectionId,
  Stack,
} from '../../src/config/schema.js';
import type { Row, TableName, Tables } from '../../src/config/tables.js';
import { Analyzer } from '../../src/analysis/index.js';
import type { Finding, SectionResult } from '../../src/analysis/types.js';

/** The default as-of date: the trailing 3 full months are August, September and October 2026. */
export const AS_OF = '2026-11-15';

type RowInput<T extends TableName> = Partial<Omit<Row<T>, 'line'>>;

const ROW_DEFAULTS: { [T in TableName]: Omit<Row<T>, 'line'> } = {
  ledger: {
    date: '2026-10-01',
    account: '6000',
    category: 'other',
    amount: 0,
    memo: undefined,
    receipt: 'R-1',
  },
  bookings: {
    booking_id: 'B-1',
    booked: '2026-10-01',
    service_date: '2026-10-10',
    channel: 'direct',
    guests: 2,
    revenue: 0,
    deposit: 0,
    status: 'completed',
  },
  channel_spend: { month: '2026-10', channel: 'direct', spend: 0, leads: 0 },
  deliveries: {
    delivery_id: 'D-1',
    vessel: 'Vessel',
    quoted: '2026-10-01',
    accepted: undefined,
    departed: undefined,
    delivered: undefined,
    invoiced: undefined,
    revenue: 0,
    cost: 0,
  },
  invoices: {
    invoice_id: 'INV-1',
    client: 'client-a',
    issued: '2026-10-01',
    due: '2026-10-31',
    amount: 0,
    paid: undefined,
  },
  timesheets: {
    date: '2026-10-01',
    client: 'client-a',
    hours: 0,
    rate: 0,
    invoice: 'INV-1',
  },
  clients: { client: 'client-a', acquired: '2026-01-01', source: 'referral', acquisition_cost: 0 },
  units: { unit: 'A', tenant: 'Tenant', rent: 0, status: 'occupied', lease_end: undefined },
  maintenance: {
    opened: '2026-11-01',
    item: 'Item',
    status: 'open',
    estimate: 0,
    closed: undefined,
  },
};

/** Rows of one table; each gets the `line` it would have in a CSV file (header is line 1). */
export function rows<T extends TableName>(table: T, inputs: RowInput<T>[]): Row<T>[] {
  return inputs.map(
    (input, index) => ({ ...ROW_DEFAULTS[table], ...input, line: index + 2 }) as Row<T>,
  );
}

/**
 * ledger.csv rows. A row that names no account is booked where its sign says a test means it:
 * income (4000) when positive, an expense (6000) when negative — the test chart below types them.
 */
export const ledger = (...inputs: RowInput<'ledger'>[]) =>
  rows(
    'ledger',
    inputs.map((input) => ({ account: (input.amount ?? 0) >= 0 ? '4000' : '6000', ...input })),
  );

/** The account types a test entity's ledger codes have unless a test sets its own `accounts`. */
export const TEST_ACCOUNTS: Entity['accounts'] = {
  '1000-1999': { type: 'asset' },
  '2000-2999': { type: 'liability' },
  '3000-3999': { type: 'equity' },
  '4000-4999': { type: 'income' },
  '5000-6999': { type: 'expense' },
};

type Assets = Entity['assets'];
type Channel = Entity['channels'][number];

export interface EntityInput extends Partial<
  Omit<Entity, 'id' | 'file' | 'tables' | 'assets' | 'cash_on_hand'>
> {
  readonly cash?: number;
  readonly assets?: Partial<Assets>;
  readonly tables?: Partial<Tables>;
}

export function entity(id: string, input: EntityInput = {}): Entity {
  const { cash, assets, tables, ...rest } = input;
  return {
    name: id.toUpperCase(),
    kind: 'charter',
    cash_on_hand: { amount: cash ?? 0, as_of: AS_OF },
    deposits_booked: 'at_service',
    accounts: TEST_ACCOUNTS,
    stacks: [],
    channels: [],
    kpis: [],
    seo: [],
    ...rest,
    assets: { domains: [], sites: [], vessels: [], properties: [], accounts: [], ...assets },
    id,
    file: `reports-config/entities/${id}.yml`,
    tables: tables ?? {},
  };
}

/** A stack that passes every check: each test breaks only what it is about. */
export function stack(id: string, input: Partial<Stack> = {}): Stack {
  return {
    id,
    name: id.toUpperCase(),
    services: [],
    tls: true,
    mfa: true,
    backups: 'daily',
    dependencies_updated: AS_OF,
    secrets: 'ci-secrets',
    ci: true,
    cd: true,
    ux: { performance: 95, accessibility: 95, mobile_friendly: true, online_booking: true },
    ...input,
  };
}

export function channel(id: string, input: Partial<Channel> = {}): Channel {
  return { id, name: id.toUpperCase(), kind: 'paid', commission_rate: 0, live: true, ...input };
}

export interface PortfolioInput {
  readonly entities: Entity[];
  readonly settings?: Partial<PortfolioFile>;
  readonly personas?: Partial<Record<PersonaId, Partial<PersonaFile>>>;
}

export function portfolio(input: PortfolioInput): Portfolio {
  const settings: PortfolioFile = {
    name: 'Test Holdings',
    currency: 'USD',
    timezone: 'America/Los_Angeles',
    sender: 'reports@example.com',
    bcc: [],
    ses: {},
    owners: {
      ceo: { name: 'Cee Oh', email: 'ceo@example.com' },
      cfo: { name: 'Cee Eff', email: 'cfo@example.com' },
    },
    thresholds: {},
    cost_categories: { fixed: [], variable: [], subscriptions: [] },
    chart_of_accounts: {},
    accounts: {},
    capital_priorities: [],
    delivery: { wave_size: 5, max_wave_failure_share: 0.5 },
    required_kpis: {},
    ...input.settings,
  };
  const personas = new Map<PersonaId, Persona>();
  for (const [id, persona] of Object.entries(input.personas ?? {})) {
    personas.set(id as PersonaId, {
      title: id.toUpperCase(),
      sections: [],
      thresholds: {},
      template: id,
      ...persona,
      id: id as PersonaId,
      file: `reports-config/personas/${id}.yml`,
    });
  }
  return {
    dir: 'reports-config',
    settings,
    entities: input.entities,
    personas,
    reports: [],
    templates: new Map(),
  };
}

/** One section over every entity of the portfolio, computed by a fresh Analyzer. */
export function analyze<D = Record<string, unknown>>(
  p: Portfolio,
  id: SectionId,
  asOf: string = AS_OF,
): SectionResult<D> {
  return new Analyzer(p, asOf).section(id, p.entities) as SectionResult<D>;
}

export const ids = (findings: readonly Finding[]) => findings.map((f) => f.id).sort();

export const byRule = (findings: readonly Finding[], rule: string) =>
  findings.filter((f) => f.rule === rule);

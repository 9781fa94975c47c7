// The shape of every YAML file in reports-config/. One zod schema per file kind gives both the
// TypeScript types and the checks; strict objects make unknown keys an error.
import * as z from 'zod';
import { accountPatternsSchema, booksSchema } from '../books/config.js';
import { alertsSchema } from '../alerts/schema.js';
import { checkMailbox } from './mailbox.js';
import { parseIsoDate } from './iso-date.js';

export const headerText = z
  .string()
  .min(1)
  .refine((value) => !/[\r\n]/.test(value), 'must not contain a line break (CR or LF)');

/**
 * One mailbox in any form a person writes (`reports@example.com`, `Ops Desk <ops@example.com>`,
 * `"Doe, Jane" <jane@example.com>`, `José Álvarez <jose@bücher.example>`), checked by
 * config/mailbox.ts; the value stays as typed and is encoded for SES and MIME when sent.
 */
export const emailAddress = z.string().superRefine((value, ctx) => {
  const check = checkMailbox(value);
  if (check.ok) return;
  ctx.addIssue({
    code: 'custom',
    // A line break gets the message every header value gets (a header injection, whatever the key).
    message: /[\r\n]/.test(value)
      ? 'must not contain a line break (CR or LF)'
      : `${JSON.stringify(value)} is not an email address: ${check.reason}`,
  });
});

/** The sender: the same forms as every other address (its name is RFC 2047 encoded on sending). */
export const mailbox = emailAddress;

export const isoDate = z
  .string()
  .refine((value) => parseIsoDate(value) !== undefined, 'must be a date written YYYY-MM-DD');

/** Returns the date as UTC midnight, or undefined when the text is not a real calendar date. */
export { parseIsoDate };

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes');

const money = z.number().finite();
const share = z.number().min(0).max(1);

// ---------------------------------------------------------------------------------------------
// Thresholds: every rule an analysis applies, with its default. portfolio.yml may set any of
// them for every analysis; a persona's file may set them again for the analyses it owns.

export const thresholdDefaults = {
  /** Runway below this many months is a critical finding. */
  min_runway_months: 6,
  /** Months of net burn kept back as a reserve before cash is deployed elsewhere. */
  cash_reserve_months: 3,
  /** Monthly spend allowed on a channel with no attributed bookings. */
  max_unproven_channel_spend: 500,
  /** A channel returning less than this revenue per unit of spend is flagged. */
  min_roas: 2,
  /** Spending at or above this amount needs a receipt. */
  receipt_required_above: 75,
  /** Dependencies not updated for more than this many days are stale. */
  max_dependency_age_days: 180,
  /** Lighthouse-style performance score below this is a UX gap. */
  min_performance_score: 70,
  /** Invoices unpaid more than this many days past due are escalated. */
  overdue_escalation_days: 30,
  /** The largest client's share of revenue above this is a concentration risk. */
  max_client_share: 0.4,
  /** Occupancy below this share of units is flagged. */
  min_occupancy: 0.9,
  /** A delivery earning less than this margin is flagged. */
  min_delivery_margin: 0.2,
  /** A quote-to-invoice step averaging more days than this is slow. */
  slow_step_days: 5,
  /** How many action items the CEO's 30-day agenda lists. */
  agenda_size: 10,
  /** A hand-typed cash_on_hand dated more than this many days before the as-of date is stale. */
  max_cash_age_days: 31,
} as const;

export type Thresholds = { -readonly [K in keyof typeof thresholdDefaults]: number };

export const thresholdsSchema = z
  .object(
    Object.fromEntries(
      Object.keys(thresholdDefaults).map((key) => [key, z.number().finite().optional()]),
    ) as { [K in keyof Thresholds]: z.ZodOptional<z.ZodNumber> },
  )
  .strict();

// ---------------------------------------------------------------------------------------------
// Change thresholds: how far a headline figure must move since the previous period, relative to
// its previous value (0.2 is 20%), to count as "moved" in What changed and for `send:
// when-changed`. portfolio.yml `change_thresholds` sets any of them; `default` the rest.

export const changeThresholdDefaults = {
  revenue_monthly: 0.25,
  gross_burn_monthly: 0.25,
  net_burn_monthly: 0.25,
  cash_on_hand: 0.25,
  runway_months: 0.2,
  break_even_gap_monthly: 0.25,
  noi_monthly: 0.25,
  occupancy: 0.1,
  ar_overdue: 0.25,
  cac: 0.25,
  roas: 0.25,
  kpi: 0.25,
  /** Every figure not named above. */
  default: 0.25,
} as const;

export type ChangeThresholdKey = Exclude<keyof typeof changeThresholdDefaults, 'default'>;
export type ChangeThresholds = { -readonly [K in keyof typeof changeThresholdDefaults]: number };

export const changeThresholdsSchema = z
  .object(
    Object.fromEntries(
      Object.keys(changeThresholdDefaults).map((key) => [
        key,
        z
          .number()
          .finite()
          .min(0, 'must be a share of the previous value, 0 or more (0.2 is 20%)')
          .optional(),
      ]),
    ) as { [K in keyof ChangeThresholds]: z.ZodOptional<z.ZodNumber> },
  )
  .strict();

// ---------------------------------------------------------------------------------------------
// portfolio.yml

export const personaIds = ['ceo', 'cfo', 'cto', 'cmo', 'accounting', 'manager'] as const;
export type PersonaId = (typeof personaIds)[number];

export const entityKinds = [
  'charter',
  'junk_removal',
  'web_studio',
  'rental_property',
  'yacht_delivery',
  'client_portfolio',
] as const;
export type EntityKind = (typeof entityKinds)[number];

export const portfolioSchema = z
  .object({
    name: headerText,
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code such as USD'),
    timezone: z
      .string()
      .refine(isTimeZone, 'must be an IANA time zone such as America/Los_Angeles'),
    sender: mailbox,
    reply_to: emailAddress.optional(),
    bcc: z.array(emailAddress).default([]),
    ses: z
      .object({ region: z.string().optional(), configuration_set: z.string().optional() })
      .strict()
      .default({}),
    owners: z.record(
      z.string(),
      z
        .object({
          name: headerText.optional(),
          email: emailAddress,
          github: z
            .string()
            .regex(/^[A-Za-z0-9-]+$/, 'must be a GitHub login')
            .optional(),
        })
        .strict(),
    ),
    thresholds: thresholdsSchema.default({}),
    /** Absent: the defaults (changeThresholdDefaults). */
    change_thresholds: changeThresholdsSchema.optional(),
    /**
     * Spending categories by how they behave: fixed costs do not move with revenue. An entry is a
     * ledger.csv category or, for journals, an expense account name or pattern (`Expenses:Rent`,
     * `Expenses:Food:*`, `6100-6199`). `subscriptions` names the categories whose recurring
     * charges are subscriptions (not salaries or rent).
     */
    cost_categories: z
      .object({
        fixed: z.array(z.string()).default([]),
        variable: z.array(z.string()).default([]),
        subscriptions: z.array(z.string()).default([]),
        /**
         * Where mortgage payments are booked: categories or accounts (as above) of the interest
         * and the principal. Left out of NOI; cash-on-cash counts them once (see properties).
         */
        debt_service: z.array(z.string()).optional(),
      })
      .strict()
      .superRefine((categories, ctx) => {
        const known = new Set([...categories.fixed, ...categories.variable]);
        categories.subscriptions.forEach((category, index) => {
          if (!known.has(category))
            ctx.addIssue({
              code: 'custom',
              path: ['subscriptions', index],
              message: `"${category}" is not one of the fixed or variable categories`,
            });
        });
      }),
    /**
     * The chart of accounts: ledger `account` codes (or patterns, as under `accounts:`) and what
     * they are; `cash: true` marks money on hand (a bank account), whose balance is cash on hand.
     */
    chart_of_accounts: z.record(
      z.string(),
      z
        .object({
          name: z.string(),
          type: z.enum(['income', 'expense', 'asset', 'liability', 'equity']),
          cash: z.boolean().optional(),
        })
        .strict()
        .refine((a) => !a.cash || a.type === 'asset' || a.type === 'liability', {
          message: 'only an asset or liability account can be cash',
          path: ['cash'],
        }),
    ),
    /** Account-type patterns every entity's books share (an entity's own `accounts:` win). */
    accounts: accountPatternsSchema.default({}),
    /** Where available cash goes, in order; each takes a share of what is left after the reserve. */
    capital_priorities: z.array(z.object({ id, title: z.string(), share }).strict()).default([]),
    /** How a send goes out: in waves, stopping when a wave fails more than the set share. */
    delivery: z
      .object({
        wave_size: z.number().int().min(1).default(5),
        max_wave_failure_share: share.default(0.5),
      })
      .strict()
      .default({ wave_size: 5, max_wave_failure_share: 0.5 }),
    /** KPIs every entity of a kind must report an actual for. */
    required_kpis: z.partialRecord(z.enum(entityKinds), z.array(z.string())).default({}),
    /** Conditions mailed to their owners once when they become true (src/alerts/schema.ts). */
    alerts: alertsSchema.optional(),
  })
  .strict();

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// entities/<id>.yml

const stackSchema = z
  .object({
    id,
    name: z.string(),
    services: z.array(z.object({ name: z.string(), monthly_cost: money }).strict()).default([]),
    tls: z.boolean(),
    mfa: z.boolean(),
    backups: z.enum(['none', 'weekly', 'daily']),
    dependencies_updated: isoDate,
    secrets: z.enum(['in-repo', 'env-file', 'ci-secrets', 'secret-manager']),
    ci: z.boolean(),
    cd: z.boolean(),
    /** Measurements from the last UX check (e.g. a Lighthouse run). */
    ux: z
      .object({
        performance: z.number().min(0).max(100).optional(),
        accessibility: z.number().min(0).max(100).optional(),
        mobile_friendly: z.boolean().optional(),
        online_booking: z.boolean().optional(),
      })
      .strict()
      .default({}),
  })
  .strict();

export const entitySchema = z
  .object({
    name: headerText,
    kind: z.enum(entityKinds),
    /** The business a supporting unit belongs to. */
    parent: id.optional(),
    /**
     * Cash on hand typed by hand: an override of the books' cash accounts, or the only cash
     * figure when the books mark no account cash. Stale or future-dated is a finding.
     */
    cash_on_hand: z.object({ amount: money, as_of: isoDate }).strict().optional(),
    /** Where the entity's books are (data/<id>/ledger.csv alone when absent). */
    books: booksSchema.optional(),
    /** What each account of the entity's books is: pattern -> type (and cash, name). */
    accounts: accountPatternsSchema.default({}),
    /**
     * When the ledger records a booking's deposit as income: `when_taken` (cash basis, so the
     * accountant moves deposits to their service month) or `at_service` (already earned basis).
     */
    deposits_booked: z.enum(['when_taken', 'at_service']).default('at_service'),
    assets: z
      .object({
        domains: z
          .array(z.object({ name: z.string(), renews: isoDate.optional() }).strict())
          .default([]),
        sites: z
          .array(z.object({ url: z.string().url(), stack: id.optional() }).strict())
          .default([]),
        vessels: z
          .array(z.object({ name: z.string(), type: z.string(), value: money.optional() }).strict())
          .default([]),
        properties: z
          .array(
            z
              .object({
                name: z.string(),
                address: z.string(),
                value: money,
                cash_invested: money,
                /** Mortgage payments a year; cash-on-cash counts them, NOI does not. */
                annual_debt_service: money.default(0),
                /**
                 * Costs paid in lumps (property tax in instalments, a yearly premium), by ledger
                 * category: NOI counts these a year instead of annualising the last 3 months.
                 */
                annual_expenses: z.record(z.string(), money).default({}),
                /**
                 * The accounts (names, codes or patterns: `4310`, `Income:Rent:Elm:*`) whose
                 * postings are this property's: needed only when an entity holds several.
                 */
                accounts: z.array(z.string().min(1)).optional(),
              })
              .strict(),
          )
          .default([]),
        accounts: z.array(z.object({ name: z.string(), kind: z.string() }).strict()).default([]),
      })
      .strict()
      .default({ domains: [], sites: [], vessels: [], properties: [], accounts: [] }),
    stacks: z.array(stackSchema).default([]),
    channels: z
      .array(
        z
          .object({
            id,
            name: z.string(),
            kind: z.enum(['direct', 'ota', 'paid', 'organic', 'referral']),
            /** Share of booking revenue the channel keeps (OTAs). */
            commission_rate: share.default(0),
            /** Listed and taking bookings; an OTA not yet live is a listing candidate. */
            live: z.boolean().default(true),
            /** For a candidate: expected monthly bookings and average booking value. */
            expected_monthly_bookings: z.number().min(0).optional(),
            average_booking_value: money.optional(),
          })
          .strict(),
      )
      .default([]),
    kpis: z
      .array(
        z
          .object({
            id,
            name: z.string(),
            unit: z.string().optional(),
            target: z.number().optional(),
            actual: z.number().nullable().optional(),
            /** Which way is good: most KPIs want more; days-to-pay or cost-per-lead want less. */
            better: z.enum(['higher', 'lower']).default('higher'),
          })
          .strict(),
      )
      .default([]),
    seo: z
      .array(
        z
          .object({
            item: z.string(),
            impact: z.enum(['high', 'medium', 'low']),
            effort: z.enum(['small', 'medium', 'large']),
            done: z.boolean().default(false),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

// ---------------------------------------------------------------------------------------------
// personas/<id>.yml and reports/<id>.yml

export const sectionIds = [
  // CEO
  'asset_inventory',
  'critical_shortfalls',
  'missing_kpis',
  'agenda',
  // CFO
  'burn',
  'break_even',
  'capital_deployment',
  'financial_rules',
  // CTO
  'security_audit',
  'stack_costs',
  'ux_gaps',
  'cicd',
  // CMO
  'channel_attribution',
  'ota_sequence',
  'seo_roadmap',
  'milestones',
  // Accounting
  'revenue_recognition',
  'chart_of_accounts',
  'expense_audit',
  'profitability',
  // Units
  'property',
  'delivery_ops',
  'client_billing',
] as const;
export type SectionId = (typeof sectionIds)[number];

export const personaSchema = z
  .object({
    title: headerText,
    sections: z.array(z.enum(sectionIds)).default([]),
    thresholds: thresholdsSchema.default({}),
    template: z.string(),
  })
  .strict();

/** Action-item priorities and finding severities, most urgent first (a minimum keeps a prefix). */
export const taskPriorities = ['high', 'medium', 'low'] as const;
export const taskSeverities = ['critical', 'warning', 'info'] as const;

/**
 * A report's `tasks:` as a selection: an action item becomes a task when it meets every key that
 * is set (its priority at least `min_priority`, its finding at least `min_severity`, its section
 * one of `sections`). `{}` selects every action item, as `true` does.
 */
export const taskSelectionSchema = z
  .object({
    min_priority: z.enum(taskPriorities).optional(),
    min_severity: z.enum(taskSeverities).optional(),
    sections: z.array(z.enum(sectionIds)).min(1).optional(),
  })
  .strict();
export type TaskSelection = z.infer<typeof taskSelectionSchema>;

/**
 * `tasks: true | false | { min_priority, min_severity, sections }`. Not a z.union: a union's
 * error is one "not a valid value" at `tasks`, while this reports the wrong key or value itself
 * (`tasks.min_priority: must be one of …`) at its own line.
 */
export const reportTasksSchema = z.unknown().transform((value, ctx): boolean | TaskSelection => {
  if (typeof value === 'boolean') return value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    ctx.addIssue({
      code: 'custom',
      message:
        'must be true, false or a mapping of min_priority, min_severity and sections (see README: tasks)',
    });
    return z.NEVER;
  }
  // jitless, as every file's own check (src/config/yaml-file.ts): zod's compiled fast path (a
  // `new Function` built on the schema's first parse) costs a check more than it saves.
  const parsed = taskSelectionSchema.safeParse(value, { jitless: true });
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue(issue as z.core.$ZodRawIssue);
  return z.NEVER;
});

/** What a report may attach (`attachments:` in its file): a list, so more kinds can come. */
export const reportAttachmentKinds = ['csv'] as const;
export type ReportAttachmentKind = (typeof reportAttachmentKinds)[number];

export const reportSchema = z
  .object({
    persona: z.enum(personaIds),
    /** The reader's title when it is not the persona's (a unit's manager). */
    reader: headerText.optional(),
    entities: z.union([z.literal('all'), z.array(id).min(1)]),
    recipients: z
      .object({
        to: z.array(emailAddress).min(1),
        cc: z.array(emailAddress).default([]),
        bcc: z.array(emailAddress).default([]),
      })
      .strict(),
    cadence: z.enum(['weekly', 'monthly']),
    /** Liquid is allowed: {{ period }}, {{ portfolio }}, {{ report }}. */
    subject: headerText,
    template: z.string().optional(),
    /** The sections this report reads, when not the persona's. */
    sections: z.array(z.enum(sectionIds)).optional(),
    /**
     * Which action items become tasks: `true` (absent) every one, `false` none, or a selection
     * (reportTasksSchema). Tasks an old, wider selection opened are left alone, not closed.
     */
    tasks: reportTasksSchema.default(true),
    /** `text` sends a plain-text message only. */
    format: z.enum(['html', 'text']).default('html'),
    /**
     * When a run sends this report: `always`; `when-changed`, only when a finding was opened or
     * resolved or a headline figure moved past its change threshold since the previous period;
     * `when-critical`, only when the report shows a critical finding. Absent: `always`.
     */
    send: z.enum(['always', 'when-changed', 'when-critical']).optional(),
    /**
     * Files attached to the message and written beside the report: `csv`, every table of the
     * report as a CSV file with the figures of its JSON. Absent: none.
     */
    attachments: z.array(z.enum(reportAttachmentKinds)).optional(),
  })
  .strict();

export type PortfolioFile = z.infer<typeof portfolioSchema>;
export type EntityFile = z.infer<typeof entitySchema>;
export type Stack = z.infer<typeof stackSchema>;
export type PersonaFile = z.infer<typeof personaSchema>;
export type ReportFile = z.infer<typeof reportSchema>;

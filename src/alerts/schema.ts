// portfolio.yml `alerts:`: conditions checked on a daily schedule and mailed to their owners once
// when they become true. The shape is checked here; the names it refers to (owners, entities) are
// checked against the loaded portfolio in ./references.ts.
import * as z from 'zod';
import { checkMailbox } from '../config/mailbox.js';

/** What an alert watches, and the key its threshold is written under (null: none). */
export const alertKinds = {
  runway_below: 'months',
  cash_below: 'amount',
  invoice_overdue: 'days',
  new_critical: null,
} as const;
export type AlertKind = keyof typeof alertKinds;
const thresholdKeys = ['months', 'amount', 'days'] as const;
/** An owner's key as an alert's `to` names it (text with an @ is an address instead). */
export const OWNER_KEY = /^[a-z][a-z0-9_-]*$/;
/** An entity id as an alert's `entities` names it. */
export const ENTITY_ID = /^[a-z0-9][a-z0-9-]*$/;

/**
 * One recipient: an owner (a key of portfolio.yml `owners`, a persona id such as `cfo`) or an
 * address in any form an address is written elsewhere. Which owners exist is checked later.
 */
const alertRecipient = z.string().superRefine((value, ctx) => {
  if (/[\r\n]/.test(value)) {
    ctx.addIssue({ code: 'custom', message: 'must not contain a line break (CR or LF)' });
    return;
  }
  if (!value.includes('@')) {
    if (!OWNER_KEY.test(value))
      ctx.addIssue({
        code: 'custom',
        message: `${JSON.stringify(value)} is neither an owner (a key of owners, such as cfo) nor an email address`,
      });
    return;
  }
  const check = checkMailbox(value);
  if (!check.ok)
    ctx.addIssue({
      code: 'custom',
      message: `${JSON.stringify(value)} is not an email address: ${check.reason}`,
    });
});

/**
 * `alerts[]`: `id` (stable: the state file and the ledger know a firing alert by it), `when`,
 * the threshold that kind needs (`months` for runway_below, `amount` in the portfolio's currency
 * for cash_below, `days` for invoice_overdue, none for new_critical), `entities` (`all` or ids)
 * and `to` (owners or addresses, at least one).
 */
export const alertSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes'),
    when: z.enum(Object.keys(alertKinds) as [AlertKind, ...AlertKind[]]),
    months: z.number().finite().positive().optional(),
    amount: z.number().finite().optional(),
    days: z.number().int().min(0).optional(),
    entities: z
      .union([
        z.literal('all'),
        z
          .array(z.string().regex(ENTITY_ID, 'must be lower-case letters, digits and dashes'))
          .min(1),
      ])
      .default('all'),
    to: z.array(alertRecipient).min(1),
  })
  .strict()
  .superRefine((alert, ctx) => {
    const wanted = alertKinds[alert.when];
    // The threshold is required for its kind and meaningless for the others: a typo either way.
    for (const key of thresholdKeys) {
      if (key === wanted && alert[key] === undefined)
        // At `when`: the key that is missing has no line of its own.
        ctx.addIssue({
          code: 'custom',
          path: ['when'],
          message: `${alert.when} needs ${key}: ${THRESHOLD_MEANING[key]}`,
        });
      if (key !== wanted && alert[key] !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `does not apply to ${alert.when}${wanted ? ` (it takes ${wanted})` : ' (it takes no threshold)'}`,
        });
    }
  });

const THRESHOLD_MEANING = {
  months: 'the runway floor in months, such as 3',
  amount: "the cash floor in the portfolio's currency, such as 20000",
  days: 'how many days past due an invoice may be before it alerts, such as 60',
} as const;

/**
 * `alerts:` in portfolio.yml (absent: none; optional in the type, so that a portfolio built in
 * memory needs no key); two alerts with one id would share their state.
 */
export const alertsSchema = z.array(alertSchema).superRefine((alerts, ctx) => {
  const seen = new Set<string>();
  alerts.forEach((alert, index) => {
    if (seen.has(alert.id))
      ctx.addIssue({
        code: 'custom',
        path: [index, 'id'],
        message: `duplicate alert id "${alert.id}"`,
      });
    seen.add(alert.id);
  });
});

export type AlertConfig = z.infer<typeof alertSchema>;

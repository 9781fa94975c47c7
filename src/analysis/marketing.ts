// The CMO's analyses: channel attribution, the OTA listing sequence, SEO and milestones.
import type { Entity } from '../config/load.js';
import { addDays, monthName, monthOf, trailingMonths } from './dates.js';
import { formatNumber, money, moneyRatio, shownMoney, sumMoney } from '../figures.js';
import { round, SectionFindings, sum } from './findings.js';
import { entityRows } from './entity-rows.js';
import type { SectionAnalyzer } from './types.js';
import { channelChart } from './charts-sections.js';
import { compareText } from './words.js';
import { withFields } from './shapes.js';
import { cachedIn } from '../collections.js';

export interface ChannelStats {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  /** Months of the window that channel_spend.csv has rows for: what spend is averaged over. */
  readonly months: number;
  /** null when the entity has no channel_spend.csv. */
  readonly spend: number | null;
  readonly leads: number | null;
  /** null when the entity has no bookings.csv: attribution cannot be measured. */
  readonly bookings: number | null;
  readonly revenue: number | null;
  /** Spend per booking; null without bookings. */
  readonly cac: number | null;
  /** Revenue per unit of spend; null without spend. */
  readonly roas: number | null;
  /** Money was spent and no booking is attributed to it. */
  readonly unproven: boolean;
}

/** Spend, leads, bookings and revenue per live channel over the trailing 3 full months. */
export function channelStats(entity: Entity, asOf: string): ChannelStats[] {
  const months = new Set(trailingMonths(asOf, 3));
  // A table that is absent is "no data" (null), not zero: no bookings.csv proves nothing.
  const spendRows = entity.tables.channel_spend?.filter((row) => months.has(row.month));
  // A month the table has no row for at all is missing data, not a month of zero spend.
  const monthsWithSpend = new Set(spendRows?.map((row) => row.month)).size;
  const bookingRows = entity.tables.bookings?.filter(
    (row) => months.has(monthOf(row.booked)) && row.status !== 'cancelled',
  );
  return entity.channels
    .filter((channel) => channel.live)
    .map((channel) => {
      const spendOf = spendRows?.filter((row) => row.channel === channel.id);
      const bookingsOf = bookingRows?.filter((row) => row.channel === channel.id);
      const spend = spendOf ? sumMoney(spendOf.map((row) => row.spend)) : null;
      const revenue = bookingsOf ? sumMoney(bookingsOf.map((row) => row.revenue)) : null;
      const cac =
        spend !== null && bookingsOf && bookingsOf.length > 0
          ? money(spend / bookingsOf.length)
          : null;
      // Kept as shown (two decimals) and judged so.
      const roas = revenue !== null && spend !== null ? moneyRatio(revenue, spend) : null;
      return {
        id: channel.id,
        name: channel.name,
        kind: channel.kind,
        months: monthsWithSpend,
        spend,
        leads: spendOf ? sum(spendOf.map((row) => row.leads)) : null,
        bookings: bookingsOf ? bookingsOf.length : null,
        revenue,
        cac,
        roas: roas === null ? null : round(roas, 2),
        unproven:
          spend !== null &&
          shownMoney(spend) > 0 &&
          bookingsOf !== undefined &&
          bookingsOf.length === 0,
      };
    });
}

export const channelAttributionSection: SectionAnalyzer = {
  id: 'channel_attribution',
  title: 'Channel attribution',
  owner: 'cmo',
  analyze(context) {
    const out = new SectionFindings('channel_attribution', 'cmo', context.asOf);
    // Each entity's row and findings computed once per run (entity-rows.ts).
    const entities = entityRows(context, out, (entity, out) => {
      if (entity.channels.length === 0) return null;
      const channels = context.channels(entity);
      if (!entity.tables.channel_spend) {
        out.add(
          {
            rule: 'marketing.no-spend-data',
            severity: 'warning',
            title: `${entity.name} has channels but no channel_spend.csv: attribution cannot be measured`,
            entity: entity.id,
          },
          `Start recording ${entity.name}'s spend and leads per channel`,
        );
      }
      if (!entity.tables.bookings) {
        out.add(
          {
            rule: 'marketing.no-bookings-data',
            severity: 'warning',
            title: `${entity.name} has no bookings.csv: no channel can be credited with a booking`,
            entity: entity.id,
          },
          `Record ${entity.name}'s bookings with the channel each came through`,
        );
      }
      for (const channel of channels) {
        if (channel.unproven) {
          out.add(
            {
              rule: 'marketing.unproven-channel',
              severity: 'warning',
              title: `${channel.name} at ${entity.name} cost ${context.money(channel.spend ?? 0)} over 3 months with no attributed booking`,
              entity: entity.id,
              subject: channel.id,
              figures: {
                channel: channel.id,
                spend: channel.spend,
                leads: channel.leads,
                bookings: 0,
              },
            },
            `Add booking attribution to ${channel.name} or pause it (${entity.name})`,
          );
        } else if (
          channel.roas !== null &&
          // Judged as shown: 1.996 reads 2.00, which is not under a minimum of 2.
          channel.roas < context.thresholds.min_roas
        ) {
          out.add(
            {
              rule: 'marketing.low-roas',
              severity: 'warning',
              title: `${channel.name} at ${entity.name} returns ${formatNumber(channel.roas, 2)} per unit spent, under ${context.thresholds.min_roas}`,
              entity: entity.id,
              subject: channel.id,
              figures: {
                channel: channel.id,
                spend: channel.spend,
                revenue: channel.revenue,
                roas: channel.roas,
              },
            },
            `Rework or cut ${channel.name} at ${entity.name}`,
          );
        }
      }
      return {
        id: entity.id,
        name: entity.name,
        channels,
        unproven: channels.filter((c) => c.unproven).map((c) => c.name),
        // The table's spend and ROAS as bars and points (charts-sections.ts).
        chart: channelChart(entity.name, channels, context.portfolio.settings.currency),
      };
    }).filter((row) => row !== null);
    return {
      data: { months: trailingMonths(context.asOf, 3).map(monthName), entities },
      findings: out.findings,
      actions: out.actions,
    };
  },
};

export interface OtaCandidate {
  readonly rank: number;
  readonly entity: string;
  readonly entity_name: string;
  readonly channel: string;
  readonly name: string;
  readonly commission_rate: number;
  readonly expected_monthly_bookings: number | null;
  readonly average_booking_value: number | null;
  /** Expected bookings x value x (1 - commission); null without the estimates. */
  readonly expected_net_monthly: number | null;
  /** One listing a month, best first. */
  readonly list_by: string;
}

export function otaSequence(entities: readonly Entity[], asOf: string): OtaCandidate[] {
  const candidates = entities.flatMap((entity) =>
    entity.channels
      .filter((channel) => channel.kind === 'ota' && !channel.live)
      .map((channel) => {
        const known =
          channel.expected_monthly_bookings !== undefined &&
          channel.average_booking_value !== undefined;
        return {
          entity: entity.id,
          entity_name: entity.name,
          channel: channel.id,
          name: channel.name,
          commission_rate: channel.commission_rate,
          expected_monthly_bookings: channel.expected_monthly_bookings ?? null,
          average_booking_value: channel.average_booking_value ?? null,
          expected_net_monthly: known
            ? money(
                channel.expected_monthly_bookings! *
                  channel.average_booking_value! *
                  (1 - channel.commission_rate),
              )
            : null,
        };
      }),
  );
  candidates.sort(
    (a, b) =>
      (b.expected_net_monthly ?? -1) - (a.expected_net_monthly ?? -1) ||
      compareText(a.name, b.name),
  );
  return candidates.map((candidate, index) =>
    withFields(candidate, { rank: index + 1, list_by: addDays(asOf, 30 * (index + 1)) }),
  );
}

export const otaSequenceSection: SectionAnalyzer = {
  id: 'ota_sequence',
  title: 'OTA listing sequence',
  owner: 'cmo',
  analyze(context) {
    const out = new SectionFindings('ota_sequence', 'cmo', context.asOf);
    const sequence = otaSequence(context.entities, context.asOf);
    const first = sequence[0];
    if (first) {
      out.add(
        {
          rule: 'marketing.next-ota-listing',
          severity: 'info',
          title: `List ${first.entity_name} on ${first.name} next: about ${first.expected_net_monthly === null ? 'an unknown amount' : context.money(first.expected_net_monthly)} a month after commission`,
          entity: first.entity,
          subject: first.channel,
          figures: {
            expected_net_monthly: first.expected_net_monthly,
            commission_rate: first.commission_rate,
          },
        },
        `List ${first.entity_name} on ${first.name}`,
      );
    }
    for (const candidate of sequence.filter((c) => c.expected_net_monthly === null)) {
      out.add({
        rule: 'marketing.ota-estimate-missing',
        severity: 'info',
        title: `${candidate.name} for ${candidate.entity_name} has no booking estimate, so it cannot be ranked`,
        entity: candidate.entity,
        subject: candidate.channel,
      });
    }
    return { data: { sequence }, findings: out.findings, actions: out.actions };
  },
};

type SeoItem = ReturnType<typeof seoRoadmap>[number];

const IMPACT_RANK = { high: 0, medium: 1, low: 2 } as const;
const EFFORT_RANK = { small: 0, medium: 1, large: 2 } as const;

export function seoRoadmap(entities: readonly Entity[]) {
  return entities
    .flatMap((entity) =>
      entity.seo
        .filter((item) => !item.done)
        .map((item) => ({
          entity: entity.id,
          entity_name: entity.name,
          ...item,
          quick_win: item.impact === 'high' && item.effort === 'small',
        })),
    )
    .sort(
      (a, b) =>
        IMPACT_RANK[a.impact] - IMPACT_RANK[b.impact] ||
        EFFORT_RANK[a.effort] - EFFORT_RANK[b.effort] ||
        compareText(a.item, b.item),
    );
}

export const seoRoadmapSection: SectionAnalyzer = {
  id: 'seo_roadmap',
  title: 'SEO roadmap',
  owner: 'cmo',
  analyze(context) {
    const out = new SectionFindings('seo_roadmap', 'cmo', context.asOf);
    const items = seoRoadmap(context.entities);
    for (const item of items.filter((i) => i.quick_win)) {
      out.add(
        {
          rule: 'marketing.seo-quick-win',
          severity: 'info',
          title: `SEO quick win for ${item.entity_name}: ${item.item}`,
          entity: item.entity,
          subject: item.item.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
        },
        `${item.item} (${item.entity_name})`,
      );
    }
    const webFacing = context.entities.filter(
      (entity) => entity.assets.sites.length > 0 && entity.seo.length === 0,
    );
    for (const entity of webFacing) {
      out.add({
        rule: 'marketing.no-seo-plan',
        severity: 'info',
        title: `${entity.name} has a site but no SEO items`,
        entity: entity.id,
      });
    }
    return {
      data: { items, done: sum(context.entities.map((e) => e.seo.filter((i) => i.done).length)) },
      findings: out.findings,
      actions: out.actions,
    };
  },
};

export const milestonesSection: SectionAnalyzer = {
  id: 'milestones',
  title: '30/60/90-day milestones',
  owner: 'cmo',
  analyze(context) {
    // The milestones are the marketing actions and plans above, placed by when they fall due.
    const marketing = ['channel_attribution', 'ota_sequence', 'seo_roadmap'] as const;
    const actions = marketing.flatMap((id) => context.section(id).actions);
    // The sequence and the roadmap as those sections computed them (cached per entity set).
    const listings = (context.section('ota_sequence').data as { sequence: OtaCandidate[] })
      .sequence;
    const seo = (context.section('seo_roadmap').data as { items: SeoItem[] }).items;
    // Each bucket's date computed once, not once per item compared with it.
    const dates = new Map<number, string>();
    const bucket = (days: number) => cachedIn(dates, days, (later) => addDays(context.asOf, later));
    const items = [
      ...actions.map((action) => ({ due: action.due, title: action.title })),
      ...listings.slice(1).map((listing) => ({
        due: listing.list_by,
        title: `List ${listing.entity_name} on ${listing.name}`,
      })),
      ...seo
        .filter((item) => !item.quick_win)
        .map((item, index) => ({
          due: bucket(item.effort === 'large' ? 90 : index < 3 ? 60 : 90),
          title: `${item.item} (${item.entity_name})`,
        })),
    ];
    const within = (from: number, to: number) => {
      const [after, until] = [bucket(from), bucket(to)];
      return items
        .filter((item) => item.due > after && item.due <= until)
        .map((item) => item.title);
    };
    return {
      data: {
        day30: within(-10_000, 30),
        day60: within(30, 60),
        day90: within(60, 10_000),
        by30: bucket(30),
        by60: bucket(60),
        by90: bucket(90),
      },
      findings: [],
      actions: [],
    };
  },
};

export const marketingSections = [
  channelAttributionSection,
  otaSequenceSection,
  seoRoadmapSection,
  milestonesSection,
];

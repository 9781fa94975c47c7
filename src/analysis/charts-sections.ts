// The charts of the CMO's channels, the client-billing AR aging and the rental's rent roll: each
// a picture of a table its section already shows, built from that table's own figures (never a
// second computation). Pure data: ChartSpecs the templates place with `| chart`.
import { categoryChart, type ChartSpec } from '../charts/spec.js';
import { formatPercent } from '../figures.js';
import type { ChannelStats } from './marketing.js';

/**
 * Spend (bars, left axis) and ROAS (revenue per unit of spend, right axis) per live channel over
 * the trailing 3 full months, from the channel table's rows. Null when the entity has no live
 * channel (the section says so). A channel without spend data reads "no data", not $0.
 */
export function channelChart(
  entityName: string,
  channels: readonly Pick<ChannelStats, 'name' | 'spend' | 'roas'>[],
  currency: string,
): ChartSpec | null {
  if (channels.length === 0) return null;
  return categoryChart({
    title: `${entityName}: spend and ROAS by channel, last 3 months`,
    categoryLabel: 'Channel',
    categories: channels.map((c) => c.name),
    series: [
      {
        name: 'Spend',
        unit: { kind: 'money', currency },
        mark: 'bar',
        values: channels.map((c) => c.spend),
      },
      { name: 'ROAS', unit: { kind: 'ratio' }, mark: 'line', values: channels.map((c) => c.roas) },
    ],
  });
}

/**
 * The amount open in each AR aging bucket (days past due), from the aging table's rows, in the
 * table's order. Null when no invoice is open (the section says so: nothing to picture).
 */
export function agingChart(
  entityName: string,
  aging: readonly { bucket: string; invoices: number; amount: number }[],
  currency: string,
): ChartSpec | null {
  if (aging.every((a) => a.invoices === 0)) return null;
  return categoryChart({
    title: `${entityName}: receivables by days past due`,
    categoryLabel: 'Days past due',
    categories: aging.map((a) => a.bucket),
    series: [
      {
        name: 'Open amount',
        unit: { kind: 'money', currency },
        mark: 'bar',
        values: aging.map((a) => a.amount),
      },
    ],
  });
}

/**
 * The rent roll as bars: each unit's monthly rent, as collected rent when it is occupied and as
 * rent lost to vacancy (the rent it is listed at) when it is vacant, so the first series adds up
 * to the section's scheduled rent; each unit's other figure is a true $0. The occupancy the
 * section shows is in the title. Null without units (the section says so).
 */
export function occupancyChart(
  entityName: string,
  occupancy: number | null,
  rentRoll: readonly { unit: string; rent: number; status: string }[],
  currency: string,
): ChartSpec | null {
  if (rentRoll.length === 0) return null;
  const occupied = rentRoll.filter((u) => u.status === 'occupied').length;
  const unit = { kind: 'money', currency } as const;
  return categoryChart({
    title: `${entityName}: ${formatPercent(occupancy)} occupied (${occupied} of ${rentRoll.length} units), rent by unit`,
    categoryLabel: 'Unit',
    categories: rentRoll.map((u) => u.unit),
    // A unit's rent is either collected or lost: one bar per unit, coloured by which.
    stacked: true,
    series: [
      {
        name: 'Rent, occupied',
        unit,
        mark: 'bar',
        values: rentRoll.map((u) => (u.status === 'occupied' ? u.rent : 0)),
      },
      {
        name: 'Rent lost, vacant',
        unit,
        mark: 'bar',
        values: rentRoll.map((u) => (u.status === 'vacant' ? u.rent : 0)),
      },
    ],
  });
}

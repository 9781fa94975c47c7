// Each entity's part of a section computed once per run and as-of date: a portfolio of many
// reports over overlapping slices of the entities (and the CEO's overview, which gathers every
// section) then only combines parts already computed.
import type { Entity } from '../config/load.js';
import type { SectionFindings } from './findings.js';
import { mapPacked } from './packed.js';
import type { ActionItem, AnalysisContext, Finding } from './types.js';

/** One entity's row of a section with the findings and actions computing it raised. */
interface EntityPart<R> {
  readonly row: R;
  readonly findings: readonly Finding[];
  readonly actions: readonly ActionItem[];
}

/**
 * The row of each of `context.entities`, in their order, from `row(entity, out)`: computed once
 * per (section, entity) for the analysis date (context.perEntity, keyed by `out`'s section and
 * `part`), the findings and actions it raised added to `out` in entity order, as if each had been
 * computed here. `row` must read only its entity, the portfolio and the date (never the other
 * entities of the report) and must not change what it returns later: the row is shared by every
 * report that shows the entity.
 */
export function entityRows<R>(
  context: Pick<AnalysisContext, 'entities' | 'perEntity'>,
  out: SectionFindings,
  row: (entity: Entity, out: SectionFindings) => R,
  part = '',
): R[] {
  // One key for every entity of the call, not a new string per entity and report.
  const key = `${out.section}:${part}`;
  return mapPacked(context.entities, (entity) => {
    const computed = context.perEntity<EntityPart<R>>(key, entity, () => {
      const own = out.fork();
      return { row: row(entity, own), findings: own.findings, actions: own.actions };
    });
    out.addAll(computed);
    return computed.row;
  });
}

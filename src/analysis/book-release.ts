// Each entity's books let go as soon as the run's reports need nothing more of them. An entity's
// analyses are kept by entity id (Analyzer.perEntity) and computed from its books alone, so once
// every part the reports will ask of an entity is computed, its loaded tables and journal (the
// biggest thing a run holds: 37 of the 51 MB live once the bench's portfolio is loaded) can go,
// long before the last report that shows the entity is rendered.
import type { Entity, Report } from '../config/load.js';
import type { SectionId } from '../config/schema.js';
import { previousAsOf } from './dates.js';
import { cachedIn } from '../collections.js';

/** The fields of an entity that hold its books: what releaseBooks takes away. */
const BOOK_FIELDS = ['tables', 'journal'] as const;

/** Read on an entity whose books were released: a fault in boardroom, never in the data. */
export class BooksReleasedError extends Error {
  constructor(entity: string, field: string) {
    super(
      `entity "${entity}": its ${field} were read after its books were released (an analysis ` +
        'read books outside Analyzer.perEntity, or for a section no report shows it in)',
    );
    this.name = 'BooksReleasedError';
  }
}

/**
 * Takes `entity`'s books from it, in place: its `tables` and `journal` become accessors that
 * throw BooksReleasedError, so that code reading them afterwards fails loudly instead of
 * analysing an entity without books. They are not enumerable, so a copy (`{ ...entity }`) or a
 * JSON or structured clone of the entity has no books, and reads nothing.
 */
export function releaseBooks(entity: Entity): void {
  const id = entity.id;
  for (const field of BOOK_FIELDS)
    Object.defineProperty(entity, field, {
      get() {
        throw new BooksReleasedError(id, field);
      },
      enumerable: false,
      configurable: true,
    });
}

/** Whether releaseBooks took `entity`'s books. */
export function booksReleased(entity: Entity): boolean {
  return Object.getOwnPropertyDescriptor(entity, 'journal')?.get !== undefined;
}

/**
 * What each entity is shown as by `reports` analysed as of `asOf` with their changes
 * (Analyzer.analyzeWithChanges): entity id -> as-of date -> the sections. A report over
 * `entities` shows each of its sections for each of its entities as of `asOf` and as of the
 * previous period of its cadence.
 */
export function sectionsShown(
  reports: readonly Report[],
  asOf: string,
  entitiesOf: (report: Report) => readonly Entity[],
  sectionsOf: (report: Report) => readonly SectionId[],
): Map<string, Map<string, Set<SectionId>>> {
  const shown = new Map<string, Map<string, Set<SectionId>>>();
  for (const report of reports) {
    const sections = sectionsOf(report);
    const dates = [asOf, previousAsOf(report.cadence, asOf)];
    for (const entity of entitiesOf(report)) {
      const byDate = cachedIn(shown, entity.id, () => new Map<string, Set<SectionId>>());
      for (const date of dates) {
        const ids = cachedIn(byDate, date, () => new Set<SectionId>());
        for (const id of sections) ids.add(id);
      }
    }
  }
  return shown;
}

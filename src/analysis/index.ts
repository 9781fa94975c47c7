// The analysis stage: which analyzer computes each section, and a report's analysis.
import type { Entity, Portfolio, Report } from '../config/load.js';
import {
  thresholdDefaults,
  type PersonaId,
  type SectionId,
  type Thresholds,
} from '../config/schema.js';
import { formatMoney } from '../figures.js';
import { accountingSections } from './accounting.js';
import { entityAsOf, portfolioAsOf } from './as-of.js';
import { BooksReleasedError, booksReleased, releaseBooks, sectionsShown } from './book-release.js';
import { FigureMemo, reportChanges, type ReportChanges } from './changes.js';
import { previousAsOf } from './dates.js';
import { financeMetrics, financeSections, type FinanceMetrics } from './finance.js';
import { channelStats, marketingSections, type ChannelStats } from './marketing.js';
import { ceoSections } from './portfolio.js';
import { techSections } from './tech.js';
import type {
  ActionItem,
  AnalysisContext,
  Finding,
  ReportCounts,
  SectionAnalyzer,
  SectionResult,
} from './types.js';
import { unitSections } from './units.js';
import { withFields } from './shapes.js';
import { mapPacked } from './packed.js';
import { cachedIn } from '../collections.js';

export type { ActionItem, Finding, ReportCounts, SectionResult } from './types.js';

const ANALYZERS = new Map<SectionId, SectionAnalyzer>(
  [
    ...ceoSections,
    ...financeSections,
    ...techSections,
    ...marketingSections,
    ...accountingSections,
    ...unitSections,
  ].map((a) => [a.id, a]),
);

export interface ReportAnalysis {
  readonly sections: SectionResult[];
  /** The findings and actions raised by this report's own sections (its tasks). */
  readonly findings: Finding[];
  readonly actions: ActionItem[];
  /** What the report shows: its own findings and actions and those its sections gather. */
  readonly counts: ReportCounts;
  /** Since the previous period of the report's cadence (set by analyzeWithChanges). */
  readonly changes?: ReportChanges;
}

/**
 * Counts what a report's sections show, each finding and action once: a critical finding the
 * CEO's shortfalls list and one of the CEO's own sections raise is one critical.
 */
export function shownCounts(sections: readonly SectionResult[]): ReportCounts {
  const findings = new Map<string, Finding>();
  const actions = new Set<string>();
  const addFindings = (list: readonly Finding[]) => {
    for (const finding of list) findings.set(finding.id, finding);
  };
  const addActions = (list: readonly ActionItem[]) => {
    for (const action of list) actions.add(`${action.finding}\n${action.title}`);
  };
  for (const section of sections) {
    addFindings(section.findings);
    if (section.gathered?.findings) addFindings(section.gathered.findings);
    addActions(section.actions);
    if (section.gathered?.actions) addActions(section.gathered.actions);
  }
  // The last finding kept under each id decides its severity, as before.
  const counts = { critical: 0, warning: 0, info: 0 };
  for (const finding of findings.values()) counts[finding.severity]++;
  return {
    critical: counts.critical,
    warning: counts.warning,
    info: counts.info,
    actions: actions.size,
  };
}

/** Thresholds as the owning persona sees them: defaults, then portfolio.yml, then persona file. */
export function thresholdsFor(portfolio: Portfolio, persona: PersonaId): Thresholds {
  return {
    ...thresholdDefaults,
    ...portfolio.settings.thresholds,
    ...portfolio.personas.get(persona)?.thresholds,
  } as Thresholds;
}

/** An empty Map for Analyzer.perEntity's cachedIn (one function, not an arrow made per call). */
const newParts = (): Map<string, unknown> => new Map();

/**
 * Analyses a portfolio at one date. Each entity's part of each section (its rows, findings and
 * actions: `perEntity`) is computed once and kept by entity id, so the many reports over
 * overlapping slices of the portfolio, and the CEO's overview gathering every other section, only
 * combine parts already computed. A report's combined sections are kept only while that report
 * is analysed: nothing per report outlives it.
 */
export class Analyzer {
  /** Section (or other) key -> entity id -> that entity's part, as of `asOf`. */
  private readonly parts = new Map<string, Map<string, unknown>>();
  private readonly earlier = new Map<string, Analyzer>();
  /** The headline figures of rows and their comparisons, shared by this date's reports. */
  private figureMemo: FigureMemo | undefined;
  /** Entity id -> its index in `portfolio.entities` (entitiesOf). */
  private positions: Map<string, number> | undefined;
  /**
   * Each persona's thresholds (thresholdsFor), made once per Analyzer: every section of every
   * report reads its owner's, and the analyses only read them.
   */
  private readonly thresholds = new Map<PersonaId, Thresholds>();

  /** The portfolio as known on `asOf`: rows dated after it are left out (src/analysis/as-of.ts). */
  readonly portfolio: Portfolio;
  private readonly known: ReadonlyMap<Entity, Entity>;

  constructor(
    portfolio: Portfolio,
    readonly asOf: string,
  ) {
    this.portfolio = portfolioAsOf(portfolio, asOf);
    // Each loaded entity -> the same entity as known on `asOf` (often the very same object).
    this.known = new Map(portfolio.entities.map((e, i) => [e, this.portfolio.entities[i]!]));
  }

  /**
   * The report's entities in the portfolio's order, each once (ids the portfolio does not have
   * are left out).
   */
  entitiesOf(report: Report): Entity[] {
    const entities = this.portfolio.entities;
    if (report.entities === 'all') return entities;
    // Where each id stands in the portfolio, made once per Analyzer: a report then looks up its
    // few ids instead of testing every entity of the portfolio.
    this.positions ??= new Map(entities.map((entity, index) => [entity.id, index]));
    if (this.positions.size !== entities.length) {
      // Two entities share an id (validation reports it): each is kept, as a filter keeps it.
      const wanted = new Set(report.entities);
      return entities.filter((entity) => wanted.has(entity.id));
    }
    const found = new Set<number>();
    for (const id of report.entities) {
      const index = this.positions.get(id);
      if (index !== undefined) found.add(index);
    }
    return mapPacked(
      [...found].sort((a, b) => a - b),
      (index) => entities[index]!,
    );
  }

  sectionsOf(report: Report): SectionId[] {
    return report.sections ?? this.portfolio.personas.get(report.persona)?.sections ?? [];
  }

  /**
   * Computes, from each entity's books, every part that analysing `reports` with their changes
   * (analyzeWithChanges) will ask of it, as of this date and of each report's previous period,
   * and its CFO figures (metrics); then takes its books from it (src/analysis/book-release.ts
   * releaseBooks, in place, on the loaded portfolio's entity objects too). The reports are then
   * analysed from those parts alone, to the same figures, and the books (37 of the 51 MB live once
   * the bench's portfolio is loaded) can be collected before the render. For a caller that owns
   * the portfolio and analyses nothing but `reports` afterwards: a later read of a released
   * entity's books throws BooksReleasedError. An entity whose parts cannot all be computed on
   * their own (a section that throws for it alone) keeps its books, and is analysed from them.
   * @returns how many entities gave up their books.
   * @throws BooksReleasedError when an entity's part reads another entity's released books (a
   *   fault in that analysis: parts depend on their own entity only).
   */
  releaseBooksAfterComputing(reports: readonly Report[]): number {
    const shown = sectionsShown(
      reports,
      this.asOf,
      (report) => this.entitiesOf(report),
      (report) => this.sectionsOf(report),
    );
    // Each date's view of the portfolio is made from every entity's tables (portfolioAsOf):
    // all are made before the first entity lets its books go.
    for (const byDate of shown.values())
      for (const date of byDate.keys()) if (date !== this.asOf) this.at(date);
    let released = 0;
    for (const entity of this.portfolio.entities) {
      if (booksReleased(entity)) continue;
      try {
        for (const [date, sections] of shown.get(entity.id) ?? []) {
          const analyzer = date === this.asOf ? this : this.at(date);
          const seen = analyzer.entityById(entity.id);
          if (!seen) throw new Error(`no entity "${entity.id}" as of ${date}`);
          // Each section combined over this entity alone fills its parts (perEntity) as every
          // report's combine will read them; the CEO's sections gather the others once.
          const combined = new Map<SectionId, SectionResult>();
          for (const id of sections) analyzer.section(id, [seen], combined);
        }
        this.finance(entity);
      } catch (error) {
        // A part that read another entity's released books: a fault of ours, named where it is.
        if (error instanceof BooksReleasedError) throw error;
        // Analysed from its books when its reports are: they fail (or not) as they would have.
        continue;
      }
      this.releaseEverywhere(entity.id);
      released++;
    }
    return released;
  }

  /**
   * Releases the books of entity `id` on every object that holds them for this Analyzer: the
   * loaded entity, its view as of this date, and its views as of the earlier dates (`at`).
   */
  private releaseEverywhere(id: string): void {
    const holders = new Set<Entity>();
    for (const [loaded, seen] of this.known) if (loaded.id === id) holders.add(loaded).add(seen);
    for (const earlier of this.earlier.values())
      for (const [from, seen] of earlier.known) if (from.id === id) holders.add(from).add(seen);
    for (const entity of holders) if (!booksReleased(entity)) releaseBooks(entity);
  }

  /** The entity with id `id` as known on this date (one of them if two share it: invalid). */
  private entityById(id: string): Entity | undefined {
    const entities = this.portfolio.entities;
    this.positions ??= new Map(entities.map((entity, index) => [entity.id, index]));
    const index = this.positions.get(id);
    return index === undefined ? undefined : entities[index];
  }

  analyzeReport(report: Report): ReportAnalysis {
    const entities = this.entitiesOf(report);
    // This report's sections, each combined once (the CEO's sections read the others): dropped
    // with the report.
    const combined = new Map<SectionId, SectionResult>();
    const sections = mapPacked(this.sectionsOf(report), (id) =>
      this.section(id, entities, combined),
    );
    return {
      sections,
      findings: sections.flatMap((s) => s.findings),
      actions: sections.flatMap((s) => s.actions),
      counts: shownCounts(sections),
    };
  }

  /**
   * The report's analysis with what changed since the previous period of its cadence: the same
   * report analysed again, from the same books, as of the previous period's date.
   */
  analyzeWithChanges(report: Report): ReportAnalysis {
    const analysis = this.analyzeReport(report);
    const before = previousAsOf(report.cadence, this.asOf);
    const previous = this.at(before).analyzeReport(report);
    const thresholds = this.portfolio.settings.change_thresholds;
    this.figureMemo ??= new FigureMemo(this.portfolio, thresholds);
    const changes = reportChanges({
      portfolio: this.portfolio,
      asOf: this.asOf,
      previousAsOf: before,
      current: analysis.sections,
      previous: previous.sections,
      ...(thresholds ? { thresholds } : {}),
      memo: this.figureMemo,
    });
    return withFields(analysis, { changes });
  }

  /** The same portfolio analysed as of an earlier date, made once per date and kept. */
  at(date: string): Analyzer {
    return cachedIn(this.earlier, date, (earlier) => new Analyzer(this.portfolio, earlier));
  }

  /**
   * Section `id` over `given` entities: each entity's part from the cache (perEntity), combined
   * here. `combined` holds the sections already combined for the same report and entities.
   */
  section(
    id: SectionId,
    given: readonly Entity[],
    combined: Map<SectionId, SectionResult> = new Map(),
  ): SectionResult {
    const done = combined.get(id);
    if (done) return done;
    const analyzer = ANALYZERS.get(id);
    if (!analyzer) throw new Error(`no analyzer for section "${id}"`);
    // The entities as known on the as-of date, whoever passed them in.
    const entities = mapPacked(given, (e) => this.known.get(e) ?? entityAsOf(e, this.asOf));
    const context: AnalysisContext = {
      portfolio: this.portfolio,
      asOf: this.asOf,
      entities,
      thresholds: this.thresholdsOf(analyzer.owner),
      money: (value) => formatMoney(value, this.portfolio.settings.currency),
      finance: (entity) => this.finance(entity),
      channels: (entity) => this.channels(entity),
      section: (other) => this.section(other, entities, combined),
      perEntity: (key, entity, compute) => this.perEntity(key, entity, compute),
    };
    const result: SectionResult = { id, title: analyzer.title, ...analyzer.analyze(context) };
    combined.set(id, result);
    return result;
  }

  /**
   * One entity's part of something (a section's rows and findings, its figures), computed on
   * first use and kept for this as-of date under (`key`, entity id). `compute` must depend on
   * nothing but the entity, the portfolio and the as-of date: never on the report's other
   * entities.
   */
  perEntity<T>(key: string, entity: Entity, compute: () => T): T {
    const byEntity = cachedIn(this.parts, key, newParts);
    if (byEntity.has(entity.id)) return byEntity.get(entity.id) as T;
    const part = compute();
    byEntity.set(entity.id, part);
    return part;
  }

  /** The CFO's figures for one entity as of this date, computed once (perEntity). */
  finance(entity: Entity): FinanceMetrics {
    return this.perEntity('finance', entity, () =>
      financeMetrics(entity, this.portfolio, this.asOf, this.thresholdsOf('cfo')),
    );
  }

  /** thresholdsFor(this.portfolio, persona), made once per persona. */
  private thresholdsOf(persona: PersonaId): Thresholds {
    return cachedIn(this.thresholds, persona, (owner) => thresholdsFor(this.portfolio, owner));
  }

  /** One entity's live channels with their spend and attribution, computed once (perEntity). */
  channels(entity: Entity): readonly ChannelStats[] {
    return this.perEntity('channels', entity, () => channelStats(entity, this.asOf));
  }

  /** The CFO's figures for every entity: summary.json's `metrics`. */
  metrics(): Record<string, FinanceMetrics> {
    return Object.fromEntries(
      this.portfolio.entities.map((entity) => [entity.id, this.finance(entity)]),
    );
  }
}

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
import { reportChanges, type ReportChanges } from './changes.js';
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
  for (const section of sections) {
    for (const finding of [...section.findings, ...(section.gathered?.findings ?? [])])
      findings.set(finding.id, finding);
    for (const action of [...section.actions, ...(section.gathered?.actions ?? [])])
      actions.add(`${action.finding}\n${action.title}`);
  }
  const count = (severity: Finding['severity']) =>
    [...findings.values()].filter((f) => f.severity === severity).length;
  return {
    critical: count('critical'),
    warning: count('warning'),
    info: count('info'),
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

/** How many entity sets keep their sections cached; the least recently used set is dropped. */
const CACHED_ENTITY_SETS = 16;

/**
 * Analyses a portfolio at one date. Section results are cached per entity set, so the CEO's
 * overview and the other reports over the same entities share one computation of each section.
 * Only the most recent sets are kept: a portfolio of many reports over different slices would
 * otherwise hold every section's tables until the run ends.
 */
export class Analyzer {
  private readonly cache = new Map<string, Map<SectionId, SectionResult>>();
  private readonly financeCache = new Map<string, FinanceMetrics>();
  private readonly channelCache = new Map<string, readonly ChannelStats[]>();
  private readonly earlier = new Map<string, Analyzer>();

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

  entitiesOf(report: Report): Entity[] {
    if (report.entities === 'all') return this.portfolio.entities;
    const wanted = new Set(report.entities);
    return this.portfolio.entities.filter((entity) => wanted.has(entity.id));
  }

  sectionsOf(report: Report): SectionId[] {
    return report.sections ?? this.portfolio.personas.get(report.persona)?.sections ?? [];
  }

  analyzeReport(report: Report): ReportAnalysis {
    const entities = this.entitiesOf(report);
    const sections = this.sectionsOf(report).map((id) => this.section(id, entities));
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
    const changes = reportChanges({
      portfolio: this.portfolio,
      asOf: this.asOf,
      previousAsOf: before,
      current: analysis.sections,
      previous: previous.sections,
      ...(this.portfolio.settings.change_thresholds
        ? { thresholds: this.portfolio.settings.change_thresholds }
        : {}),
    });
    return { ...analysis, changes };
  }

  /** The same portfolio analysed as of an earlier date, made once per date and kept. */
  at(date: string): Analyzer {
    let earlier = this.earlier.get(date);
    if (!earlier) {
      earlier = new Analyzer(this.portfolio, date);
      this.earlier.set(date, earlier);
    }
    return earlier;
  }

  section(id: SectionId, given: readonly Entity[]): SectionResult {
    // The entities as known on the as-of date, whoever passed them in.
    const entities = given.map((e) => this.known.get(e) ?? entityAsOf(e, this.asOf));
    const sections = this.sectionsFor(entities);
    const cached = sections.get(id);
    if (cached) return cached;
    const analyzer = ANALYZERS.get(id);
    if (!analyzer) throw new Error(`no analyzer for section "${id}"`);
    const context: AnalysisContext = {
      portfolio: this.portfolio,
      asOf: this.asOf,
      entities,
      thresholds: thresholdsFor(this.portfolio, analyzer.owner),
      money: (value) => formatMoney(value, this.portfolio.settings.currency),
      finance: (entity) => this.finance(entity),
      channels: (entity) => this.channels(entity),
      section: (other) => this.section(other, entities),
    };
    const result: SectionResult = { id, title: analyzer.title, ...analyzer.analyze(context) };
    sections.set(id, result);
    return result;
  }

  /** The cached sections of one entity set, marked as the most recently used. */
  private sectionsFor(entities: readonly Entity[]): Map<SectionId, SectionResult> {
    const key = entities.map((e) => e.id).join(',');
    let sections = this.cache.get(key);
    if (sections) {
      this.cache.delete(key);
    } else {
      sections = new Map();
      if (this.cache.size >= CACHED_ENTITY_SETS) this.cache.delete(this.cache.keys().next().value!);
    }
    this.cache.set(key, sections);
    return sections;
  }

  finance(entity: Entity): FinanceMetrics {
    let metrics = this.financeCache.get(entity.id);
    if (!metrics) {
      metrics = financeMetrics(
        entity,
        this.portfolio,
        this.asOf,
        thresholdsFor(this.portfolio, 'cfo'),
      );
      this.financeCache.set(entity.id, metrics);
    }
    return metrics;
  }

  channels(entity: Entity): readonly ChannelStats[] {
    let stats = this.channelCache.get(entity.id);
    if (!stats) {
      stats = channelStats(entity, this.asOf);
      this.channelCache.set(entity.id, stats);
    }
    return stats;
  }

  /** The CFO's figures for every entity: summary.json's `metrics`. */
  metrics(): Record<string, FinanceMetrics> {
    return Object.fromEntries(
      this.portfolio.entities.map((entity) => [entity.id, this.finance(entity)]),
    );
  }
}

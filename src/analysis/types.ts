// What every analysis returns: findings with the figures behind them, and action items.
import type { Entity, Portfolio } from '../config/load.js';
import type { PersonaId, SectionId, Thresholds } from '../config/schema.js';
import type { FinanceMetrics } from './finance.js';
import type { ChannelStats } from './marketing.js';

export type Severity = 'critical' | 'warning' | 'info';
export type Priority = 'high' | 'medium' | 'low';
export type Figure = number | string | boolean | null;

export interface Finding {
  /** Stable across runs for the same problem: `<rule>:<entity>[:<subject>]`. */
  readonly id: string;
  readonly rule: string;
  readonly severity: Severity;
  readonly title: string;
  /** The entity id, or null for a portfolio-wide finding. */
  readonly entity: string | null;
  readonly section: SectionId;
  readonly figures: Readonly<Record<string, Figure>>;
}

export interface ActionItem {
  readonly title: string;
  readonly owner: PersonaId;
  /** YYYY-MM-DD: the as-of date plus the days the severity allows. */
  readonly due: string;
  readonly priority: Priority;
  /** The finding this action resolves (its id is also the task fingerprint's basis). */
  readonly finding: string;
  readonly entity: string | null;
  readonly section: SectionId;
}

export interface SectionResult<D = unknown> {
  readonly id: SectionId;
  readonly title: string;
  /** What the template presents: tables and figures, already computed. */
  readonly data: D;
  readonly findings: Finding[];
  readonly actions: ActionItem[];
  /**
   * Other sections' findings and actions this section lists (the CEO's critical shortfalls and
   * agenda): part of what the reader sees, not raised here, so they are never tasks of this one.
   */
  readonly gathered?: {
    readonly findings?: readonly Finding[];
    readonly actions?: readonly ActionItem[];
  };
}

/** What a report shows its reader, counted once each: its header and the gallery say these. */
export interface ReportCounts {
  readonly critical: number;
  readonly warning: number;
  readonly info: number;
  readonly actions: number;
}

export interface AnalysisContext {
  readonly portfolio: Portfolio;
  /** The date the analysis is computed at, YYYY-MM-DD. */
  readonly asOf: string;
  /** The entities the report covers. */
  readonly entities: readonly Entity[];
  /** Defaults, then portfolio.yml, then the owning persona's file. */
  readonly thresholds: Thresholds;
  /** Money as the reader sees it in a finding's title: "$12,345" in the portfolio's currency. */
  readonly money: (value: number) => string;
  /** The CFO's figures for one entity, computed once per run and shared by every section. */
  readonly finance: (entity: Entity) => FinanceMetrics;
  /** One entity's live channels with their spend and attribution, computed once per run. */
  readonly channels: (entity: Entity) => readonly ChannelStats[];
  /** Runs another section over the same entities (the CEO's sections gather the others). */
  readonly section: (id: SectionId) => SectionResult;
  /**
   * One entity's part of a section (its rows, findings and actions), computed once per run and
   * as-of date and kept under (`key`, entity id); `compute` must read only the entity, the
   * portfolio and the date, never the report's other entities. See entityRows.
   */
  readonly perEntity: <T>(key: string, entity: Entity, compute: () => T) => T;
}

export interface SectionAnalyzer<D = unknown> {
  readonly id: SectionId;
  readonly title: string;
  /** The persona whose thresholds apply and who owns the actions raised. */
  readonly owner: PersonaId;
  readonly analyze: (context: AnalysisContext) => Omit<SectionResult<D>, 'id' | 'title'>;
}

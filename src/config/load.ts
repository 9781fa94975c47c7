// Loads reports-config/ into one checked Portfolio, or every problem found in it.
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { costClassifier } from '../books/cost-classes.js';
import { mapConcurrently } from '../concurrency.js';
import {
  entityChart,
  journalFromLedgerRows,
  readEntityJournal,
  type EntityJournal,
} from '../books/entity-books.js';
import { displayPath, sortConfigErrors, type ConfigError } from './errors.js';
import { parseCsvTable } from './csv-table.js';
import { keepOnce, type KeptOnce } from '../interning.js';
import {
  entitySchema,
  personaIds,
  personaSchema,
  portfolioSchema,
  reportSchema,
  type EntityFile,
  type PersonaFile,
  type PersonaId,
  type PortfolioFile,
  type ReportFile,
} from './schema.js';
import { tableSpecs, type TableName, type Tables } from './tables.js';
import { readTextFile } from './text-file.js';
import { parseYamlFile, type YamlFile } from './yaml-file.js';

export interface Entity extends EntityFile {
  readonly id: string;
  readonly file: string;
  /** The tables found under data/<id>/; a table that is absent is undefined, not empty. */
  readonly tables: Partial<Tables>;
  /**
   * The entity's books as one table of postings typed by its chart: from the sources its
   * `books:` declares, or else from data/<id>/ledger.csv. Set by the loader; an entity built in
   * memory without it has its ledger.csv rows converted when analysed (src/analysis/books.ts).
   */
  readonly journal?: EntityJournal;
}

export interface Persona extends PersonaFile {
  readonly id: PersonaId;
  readonly file: string;
}

export interface Report extends ReportFile {
  readonly id: string;
  readonly file: string;
}

export interface Template {
  readonly name: string;
  readonly file: string;
  readonly source: string;
}

export interface Portfolio {
  readonly dir: string;
  readonly settings: PortfolioFile;
  readonly entities: Entity[];
  readonly personas: ReadonlyMap<PersonaId, Persona>;
  readonly reports: Report[];
  readonly templates: ReadonlyMap<string, Template>;
}

/**
 * What a report's Liquid step reads of a portfolio (its settings, personas, templates and its
 * entities' names): all the finishing thread is given to render a report's templates there.
 */
export type TemplatePortfolio = Pick<Portfolio, 'settings' | 'personas' | 'templates'> & {
  readonly entities: readonly Pick<Entity, 'id' | 'name'>[];
};

const entityNames = new WeakMap<TemplatePortfolio, ReadonlyMap<string, string>>();

/** An entity as reports and tasks name it: its name, or "Portfolio" for a portfolio-wide finding. */
export function entityName(portfolio: TemplatePortfolio, id: string | null): string {
  if (id === null) return 'Portfolio';
  let names = entityNames.get(portfolio);
  if (!names) {
    names = new Map(portfolio.entities.map((e) => [e.id, e.name]));
    entityNames.set(portfolio, names);
  }
  return names.get(id) ?? id;
}

/** Who a persona's actions go to, as the reports and tasks name them: the owner, else the title. */
export function ownerName(portfolio: TemplatePortfolio, persona: string): string {
  return (
    portfolio.settings.owners[persona]?.name ??
    portfolio.personas.get(persona as Persona['id'])?.title ??
    persona
  );
}

/** Where a key of a loaded YAML file is, for checks made after loading (Liquid in a subject). */
export type Locate = (
  file: string,
  keyPath: (string | number)[],
) => { line: number; column: number } | undefined;

/** What did load when some files did not: later checks still run on it. */
export interface PortfolioDraft {
  readonly templates: ReadonlyMap<string, Template>;
  readonly reports: readonly Report[];
}

export type LoadResult =
  | { readonly ok: true; readonly portfolio: Portfolio; readonly locate: Locate }
  | {
      readonly ok: false;
      readonly errors: ConfigError[];
      readonly draft: PortfolioDraft;
      readonly locate: Locate;
    };

const YAML_EXTENSIONS = ['.yml', '.yaml'];

export async function loadPortfolio(dir: string): Promise<LoadResult> {
  const errors: ConfigError[] = [];
  const shown = (file: string) => displayPath(file);

  const portfolioPath = path.join(dir, 'portfolio.yml');
  const portfolioText = await readText(portfolioPath, errors);
  if (portfolioText === undefined) {
    return {
      ok: false,
      draft: { templates: new Map(), reports: [] },
      locate: () => undefined,
      errors: [
        {
          file: shown(portfolioPath),
          line: 1,
          message: 'portfolio.yml is missing: it names the portfolio and its sender',
        },
      ],
    };
  }
  const portfolioFile = parseYamlFile(shown(portfolioPath), portfolioText, portfolioSchema);
  errors.push(...portfolioFile.errors);

  // Equal texts and amounts across every table and journal of this load are kept once.
  const keep = keepOnce();
  // Every folder is read at once (and each entity's tables as soon as its file is in); each
  // collects its own errors, joined in this fixed order, so the report never depends on timing.
  const entitiesWithTables = collecting(async (found) => {
    const files = await loadYamlFolder(path.join(dir, 'entities'), entitySchema, found);
    const tables = await loadTables(
      files.map((loaded) => path.join(dir, 'data', loaded.id)),
      keep,
    );
    return { files, tables };
  });
  const [entityRead, personaRead, reportRead, templateRead] = await Promise.all([
    entitiesWithTables,
    collecting((found) => loadYamlFolder(path.join(dir, 'personas'), personaSchema, found)),
    collecting((found) => loadYamlFolder(path.join(dir, 'reports'), reportSchema, found)),
    collecting((found) => loadTemplates(path.join(dir, 'templates'), found)),
  ]);
  const { files: entityFiles, tables: entityTables } = entityRead.value;
  errors.push(...entityRead.errors, ...personaRead.errors, ...reportRead.errors);
  errors.push(...templateRead.errors);
  const personaFiles = personaRead.value;
  const reportFiles = reportRead.value;
  const templates = templateRead.value;

  const entities: Entity[] = [];
  entityFiles.forEach((loaded, index) => {
    const { value: tables, errors: tableErrors } = entityTables[index]!;
    errors.push(...tableErrors);
    if (loaded.value) entities.push({ ...loaded.value, id: loaded.id, file: loaded.file, tables });
  });
  // Each entity's books may run a tool (hledger, bean-query): read them all at once.
  const journals = await Promise.all(
    entities.map((entity) =>
      loadJournal(
        entity,
        dir,
        portfolioFile.value,
        entityFiles.find((f) => f.id === entity.id)!,
        keep,
      ),
    ),
  );
  journals.forEach((loaded, index) => {
    errors.push(...loaded.errors);
    entities[index] = { ...entities[index]!, journal: loaded.journal };
  });

  const personas = new Map<PersonaId, Persona>();
  for (const loaded of personaFiles) {
    if (!(personaIds as readonly string[]).includes(loaded.id)) {
      errors.push({
        file: loaded.file,
        line: 1,
        column: 1,
        message: `"${loaded.id}" is not a persona: name the file one of ${personaIds.join(', ')}`,
      });
      continue;
    }
    if (loaded.value)
      personas.set(loaded.id as PersonaId, {
        ...loaded.value,
        id: loaded.id as PersonaId,
        file: loaded.file,
      });
  }

  const reports: Report[] = [];
  for (const loaded of reportFiles) {
    if (loaded.value) reports.push({ ...loaded.value, id: loaded.id, file: loaded.file });
  }

  const sources: SourceFiles = {
    portfolio: portfolioFile,
    entities: new Map(entityFiles.map((f) => [f.id, f])),
    personas: new Map(personaFiles.map((f) => [f.id, f])),
    reports: new Map(reportFiles.map((f) => [f.id, f])),
  };
  // References are checked even when other files have problems: every problem is reported at once.
  errors.push(
    ...checkReferences(
      { dir, settings: portfolioFile.value, entities, personas, reports, templates },
      sources,
    ),
  );
  const locate: Locate = (file, keyPath) => {
    const source = [portfolioFile, ...entityFiles, ...personaFiles, ...reportFiles].find(
      (f) => ('file' in f ? f.file : displayPath(portfolioPath)) === file,
    );
    return source?.positionOf(keyPath);
  };
  if (errors.length === 0 && portfolioFile.value) {
    return {
      ok: true,
      portfolio: { dir, settings: portfolioFile.value, entities, personas, reports, templates },
      locate,
    };
  }
  return { ok: false, errors: sortConfigErrors(errors), draft: { templates, reports }, locate };
}

interface LoadedYaml<T> extends YamlFile<T> {
  readonly id: string;
  readonly file: string;
}

/**
 * One entity's books: the sources its `books:` declares, read with their tools, or else its
 * data/<id>/ledger.csv rows (already loaded as a table), typed by the entity's chart. A bad
 * pattern, a missing tool or file and every error a book's own tool reports are ConfigErrors.
 */
async function loadJournal(
  entity: Entity,
  dir: string,
  settings: PortfolioFile | undefined,
  source: YamlFile<unknown>,
  keep: KeptOnce,
): Promise<{ journal: EntityJournal; errors: ConfigError[] }> {
  const errors: ConfigError[] = [];
  const chart = entityChart(settings ?? { chart_of_accounts: {} }, entity.accounts);
  // Problems in portfolio.yml's patterns are reported once, by the portfolio's own check.
  for (const problem of chart.problems.filter((p) => p.from === 'entity'))
    errors.push({
      file: entity.file,
      ...source.positionOf(['accounts', problem.pattern]),
      field: `accounts.${problem.pattern}`,
      message: `accounts: ${problem.message}`,
    });
  const currency = settings?.currency ?? 'USD';
  if (!entity.books) {
    const file = path.join(dir, 'data', entity.id, 'ledger.csv');
    return {
      journal: journalFromLedgerRows(file, entity.tables.ledger ?? [], currency, chart, keep),
      errors,
    };
  }
  const read = await readEntityJournal(entity.books, {
    baseDir: dir,
    currency,
    chart,
    declaredAt: (index) => ({ file: entity.file, ...source.positionOf(['books', index]) }),
    keep,
  });
  return { journal: read.journal, errors: [...errors, ...read.errors] };
}

/**
 * The ids of the YAML files in `folder` (`entities/`, `reports/`, ...): each file's name without
 * its .yml or .yaml, as the loader names what it loads; regular files only, sorted. Empty when the
 * folder does not exist. @throws the file system's error for any other failure to list it.
 */
export async function yamlFileIds(folder: string): Promise<string[]> {
  return (await listFiles(folder))
    .filter((name) => YAML_EXTENSIONS.includes(path.extname(name)))
    .map((name) => path.basename(name, path.extname(name)));
}

async function loadYamlFolder<S extends Parameters<typeof parseYamlFile>[2]>(
  folder: string,
  schema: S,
  errors: ConfigError[],
): Promise<LoadedYaml<ReturnType<S['parse']>>[]> {
  const names = (await listFiles(folder)).filter((name) =>
    YAML_EXTENSIONS.includes(path.extname(name)),
  );
  const text = await readTexts(names.map((name) => path.join(folder, name)));
  const loaded: LoadedYaml<ReturnType<S['parse']>>[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const id = path.basename(name, path.extname(name));
    const file = displayPath(path.join(folder, name));
    const earlier = seen.get(id);
    if (earlier) {
      errors.push({
        file,
        line: 1,
        column: 1,
        message: `duplicate id "${id}": ${earlier} has it too`,
      });
      continue;
    }
    seen.set(id, file);
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) {
      errors.push({
        file,
        line: 1,
        column: 1,
        message: `file name "${id}" must be lower-case letters, digits and dashes (it is the id)`,
      });
      continue;
    }
    const parsed = parseYamlFile(file, text(path.join(folder, name), errors)!, schema);
    errors.push(...parsed.errors);
    loaded.push({ ...parsed, id, file } as LoadedYaml<ReturnType<S['parse']>>);
  }
  return loaded;
}

/**
 * Each folder's tables (data/<entity>/*.csv), with each folder's own errors: every folder is
 * listed and every file read at once, then parsed folder by folder, file by file, in name order.
 */
async function loadTables(
  folders: readonly string[],
  keep: KeptOnce,
): Promise<{ value: Partial<Tables>; errors: ConfigError[] }[]> {
  const listings = await Promise.all(folders.map(listFiles));
  const csvFiles = listings.map((names, index) =>
    names
      .filter((name) => path.extname(name) === '.csv')
      .map((name) => path.join(folders[index]!, name)),
  );
  const text = await readTexts(csvFiles.flat());
  return csvFiles.map((files) => {
    const errors: ConfigError[] = [];
    const tables: Partial<Record<TableName, unknown[]>> = {};
    for (const csvFile of files) {
      const file = displayPath(csvFile);
      const table = path.basename(csvFile, '.csv');
      if (!(table in tableSpecs)) {
        errors.push({
          file,
          line: 1,
          message: `unknown table "${table}" (known: ${Object.keys(tableSpecs).join(', ')})`,
        });
        continue;
      }
      const spec = tableSpecs[table as TableName];
      const parsed = parseCsvTable(file, text(csvFile, errors)!, spec, keep);
      errors.push(...parsed.errors);
      tables[table as TableName] = parsed.rows;
    }
    return { value: tables as Partial<Tables>, errors };
  });
}

/** templates/<name>.md, and one level of folders for partials: templates/sections/<name>.md. */
async function loadTemplates(
  folder: string,
  errors: ConfigError[],
  prefix = '',
): Promise<Map<string, Template>> {
  const entries = await listEntries(folder);
  const isTemplate = (entry: Dirent) => entry.isFile() && path.extname(entry.name) === '.md';
  // This folder's templates and its sub-folders' are read at once, then taken in name order.
  const [text, folders] = await Promise.all([
    readTexts(entries.filter(isTemplate).map((entry) => path.join(folder, entry.name))),
    Promise.all(
      entries.map((entry) =>
        entry.isDirectory() && prefix === ''
          ? collecting((own) => loadTemplates(path.join(folder, entry.name), own, `${entry.name}/`))
          : undefined,
      ),
    ),
  ]);
  const templates = new Map<string, Template>();
  entries.forEach((entry, index) => {
    const file = path.join(folder, entry.name);
    const partials = folders[index];
    if (partials) {
      errors.push(...partials.errors);
      for (const [name, template] of partials.value) templates.set(name, template);
      return;
    }
    if (!isTemplate(entry)) return;
    const name = prefix + path.basename(entry.name, '.md');
    templates.set(name, { name, file: displayPath(file), source: text(file, errors)! });
  });
  return templates;
}

interface SourceFiles {
  portfolio: YamlFile<unknown>;
  entities: Map<string, LoadedYaml<unknown>>;
  personas: Map<string, LoadedYaml<unknown>>;
  reports: Map<string, LoadedYaml<unknown>>;
}

/** The checks that need more than one file: ids that must name something that exists. */
function checkReferences(
  portfolio: Omit<Portfolio, 'settings'> & { settings: Portfolio['settings'] | undefined },
  sources: SourceFiles,
): ConfigError[] {
  const errors: ConfigError[] = [];
  // Ids come from the file names, so a file with problems of its own still counts as existing.
  const entityIds = new Set(sources.entities.keys());
  const at = (
    source: YamlFile<unknown> & { file?: string },
    file: string,
    keyPath: (string | number)[],
    message: string,
  ) => errors.push({ file, ...source.positionOf(keyPath), field: keyPath.join('.'), message });

  const portfolioFile = displayPath(path.join(portfolio.dir, 'portfolio.yml'));
  const costClasses = portfolio.settings && costClassifier(portfolio.settings.cost_categories);
  for (const problem of costClasses?.problems ?? [])
    at(
      sources.portfolio,
      portfolioFile,
      ['cost_categories', problem.list, problem.index],
      `cost_categories.${problem.list}.${problem.index}: ${problem.message}`,
    );
  if (portfolio.settings)
    for (const problem of entityChart(portfolio.settings).problems)
      at(
        sources.portfolio,
        portfolioFile,
        [problem.from, problem.pattern],
        `${problem.from}: ${problem.message}`,
      );
  for (const owner of Object.keys(portfolio.settings?.owners ?? {})) {
    if (!(personaIds as readonly string[]).includes(owner)) {
      at(
        sources.portfolio,
        portfolioFile,
        ['owners', owner],
        `owners.${owner}: unknown persona "${owner}" (known: ${personaIds.join(', ')})`,
      );
    }
  }

  for (const entity of portfolio.entities) {
    const source = sources.entities.get(entity.id)!;
    if (entity.parent !== undefined && !entityIds.has(entity.parent)) {
      at(source, entity.file, ['parent'], `parent: unknown entity "${entity.parent}"`);
    }
    const stackIds = duplicateCheck(
      entity.stacks.map((s) => s.id),
      (index, value) =>
        at(source, entity.file, ['stacks', index, 'id'], `stacks: duplicate id "${value}"`),
    );
    duplicateCheck(
      entity.channels.map((c) => c.id),
      (index, value) =>
        at(source, entity.file, ['channels', index, 'id'], `channels: duplicate id "${value}"`),
    );
    duplicateCheck(
      entity.kpis.map((k) => k.id),
      (index, value) =>
        at(source, entity.file, ['kpis', index, 'id'], `kpis: duplicate id "${value}"`),
    );
    entity.assets.sites.forEach((site, index) => {
      if (site.stack !== undefined && !stackIds.has(site.stack)) {
        at(
          source,
          entity.file,
          ['assets', 'sites', index, 'stack'],
          `assets.sites.${index}.stack: unknown stack "${site.stack}"`,
        );
      }
    });
    // A lump-sum cost under a category the ledger does not use would be counted on top of the
    // instalments still in the monthly spending.
    if (costClasses) {
      entity.assets.properties.forEach((property, index) => {
        for (const category of Object.keys(property.annual_expenses)) {
          if (!costClasses.classOf(category))
            at(
              source,
              entity.file,
              ['assets', 'properties', index, 'annual_expenses', category],
              `assets.properties.${index}.annual_expenses: "${category}" is not one of portfolio.yml's cost_categories`,
            );
        }
      });
    }
    const channelIds = new Set(entity.channels.map((c) => c.id));
    const csvFile = (table: string) =>
      displayPath(path.join(portfolio.dir, 'data', entity.id, `${table}.csv`));
    for (const row of entity.tables.bookings ?? []) {
      if (!channelIds.has(row.channel)) {
        errors.push({
          file: csvFile('bookings'),
          line: row.line,
          field: 'channel',
          message: `unknown channel "${row.channel}" (not in ${entity.file})`,
        });
      }
    }
    for (const row of entity.tables.channel_spend ?? []) {
      if (!channelIds.has(row.channel)) {
        errors.push({
          file: csvFile('channel_spend'),
          line: row.line,
          field: 'channel',
          message: `unknown channel "${row.channel}" (not in ${entity.file})`,
        });
      }
    }
    const idColumns: [keyof Tables, string][] = [
      ['bookings', 'booking_id'],
      ['deliveries', 'delivery_id'],
      ['invoices', 'invoice_id'],
      ['units', 'unit'],
      ['clients', 'client'],
    ];
    for (const [table, column] of idColumns) {
      const rows = (entity.tables[table] ?? []) as unknown as (Record<string, unknown> & {
        line: number;
      })[];
      const seen = new Map<unknown, number>();
      for (const row of rows) {
        const earlier = seen.get(row[column]);
        if (earlier !== undefined) {
          errors.push({
            file: csvFile(table),
            line: row.line,
            field: column,
            message: `duplicate id "${String(row[column])}" (first on line ${earlier})`,
          });
        } else seen.set(row[column], row.line);
      }
    }
  }

  for (const persona of portfolio.personas.values()) {
    if (!portfolio.templates.has(persona.template)) {
      at(
        sources.personas.get(persona.id)!,
        persona.file,
        ['template'],
        `template: unknown template "${persona.template}" (no templates/${persona.template}.md)`,
      );
    }
  }

  for (const report of portfolio.reports) {
    const source = sources.reports.get(report.id)!;
    if (!sources.personas.has(report.persona)) {
      at(
        source,
        report.file,
        ['persona'],
        `persona: unknown persona "${report.persona}" (no personas/${report.persona}.yml)`,
      );
    }
    if (report.entities !== 'all') {
      report.entities.forEach((entityId, index) => {
        if (!entityIds.has(entityId))
          at(source, report.file, ['entities', index], `entities: unknown entity "${entityId}"`);
      });
    }
    if (report.template !== undefined && !portfolio.templates.has(report.template)) {
      at(
        source,
        report.file,
        ['template'],
        `template: unknown template "${report.template}" (no templates/${report.template}.md)`,
      );
    }
    // A `tasks:` section the report does not read would select nothing: a typo or another's.
    const reads = report.sections ?? portfolio.personas.get(report.persona)?.sections;
    if (reads && typeof report.tasks === 'object')
      report.tasks.sections?.forEach((section, index) => {
        if (!reads.includes(section))
          at(
            source,
            report.file,
            ['tasks', 'sections', index],
            `tasks.sections: "${section}" is not a section this report reads (${reads.join(', ')})`,
          );
      });
  }
  if (portfolio.reports.length === 0) {
    errors.push({
      file: displayPath(path.join(portfolio.dir, 'reports')),
      line: 1,
      message: 'no reports: add reports/<id>.yml',
    });
  }
  return errors;
}

/** Calls `report` for each repeated value; returns the set of values. */
function duplicateCheck(
  values: string[],
  report: (index: number, value: string) => void,
): Set<string> {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) report(index, value);
    seen.add(value);
  });
  return seen;
}

async function listFiles(folder: string): Promise<string[]> {
  return (await listEntries(folder)).filter((entry) => entry.isFile()).map((entry) => entry.name);
}

async function listEntries(folder: string): Promise<Dirent[]> {
  try {
    return (await readdir(folder, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Files read at once: enough to keep the disk busy, few enough for any open-file limit. */
const FILES_AT_ONCE = 32;

/**
 * Reads `files` at once (FILES_AT_ONCE at a time). The reader it resolves with gives a file's
 * text as {@link readText} does (undefined: missing) and adds its encoding error to `errors`
 * when asked, so errors come in the order the caller takes the files, whatever order they
 * were read in.
 */
async function readTexts(
  files: readonly string[],
): Promise<(file: string, errors: ConfigError[]) => string | undefined> {
  const read = await mapConcurrently(files, FILES_AT_ONCE, (file) =>
    readTextFile(file, displayPath(file)),
  );
  const byFile = new Map(files.map((file, index) => [file, read[index]]));
  return (file, errors) => {
    const got = byFile.get(file);
    if (got?.error) errors.push(got.error);
    return got?.text;
  };
}

/** Runs `work` with an errors list of its own: concurrent loads each collect theirs. */
async function collecting<T>(
  work: (errors: ConfigError[]) => Promise<T>,
): Promise<{ value: T; errors: ConfigError[] }> {
  const errors: ConfigError[] = [];
  return { value: await work(errors), errors };
}

/**
 * A file's text, or undefined when it does not exist. A file that is not UTF-8 adds its error and
 * still gives its text, so the rest of it is checked too.
 */
async function readText(file: string, errors: ConfigError[]): Promise<string | undefined> {
  const read = await readTextFile(file, displayPath(file));
  if (read?.error) errors.push(read.error);
  return read?.text;
}

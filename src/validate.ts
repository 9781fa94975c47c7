// `validate`: load the portfolio and check it and its templates, rendering each report's
// templates. Apart from the pipeline so that the CLI's `validate` loads only what checking needs:
// no Markdown library, no delivery, no render pool, no summary (src/pipeline.ts is all of those).
import type { Liquid } from 'liquidjs';
import { checkAlertReferences, checkDraftAlertReferences } from './alerts/references.js';
import { Analyzer } from './analysis/index.js';
import { todayIn } from './analysis/dates.js';
import { count } from './analysis/findings.js';
import { describeConfigError, sortConfigErrors, type ConfigError } from './config/errors.js';
import { loadPortfolio, type Portfolio } from './config/load.js';
import type { Logger } from './logger.js';
import { checkTemplates, createTemplateEngine } from './render/liquid.js';
import { checkRenders } from './render/render-liquid.js';

/**
 * Loads and checks the portfolio and its templates: the whole of `validate`. With `render`,
 * every report's templates are also rendered (as of `asOf`, or today in the portfolio's zone;
 * the Liquid step only, src/render/render-liquid.ts checkRenders), so that a template that
 * cannot render (an unknown variable, a partial named by a variable that does not exist) is a
 * config error at its file:line. Returns the portfolio and the engine that checked its
 * templates (their parses cached), or every problem found, sorted by file and line. Loads no
 * Markdown library: a caller that goes on to render HTML uses pipeline.ts's validatePortfolio.
 */
export async function checkPortfolio(
  configDir: string,
  check: { readonly render?: boolean; readonly asOf?: string } = {},
): Promise<{ portfolio: Portfolio; engine: Liquid } | { errors: ConfigError[] }> {
  const loaded = await loadPortfolio(configDir);
  // Templates are checked even when other files have problems: every problem is reported at once.
  const { templates, reports } = loaded.ok ? loaded.portfolio : loaded.draft;
  // The engine that checked the templates renders them too, with their parses cached.
  const engine = createTemplateEngine(
    templates,
    loaded.ok ? loaded.portfolio.settings : { currency: 'USD', timezone: 'UTC' },
  );
  const templateErrors = checkTemplates(templates, reports, engine, loaded.locate);
  if (!loaded.ok) {
    // portfolio.yml's alerts name owners and entities: checked on what could be read, so that
    // no other problem (another alert's missing threshold) hides an unknown one.
    const alertErrors = await checkDraftAlertReferences(configDir, loaded.locate);
    return { errors: sortConfigErrors([...loaded.errors, ...templateErrors, ...alertErrors]) };
  }
  let renderErrors: ConfigError[] = [];
  if (check.render) {
    const { portfolio } = loaded;
    const asOf = check.asOf ?? todayIn(portfolio.settings.timezone);
    const analyzer = new Analyzer(portfolio, asOf);
    renderErrors = checkRenders(engine, portfolio, (r) => analyzer.analyzeWithChanges(r), asOf, {
      locate: loaded.locate,
      found: templateErrors,
    });
  }
  // portfolio.yml's alerts name owners and entities: checked once both are loaded.
  const alertErrors = checkAlertReferences(loaded.portfolio, loaded.locate);
  if (templateErrors.length > 0 || renderErrors.length > 0 || alertErrors.length > 0)
    return { errors: sortConfigErrors([...templateErrors, ...renderErrors, ...alertErrors]) };
  return { portfolio: loaded.portfolio, engine };
}

/**
 * The action's `mode: validate` (and `alerts` on a pull request): checkPortfolio with the render
 * check, logged as src/pipeline.ts runPipeline logs it: every problem (with its file, line and
 * column for an annotation), then the count. `config` is the portfolio folder, `asOf` the date
 * the templates are rendered as of (default: today in the portfolio's zone). Returns exit code 0,
 * or 2 with every problem. Here rather than in the pipeline so that a validate loads no Markdown,
 * delivery or summary code.
 */
export async function validateRun(
  options: { readonly config: string; readonly asOf?: string },
  log: Logger,
): Promise<{ exitCode: 0 } | { exitCode: 2; configErrors: ConfigError[] }> {
  const checked = await checkPortfolio(options.config, { render: true, asOf: options.asOf });
  if ('errors' in checked) return logConfigProblems(checked.errors, log);
  log.info(loadedLine(checked.portfolio, options.config));
  log.info('the portfolio is valid');
  return { exitCode: 0 };
}

/**
 * Logs every problem of a portfolio that did not load or check (each with its file, line and
 * column, for an annotation); a run's answer to them is exit code 2. The line that sums them up
 * (problemsFound) is the shell's to write after them, where it has the folder: the CLI prints it
 * last, the action logs it before failing the step.
 */
export function logConfigProblems(
  errors: ConfigError[],
  log: Logger,
): { exitCode: 2; configErrors: ConfigError[] } {
  for (const error of errors) log.error(describeConfigError(error), error);
  return { exitCode: 2, configErrors: errors };
}

/**
 * The line after the list of a portfolio's problems: "4 problems found in broken; nothing was
 * sent" (`problems` counted, `config` the folder as the user gave it).
 */
export function problemsFound(problems: number, config: string): string {
  return `${count(problems, 'problem')} found in ${config}; nothing was sent`;
}

/** A run's and the action's validate's first line: "loaded 1 entity and 2 reports from DIR". */
export function loadedLine(portfolio: Portfolio, config: string): string {
  return `loaded ${count(portfolio.entities.length, 'entity', 'entities')} and ${count(portfolio.reports.length, 'report')} from ${config}`;
}

/** The CLI's `validate` answer for a portfolio that checked: "DIR is valid: 1 entity, 2 reports". */
export function validLine(portfolio: Portfolio, config: string): string {
  return `${config} is valid: ${count(portfolio.entities.length, 'entity', 'entities')}, ${count(portfolio.reports.length, 'report')}`;
}

// `validate`: load the portfolio and check it and its templates, rendering each report's
// templates. Apart from the pipeline so that the CLI's `validate` loads only what checking needs:
// no Markdown library, no delivery, no render pool, no summary (src/pipeline.ts is all of those).
import type { Liquid } from 'liquidjs';
import { checkAlertReferences } from './alerts/references.js';
import { Analyzer } from './analysis/index.js';
import { todayIn } from './analysis/dates.js';
import { sortConfigErrors, type ConfigError } from './config/errors.js';
import { loadPortfolio, type Portfolio } from './config/load.js';
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
  if (!loaded.ok) return { errors: sortConfigErrors([...loaded.errors, ...templateErrors]) };
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

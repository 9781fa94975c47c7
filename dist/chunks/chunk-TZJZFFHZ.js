import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  checkAlertReferences
} from "./chunk-OABCDO22.js";
import {
  checkRenders
} from "./chunk-AN53UDFH.js";
import {
  Analyzer
} from "./chunk-ZJEMWO4X.js";
import {
  loadPortfolio
} from "./chunk-GSJVAEIS.js";
import {
  describeConfigError,
  sortConfigErrors
} from "./chunk-ZKT6PWU6.js";
import {
  checkTemplates,
  createTemplateEngine
} from "./chunk-3OHZTRO6.js";
import {
  todayIn
} from "./chunk-GGC72TJI.js";

// src/validate.ts
async function checkPortfolio(configDir, check = {}) {
  const loaded = await loadPortfolio(configDir);
  const { templates, reports } = loaded.ok ? loaded.portfolio : loaded.draft;
  const engine = createTemplateEngine(
    templates,
    loaded.ok ? loaded.portfolio.settings : { currency: "USD", timezone: "UTC" }
  );
  const templateErrors = checkTemplates(templates, reports, engine, loaded.locate);
  if (!loaded.ok) return { errors: sortConfigErrors([...loaded.errors, ...templateErrors]) };
  let renderErrors = [];
  if (check.render) {
    const { portfolio } = loaded;
    const asOf = check.asOf ?? todayIn(portfolio.settings.timezone);
    const analyzer = new Analyzer(portfolio, asOf);
    renderErrors = checkRenders(engine, portfolio, (r) => analyzer.analyzeWithChanges(r), asOf, {
      locate: loaded.locate,
      found: templateErrors
    });
  }
  const alertErrors = checkAlertReferences(loaded.portfolio, loaded.locate);
  if (templateErrors.length > 0 || renderErrors.length > 0 || alertErrors.length > 0)
    return { errors: sortConfigErrors([...templateErrors, ...renderErrors, ...alertErrors]) };
  return { portfolio: loaded.portfolio, engine };
}
async function validateRun(options, log) {
  const checked = await checkPortfolio(options.config, { render: true, asOf: options.asOf });
  if ("errors" in checked) return logConfigProblems(checked.errors, log);
  const { portfolio } = checked;
  log.info(
    `loaded ${portfolio.entities.length} entities and ${portfolio.reports.length} reports from ${options.config}`
  );
  log.info("the portfolio is valid");
  return { exitCode: 0 };
}
function logConfigProblems(errors, log) {
  for (const error of errors) log.error(describeConfigError(error), error);
  log.error(`reports-config has ${errors.length} problem${errors.length === 1 ? "" : "s"}:`);
  return { exitCode: 2, configErrors: errors };
}

export {
  checkPortfolio,
  validateRun,
  logConfigProblems
};

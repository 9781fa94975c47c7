import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  checkAlertReferences,
  checkDraftAlertReferences
} from "./chunk-KE66YUS3.js";
import {
  checkRenders
} from "./chunk-23HAZFMX.js";
import {
  Analyzer
} from "./chunk-GD5NV4LV.js";
import {
  loadPortfolio
} from "./chunk-IRJFJL4L.js";
import {
  count
} from "./chunk-TNR3CQU3.js";
import {
  describeConfigError,
  sortConfigErrors
} from "./chunk-ZKT6PWU6.js";
import {
  checkTemplates,
  createTemplateEngine
} from "./chunk-JC4LOZUH.js";
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
  if (!loaded.ok) {
    const alertErrors2 = await checkDraftAlertReferences(configDir, loaded.locate);
    return { errors: sortConfigErrors([...loaded.errors, ...templateErrors, ...alertErrors2]) };
  }
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
  log.info(loadedLine(checked.portfolio, options.config));
  log.info("the portfolio is valid");
  return { exitCode: 0 };
}
function logConfigProblems(errors, log) {
  for (const error of errors) log.error(describeConfigError(error), error);
  return { exitCode: 2, configErrors: errors };
}
function problemsFound(problems, config) {
  return `${count(problems, "problem")} found in ${config}; nothing was sent`;
}
function loadedLine(portfolio, config) {
  return `loaded ${count(portfolio.entities.length, "entity", "entities")} and ${count(portfolio.reports.length, "report")} from ${config}`;
}
function validLine(portfolio, config) {
  return `${config} is valid: ${count(portfolio.entities.length, "entity", "entities")}, ${count(portfolio.reports.length, "report")}`;
}

export {
  checkPortfolio,
  validateRun,
  logConfigProblems,
  problemsFound,
  loadedLine,
  validLine
};

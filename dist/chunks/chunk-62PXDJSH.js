import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  checkAlertReferences
} from "./chunk-SFYA7LBW.js";
import {
  checkRenders,
  checkTemplates,
  createTemplateEngine
} from "./chunk-HJL3GAZ4.js";
import {
  Analyzer,
  loadPortfolio
} from "./chunk-AHWUMDXP.js";
import {
  sortConfigErrors
} from "./chunk-ZKT6PWU6.js";
import {
  todayIn
} from "./chunk-FTYSK5JR.js";

// src/logger.ts
var consoleLogger = {
  info: (message) => console.log(message),
  warning: (message) => console.warn(`warning: ${message}`),
  error: (message) => console.error(`error: ${message}`)
};
function memoryLogger() {
  const lines = [];
  return {
    lines,
    info: (message) => lines.push(`info: ${message}`),
    warning: (message) => lines.push(`warning: ${message}`),
    error: (message) => lines.push(`error: ${message}`)
  };
}

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

export {
  consoleLogger,
  memoryLogger,
  checkPortfolio
};

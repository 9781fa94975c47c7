import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  emailParts
} from "./chunk-SQAN6S2X.js";
import {
  renderTemplates
} from "./chunk-23HAZFMX.js";
import {
  count
} from "./chunk-TNR3CQU3.js";

// src/render/index.ts
function renderSource(engine, portfolio, report, analysis, asOf, locate) {
  const { subject, period, markdown, charts, view } = renderTemplates(
    engine,
    portfolio,
    report,
    analysis,
    asOf,
    locate
  );
  const { counts, report: shown } = view;
  return {
    subject,
    period,
    markdown,
    charts,
    preheader: `${counts.critical} critical, ${count(counts.warning, "warning")}, ${count(counts.actions, "action")}`,
    footer: `${portfolio.settings.name} \xB7 ${shown.reader} \xB7 as of ${asOf} \xB7 sent by boardroom`
  };
}
function renderReport(engine, portfolio, report, analysis, asOf, locate) {
  const source = renderSource(engine, portfolio, report, analysis, asOf, locate);
  const { subject, period, markdown, charts } = source;
  return { subject, period, markdown, ...emailParts(source), charts };
}

export {
  renderSource,
  renderReport
};

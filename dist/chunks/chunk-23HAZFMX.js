import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  entityName,
  ownerName
} from "./chunk-IRJFJL4L.js";
import {
  messageOf,
  renderErrorAt,
  renderHeader,
  subjectError
} from "./chunk-JC4LOZUH.js";
import {
  sectionIds
} from "./chunk-XU4MFCUY.js";
import {
  chartCollector
} from "./chunk-6WH5L3UC.js";
import {
  periodOf,
  withFields
} from "./chunk-GGC72TJI.js";

// src/render/render-liquid.ts
function reportView(portfolio, report, analysis, asOf) {
  const persona = portfolio.personas.get(report.persona);
  const withOwner = (actions) => actions.map((action) => withFields(action, { owner_name: ownerName(portfolio, action.owner) }));
  const sections = analysis.sections.map(
    (s) => withFields(s, { actions: withOwner(s.actions), gathered: s.gathered ?? null })
  );
  const head = withNulls({
    portfolio: { name: portfolio.settings.name, currency: portfolio.settings.currency },
    report: {
      id: report.id,
      reader: report.reader ?? persona.title,
      cadence: report.cadence,
      entities: report.entities === "all" ? portfolio.entities.map((e) => e.name) : report.entities.map((id) => entityName(portfolio, id))
    },
    persona: { id: persona.id, title: persona.title },
    as_of: asOf,
    period: periodOf(report.cadence, asOf),
    sections
  });
  const tail = withNulls({
    findings: analysis.findings.map(
      (f) => withFields(f, { entity_name: entityName(portfolio, f.entity) })
    ),
    actions: withOwner(analysis.actions),
    // What the reader sees in this report, gathered lists included (the CEO's shortfalls).
    counts: analysis.counts,
    // Since the previous period (src/analysis/changes.ts); null when not computed (validate).
    changes: analysis.changes ?? null
  });
  return withFields(
    withFields(head, {
      // Every section by id, null when this report has not got it: templates are strict, and
      // `{% if section.burn %}` must not read as a typo in a report without burn. The same
      // objects as `sections` (already without undefined: not walked twice).
      section: Object.fromEntries([
        ...sectionIds.map((id) => [id, null]),
        ...head.sections.map((s) => [s.id, s])
      ])
    }),
    tail
  );
}
function withNulls(value) {
  if (value === void 0) return null;
  if (value === null || typeof value !== "object") return value;
  return nullsIn(value);
}
function nullsIn(value) {
  if (Array.isArray(value)) {
    let copy2;
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      let converted;
      if (item === void 0) {
        if (!(i in value)) continue;
        converted = null;
      } else if (item !== null && typeof item === "object") converted = nullsIn(item);
      else continue;
      if (converted !== item) (copy2 ??= value.slice())[i] = converted;
    }
    return copy2 ?? value;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const fields = value;
  let copy;
  for (const key in fields) {
    const field = fields[key];
    let converted;
    if (field === void 0) converted = null;
    else if (field !== null && typeof field === "object") converted = nullsIn(field);
    else continue;
    if (converted !== field) (copy ??= { ...fields })[key] = converted;
  }
  return copy ?? value;
}
var TemplateRenderError = class extends Error {
  constructor(problem) {
    super(
      `${problem.file}:${problem.line}${problem.column ? `:${problem.column}` : ""}: ${problem.message}`
    );
    this.problem = problem;
    this.name = "TemplateRenderError";
  }
  problem;
};
function renderTemplates(engine, portfolio, report, analysis, asOf, locate) {
  const view = reportView(portfolio, report, analysis, asOf);
  const templateName = report.template ?? portfolio.personas.get(report.persona).template;
  let markdown;
  const { globals, charts } = chartCollector();
  try {
    markdown = engine.renderFileSync(templateName, view, { globals }).replace(/\n{3,}/g, "\n\n").trim() + "\n";
  } catch (error) {
    throw new TemplateRenderError(
      renderErrorAt(portfolio.templates, error) ?? {
        file: portfolio.templates.get(templateName)?.file ?? `templates/${templateName}.md`,
        line: 1,
        message: `Liquid: ${messageOf(error)}`
      }
    );
  }
  let subject;
  try {
    subject = renderHeader(engine, report.subject, view).replace(/[\r\n]+/g, " ").trim();
  } catch (error) {
    throw new TemplateRenderError(subjectError(report, error, locate ?? (() => void 0)));
  }
  return { subject, period: view.period, markdown, charts, view };
}
function checkRenders(engine, portfolio, analyze, asOf, { locate, found = [] } = {}) {
  const lineOf = (problem) => `${problem.file}:${problem.line}`;
  const errors = new Map(found.map((problem) => [lineOf(problem), problem]));
  const known = errors.size;
  for (const report of portfolio.reports) {
    let analysis;
    try {
      analysis = analyze(report);
    } catch {
      continue;
    }
    try {
      renderTemplates(engine, portfolio, report, analysis, asOf, locate);
    } catch (error) {
      if (!(error instanceof TemplateRenderError)) throw error;
      if (!errors.has(lineOf(error.problem))) errors.set(lineOf(error.problem), error.problem);
    }
  }
  return [...errors.values()].slice(known);
}

export {
  reportView,
  TemplateRenderError,
  renderTemplates,
  checkRenders
};

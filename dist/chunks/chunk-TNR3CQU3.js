import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  addDays,
  roundTo
} from "./chunk-GGC72TJI.js";

// src/analysis/findings.ts
function count(n, noun, plural = `${noun}s`) {
  return `${n} ${n === 1 ? noun : plural}`;
}
var DAYS_TO_ACT = { critical: 7, warning: 21, info: 30 };
var PRIORITY = { critical: "high", warning: "medium", info: "low" };
var SectionFindings = class _SectionFindings {
  constructor(section, owner, asOf) {
    this.section = section;
    this.owner = owner;
    this.asOf = asOf;
  }
  section;
  owner;
  asOf;
  findings = [];
  actions = [];
  /** An empty collector for the same section, owner and date: one entity's part (entityRows). */
  fork() {
    return new _SectionFindings(this.section, this.owner, this.asOf);
  }
  /** Appends findings and actions collected by a fork (an entity's cached part), in order. */
  addAll(part) {
    for (const finding of part.findings) this.findings.push(finding);
    for (const action of part.actions) this.actions.push(action);
  }
  add(input, action) {
    const finding = {
      id: [input.rule, input.entity ?? "portfolio", input.subject].filter(Boolean).join(":"),
      rule: input.rule,
      severity: input.severity,
      title: input.title,
      entity: input.entity,
      section: this.section,
      figures: input.figures ?? {}
    };
    this.findings.push(finding);
    if (action) {
      this.actions.push({
        title: action,
        owner: this.owner,
        due: addDays(this.asOf, DAYS_TO_ACT[finding.severity]),
        priority: PRIORITY[finding.severity],
        finding: finding.id,
        entity: finding.entity,
        section: this.section
      });
    }
    return finding;
  }
};
function round(value, digits = 2) {
  return roundTo(value, digits);
}
function addTo(groups, key, value) {
  const list = groups.get(key);
  if (list) list.push(value);
  else groups.set(key, [value]);
}
function sum(values) {
  return values.reduce((total, value) => total + value, 0);
}
function ratio(value, total) {
  return total === 0 ? null : value / total;
}

export {
  count,
  SectionFindings,
  round,
  addTo,
  sum,
  ratio
};

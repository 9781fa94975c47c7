import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  displayPath
} from "./chunk-ZKT6PWU6.js";
import {
  addressKey
} from "./chunk-SC7SHDLN.js";

// src/alerts/references.ts
import path from "node:path";
function checkAlertReferences(portfolio, locate) {
  const file = displayPath(path.join(portfolio.dir, "portfolio.yml"));
  const entityIds = new Set(portfolio.entities.map((e) => e.id));
  const owners = Object.keys(portfolio.settings.owners);
  const errors = [];
  const at = (keyPath, message) => errors.push({
    file,
    ...locate(file, keyPath) ?? { line: 1, column: 1 },
    field: keyPath.join("."),
    message
  });
  (portfolio.settings.alerts ?? []).forEach((alert, index) => {
    alert.to.forEach((recipient, position) => {
      if (!recipient.includes("@") && !owners.includes(recipient))
        at(
          ["alerts", index, "to", position],
          `alerts.${index}.to: unknown owner "${recipient}" (owners: ${owners.join(", ") || "none"}; or write an email address)`
        );
    });
    if (alert.entities !== "all")
      alert.entities.forEach((entity, position) => {
        if (!entityIds.has(entity))
          at(
            ["alerts", index, "entities", position],
            `alerts.${index}.entities: unknown entity "${entity}"`
          );
      });
  });
  return errors;
}
function alertRecipients(alert, portfolio) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const recipient of alert.to) {
    const owner = portfolio.settings.owners[recipient];
    const address = recipient.includes("@") ? recipient : owner?.email;
    if (!address) continue;
    const key = addressKey(address);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(address);
  }
  return out;
}

export {
  checkAlertReferences,
  alertRecipients
};

import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  require_dist,
  yamlFileIds
} from "./chunk-IRJFJL4L.js";
import {
  displayPath
} from "./chunk-ZKT6PWU6.js";
import {
  ENTITY_ID,
  OWNER_KEY
} from "./chunk-XU4MFCUY.js";
import {
  addressKey
} from "./chunk-SC7SHDLN.js";
import {
  __toESM
} from "./chunk-OXRXBV5P.js";

// src/alerts/references.ts
var import_yaml = __toESM(require_dist(), 1);
import { readFile } from "node:fs/promises";
import path from "node:path";
function checkAlertReferences(portfolio, locate) {
  return referenceErrors(
    portfolio.dir,
    portfolio.settings.alerts ?? [],
    Object.keys(portfolio.settings.owners),
    new Set(portfolio.entities.map((e) => e.id)),
    locate
  );
}
async function checkDraftAlertReferences(dir, locate) {
  let settings;
  try {
    const doc = (0, import_yaml.parseDocument)(await readFile(path.join(dir, "portfolio.yml"), "utf8"), {
      merge: true
    });
    if (doc.errors.length > 0) return [];
    settings = doc.toJS();
  } catch {
    return [];
  }
  if (!isRecord(settings) || !Array.isArray(settings.alerts)) return [];
  const owners = isRecord(settings.owners) ? Object.keys(settings.owners) : void 0;
  let entityIds;
  try {
    entityIds = new Set(await yamlFileIds(path.join(dir, "entities")));
  } catch {
    entityIds = void 0;
  }
  return referenceErrors(dir, settings.alerts, owners, entityIds, locate);
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function referenceErrors(dir, alerts, owners, entityIds, locate) {
  const file = displayPath(path.join(dir, "portfolio.yml"));
  const errors = [];
  const at = (keyPath, message) => errors.push({
    file,
    ...locate(file, keyPath) ?? { line: 1, column: 1 },
    field: keyPath.join("."),
    message
  });
  const texts = (list) => Array.isArray(list) ? list.flatMap(
    (item, position) => typeof item === "string" ? [[item, position]] : []
  ) : [];
  alerts.forEach((alert, index) => {
    if (!isRecord(alert)) return;
    if (owners)
      for (const [recipient, position] of texts(alert.to)) {
        if (OWNER_KEY.test(recipient) && !owners.includes(recipient))
          at(
            ["alerts", index, "to", position],
            `alerts.${index}.to: unknown owner "${recipient}" (owners: ${owners.join(", ") || "none"}; or write an email address)`
          );
      }
    if (entityIds)
      for (const [entity, position] of texts(alert.entities)) {
        if (ENTITY_ID.test(entity) && !entityIds.has(entity))
          at(
            ["alerts", index, "entities", position],
            `alerts.${index}.entities: unknown entity "${entity}"`
          );
      }
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
  checkDraftAlertReferences,
  alertRecipients
};

import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/v8-tiers.ts
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
var SMALL_CHECK_REPORTS = 50;
var SMALL_CHECK_DATA_BYTES = 1e6;
var MAX_WALK_DEPTH = 8;
function isSmallPortfolio(configDir) {
  const entries = (folder) => {
    try {
      return readdirSync(folder);
    } catch {
      return [];
    }
  };
  if (entries(path.join(configDir, "reports")).length > SMALL_CHECK_REPORTS) return false;
  let bytes = 0;
  const withinBudget = (folder, depth) => {
    for (const name of entries(folder)) {
      const file = path.join(folder, name);
      let stats;
      try {
        stats = statSync(file);
      } catch {
        continue;
      }
      if (stats.isDirectory()) {
        if (depth < MAX_WALK_DEPTH && !withinBudget(file, depth + 1)) return false;
      } else if ((bytes += stats.size) > SMALL_CHECK_DATA_BYTES) return false;
    }
    return true;
  };
  return withinBudget(configDir, 0);
}
function capTiersForSmallCheck(configDir) {
  if (!isSmallPortfolio(configDir)) return false;
  setFlagsFromString("--max-opt=1");
  return true;
}

export {
  capTiersForSmallCheck
};

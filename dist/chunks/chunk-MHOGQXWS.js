import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/v8-tiers.ts
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
var SMALL_CHECK_REPORTS = 50;
var SMALL_CHECK_DATA_BYTES = 1e6;
function isSmallPortfolio(configDir) {
  const entries = (folder) => {
    try {
      return readdirSync(folder, { withFileTypes: true });
    } catch {
      return [];
    }
  };
  if (entries(path.join(configDir, "reports")).length > SMALL_CHECK_REPORTS) return false;
  let bytes = 0;
  const dataDir = path.join(configDir, "data");
  for (const entry of entries(dataDir)) {
    const files = entry.isDirectory() ? entries(path.join(dataDir, entry.name)).map(
      (file) => path.join(dataDir, entry.name, file.name)
    ) : [path.join(dataDir, entry.name)];
    for (const file of files) {
      try {
        bytes += statSync(file).size;
      } catch {
      }
      if (bytes > SMALL_CHECK_DATA_BYTES) return false;
    }
  }
  return true;
}
function capTiersForSmallCheck(configDir) {
  if (!isSmallPortfolio(configDir)) return false;
  setFlagsFromString("--max-opt=1");
  return true;
}

export {
  capTiersForSmallCheck
};

import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/garbage-collector.ts
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
function garbageCollector() {
  const exposed = globalThis.gc;
  if (typeof exposed === "function") return exposed;
  setFlagsFromString("--expose-gc");
  try {
    return runInNewContext("gc");
  } finally {
    setFlagsFromString("--no-expose-gc");
  }
}

export {
  garbageCollector
};

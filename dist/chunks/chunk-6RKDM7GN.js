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
function compacting(collect) {
  setFlagsFromString("--compact-on-every-full-gc");
  try {
    collect();
  } finally {
    setFlagsFromString("--no-compact-on-every-full-gc");
  }
}
var HEAP_GROWING_PERCENT = 50;
var HEAP_GROWING_FLAG = "--heap-growing-percent";
async function withHeapGrowth(work, percent = HEAP_GROWING_PERCENT) {
  if (heapGrowthGiven()) return work();
  if (growing++ === 0) setFlagsFromString(`${HEAP_GROWING_FLAG}=${percent}`);
  try {
    return await work();
  } finally {
    if (--growing === 0) setFlagsFromString(`${HEAP_GROWING_FLAG}=0`);
  }
}
var growing = 0;
function heapGrowthGiven(execArgv = process.execArgv) {
  return execArgv.some((option) => /^--heap[-_]growing[-_]percent(=|$)/.test(option));
}

export {
  garbageCollector,
  compacting,
  withHeapGrowth
};

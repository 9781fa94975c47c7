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
var CHART_STEP_HEAP_GROWING_PERCENT = 20;
var HEAP_GROWING_FLAG = "--heap-growing-percent";
async function withHeapGrowth(work, percent = HEAP_GROWING_PERCENT) {
  if (heapGrowthGiven()) return work();
  asked.push(percent);
  applyHeapGrowth();
  try {
    return await work();
  } finally {
    asked.splice(asked.indexOf(percent), 1);
    applyHeapGrowth();
  }
}
var asked = [];
var applied = 0;
function applyHeapGrowth() {
  const wanted = asked.length === 0 ? 0 : Math.min(...asked);
  if (wanted === applied) return;
  setFlagsFromString(`${HEAP_GROWING_FLAG}=${wanted}`);
  applied = wanted;
}
function heapGrowthGiven(execArgv = process.execArgv) {
  return execArgv.some((option) => /^--heap[-_]growing[-_]percent(=|$)/.test(option));
}

export {
  garbageCollector,
  compacting,
  CHART_STEP_HEAP_GROWING_PERCENT,
  withHeapGrowth
};

import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  src_default
} from "./chunk-6R3HXZAO.js";
import {
  finishReportFiles
} from "./chunk-LKAKFXIO.js";
import "./chunk-RRQPDUQS.js";
import {
  loadSanitizerFor
} from "./chunk-EL44SX6J.js";
import "./chunk-7ADVH35N.js";
import "./chunk-TNIK5FCO.js";
import "./chunk-45DXCB5M.js";
import "./chunk-OXRXBV5P.js";

// src/render/finish-worker.ts
var ready;
async function finishReport(job) {
  ready ??= loadSanitizerFor(src_default.workerData.templates);
  await ready;
  try {
    return { size: finishReportFiles(job) };
  } catch (error) {
    return { error: error.message };
  }
}
export {
  finishReport as default
};

import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  checkPortfolio,
  logConfigProblems,
  validateRun
} from "./chunk-TZJZFFHZ.js";
import "./chunk-OABCDO22.js";
import "./chunk-AN53UDFH.js";
import "./chunk-ZJEMWO4X.js";
import "./chunk-GSJVAEIS.js";
import "./chunk-ZKT6PWU6.js";
import "./chunk-F4NAEFNZ.js";
import "./chunk-3OHZTRO6.js";
import "./chunk-T6BPE2KC.js";
import "./chunk-SC7SHDLN.js";
import "./chunk-7ADVH35N.js";
import "./chunk-6WH5L3UC.js";
import "./chunk-GGC72TJI.js";
import "./chunk-MFOCRCT4.js";
import "./chunk-OXRXBV5P.js";
export {
  checkPortfolio,
  logConfigProblems,
  validateRun
};

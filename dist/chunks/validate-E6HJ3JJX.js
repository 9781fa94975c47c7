import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  checkPortfolio,
  loadedLine,
  logConfigProblems,
  problemsFound,
  validLine,
  validateRun
} from "./chunk-5DQEALQC.js";
import "./chunk-IEAA24I5.js";
import "./chunk-4A2RURUH.js";
import "./chunk-JYJPYNRH.js";
import "./chunk-LCALI5WA.js";
import "./chunk-TNR3CQU3.js";
import "./chunk-ZKT6PWU6.js";
import "./chunk-F4NAEFNZ.js";
import "./chunk-JC4LOZUH.js";
import "./chunk-XU4MFCUY.js";
import "./chunk-SC7SHDLN.js";
import "./chunk-7ADVH35N.js";
import "./chunk-6WH5L3UC.js";
import "./chunk-GGC72TJI.js";
import "./chunk-MFOCRCT4.js";
import "./chunk-OXRXBV5P.js";
export {
  checkPortfolio,
  loadedLine,
  logConfigProblems,
  problemsFound,
  validLine,
  validateRun
};

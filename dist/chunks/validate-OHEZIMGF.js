import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  checkPortfolio,
  loadedLine,
  logConfigProblems,
  problemsFound,
  validLine,
  validateRun
} from "./chunk-FUQL5PUX.js";
import "./chunk-KE66YUS3.js";
import "./chunk-23HAZFMX.js";
import "./chunk-GD5NV4LV.js";
import "./chunk-IRJFJL4L.js";
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

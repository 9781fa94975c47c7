import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  checkPortfolio,
  logConfigProblems,
  validateRun
} from "./chunk-T5A35EHD.js";
import "./chunk-OABCDO22.js";
import "./chunk-YMK56NKD.js";
import "./chunk-A6TARVRP.js";
import "./chunk-HTG2MZ4L.js";
import "./chunk-ZKT6PWU6.js";
import "./chunk-F4NAEFNZ.js";
import "./chunk-5NAHFPHZ.js";
import "./chunk-BN5DHIVQ.js";
import "./chunk-SC7SHDLN.js";
import "./chunk-7ADVH35N.js";
import "./chunk-3VQMYZ74.js";
import "./chunk-YEEXN6IZ.js";
import "./chunk-MFOCRCT4.js";
import "./chunk-OXRXBV5P.js";
export {
  checkPortfolio,
  logConfigProblems,
  validateRun
};

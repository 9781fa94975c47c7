import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  checkPortfolio,
  logConfigProblems,
  validateRun
} from "./chunk-C4LNASKI.js";
import "./chunk-RSDXSVU3.js";
import "./chunk-EHCBLVWV.js";
import "./chunk-HNTHYXPQ.js";
import "./chunk-YNPWDIFJ.js";
import "./chunk-ZKT6PWU6.js";
import "./chunk-OIF7AIKD.js";
import "./chunk-VV4W2WI3.js";
import "./chunk-7ADVH35N.js";
import "./chunk-5WI72NLY.js";
import "./chunk-TNIK5FCO.js";
import "./chunk-45DXCB5M.js";
import "./chunk-OXRXBV5P.js";
export {
  checkPortfolio,
  logConfigProblems,
  validateRun
};

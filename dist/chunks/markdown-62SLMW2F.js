import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  JOB_SUMMARY_LIMIT,
  cell,
  summaryMarkdown
} from "./chunk-OWZULMTM.js";
import "./chunk-IB76E33X.js";
import "./chunk-75KFIK5H.js";
import "./chunk-J2G76DDB.js";
import "./chunk-7ADVH35N.js";
import "./chunk-SC7SHDLN.js";
import "./chunk-E3HAWKDW.js";
import "./chunk-VAOAYGQB.js";
import "./chunk-OXRXBV5P.js";
export {
  JOB_SUMMARY_LIMIT,
  cell,
  summaryMarkdown
};

import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  JOB_SUMMARY_LIMIT,
  cell,
  summaryMarkdown
} from "./chunk-KP7QDCDT.js";
import "./chunk-XB7NYYFB.js";
import "./chunk-F4NAEFNZ.js";
import "./chunk-DSFAKTE7.js";
import "./chunk-SC7SHDLN.js";
import "./chunk-7ADVH35N.js";
import "./chunk-AP4K2WIA.js";
import "./chunk-DQYPPGSX.js";
import "./chunk-MFOCRCT4.js";
import "./chunk-OXRXBV5P.js";
export {
  JOB_SUMMARY_LIMIT,
  cell,
  summaryMarkdown
};

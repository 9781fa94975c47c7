import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  JOB_SUMMARY_LIMIT,
  cell,
  summaryMarkdown
} from "./chunk-OPLVHJKA.js";
import "./chunk-MGX2ZOH3.js";
import "./chunk-VV4W2WI3.js";
import "./chunk-7ADVH35N.js";
import "./chunk-5WI72NLY.js";
import "./chunk-TNIK5FCO.js";
import "./chunk-45DXCB5M.js";
import "./chunk-OXRXBV5P.js";
export {
  JOB_SUMMARY_LIMIT,
  cell,
  summaryMarkdown
};

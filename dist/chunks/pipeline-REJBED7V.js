import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  collectGarbage,
  renderReports,
  runPipeline,
  validatePortfolio,
  withoutBooks
} from "./chunk-E3RL5MW3.js";
import "./chunk-FOQKTZ3F.js";
import "./chunk-S7MNZ4IR.js";
import "./chunk-OGBOT7SR.js";
import "./chunk-I7RP3H6T.js";
import "./chunk-7GMZAZLH.js";
import "./chunk-5SEMTZSP.js";
import "./chunk-63EMXHBY.js";
import "./chunk-UUY4MD6Y.js";
import "./chunk-2S45CMFA.js";
import "./chunk-JBJ3ZYZL.js";
import "./chunk-V4CVLK5W.js";
import "./chunk-HUM4J377.js";
import "./chunk-RRQPDUQS.js";
import "./chunk-SD5XM22G.js";
import "./chunk-6RKDM7GN.js";
import "./chunk-T5A35EHD.js";
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
  collectGarbage,
  renderReports,
  runPipeline,
  validatePortfolio,
  withoutBooks
};

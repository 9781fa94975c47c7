import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  collectGarbage,
  renderReports,
  runPipeline,
  validatePortfolio,
  withoutBooks
} from "./chunk-HQCIBP6D.js";
import "./chunk-FOQKTZ3F.js";
import "./chunk-73KRHTLC.js";
import "./chunk-OGBOT7SR.js";
import "./chunk-I7RP3H6T.js";
import "./chunk-K3ZV4B4C.js";
import "./chunk-GTJPQZEF.js";
import "./chunk-63EMXHBY.js";
import "./chunk-GZFGD7DJ.js";
import "./chunk-5FO623WO.js";
import "./chunk-CSB5Z2GU.js";
import "./chunk-V4CVLK5W.js";
import "./chunk-SQAN6S2X.js";
import "./chunk-RRQPDUQS.js";
import "./chunk-4SV3DADC.js";
import "./chunk-JFETSJQH.js";
import "./chunk-FUQL5PUX.js";
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
  collectGarbage,
  renderReports,
  runPipeline,
  validatePortfolio,
  withoutBooks
};

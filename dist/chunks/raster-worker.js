import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  encodePng
} from "./chunk-XLFQVVCG.js";
import {
  rasterize,
  startRaster
} from "./chunk-ZXMQ44IE.js";
import {
  FONT_FAMILY
} from "./chunk-2PJW3FGS.js";
import {
  garbageCollector
} from "./chunk-JFETSJQH.js";
import "./chunk-OXRXBV5P.js";

// src/charts/raster-worker.ts
import { parentPort } from "node:worker_threads";
var fonts = await startRaster();
var collect = garbageCollector();
parentPort.on("message", ({ id, svg, pixelRatio }) => {
  let reply;
  let transfer = [];
  try {
    const pixels = rasterize(svg, pixelRatio, fonts, FONT_FAMILY);
    const png = encodePng(pixels.rgba, pixels.width, pixels.height);
    reply = { id, png };
    if (png.byteOffset === 0 && png.byteLength === png.buffer.byteLength)
      transfer = [png.buffer];
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort.postMessage(reply, transfer);
  collect({ type: "minor" });
});

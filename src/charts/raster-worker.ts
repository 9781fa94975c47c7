// The raster thread's entry (raster-thread.ts starts it): reads each chart's SVG, rasterises it
// with resvg and encodes the PNG, as drawChart does in-process (same options, fonts and encoder,
// so the same bytes), while the main thread draws the next chart's SVG. It loads resvg and the
// fonts only, never ECharts.
import { parentPort } from 'node:worker_threads';
import { garbageCollector } from '../garbage-collector.js';
import { FONT_FAMILY } from './assets.js';
import { encodePng } from './png.js';
import { rasterize, startRaster } from './raster.js';
import type { RasterJob, RasterReply } from './raster-thread.js';

// A missing WebAssembly module or font stops the thread here: the main thread fails every chart
// with the reason (raster-thread.ts).
const fonts = await startRaster();

// Each chart leaves its pixels (a 2.9 MB copy out of resvg's memory) as garbage. This thread
// allocates little else, so V8's young generation rarely fills and only the external-memory limit
// (tens of MB) would collect them: measured, 45-55 MB more peak RSS than drawing in-process. A
// young-generation collection after each chart (well under a millisecond: the live set is tiny)
// frees them at once.
const collect = garbageCollector();

parentPort!.on('message', ({ id, svg, pixelRatio }: RasterJob) => {
  let reply: RasterReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const pixels = rasterize(svg, pixelRatio, fonts, FONT_FAMILY);
    // The compression runs here, on this thread: encodePng's bytes are encodePngAsync's.
    const png = encodePng(pixels.rgba, pixels.width, pixels.height);
    reply = { id, png };
    // The PNG's memory is moved to the main thread, not copied, when it is the whole buffer (a
    // chart's PNG, tens of KB, is never a slice of node's small-buffer pool).
    if (png.byteOffset === 0 && png.byteLength === png.buffer.byteLength)
      transfer = [png.buffer as ArrayBuffer];
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply, transfer);
  collect({ type: 'minor' });
});

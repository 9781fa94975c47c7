// The raster half of chart drawing: resvg (SVG -> pixels, in WebAssembly, so no native build on
// the runner). Loaded by engine.ts in the main thread (charts drawn in-process) and by the raster
// thread (raster-worker.ts), which so loads resvg without ECharts.
import { Resvg, initWasm } from '@resvg/resvg-wasm';
import { setFlagsFromString } from 'node:v8';
import { type RasterAssets, readRasterAssets } from './assets.js';

// How V8 compiles resvg's 2.4 MB WebAssembly module. By default it compiles every function with
// its baseline compiler, then recompiles the hot ones with its optimising compiler on background
// threads. Measured here (node 20, 41 charts at 2x): peak RSS 201-204 MB that way, 148-164 MB
// with these flags, which compile only the functions a chart calls, each once, optimised; resvg
// alone, 175-197 MB against 111-117 MB. Warm drawing is as fast; the first chart of a run pays
// about a second more for compiling (resvg alone: 1.3-1.4 s against 0.4-0.8 s). A whole run has
// a 200 MB budget. The flags change only how WebAssembly compiled from here on is compiled (node's
// own fetch parser, llhttp, is WebAssembly too, and is compiled the same way when first used).
const WASM_COMPILE_FLAGS = '--no-liftoff --wasm-lazy-compilation';

/** Starts the WebAssembly module; call once per thread, before `rasterize`. */
export async function startEngine(wasm: Uint8Array): Promise<void> {
  setFlagsFromString(WASM_COMPILE_FLAGS);
  await initWasm(wasm);
}

/**
 * Reads the assets (`assets`, when the caller began reading them already) and starts the
 * WebAssembly module: once per thread.
 * @returns the fonts to pass to `rasterize`.
 * @throws Error (as a rejection) when the module or a font cannot be found.
 */
export async function startRaster(
  assets: Promise<RasterAssets> = readRasterAssets(),
): Promise<Uint8Array[]> {
  const { wasm, fonts } = await assets;
  await startEngine(wasm);
  return fonts;
}

/**
 * An SVG as RGBA pixels at `pixelRatio` pixels per CSS pixel, with text in the given fonts
 * (WebAssembly cannot read the system's fonts). The SVG paints its own background: what it leaves
 * unpainted stays transparent (chartOption's backgroundColor gives every chart a full-size white
 * rectangle).
 */
export function rasterize(
  svg: string,
  pixelRatio: number,
  fonts: Uint8Array[],
  fontFamily: string,
): { rgba: Uint8Array; width: number; height: number } {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: pixelRatio },
    // No `background`: the SVG's white rectangle already covers every pixel, and filling the
    // 1200x600 image once more cost about 0.8 ms a chart for the same pixels.
    font: { fontBuffers: fonts, defaultFontFamily: fontFamily, sansSerifFamily: fontFamily },
  });
  try {
    const image = resvg.render();
    try {
      // `pixels` copies out of the WebAssembly memory, so it outlives free().
      return { rgba: image.pixels, width: image.width, height: image.height };
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}

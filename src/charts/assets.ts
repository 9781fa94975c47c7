// The files chart drawing reads at run time (the resvg WebAssembly module and the fonts), and
// where they are found: shared by the main thread and the raster thread (raster-worker.ts), which
// reads them itself. Small on purpose: the raster thread imports it, and must not load ECharts.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/** The family name inside the bundled font files (Inter, SIL Open Font License 1.1). */
export const FONT_FAMILY = 'Inter';

/**
 * The files drawing needs at run time: `file` is its name in dist/chart-assets/ (what the bundle
 * script must copy), `from` where it is in node_modules (what it copies, and what the sources
 * read). The font's licence must travel with the font (OFL 1.1).
 */
export const CHART_ASSETS = {
  wasm: { file: 'resvg.wasm', from: '@resvg/resvg-wasm/index_bg.wasm' },
  regular: {
    file: 'Inter-Regular.ttf',
    from: '@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf',
  },
  semiBold: {
    file: 'Inter-SemiBold.ttf',
    from: '@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf',
  },
  fontLicence: { file: 'Inter-OFL.txt', from: '@expo-google-fonts/inter/LICENSE_FONT' },
} as const;

const ASSET_FOLDER = 'chart-assets';

/** What rasterising needs: the WebAssembly module's bytes and the fonts (regular, semibold). */
export interface RasterAssets {
  readonly wasm: Uint8Array;
  readonly fonts: Uint8Array[];
}

/**
 * Reads the WebAssembly module and the fonts (see readAsset).
 * @throws Error (as a rejection) naming the file when one cannot be found.
 */
export async function readRasterAssets(): Promise<RasterAssets> {
  const [wasm, regular, semiBold] = await Promise.all([
    readAsset(CHART_ASSETS.wasm),
    readAsset(CHART_ASSETS.regular),
    readAsset(CHART_ASSETS.semiBold),
  ]);
  return { wasm, fonts: [regular, semiBold] };
}

/**
 * An asset beside the running code (dist/chart-assets/ from dist/ or dist/chunks/), or else from
 * node_modules. Throws naming both places when neither has it.
 */
async function readAsset(asset: { file: string; from: string }): Promise<Uint8Array> {
  for (const folder of [`./${ASSET_FOLDER}/`, `../${ASSET_FOLDER}/`]) {
    try {
      return await readFile(new URL(folder + asset.file, import.meta.url));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  try {
    return await readFile(createRequire(import.meta.url).resolve(asset.from));
  } catch (error) {
    throw new Error(
      `chart drawing needs ${asset.file} in ${ASSET_FOLDER}/ beside the bundle, or ${asset.from} installed`,
      { cause: error },
    );
  }
}

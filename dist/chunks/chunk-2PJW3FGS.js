import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/charts/assets.ts
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
var FONT_FAMILY = "Inter";
var CHART_ASSETS = {
  wasm: { file: "resvg.wasm", from: "@resvg/resvg-wasm/index_bg.wasm" },
  regular: {
    file: "Inter-Regular.ttf",
    from: "@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf"
  },
  semiBold: {
    file: "Inter-SemiBold.ttf",
    from: "@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf"
  },
  fontLicence: { file: "Inter-OFL.txt", from: "@expo-google-fonts/inter/LICENSE_FONT" }
};
var ASSET_FOLDER = "chart-assets";
async function readRasterAssets() {
  const [wasm, regular, semiBold] = await Promise.all([
    readAsset(CHART_ASSETS.wasm),
    readAsset(CHART_ASSETS.regular),
    readAsset(CHART_ASSETS.semiBold)
  ]);
  return { wasm, fonts: [regular, semiBold] };
}
async function readAsset(asset) {
  for (const folder of [`./${ASSET_FOLDER}/`, `../${ASSET_FOLDER}/`]) {
    try {
      return await readFile(new URL(folder + asset.file, import.meta.url));
    } catch (error) {
      if (error.code !== "ENOENT") throw error;
    }
  }
  try {
    return await readFile(createRequire(import.meta.url).resolve(asset.from));
  } catch (error) {
    throw new Error(
      `chart drawing needs ${asset.file} in ${ASSET_FOLDER}/ beside the bundle, or ${asset.from} installed`,
      { cause: error }
    );
  }
}

export {
  FONT_FAMILY,
  readRasterAssets
};

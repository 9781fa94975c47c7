// Bundles the action (dist/index.js) and the CLI (dist/cli.js) into ESM for node24. Code split,
// so what only a send needs (the SES client, Octokit) loads only when a run needs it.
import { build } from 'esbuild';
import { Buffer } from 'node:buffer';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';

await rm('dist', { recursive: true, force: true });
await build({
  entryPoints: { index: 'src/index.ts', cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
  // Some CommonJS dependencies call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});

// The chart layer's run-time files (the resvg WebAssembly module, the fonts and their licence) go
// to dist/chart-assets/, where src/charts/draw.ts looks first. The list is draw.ts's own
// CHART_ASSETS, read from the source so that it is written down once.
const { outputFiles } = await build({
  stdin: {
    contents: "export { CHART_ASSETS } from './src/charts/draw.ts';",
    resolveDir: '.',
    loader: 'ts',
  },
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  logLevel: 'warning',
});
const { CHART_ASSETS } = await import(
  `data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`
);
const require = createRequire(import.meta.url);
await mkdir('dist/chart-assets', { recursive: true });
for (const asset of Object.values(CHART_ASSETS))
  await copyFile(require.resolve(asset.from), `dist/chart-assets/${asset.file}`);

// Bundles the action (dist/index.js) and the CLI (dist/cli.js) into ESM for node24. Code split,
// so what only a send needs (the SES client, Octokit) loads only when a run needs it.
import { build } from 'esbuild';
import { Buffer } from 'node:buffer';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

// The output folder: dist/, or the one given (`node scripts/bundle.mjs .bench/dist`: the bench
// measures the action's own bundle without touching the committed one). Further arguments
// `name=path` are more entries bundled with the action's (`npm run bench` adds
// `bench=scripts/bench.ts`, so its render stage runs the threads' code as the action has it:
// split into the same chunks, packages bundled, not loaded from node_modules by each thread).
const OUT = process.argv[2] ?? 'dist';
const extraEntries = Object.fromEntries(
  process.argv.slice(3).map((entry) => {
    const at = entry.indexOf('=');
    if (at < 1) throw new Error(`bundle: "${entry}" is not name=path`);
    return [entry.slice(0, at), entry.slice(at + 1)];
  }),
);
await rm(OUT, { recursive: true, force: true });
const { metafile } = await build({
  // The render and finishing threads' entries (src/render/pool.ts starts them) sit in
  // dist/chunks, beside the chunk that holds the pool: checked below.
  entryPoints: {
    index: 'src/index.ts',
    cli: 'src/cli.ts',
    'chunks/render-worker': 'src/render/render-worker.ts',
    'chunks/finish-worker': 'src/render/finish-worker.ts',
    // The chart step's raster thread (src/charts/raster-thread.ts starts it): checked below.
    'chunks/raster-worker': 'src/charts/raster-worker.ts',
    // The pipeline's own thread (src/pipeline-thread.ts starts it for `run` and `alerts`).
    'chunks/pipeline-thread-worker': 'src/pipeline-thread-worker.ts',
    ...extraEntries,
  },
  metafile: true,
  outdir: OUT,
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

// src/render/pool.ts starts `./render-worker.js` and `./finish-worker.js` beside itself, and
// tinypool starts its own `./entry/worker.js` beside itself (which then imports the entry): all are
// checked or put where the bundled code looks for them, so a change in how esbuild splits fails
// here, not in a run.
const outputOf = (input) =>
  Object.entries(metafile.outputs).find(([, output]) => input in output.inputs)?.[0];
const pool = outputOf('src/render/pool.ts');
for (const worker of ['render-worker', 'finish-worker'])
  if (pool && path.dirname(pool) !== path.dirname(outputOf(`src/render/${worker}.ts`)))
    throw new Error(`bundle: ${pool} (the render pool) is not beside dist/chunks/${worker}.js`);
const rasterThread = outputOf('src/charts/raster-thread.ts');
if (
  rasterThread &&
  path.dirname(rasterThread) !== path.dirname(outputOf('src/charts/raster-worker.ts'))
)
  throw new Error(
    `bundle: ${rasterThread} (the raster thread) is not beside dist/chunks/raster-worker.js`,
  );
// src/worker-entry.ts finds every thread's entry beside its own code.
const workerEntry = outputOf('src/worker-entry.ts');
if (
  workerEntry &&
  path.dirname(workerEntry) !== path.dirname(outputOf('src/pipeline-thread-worker.ts'))
)
  throw new Error(
    `bundle: ${workerEntry} (src/worker-entry.ts) is not beside dist/chunks/pipeline-thread-worker.js`,
  );
const tinypool = outputOf('node_modules/tinypool/dist/index.js');
if (tinypool)
  await build({
    entryPoints: ['node_modules/tinypool/dist/entry/worker.js'],
    outfile: path.join(path.dirname(tinypool), 'entry', 'worker.js'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    legalComments: 'none',
    logLevel: 'warning',
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
await mkdir(path.join(OUT, 'chart-assets'), { recursive: true });
for (const asset of Object.values(CHART_ASSETS))
  await copyFile(require.resolve(asset.from), path.join(OUT, 'chart-assets', asset.file));

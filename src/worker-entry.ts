// Where a worker thread's code lives, in one place for every thread boardroom starts (the render
// and finishing threads, the chart step's raster thread, the pipeline's own thread): in the
// bundle, `<name>.js` in dist/chunks beside this module's code (scripts/bundle.mjs puts each
// entry there and checks it); from the sources (tsx, vitest), `src/<folder>/<name>.ts`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Every worker thread's entry, as its path under src/ without the extension. */
export type WorkerName =
  | 'render/render-worker'
  | 'render/finish-worker'
  | 'charts/raster-worker'
  | 'pipeline-thread-worker';

/** What `new Worker` (or tinypool) needs to start a thread: its file and node options. */
export interface WorkerEntry {
  /** The entry file's absolute path. */
  readonly filename: string;
  /** Set only when running from the sources: registers tsx in the thread before its entry loads. */
  readonly execArgv?: string[];
}

/**
 * The entry of the worker thread `name`: `dist/chunks/<basename>.js` in the bundle, or the `.ts`
 * source through tsx when running from the sources. Node 20's tsx registers its hooks in the main
 * thread only, so a thread started from the sources registers them itself before its entry loads.
 * @param whose how the error names the thread when its bundled file is missing ("the render
 *   threads'": "the render threads' code is not at ..."); by default "the <basename> thread's".
 * @param hint said after the path when the bundled file is missing (what else the user can do).
 * @param here the URL of the module that asks (tests only; by default this module's own).
 * @throws Error when the bundled file is missing: a thread whose code is missing would otherwise
 *   stop inside node (or tinypool) with a less clear message.
 */
export function workerEntry(
  name: WorkerName,
  {
    whose,
    hint,
    here = import.meta.url,
  }: { readonly whose?: string; readonly hint?: string; readonly here?: string } = {},
): WorkerEntry {
  const basename = name.slice(name.lastIndexOf('/') + 1);
  if (!here.endsWith('.ts')) {
    const filename = fileURLToPath(new URL(`./${basename}.js`, here));
    if (!existsSync(filename))
      throw new Error(
        `${whose ?? `the ${basename} thread's`} code is not at ${filename} (bundle with scripts/bundle.mjs${hint ? `; ${hint}` : ''})`,
      );
    return { filename };
  }
  const tsx = import.meta.resolve('tsx/esm/api');
  return {
    filename: fileURLToPath(new URL(`./${name}.ts`, here)),
    execArgv: [
      '--import',
      `data:text/javascript,${encodeURIComponent(`import{register}from${JSON.stringify(tsx)};register();`)}`,
    ],
  };
}

// How much of V8's compiler a short check is worth. `validate` of a small portfolio runs for
// about a second, most of it code that runs once or a few times: V8's optimising compiler
// (TurboFan) compiles its hot functions on another thread and installs them on this one, and on
// a 2-core machine that work competes with the check itself for longer than the optimised code
// saves. The baseline compiler (Sparkplug) compiles almost for free. A large portfolio keeps the
// optimiser: rendering 1,000 reports without it takes 2.5 times as long.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';

/** Report files up to which a portfolio counts as small (the example has 8). */
export const SMALL_CHECK_REPORTS = 50;
/** Bytes of books and tables under data/ up to which a portfolio counts as small (the example: 0.2 MB). */
export const SMALL_CHECK_DATA_BYTES = 1_000_000;

/**
 * Whether the portfolio in `configDir` is small enough that a check of it ends before V8's
 * optimising compiler pays: at most SMALL_CHECK_REPORTS entries in reports/ and at most
 * SMALL_CHECK_DATA_BYTES in the files of data/ and its folders (one level down, as the
 * portfolio's tables and ledgers sit; the walk stops as soon as the budget is passed). A folder
 * that cannot be read counts as empty: loading the portfolio reports it, not this.
 */
export function isSmallPortfolio(configDir: string): boolean {
  const entries = (folder: string) => {
    try {
      return readdirSync(folder, { withFileTypes: true });
    } catch {
      return [];
    }
  };
  if (entries(path.join(configDir, 'reports')).length > SMALL_CHECK_REPORTS) return false;
  let bytes = 0;
  const dataDir = path.join(configDir, 'data');
  for (const entry of entries(dataDir)) {
    const files = entry.isDirectory()
      ? entries(path.join(dataDir, entry.name)).map((file) =>
          path.join(dataDir, entry.name, file.name),
        )
      : [path.join(dataDir, entry.name)];
    for (const file of files) {
      try {
        bytes += statSync(file).size;
      } catch {
        // A file that vanished or cannot be read: loading names it.
      }
      if (bytes > SMALL_CHECK_DATA_BYTES) return false;
    }
  }
  return true;
}

/**
 * Caps V8 at its baseline compiler (`--max-opt=1`) for the rest of this process when the
 * portfolio in `configDir` is small (isSmallPortfolio), and says whether it did. For a process
 * that only checks that portfolio (the CLI's `validate`): the cap is process-wide and stays. It
 * changes how fast code runs, never what it does. `--max-opt` is read at each tier-up decision,
 * so setting it after start-up takes effect for every function not yet optimised (V8's flags
 * that shape the heap or its collector threads cannot be changed this late, and are not).
 */
export function capTiersForSmallCheck(configDir: string): boolean {
  if (!isSmallPortfolio(configDir)) return false;
  setFlagsFromString('--max-opt=1');
  return true;
}

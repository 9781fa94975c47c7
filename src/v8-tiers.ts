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
/**
 * Bytes of files in the portfolio folder (books, tables, YAML, templates: anywhere under it, as
 * books may sit outside data/) up to which a portfolio counts as small (the example: 0.2 MB).
 */
export const SMALL_CHECK_DATA_BYTES = 1_000_000;
/** Folder depth the size walk goes to: deeper than any portfolio's layout, and it ends a cycle of links. */
const MAX_WALK_DEPTH = 8;

/**
 * Whether the portfolio in `configDir` is small enough that a check of it ends before V8's
 * optimising compiler pays: at most SMALL_CHECK_REPORTS entries in reports/ and at most
 * SMALL_CHECK_DATA_BYTES in all the files under the folder, symbolic links followed (the walk
 * stops as soon as the budget is passed). Books named by a path outside the folder are not
 * counted. A folder or file that cannot be read counts as empty: loading reports it, not this.
 */
export function isSmallPortfolio(configDir: string): boolean {
  const entries = (folder: string) => {
    try {
      return readdirSync(folder);
    } catch {
      return [];
    }
  };
  if (entries(path.join(configDir, 'reports')).length > SMALL_CHECK_REPORTS) return false;
  let bytes = 0;
  // Whether the files under `folder` stay within the budget; stat (not the folder's entry
  // types) so that a linked folder or file is counted as what it points to.
  const withinBudget = (folder: string, depth: number): boolean => {
    for (const name of entries(folder)) {
      const file = path.join(folder, name);
      let stats;
      try {
        stats = statSync(file);
      } catch {
        continue; // vanished, unreadable or a broken link: loading names it
      }
      if (stats.isDirectory()) {
        if (depth < MAX_WALK_DEPTH && !withinBudget(file, depth + 1)) return false;
      } else if ((bytes += stats.size) > SMALL_CHECK_DATA_BYTES) return false;
    }
    return true;
  };
  return withinBudget(configDir, 0);
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

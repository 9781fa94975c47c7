// The text part's layout and the Markdown -> text/HTML code hand each other arrays of one kind
// (built by push), so V8 does not throw their optimised code away when it first runs: on node 20
// (V8 11.3) map() and split() give a packed array in the interpreter and a holey one (another
// hidden class) once the function calling them is optimised, and code optimised on the first
// kind deoptimised ("wrong map") at its first run on the second, then was compiled again. On the
// finishing thread those functions are large once inlined (40-100 ms of a compiling thread per
// compile of layOut), so each such deopt cost a whole compile (src/render/text-table.ts, layOut).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers.js';

/** Functions of src/render/text-table.ts, markdown.ts (its text part) and chart-text.ts. */
const RENDER_FUNCTIONS = new Set([
  'textTable',
  'layOut',
  'cellsOf',
  'toCell',
  'paragraphOf',
  'wordsIn',
  'longestWordWidth',
  'wordsOf',
  'columnCaps',
  'wrapCell',
  'breakWord',
  'pad',
  'displayWidth',
  'markdownToText',
  'joinedText',
  'blockText',
  'blockquoteText',
  'inlineText',
  'inlineTokenText',
  'tableText',
  'chartText',
]);

describe('the text part on V8', () => {
  it('still gets arrays of another kind from an optimised map() (why the code avoids it)', () => {
    const run = spawnSync(
      process.execPath,
      [
        '--allow-natives-syntax',
        '-e',
        `const holey = (a) => %HasHoleyElements(a);
         function mapped(a) { return a.map((x) => x + '!'); }
         %PrepareFunctionForOptimization(mapped);
         const before = holey(mapped(['a', 'b']));
         mapped(['a']);
         %OptimizeFunctionOnNextCall(mapped);
         console.log(JSON.stringify({ before, after: holey(mapped(['a', 'b'])) }));`,
      ],
      { encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    // If V8 stops doing this, the push loops are no longer needed for it (node 20.20: holey).
    expect(JSON.parse(run.stdout.trim())).toEqual({ before: false, after: true });
  });

  it('is not deoptimised for a wrong map while it renders 1,500 documents', () => {
    const run = spawnSync(
      process.execPath,
      [
        '--trace-deopt',
        '--import',
        'tsx',
        path.join(REPO_ROOT, 'test', 'stage-speed', 'text-part-deopts-probe.ts'),
        '1500',
      ],
      { cwd: REPO_ROOT, encoding: 'utf8', timeout: 110_000, maxBuffer: 64 * 1024 * 1024 },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('@@done');
    const deopts = [
      ...run.stdout.matchAll(/reason: wrong map\): begin\. deoptimizing \S+ <JSFunction (\S+)/g),
    ]
      .map(([, name]) => name!)
      .filter((name) => RENDER_FUNCTIONS.has(name));
    // On f2fc6cb's code: layOut 3, columnCaps 2, cellsOf 2, blockText 2, wrapCell 1, inlineText 1.
    expect(deopts).toEqual([]);
  }, 120_000);
});

// mapPacked (src/analysis/packed.ts) gives a packed array in every tier, where node 20's
// Array.prototype.map gives a holey one once its caller is optimised (code compiled on the
// packed arrays then deopts at the first holey one: docs/performance.md, "The stage's warm-up
// compiles and the analyses' repeated passes").
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapPacked } from '../../src/analysis/packed.js';
import { REPO_ROOT } from '../helpers.js';

describe('mapPacked', () => {
  it('maps as Array.prototype.map does: same elements, order and indexes', () => {
    const items = ['a', 'b', 'c'];
    const seen: number[] = [];
    const mapped = mapPacked(items, (item, i) => {
      seen.push(i);
      return `${item}${i}`;
    });
    expect(mapped).toEqual(items.map((item, i) => `${item}${i}`));
    expect(seen).toEqual([0, 1, 2]);
    expect(mapPacked([], () => 1)).toEqual([]);
    expect(items).toEqual(['a', 'b', 'c']);
  });

  it('returns a packed array from an optimised caller, where map() returns a holey one', () => {
    const run = spawnSync(
      process.execPath,
      [
        '--allow-natives-syntax',
        '--input-type=module',
        '-e',
        `import { mapPacked } from ${JSON.stringify(path.join(REPO_ROOT, 'src', 'analysis', 'packed.ts'))};
         // The caller optimised (the helper inlined into it, or not), then the helper itself.
         const kinds = (f, inner) => {
           const items = [{ a: 1 }, { a: 2 }];
           const interpreted = %HasHoleyElements(f(items));
           %PrepareFunctionForOptimization(f); f(items); f(items); %OptimizeFunctionOnNextCall(f);
           const caller = %HasHoleyElements(f(items));
           %PrepareFunctionForOptimization(inner); f(items); f(items); %OptimizeFunctionOnNextCall(inner);
           const optimised = %HasHoleyElements(f(items));
           return { interpreted, caller, optimised, turbofan: (%GetOptimizationStatus(inner) & 16) !== 0 };
         };
         const byMap = (items, fn) => items.map(fn);
         console.log(JSON.stringify({
           helper: kinds((items) => mapPacked(items, (x) => ({ b: x.a })), mapPacked),
           map: kinds((items) => byMap(items, (x) => ({ b: x.a })), byMap),
         }));`,
      ],
      { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '--import tsx' } },
    );
    expect(run.status, run.stderr).toBe(0);
    type Kinds = { interpreted: boolean; caller: boolean; optimised: boolean; turbofan: boolean };
    const kinds = JSON.parse(run.stdout.trim()) as { helper: Kinds; map: Kinds };
    const packed = { interpreted: false, caller: false, optimised: false, turbofan: true };
    expect(kinds.helper).toEqual(packed);
    // What the helper is for: if V8 stops doing this, the helper can go (node 20.20: holey).
    expect(kinds.map).not.toEqual(packed);
  });
});

// Objects the render reads share one V8 map per kind (src/analysis/shapes.ts): copies made with
// withFields, not with `{ ...source, more }`, which V8 (node 20) gives a map of its own at nearly
// every call.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withFields } from '../../src/analysis/shapes.js';
import { EXAMPLE_CONFIG, REPO_ROOT } from '../helpers.js';

describe('withFields', () => {
  it('give the keys, order and values the spreads give', () => {
    const source = { id: 'a', severity: 'critical', title: 'T', entity: null, figures: { x: 1 } };
    const added = withFields(source, { entity_name: 'Harbor & Hill' });
    expect(Object.entries(added)).toEqual(
      Object.entries({ ...source, entity_name: 'Harbor & Hill' }),
    );
    // A field the source has keeps its place, as in the spread.
    const replaced = withFields({ a: 1, b: 2, c: 3 }, { b: 20, d: 4 });
    expect(Object.entries(replaced)).toEqual([
      ['a', 1],
      ['b', 20],
      ['c', 3],
      ['d', 4],
    ]);
    expect(JSON.stringify(added)).toBe(JSON.stringify({ ...source, entity_name: 'Harbor & Hill' }));
    // Copies: the source is not changed.
    expect(Object.keys(source)).toHaveLength(5);
  });

  it('gives copies of one source shape one map, where the spread gives each its own', () => {
    const run = spawnSync(
      process.execPath,
      [
        '--allow-natives-syntax',
        '--input-type=module',
        '-e',
        `import { withFields } from ${JSON.stringify(path.join(REPO_ROOT, 'src', 'analysis', 'shapes.ts'))};
         const distinct = (make) => { const out = []; for (let i = 0; i < 500; i++) out.push(make(i));
           let maps = 1; for (let i = 1; i < out.length; i++) if (!%HaveSameMap(out[0], out[i])) maps++; return maps; };
         console.log(JSON.stringify({
           helper: distinct((i) => withFields({ a: 0, b: i }, { x: i })),
           spread: distinct((i) => { const c = { a: 0, b: i }; return { ...c, x: i }; }),
         }));`,
      ],
      { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '--import tsx' } },
    );
    expect(run.status, run.stderr).toBe(0);
    const maps = JSON.parse(run.stdout.trim()) as { helper: number; spread: number };
    expect(maps.helper).toBe(1);
    // What the helper is for: if V8 stops doing this, the helper can go (node 20.20: 491 of 500).
    expect(maps.spread).toBeGreaterThan(100);
  });

  it('keeps a field named __proto__ as data (a CSV column), without touching the prototype', () => {
    const row = JSON.parse('{"__proto__": {"polluted": true}, "name": "x"}') as object;
    const copy = withFields(row, { extra: 1 });
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__', 'name', 'extra']);
    expect((copy as { polluted?: boolean }).polluted).toBeUndefined();
    const keyed = withFields({ a: 1 }, JSON.parse('{"__proto__": 2}') as object);
    expect(Object.getPrototypeOf(keyed)).toBe(Object.prototype);
    expect(Object.keys(keyed)).toEqual(['a', '__proto__']);
  });
});

/** Runs shared-maps-probe.ts on the example: per kind, how many maps and objects it saw. */
function probe(): Record<string, { maps: number; objects: number }> {
  const run = spawnSync(
    process.execPath,
    [
      '--allow-natives-syntax',
      '--import',
      'tsx',
      path.join(REPO_ROOT, 'test', 'stage-speed', 'shared-maps-probe.ts'),
      EXAMPLE_CONFIG,
    ],
    { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 },
  );
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Record<
    string,
    { maps: number; objects: number }
  >;
}

describe('the objects a report view is made of', () => {
  it('share one map per kind over 128 analyses of the example (16 as-of dates x 8 reports)', () => {
    const kinds = probe();
    // Before: 119 maps for the 128 analyses, 1,009 for 1,017 view findings, 889 for 889 view
    // actions, 152 for 160 agenda items, 183 for 192 chart specs.
    for (const kind of [
      'analysis',
      'counts',
      'view',
      'view finding',
      'view action',
      'section action',
      'shortfall',
      'agenda item',
      'figure change',
      'chart spec',
      'ota candidate',
    ]) {
      expect(kinds[kind], kind).toBeDefined();
      // Enough objects that a map per object could not pass for one map.
      expect(kinds[kind]!.objects, kind).toBeGreaterThan(10);
      expect(kinds[kind]!.maps, kind).toBe(1);
    }
    // Each entity as known on an earlier date: one map per set of fields.
    const asOf = Object.entries(kinds).filter(([kind]) => kind.startsWith('entity as of a date'));
    expect(asOf.length).toBeGreaterThan(0);
    for (const [kind, { maps }] of asOf) expect(maps, kind).toBe(1);
  }, 150_000);
});

// Copies of objects with fields set or added, made so that copies of objects of one shape share
// one V8 hidden class (map).
//
// Why not `{ ...source, key: value }`: on node 20 (V8 11.3) an object literal that starts with a
// spread and then sets more fields gives nearly EVERY object it makes a map of its own: the
// spread's copy takes a map outside the transition tree, and the fields after it are added to
// that map afresh each time (measured with %HaveSameMap: 2,991 new maps in 3,000 calls of one
// site with one source shape; over the bench portfolio's 1,000 reports, 1,992 maps for 1,992
// agenda items and 991 for 1,000 report analyses). `{ ...source }` alone and `{ key, ...source }`
// share their maps; so does Object.assign into `{}`, which follows the transition tree. Every
// function that reads such objects (the view's walk, liquidjs, JSON.stringify, the structured
// copy to the finishing thread) meets a new map at each object: its inline caches go
// megamorphic, optimised code that held one of those maps is thrown away when the map dies, and
// each map and its descriptors are allocated and collected.

/** True when `source` has an own `__proto__` field, which assignment would not copy as data. */
const hasOwnProto = (source: object) => Object.prototype.hasOwnProperty.call(source, '__proto__');

/**
 * `{ ...source, ...fields }`: `source`'s own enumerable fields in their order, then each of
 * `fields` (in its place when `source` has it already, after the others otherwise), with a map
 * shared by every such copy of a source of the same shape (see the top of this file).
 * @param source a plain object
 * @param fields the fields to set or add (an object literal of the call site)
 * @returns a new plain object; the same keys, order and values as the spreads give
 */
export function withFields<T extends object, F extends object>(
  source: T,
  fields: F,
): Omit<T, keyof F> & F {
  // A field named __proto__ (a CSV column, a YAML key) would set the prototype if assigned.
  if (hasOwnProto(source) || hasOwnProto(fields))
    return { ...source, ...fields } as Omit<T, keyof F> & F;
  return Object.assign({}, source, fields) as Omit<T, keyof F> & F;
}

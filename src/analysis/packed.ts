// Arrays that keep one hidden class whichever tier builds them.
//
// On node 20 (V8 11.3) `Array.prototype.map` returns a PACKED array while its caller runs in the
// interpreter and a HOLEY one (another hidden class) once TurboFan has optimised the caller:
// the optimised map allocates its result holey. Code that reads such an array (for...of, an
// index, the array builtins) was optimised on the packed arrays it saw while warming up, so the
// first holey one throws that code away ("wrong map") and it is compiled again: in the render
// stage those second compiles were 40 % of the main thread's TurboFan time
// (docs/performance.md, "The stage's warm-up compiles and the analyses' repeated passes").
// An array built by `push` is packed in every tier.

/**
 * `items.map(fn)` for an array without holes: the same elements in the same order, in an
 * array that is packed however the caller is compiled (see the module comment). Use it where
 * the result is read by other hot code (a section's rows, a list passed on); a map whose result
 * is only returned to a template, or read once in place, gains nothing. `fn` gets the element
 * and its index (not the array).
 */
export function mapPacked<T, U>(items: readonly T[], fn: (item: T, index: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < items.length; i++) out.push(fn(items[i]!, i));
  return out;
}

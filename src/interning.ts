// Equal texts kept once: data that lives for the whole run (loaded tables, journals) repeats the
// same dates, accounts and memos down thousands of rows.

/**
 * A function that returns, for each text, the first equal text it was given, as a copy of its
 * own (standalone) unless `copy` is false: every later copy can then be dropped by the garbage
 * collector. One per table or journal, so nothing outlives it. `copy: false` is for texts built
 * by joining a shared part and a short one (a transaction id, `<file>:<line>`), which V8 keeps as
 * the two parts: smaller than a copy.
 */
export function interning({ copy = true }: { copy?: boolean } = {}): (text: string) => string {
  const kept = new Map<string, string>();
  return (text) => {
    const known = kept.get(text);
    if (known !== undefined) return known;
    const own = copy ? standalone(text) : text;
    kept.set(own, own);
    return own;
  };
}

/**
 * The same text, holding on to no other string. A cell split out of a file's text is, in V8, a
 * slice that keeps the whole file's text alive (each ledger.csv's 15-30 KB for the run, because
 * its memos were kept), and a text built by `+` keeps its parts. V8 makes that kind of string
 * only from 13 characters up; from a longer one, `(' ' + text).slice(1)` makes a flat string
 * one character longer and a slice of it, which hold nothing else.
 */
export function standalone(text: string): string {
  return text.length < STANDALONE_BELOW ? text : (' ' + text).slice(1);
}

/** V8 copies a shorter substring or concatenation outright (SlicedString::kMinLength). */
const STANDALONE_BELOW = 13;

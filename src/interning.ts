// Equal texts kept once: data that lives for the whole run (loaded tables, journals) repeats the
// same dates, accounts and memos down thousands of rows.

/**
 * A function that returns, for each text, the first equal text it was given: every later copy
 * can then be dropped by the garbage collector. One per table or journal, so nothing outlives it.
 */
export function interning(): (text: string) => string {
  const kept = new Map<string, string>();
  return (text) => {
    const known = kept.get(text);
    if (known !== undefined) return known;
    kept.set(text, text);
    return text;
  };
}

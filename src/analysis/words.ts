// How finding titles put names and counts into English.

/** The possessive of a name: "Jada's", "Home statements'" (a name ending in s takes only '). */
export function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}

/** The verb after a count: "1 posting has", "2 postings have" (`singular`, `plural` given). */
export function agree(n: number, singular: string, plural: string): string {
  return n === 1 ? singular : plural;
}

// One collator for the process: `a.localeCompare(b)` builds or looks up the default collator on
// every call, which a sort of a few hundred names pays thousands of times.
const collator = new Intl.Collator();

/**
 * Orders two texts as `a.localeCompare(b)` does (the default locale and options: ECMA-402 defines
 * localeCompare as this collator's compare), for sorts: negative, 0 or positive.
 */
export function compareText(a: string, b: string): number {
  // The same text is always equal: no call into the collator (a sort's ties, equal due dates).
  return a === b ? 0 : collator.compare(a, b);
}

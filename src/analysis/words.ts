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
  if (a === b) return 0;
  // Two dates written YYYY-MM-DD (due dates, bill dates): their first difference is a digit in
  // both, which the collator orders as their code points do, so no call into it either.
  if (isIsoDay(a) && isIsoDay(b)) return a < b ? -1 : 1;
  return collator.compare(a, b);
}

/** `text` is ten characters: four ASCII digits, `-`, two digits, `-`, two digits. */
function isIsoDay(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  for (let i = 0; i < 10; i += 1) {
    if (i === 4 || i === 7) continue;
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

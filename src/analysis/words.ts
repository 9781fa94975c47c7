// How finding titles put names and counts into English.

/** The possessive of a name: "Jada's", "Home statements'" (a name ending in s takes only '). */
export function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}

/** The verb after a count: "1 posting has", "2 postings have" (`singular`, `plural` given). */
export function agree(n: number, singular: string, plural: string): string {
  return n === 1 ? singular : plural;
}

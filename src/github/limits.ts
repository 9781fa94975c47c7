// GitHub's limits on what boardroom writes (labels, issue titles, issue and comment bodies), kept
// by construction: every label, title and body boardroom sends goes through one of these, so no
// id, name or figure from the portfolio can make GitHub refuse a write.
import { createHash } from 'node:crypto';

/**
 * GitHub's limits, in characters: label names 50, issue titles 256, issue and comment bodies
 * 65,536 (GitHub answers 422 "… is too long (maximum is N characters)" beyond them).
 */
export const GITHUB_LIMITS = { label: 50, title: 256, body: 65_536 } as const;

/** Six hex digits of the SHA-256 of the whole text: the same text always gets the same suffix. */
function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 6);
}

/**
 * The longest start of `text` that is at most `max` UTF-16 code units, never splitting a
 * character. Code units are counted because they are never fewer than GitHub's characters.
 */
function cutTo(text: string, max: number): string {
  let out = '';
  for (const character of text) {
    if (out.length + character.length > max) break;
    out += character;
  }
  return out;
}

/**
 * `text` if it fits in `max` characters; otherwise its start, "…", and six hex digits of a hash
 * of the whole text, `max` characters in all. Deterministic, so a shortened label or title is
 * the same run after run, and two long texts that start alike stay apart.
 */
export function shortenWithHash(text: string, max: number): string {
  if (text.length <= max) return text;
  const suffix = `…${shortHash(text)}`;
  return `${cutTo(text, max - suffix.length).trimEnd()}${suffix}`;
}

/** A label name GitHub accepts: at most 50 characters (see shortenWithHash). */
export function githubLabel(name: string): string {
  return shortenWithHash(name.trim(), GITHUB_LIMITS.label);
}

/**
 * An issue title GitHub accepts and keeps as sent: trimmed (GitHub trims titles, and a title
 * that comes back different would read as a change every run) and at most 256 characters.
 */
export function githubTitle(title: string): string {
  return shortenWithHash(title.replace(/\s+/g, ' ').trim(), GITHUB_LIMITS.title);
}

/**
 * An issue or comment body GitHub accepts: `text` followed by `keep`, at most 65,536 characters
 * (or `max`). When too long, `text` is cut at the last line break that fits and a note says so;
 * `keep` (a hidden marker, a run link) is always kept whole. Throws if `keep` alone does not fit,
 * which is a bug in the caller, not something a portfolio can cause.
 *
 * @param text the readable part, cut if need be
 * @param keep what must reach GitHub whole, appended after `text`
 * @param where where the reader finds the whole text, named in the note
 */
export function githubBody(
  text: string,
  keep = '',
  where = 'summary.json in the run artifact',
  max: number = GITHUB_LIMITS.body,
): string {
  if (text.length + keep.length <= max) return text + keep;
  const note = `\n\n_Cut here to fit GitHub's limit of ${max.toLocaleString('en-US')} characters; the whole text is in ${where}._\n\n`;
  const room = max - keep.length - note.length;
  if (room < 0) throw new Error(`a GitHub body's fixed part is ${keep.length} characters`);
  const start = cutTo(text, room);
  const lastLine = start.lastIndexOf('\n');
  // A whole line is cut away rather than half a table row; a single huge line is cut mid-way.
  const kept = lastLine > room / 2 ? start.slice(0, lastLine) : start;
  return kept.trimEnd() + note + keep;
}

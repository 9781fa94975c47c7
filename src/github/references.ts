// GitHub turns `@name` into a mention (a notification to that person or team) and `#123`,
// `GH-123` or `owner/repo#123` into links to other issues, which also get a back-reference.
// Data in a task body or a preview comment (a memo "paid via Venmo @example-cfo", "Pier #3")
// must do neither: it reads as written, with a zero-width space after the `@` or `#`, as bots do.

const ZERO_WIDTH_SPACE = '\u200b';

/**
 * `text` (already Markdown-escaped) with every GitHub mention and issue reference made inert: a
 * zero-width space after an `@` that starts a mention (not the one inside an address such as
 * cfo@example.com, which GitHub does not link), after a `#` before a digit, and after `GH-`
 * before a digit. For GitHub-bound text only (issue bodies, comments, the job summary); emails
 * get their values unchanged.
 */
export function withoutGithubReferences(text: string): string {
  if (!/[@#-]/.test(text)) return text;
  return (
    text
      // A mention starts after anything but a letter, digit or underscore, as on GitHub.
      .replace(/(^|[^\p{L}\p{N}_])@(?=[\p{L}\p{N}_])/gu, `$1@${ZERO_WIDTH_SPACE}`)
      // `&#` starts a character reference, not an issue number.
      .replace(/(^|[^&])#(?=\d)/g, `$1#${ZERO_WIDTH_SPACE}`)
      .replace(/\bGH-(?=\d)/gi, (prefix) => `${prefix}${ZERO_WIDTH_SPACE}`)
  );
}

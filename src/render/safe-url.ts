// The one rule for the URLs a report's HTML may hold: which links and images survive. Both ways
// a report becomes HTML apply it: the one-pass Markdown renderer (markdown.ts) and, for
// templates with raw HTML, the sanitize-html options built from these same constants.
import { isChartSrc } from './chart-markup.js';

/** The schemes a link may use. An email has no base URL, so no `//host` link either. */
export const LINK_SCHEMES: readonly string[] = ['https', 'http', 'mailto'];

/** The schemes an image may use: only a chart's inline part (`cid:`) or its gallery file. */
export const IMAGE_SCHEMES: readonly string[] = ['cid'];

/**
 * Whether `url`, as the reader's mail client reads it (character references decoded), may be
 * the target of an `<a>` (`tag` 'a') or the source of an `<img>` ('img'). A link: a relative
 * URL or one of LINK_SCHEMES, never protocol-relative, with the control characters and HTML
 * comments browsers ignore removed before the scheme is read (so `java\tscript:` is caught).
 * An image: a chart of this report and nothing else (isChartSrc: `charts/<key>.png` or
 * `cid:<key>`), so no tracking pixel, remote or data: image. An empty URL is no link.
 */
export function allowedUrl(tag: 'a' | 'img', url: string): boolean {
  if (url === '') return false;
  if (tag === 'img') return isChartSrc(url);
  const cleaned = withoutIgnoredCharacters(url);
  const scheme = /^([a-zA-Z][a-zA-Z0-9.\-+]*):/.exec(cleaned)?.[1];
  if (scheme === undefined) return !/^[/\\]{2}/.test(cleaned);
  return LINK_SCHEMES.includes(scheme.toLowerCase());
}

/** What browsers skip inside a URL: characters up to space, and `<!-- -->` comments. */
function withoutIgnoredCharacters(url: string): string {
  // eslint-disable-next-line no-control-regex
  let cleaned = url.replace(/[\x00-\x20]+/g, '');
  for (;;) {
    const start = cleaned.indexOf('<!--');
    const end = start === -1 ? -1 : cleaned.indexOf('-->', start + 4);
    if (end === -1) return cleaned;
    cleaned = cleaned.slice(0, start) + cleaned.slice(end + 3);
  }
}

/**
 * An attribute value as marked writes it (its own escapes, and any character reference the
 * Markdown held) -> the text a mail client reads, or undefined when it holds a named reference
 * other than amp, lt, gt, quot, apos, nbsp: a URL whose meaning this rule cannot be sure of is not
 * kept (`javascript&colon;` would read as `javascript:`).
 */
export function decodeAttribute(value: string): string | undefined {
  if (!value.includes('&')) return value;
  let unknown = false;
  const decoded = value.replace(
    /&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|\w+);/g,
    (reference, body: string) => {
      if (body[0] === '#') {
        const hex = body[1] === 'x' || body[1] === 'X';
        const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
        const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
        return valid ? String.fromCodePoint(code) : '\uFFFD';
      }
      const named = NAMED[body];
      if (named === undefined) unknown = true;
      return named ?? reference;
    },
  );
  return unknown ? undefined : decoded;
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

// The one escaping a value from the data gets on its way into a report's Markdown. A module of
// its own, with no Markdown library behind it: the Liquid engine (liquid.ts) needs it for every
// render, and `validate` renders the templates without loading marked (render-liquid.ts).

// A character that can mean something to Markdown or HTML, or a line that could start a block.
const NEEDS_ESCAPING = /[\\`*_[\]~|<>&\r\n]|^\s*(?:[#+=-]|\d+[.)])/;

// A bare URL, up to but not including the punctuation GFM leaves outside an autolink.
const BARE_URL = /\bhttps?:\/\/[^\s<>]*[^\s<>*_~.,:;!?'")\]]/gi;

/**
 * A value from the data, written so that Markdown shows exactly this text: it can start no
 * block (heading, list, quote), open no emphasis, link, code span, table cell or HTML tag.
 * The one escaping a value gets on its way into a report: the HTML part escapes it once more,
 * as HTML, when the Markdown becomes HTML; the text part reads it back as itself. Line breaks
 * become spaces (a value is inline text). Angle brackets are written as &lt; &gt; and an `&`
 * only when it would start an entity reference, so ordinary text (`Harbor & Hill "H&H"`)
 * reads as itself in the Markdown file too.
 */
export function escapeMarkdown(value: string): string {
  // Most values (figures, names) have nothing to escape: every output of every report comes here.
  if (!NEEDS_ESCAPING.test(value)) return value;
  const text = value.replace(/\s*[\r\n]+\s*/g, ' ');
  let escaped = '';
  let from = 0;
  // Inside a bare URL only what would break out of it is escaped: a backslash would end up in
  // the link's address.
  for (const url of text.matchAll(BARE_URL)) {
    escaped += escapeInline(text.slice(from, url.index)) + escapeUrl(url[0]);
    from = url.index + url[0].length;
  }
  escaped += escapeInline(text.slice(from));
  return escapeBlockStart(escaped);
}

function escapeInline(text: string): string {
  const punctuation = text
    .replace(/[\\`*[\]~|]/g, '\\$&')
    // An underscore inside a word (snake_case, a_b) never emphasises: left as written.
    .replace(/_/g, (underscore, at: number, whole: string) =>
      WORD_CHARACTER.test(whole[at - 1] ?? '') && WORD_CHARACTER.test(whole[at + 1] ?? '')
        ? underscore
        : '\\_',
    );
  return escapeTags(punctuation);
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

function escapeUrl(url: string): string {
  return escapeTags(url).replace(/\|/g, '\\|');
}

/** No HTML tag, autolink or entity reference can start inside a value. */
function escapeTags(text: string): string {
  return text
    .replace(/&(?=#?[a-z0-9]+;)/gi, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A value at the start of a line must not make it a heading, a list item or an underline. */
function escapeBlockStart(text: string): string {
  return text
    .replace(/^(\s*)(#{1,6}|[-+])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*)(\d{1,9})([.)])(?=\s|$)/, '$1$2\\$3')
    .replace(/^(\s*)([=-])(?=\2*\s*$)/, '$1\\$2');
}

// Markdown to the two parts of an email: sanitised HTML with inline styles (mail clients drop
// <style> blocks), and plain text that reads well on its own.
import { Lexer, Parser, type Token, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import type { ChartSpec } from '../charts/spec.js';
import { chartText, isChartSrc } from './chart-markup.js';
import { displayWidth, textTable } from './text-table.js';

const STYLES: Record<string, string> = {
  h1: 'font-size:22px;margin:0 0 12px;color:#0b2545;',
  h2: 'font-size:18px;margin:24px 0 8px;color:#0b2545;border-bottom:1px solid #d8dee9;padding-bottom:4px;',
  h3: 'font-size:15px;margin:16px 0 6px;color:#13315c;',
  p: 'margin:0 0 10px;line-height:1.5;',
  table: 'border-collapse:collapse;margin:6px 0 14px;font-size:13px;width:100%;',
  // A th without align reads left, as the body cells do (browsers centre it).
  th: 'text-align:left;background:#eef2f7;border:1px solid #d8dee9;padding:5px 8px;',
  td: 'border:1px solid #d8dee9;padding:5px 8px;vertical-align:top;',
  ul: 'margin:0 0 10px;padding-left:20px;',
  ol: 'margin:0 0 10px;padding-left:20px;',
  li: 'margin:2px 0;line-height:1.45;',
  blockquote: 'margin:8px 0;padding:6px 12px;border-left:4px solid #c0392b;background:#fdf2f0;',
  code: 'font-family:Menlo,Consolas,monospace;font-size:12px;background:#f3f4f6;padding:1px 4px;',
  a: 'color:#1d4ed8;',
  img: 'display:block;max-width:100%;height:auto;margin:6px 0 14px;border:0;',
};

/** Lexes once, so the HTML and text parts of a report share one parse. */
export function lexMarkdown(markdown: string): Token[] {
  return new Lexer({ gfm: true }).lex(markdown);
}

const ALLOWED_TAGS = [
  'h1',
  'h2',
  'h3',
  'h4',
  'p',
  'br',
  'hr',
  'strong',
  'em',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'a',
  // Only a chart's own image (charts/<key>.png or cid:<key>): see exclusiveFilter.
  'img',
];

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  // No style attribute is kept (sanitize-html would parse each one with postcss): the styles
  // are added after sanitising. Column alignment is kept as the align attribute mail clients
  // understand.
  allowedAttributes: {
    a: ['href'],
    th: [{ name: 'align', multiple: false, values: ['left', 'center', 'right'] }],
    td: [{ name: 'align', multiple: false, values: ['left', 'center', 'right'] }],
    img: ['src', 'alt', 'width', 'height'],
  },
  allowedSchemes: ['https', 'http', 'mailto'],
  allowedSchemesByTag: { img: ['cid'] },
  // An image is a chart of this report or nothing: no tracking pixel, no remote or data: image.
  exclusiveFilter: (frame) => frame.tag === 'img' && !isChartSrc(frame.attribs.src),
  // A size is whole pixels, or it is dropped.
  transformTags: {
    img: (tagName, attribs) => ({
      tagName,
      attribs: Object.fromEntries(
        Object.entries(attribs).filter(
          ([name, value]) => (name !== 'width' && name !== 'height') || /^\d{1,4}$/.test(value),
        ),
      ),
    }),
  },
  // An email has no base URL: a //host link would be guessed at by each mail client.
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
};

/** Markdown -> HTML that keeps only plain formatting; our own inline styles replace any given. */
export function markdownToHtml(markdown: string | Token[]): string {
  const tokens = typeof markdown === 'string' ? lexMarkdown(markdown) : markdown;
  const raw = Parser.parse(tokens, { gfm: true });
  const clean = sanitizeHtml(raw, SANITIZE);
  // Sanitised output escapes every "<" and ">" in text and attribute values, so each "<name ...>"
  // left is one of the allowed tags: the place to add its inline style.
  return clean.replace(STYLED_TAG, (_, name: string, attributes = '') => {
    const align = /align="(\w+)"/.exec(attributes)?.[1];
    // A later declaration wins, so a column's alignment overrides the th default.
    const style = align ? `${STYLES[name]}text-align:${align};` : STYLES[name];
    return `<${name} style="${style}"${attributes}>`;
  });
}

const STYLED_TAG = new RegExp(`<(${Object.keys(STYLES).join('|')})(\\s[^>]*)?>`, 'g');

/**
 * Markdown -> plain text: headings underlined, tables as aligned columns, links with their URL,
 * and each chart placed by the `chart` filter as its title and numbers (`charts`, by key, as the
 * render collected them; a chart not in it reads as nothing).
 */
export function markdownToText(
  markdown: string | Token[],
  charts: ReadonlyMap<string, ChartSpec> = new Map(),
): string {
  const tokens = typeof markdown === 'string' ? lexMarkdown(markdown) : markdown;
  const blocks = tokens.map((token) => blockText(token, charts)).filter((block) => block !== '');
  return (
    blocks
      .join('\n\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n'
  );
}

function blockText(token: Token, charts: ReadonlyMap<string, ChartSpec>): string {
  switch (token.type) {
    case 'heading': {
      const heading = token as Tokens.Heading;
      const text = inlineText(heading.tokens);
      return heading.depth <= 2
        ? `${text}\n${(heading.depth === 1 ? '=' : '-').repeat(Math.min(displayWidth(text), 72))}`
        : text.toUpperCase();
    }
    case 'paragraph':
      return inlineText((token as Tokens.Paragraph).tokens);
    case 'list': {
      const list = token as Tokens.List;
      return list.items
        .map((item, index) => {
          const bullet = list.ordered ? `${Number(list.start || 1) + index}.` : '-';
          const body = item.tokens
            .map((t) =>
              t.type === 'text' && 'tokens' in t && t.tokens
                ? inlineText(t.tokens)
                : blockText(t, charts),
            )
            .filter(Boolean)
            .join('\n');
          return `${bullet} ${body.replace(/\n/g, '\n  ')}`;
        })
        .join('\n');
    }
    case 'table':
      return tableText(token as Tokens.Table);
    case 'blockquote':
      return (token as Tokens.Blockquote).tokens
        .map((t) => blockText(t, charts))
        .join('\n')
        .replace(/^/gm, '> ');
    case 'code':
      return (token as Tokens.Code).text.replace(/^/gm, '    ');
    case 'hr':
      return '-'.repeat(40);
    case 'html':
      return (
        chartText((token as Tokens.HTML).text, charts) ??
        decodeEntities((token as Tokens.HTML).text.replace(/<[^>]*>/g, '')).trim()
      );
    case 'space':
      return '';
    default:
      return 'text' in token ? decodeEntities(String(token.text)) : '';
  }
}

function inlineText(tokens: Token[] | undefined): string {
  if (!tokens) return '';
  return tokens
    .map((token) => {
      switch (token.type) {
        case 'link': {
          const link = token as Tokens.Link;
          const text = inlineText(link.tokens);
          return text === link.href ? text : `${text} (${link.href})`;
        }
        case 'br':
          return '\n';
        case 'html':
          return '';
        case 'strong':
        case 'em':
        case 'del':
          return inlineText((token as Tokens.Strong).tokens);
        case 'codespan':
          return decodeEntities((token as Tokens.Codespan).text);
        default:
          return 'tokens' in token && token.tokens
            ? inlineText(token.tokens)
            : decodeEntities('text' in token ? String(token.text) : '');
      }
    })
    .join('');
}

// Layout (display widths, wrapping long cells within their column) lives in text-table.ts.
function tableText(table: Tokens.Table): string {
  return textTable(
    table.header.map((cell) => inlineText(cell.tokens)),
    table.rows.map((row) => row.map((cell) => inlineText(cell.tokens))),
    table.align,
  );
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&nbsp;': ' ',
};

/**
 * Decodes the entity references Markdown text may hold (the named ones escapeMarkdown and
 * templates write, and any numeric one), for the plain-text part.
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|nbsp|#\d{1,7}|#x[0-9a-f]{1,6});/gi, (entity) => {
    const named = ENTITIES[entity.toLowerCase()];
    if (named !== undefined) return named;
    const hex = entity[2] === 'x' || entity[2] === 'X';
    const code = Number.parseInt(entity.slice(hex ? 3 : 2, -1), hex ? 16 : 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

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

// Markdown to the two parts of an email: HTML with inline styles (mail clients drop <style>
// blocks), and plain text that reads well on its own.
import { createRequire } from 'node:module';
import { Lexer, Parser, Renderer, type Token, type Tokens } from 'marked';
import type SanitizeHtml from 'sanitize-html';
import type { ChartSpec } from '../charts/spec.js';
import { chartText } from './chart-text.js';
import { BoundedCache } from './bounded-cache.js';
import { standalone } from '../interning.js';
import { allowedUrl, decodeAttribute, IMAGE_SCHEMES, LINK_SCHEMES } from './safe-url.js';
import { displayWidth, textTable } from './text-table.js';

const STYLES = {
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
} as const;

type StyledTag = keyof typeof STYLES;

/** An allowed tag's opening, with its inline style first; `align` is a table cell's column. */
function openTag(name: StyledTag, attributes = '', align?: string): string {
  // A later declaration wins, so a column's alignment overrides the th default.
  const style = align ? `${STYLES[name]}text-align:${align};` : STYLES[name];
  return `<${name} style="${style}"${attributes}>`;
}

/**
 * Inline tokens by their text, for `ReportLexer`: the same cell texts, names and sentences come
 * back in report after report (an entity's rows in every report that shows it), and lexing
 * them is most of marked's time. Cleared when full, so it never holds more than this. Its keys
 * and the tokens' texts are kept as copies of their own (`ownTexts`): the lexer cuts them out
 * of the report's Markdown, and in V8 such a cut keeps the whole Markdown alive.
 */
export const INLINE_LEXED_ENTRIES = 20_000;
const inlineLexed = new BoundedCache<string, readonly Token[]>(INLINE_LEXED_ENTRIES);

/**
 * `tokens` (marked's, as the lexer made them: plain objects and arrays) with every text in them,
 * at any depth, replaced by an equal text that holds on to no other string (`standalone`), in
 * place. Measured before this: the finishing thread's cache kept 471 reports' whole Markdown
 * alive (12 MB of its 30 MB live heap, on the bench's portfolio).
 */
export function ownTexts<T extends object>(tokens: T): T {
  const record = tokens as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (typeof value === 'string') record[key] = standalone(value);
    else if (value !== null && typeof value === 'object') ownTexts(value);
  }
  return tokens;
}

/** Whether any token, at any depth, is inline HTML (whose tags change the lexer's state). */
function holdsHtml(tokens: readonly Token[]): boolean {
  return tokens.some(
    (token) =>
      token.type === 'html' ||
      ('tokens' in token && token.tokens ? holdsHtml(token.tokens) : false),
  );
}

/**
 * marked's lexer with its inline tokens remembered by their text (`inlineLexed`). Only a text
 * lexed on its own is shared: the document defines no link reference, the lexer is inside no
 * link or raw block, and its tokens hold no HTML tag (which would change that state). Then the
 * tokens depend on the text alone, and marked reads them without changing them afterwards.
 */
class ReportLexer extends Lexer {
  override inlineTokens(src: string, tokens: Token[] = []): Token[] {
    const { state } = this;
    if (
      tokens.length > 0 ||
      state.inLink ||
      state.inRawBlock ||
      !state.linkParenPossible ||
      hasLinkDefinitions(this.tokens.links)
    )
      return super.inlineTokens(src, tokens);
    const known = inlineLexed.get(src);
    if (known) {
      for (const token of known) tokens.push(token);
      return tokens;
    }
    super.inlineTokens(src, tokens);
    if (!holdsHtml(tokens)) {
      inlineLexed.set(standalone(src), ownTexts(tokens.slice()));
    }
    return tokens;
  }
}

function hasLinkDefinitions(links: object): boolean {
  for (const _ in links) return true;
  return false;
}

/** Lexes once, so the HTML and text parts of a report share one parse. */
export function lexMarkdown(markdown: string): Token[] {
  return new ReportLexer({ gfm: true }).lex(markdown);
}

/**
 * Markdown -> HTML that keeps only plain formatting (headings, paragraphs, lists, tables,
 * emphasis, code, quotes, links by allowedUrl, a chart's own image), each allowed tag with our
 * inline style. Written in one pass by marked's renderer when the Markdown holds no raw HTML
 * but a chart's image (the `chart` filter's markup); raw HTML from a template goes through
 * sanitize-html (loaded then, not before), whose output is the same for the same Markdown.
 * `source` is the Markdown that `markdown`, when given as tokens, was lexed from (lexMarkdown).
 */
export function markdownToHtml(markdown: string | Token[], source?: string): string {
  const tokens = typeof markdown === 'string' ? lexMarkdown(markdown) : markdown;
  // Every HTML token starts at a `<` of its source: Markdown without one (most reports: no
  // chart) holds none, and its tokens are not walked to find out.
  const text = typeof markdown === 'string' ? markdown : source;
  if ((text === undefined || text.includes('<')) && hasRawHtml(tokens))
    return sanitizedMarkdownToHtml(tokens);
  return onePass.parse(tokens);
}

// ---- One pass: marked's renderer writes what sanitize-html would have kept -----------------

// marked's own escaping (encode: every `&`; otherwise a character reference the Markdown holds
// is left for the reader's client to decode), in the form the sanitiser has always written:
// quotes as themselves in text, and the references templates use for them (and a no-break
// space) as the characters. Other references pass through as written: a client reads them as
// the same characters.
const TEXT_ESCAPE = /[<>]|&(?:(quot|apos|nbsp);|(?!(?:#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);))/g;
const ATTRIBUTE_ESCAPE = /["<>]|&(?:(apos|nbsp);|(?!(?:#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);))/g;
const TEXT_ESCAPE_ALL = /[&<>]/g;
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};
// A named reference (the group) or a character; a regex without the group passes its offset.
const escapeMatch = (match: string, reference?: unknown) =>
  ESCAPES[typeof reference === 'string' ? reference : match[0]!]!;

/** Whether a text holds a character either escape can change (each match starts with one). */
const ESCAPABLE = /[&<>]/;

function escapeText(text: string, encode = false): string {
  // Most texts (names, figures, dates) hold none: not run through the replacing regex.
  if (!ESCAPABLE.test(text)) return text;
  return text.replace(encode ? TEXT_ESCAPE_ALL : TEXT_ESCAPE, escapeMatch);
}

/** A value for a double-quoted attribute: as escapeText, with `"` escaped. */
function escapeAttribute(text: string): string {
  return text.replace(ATTRIBUTE_ESCAPE, escapeMatch);
}

/** A URL's text as the sanitiser writes it back (its & < > " escaped). */
function escapeUrlAttribute(url: string): string {
  return url.replace(/[&<>"]/g, escapeMatch);
}

/** marked's cleanUrl: percent-encoded for an attribute; null when it cannot be (lone surrogate). */
function encodedUrl(href: string): string | null {
  try {
    return encodeURI(href).replace(/%25/g, '%');
  } catch {
    return null;
  }
}

/**
 * A URL from the Markdown as the reader's client will read it, or undefined when allowedUrl
 * refuses it (or it holds a character reference whose meaning the rule cannot be sure of).
 */
function keptUrl(tag: 'a' | 'img', encoded: string, encodeAll: boolean): string | undefined {
  // A written link's character references are left for the client to decode (marked writes
  // them as they stand), so the rule judges them decoded; an autolink's `&` is always escaped.
  const url = encodeAll ? encoded : decodeAttribute(encoded);
  return url !== undefined && allowedUrl(tag, url) ? url : undefined;
}

// The `chart` filter's markup (chart-markup.ts chartMarkup) as its own HTML block: the one
// piece of HTML a report holds by design, written here without a sanitiser. Its alt text is
// escapeHtml's output; any other form is raw HTML, for the sanitiser.
const CHART_IMAGE =
  /^<img src="(charts\/[0-9a-f]{16}\.png)" alt="((?:[^"<>&]|&(?:amp|lt|gt|quot|#39);)*)" width="(\d+)" height="(\d+)">$/;

function chartImageHtml(html: string): string | undefined {
  // A block at the end of the Markdown keeps its line break in marked's token: kept as written
  // after the tag, as the sanitiser's path keeps it.
  const tag = html.trimEnd();
  const match = CHART_IMAGE.exec(tag);
  if (!match) return undefined;
  const [, src, alt, width, height] = match as unknown as [string, string, string, string, string];
  // Only a size of whole pixels, at most four digits, is kept (as the sanitiser's rule).
  const size = (name: string, value: string) =>
    /^\d{1,4}$/.test(value) ? ` ${name}="${value}"` : '';
  return `<img style="${STYLES.img}" src="${src}" alt="${alt.replace(/&#39;/g, "'")}"${size('width', width)}${size('height', height)} />${html.slice(tag.length)}`;
}

/** Whether any token is raw HTML other than a chart's image: then the sanitiser renders it. */
export function hasRawHtml(tokens: readonly Token[]): boolean {
  for (const token of tokens) {
    if (token.type === 'html') {
      if (token.block !== true || chartImageHtml((token as Tokens.HTML).text) === undefined)
        return true;
      continue;
    }
    if (token.type === 'table') {
      const table = token as Tokens.Table;
      if (table.header.some((cell) => hasRawHtml(cell.tokens))) return true;
      if (table.rows.some((row) => row.some((cell) => hasRawHtml(cell.tokens)))) return true;
    } else if (token.type === 'list') {
      if ((token as Tokens.List).items.some((item) => hasRawHtml(item.tokens))) return true;
    } else if ('tokens' in token && token.tokens && hasRawHtml(token.tokens)) return true;
  }
  return false;
}

/**
 * marked's renderer writing the email's HTML directly: the allowed tags with their inline
 * styles, text escaped, links and images by allowedUrl. Each method writes exactly what
 * marked's own method followed by sanitize-html (SANITIZE below) and the styles wrote, so a
 * report's HTML does not depend on which path rendered it (test/render/one-pass.test.ts).
 */
class EmailRenderer extends Renderer<string, string> {
  override space(): string {
    return '';
  }
  override code({ text }: Tokens.Code): string {
    // The language class is not an allowed attribute.
    const body = text ? `${text.replace(/\n$/, '')}\n` : '';
    return `<pre>${openTag('code')}${escapeText(body, true)}</code></pre>\n`;
  }
  override blockquote({ tokens }: Tokens.Blockquote): string {
    return `${openTag('blockquote')}\n${this.parser.parse(tokens)}</blockquote>\n`;
  }
  override html({ text }: Tokens.HTML | Tokens.Tag): string {
    const image = chartImageHtml(text);
    // hasRawHtml sends any other HTML to the sanitiser: reaching here is a bug.
    if (image === undefined) throw new Error('raw HTML reached the one-pass renderer');
    return image;
  }
  override def(): string {
    return '';
  }
  override heading({ tokens, depth }: Tokens.Heading): string {
    const inline = this.parser.parseInline(tokens);
    if (depth <= 3) return `${openTag(`h${depth}` as StyledTag)}${inline}</h${depth}>\n`;
    // h4 is allowed without a style; h5 and h6 are not allowed: their text stays.
    return depth === 4 ? `<h4>${inline}</h4>\n` : `${inline}\n`;
  }
  override hr(): string {
    return '<hr />\n';
  }
  override list(token: Tokens.List): string {
    const tag = token.ordered ? 'ol' : 'ul';
    // `start` is not an allowed attribute.
    let items = '';
    for (const item of token.items) items += this.listitem(item);
    return `${openTag(tag)}\n${items}</${tag}>\n`;
  }
  override listitem(item: Tokens.ListItem): string {
    return `${openTag('li')}${this.parser.parse(item.tokens)}</li>\n`;
  }
  override checkbox(): string {
    // The <input> is not allowed; the space after it stays.
    return ' ';
  }
  override paragraph({ tokens }: Tokens.Paragraph): string {
    return `${openTag('p')}${this.parser.parseInline(tokens)}</p>\n`;
  }
  override table(token: Tokens.Table): string {
    // Strings joined as they are made, not arrays from map() joined: see joinedText. A body
    // row's cells (an array marked makes with map()) are read by Array.from, as in tableText.
    let cells = '';
    for (const cell of token.header) cells += this.tablecell(cell);
    const header = this.tablerow({ text: cells });
    const cell = (each: Tokens.TableCell) => this.tablecell(each);
    let body = '';
    for (const row of token.rows) body += this.tablerow({ text: Array.from(row, cell).join('') });
    return `${openTag('table')}\n<thead>\n${header}</thead>\n${body ? `<tbody>${body}</tbody>` : ''}</table>\n`;
  }
  override tablerow({ text }: Tokens.TableRow<string>): string {
    return `<tr>\n${text}</tr>\n`;
  }
  override tablecell(cell: Tokens.TableCell): string {
    const tag = cell.header ? 'th' : 'td';
    const open = cell.align ? openTag(tag, ` align="${cell.align}"`, cell.align) : openTag(tag);
    return `${open}${this.parser.parseInline(cell.tokens)}</${tag}>\n`;
  }
  override strong({ tokens }: Tokens.Strong): string {
    return `<strong>${this.parser.parseInline(tokens)}</strong>`;
  }
  override em({ tokens }: Tokens.Em): string {
    return `<em>${this.parser.parseInline(tokens)}</em>`;
  }
  override codespan({ text }: Tokens.Codespan): string {
    return `${openTag('code')}${escapeText(text, true)}</code>`;
  }
  override br(): string {
    return '<br />';
  }
  override del({ tokens }: Tokens.Del): string {
    return `<del>${this.parser.parseInline(tokens)}</del>`;
  }
  override link({ href, text, tokens, autolink }: Tokens.Link): string {
    const inner = autolink ? escapeText(text, true) : this.parser.parseInline(tokens);
    const encoded = encodedUrl(href);
    if (encoded === null) return inner;
    // An autolink's address is written with every & escaped, a written link's as it stands.
    const url = keptUrl('a', encoded, autolink === true);
    // A refused URL leaves the link's text, in an <a> that goes nowhere (as the sanitiser did).
    return `${openTag('a', url === undefined ? '' : ` href="${escapeUrlAttribute(url)}"`)}${inner}</a>`;
  }
  override image({ href, text, tokens }: Tokens.Image): string {
    const alt = tokens ? this.parser.parseInline(tokens, this.parser.textRenderer) : text;
    const encoded = encodedUrl(href);
    if (encoded === null) return escapeText(alt);
    const src = keptUrl('img', encoded, false);
    // Anything but a chart's own image is dropped whole (no tracking pixel, no remote image).
    if (src === undefined) return '';
    // An empty alt is kept: it tells a screen reader the image is decoration.
    return `<img style="${STYLES.img}" src="${escapeUrlAttribute(src)}" alt="${escapeAttribute(alt)}" />`;
  }
  override text(token: Tokens.Text | Tokens.Escape): string {
    return 'tokens' in token && token.tokens
      ? this.parser.parseInline(token.tokens)
      : escapeText(token.text);
  }
}

const onePass = new Parser<string, string>({ gfm: true, renderer: new EmailRenderer() });

// ---- Raw HTML in a template: sanitize-html, loaded only for it -----------------------------

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
  // Only a chart's own image (allowedUrl 'img'): see exclusiveFilter.
  'img',
];

const SANITIZE: SanitizeHtml.IOptions = {
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
  // The rule of safe-url.ts: its schemes here, and allowedUrl itself on every href and src.
  allowedSchemes: [...LINK_SCHEMES],
  allowedSchemesByTag: { img: [...IMAGE_SCHEMES] },
  // An image is a chart of this report or nothing: no tracking pixel, no remote or data: image.
  exclusiveFilter: (frame) => frame.tag === 'img' && !allowedUrl('img', frame.attribs.src ?? ''),
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: Object.fromEntries(
        Object.entries(attribs).filter(
          ([name, value]) => name !== 'href' || allowedUrl('a', value),
        ),
      ),
    }),
    // A size is whole pixels, or it is dropped.
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

let sanitizer: typeof SanitizeHtml | undefined;

/**
 * Whether a template may write raw HTML into its Markdown: a `<` in its text outside Liquid tags,
 * the `raw` filter, or the `tablerow` tag (the one Liquid tag that writes HTML of its own: a
 * table's rows and cells). Every other value is escaped for Markdown, and a chart's image needs
 * no sanitiser. A false positive only loads sanitize-html.
 */
export function mayWriteRawHtml(source: string): boolean {
  // A "<" inside Liquid markup (`{% if a < b %}`) is a comparison, not HTML: Liquid's output is
  // escaped for Markdown, so only the template's own text can hold raw HTML.
  const text = source.replace(/\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g, '');
  return text.includes('<') || /\|\s*raw\b|\btablerow\b/.test(source);
}

/**
 * Loads sanitize-html if any of `templates` may write raw HTML (mayWriteRawHtml). Whatever
 * renders reports awaits this first (validatePortfolio, a render worker, the finishing thread):
 * the bundle has no node_modules to load it from later. Without it, the first Markdown with raw
 * HTML loads it synchronously from node_modules (tests, the CLI installed from npm).
 */
export async function loadSanitizerFor(
  templates: Iterable<{ readonly source: string }>,
): Promise<void> {
  for (const template of templates) {
    if (mayWriteRawHtml(template.source)) {
      sanitizer ??= (await import('sanitize-html')).default;
      return;
    }
  }
}

function sanitizeHtmlNow(): typeof SanitizeHtml {
  if (!sanitizer) {
    try {
      sanitizer = createRequire(import.meta.url)('sanitize-html') as typeof SanitizeHtml;
    } catch (error) {
      throw new Error(
        'raw HTML in a template needs sanitize-html: await loadSanitizerFor(templates) before rendering',
        { cause: error },
      );
    }
  }
  return sanitizer;
}

/**
 * Markdown -> HTML through sanitize-html: marked's own HTML, sanitised (SANITIZE), then each
 * allowed tag given its style. The path for Markdown holding raw HTML; exported so that the
 * one-pass renderer can be held to it (its output is the same for Markdown without raw HTML).
 */
export function sanitizedMarkdownToHtml(markdown: string | Token[]): string {
  const tokens = typeof markdown === 'string' ? lexMarkdown(markdown) : markdown;
  const raw = Parser.parse(tokens, { gfm: true });
  const clean = sanitizeHtmlNow()(raw, SANITIZE);
  // Sanitised output escapes every "<" and ">" in text and attribute values, so each "<name ...>"
  // left is one of the allowed tags: the place to add its inline style.
  return clean.replace(STYLED_TAG, (_, name: StyledTag, attributes = '') =>
    openTag(name, attributes, /align="(\w+)"/.exec(attributes)?.[1]),
  );
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
  return (
    joinedText(tokens, '\n\n', (token) => blockText(token, charts))
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n'
  );
}

/**
 * `items.map(text).filter((t) => t !== '').join(separator)`, without the arrays: on node 20
 * (V8 11.3) map() gives a packed array in the interpreter and a holey one (another hidden
 * class) once its caller is optimised, so the filter or join the interpreter had seen packed
 * arrays at threw the optimised code away at its first call (`--trace-deopt`: "wrong map"), and
 * it was compiled again. The text part and the HTML renderer join strings as they make them.
 */
function joinedText<T>(items: readonly T[], separator: string, text: (item: T) => string): string {
  let joined = '';
  let first = true;
  for (const item of items) {
    const piece = text(item);
    if (piece === '') continue;
    joined = first ? piece : joined + separator + piece;
    first = false;
  }
  return joined;
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
      let text = '';
      for (let index = 0; index < list.items.length; index += 1) {
        const bullet = list.ordered ? `${Number(list.start || 1) + index}.` : '-';
        const body = joinedText(list.items[index]!.tokens, '\n', (t) =>
          t.type === 'text' && 'tokens' in t && t.tokens
            ? inlineText(t.tokens)
            : blockText(t, charts),
        );
        text += `${index > 0 ? '\n' : ''}${bullet} ${body.replace(/\n/g, '\n  ')}`;
      }
      return text;
    }
    case 'table':
      return tableText(token as Tokens.Table);
    case 'blockquote':
      return blockquoteText((token as Tokens.Blockquote).tokens, charts).replace(/^/gm, '> ');
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

/** A blockquote's blocks, one a line apart (empty ones too, as join keeps them). */
function blockquoteText(tokens: Token[], charts: ReadonlyMap<string, ChartSpec>): string {
  let text = '';
  for (let index = 0; index < tokens.length; index += 1)
    text += (index > 0 ? '\n' : '') + blockText(tokens[index]!, charts);
  return text;
}

function inlineText(tokens: Token[] | undefined): string {
  if (!tokens) return '';
  let text = '';
  for (const token of tokens) text += inlineTokenText(token);
  return text;
}

function inlineTokenText(token: Token): string {
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
}

/**
 * Layout (display widths, wrapping long cells within their column) lives in text-table.ts. The
 * cells go to it in arrays of one kind (see text-table.ts's layOut): marked makes each body
 * row's cells with map(), so a row is read by Array.from with a function (a builtin V8 does not
 * inline, which gives a packed array whatever it reads), not by a loop of this function's own.
 */
function tableText(table: Tokens.Table): string {
  const header: string[] = [];
  for (const cell of table.header) header.push(cellText(cell));
  const rows: string[][] = [];
  for (const row of table.rows) rows.push(Array.from(row, cellText));
  return textTable(header, rows, table.align);
}

const cellText = (cell: Tokens.TableCell): string => inlineText(cell.tokens);

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
  // Most of the text part's pieces hold no reference at all.
  if (!text.includes('&')) return text;
  return text.replace(/&(?:amp|lt|gt|quot|nbsp|#\d{1,7}|#x[0-9a-f]{1,6});/gi, (entity) => {
    const named = ENTITIES[entity.toLowerCase()];
    if (named !== undefined) return named;
    const hex = entity[2] === 'x' || entity[2] === 'X';
    const code = Number.parseInt(entity.slice(hex ? 3 : 2, -1), hex ? 16 : 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

export { escapeMarkdown } from './escape-markdown.js';

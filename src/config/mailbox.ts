// One mailbox as people write it ("José Álvarez <jose@example.com>", "\"Doe, Jane\" <jane@example.com>",
// "priya@bücher.example"): parsed once, checked against what SES accepts, and written out for SES
// and for MIME headers. Every address in the portfolio (sender, reply_to, bcc, recipients,
// owners) and the test recipient go through here, so one form is accepted or refused everywhere.
//
// The parser is email-addresses (a strict RFC 5322 / RFC 6532 grammar): it refuses what is not a
// mailbox, which validation needs. nodemailer's addressparser is lenient by design (it turns any
// text into some address, `Doe, Jane <x>` into two), so it cannot tell a user what is wrong.
import emailAddresses from 'email-addresses';
import { domainToASCII } from 'node:url';

export interface Mailbox {
  /** The display name as the reader sees it (Unicode, unquoted); absent for a bare address. */
  readonly name?: string;
  /** The address as written, the domain in Unicode (`priya@bücher.example`). */
  readonly address: string;
  /** The address for SES and MIME headers: ASCII, domain in punycode (`priya@xn--bcher-kva.example`). */
  readonly asciiAddress: string;
}

export type MailboxCheck =
  | { readonly ok: true; readonly mailbox: Mailbox }
  | { readonly ok: false; readonly reason: string };

/** RFC 5321: 64 octets before the @, 255 after; a DNS name is at most 253 characters. */
const MAX_LOCAL_LENGTH = 64;
const MAX_DOMAIN_LENGTH = 253;
/** RFC 1035 2.3.4: a label (a dot-separated part of a domain name) is at most 63 octets. */
const MAX_LABEL_LENGTH = 63;
const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

/**
 * Parses one mailbox: a bare address, `Name <address>`, a quoted name (`"Doe, Jane" <address>`),
 * a name with a comment (`Ops Desk (EU) <address>`), or `address (Name)`. Refuses what SES would
 * refuse (a non-ASCII local part, a domain that is not a DNS name, several addresses in one entry,
 * a line break) with the reason, written to follow `"<text>" is not an email address: `.
 */
export function checkMailbox(text: string): MailboxCheck {
  // A portfolio has a few dozen addresses, checked again at every plan and ledger look-up.
  let check = checked.get(text);
  if (!check) {
    check = checkUncached(text);
    checked.set(text, check);
  }
  return check;
}

const checked = new Map<string, MailboxCheck>();

function checkUncached(text: string): MailboxCheck {
  const refuse = (reason: string): MailboxCheck => ({ ok: false, reason });
  if (/[\r\n]/.test(text)) return refuse('it contains a line break (a header is one line)');
  // A tab is white space to RFC 5322; every other control character is refused.
  const control = [...text].find((c) => c !== '\t' && (c < ' ' || c === '\u007f'));
  if (control) return refuse(`it contains the control character U+${hex(control.charCodeAt(0))}`);
  const input = text.trim();
  if (!input) return refuse('it is empty');
  return checkParsed(plainMailbox(input) ?? grammarParse(input));
}

/**
 * A mailbox in the plain forms nearly every portfolio writes (`local@domain`, `<local@domain>`
 * and `Name Words <local@domain>`, every part RFC 5322 atoms in ASCII), split without the
 * grammar: exactly what email-addresses gives for them (test/validate-speed/plain-mailbox.test.ts
 * compares the two), for a fraction of the time, since the grammar's first parses cost a check
 * of the example about 15 ms. Anything else (quotes, comments, Unicode, a dot in a name, white
 * space inside the < >, a group, a second address) is undefined here and goes to the grammar.
 */
function plainMailbox(input: string): ParsedParts | undefined {
  const match = PLAIN_MAILBOX.exec(input);
  if (!match) return undefined;
  const [, bareLocal, bareDomain, name, local, domain] = match;
  if (bareLocal !== undefined) return { local: bareLocal, domain: bareDomain! };
  return { ...(name ? { name: collapse(name) } : {}), local: local!, domain: domain! };
}

// RFC 5322's atext (ASCII): an atom of a display name, of a dot-atom local part or domain.
const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const DOT_ATOM = `${ATEXT}(?:\\.${ATEXT})*`;
// `local@domain`, `<local@domain>` or `Name Words <local@domain>` (words of atext, spaces or tabs).
const PLAIN_MAILBOX = new RegExp(
  `^(?:(${DOT_ATOM})@(${DOT_ATOM})|(?:(${ATEXT}(?:[ \\t]+${ATEXT})*)[ \\t]*)?<(${DOT_ATOM})@(${DOT_ATOM})>)$`,
);

/** What the check needs of a parsed mailbox: its display name (as shown), local part and domain. */
interface ParsedParts {
  readonly name?: string;
  readonly local: string;
  readonly domain: string;
}

/** The mailbox as RFC 5322 / 6532's grammar (email-addresses) reads it, or why it is not one. */
function grammarParse(input: string): ParsedParts | { readonly refused: string } {
  const parsed = emailAddresses.parseOneAddress({ input, rfc6532: true });
  if (!parsed) return { refused: diagnose(input) };
  if (parsed.type === 'group')
    return { refused: `it is a group ("${parsed.name}: ...;"): list each address on its own` };
  const name = displayName(parsed);
  return { ...(name ? { name } : {}), local: parsed.local, domain: parsed.domain };
}

/**
 * The check of `input` as the grammar alone reads it (email-addresses, no plain-form split): the
 * reference checkMailbox must agree with, for tests. Not cached.
 */
export function checkMailboxByGrammar(input: string): MailboxCheck {
  return checkParsed(grammarParse(input.trim()));
}

/** The checks SES needs on a parsed mailbox, and the mailbox as the portfolio uses it. */
function checkParsed(parsed: ParsedParts | { readonly refused: string }): MailboxCheck {
  const refuse = (reason: string): MailboxCheck => ({ ok: false, reason });
  if ('refused' in parsed) return refuse(parsed.refused);
  const local = parsed.local;
  const nonAscii = /[^\p{ASCII}]/u.exec(local);
  if (nonAscii)
    return refuse(
      `the part before the @ ("${local}") has the non-ASCII character "${nonAscii[0]}": SES accepts only ASCII there (no SMTPUTF8)`,
    );
  if (local.length > MAX_LOCAL_LENGTH)
    return refuse(
      `the part before the @ is ${local.length} characters long; at most ${MAX_LOCAL_LENGTH} are allowed`,
    );
  const asciiDomain = checkDomain(parsed.domain);
  if (typeof asciiDomain === 'object') return refuse(asciiDomain.reason);

  // A quoted local part ("john doe"@example.com) is kept quoted on the wire.
  const localOnWire =
    /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/.test(local)
      ? local
      : `"${local.replace(/(["\\])/g, '\\$1')}"`;
  const name = parsed.name;
  return {
    ok: true,
    mailbox: {
      ...(name ? { name } : {}),
      address: `${localOnWire}@${parsed.domain}`,
      asciiAddress: `${localOnWire}@${asciiDomain}`,
    },
  };
}

/**
 * The mailbox of a value that validation already accepted.
 * @throws Error naming the value and the reason when it is not a mailbox (a bug upstream).
 */
export function parseMailbox(text: string): Mailbox {
  const check = checkMailbox(text);
  if (!check.ok)
    throw new Error(`${JSON.stringify(text)} is not an email address: ${check.reason}`);
  return check.mailbox;
}

/**
 * Who a mailbox reaches, for comparing and de-duplicating readers and for the delivery ledger:
 * the ASCII address in lower case, without the display name (`Jane <Jane@Bücher.example>` and
 * `jane@xn--bcher-kva.example` are the same reader).
 */
export function addressKey(text: string): string {
  return parseMailbox(text).asciiAddress.toLowerCase();
}

/**
 * The mailbox as an RFC 5322 header value in ASCII, the way SES takes it: the name as it is when
 * it is plain words, in double quotes when it holds ASCII punctuation, RFC 2047 encoded-words
 * when it holds anything else; the domain in punycode. (The .eml gets the same name and address
 * from {@link mimeAddress}, encoded by nodemailer.)
 */
export function formatMailbox(text: string): string {
  const { name, asciiAddress } = parseMailbox(text);
  return name ? `${encodeDisplayName(name)} <${asciiAddress}>` : asciiAddress;
}

/** The mailbox as nodemailer's MailComposer takes it (it encodes the name itself). */
export function mimeAddress(text: string): { name: string; address: string } {
  const { name, asciiAddress } = parseMailbox(text);
  return { name: name ?? '', address: asciiAddress };
}

function encodeDisplayName(name: string): string {
  if (/^[\w ]*$/.test(name)) return name;
  if (/^[\x20-\x7e]*$/.test(name)) return `"${name.replace(/(["\\])/g, '\\$1')}"`;
  return encodedWords(name);
}

/**
 * RFC 2047 encoded-words (UTF-8, base64) of at most 72 characters each (the limit is 75), split
 * between characters; a reader's client joins them back without the spaces between them.
 */
function encodedWords(text: string): string {
  const chunks: string[] = [''];
  for (const char of text) {
    // 45 octets are 60 base64 characters, 72 with the =?UTF-8?B? ... ?= around them.
    if (Buffer.byteLength(chunks.at(-1)! + char) > 45) chunks.push('');
    chunks[chunks.length - 1] += char;
  }
  return chunks.map((chunk) => `=?UTF-8?B?${Buffer.from(chunk).toString('base64')}?=`).join(' ');
}

/** The ASCII (punycode) domain, or why SES would refuse the domain. */
function checkDomain(domain: string): string | { reason: string } {
  if (domain.startsWith('['))
    return { reason: `the domain ${domain} is an IP address: SES needs a domain name` };
  const ascii = domainToASCII(domain);
  if (!ascii) return { reason: `the domain "${domain}" is not a valid domain name` };
  const labels = ascii.split('.');
  if (labels.length < 2)
    return {
      reason: `the domain "${domain}" has no dot: write the whole domain, as in example.com`,
    };
  const long = labels.find((label) => label.length > MAX_LABEL_LENGTH);
  if (long !== undefined)
    return {
      reason: `the domain "${domain}" has a part of ${long.length} characters${long.startsWith('xn--') ? ' in its ASCII (punycode) form' : ''} ("${long.slice(0, 12)}…"): each part between dots is at most ${MAX_LABEL_LENGTH}`,
    };
  const bad = labels.find((label) => !LABEL.test(label));
  if (bad !== undefined)
    return {
      reason: `the domain "${domain}" has the part "${bad}": a domain name has only letters, digits and inner hyphens`,
    };
  if (/^\d+$/.test(labels.at(-1)!))
    return { reason: `the domain "${domain}" ends in a number: SES needs a domain name` };
  if (ascii.length > MAX_DOMAIN_LENGTH)
    return {
      reason: `the domain is ${ascii.length} characters long; at most ${MAX_DOMAIN_LENGTH}`,
    };
  return ascii;
}

/**
 * The name as the user wrote it: quotes removed, escapes resolved, a comment in the name kept
 * (`Ops Desk (EU)`), runs of spaces made one; a bare address's comment (`jane@example.com (Jane
 * Doe)`, an old form) becomes its name.
 */
function displayName(parsed: emailAddresses.ParsedMailbox): string | undefined {
  if (parsed.parts.name) return collapse(visibleText(parsed.parts.name)) || undefined;
  const comments = parsed.parts.comments
    .map((node) =>
      collapse(visibleText(node))
        .replace(/^\((.*)\)$/, '$1')
        .trim(),
    )
    .filter(Boolean);
  return comments.length === 1 ? comments[0] : undefined;
}

function visibleText(node: emailAddresses.ASTNode): string {
  if (node.name === 'comment') return node.tokens;
  if (node.name === 'fws' || node.name === 'wsp') return ' ';
  if (node.name === 'dquote') return '';
  if (node.name === 'quoted-pair') return node.semantic;
  if (node.children.length === 0) return node.tokens;
  return node.children.map(visibleText).join('');
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Why text that is not an RFC 5322 mailbox is not one, as precisely as can be told. */
function diagnose(input: string): string {
  const outsideQuotes = input.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  if ((outsideQuotes.match(/"/g) ?? []).length % 2 === 1) return 'a double quote (") is not closed';
  const opens = (outsideQuotes.match(/</g) ?? []).length;
  const closes = (outsideQuotes.match(/>/g) ?? []).length;
  if (opens !== closes) return 'a < has no matching > (or a > no <)';
  if (opens > 1) return 'it holds more than one <address>: list each address on its own';
  const angle = /<([^<>]*)>/.exec(outsideQuotes);
  const before = angle ? outsideQuotes.slice(0, angle.index) : '';
  if (angle && before.includes(','))
    return `a display name with a comma must be in double quotes, as in "${input
      .slice(0, angle.index)
      .trim()
      .replace(/"/g, '')}" <${angle[1]!.trim()}>`;
  if (!angle && /[,;]/.test(outsideQuotes.replace(/\([^()]*\)/g, '')))
    return 'it holds more than one address (a , or ;): list each address on its own';
  if (angle && /[@<>[\]:;\\]/.test(before))
    return 'the display name has one of @ < > [ ] : ; \\ : put the name in double quotes';
  const address = (angle ? angle[1]! : outsideQuotes).trim();
  const at = address.lastIndexOf('@');
  if (at < 0) return 'it has no @ (an address is name@domain, as in reports@example.com)';
  if (at === address.length - 1) return 'it has no domain after the @';
  if (at === 0) return 'it has nothing before the @';
  const local = address.slice(0, at);
  if (local.includes('@')) return 'it has more than one @';
  if (/^\.|\.$|\.\./.test(local))
    return 'the part before the @ starts or ends with a dot or has two dots in a row';
  const words = address.split(/\s+/);
  if (!angle && words.length > 1 && words.at(-1)!.includes('@'))
    return `a name before the address needs the address in < >, as in ${words.slice(0, -1).join(' ')} <${words.at(-1)}>`;
  if (/\s/.test(address)) return 'the address has a space in it';
  return 'it is not an address as RFC 5322 writes one (reports@example.com, or Name <reports@example.com>)';
}

function hex(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

// An OFX or QFX statement (bank or credit card), read with the ofx-js parser. Each transaction
// becomes a two-posting transaction against the account the rules give; the statement's ledger
// balance gives the opening balance, so cash on hand from the books is the bank's own figure.
import { parseSync } from 'ofx-js';
import { displayPath, type ConfigError } from '../config/errors.js';
import { add, negate, parseDecimal, ZERO, type Decimal } from './decimal.js';
import { readText } from './run-tool.js';
import { previousDay } from './totals.js';
import { loadRules, matchRule, ofxRulesSchema, type OfxRules } from './statement-rules.js';
import {
  OPENING_BALANCES,
  type BooksRead,
  type BooksSource,
  type DeclaredAt,
  type Posting,
} from './types.js';

export { OPENING_BALANCES } from './types.js';

/**
 * An OFX/QFX `file`; `account` is the statement's account in the chart (one name, or one per
 * OFX ACCTID when the file holds several statements); `rulesFile` is optional YAML with `rules`
 * and `default_account` (see ofxRulesSchema).
 */
export function ofxSource(
  file: string,
  account: string | Readonly<Record<string, string>>,
  rulesFile?: string,
  at: DeclaredAt = { file, line: 1 },
): BooksSource {
  return {
    kind: 'ofx',
    file,
    async read() {
      let rules: OfxRules = { default_account: 'Expenses:Uncategorized', rules: [] };
      const errors: ConfigError[] = [];
      if (rulesFile) {
        const loaded = await loadRules(rulesFile, ofxRulesSchema, at);
        errors.push(...loaded.errors);
        if (!loaded.rules) return { postings: [], prices: [], errors };
        rules = loaded.rules;
      }
      const text = await readText(file, at);
      if (typeof text !== 'string')
        return { postings: [], prices: [], errors: [...errors, text.error] };
      const read = readOfx(displayPath(file), text, account, rules);
      return { ...read, errors: [...errors, ...read.errors] };
    },
  };
}

type Node = Record<string, unknown>;
const list = (value: unknown): Node[] =>
  value === undefined ? [] : Array.isArray(value) ? (value as Node[]) : [value as Node];
const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * An OFX amount: the spec allows a comma or a period as the decimal mark and no digit grouping,
 * so a comma is always the decimal mark (`-4,00` is −4.00, never −400).
 */
function ofxAmount(value: string): Decimal | undefined {
  return parseDecimal(value, value.includes(',') ? ',' : '.');
}

/** `20140105120000.000[-5:EST]` → `2014-01-05` (the date as the bank wrote it). */
function ofxDate(value: unknown): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(text(value));
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/**
 * SGML OFX leaves an element unclosed (`<MEMO>Rent`), and a bank may write one with no value
 * (`<MEMO>` alone on its line), which ofx-js reads as an aggregate that never closes, failing
 * the whole file. Such a line is closed in place (`<MEMO></MEMO>`) when its tag opens more often
 * than it closes (an aggregate like `<STMTTRN>` always closes). Lines keep their numbers.
 */
function closeEmptyElements(source: string): string {
  const count = (re: RegExp) => {
    const counts = new Map<string, number>();
    for (const m of source.matchAll(re)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
    return counts;
  };
  const opened = count(/<([A-Za-z0-9.]+)>/g);
  const closed = count(/<\/([A-Za-z0-9.]+)>/g);
  return source.replace(/^([ \t]*)<([A-Za-z0-9.]+)>([ \t\r]*)$/gm, (line, indent, tag, end) =>
    (opened.get(tag) ?? 0) > (closed.get(tag) ?? 0) ? `${indent}<${tag}></${tag}>${end}` : line,
  );
}

/** The statements of one OFX text as postings. Pure: `label` names the file in messages. */
export function readOfx(
  label: string,
  source: string,
  account: string | Readonly<Record<string, string>>,
  rules: OfxRules,
): BooksRead {
  const errors: ConfigError[] = [];
  const postings: Posting[] = [];
  let parsed: { OFX: Node };
  try {
    parsed = parseSync(closeEmptyElements(source)) as { OFX: Node };
  } catch (error) {
    return {
      postings,
      prices: [],
      errors: [{ file: label, line: 1, message: `not an OFX file: ${(error as Error).message}` }],
    };
  }
  const lines = source.split('\n');
  // ofx-js keeps no positions: a transaction is found by its FITID, else by its order.
  const lineOf = (fitid: string, nth: number): number => {
    if (fitid) {
      const i = lines.findIndex((l) => l.includes(`<FITID>${fitid}`));
      if (i >= 0) return i + 1;
    }
    let seen = -1;
    const i = lines.findIndex((l) => /<STMTTRN>/i.test(l) && ++seen === nth);
    return i >= 0 ? i + 1 : 1;
  };
  const ofx = parsed.OFX ?? {};
  const statements = [
    ...list((ofx.BANKMSGSRSV1 as Node | undefined)?.STMTTRNRS).map((r) => ({
      rs: r.STMTRS as Node | undefined,
      from: 'BANKACCTFROM',
    })),
    ...list((ofx.CREDITCARDMSGSRSV1 as Node | undefined)?.CCSTMTTRNRS).map((r) => ({
      rs: r.CCSTMTRS as Node | undefined,
      from: 'CCACCTFROM',
    })),
  ];
  if (statements.length === 0)
    return {
      postings,
      prices: [],
      errors: [
        { file: label, line: 1, message: 'no bank or credit-card statement in this OFX file' },
      ],
    };
  let nth = 0;
  for (const { rs, from } of statements) {
    if (!rs) continue;
    const acctId = text((rs[from] as Node | undefined)?.ACCTID);
    const target = typeof account === 'string' ? account : account[acctId];
    if (!target) {
      errors.push({
        file: label,
        line: 1,
        field: 'account',
        message: `no account is given for the statement of ACCTID ${acctId}`,
      });
      continue;
    }
    const currency = text(rs.CURDEF) || 'USD';
    const tranList = (rs.BANKTRANLIST as Node | undefined) ?? {};
    let moved: Decimal = ZERO;
    let first: string | undefined;
    for (const t of list(tranList.STMTTRN)) {
      const fitid = text(t.FITID);
      const line = lineOf(fitid, nth++);
      const date = ofxDate(t.DTPOSTED);
      const amount = ofxAmount(text(t.TRNAMT));
      if (!date || !amount) {
        errors.push({
          file: label,
          line,
          message: `transaction ${fitid || nth}: ${date ? `TRNAMT "${text(t.TRNAMT)}" is not an amount` : `DTPOSTED "${text(t.DTPOSTED)}" is not a date`}`,
        });
        continue;
      }
      moved = add(moved, amount);
      if (!first || date < first) first = date;
      const name = text(t.NAME) || text(t.PAYEE);
      const memo = text(t.MEMO);
      const description = [name, memo].filter(Boolean).join(' | ');
      const fields: Record<string, string> = {
        name,
        memo,
        payee: text(t.PAYEE),
        type: text(t.TRNTYPE),
      };
      const rule = matchRule(rules.rules, (field) =>
        field === undefined ? description : (fields[field] ?? ''),
      );
      const shared = {
        date,
        transaction: `${label}#${acctId}:${fitid || line}`,
        description: rule?.description ?? description,
        commodity: currency,
        source: { file: label, line },
      };
      postings.push(
        { ...shared, account: target, amount },
        { ...shared, account: rule?.account ?? rules.default_account, amount: negate(amount) },
      );
    }
    // The ledger balance less what the statement moved is what the account held before it.
    const ledger = rs.LEDGERBAL as Node | undefined;
    const balance = ledger ? ofxAmount(text(ledger.BALAMT)) : undefined;
    const start = ofxDate(tranList.DTSTART);
    const openingDate = [start, first].filter((d): d is string => !!d).sort()[0];
    if (balance && openingDate) {
      const opening = add(balance, negate(moved));
      const at = lines.findIndex((l) => /<LEDGERBAL>/i.test(l)) + 1 || 1;
      const shared = {
        date: previousDay(openingDate),
        transaction: `${label}#${acctId}:opening`,
        description: 'Opening balance (from the statement’s ledger balance)',
        commodity: currency,
        source: { file: label, line: at },
      };
      postings.push(
        { ...shared, account: target, amount: opening },
        { ...shared, account: OPENING_BALANCES, amount: negate(opening) },
      );
    }
  }
  return { postings, prices: [], errors };
}

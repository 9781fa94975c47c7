// An hledger (or ledger) journal, read through the user's own `hledger` executable, or the CSV
// that `hledger print -O csv` wrote and the user committed.
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { csvSyntaxError, displayPath, type ConfigError } from '../config/errors.js';
import {
  add,
  compare,
  divide,
  isZero,
  multiply,
  negate,
  parseDecimal,
  ZERO,
  type Decimal,
} from './decimal.js';
import { readText, runTool, toolErrors, checkReadable } from './run-tool.js';
import type { BooksRead, BooksSource, DeclaredAt, Posting, Price, TransactionId } from './types.js';

interface JsonQuantity {
  decimalMantissa: string | number;
  decimalPlaces: number;
}
interface JsonAmount {
  acommodity: string;
  aquantity: JsonQuantity;
  /** `@` (UnitPrice) or `@@` (TotalPrice, unsigned), as hledger 1.25's print -O json writes it. */
  aprice?: {
    tag: 'UnitPrice' | 'TotalPrice';
    contents: { acommodity: string; aquantity: JsonQuantity };
  } | null;
}
interface JsonTransaction {
  tindex: number;
  tdate: string;
  tdescription: string;
  tsourcepos:
    { sourceName: string; sourceLine: number }[] | { sourceName: string; sourceLine: number };
  tpostings: { paccount: string; pamount: JsonAmount[]; pdate?: string | null }[];
}

/**
 * A journal read with `hledger -f FILE print -O json` (exact decimals and each transaction's
 * line) and `hledger -f FILE prices` (its P directives); a `.csv` file with hledger's CSV rules
 * beside it (`FILE.rules`) is read through hledger the same way, any other `.csv` as the output
 * of `hledger print -O csv`. Transaction prices (`@`, `@@`) become each posting's cost. `at` is where the source is declared, for whole-source problems.
 */
export function hledgerSource(file: string, at: DeclaredAt = { file, line: 1 }): BooksSource {
  return {
    kind: 'hledger',
    file,
    async read() {
      if (!/\.csv$/i.test(file)) return readJournal(file, at);
      // hledger's own CSV setup: a bank export with its conversion rules beside it.
      const rules = `${file}.rules`;
      return (await checkReadable(rules, at))
        ? readHledgerCsv(file, at)
        : readJournal(file, at, rules);
    },
  };
}

async function readJournal(file: string, at: DeclaredAt, rulesFile?: string): Promise<BooksRead> {
  const missing = await checkReadable(file, at);
  if (missing) return { postings: [], prices: [], errors: [missing] };
  const input = ['-f', file, ...(rulesFile ? ['--rules-file', rulesFile] : [])];
  const printed = await runTool('hledger', [...input, 'print', '-O', 'json'], at);
  if ('error' in printed) return { postings: [], prices: [], errors: [printed.error] };
  if (printed.code !== 0)
    return { postings: [], prices: [], errors: toolErrors('hledger', printed.stderr, at) };
  // Mantissas as text: JSON numbers past 2^53 would lose digits.
  const json = printed.stdout.replace(/("decimalMantissa":\s*)(-?\d+)/g, '$1"$2"');
  const transactions = JSON.parse(json) as JsonTransaction[];
  const postings: Posting[] = [];
  const label = displayPath(file);
  for (const t of transactions) {
    const start = Array.isArray(t.tsourcepos) ? t.tsourcepos[0] : t.tsourcepos;
    const source = {
      file: start ? displayPath(start.sourceName) : label,
      line: start?.sourceLine ?? 1,
    };
    for (const p of t.tpostings) {
      for (const a of p.pamount) {
        const amount = decimalOf(a.aquantity);
        const cost = costOf(amount, a.aprice);
        postings.push({
          date: p.pdate ?? t.tdate,
          transaction: `${label}#${t.tindex}`,
          description: t.tdescription,
          account: p.paccount,
          amount,
          commodity: a.acommodity,
          ...(cost ? { cost } : {}),
          source,
        });
      }
    }
  }
  const priced = await runTool('hledger', [...input, 'prices'], at);
  if ('error' in priced) return { postings, prices: [], errors: [priced.error] };
  const errors: ConfigError[] = [];
  const prices = parsePriceDirectives(priced.stdout, { file: label, line: 1 }, errors);
  return { postings, prices, errors };
}

const decimalOf = (q: JsonQuantity): Decimal => ({
  units: BigInt(q.decimalMantissa),
  scale: q.decimalPlaces,
});

/** The posting's cost from its `@ unit` or `@@ total` price, signed as the amount. */
function costOf(
  amount: Decimal,
  price: JsonAmount['aprice'],
): { amount: Decimal; commodity: string } | undefined {
  if (!price) return undefined;
  const quantity = decimalOf(price.contents.aquantity);
  if (price.tag === 'UnitPrice')
    return { amount: multiply(amount, quantity), commodity: price.contents.acommodity };
  const total = quantity.units < 0n ? negate(quantity) : quantity;
  return {
    amount: amount.units < 0n ? negate(total) : total,
    commodity: price.contents.acommodity,
  };
}

/**
 * Lines `P 2014-01-02 GLD 84.50 USD` (or `P 2014-01-02 EUR $1.10`) as hledger's `prices` prints
 * them: the commodity, then one amount with its commodity on either side.
 */
function parsePriceDirectives(
  text: string,
  source: { file: string; line: number },
  errors: ConfigError[],
  numbered = false,
): Price[] {
  const prices: Price[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (!line.trim() || (numbered && /^\s*[;#*]/.test(line))) continue;
    if (numbered) source = { file: source.file, line: index + 1 };
    const match =
      /^P\s+(\d{4}-\d{2}-\d{2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s+("[^"]+"|\S+)\s+(.+?)\s*$/.exec(
        line,
      );
    const amount = match ? splitAmount(match[3]!) : undefined;
    if (!match || !amount) {
      errors.push({ ...source, message: `hledger prices: cannot read "${line.trim()}"` });
      continue;
    }
    prices.push({
      date: match[1]!,
      commodity: match[2]!.replace(/^"|"$/g, ''),
      price: amount.quantity,
      currency: amount.commodity,
      source,
    });
  }
  return prices;
}

/** `84.50 USD`, `$1.10`, `-3 "ACME Corp"`: the number and the commodity, on either side. */
function splitAmount(text: string): { quantity: Decimal; commodity: string } | undefined {
  const m =
    /^(-?)("[^"]+"|[^\d\s.,+-]+)\s*(-?[\d.,]+)$/.exec(text) ??
    /^(-?)([\d.,-]+)\s*("[^"]+"|[^\d\s.,+-]+)$/.exec(text);
  if (!m) return undefined;
  const leftCommodity = /\d/.test(m[3]!) && !/\d/.test(m[2]!);
  const number = leftCommodity ? m[3]! : m[2]!;
  const commodity = (leftCommodity ? m[2]! : m[3]!).replace(/^"|"$/g, '');
  const quantity = parseDecimal(`${m[1]}${number}`);
  return quantity ? { quantity, commodity } : undefined;
}

/** The CSV `hledger print -O csv` writes: one row per posting, `txnidx` groups a transaction. */
async function readHledgerCsv(file: string, at: DeclaredAt): Promise<BooksRead> {
  const text = await readText(file, at);
  if (typeof text !== 'string') return { postings: [], prices: [], errors: [text.error] };
  const label = displayPath(file);
  const errors: ConfigError[] = [];
  const postings: Posting[] = [];
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      columns: true,
      info: true,
      bom: true,
      skip_empty_lines: true,
    }) as never;
  } catch (error) {
    return {
      postings,
      prices: [],
      errors: [csvSyntaxError(label, error)],
    };
  }
  const required = ['txnidx', 'date', 'description', 'account', 'amount', 'commodity'];
  const header = records[0] ? Object.keys(records[0].record) : [];
  const missing = records.length ? required.filter((c) => !header.includes(c)) : [];
  if (missing.length)
    return {
      postings,
      prices: [],
      errors: [
        {
          file: label,
          line: 1,
          message: `not the CSV of \`hledger print -O csv\` (missing column(s) ${missing.join(', ')}), and no ${path.basename(file)}.rules beside it: write hledger's CSV rules for it there, or declare it as \`bank_csv:\` with boardroom's rules`,
        },
      ],
    };
  for (const { record, info } of records) {
    const line = info.lines;
    const amount = parseDecimal(record.amount!);
    if (!amount) {
      errors.push({
        file: label,
        line,
        field: 'amount',
        message: `"${record.amount}" is not a number`,
      });
      continue;
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(record.date!)) {
      errors.push({
        file: label,
        line,
        field: 'date',
        message: `"${record.date}" is not a date (YYYY-MM-DD)`,
      });
      continue;
    }
    postings.push({
      date: record.date!,
      transaction: `${label}#${record.txnidx}`,
      description: record.description!,
      account: record.account!,
      amount,
      commodity: record.commodity!,
      source: { file: label, line },
    });
  }
  const costed = withImpliedCosts(postings);
  // A committed print CSV carries no P directives: a prices file can sit next to it.
  const pricesFile = path.join(
    path.dirname(file),
    `${path.basename(file, path.extname(file))}.prices`,
  );
  const pricesText = await readText(pricesFile, at);
  const prices =
    typeof pricesText === 'string'
      ? parsePriceDirectives(pricesText, { file: displayPath(pricesFile), line: 1 }, errors, true)
      : [];
  return { postings: costed, prices, errors };
}

/**
 * `print -O csv` drops a posting's `@`/`@@` price, but the transaction still shows it: one that
 * moves exactly two commodities without netting each to zero exchanged one for the other. Each
 * posting gets its share of the other commodity's total as its cost (100 EUR against −110 USD:
 * the EUR costs 110 USD, the USD 100 EUR), whichever of the two is the portfolio's currency.
 */
function withImpliedCosts(postings: Posting[]): Posting[] {
  const byTransaction = new Map<TransactionId, Posting[]>();
  for (const p of postings) {
    const group = byTransaction.get(p.transaction) ?? [];
    group.push(p);
    byTransaction.set(p.transaction, group);
  }
  const costs = new Map<Posting, { amount: Decimal; commodity: string }>();
  for (const group of byTransaction.values()) {
    const sums = new Map<string, Decimal>();
    for (const p of group) sums.set(p.commodity, add(sums.get(p.commodity) ?? ZERO, p.amount));
    if (sums.size !== 2) continue;
    const [[a, sumA], [b, sumB]] = [...sums] as [[string, Decimal], [string, Decimal]];
    if (isZero(sumA) || isZero(sumB) || sumA.units < 0n === sumB.units < 0n) continue;
    for (const [commodity, own, other, otherSum] of [
      [a, sumA, b, sumB],
      [b, sumB, a, sumA],
    ] as const)
      for (const p of group.filter((q) => q.commodity === commodity)) {
        // A lone posting's cost is exact; shares of several are carried to 10 decimals.
        const amount =
          compare(p.amount, own) === 0
            ? negate(otherSum)
            : divide(multiply(p.amount, negate(otherSum)), own, 10);
        costs.set(p, { amount, commodity: other });
      }
  }
  return postings.map((p) => {
    const cost = costs.get(p);
    return cost ? { ...p, cost } : p;
  });
}

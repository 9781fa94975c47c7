import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  UnpricedTally,
  ZERO,
  accountChart,
  add,
  cachedIn,
  cashBalance,
  costClassifier,
  entityChart,
  entityName,
  isZero,
  journalFromLedgerRows,
  negate,
  nextDay,
  openingTransactions,
  ownerName,
  partitionPoint,
  previousDay,
  priceConverter,
  toMinorUnits
} from "./chunk-IRJFJL4L.js";
import {
  SectionFindings,
  addTo,
  count,
  ratio,
  round,
  sum
} from "./chunk-TNR3CQU3.js";
import {
  changeThresholdDefaults,
  sectionIds,
  thresholdDefaults
} from "./chunk-XU4MFCUY.js";
import {
  NO_DATA,
  addDays,
  addMonths,
  categoryChart,
  daysBetween,
  daysBetweenTimes,
  formatDays,
  formatMoney,
  formatNumber,
  formatPercent,
  formatQuantity,
  formatRunway,
  money,
  moneyRatio,
  monthName,
  monthOf,
  monthlyChart,
  previousAsOf,
  roundTo,
  shownMoney,
  shownQuantity,
  shownRatio,
  shownTenths,
  sumMoney,
  toCents,
  toUtc,
  trailingMonths,
  withFields
} from "./chunk-GGC72TJI.js";

// src/analysis/packed.ts
function mapPacked(items, fn) {
  const out = [];
  for (let i = 0; i < items.length; i++) out.push(fn(items[i], i));
  return out;
}

// src/analysis/entity-rows.ts
function entityRows(context, out, row, part = "") {
  const key = `${out.section}:${part}`;
  return mapPacked(context.entities, (entity) => {
    const computed = context.perEntity(key, entity, () => {
      const own = out.fork();
      return { row: row(entity, own), findings: own.findings, actions: own.actions };
    });
    out.addAll(computed);
    return computed.row;
  });
}

// src/analysis/books.ts
import path from "node:path";

// src/analysis/words.ts
function possessive(name) {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}
function agree(n, singular, plural) {
  return n === 1 ? singular : plural;
}
var collator = new Intl.Collator();
function compareText(a, b) {
  if (a === b) return 0;
  if (isIsoDay(a) && isIsoDay(b)) return a < b ? -1 : 1;
  return collator.compare(a, b);
}
function isIsoDay(text2) {
  if (text2.length !== 10 || text2.charCodeAt(4) !== 45 || text2.charCodeAt(7) !== 45) return false;
  for (let i = 0; i < 10; i += 1) {
    if (i === 4 || i === 7) continue;
    const code = text2.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

// src/analysis/books.ts
var derived = /* @__PURE__ */ new WeakMap();
function booksOf(entity, portfolio) {
  if (entity.journal) return entity.journal;
  const byPortfolio = cachedIn(
    derived,
    entity,
    () => /* @__PURE__ */ new Map()
  );
  return cachedIn(byPortfolio, portfolio, () => {
    const settings = portfolio?.settings ?? { chart_of_accounts: {}, currency: "USD" };
    return journalFromLedgerRows(
      path.join(portfolio?.dir ?? "reports-config", "data", entity.id, "ledger.csv"),
      entity.tables.ledger ?? [],
      settings.currency,
      entityChart(settings, entity.accounts)
    );
  });
}
var MIN_FLIPPED_POSTINGS = 3;
function bookChecks(journal, from, through) {
  const window = { from, to: nextDay(through) };
  const { chart, currency } = journal;
  const converter = priceConverter(journal.prices, currency);
  const tally = /* @__PURE__ */ new Map();
  const untyped = /* @__PURE__ */ new Map();
  const unpriced = new UnpricedTally();
  const foreignCash = /* @__PURE__ */ new Map();
  for (const p of journal.postings) {
    if (p.date >= window.to) continue;
    const info = chart.classify(p.account);
    if (info?.cash && p.commodity !== currency) {
      const cash = foreignCash.get(p.commodity);
      if (cash) {
        cash.amount = add(cash.amount, p.amount);
        cash.postings += 1;
      } else foreignCash.set(p.commodity, { amount: add(ZERO, p.amount), postings: 1 });
    }
    if (p.date < window.from) continue;
    const type = info?.type ?? null;
    if (type === null) {
      untyped.set(p.account, (untyped.get(p.account) ?? 0) + 1);
      continue;
    }
    if (type !== "income" && type !== "expense") continue;
    if (p.commodity !== currency && !converter.value(p))
      unpriced.add(type, p.commodity, p.amount, 1);
    const value = converter.convert(p.amount, p.commodity, p.date);
    if (!value) continue;
    const key = `${type}\0${type === "expense" ? p.category ?? p.account : p.account}`;
    const entry = tally.get(key) ?? {
      type,
      category: type === "expense" && p.category !== void 0,
      postings: 0,
      reducing: 0,
      total: ZERO
    };
    entry.postings += 1;
    if (type === "income" ? p.amount.units > 0n : p.amount.units < 0n) entry.reducing += 1;
    entry.total = add(entry.total, value);
    tally.set(key, entry);
  }
  const lastDay = previousDay(window.to);
  for (const [commodity, cash] of foreignCash) {
    if (isZero(cash.amount)) continue;
    if (!converter.convert(cash.amount, commodity, lastDay))
      unpriced.add("cash", commodity, cash.amount, cash.postings);
  }
  const candidates = [];
  for (const [key, t] of tally) {
    const cents = toMinorUnits(t.total);
    if (t.postings >= MIN_FLIPPED_POSTINGS && t.reducing * 2 > t.postings && (t.type === "income" ? cents > 0 : cents < 0))
      candidates.push({ account: key.split("\0")[1], ...t, cents });
  }
  const flipped = mapPacked(
    candidates.sort((a, b) => compareText(a.account, b.account)),
    (t) => ({
      account: t.account,
      type: t.type,
      category: t.category,
      postings: t.postings,
      reducing: t.reducing,
      amount: (t.type === "income" ? -t.cents : t.cents) / 100 + 0
    })
  );
  return {
    window,
    flipped,
    untyped: [...untyped].sort(([a], [b]) => a.localeCompare(b)).map(([account, postings]) => ({ account, postings })),
    unpriced: unpriced.list()
  };
}

// src/analysis/ledger.ts
function ledgerRows(entity, asOf) {
  const rows = entity.tables.ledger ?? [];
  return asOf === void 0 ? rows : rows.filter((row) => row.date <= asOf);
}
function monthTotals(entity, months, portfolio) {
  const index = monthIndex(booksOf(entity, portfolio));
  return months.map((month) => index.totals(month));
}
var monthIndexes = /* @__PURE__ */ new WeakMap();
function addTo2(map, key, amount) {
  map.set(key, add(map.get(key) ?? ZERO, amount));
}
function monthIndex(journal) {
  return cachedIn(monthIndexes, journal, indexMonths);
}
function indexMonths(journal) {
  const converter = priceConverter(journal.prices, journal.currency);
  const opening = openingTransactions(journal.postings, journal.chart);
  const buckets = /* @__PURE__ */ new Map();
  const transactions = /* @__PURE__ */ new Map();
  for (const p of journal.postings) {
    const month = monthOf(p.date);
    let bucket = buckets.get(month);
    if (!bucket) {
      bucket = {
        income: ZERO,
        expense: ZERO,
        categories: /* @__PURE__ */ new Map(),
        rows: 0,
        cash: /* @__PURE__ */ new Map(),
        openingCash: /* @__PURE__ */ new Map()
      };
      buckets.set(month, bucket);
    }
    let ids = transactions.get(month);
    if (!ids) transactions.set(month, ids = /* @__PURE__ */ new Set());
    ids.add(p.transaction);
    const info = journal.chart.classify(p.account);
    if (info?.cash) {
      addTo2(bucket.cash, p.commodity, p.amount);
      if (opening.has(p.transaction)) addTo2(bucket.openingCash, p.commodity, p.amount);
    }
    const type = info?.type ?? "";
    if (type !== "income" && type !== "expense") continue;
    const value2 = converter.value(p);
    if (value2 && type === "income") bucket.income = add(bucket.income, value2);
    if (type !== "expense") continue;
    if (value2) {
      bucket.expense = add(bucket.expense, value2);
      addTo2(bucket.categories, p.category ?? p.account, value2);
    }
  }
  for (const [month, ids] of transactions) buckets.get(month).rows = ids.size;
  const keys = [...buckets.keys()].sort();
  const before = [];
  let running = /* @__PURE__ */ new Map();
  for (const key of keys) {
    before.push(running);
    running = new Map(running);
    for (const [commodity, amount] of buckets.get(key).cash) addTo2(running, commodity, amount);
  }
  const cashBefore = (month) => {
    const first = partitionPoint(keys, (key) => key < month);
    if (first < keys.length) return before[first];
    return running;
  };
  const value = (balances, date) => {
    let total = ZERO;
    for (const [commodity, amount] of balances) {
      if (isZero(amount)) continue;
      const converted = converter.convert(amount, commodity, date);
      if (converted) total = add(total, converted);
    }
    return total;
  };
  const scale = 2;
  const unit = 10 ** scale;
  const minor = (d) => toMinorUnits(d, scale);
  const monthTotals2 = (month) => {
    const bucket = buckets.get(month);
    let cashChange = null;
    if (journal.hasCash) {
      const from = `${month}-01`;
      const to = `${addMonths(month, 1)}-01`;
      const start = new Map(cashBefore(month));
      const end = new Map(start);
      for (const [commodity, amount] of bucket?.openingCash ?? []) addTo2(start, commodity, amount);
      for (const [commodity, amount] of bucket?.cash ?? []) addTo2(end, commodity, amount);
      cashChange = (minor(value(end, previousDay(to))) - minor(value(start, previousDay(from)))) / unit;
    }
    return {
      month,
      income: minor(negate(bucket?.income ?? ZERO)) / unit,
      spending: minor(bucket?.expense ?? ZERO) / unit,
      spendingByCategory: new Map(
        [...bucket?.categories ?? []].sort(([a], [b]) => compareText(a, b)).map(([category, amount]) => [category, minor(amount) / unit])
      ),
      cashChange,
      rows: bucket?.rows ?? 0
    };
  };
  const done = /* @__PURE__ */ new Map();
  return { totals: (month) => cachedIn(done, month, monthTotals2) };
}
var PARTIAL_MONTH_DAYS = 7;
function partialMonths(entity, months, portfolio) {
  const journal = booksOf(entity, portfolio);
  if (journal.postings.length === 0 || months.length === 0) return [];
  const { first, last, months: allMonths, times } = postingDates(journal);
  const wanted = new Set(months);
  const dates = [];
  let monthsWithDates = 0;
  for (const month of [...wanted].sort()) {
    let index = partitionPoint(allMonths, (known) => known < month);
    if (index < allMonths.length && allMonths[index] === month) monthsWithDates += 1;
    for (; index < allMonths.length && allMonths[index] === month; index += 1) dates.push(index);
  }
  if (dates.length < 3 || monthsWithDates < 2) return [];
  let quiet = PARTIAL_MONTH_DAYS;
  for (let i = 1; i < dates.length; i += 1)
    quiet = Math.max(quiet, daysBetweenTimes(times[dates[i - 1]], times[dates[i]]));
  const partial = [];
  const start = monthOf(first);
  if (wanted.has(start) && daysBetween(`${start}-01`, first) > quiet)
    partial.push({ month: start, edge: "start", date: first });
  const end = monthOf(last);
  const lastDay = addDays(`${addMonths(end, 1)}-01`, -1);
  if (wanted.has(end) && daysBetween(last, lastDay) > quiet && !partial.some((p) => p.month === end))
    partial.push({ month: end, edge: "end", date: last });
  return partial;
}
var postingDatesOf = /* @__PURE__ */ new WeakMap();
function postingDates(journal) {
  return cachedIn(postingDatesOf, journal, gatherPostingDates);
}
function gatherPostingDates(journal) {
  const postings = journal.postings;
  let first = postings[0].date;
  let last = first;
  const distinct = /* @__PURE__ */ new Set();
  for (const p of postings) {
    if (p.date < first) first = p.date;
    if (p.date > last) last = p.date;
    distinct.add(p.date);
  }
  const dates = [...distinct].sort();
  const months = [];
  for (const date of dates) {
    const month = monthOf(date);
    const previous = months.at(-1);
    months.push(previous === month ? previous : month);
  }
  return { first, last, months, times: dates.map(toUtc) };
}

// src/analysis/entries.ts
var TYPE_CODES = {
  income: 1,
  expense: 2,
  asset: 3,
  liability: 4,
  equity: 5
};
var TYPES = (() => {
  const types = [void 0];
  for (const [type, code] of Object.entries(TYPE_CODES)) types[code] = type;
  return types;
})();
var CASH = 8;
var IMPLICIT = 16;
var cache = /* @__PURE__ */ new WeakMap();
function bookEntries(entity, portfolio) {
  const { postings, posting, amount, kind } = compactOf(booksOf(entity, portfolio));
  const entries = [];
  for (let i = 0; i < posting.length; i++) {
    const p = postings[posting[i]];
    const k = kind[i];
    entries.push({
      date: p.date,
      account: p.account,
      type: TYPES[k & 7],
      cash: (k & CASH) !== 0,
      category: (k & IMPLICIT) !== 0 ? void 0 : p.category,
      description: p.description,
      amount: amount[i],
      source: p.source,
      implicit: (k & IMPLICIT) !== 0
    });
  }
  return entries;
}
function forEachBookEntry(entity, portfolio, visit) {
  const { postings, posting, amount, kind } = compactOf(booksOf(entity, portfolio));
  for (let i = 0; i < posting.length; i++) {
    const p = postings[posting[i]];
    const k = kind[i];
    visit(p.date, p.account, TYPES[k & 7], amount[i], (k & IMPLICIT) !== 0);
  }
}
function compactOf(journal) {
  return cachedIn(cache, journal, compactEntries);
}
function compactEntries(journal) {
  const converter = priceConverter(journal.prices, journal.currency);
  const postings = journal.postings;
  const posting = new Int32Array(postings.length);
  const amount = new Float64Array(postings.length);
  const kind = new Uint8Array(postings.length);
  let count2 = 0;
  const seen = /* @__PURE__ */ new Set();
  for (let index = 0; index < postings.length; index++) {
    const p = postings[index];
    const implicit = p.category !== void 0 && seen.has(p.transaction);
    seen.add(p.transaction);
    const value = converter.convert(p.amount, p.commodity, p.date);
    if (!value) continue;
    const info = journal.chart.classify(p.account);
    posting[count2] = index;
    amount[count2] = toMinorUnits(value) / 100;
    kind[count2] = (info ? TYPE_CODES[info.type] : 0) | (info?.cash ? CASH : 0) | (implicit ? IMPLICIT : 0);
    count2++;
  }
  return {
    postings,
    posting: posting.slice(0, count2),
    amount: amount.slice(0, count2),
    kind: kind.slice(0, count2)
  };
}
function entryMatcher(names) {
  if (names.length === 0) return () => false;
  const chart = accountChart(
    names.map((pattern) => ({ pattern, type: "expense" })),
    { defaults: false }
  );
  return (entry) => entry.category !== void 0 && chart.classify(entry.category) !== void 0 || chart.classify(entry.account) !== void 0;
}

// src/analysis/accounting.ts
var revenueRecognitionSection = {
  id: "revenue_recognition",
  title: "Revenue recognition",
  owner: "accounting",
  analyze(context) {
    const out = new SectionFindings("revenue_recognition", "accounting", context.asOf);
    const entities = entityRows(context, out, (entity, out2) => {
      if (!entity.tables.bookings) return null;
      const deferred = entity.tables.bookings.filter(
        (row) => row.deposit > 0 && row.status !== "cancelled" && row.booked <= context.asOf && row.service_date > context.asOf
      );
      const amount = sumMoney(deferred.map((row) => row.deposit));
      const inIncome = entity.deposits_booked === "when_taken";
      if (shownMoney(amount) > 0) {
        const finding = {
          rule: "accounting.deferred-revenue",
          severity: "info",
          entity: entity.id,
          figures: {
            deferred_revenue: amount,
            bookings: deferred.length,
            deposits_booked: entity.deposits_booked
          }
        };
        if (inIncome)
          out2.add(
            {
              ...finding,
              title: `${entity.name} holds ${context.money(amount)} in deposits for future services, booked as income: deferred revenue until delivered`
            },
            `Move ${possessive(entity.name)} future-service deposits from income to deferred revenue`
          );
        else
          out2.add({
            ...finding,
            title: `${entity.name} holds ${context.money(amount)} in deposits for future services (deferred revenue; the ledger books income at service)`
          });
      }
      return {
        id: entity.id,
        name: entity.name,
        deferred_revenue: amount,
        in_income: inIncome,
        bookings: deferred.map((row) => ({
          booking_id: row.booking_id,
          service_date: row.service_date,
          deposit: row.deposit
        }))
      };
    }).filter((row) => row !== null);
    return {
      data: {
        entities,
        // No entity records bookings: unknown, not zero.
        total_deferred: entities.length === 0 ? null : sumMoney(entities.map((e) => e.deferred_revenue))
      },
      findings: out.findings,
      actions: out.actions
    };
  }
};
function accountTallies(context) {
  return mapPacked(
    context.entities,
    (entity) => context.perEntity("chart_of_accounts:tally", entity, () => {
      const tally = /* @__PURE__ */ new Map();
      forEachBookEntry(entity, context.portfolio, (date, code, type, amount, implicit) => {
        if (implicit || date > context.asOf) return;
        let account = tally.get(code);
        if (!account) {
          account = { code, rows: 0, amount: 0, type: type ?? null };
          tally.set(code, account);
        }
        account.rows += 1;
        account.amount -= toCents(amount);
      });
      return [...tally.values()];
    })
  );
}
var accountRanks = /* @__PURE__ */ new WeakMap();
function collationRanks(portfolio, codes) {
  const ranks = cachedIn(accountRanks, portfolio, () => /* @__PURE__ */ new Map());
  let fresh;
  for (const code of codes) if (!ranks.has(code)) (fresh ??= []).push(code);
  if (fresh) {
    const all = [...ranks.keys(), ...fresh].sort(compareText);
    let rank = 0;
    all.forEach((code, index) => {
      if (index > 0 && compareText(all[index - 1], code) !== 0) rank += 1;
      ranks.set(code, rank);
    });
  }
  return ranks;
}
var chartOfAccountsSection = {
  id: "chart_of_accounts",
  title: "Chart-of-accounts mapping",
  owner: "accounting",
  analyze(context) {
    const out = new SectionFindings("chart_of_accounts", "accounting", context.asOf);
    const chart = context.portfolio.settings.chart_of_accounts;
    const accounts = /* @__PURE__ */ new Map();
    const tallies = accountTallies(context);
    for (let index = 0; index < tallies.length; index += 1) {
      const name = context.entities[index].name;
      for (const own of tallies[index]) {
        let account = accounts.get(own.code);
        if (!account) {
          account = { rows: 0, amount: 0, entities: [], type: own.type, name: null };
          accounts.set(own.code, account);
        }
        account.rows += own.rows;
        account.amount += own.amount;
        if (!account.entities.includes(name)) account.entities.push(name);
      }
    }
    const order = collationRanks(context.portfolio, accounts.keys());
    const mapping = mapPacked(
      [...accounts.entries()].sort(([a], [b]) => order.get(a) - order.get(b)),
      ([code, account]) => ({
        code,
        // The chart of accounts' name where it lists the code; the type is the one the figures
        // use: the entity's chart (a code, a pattern, `accounts:`, or hledger's top-level names).
        name: chart[code]?.name ?? null,
        type: account.type,
        rows: account.rows,
        amount: account.amount / 100 + 0,
        entities: account.entities.sort().join(", "),
        // Typed, so in the figures: the chart's patterns count, not only its listed codes.
        mapped: account.type !== null
      })
    );
    for (const account of mapping.filter((a) => !a.mapped)) {
      out.add(
        {
          rule: "accounting.unmapped-account",
          severity: "warning",
          title: `Account ${account.code} is used in ${count(account.rows, "posting")} (${account.entities}) but is not in the chart of accounts`,
          entity: null,
          subject: account.code,
          figures: { account: account.code, rows: account.rows, amount: account.amount }
        },
        `Map account ${account.code} in the chart of accounts`
      );
    }
    return {
      data: { accounts: mapping, unmapped: mapping.filter((a) => !a.mapped).length },
      findings: out.findings,
      actions: out.actions
    };
  }
};
var expenseAuditSection = {
  id: "expense_audit",
  title: "Expense audit",
  owner: "accounting",
  analyze(context) {
    const out = new SectionFindings("expense_audit", "accounting", context.asOf);
    const limit = context.thresholds.receipt_required_above;
    const subscriptionCategories = context.portfolio.settings.cost_categories.subscriptions;
    const isSubscription = entryMatcher(subscriptionCategories);
    const entities = entityRows(context, out, (entity, out2) => {
      const entries = bookEntries(entity, context.portfolio).filter((e) => e.date <= context.asOf);
      const charges = entries.filter((e) => e.type === "expense" && !e.implicit && e.amount > 0);
      const groups = /* @__PURE__ */ new Map();
      for (const entry of charges)
        addTo(
          groups,
          `${entry.date}|${entry.account}|${toCents(entry.amount)}|${entry.description}`,
          entry
        );
      const duplicates = mapPacked(
        [...groups.values()].filter((same) => same.length > 1),
        (same) => ({
          date: same[0].date,
          account: same[0].account,
          amount: same[0].amount,
          memo: same[0].description,
          times: same.length,
          lines: same.map((e) => e.source.line).join(", ")
        })
      );
      const uncategorised = charges.filter(isUncategorised);
      const spending = ledgerRows(entity, context.asOf).filter((row) => row.amount < 0);
      const noReceipt = spending.filter((row) => -row.amount >= limit && !row.receipt);
      const subscriptions = recurringCharges(
        entries.filter((e) => e.type === "expense" && e.amount > 0 && isSubscription(e)),
        context.asOf
      );
      const name = entity.name;
      for (const dup of duplicates)
        out2.add(
          {
            rule: "accounting.duplicate-charge",
            severity: "warning",
            title: `${name}: ${dup.memo || "a charge"} of ${context.money(dup.amount)} on ${dup.date} is booked ${dup.times} times`,
            entity: entity.id,
            subject: `${dup.date}:${dup.account}:${dup.amount}:${slug(dup.memo)}`,
            figures: { amount: dup.amount, date: dup.date, times: dup.times, lines: dup.lines }
          },
          `Check the duplicate ${dup.memo} charge on ${dup.date} with the vendor (${name})`
        );
      if (uncategorised.length > 0)
        out2.add(
          {
            rule: "accounting.uncategorised",
            severity: "warning",
            title: `${name}: ${count(uncategorised.length, "charge")} without a category (${context.money(sumMoney(uncategorised.map((e) => e.amount)))})`,
            entity: entity.id,
            figures: {
              rows: uncategorised.length,
              amount: sumMoney(uncategorised.map((e) => e.amount))
            }
          },
          `Categorise ${name}'s uncategorised spending`
        );
      if (noReceipt.length > 0)
        out2.add(
          {
            rule: "accounting.missing-receipts",
            severity: "warning",
            title: `${name}: ${count(noReceipt.length, "charge")} of ${context.money(limit)} or more ${noReceipt.length === 1 ? "has" : "have"} no receipt`,
            entity: entity.id,
            figures: {
              rows: noReceipt.length,
              amount: -sumMoney(noReceipt.map((r) => r.amount)),
              threshold: limit
            }
          },
          `Collect the missing receipts for ${name}`
        );
      return {
        id: entity.id,
        name,
        duplicates,
        uncategorised: uncategorised.map((e) => ({
          date: e.date,
          amount: e.amount,
          memo: e.description
        })),
        missing_receipts: noReceipt.map((r) => ({
          date: r.date,
          amount: -r.amount,
          memo: r.memo ?? ""
        })),
        subscriptions,
        // No ledger at all: unknown, not zero.
        subscriptions_monthly: entity.tables.ledger === void 0 && entries.length === 0 ? null : sumMoney(subscriptions.map((s) => s.monthly))
      };
    });
    return {
      data: {
        entities,
        receipt_threshold: limit,
        subscription_categories: [...subscriptionCategories]
      },
      findings: out.findings,
      actions: out.actions
    };
  }
};
function isUncategorised(entry) {
  const name = entry.category ?? entry.account.split(":").at(-1);
  return /^(|uncategori[sz]ed|unknown|unclassified)$/i.test(name.trim());
}
var CADENCES = [
  { name: "monthly", months: 1, days: [25, 35], minCharges: 3 },
  { name: "quarterly", months: 3, days: [80, 100], minCharges: 2 },
  { name: "annual", months: 12, days: [350, 380], minCharges: 2 }
];
var AMOUNT_TOLERANCE = 0.25;
var MONTH_WORDS = /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)\b/g;
function payeeOf(entry) {
  const payee = entry.description.split(" | ")[0].toLowerCase().replace(/\S*\d\S*/g, " ").replace(MONTH_WORDS, " ").replace(/[^\p{L}]+/gu, " ").trim();
  return payee || (entry.category ?? entry.account);
}
function recurringCharges(charges, asOf) {
  const byPayee = /* @__PURE__ */ new Map();
  for (const charge of charges) addTo(byPayee, payeeOf(charge), charge);
  const found = [];
  for (const entries of byPayee.values()) {
    const byDate = /* @__PURE__ */ new Map();
    for (const entry of entries) {
      const bill = byDate.get(entry.date);
      byDate.set(entry.date, {
        cents: (bill?.cents ?? 0) + toCents(entry.amount),
        memo: bill?.memo ?? entry.description
      });
    }
    const cents = [];
    for (const bill of byDate.values()) cents.push(bill.cents);
    const median = medianOf(cents);
    const bills = [...byDate.entries()].filter(([, bill]) => Math.abs(bill.cents - median) <= AMOUNT_TOLERANCE * median).sort(([a], [b]) => compareText(a, b));
    if (bills.length === 0) continue;
    const dates = mapPacked(bills, ([date]) => date);
    const [last, latest] = bills.at(-1);
    const cadence = CADENCES.find((c) => {
      let run = 1;
      for (let i = dates.length - 1; i > 0; i -= 1) {
        const gap = daysBetween(dates[i - 1], dates[i]);
        if (gap < c.days[0] || gap > c.days[1]) break;
        run += 1;
      }
      return run >= c.minCharges;
    });
    if (!cadence || monthOf(asOf) > addMonths(monthOf(last), cadence.months)) continue;
    const amount = latest.cents / 100;
    found.push({
      memo: latest.memo,
      amount,
      cadence: cadence.name,
      monthly: money(amount / cadence.months),
      last
    });
  }
  return found;
}
function medianOf(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
var profitabilitySection = {
  id: "profitability",
  title: "Profitability by entity",
  owner: "accounting",
  analyze(context) {
    const out = new SectionFindings("profitability", "accounting", context.asOf);
    const months = trailingMonths(context.asOf, 3);
    const entities = entityRows(context, out, (entity, out2) => {
      const metrics = context.finance(entity);
      const monthsWithData = months.filter(
        (month) => !metrics.missing_months.includes(month) && !metrics.partial_months.some((p) => p.month === month)
      );
      const deposits = entity.deposits_booked === "when_taken" && monthsWithData.length > 0 ? depositTiming(entity.tables.bookings ?? [], monthsWithData) : { deferred: 0, released: 0 };
      const revenue = metrics.revenue_monthly === null ? null : money(
        metrics.revenue_monthly + money(money(deposits.released - deposits.deferred) / monthsWithData.length)
      );
      const costs = metrics.gross_burn_monthly;
      const profit = revenue === null || costs === null ? null : money(revenue - costs);
      const margin = profit === null || revenue === null ? null : moneyRatio(profit, revenue);
      if (profit !== null && shownMoney(profit) < 0)
        out2.add({
          rule: "accounting.loss-making",
          severity: "warning",
          title: `${entity.name} loses ${context.money(-profit)} a month`,
          entity: entity.id,
          figures: { revenue_monthly: revenue, costs_monthly: costs, profit_monthly: profit }
        });
      return {
        id: entity.id,
        name: entity.name,
        cash_revenue_monthly: metrics.revenue_monthly,
        deposits_deferred: deposits.deferred,
        deposits_released: deposits.released,
        revenue_monthly: revenue,
        costs_monthly: costs,
        profit_monthly: profit,
        margin: margin === null ? null : round(margin, 4)
      };
    });
    return {
      data: { months: months.map(monthName), entities },
      findings: out.findings,
      actions: out.actions
    };
  }
};
function depositTiming(bookings, months) {
  const within = new Set(months);
  let deferred = 0;
  let released = 0;
  for (const booking of bookings) {
    if (booking.deposit <= 0 || booking.status === "cancelled") continue;
    const taken = monthOf(booking.booked);
    const served = monthOf(booking.service_date);
    if (taken >= served) continue;
    if (within.has(taken) && !within.has(served)) deferred += toCents(booking.deposit);
    if (!within.has(taken) && within.has(served)) released += toCents(booking.deposit);
  }
  return { deferred: deferred / 100, released: released / 100 };
}
var accountingSections = [
  revenueRecognitionSection,
  chartOfAccountsSection,
  expenseAuditSection,
  profitabilitySection
];
function slug(text2) {
  return text2.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

// src/analysis/as-of.ts
var KNOWN_FROM = {
  ledger: "date",
  bookings: "booked",
  channel_spend: "month",
  deliveries: "quoted",
  invoices: "issued",
  timesheets: "date",
  clients: "acquired",
  maintenance: "opened"
};
var LATER_STEPS = {
  deliveries: ["accepted", "departed", "delivered", "invoiced"],
  invoices: ["paid"],
  maintenance: ["closed"]
};
var BEFORE_STEP = {
  maintenance: (row) => row.closed === void 0 ? withFields(row, { status: "open" }) : row
};
function portfolioAsOf(portfolio, asOf) {
  let changed = false;
  const entities = portfolio.entities.map((entity) => {
    const seen = entityAsOf(entity, asOf);
    if (seen !== entity) changed = true;
    return seen;
  });
  return changed ? withFields(portfolio, { entities }) : portfolio;
}
var knownOn = /* @__PURE__ */ new WeakMap();
function entityAsOf(entity, asOf) {
  const byDate = cachedIn(knownOn, entity, () => /* @__PURE__ */ new Map());
  return cachedIn(byDate, asOf, () => {
    const seen = filterAsOf(entity, asOf);
    if (seen !== entity) knownOn.set(seen, /* @__PURE__ */ new Map([[asOf, seen]]));
    return seen;
  });
}
function filterAsOf(entity, asOf) {
  let changed = false;
  const tables = {};
  for (const [name, rows] of Object.entries(entity.tables)) {
    const seen = rows && tableAsOf(name, rows, asOf);
    if (seen !== rows) changed = true;
    tables[name] = seen;
  }
  return changed ? withFields(entity, { tables }) : entity;
}
function tableAsOf(name, rows, asOf) {
  const known = KNOWN_FROM[name];
  const steps = LATER_STEPS[name] ?? [];
  const before = BEFORE_STEP[name];
  const limit = name === "channel_spend" ? monthOf(asOf) : asOf;
  let changed = false;
  const kept = [];
  for (const row of rows) {
    const fields = row;
    if (known && fields[known] !== void 0 && fields[known] > limit) {
      changed = true;
      continue;
    }
    const later = steps.filter((step) => fields[step] !== void 0 && fields[step] > asOf);
    if (later.length === 0) {
      kept.push(row);
      continue;
    }
    changed = true;
    const emptied = { ...row };
    for (const step of later) emptied[step] = void 0;
    kept.push(before ? before(emptied) : emptied);
  }
  return changed ? kept : rows;
}

// src/analysis/book-release.ts
var BOOK_FIELDS = ["tables", "journal"];
var BooksReleasedError = class extends Error {
  constructor(entity, field) {
    super(
      `entity "${entity}": its ${field} were read after its books were released (an analysis read books outside Analyzer.perEntity, or for a section no report shows it in)`
    );
    this.name = "BooksReleasedError";
  }
};
function releaseBooks(entity) {
  const id = entity.id;
  for (const field of BOOK_FIELDS)
    Object.defineProperty(entity, field, {
      get() {
        throw new BooksReleasedError(id, field);
      },
      enumerable: false,
      configurable: true
    });
}
function booksReleased(entity) {
  return Object.getOwnPropertyDescriptor(entity, "journal")?.get !== void 0;
}
function sectionsShown(reports, asOf, entitiesOf, sectionsOf) {
  const shown2 = /* @__PURE__ */ new Map();
  for (const report of reports) {
    const sections = sectionsOf(report);
    const dates = [asOf, previousAsOf(report.cadence, asOf)];
    for (const entity of entitiesOf(report)) {
      const byDate = cachedIn(shown2, entity.id, () => /* @__PURE__ */ new Map());
      for (const date of dates) {
        const ids = cachedIn(byDate, date, () => /* @__PURE__ */ new Set());
        for (const id of sections) ids.add(id);
      }
    }
  }
  return shown2;
}

// src/analysis/changes.ts
var list = (value) => Array.isArray(value) ? value : [];
var num = (value) => typeof value === "number" && Number.isFinite(value) ? value : null;
var text = (value) => typeof value === "string" ? value : "";
function figure(entity, key, label, unit, better, value, extra = {}) {
  const { subject, ...rest } = extra;
  const id = text(entity.id);
  return {
    key,
    id: `${id}:${key}${subject ? `:${subject}` : ""}`,
    label,
    entity: id,
    entity_name: text(entity.name),
    unit,
    better,
    value: num(value),
    typed: false,
    quantity_unit: null,
    ...rest
  };
}
var HEADLINES = {
  burn: {
    rows: (data) => list(data.entities),
    figures: (e) => [
      figure(e, "revenue_monthly", "Revenue / mo", "money", "higher", e.revenue_monthly),
      figure(e, "gross_burn_monthly", "Gross burn / mo", "money", "lower", e.gross_burn_monthly),
      figure(e, "net_burn_monthly", "Net burn / mo", "money", "lower", e.net_burn_monthly),
      figure(e, "cash_on_hand", "Cash on hand", "money", "higher", e.cash_on_hand),
      figure(e, "runway_months", "Runway", "months", "higher", e.runway_months, {
        ...e.burning === false ? { empty: "not burning" } : {}
      })
    ]
  },
  break_even: {
    rows: (data) => list(data.entities),
    figures: (e) => [
      figure(e, "break_even_gap_monthly", "Break-even gap / mo", "money", "higher", e.gap_monthly)
    ]
  },
  property: {
    rows: (data) => list(data.properties),
    figures: (p) => [
      figure(p, "noi_monthly", "NOI / mo", "money", "higher", p.noi_monthly),
      figure(p, "occupancy", "Occupancy", "percent", "higher", p.occupancy)
    ]
  },
  client_billing: {
    rows: (data) => list(data.portfolios),
    figures: (p) => [
      figure(
        p,
        "ar_overdue",
        "AR overdue",
        "money",
        "lower",
        list(p.open_invoices).filter((invoice) => (num(invoice.days_past_due) ?? 0) > 0).reduce((cents, invoice) => cents + Math.round((num(invoice.amount) ?? 0) * 100), 0) / 100
      ),
      figure(p, "cac", "CAC (per client)", "money", "lower", p.acquisition_cost)
    ]
  },
  channel_attribution: {
    rows: (data) => list(data.entities),
    figures: (e) => list(e.channels).filter((c) => num(c.cac) !== null || num(c.roas) !== null).flatMap((c) => [
      figure(e, "cac", `CAC: ${text(c.name)}`, "money", "lower", c.cac, {
        subject: text(c.id)
      }),
      figure(e, "roas", `ROAS: ${text(c.name)}`, "ratio", "higher", c.roas, {
        subject: text(c.id)
      })
    ])
  },
  missing_kpis: {
    rows: (data) => list(data.entities),
    figures: (e, portfolio) => {
      const declared = portfolio.entities.find((entity) => entity.id === e.id)?.kpis ?? [];
      return list(e.reported).map(
        (k) => figure(e, "kpi", text(k.name), "count", kpiBetter(declared, text(k.id)), k.actual, {
          subject: text(k.id),
          typed: true,
          ...typeof k.unit === "string" ? { quantity_unit: k.unit } : {}
        })
      );
    }
  }
};
function rowFigures(section, headlines, row, portfolio) {
  return mapPacked(headlines.figures(row, portfolio), (item) => withFields(item, { section }));
}
function kpiBetter(declared, id) {
  return declared.find((k) => k.id === id)?.better ?? "higher";
}
function headlineFigures(sections, portfolio, memo) {
  const seen = /* @__PURE__ */ new Map();
  const remembered = memo?.portfolio === portfolio ? memo : void 0;
  for (const section of sections) {
    const headlines = HEADLINES[section.id];
    if (!headlines) continue;
    for (const row of headlines.rows(section.data)) {
      const items = remembered ? remembered.rowFigures(section.id, headlines, row) : rowFigures(section.id, headlines, row, portfolio);
      for (const item of items) if (!seen.has(item.id)) seen.set(item.id, item);
    }
  }
  return [...seen.values()];
}
function shownFindings(sections) {
  const shown2 = /* @__PURE__ */ new Map();
  const add2 = (findings) => {
    for (const finding of findings) if (!shown2.has(finding.id)) shown2.set(finding.id, finding);
  };
  for (const section of sections) {
    add2(section.findings);
    if (section.gathered?.findings) add2(section.gathered.findings);
  }
  return shown2;
}
function shown(item, value, currency) {
  switch (item.unit) {
    case "money":
      return shownMoney(value);
    case "percent":
      return shownRatio(value);
    case "months":
      return shownTenths(value);
    case "ratio":
      return roundTo(value, 2);
    case "count":
      return shownQuantity(value, item.quantity_unit, currency);
  }
}
function formatValue(item, value, currency, empty) {
  if (value === null) return empty ?? NO_DATA;
  switch (item.unit) {
    case "money":
      return formatMoney(value, currency);
    case "percent":
      return formatPercent(value);
    case "months":
      return `${shownTenths(value).toFixed(1)} months`;
    case "ratio":
      return formatNumber(value, 2);
    case "count":
      return formatQuantity(value, item.quantity_unit, currency);
  }
}
var MINUS = "-";
function formatChange(item, change, currency) {
  if (change === 0) return "=";
  const sign = change > 0 ? "+" : MINUS;
  const size = Math.abs(change);
  switch (item.unit) {
    case "percent":
      return `${sign}${formatNumber(size * 100, 1)} pts`;
    case "months":
      return `${sign}${shownTenths(size).toFixed(1)} months`;
    default:
      return `${sign}${formatValue(item, size, currency)}`;
  }
}
function compareFigure(now, before, thresholds, currency) {
  const { value: currentValue, empty } = now;
  const previousValue = now.typed ? currentValue : before?.value ?? null;
  const threshold = thresholds[now.key] ?? thresholds.default;
  const previousText = formatValue(now, previousValue, currency, before?.empty ?? empty);
  if (currentValue === null || previousValue === null) {
    return withFigure(now, {
      current: currentValue,
      previous: previousValue,
      threshold,
      change: null,
      change_ratio: null,
      arrow: "",
      good: null,
      past_threshold: false,
      text: {
        current: formatValue(now, currentValue, currency, empty),
        previous: previousText,
        change: "",
        change_percent: ""
      }
    });
  }
  const nowShown = shown(now, currentValue, currency);
  const beforeShown = shown(now, previousValue, currency);
  const change = roundTo(nowShown - beforeShown, 4);
  const changeRatio = beforeShown === 0 ? null : roundTo(change / Math.abs(beforeShown), 4);
  const moved = change !== 0 && (changeRatio === null || Math.abs(changeRatio) >= threshold - 1e-9);
  const up = change > 0;
  return withFigure(now, {
    current: currentValue,
    previous: previousValue,
    threshold,
    change,
    change_ratio: changeRatio,
    arrow: change === 0 ? "=" : up ? "\u25B2" : "\u25BC",
    good: change === 0 ? null : up === (now.better === "higher"),
    past_threshold: !now.typed && moved,
    text: {
      current: formatValue(now, currentValue, currency, empty),
      previous: previousText,
      change: formatChange(now, change, currency),
      change_percent: changeRatio === null || change === 0 ? "" : `${changeRatio > 0 ? "+" : MINUS}${formatPercent(Math.abs(changeRatio))}`
    }
  });
}
function withFigure(now, comparison) {
  const result = {};
  for (const key in now)
    if (key !== "value" && key !== "empty") result[key] = now[key];
  for (const key in comparison) result[key] = comparison[key];
  return result;
}
var asListed = (finding) => ({
  id: finding.id,
  severity: finding.severity,
  title: finding.title,
  entity: finding.entity
});
var SEVERITY_ORDER = { critical: 0, warning: 1, info: 2 };
var bySeverity = (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
var FigureMemo = class {
  /**
   * @param portfolio the portfolio the figures are read with (the one reportChanges is given)
   * @param changeThresholds portfolio.yml's `change_thresholds`, the very object reportChanges is
   *   given as `thresholds` (the memo is used only for that one)
   */
  constructor(portfolio, changeThresholds) {
    this.portfolio = portfolio;
    this.changeThresholds = changeThresholds;
    this.thresholds = { ...changeThresholdDefaults, ...changeThresholds };
  }
  portfolio;
  changeThresholds;
  figures = /* @__PURE__ */ new Map();
  compared = /* @__PURE__ */ new WeakMap();
  /** The change thresholds over their defaults, as reportChanges makes them. */
  thresholds;
  /** `row`'s headline figures in section `section` (made on first use). */
  rowFigures(section, headlines, row) {
    const byRow = cachedIn(this.figures, section, () => /* @__PURE__ */ new WeakMap());
    return cachedIn(byRow, row, () => rowFigures(section, headlines, row, this.portfolio));
  }
  /** compareFigure(now, before) with this memo's thresholds and currency, made once per pair. */
  compare(now, before) {
    const done = this.compared.get(now);
    if (done && done.before === before) return done.change;
    const change = compareFigure(now, before, this.thresholds, this.portfolio.settings.currency);
    this.compared.set(now, { before, change });
    return change;
  }
};
function reportChanges(input) {
  const { portfolio } = input;
  const memo = input.memo?.portfolio === portfolio && input.memo.changeThresholds === input.thresholds ? input.memo : void 0;
  const thresholds = memo?.thresholds ?? { ...changeThresholdDefaults, ...input.thresholds };
  const currency = portfolio.settings.currency;
  const now = shownFindings(input.current);
  const before = shownFindings(input.previous);
  const opened = mapPacked(
    [...now.values()].filter((f) => !before.has(f.id)),
    asListed
  );
  const resolved = mapPacked(
    [...before.values()].filter((f) => !now.has(f.id)),
    asListed
  );
  const persisting = [...now.keys()].filter((id) => before.has(id)).length;
  const previousFigures = new Map(
    headlineFigures(input.previous, portfolio, memo).map((item) => [item.id, item])
  );
  const entities = /* @__PURE__ */ new Map();
  for (const item of headlineFigures(input.current, portfolio, memo)) {
    const entity = cachedIn(entities, item.entity, (id) => ({
      id,
      name: item.entity_name,
      figures: []
    }));
    const before2 = previousFigures.get(item.id);
    entity.figures.push(
      memo ? memo.compare(item, before2) : compareFigure(item, before2, thresholds, currency)
    );
  }
  const grouped = [...entities.values()];
  const sections = {};
  for (const section of input.current) sections[section.id] = [];
  const moved = [];
  for (const entity of grouped)
    for (const item of entity.figures) {
      (sections[item.section] ??= []).push(item);
      if (item.past_threshold) moved.push(item);
    }
  return {
    as_of: input.asOf,
    previous_as_of: input.previousAsOf,
    opened: opened.sort(bySeverity),
    resolved: resolved.sort(bySeverity),
    persisting,
    moved,
    entities: grouped,
    sections,
    changed: opened.length > 0 || resolved.length > 0 || moved.length > 0
  };
}

// src/analysis/portfolio-runway.ts
function leftOutOfRunway(rows) {
  return rows.flatMap(
    (row) => row.net_burn_monthly === null ? [{ id: row.id, name: row.name, cash_on_hand: row.cash_on_hand, reason: "no burn" }] : row.cash_on_hand === null ? [{ id: row.id, name: row.name, cash_on_hand: null, reason: "no cash" }] : []
  );
}
function portfolioRunway(rows) {
  const counted = rows.filter((row) => runwayBurn(row) !== null && row.cash_on_hand !== null);
  const totalCash = sumMoney(mapPacked(counted, (row) => row.cash_on_hand));
  const totalBurn = sumMoney(mapPacked(counted, (row) => runwayBurn(row)));
  const totalBurning = shownMoney(totalBurn) > 0;
  return {
    cash_on_hand: counted.length ? totalCash : null,
    runway_burn_monthly: counted.length ? totalBurn : null,
    runway_months: counted.length && totalBurning ? runwayMonths(totalCash, totalBurn) : null,
    no_cash: counted.length > 0 && totalBurning && shownMoney(totalCash) <= 0,
    burning: counted.length ? totalBurning : null
  };
}

// src/analysis/trend-chart.ts
var TREND_MONTHS = 12;
function revenueSpendingChart(entity, portfolio, asOf) {
  const months = trailingMonths(asOf, TREND_MONTHS);
  const totals = monthTotals(entity, months, portfolio);
  const unit = { kind: "money", currency: booksOf(entity, portfolio).currency };
  const partial = new Set(partialMonths(entity, months, portfolio).map((p) => p.month));
  const known = (pick) => totals.map((m) => m.rows > 0 && !partial.has(m.month) ? pick(m) : null);
  return monthlyChart({
    title: `${entity.name}: revenue and spending by month`,
    months,
    series: [
      { name: "Revenue", unit, mark: "bar", values: known((m) => m.income) },
      { name: "Spending", unit, mark: "bar", values: known((m) => m.spending) }
    ]
  });
}

// src/analysis/charts-cash.ts
var NO_CASH = {
  cash_on_hand: null,
  runway_months: null,
  runway_basis: null,
  cash_burn_monthly: null,
  net_burn_monthly: null
};
var MIN_CASH_POINTS = 2;
function cashMonths(asOf) {
  const current = monthOf(asOf);
  return Array.from({ length: TREND_MONTHS }, (_, i) => addMonths(current, i + 1 - TREND_MONTHS));
}
function firstOfMonthFinance(entity, portfolio, asOf, maxCashAgeDays) {
  const months = cashMonths(asOf);
  const journal = booksOf(entity, portfolio);
  const booksFrom = journal.hasCash ? journal.postings[0]?.date : void 0;
  const typedOn = entity.cash_on_hand?.as_of;
  const points = months.map((month) => {
    const day = `${month}-01`;
    if (!(booksFrom !== void 0 && booksFrom <= day) && !(typedOn !== void 0 && typedOn <= day))
      return NO_CASH;
    const m = dayFinanceMetrics(entity, portfolio, day, { max_cash_age_days: maxCashAgeDays });
    return {
      cash_on_hand: m.cash_on_hand,
      runway_months: m.runway_months,
      runway_basis: m.runway_basis,
      cash_burn_monthly: m.cash_burn_monthly,
      net_burn_monthly: m.net_burn_monthly
    };
  });
  return { months, points };
}
function entityCashRunway(entity, portfolio, asOf, maxCashAgeDays) {
  const { months, points } = firstOfMonthFinance(entity, portfolio, asOf, maxCashAgeDays);
  const books = booksOf(entity, portfolio);
  const chart = books.hasCash ? cashRunwayChart(
    `${entity.name}: cash and runway on the 1st of each month`,
    months,
    points,
    books.currency
  ) : null;
  return { points, chart };
}
function cashRunwayChart(title, months, points, currency) {
  if (points.filter((p) => p.cash_on_hand !== null).length < MIN_CASH_POINTS) return null;
  return monthlyChart({
    title,
    months,
    series: [
      {
        name: "Cash on hand",
        unit: { kind: "money", currency },
        mark: "bar",
        values: points.map((p) => p.cash_on_hand)
      },
      {
        name: "Runway",
        unit: { kind: "months" },
        mark: "line",
        values: points.map((p) => p.runway_months)
      }
    ]
  });
}
function portfolioCashRunwayChart(asOf, byEntity, currency) {
  const months = cashMonths(asOf);
  const points = mapPacked(months, (_, i) => {
    const total = portfolioRunway(mapPacked(byEntity, (points2) => points2[i]));
    return { cash_on_hand: total.cash_on_hand, runway_months: total.runway_months };
  });
  return cashRunwayChart(
    "Portfolio: cash and runway on the 1st of each month",
    months,
    points,
    currency
  );
}

// src/analysis/finance.ts
function runwayBurn(metrics) {
  return metrics.runway_basis === "cash" ? metrics.cash_burn_monthly : metrics.net_burn_monthly;
}
function cashOnHand(entity, portfolio, asOf, maxAgeDays) {
  const journal = booksOf(entity, portfolio);
  const typed = entity.cash_on_hand;
  const override = typed ? {
    amount: money(typed.amount),
    as_of: typed.as_of,
    age_days: daysBetween(typed.as_of, asOf),
    problem: null
  } : null;
  const problem = override === null ? null : override.age_days < 0 ? "future" : override.age_days > maxAgeDays ? "stale" : null;
  const cash_override = override && withFields(override, { problem });
  if (cash_override && (problem === null || problem === "stale" && !journal.hasCash))
    return {
      cash_on_hand: cash_override.amount,
      cash_as_of: cash_override.as_of,
      cash_source: "override",
      cash_override
    };
  if (journal.hasCash && journal.postings[0].date <= asOf) {
    const { balance } = cashBalance(journal.postings, journal.prices, journal.chart, asOf, {
      currency: journal.currency
    });
    return { cash_on_hand: balance / 100, cash_as_of: asOf, cash_source: "books", cash_override };
  }
  return { cash_on_hand: null, cash_as_of: null, cash_source: null, cash_override };
}
function financeMetrics(entity, portfolio, asOf, limits = {
  max_cash_age_days: portfolio.settings.thresholds.max_cash_age_days ?? thresholdDefaults.max_cash_age_days
}) {
  return financeFigures(entity, portfolio, asOf, limits, true);
}
function dayFinanceMetrics(entity, portfolio, day, limits) {
  return financeFigures(entity, portfolio, day, limits, false);
}
var costClasses = /* @__PURE__ */ new WeakMap();
function costClassesOf(categories) {
  return cachedIn(costClasses, categories, costClassifier);
}
function financeFigures(entity, portfolio, asOf, limits, withChecks) {
  const months = trailingMonths(asOf, 3);
  const totals = monthTotals(entity, months, portfolio);
  const partial = partialMonths(entity, months, portfolio);
  const withData = totals.filter(
    (month) => month.rows > 0 && !partial.some((p) => p.month === month.month)
  );
  const missing = totals.filter((month) => month.rows === 0).map((month) => month.month);
  const base = {
    months,
    missing_months: missing,
    partial_months: partial,
    // In this place, so that the figures' keys keep their order in the report's JSON.
    ...withChecks ? {
      checks: bookChecks(
        booksOf(entity, portfolio),
        `${months[0]}-01`,
        addDays(`${addMonths(months.at(-1), 1)}-01`, -1)
      )
    } : {},
    no_cash: false,
    ...cashOnHand(entity, portfolio, asOf, limits.max_cash_age_days)
  };
  if (withData.length === 0) {
    return {
      ...base,
      revenue_monthly: null,
      gross_burn_monthly: null,
      net_burn_monthly: null,
      cash_burn_monthly: null,
      runway_basis: null,
      runway_months: null,
      burning: null,
      fixed_costs_monthly: null,
      variable_costs_monthly: null,
      unclassified_costs_monthly: null,
      unclassified_categories: [],
      contribution_margin_ratio: null,
      break_even_revenue_monthly: null
    };
  }
  const average = (pick) => money(sumMoney(withData.map(pick)) / withData.length);
  const classes = costClassesOf(portfolio.settings.cost_categories);
  const categories = [...new Set(withData.flatMap((m) => [...m.spendingByCategory.keys()]))];
  const classAverage = (wanted) => average(
    (month) => sumMoney(
      mapPacked(
        [...month.spendingByCategory].filter(
          ([category]) => classes.classOf(category) === wanted
        ),
        ([, amount]) => amount
      )
    )
  );
  const revenue = average((month) => month.income);
  const grossBurn = average((month) => month.spending);
  const netBurn = money(grossBurn - revenue);
  const hasCash = withData.every((month) => month.cashChange !== null);
  const cashBurn = hasCash ? average((month) => -month.cashChange) : null;
  const basis = cashBurn === null ? "operating" : "cash";
  const burn = cashBurn ?? netBurn;
  const fixed = classAverage("fixed");
  const variable = classAverage("variable");
  const unclassified = categories.filter((category) => classes.classOf(category) === void 0).map((category) => ({
    category,
    monthly: average((month) => month.spendingByCategory.get(category) ?? 0)
  })).filter((c) => toCents(c.monthly) !== 0);
  const contribution = money(revenue - variable);
  const marginRatio = revenue > 0 ? moneyRatio(contribution, revenue) : null;
  const burning = shownMoney(burn) > 0;
  return {
    ...base,
    revenue_monthly: revenue,
    gross_burn_monthly: grossBurn,
    net_burn_monthly: netBurn,
    cash_burn_monthly: cashBurn,
    runway_basis: basis,
    runway_months: burning ? runwayMonths(base.cash_on_hand, burn) : null,
    no_cash: burning && base.cash_on_hand !== null && shownMoney(base.cash_on_hand) <= 0,
    burning,
    fixed_costs_monthly: fixed,
    variable_costs_monthly: variable,
    // What gross burn leaves after fixed and variable, as they stand: the three add up to gross
    // burn to the cent (each category's own average, rounded apart, can sum a cent or two off).
    unclassified_costs_monthly: unclassified.length > 0 ? money(grossBurn - fixed - variable) : 0,
    unclassified_categories: unclassified,
    contribution_margin_ratio: marginRatio === null ? null : round(marginRatio, 4),
    // fixed / (contribution / revenue), without rounding the ratio first; none while the margin
    // reads 0.0% or less.
    break_even_revenue_monthly: marginRatio !== null && shownRatio(marginRatio) > 0 ? money(fixed * revenue / contribution) : null
  };
}
function runwayMonths(cash, burn) {
  if (cash === null || shownMoney(cash) <= 0) return null;
  return shownTenths(moneyRatio(cash, burn));
}
function signDoubt(metrics) {
  const accounts = metrics.checks.flipped.map((a) => a.account);
  return accounts.length === 0 ? "" : ` (figures doubtful: the signs of ${accounts.join(", ")} look flipped)`;
}
function withoutChecks({ checks: _checks, ...figures }) {
  return figures;
}
var metricsFor = (context) => context.entities.map((entity) => ({
  entity,
  metrics: context.finance(entity)
}));
var burnSection = {
  id: "burn",
  title: "Burn and runway",
  owner: "cfo",
  analyze(context) {
    const out = new SectionFindings("burn", "cfo", context.asOf);
    const cashRunway = (entity) => context.perEntity(
      "burn:cash-runway",
      entity,
      () => entityCashRunway(
        entity,
        context.portfolio,
        context.asOf,
        context.thresholds.max_cash_age_days
      )
    );
    const rows = entityRows(context, out, (entity, out2) => {
      const metrics = context.finance(entity);
      const history = cashRunway(entity);
      if (metrics.missing_months.length === metrics.months.length) {
        out2.add(
          {
            rule: "finance.no-ledger",
            severity: "warning",
            title: `${entity.name} has no ledger rows for ${metrics.months.map(monthName).join(", ")}`,
            entity: entity.id,
            figures: { months: metrics.months.join(", ") }
          },
          `Bring ${possessive(entity.name)} ledger up to date`
        );
      } else {
        for (const month of metrics.missing_months) {
          out2.add(
            {
              rule: "finance.missing-month",
              severity: "warning",
              title: `${entity.name} has no ledger rows for ${monthName(month)}`,
              entity: entity.id,
              subject: month,
              figures: { month }
            },
            `Record ${possessive(entity.name)} ${monthName(month)} transactions`
          );
        }
      }
      partialFindings(out2, entity, metrics);
      cashFindings(out2, context, entity, metrics);
      importFindings(out2, context, entity, metrics);
      return {
        id: entity.id,
        name: entity.name,
        // The import checks are findings already, not a figure of the table.
        ...withoutChecks(metrics),
        // 12 months of revenue against spending: a ChartSpec the template places with `| chart`.
        chart: revenueSpendingChart(entity, context.portfolio, context.asOf),
        // Cash on hand and runway on the 1st of each month (charts-cash.ts); null: no cash data.
        cash_chart: history.chart,
        // Both burns are shown where they differ (a transfer, loan principal, a capital purchase).
        burns_differ: metrics.cash_burn_monthly !== null && metrics.net_burn_monthly !== null && shownMoney(metrics.cash_burn_monthly) !== shownMoney(metrics.net_burn_monthly)
      };
    });
    const firsts = context.entities.map((entity) => cashRunway(entity).points);
    const known = rows.filter((row) => row.net_burn_monthly !== null);
    const totalNet = sumMoney(known.map((row) => row.net_burn_monthly));
    const runway = portfolioRunway(rows);
    return {
      data: {
        months: trailingMonths(context.asOf, 3).map(monthName),
        entities: rows,
        // The portfolio row's cash and runway on the same days (the CEO's chart).
        cash_chart: portfolioCashRunwayChart(
          context.asOf,
          firsts,
          context.portfolio.settings.currency
        ),
        // With no ledger data anywhere the totals are unknown, not zero.
        total: {
          cash_on_hand: runway.cash_on_hand,
          revenue_monthly: known.length ? sumMoney(known.map((row) => row.revenue_monthly)) : null,
          gross_burn_monthly: known.length ? sumMoney(known.map((row) => row.gross_burn_monthly)) : null,
          net_burn_monthly: known.length ? totalNet : null,
          // The burn the runway divides by: each entity's cash burn where its books give it,
          // else its operating net burn.
          runway_burn_monthly: runway.runway_burn_monthly,
          runway_months: runway.runway_months,
          no_cash: runway.no_cash,
          burning: runway.burning,
          // Named, not silently dropped: the entities whose burn or cash is unknown.
          left_out: leftOutOfRunway(rows)
        }
      },
      findings: out.findings,
      actions: out.actions
    };
  }
};
function partialFindings(out, entity, metrics) {
  for (const p of metrics.partial_months)
    out.add(
      {
        rule: "finance.partial-month",
        severity: "warning",
        title: p.edge === "end" ? `${possessive(entity.name)} books end on ${p.date}, inside ${monthName(p.month)}: that month is left out of the averages` : `${possessive(entity.name)} books start on ${p.date}, inside ${monthName(p.month)}: that month is left out of the averages`,
        entity: entity.id,
        subject: p.month,
        figures: { month: p.month, [p.edge === "end" ? "last_date" : "first_date"]: p.date }
      },
      p.edge === "end" ? `Bring ${possessive(entity.name)} books up to date past ${monthName(p.month)}` : `Record ${possessive(entity.name)} ${monthName(p.month)} transactions before ${p.date}`
    );
}
function cashFindings(out, context, entity, metrics) {
  const override = metrics.cash_override;
  const limit = context.thresholds.max_cash_age_days;
  if (override?.problem === "future") {
    out.add(
      {
        rule: "finance.cash-after-as-of",
        severity: "warning",
        title: `${possessive(entity.name)} cash on hand (${context.money(override.amount)}) is dated ${override.as_of}, after the as-of date ${context.asOf}: ` + (metrics.cash_source === "books" ? `the books' balance (${context.money(metrics.cash_on_hand)}) is used instead` : "it is not used, and cash on hand is unknown"),
        entity: entity.id,
        figures: {
          cash_on_hand_typed: override.amount,
          typed_as_of: override.as_of,
          cash_on_hand: metrics.cash_on_hand
        }
      },
      `Correct the date of ${possessive(entity.name)} cash on hand`
    );
  } else if (override?.problem === "stale") {
    out.add(
      {
        rule: "finance.stale-cash",
        severity: "warning",
        title: `${possessive(entity.name)} cash on hand (${context.money(override.amount)}) is ${count(override.age_days, "day")} old (as of ${override.as_of}; at most ${limit})` + (metrics.cash_source === "books" ? `: the books' balance at ${context.asOf} (${context.money(metrics.cash_on_hand)}) is used instead` : ""),
        entity: entity.id,
        figures: {
          cash_on_hand: override.amount,
          as_of: override.as_of,
          age_days: override.age_days,
          max_cash_age_days: limit,
          ...metrics.cash_source === "books" ? { books_cash_on_hand: metrics.cash_on_hand } : {}
        }
      },
      `Update ${possessive(entity.name)} cash on hand`
    );
  } else if (metrics.cash_on_hand === null) {
    out.add(
      {
        rule: "finance.no-cash",
        severity: "warning",
        title: `${entity.name} has no cash on hand: its books mark no account cash and its file sets no cash_on_hand`,
        entity: entity.id
      },
      `Mark ${possessive(entity.name)} bank accounts as cash (cash: true) or set its cash_on_hand`
    );
  }
}
function importFindings(out, context, entity, metrics) {
  const checks = metrics.checks;
  const span = `from ${checks.window.from} to ${addDays(checks.window.to, -1)}`;
  for (const a of checks.flipped) {
    const income = a.type === "income";
    const what = income ? "revenue" : "spending";
    out.add(
      {
        rule: "finance.flipped-signs",
        severity: "warning",
        title: `${entity.name}: ${a.reducing} of ${count(a.postings, "posting")} to ${income ? "income account" : a.category ? "spending category" : "expense account"} ${a.account} reduce ${income ? "income" : "spending"} (${what} ${context.money(a.amount)} ${span}): are its signs flipped?`,
        entity: entity.id,
        subject: a.account,
        figures: {
          account: a.account,
          postings: a.postings,
          reducing: a.reducing,
          [what]: a.amount
        }
      },
      `Check the signs of ${possessive(entity.name)} ${a.account} import`
    );
  }
  for (const a of checks.untyped)
    out.add(
      {
        rule: "finance.untyped-account",
        severity: "warning",
        title: `${entity.name}: account ${a.account} (${count(a.postings, "posting")} ${span}) has no type, so it is in no figure`,
        entity: entity.id,
        subject: a.account,
        figures: { account: a.account, postings: a.postings }
      },
      `Give account ${a.account} a type (chart_of_accounts in portfolio.yml, or accounts: in ${possessive(entity.name)} file)`
    );
  for (const u of checks.unpriced)
    out.add(
      {
        rule: "finance.unpriced-commodity",
        severity: "warning",
        title: `${entity.name}: ${count(u.postings, "posting")} in ${u.commodity} (total ${u.total} ${u.commodity}) ${span} ${agree(u.postings, "has", "have")} no price in ${context.portfolio.settings.currency}, so ${agree(u.postings, "it is", "they are")} left out of the figures`,
        entity: entity.id,
        subject: u.commodity,
        figures: { commodity: u.commodity, postings: u.postings, total: u.total }
      },
      `Record a price for ${u.commodity} in ${possessive(entity.name)} books`
    );
}
var breakEvenSection = {
  id: "break_even",
  title: "Break-even revenue",
  owner: "cfo",
  analyze(context) {
    const out = new SectionFindings("break_even", "cfo", context.asOf);
    const rows = entityRows(context, out, (entity, out2) => {
      const metrics = context.finance(entity);
      const gap = metrics.break_even_revenue_monthly === null || metrics.revenue_monthly === null ? null : money(metrics.revenue_monthly - metrics.break_even_revenue_monthly);
      if (metrics.revenue_monthly !== null && metrics.break_even_revenue_monthly === null && metrics.fixed_costs_monthly !== null && shownMoney(metrics.fixed_costs_monthly) > 0) {
        out2.add(
          {
            rule: "finance.no-contribution-margin",
            severity: "warning",
            title: `${entity.name} has no positive contribution margin: variable costs take all of its revenue${signDoubt(metrics)}`,
            entity: entity.id,
            figures: {
              revenue_monthly: metrics.revenue_monthly,
              variable_costs_monthly: metrics.variable_costs_monthly
            }
          },
          `Reprice or cut variable costs at ${entity.name}`
        );
      } else if (gap !== null && shownMoney(gap) < 0) {
        out2.add(
          {
            rule: "finance.below-break-even",
            severity: "warning",
            title: `${entity.name} earns ${context.money(-gap)} a month less than its break-even revenue${signDoubt(metrics)}`,
            entity: entity.id,
            figures: {
              revenue_monthly: metrics.revenue_monthly,
              break_even_revenue_monthly: metrics.break_even_revenue_monthly,
              gap_monthly: gap
            }
          },
          `Close ${possessive(entity.name)} gap to break-even`
        );
      }
      for (const c of metrics.unclassified_categories)
        out2.add(
          {
            rule: "finance.unclassified-cost",
            severity: "warning",
            title: `${entity.name} spends ${context.money(c.monthly)} a month on "${c.category}", which cost_categories lists neither fixed nor variable: break-even leaves it out`,
            entity: entity.id,
            subject: c.category,
            figures: { category: c.category, monthly: c.monthly }
          },
          `List ${possessive(entity.name)} "${c.category}" as a fixed or variable cost in portfolio.yml`
        );
      return {
        id: entity.id,
        name: entity.name,
        revenue_monthly: metrics.revenue_monthly,
        fixed_costs_monthly: metrics.fixed_costs_monthly,
        variable_costs_monthly: metrics.variable_costs_monthly,
        unclassified_costs_monthly: metrics.unclassified_costs_monthly,
        unclassified_categories: metrics.unclassified_categories,
        contribution_margin_ratio: metrics.contribution_margin_ratio,
        break_even_revenue_monthly: metrics.break_even_revenue_monthly,
        gap_monthly: gap
      };
    });
    return { data: { entities: rows }, findings: out.findings, actions: out.actions };
  }
};
var capitalDeploymentSection = {
  id: "capital_deployment",
  title: "Capital deployment",
  owner: "cfo",
  analyze(context) {
    const out = new SectionFindings("capital_deployment", "cfo", context.asOf);
    const all = metricsFor(context);
    const unknown = all.filter(({ metrics: m }) => m.net_burn_monthly === null);
    for (const { entity, metrics: m } of unknown)
      out.add({
        rule: "finance.reserve-unknown",
        severity: "warning",
        title: `${entity.name} has no ledger rows in the last 3 months: its ${m.cash_on_hand === null ? "cash, unknown too," : `cash (${context.money(m.cash_on_hand)})`} is left out of capital deployment`,
        entity: entity.id,
        figures: { cash_on_hand: m.cash_on_hand }
      });
    const metrics = all.filter(({ metrics: m }) => m.net_burn_monthly !== null);
    const cash = sumMoney(metrics.flatMap(({ metrics: m }) => m.cash_on_hand ?? []));
    const burn = sumMoney(metrics.map(({ metrics: m }) => Math.max(runwayBurn(m), 0)));
    const reserve = money(burn * context.thresholds.cash_reserve_months);
    const bases = new Set(metrics.map(({ metrics: m }) => m.runway_basis));
    const burnBasis = bases.size !== 1 ? "burn (cash burn where the books give it, else operating net burn)" : bases.has("cash") ? "cash burn" : "operating net burn";
    const doubtful = metrics.filter(({ metrics: m }) => m.checks.flipped.length > 0);
    const available = money(Math.max(cash - reserve, 0));
    if (shownMoney(cash) < shownMoney(reserve) || shownMoney(cash) < 0) {
      out.add(
        {
          rule: "finance.reserve-short",
          severity: "critical",
          title: (shownMoney(cash) < 0 ? `Cash on hand is ${context.money(cash)}: below zero` : `Cash on hand (${context.money(cash)}) is under the ${context.thresholds.cash_reserve_months}-month reserve of ${burnBasis} (${context.money(reserve)})`) + (doubtful.length === 0 ? "" : ` (figures doubtful: the signs of ${doubtful.map(
            ({ entity, metrics: m }) => `${possessive(entity.name)} ${m.checks.flipped.map((f) => f.account).join(", ")}`
          ).join("; ")} look flipped)`),
          entity: null,
          figures: { cash_on_hand: cash, reserve, shortfall: money(reserve - cash) }
        },
        "Rebuild the cash reserve before deploying capital"
      );
    }
    const allocations = context.portfolio.settings.capital_priorities.map((priority, index) => ({
      rank: index + 1,
      id: priority.id,
      title: priority.title,
      share: priority.share,
      amount: money(available * priority.share)
    }));
    return {
      data: {
        cash_on_hand: cash,
        // The burn the reserve is months of (each entity's runway burn), and what it is.
        net_burn_monthly: burn,
        burn_basis: burnBasis,
        reserve_months: context.thresholds.cash_reserve_months,
        reserve,
        available,
        allocations,
        left_out: unknown.map(({ entity, metrics: m }) => ({
          id: entity.id,
          name: entity.name,
          cash_on_hand: m.cash_on_hand
        }))
      },
      findings: out.findings,
      actions: out.actions
    };
  }
};
var financialRulesSection = {
  id: "financial_rules",
  title: "Financial rules",
  owner: "cfo",
  analyze(context) {
    const out = new SectionFindings("financial_rules", "cfo", context.asOf);
    const limits = context.thresholds;
    const perEntity = entityRows(context, out, (entity, out2) => {
      const metrics = context.finance(entity);
      const checks2 = [];
      if (metrics.burning && (metrics.runway_months !== null || metrics.no_cash)) {
        const broken = metrics.no_cash || metrics.runway_months < limits.min_runway_months;
        checks2.push({
          rule: `Runway of at least ${limits.min_runway_months} months`,
          entity: entity.id,
          entity_name: entity.name,
          subject: null,
          unit: "months",
          limit: limits.min_runway_months,
          actual: metrics.runway_months,
          broken
        });
        if (broken) {
          out2.add(
            {
              rule: "finance.runway-below-minimum",
              severity: "critical",
              title: (metrics.no_cash ? `${entity.name} has no runway: its cash on hand (${context.money(metrics.cash_on_hand)}) is at or below zero while it burns cash` : `${entity.name} has ${formatRunway(metrics.runway_months, true)} of runway, under the ${limits.min_runway_months}-month minimum`) + signDoubt(metrics),
              entity: entity.id,
              figures: {
                runway_months: metrics.runway_months,
                min_runway_months: limits.min_runway_months,
                net_burn_monthly: metrics.net_burn_monthly,
                cash_on_hand: metrics.cash_on_hand
              }
            },
            `Cut ${possessive(entity.name)} ${metrics.runway_basis === "cash" ? "cash" : "net"} burn or raise cash to restore ${limits.min_runway_months} months of runway`
          );
        }
      }
      for (const channel of context.channels(entity)) {
        if (!channel.unproven) continue;
        const monthly = money(channel.spend / Math.max(channel.months, 1));
        const broken = shownMoney(monthly) > limits.max_unproven_channel_spend;
        checks2.push({
          rule: `Unproven channel spend at most ${context.money(limits.max_unproven_channel_spend)} a month`,
          entity: entity.id,
          entity_name: entity.name,
          subject: channel.name,
          unit: "money_monthly",
          limit: limits.max_unproven_channel_spend,
          actual: monthly,
          broken
        });
        if (broken) {
          out2.add(
            {
              rule: "finance.unproven-spend-cap",
              severity: "warning",
              title: `${entity.name} spends ${context.money(monthly)} a month on ${channel.name}, which has no attributed booking (cap ${context.money(limits.max_unproven_channel_spend)})`,
              entity: entity.id,
              subject: channel.id,
              figures: {
                channel: channel.id,
                spend_monthly: monthly,
                cap: limits.max_unproven_channel_spend
              }
            },
            `Cap ${channel.name} spend at ${entity.name} until it shows bookings`
          );
        }
      }
      return checks2;
    });
    const checks = perEntity.flat();
    return {
      data: { checks, broken: checks.filter((check) => check.broken).length },
      findings: out.findings,
      actions: out.actions
    };
  }
};
var financeSections = [
  burnSection,
  breakEvenSection,
  capitalDeploymentSection,
  financialRulesSection
];

// src/analysis/charts-sections.ts
function channelChart(entityName2, channels, currency) {
  if (channels.length === 0) return null;
  return categoryChart({
    title: `${entityName2}: spend and ROAS by channel, last 3 months`,
    categoryLabel: "Channel",
    categories: channels.map((c) => c.name),
    series: [
      {
        name: "Spend",
        unit: { kind: "money", currency },
        mark: "bar",
        values: channels.map((c) => c.spend)
      },
      { name: "ROAS", unit: { kind: "ratio" }, mark: "line", values: channels.map((c) => c.roas) }
    ]
  });
}
function agingChart(entityName2, aging, currency) {
  if (aging.every((a) => a.invoices === 0)) return null;
  return categoryChart({
    title: `${entityName2}: receivables by days past due`,
    categoryLabel: "Days past due",
    categories: aging.map((a) => a.bucket),
    series: [
      {
        name: "Open amount",
        unit: { kind: "money", currency },
        mark: "bar",
        values: aging.map((a) => a.amount)
      }
    ]
  });
}
function occupancyChart(entityName2, occupancy, rentRoll, currency) {
  if (rentRoll.length === 0) return null;
  const occupied = rentRoll.filter((u) => u.status === "occupied").length;
  const unit = { kind: "money", currency };
  return categoryChart({
    title: `${entityName2}: ${formatPercent(occupancy)} occupied (${occupied} of ${rentRoll.length} units), rent by unit`,
    categoryLabel: "Unit",
    categories: rentRoll.map((u) => u.unit),
    // A unit's rent is either collected or lost: one bar per unit, coloured by which.
    stacked: true,
    series: [
      {
        name: "Rent, occupied",
        unit,
        mark: "bar",
        values: rentRoll.map((u) => u.status === "occupied" ? u.rent : 0)
      },
      {
        name: "Rent lost, vacant",
        unit,
        mark: "bar",
        values: rentRoll.map((u) => u.status === "vacant" ? u.rent : 0)
      }
    ]
  });
}

// src/analysis/marketing.ts
function channelStats(entity, asOf) {
  const months = new Set(trailingMonths(asOf, 3));
  const spendRows = entity.tables.channel_spend?.filter((row) => months.has(row.month));
  const monthsWithSpend = new Set(spendRows?.map((row) => row.month)).size;
  const bookingRows = entity.tables.bookings?.filter(
    (row) => months.has(monthOf(row.booked)) && row.status !== "cancelled"
  );
  return entity.channels.filter((channel) => channel.live).map((channel) => {
    const spendOf = spendRows?.filter((row) => row.channel === channel.id);
    const bookingsOf = bookingRows?.filter((row) => row.channel === channel.id);
    const spend = spendOf ? sumMoney(spendOf.map((row) => row.spend)) : null;
    const revenue = bookingsOf ? sumMoney(bookingsOf.map((row) => row.revenue)) : null;
    const cac = spend !== null && bookingsOf && bookingsOf.length > 0 ? money(spend / bookingsOf.length) : null;
    const roas = revenue !== null && spend !== null ? moneyRatio(revenue, spend) : null;
    return {
      id: channel.id,
      name: channel.name,
      kind: channel.kind,
      months: monthsWithSpend,
      spend,
      leads: spendOf ? sum(spendOf.map((row) => row.leads)) : null,
      bookings: bookingsOf ? bookingsOf.length : null,
      revenue,
      cac,
      roas: roas === null ? null : round(roas, 2),
      unproven: spend !== null && shownMoney(spend) > 0 && bookingsOf !== void 0 && bookingsOf.length === 0
    };
  });
}
var channelAttributionSection = {
  id: "channel_attribution",
  title: "Channel attribution",
  owner: "cmo",
  analyze(context) {
    const out = new SectionFindings("channel_attribution", "cmo", context.asOf);
    const entities = entityRows(context, out, (entity, out2) => {
      if (entity.channels.length === 0) return null;
      const channels = context.channels(entity);
      if (!entity.tables.channel_spend) {
        out2.add(
          {
            rule: "marketing.no-spend-data",
            severity: "warning",
            title: `${entity.name} has channels but no channel_spend.csv: attribution cannot be measured`,
            entity: entity.id
          },
          `Start recording ${entity.name}'s spend and leads per channel`
        );
      }
      if (!entity.tables.bookings) {
        out2.add(
          {
            rule: "marketing.no-bookings-data",
            severity: "warning",
            title: `${entity.name} has no bookings.csv: no channel can be credited with a booking`,
            entity: entity.id
          },
          `Record ${entity.name}'s bookings with the channel each came through`
        );
      }
      for (const channel of channels) {
        if (channel.unproven) {
          out2.add(
            {
              rule: "marketing.unproven-channel",
              severity: "warning",
              title: `${channel.name} at ${entity.name} cost ${context.money(channel.spend ?? 0)} over 3 months with no attributed booking`,
              entity: entity.id,
              subject: channel.id,
              figures: {
                channel: channel.id,
                spend: channel.spend,
                leads: channel.leads,
                bookings: 0
              }
            },
            `Add booking attribution to ${channel.name} or pause it (${entity.name})`
          );
        } else if (channel.roas !== null && // Judged as shown: 1.996 reads 2.00, which is not under a minimum of 2.
        channel.roas < context.thresholds.min_roas) {
          out2.add(
            {
              rule: "marketing.low-roas",
              severity: "warning",
              title: `${channel.name} at ${entity.name} returns ${formatNumber(channel.roas, 2)} per unit spent, under ${context.thresholds.min_roas}`,
              entity: entity.id,
              subject: channel.id,
              figures: {
                channel: channel.id,
                spend: channel.spend,
                revenue: channel.revenue,
                roas: channel.roas
              }
            },
            `Rework or cut ${channel.name} at ${entity.name}`
          );
        }
      }
      return {
        id: entity.id,
        name: entity.name,
        channels,
        unproven: channels.filter((c) => c.unproven).map((c) => c.name),
        // The table's spend and ROAS as bars and points (charts-sections.ts).
        chart: channelChart(entity.name, channels, context.portfolio.settings.currency)
      };
    }).filter((row) => row !== null);
    return {
      data: { months: trailingMonths(context.asOf, 3).map(monthName), entities },
      findings: out.findings,
      actions: out.actions
    };
  }
};
function otaSequence(entities, asOf) {
  const candidates = entities.flatMap(
    (entity) => entity.channels.filter((channel) => channel.kind === "ota" && !channel.live).map((channel) => {
      const known = channel.expected_monthly_bookings !== void 0 && channel.average_booking_value !== void 0;
      return {
        entity: entity.id,
        entity_name: entity.name,
        channel: channel.id,
        name: channel.name,
        commission_rate: channel.commission_rate,
        expected_monthly_bookings: channel.expected_monthly_bookings ?? null,
        average_booking_value: channel.average_booking_value ?? null,
        expected_net_monthly: known ? money(
          channel.expected_monthly_bookings * channel.average_booking_value * (1 - channel.commission_rate)
        ) : null
      };
    })
  );
  candidates.sort(
    (a, b) => (b.expected_net_monthly ?? -1) - (a.expected_net_monthly ?? -1) || compareText(a.name, b.name)
  );
  return candidates.map(
    (candidate, index) => withFields(candidate, { rank: index + 1, list_by: addDays(asOf, 30 * (index + 1)) })
  );
}
var otaSequenceSection = {
  id: "ota_sequence",
  title: "OTA listing sequence",
  owner: "cmo",
  analyze(context) {
    const out = new SectionFindings("ota_sequence", "cmo", context.asOf);
    const sequence = otaSequence(context.entities, context.asOf);
    const first = sequence[0];
    if (first) {
      out.add(
        {
          rule: "marketing.next-ota-listing",
          severity: "info",
          title: `List ${first.entity_name} on ${first.name} next: about ${first.expected_net_monthly === null ? "an unknown amount" : context.money(first.expected_net_monthly)} a month after commission`,
          entity: first.entity,
          subject: first.channel,
          figures: {
            expected_net_monthly: first.expected_net_monthly,
            commission_rate: first.commission_rate
          }
        },
        `List ${first.entity_name} on ${first.name}`
      );
    }
    for (const candidate of sequence.filter((c) => c.expected_net_monthly === null)) {
      out.add({
        rule: "marketing.ota-estimate-missing",
        severity: "info",
        title: `${candidate.name} for ${candidate.entity_name} has no booking estimate, so it cannot be ranked`,
        entity: candidate.entity,
        subject: candidate.channel
      });
    }
    return { data: { sequence }, findings: out.findings, actions: out.actions };
  }
};
var IMPACT_RANK = { high: 0, medium: 1, low: 2 };
var EFFORT_RANK = { small: 0, medium: 1, large: 2 };
function seoRoadmap(entities) {
  return entities.flatMap(
    (entity) => entity.seo.filter((item) => !item.done).map((item) => ({
      entity: entity.id,
      entity_name: entity.name,
      ...item,
      quick_win: item.impact === "high" && item.effort === "small"
    }))
  ).sort(
    (a, b) => IMPACT_RANK[a.impact] - IMPACT_RANK[b.impact] || EFFORT_RANK[a.effort] - EFFORT_RANK[b.effort] || compareText(a.item, b.item)
  );
}
var seoRoadmapSection = {
  id: "seo_roadmap",
  title: "SEO roadmap",
  owner: "cmo",
  analyze(context) {
    const out = new SectionFindings("seo_roadmap", "cmo", context.asOf);
    const items = seoRoadmap(context.entities);
    for (const item of items.filter((i) => i.quick_win)) {
      out.add(
        {
          rule: "marketing.seo-quick-win",
          severity: "info",
          title: `SEO quick win for ${item.entity_name}: ${item.item}`,
          entity: item.entity,
          subject: item.item.toLowerCase().replace(/[^a-z0-9]+/g, "-")
        },
        `${item.item} (${item.entity_name})`
      );
    }
    const webFacing = context.entities.filter(
      (entity) => entity.assets.sites.length > 0 && entity.seo.length === 0
    );
    for (const entity of webFacing) {
      out.add({
        rule: "marketing.no-seo-plan",
        severity: "info",
        title: `${entity.name} has a site but no SEO items`,
        entity: entity.id
      });
    }
    return {
      data: { items, done: sum(context.entities.map((e) => e.seo.filter((i) => i.done).length)) },
      findings: out.findings,
      actions: out.actions
    };
  }
};
var milestonesSection = {
  id: "milestones",
  title: "30/60/90-day milestones",
  owner: "cmo",
  analyze(context) {
    const marketing = ["channel_attribution", "ota_sequence", "seo_roadmap"];
    const actions = marketing.flatMap((id) => context.section(id).actions);
    const listings = context.section("ota_sequence").data.sequence;
    const seo = context.section("seo_roadmap").data.items;
    const dates = /* @__PURE__ */ new Map();
    const bucket = (days) => cachedIn(dates, days, (later) => addDays(context.asOf, later));
    const items = [
      ...actions.map((action) => ({ due: action.due, title: action.title })),
      ...listings.slice(1).map((listing) => ({
        due: listing.list_by,
        title: `List ${listing.entity_name} on ${listing.name}`
      })),
      ...seo.filter((item) => !item.quick_win).map((item, index) => ({
        due: bucket(item.effort === "large" ? 90 : index < 3 ? 60 : 90),
        title: `${item.item} (${item.entity_name})`
      }))
    ];
    const within = (from, to) => {
      const [after, until] = [bucket(from), bucket(to)];
      return items.filter((item) => item.due > after && item.due <= until).map((item) => item.title);
    };
    return {
      data: {
        day30: within(-1e4, 30),
        day60: within(30, 60),
        day90: within(60, 1e4),
        by30: bucket(30),
        by60: bucket(60),
        by90: bucket(90)
      },
      findings: [],
      actions: []
    };
  }
};
var marketingSections = [
  channelAttributionSection,
  otaSequenceSection,
  seoRoadmapSection,
  milestonesSection
];

// src/analysis/portfolio.ts
var CEO_SECTIONS = [
  "asset_inventory",
  "critical_shortfalls",
  "missing_kpis",
  "agenda"
];
var DOMAIN_SECTIONS = sectionIds.filter(
  (id) => !CEO_SECTIONS.includes(id)
);
function portfolioCash(context) {
  const burn = context.section("burn").data;
  const { cash_on_hand, runway_months, burning, no_cash } = burn.total;
  return { cash_on_hand, runway_months, burning, no_cash, chart: burn.cash_chart };
}
var assetInventorySection = {
  id: "asset_inventory",
  title: "Asset inventory",
  owner: "ceo",
  analyze(context) {
    const out = new SectionFindings("asset_inventory", "ceo", context.asOf);
    const entities = entityRows(context, out, (entity, out2) => {
      for (const domain of entity.assets.domains) {
        if (!domain.renews) continue;
        const days = daysBetween(context.asOf, domain.renews);
        if (days < 0)
          out2.add(
            {
              rule: "assets.domain-expired",
              severity: "critical",
              title: `${domain.name} (${entity.name}) expired on ${domain.renews}`,
              entity: entity.id,
              subject: domain.name,
              figures: { renews: domain.renews }
            },
            `Renew ${domain.name} now`
          );
        else if (days <= 30)
          out2.add(
            {
              rule: "assets.domain-renewal",
              severity: "warning",
              title: `${domain.name} (${entity.name}) renews in ${count(days, "day")}`,
              entity: entity.id,
              subject: domain.name,
              figures: { renews: domain.renews, days }
            },
            `Confirm auto-renew for ${domain.name}`
          );
      }
      const { domains, sites, vessels, properties, accounts } = entity.assets;
      return {
        id: entity.id,
        name: entity.name,
        kind: entity.kind,
        domains: domains.map((d) => ({ name: d.name, renews: d.renews ?? null })),
        sites: sites.map((site) => ({ url: site.url, stack: site.stack ?? null })),
        vessels: vessels.map((v) => ({ name: v.name, type: v.type, value: v.value ?? null })),
        properties: properties.map((p) => withFields(p, { accounts: p.accounts ?? null })),
        accounts,
        stacks: entity.stacks.map((s) => s.name)
      };
    });
    const total = (pick) => entities.reduce((n, e) => n + pick(e).length, 0);
    return {
      data: {
        entities,
        // The portfolio's cash and runway as the CFO's burn table totals them, with its chart.
        cash: portfolioCash(context),
        totals: {
          domains: total((e) => e.domains),
          sites: total((e) => e.sites),
          vessels: total((e) => e.vessels),
          properties: total((e) => e.properties),
          accounts: total((e) => e.accounts),
          stacks: total((e) => e.stacks)
        }
      },
      findings: out.findings,
      actions: out.actions
    };
  }
};
var missingKpisSection = {
  id: "missing_kpis",
  title: "Missing KPIs",
  owner: "ceo",
  analyze(context) {
    const out = new SectionFindings("missing_kpis", "ceo", context.asOf);
    const required = context.portfolio.settings.required_kpis;
    const currency = context.portfolio.settings.currency;
    const entities = entityRows(context, out, (entity, out2) => {
      const actuals = new Map(
        entity.kpis.filter((k) => k.actual !== void 0 && k.actual !== null).map((k) => [k.id, k.actual])
      );
      const missing = (required[entity.kind] ?? []).filter((id) => !actuals.has(id));
      for (const kpi of missing) {
        out2.add(
          {
            rule: "kpi.missing",
            severity: "warning",
            title: `${entity.name} has no actual for ${kpi}, a required KPI for ${entity.kind.replace("_", " ")}`,
            entity: entity.id,
            subject: kpi,
            figures: { kpi }
          },
          `Start reporting ${kpi} for ${entity.name}`
        );
      }
      const belowTarget = entity.kpis.filter((k) => {
        if (k.target === void 0 || !actuals.has(k.id)) return false;
        const shown2 = (value) => shownQuantity(value, k.unit, currency);
        const [actual, target] = [shown2(actuals.get(k.id)), shown2(k.target)];
        return k.better === "lower" ? actual > target : actual < target;
      }).map((k) => ({
        id: k.id,
        name: k.name,
        // The declared unit, so the values read "$8,400 vs $12,000", not "8400 vs 12000".
        unit: k.unit ?? null,
        target: k.target,
        actual: actuals.get(k.id)
      }));
      return {
        id: entity.id,
        name: entity.name,
        missing,
        below_target: belowTarget,
        reported: entity.kpis.filter((k) => actuals.has(k.id)).map((k) => ({
          id: k.id,
          name: k.name,
          unit: k.unit ?? null,
          target: k.target ?? null,
          actual: actuals.get(k.id)
        }))
      };
    });
    return {
      data: { entities, missing: entities.reduce((n, e) => n + e.missing.length, 0) },
      findings: out.findings,
      actions: out.actions
    };
  }
};
var domainResults = (context) => DOMAIN_SECTIONS.map((id) => context.section(id));
var criticalShortfallsSection = {
  id: "critical_shortfalls",
  title: "Critical shortfalls",
  owner: "ceo",
  analyze(context) {
    const findings = [...domainResults(context), context.section("asset_inventory")].flatMap(
      (section) => section.findings.filter((f) => f.severity === "critical")
    );
    return {
      data: {
        shortfalls: findings.map(
          (f) => withFields(f, { entity_name: entityName(context.portfolio, f.entity) })
        )
      },
      findings: [],
      actions: [],
      gathered: { findings }
    };
  }
};
var PRIORITY_ORDER = { high: 0, medium: 1, low: 2 };
var byRank = (a, b) => PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] || compareText(a.due, b.due) || compareText(a.title, b.title);
function rankActions(actions) {
  return [...actions].sort(byRank);
}
function firstRanked(actions, size) {
  if (!Number.isInteger(size) || size < 0 || size >= actions.length)
    return rankActions(actions).slice(0, size);
  const kept = [];
  for (const action of actions) {
    if (kept.length === size && (size === 0 || byRank(action, kept[size - 1]) >= 0)) continue;
    kept.splice(
      partitionPoint(kept, (other) => byRank(action, other) >= 0),
      0,
      action
    );
    if (kept.length > size) kept.pop();
  }
  return kept;
}
var agendaSection = {
  id: "agenda",
  title: "30-day agenda",
  owner: "ceo",
  analyze(context) {
    const horizon = addDays(context.asOf, 30);
    const all = [
      ...domainResults(context),
      context.section("asset_inventory"),
      context.section("missing_kpis")
    ].flatMap((section) => section.actions);
    const within = all.filter((action) => action.due <= horizon);
    const size = context.thresholds.agenda_size;
    const listed = firstRanked(within, size);
    return {
      data: {
        horizon,
        items: listed.map(
          (a) => withFields(a, { owner_name: ownerName(context.portfolio, a.owner) })
        ),
        more: Math.max(within.length - size, 0)
      },
      findings: [],
      actions: [],
      gathered: { actions: listed }
    };
  }
};
var ceoSections = [
  assetInventorySection,
  missingKpisSection,
  criticalShortfallsSection,
  agendaSection
];

// src/analysis/tech.ts
var stacksOf = (context) => context.entities.flatMap((entity) => entity.stacks.map((stack) => ({ entity, stack })));
var SECRETS_HANDLING = {
  "in-repo": "committed to the repository",
  "env-file": "kept in an env file",
  "ci-secrets": "kept in CI secrets",
  "secret-manager": "kept in a secret manager"
};
function securityChecks(stack, asOf, maxAgeDays) {
  const age = daysBetween(stack.dependencies_updated, asOf);
  return [
    {
      check: "TLS",
      pass: stack.tls,
      detail: stack.tls ? "HTTPS everywhere" : "served without TLS"
    },
    {
      check: "MFA",
      pass: stack.mfa,
      detail: stack.mfa ? "on for every admin account" : "admin accounts without MFA"
    },
    {
      check: "Backups",
      pass: stack.backups !== "none",
      detail: stack.backups === "none" ? "no backups" : `${stack.backups} backups`
    },
    {
      check: "Dependencies",
      pass: age <= maxAgeDays,
      detail: `last updated ${stack.dependencies_updated} (${count(age, "day")} ago)`
    },
    {
      check: "Secrets",
      pass: stack.secrets === "ci-secrets" || stack.secrets === "secret-manager",
      detail: SECRETS_HANDLING[stack.secrets]
    }
  ];
}
var securityAuditSection = {
  id: "security_audit",
  title: "Security audit",
  owner: "cto",
  analyze(context) {
    const out = new SectionFindings("security_audit", "cto", context.asOf);
    const perEntity = entityRows(
      context,
      out,
      (entity, out2) => entity.stacks.map((stack) => {
        const checks = securityChecks(
          stack,
          context.asOf,
          context.thresholds.max_dependency_age_days
        );
        const subject = stack.id;
        const raise = (rule, severity, title, action, figures = {}) => out2.add(
          {
            rule,
            severity,
            title: `${entity.name} / ${stack.name}: ${title}`,
            entity: entity.id,
            subject,
            figures: { stack: stack.id, ...figures }
          },
          `${action} (${entity.name} / ${stack.name})`
        );
        if (!stack.tls) raise("tech.no-tls", "critical", "served without TLS", "Turn on HTTPS");
        if (!stack.mfa)
          raise(
            "tech.no-mfa",
            "critical",
            "admin accounts without MFA",
            "Enforce MFA on every admin account"
          );
        if (stack.backups === "none")
          raise(
            "tech.no-backups",
            "critical",
            "no backups",
            "Set up daily backups and test a restore"
          );
        if (stack.secrets === "in-repo")
          raise(
            "tech.secrets-in-repo",
            "critical",
            "secrets committed to the repository",
            "Rotate the secrets and move them to CI secrets"
          );
        else if (stack.secrets === "env-file")
          raise(
            "tech.secrets-env-file",
            "warning",
            "secrets kept in an env file",
            "Move secrets to CI secrets or a secret manager"
          );
        const age = daysBetween(stack.dependencies_updated, context.asOf);
        if (age > context.thresholds.max_dependency_age_days)
          raise(
            "tech.stale-dependencies",
            "warning",
            `dependencies ${count(age, "day")} old`,
            "Update dependencies",
            { age_days: age, max_age_days: context.thresholds.max_dependency_age_days }
          );
        return {
          entity: entity.id,
          entity_name: entity.name,
          id: stack.id,
          name: stack.name,
          checks,
          passed: checks.filter((c) => c.pass).length,
          total: checks.length
        };
      })
    );
    const stacks = perEntity.flat();
    return { data: { stacks }, findings: out.findings, actions: out.actions };
  }
};
var stackCostsSection = {
  id: "stack_costs",
  title: "Cost per stack",
  owner: "cto",
  analyze(context) {
    const out = new SectionFindings("stack_costs", "cto", context.asOf);
    const stacks = mapPacked(stacksOf(context), ({ entity, stack }) => ({
      entity: entity.id,
      entity_name: entity.name,
      id: stack.id,
      name: stack.name,
      services: stack.services,
      monthly_cost: sumMoney(stack.services.map((s) => s.monthly_cost))
    }));
    const byService = /* @__PURE__ */ new Map();
    for (const stack of stacks)
      for (const service of stack.services)
        addTo(byService, service.name, `${stack.entity_name} / ${stack.name}`);
    for (const [service, where] of byService) {
      if (where.length > 1)
        out.add(
          {
            rule: "tech.duplicate-service",
            severity: "info",
            title: `${service} is paid for in ${where.length} stacks: ${where.join(", ")}`,
            entity: null,
            subject: service.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
            figures: { stacks: where.length }
          },
          `Consolidate ${service} into one account`
        );
    }
    const monthly = sumMoney(stacks.map((s) => s.monthly_cost));
    return {
      data: { stacks, monthly_cost: monthly, annual_cost: money(monthly * 12) },
      findings: out.findings,
      actions: out.actions
    };
  }
};
var uxGapsSection = {
  id: "ux_gaps",
  title: "UX gaps",
  owner: "cto",
  analyze(context) {
    const out = new SectionFindings("ux_gaps", "cto", context.asOf);
    const gaps = [];
    for (const { entity, stack } of stacksOf(context)) {
      const gap = (rule, text2, action, figures = {}) => {
        gaps.push({ entity_name: entity.name, stack: stack.name, gap: text2 });
        out.add(
          {
            rule,
            severity: "warning",
            title: `${entity.name} / ${stack.name}: ${text2}`,
            entity: entity.id,
            subject: stack.id,
            figures
          },
          `${action} (${entity.name} / ${stack.name})`
        );
      };
      const ux = stack.ux;
      if (ux.performance === void 0)
        out.add({
          rule: "tech.ux-unmeasured",
          severity: "info",
          title: `${entity.name} / ${stack.name}: no performance measurement`,
          entity: entity.id,
          subject: stack.id
        });
      else if (ux.performance < context.thresholds.min_performance_score)
        gap(
          "tech.slow-site",
          `performance score ${ux.performance}, under ${context.thresholds.min_performance_score}`,
          "Bring the performance score up",
          { performance: ux.performance }
        );
      if (ux.accessibility !== void 0 && ux.accessibility < 90)
        gap(
          "tech.accessibility",
          `accessibility score ${ux.accessibility}`,
          "Fix the accessibility issues",
          { accessibility: ux.accessibility }
        );
      if (ux.mobile_friendly === false)
        gap("tech.not-mobile-friendly", "not usable on a phone", "Make the site work on phones");
      if (ux.online_booking === false && entity.kind === "charter")
        gap("tech.no-online-booking", "no online booking", "Add online booking");
    }
    return { data: { gaps }, findings: out.findings, actions: out.actions };
  }
};
var cicdSection = {
  id: "cicd",
  title: "CI/CD",
  owner: "cto",
  analyze(context) {
    const out = new SectionFindings("cicd", "cto", context.asOf);
    const stacks = stacksOf(context).map(({ entity, stack }) => {
      const recommendations = [];
      if (!stack.ci) {
        recommendations.push("Run tests on every push (a CI workflow)");
        out.add(
          {
            rule: "tech.no-ci",
            severity: "warning",
            title: `${entity.name} / ${stack.name}: no CI`,
            entity: entity.id,
            subject: stack.id
          },
          `Add a CI workflow (${entity.name} / ${stack.name})`
        );
      }
      if (!stack.cd) {
        recommendations.push("Deploy from the main branch automatically");
        out.add({
          rule: "tech.manual-deploys",
          severity: "info",
          title: `${entity.name} / ${stack.name}: deployed by hand`,
          entity: entity.id,
          subject: stack.id
        });
      }
      return {
        entity_name: entity.name,
        name: stack.name,
        ci: stack.ci,
        cd: stack.cd,
        recommendations
      };
    });
    return { data: { stacks }, findings: out.findings, actions: out.actions };
  }
};
var techSections = [securityAuditSection, stackCostsSection, uxGapsSection, cicdSection];

// src/analysis/noi.ts
function roleOf(entry, isDebtService) {
  if (entry.cash) return null;
  if (isDebtService(entry)) return "debt_service";
  if (entry.type === "income") return "income";
  if (entry.type === "expense") return "expense";
  return null;
}
function figuresOf(scope, months, debtOverride) {
  const lumpCategories = Object.keys(scope.annualExpenses);
  const isLump = entryMatcher(lumpCategories);
  let income = 0;
  let expenses = 0;
  let lumps = 0;
  let debt = 0;
  for (const { entry, role } of scope.entries) {
    const cents = toCents(entry.amount);
    if (role === "income") income -= cents;
    else if (role === "debt_service") debt += cents;
    else {
      expenses += cents;
      if (isLump(entry)) lumps += cents;
    }
  }
  const annual_expenses = Object.entries(scope.annualExpenses).map(([category, annual]) => ({
    category,
    annual
  }));
  const fourPlaces = (value) => value === null ? null : round(value, 4);
  const perMonth = (cents) => money(cents / 100 / months);
  const base = {
    annual_expenses,
    value: scope.value,
    cash_invested: scope.cashInvested
  };
  if (months === 0)
    return {
      ...base,
      rental_income_monthly: null,
      operating_expenses_monthly: null,
      noi_monthly: null,
      noi_annual: null,
      debt_service_annual: scope.declaredDebtService > 0 ? scope.declaredDebtService : null,
      debt_service_from: scope.declaredDebtService > 0 ? "declared" : null,
      cap_rate: null,
      cash_on_cash: null
    };
  const incomeMonthly = perMonth(income);
  const operating = money(
    perMonth(expenses) - perMonth(lumps) + money(sumMoney(Object.values(scope.annualExpenses)) / 12)
  );
  const noiMonthly = money(incomeMonthly - operating);
  const noiAnnual = money(noiMonthly * 12);
  const declared = scope.declaredDebtService > 0;
  const debtAnnual = debtOverride ?? (declared ? scope.declaredDebtService : money(perMonth(debt) * 12));
  return {
    ...base,
    rental_income_monthly: incomeMonthly,
    operating_expenses_monthly: operating,
    noi_monthly: noiMonthly,
    noi_annual: noiAnnual,
    debt_service_annual: debtAnnual,
    debt_service_from: declared ? "declared" : toCents(debtAnnual) !== 0 ? "ledger" : null,
    cap_rate: scope.value === null ? null : fourPlaces(moneyRatio(noiAnnual, scope.value)),
    cash_on_cash: scope.cashInvested === null ? null : fourPlaces(moneyRatio(money(noiAnnual - debtAnnual), scope.cashInvested))
  };
}
function propertyOperations(entity, context) {
  const trailing = trailingMonths(context.asOf, 3);
  const partial = new Set(partialMonths(entity, trailing, context.portfolio).map((p) => p.month));
  const window = new Set(trailing.filter((month) => !partial.has(month)));
  const inWindow = bookEntries(entity, context.portfolio).filter(
    (e) => window.has(monthOf(e.date))
  );
  const months = new Set(inWindow.map((e) => monthOf(e.date))).size;
  const isDebtService = entryMatcher(context.portfolio.settings.cost_categories.debt_service ?? []);
  const operating = inWindow.flatMap((entry) => {
    const role = roleOf(entry, isDebtService);
    return role === null ? [] : [{ entry, role }];
  });
  const properties = entity.assets.properties;
  const unlisted_debt = unlistedDebt(inWindow, isDebtService);
  const owner = ownerOf(properties);
  const byProperty = properties.map(() => []);
  const unattributed = [];
  if (properties.length > 0)
    for (const item of operating) {
      const index = owner(item.entry.account);
      if (index === void 0) unattributed.push(item);
      else byProperty[index].push(item);
    }
  const holdings = properties.map((property, index) => ({
    name: property.name,
    address: property.address,
    ...figuresOf(scopeOf(byProperty[index], [property]), months)
  }));
  const unattributedDebt = scopeOf(unattributed, []);
  const whole = holdings.length === 1 ? withoutPlace(holdings[0]) : holdings.length === 0 ? figuresOf(scopeOf(operating, []), months) : figuresOf(
    scopeOf(operating, properties),
    months,
    months === 0 ? void 0 : sumMoney([
      ...holdings.map((h) => h.debt_service_annual ?? 0),
      figuresOf(unattributedDebt, months).debt_service_annual ?? 0
    ])
  );
  const centsOf = (role) => unattributed.filter((u) => u.role === role).reduce((n, u) => n + toCents(u.entry.amount), 0);
  return {
    holdings,
    whole,
    unlisted_debt,
    unclaimed: properties.length > 1 ? properties.filter((p) => !p.accounts?.length).map((p) => p.name) : [],
    unattributed: {
      entries: unattributed.length,
      // + 0: no income reads 0, not −0.
      income: -centsOf("income") / 100 + 0,
      expenses: centsOf("expense") / 100,
      debt_service: centsOf("debt_service") / 100
    }
  };
}
var DEBT_WORDS = /interest|mortgage|loan/i;
function unlistedDebt(entries, isDebtService) {
  const found = /* @__PURE__ */ new Map();
  for (const entry of entries) {
    if (entry.cash || entry.type !== "liability" && entry.type !== "expense") continue;
    const name = entry.type === "expense" ? entry.category ?? entry.account : entry.account;
    if (![name, entry.account, entry.category ?? ""].some((n) => DEBT_WORDS.test(n))) continue;
    if (isDebtService(entry)) continue;
    const seen = found.get(name) ?? { postings: 0, cents: 0 };
    seen.postings += 1;
    seen.cents += toCents(entry.amount);
    found.set(name, seen);
  }
  return [...found].sort(([a], [b]) => compareText(a, b)).map(([account, { postings, cents }]) => ({ account, postings, amount: cents / 100 }));
}
function ownerOf(properties) {
  if (properties.length === 1) return () => 0;
  const chart = accountChart(
    properties.flatMap(
      (property, index) => (property.accounts ?? []).map((pattern) => ({
        pattern,
        type: "asset",
        name: String(index)
      }))
    ),
    { defaults: false }
  );
  return (account) => {
    const hit = chart.classify(account);
    return hit?.name === void 0 ? void 0 : Number(hit.name);
  };
}
function scopeOf(entries, properties) {
  const annualExpenses = {};
  for (const property of properties)
    for (const [category, annual] of Object.entries(property.annual_expenses))
      annualExpenses[category] = sumMoney([annualExpenses[category] ?? 0, annual]);
  const total = (pick) => properties.length === 0 ? null : sumMoney(properties.map(pick));
  return {
    entries,
    annualExpenses,
    value: total((p) => p.value),
    cashInvested: total((p) => p.cash_invested),
    declaredDebtService: total((p) => p.annual_debt_service) ?? 0
  };
}
function withoutPlace({ name: _name, address: _address, ...figures }) {
  return figures;
}

// src/analysis/units.ts
var propertySection = {
  id: "property",
  title: "Property performance",
  owner: "manager",
  analyze(context) {
    const out = new SectionFindings("property", "manager", context.asOf);
    const properties = entityRows(context, out, (entity, out2) => {
      if (!entity.tables.units && entity.assets.properties.length === 0) return null;
      const units = entity.tables.units ?? [];
      if (units.length === 0)
        out2.add(
          {
            rule: "property.no-units",
            severity: "warning",
            title: `${entity.name} has no units.csv: occupancy and rent roll cannot be computed`,
            entity: entity.id
          },
          `Record ${possessive(entity.name)} units and leases`
        );
      const occupied = units.filter((unit) => unit.status === "occupied");
      const exactOccupancy = ratio(occupied.length, units.length);
      const occupancy = exactOccupancy === null ? null : round(exactOccupancy, 4);
      if (occupancy !== null && shownRatio(occupancy) < context.thresholds.min_occupancy) {
        const vacant = units.filter((unit) => unit.status === "vacant").map((unit) => unit.unit);
        out2.add(
          {
            rule: "property.low-occupancy",
            severity: "warning",
            title: `${entity.name} is ${formatPercent(occupancy)} occupied (vacant: ${vacant.join(", ")})`,
            entity: entity.id,
            figures: { occupancy, vacant: vacant.join(", ") }
          },
          `Lease the vacant units at ${entity.name}`
        );
      }
      const operations = propertyOperations(entity, context);
      const whole = operations.whole;
      if (whole.noi_monthly === null)
        out2.add({
          rule: "property.no-ledger",
          severity: "warning",
          title: `${entity.name} has no ledger rows in the last 3 months: NOI cannot be computed`,
          entity: entity.id
        });
      for (const property of operations.unclaimed)
        out2.add(
          {
            rule: "property.no-accounts",
            severity: "warning",
            title: `${entity.name} holds ${count(entity.assets.properties.length, "property", "properties")}, and no account is named as ${possessive(property)}: its NOI cannot be told apart`,
            entity: entity.id,
            subject: property.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
            figures: { property }
          },
          `List ${possessive(property)} accounts under its \`accounts:\` in ${possessive(entity.name)} file`
        );
      if (operations.unlisted_debt.length > 0) {
        const debt = operations.unlisted_debt;
        const postings = debt.reduce((n, d) => n + d.postings, 0);
        out2.add(
          {
            rule: "property.unlisted-debt-service",
            severity: "warning",
            title: `${entity.name}: ${count(postings, "posting")} in the last 3 months to ${debt.map((d) => d.account).join(", ")} ${agree(postings, "looks", "look")} like debt service, which cost_categories.debt_service does not list: interest booked as an expense lowers NOI`,
            entity: entity.id,
            figures: {
              accounts: debt.map((d) => d.account).join(", "),
              postings,
              amount: sumMoney(debt.map((d) => d.amount))
            }
          },
          `List ${debt.map((d) => d.account).join(", ")} under cost_categories.debt_service in portfolio.yml, if ${agree(debt.length, "it is", "they are")} ${possessive(entity.name)} loan`
        );
      }
      if (operations.unattributed.entries > 0) {
        const { income, expenses, debt_service: debt } = operations.unattributed;
        out2.add({
          rule: "property.unattributed",
          severity: "info",
          title: `${entity.name}: ${count(operations.unattributed.entries, "posting")} of operating income, expenses or debt service in the last 3 months name no one property (income ${context.money(income)}, expenses ${context.money(expenses)}${debt !== 0 ? `, debt service ${context.money(debt)}` : ""}): they count in the entity's ${debt !== 0 ? "NOI and debt service" : "NOI"}, not in any property's`,
          entity: entity.id,
          figures: { ...operations.unattributed }
        });
      }
      const maintenance = (entity.tables.maintenance ?? []).filter((item) => item.status === "open").map((item) => withFields(item, { age_days: daysBetween(item.opened, context.asOf) }));
      for (const item of maintenance.filter((m) => m.age_days > 30)) {
        out2.add(
          {
            rule: "property.stale-maintenance",
            severity: "warning",
            title: `${entity.name}: "${item.item}" open for ${count(item.age_days, "day")}`,
            entity: entity.id,
            subject: `${item.opened}-${item.item.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`,
            figures: { age_days: item.age_days, estimate: item.estimate }
          },
          `Fix "${item.item}" at ${entity.name}`
        );
      }
      return {
        id: entity.id,
        name: entity.name,
        address: entity.assets.properties.length === 1 ? entity.assets.properties[0].address : null,
        units: units.length,
        occupied: occupied.length,
        occupancy,
        rent_roll: units.map((unit) => ({
          unit: unit.unit,
          tenant: unit.tenant ?? null,
          rent: unit.rent,
          status: unit.status,
          lease_end: unit.lease_end ?? null
        })),
        scheduled_rent_monthly: sumMoney(occupied.map((unit) => unit.rent)),
        ...whole,
        holdings: operations.holdings,
        open_maintenance: maintenance,
        open_maintenance_estimate: sumMoney(maintenance.map((m) => m.estimate)),
        // The rent roll as bars, occupied against vacant (charts-sections.ts).
        occupancy_chart: occupancyChart(
          entity.name,
          occupancy,
          units,
          context.portfolio.settings.currency
        )
      };
    }).filter((row) => row !== null);
    return { data: { properties }, findings: out.findings, actions: out.actions };
  }
};
var DELIVERY_STEPS = [
  ["quoted", "accepted"],
  ["accepted", "departed"],
  ["departed", "delivered"],
  ["delivered", "invoiced"]
];
var deliveryOpsSection = {
  id: "delivery_ops",
  title: "Delivery operations",
  owner: "manager",
  analyze(context) {
    const out = new SectionFindings("delivery_ops", "manager", context.asOf);
    const units = entityRows(context, out, (entity, out2) => {
      if (!entity.tables.deliveries) return null;
      const deliveries = entity.tables.deliveries.map((row) => {
        const exactMargin = moneyRatio(money(row.revenue - row.cost), row.revenue);
        const margin2 = exactMargin === null ? null : round(exactMargin, 4);
        if (margin2 !== null && row.delivered && shownRatio(margin2) < context.thresholds.min_delivery_margin) {
          out2.add(
            {
              rule: "delivery.low-margin",
              severity: "warning",
              title: `${entity.name}: delivery ${row.delivery_id} (${row.vessel}) earned a ${formatPercent(margin2)} margin`,
              entity: entity.id,
              subject: row.delivery_id,
              figures: { revenue: row.revenue, cost: row.cost, margin: margin2 }
            },
            `Review pricing for deliveries like ${row.delivery_id}`
          );
        }
        if (row.delivered && !row.invoiced) {
          const days = daysBetween(row.delivered, context.asOf);
          out2.add(
            {
              rule: "delivery.not-invoiced",
              severity: days > context.thresholds.slow_step_days ? "warning" : "info",
              title: `${entity.name}: delivery ${row.delivery_id} delivered ${count(days, "day")} ago and not invoiced`,
              entity: entity.id,
              subject: row.delivery_id,
              figures: { days, revenue: row.revenue }
            },
            `Invoice delivery ${row.delivery_id}`
          );
        }
        return {
          delivery_id: row.delivery_id,
          vessel: row.vessel,
          revenue: row.revenue,
          cost: row.cost,
          margin: margin2,
          stage: DELIVERY_STEPS.reduce((stage, [, to]) => row[to] ? to : stage, "quoted")
        };
      });
      const timings = DELIVERY_STEPS.map(([from, to]) => {
        const durations = entity.tables.deliveries.filter((row) => row[from] && row[to]).map((row) => daysBetween(row[from], row[to]));
        return {
          step: `${from} \u2192 ${to}`,
          deliveries: durations.length,
          // Kept as shown, to a tenth of a day, and judged so.
          average_days: durations.length ? shownTenths(sum(durations) / durations.length) : null
        };
      });
      const steps = timings;
      const slowest = timings.filter((t) => t.average_days !== null).reduce(
        (best, t) => best === null || t.average_days > best.average_days ? t : best,
        null
      );
      if (slowest && slowest.average_days > context.thresholds.slow_step_days) {
        out2.add(
          {
            rule: "delivery.slow-step",
            severity: "warning",
            title: `${entity.name}: ${slowest.step} takes ${formatDays(slowest.average_days)} on average`,
            entity: entity.id,
            figures: {
              step: slowest.step,
              average_days: slowest.average_days,
              limit_days: context.thresholds.slow_step_days
            }
          },
          `Shorten the ${slowest.step} step at ${entity.name}`
        );
      }
      const revenue = sumMoney(deliveries.map((d) => d.revenue));
      const cost = sumMoney(deliveries.map((d) => d.cost));
      const margin = moneyRatio(money(revenue - cost), revenue);
      return {
        id: entity.id,
        name: entity.name,
        deliveries,
        steps,
        slowest,
        revenue,
        cost,
        margin: margin === null ? null : round(margin, 4)
      };
    }).filter((row) => row !== null);
    return { data: { units }, findings: out.findings, actions: out.actions };
  }
};
var AGING_BUCKETS = ["current", "0-30", "31-60", "61-90", "90+"];
function agingBucket(daysPastDue) {
  if (daysPastDue <= 0) return "current";
  if (daysPastDue <= 30) return "0-30";
  if (daysPastDue <= 60) return "31-60";
  if (daysPastDue <= 90) return "61-90";
  return "90+";
}
var clientBillingSection = {
  id: "client_billing",
  title: "Client billing",
  owner: "manager",
  analyze(context) {
    const out = new SectionFindings("client_billing", "manager", context.asOf);
    const portfolios = entityRows(context, out, (entity, out2) => {
      if (!entity.tables.invoices && !entity.tables.timesheets) return null;
      const unbilledRows = (entity.tables.timesheets ?? []).filter(
        (row) => !row.invoice && row.date <= context.asOf
      );
      const unbilled = /* @__PURE__ */ new Map();
      for (const row of unbilledRows) {
        const total = unbilled.get(row.client) ?? { hours: 0, amount: 0 };
        unbilled.set(row.client, {
          hours: total.hours + row.hours,
          amount: sumMoney([total.amount, row.hours * row.rate])
        });
      }
      const unbilledList = [...unbilled.entries()].map(([client, t]) => ({
        client,
        hours: round(t.hours),
        amount: t.amount
      }));
      const unbilledTotal = sumMoney(unbilledList.map((u) => u.amount));
      if (shownMoney(unbilledTotal) > 0)
        out2.add(
          {
            rule: "billing.unbilled-hours",
            severity: "warning",
            title: `${entity.name}: ${formatNumber(sum(unbilledList.map((u) => u.hours)), 2)} hours worth ${context.money(unbilledTotal)} logged but not billed`,
            entity: entity.id,
            figures: {
              hours: round(sum(unbilledList.map((u) => u.hours))),
              amount: unbilledTotal
            }
          },
          `Invoice ${possessive(entity.name)} unbilled hours`
        );
      const open = (entity.tables.invoices ?? []).filter((inv) => (!inv.paid || inv.paid > context.asOf) && inv.issued <= context.asOf).map((inv) => {
        const daysPastDue = daysBetween(inv.due, context.asOf);
        return {
          invoice_id: inv.invoice_id,
          client: inv.client,
          amount: inv.amount,
          due: inv.due,
          days_past_due: daysPastDue,
          bucket: agingBucket(daysPastDue)
        };
      });
      const aging = AGING_BUCKETS.map((bucket) => ({
        bucket,
        invoices: open.filter((i) => i.bucket === bucket).length,
        amount: sumMoney(open.filter((i) => i.bucket === bucket).map((i) => i.amount))
      }));
      for (const invoice of open.filter(
        (i) => i.days_past_due > context.thresholds.overdue_escalation_days
      )) {
        out2.add(
          {
            rule: "billing.overdue-invoice",
            severity: invoice.days_past_due > 90 ? "critical" : "warning",
            title: `${entity.name}: invoice ${invoice.invoice_id} to ${invoice.client} (${context.money(invoice.amount)}) is ${count(invoice.days_past_due, "day")} overdue`,
            entity: entity.id,
            subject: invoice.invoice_id,
            figures: { amount: invoice.amount, days_past_due: invoice.days_past_due }
          },
          `Chase ${invoice.client} for invoice ${invoice.invoice_id}`
        );
      }
      const clients = entity.tables.clients ?? [];
      const acquisitionCost = clients.length ? money(sumMoney(clients.map((c) => c.acquisition_cost)) / clients.length) : null;
      const revenueByClient = /* @__PURE__ */ new Map();
      for (const inv of (entity.tables.invoices ?? []).filter((i) => i.issued <= context.asOf))
        revenueByClient.set(
          inv.client,
          sumMoney([revenueByClient.get(inv.client) ?? 0, inv.amount])
        );
      const totalRevenue = sumMoney(revenueByClient.values());
      const byRevenue = [...revenueByClient.entries()].sort((a, b) => b[1] - a[1]);
      const concentration = byRevenue.map(([client, amount]) => {
        const share = moneyRatio(amount, totalRevenue);
        return { client, revenue: amount, share: share === null ? null : round(share, 4) };
      });
      const largest = concentration[0];
      if (largest?.share != null && shownRatio(largest.share) > context.thresholds.max_client_share) {
        out2.add(
          {
            rule: "billing.concentration",
            severity: "warning",
            title: `${entity.name}: ${largest.client} is ${formatPercent(largest.share)} of invoiced revenue`,
            entity: entity.id,
            figures: {
              client: largest.client,
              share: largest.share,
              limit: context.thresholds.max_client_share
            }
          },
          `Win clients to bring ${largest.client} under ${round(context.thresholds.max_client_share * 100, 0)}% of revenue`
        );
      }
      return {
        id: entity.id,
        name: entity.name,
        unbilled: unbilledList,
        unbilled_total: unbilledTotal,
        open_invoices: open,
        aging,
        receivable: sumMoney(open.map((i) => i.amount)),
        clients: clients.length,
        acquisition_cost: acquisitionCost,
        concentration,
        largest_share: largest?.share ?? null,
        // The aging table's amounts as bars (charts-sections.ts).
        aging_chart: agingChart(entity.name, aging, context.portfolio.settings.currency)
      };
    }).filter((row) => row !== null);
    return { data: { portfolios }, findings: out.findings, actions: out.actions };
  }
};
var unitSections = [propertySection, deliveryOpsSection, clientBillingSection];

// src/analysis/index.ts
var ANALYZERS = new Map(
  [
    ...ceoSections,
    ...financeSections,
    ...techSections,
    ...marketingSections,
    ...accountingSections,
    ...unitSections
  ].map((a) => [a.id, a])
);
function shownCounts(sections) {
  const findings = /* @__PURE__ */ new Map();
  const actions = /* @__PURE__ */ new Set();
  const addFindings = (list2) => {
    for (const finding of list2) findings.set(finding.id, finding);
  };
  const addActions = (list2) => {
    for (const action of list2) actions.add(`${action.finding}
${action.title}`);
  };
  for (const section of sections) {
    addFindings(section.findings);
    if (section.gathered?.findings) addFindings(section.gathered.findings);
    addActions(section.actions);
    if (section.gathered?.actions) addActions(section.gathered.actions);
  }
  const counts = { critical: 0, warning: 0, info: 0 };
  for (const finding of findings.values()) counts[finding.severity]++;
  return {
    critical: counts.critical,
    warning: counts.warning,
    info: counts.info,
    actions: actions.size
  };
}
function thresholdsFor(portfolio, persona) {
  return {
    ...thresholdDefaults,
    ...portfolio.settings.thresholds,
    ...portfolio.personas.get(persona)?.thresholds
  };
}
var newParts = () => /* @__PURE__ */ new Map();
var Analyzer = class _Analyzer {
  constructor(portfolio, asOf) {
    this.asOf = asOf;
    this.portfolio = portfolioAsOf(portfolio, asOf);
    this.known = new Map(portfolio.entities.map((e, i) => [e, this.portfolio.entities[i]]));
  }
  asOf;
  /** Section (or other) key -> entity id -> that entity's part, as of `asOf`. */
  parts = /* @__PURE__ */ new Map();
  earlier = /* @__PURE__ */ new Map();
  /** The headline figures of rows and their comparisons, shared by this date's reports. */
  figureMemo;
  /** Entity id -> its index in `portfolio.entities` (entitiesOf). */
  positions;
  /**
   * Each persona's thresholds (thresholdsFor), made once per Analyzer: every section of every
   * report reads its owner's, and the analyses only read them.
   */
  thresholds = /* @__PURE__ */ new Map();
  /** The portfolio as known on `asOf`: rows dated after it are left out (src/analysis/as-of.ts). */
  portfolio;
  known;
  /**
   * The report's entities in the portfolio's order, each once (ids the portfolio does not have
   * are left out).
   */
  entitiesOf(report) {
    const entities = this.portfolio.entities;
    if (report.entities === "all") return entities;
    this.positions ??= new Map(entities.map((entity, index) => [entity.id, index]));
    if (this.positions.size !== entities.length) {
      const wanted = new Set(report.entities);
      return entities.filter((entity) => wanted.has(entity.id));
    }
    const found = /* @__PURE__ */ new Set();
    for (const id of report.entities) {
      const index = this.positions.get(id);
      if (index !== void 0) found.add(index);
    }
    return mapPacked(
      [...found].sort((a, b) => a - b),
      (index) => entities[index]
    );
  }
  sectionsOf(report) {
    return report.sections ?? this.portfolio.personas.get(report.persona)?.sections ?? [];
  }
  /**
   * Computes, from each entity's books, every part that analysing `reports` with their changes
   * (analyzeWithChanges) will ask of it, as of this date and of each report's previous period,
   * and its CFO figures (metrics); then takes its books from it (src/analysis/book-release.ts
   * releaseBooks, in place, on the loaded portfolio's entity objects too). The reports are then
   * analysed from those parts alone, to the same figures, and the books (37 of the 51 MB live once
   * the bench's portfolio is loaded) can be collected before the render. For a caller that owns
   * the portfolio and analyses nothing but `reports` afterwards: a later read of a released
   * entity's books throws BooksReleasedError. An entity whose parts cannot all be computed on
   * their own (a section that throws for it alone) keeps its books, and is analysed from them.
   * @returns how many entities gave up their books.
   * @throws BooksReleasedError when an entity's part reads another entity's released books (a
   *   fault in that analysis: parts depend on their own entity only).
   */
  releaseBooksAfterComputing(reports) {
    const shown2 = sectionsShown(
      reports,
      this.asOf,
      (report) => this.entitiesOf(report),
      (report) => this.sectionsOf(report)
    );
    for (const byDate of shown2.values())
      for (const date of byDate.keys()) if (date !== this.asOf) this.at(date);
    let released = 0;
    for (const entity of this.portfolio.entities) {
      if (booksReleased(entity)) continue;
      try {
        for (const [date, sections] of shown2.get(entity.id) ?? []) {
          const analyzer = date === this.asOf ? this : this.at(date);
          const seen = analyzer.entityById(entity.id);
          if (!seen) throw new Error(`no entity "${entity.id}" as of ${date}`);
          const combined = /* @__PURE__ */ new Map();
          for (const id of sections) analyzer.section(id, [seen], combined);
        }
        this.finance(entity);
      } catch (error) {
        if (error instanceof BooksReleasedError) throw error;
        continue;
      }
      this.releaseEverywhere(entity.id);
      released++;
    }
    return released;
  }
  /**
   * Releases the books of entity `id` on every object that holds them for this Analyzer: the
   * loaded entity, its view as of this date, and its views as of the earlier dates (`at`).
   */
  releaseEverywhere(id) {
    const holders = /* @__PURE__ */ new Set();
    for (const [loaded, seen] of this.known) if (loaded.id === id) holders.add(loaded).add(seen);
    for (const earlier of this.earlier.values())
      for (const [from, seen] of earlier.known) if (from.id === id) holders.add(from).add(seen);
    for (const entity of holders) if (!booksReleased(entity)) releaseBooks(entity);
  }
  /** The entity with id `id` as known on this date (one of them if two share it: invalid). */
  entityById(id) {
    const entities = this.portfolio.entities;
    this.positions ??= new Map(entities.map((entity, index2) => [entity.id, index2]));
    const index = this.positions.get(id);
    return index === void 0 ? void 0 : entities[index];
  }
  analyzeReport(report) {
    const entities = this.entitiesOf(report);
    const combined = /* @__PURE__ */ new Map();
    const sections = mapPacked(
      this.sectionsOf(report),
      (id) => this.section(id, entities, combined)
    );
    return {
      sections,
      findings: sections.flatMap((s) => s.findings),
      actions: sections.flatMap((s) => s.actions),
      counts: shownCounts(sections)
    };
  }
  /**
   * The report's analysis with what changed since the previous period of its cadence: the same
   * report analysed again, from the same books, as of the previous period's date.
   */
  analyzeWithChanges(report) {
    const analysis = this.analyzeReport(report);
    const before = previousAsOf(report.cadence, this.asOf);
    const previous = this.at(before).analyzeReport(report);
    const thresholds = this.portfolio.settings.change_thresholds;
    this.figureMemo ??= new FigureMemo(this.portfolio, thresholds);
    const changes = reportChanges({
      portfolio: this.portfolio,
      asOf: this.asOf,
      previousAsOf: before,
      current: analysis.sections,
      previous: previous.sections,
      ...thresholds ? { thresholds } : {},
      memo: this.figureMemo
    });
    return withFields(analysis, { changes });
  }
  /** The same portfolio analysed as of an earlier date, made once per date and kept. */
  at(date) {
    return cachedIn(this.earlier, date, (earlier) => new _Analyzer(this.portfolio, earlier));
  }
  /**
   * Section `id` over `given` entities: each entity's part from the cache (perEntity), combined
   * here. `combined` holds the sections already combined for the same report and entities.
   */
  section(id, given, combined = /* @__PURE__ */ new Map()) {
    const done = combined.get(id);
    if (done) return done;
    const analyzer = ANALYZERS.get(id);
    if (!analyzer) throw new Error(`no analyzer for section "${id}"`);
    const entities = mapPacked(given, (e) => this.known.get(e) ?? entityAsOf(e, this.asOf));
    const context = {
      portfolio: this.portfolio,
      asOf: this.asOf,
      entities,
      thresholds: this.thresholdsOf(analyzer.owner),
      money: (value) => formatMoney(value, this.portfolio.settings.currency),
      finance: (entity) => this.finance(entity),
      channels: (entity) => this.channels(entity),
      section: (other) => this.section(other, entities, combined),
      perEntity: (key, entity, compute) => this.perEntity(key, entity, compute)
    };
    const result = { id, title: analyzer.title, ...analyzer.analyze(context) };
    combined.set(id, result);
    return result;
  }
  /**
   * One entity's part of something (a section's rows and findings, its figures), computed on
   * first use and kept for this as-of date under (`key`, entity id). `compute` must depend on
   * nothing but the entity, the portfolio and the as-of date: never on the report's other
   * entities.
   */
  perEntity(key, entity, compute) {
    const byEntity = cachedIn(this.parts, key, newParts);
    if (byEntity.has(entity.id)) return byEntity.get(entity.id);
    const part = compute();
    byEntity.set(entity.id, part);
    return part;
  }
  /** The CFO's figures for one entity as of this date, computed once (perEntity). */
  finance(entity) {
    return this.perEntity(
      "finance",
      entity,
      () => financeMetrics(entity, this.portfolio, this.asOf, this.thresholdsOf("cfo"))
    );
  }
  /** thresholdsFor(this.portfolio, persona), made once per persona. */
  thresholdsOf(persona) {
    return cachedIn(this.thresholds, persona, (owner) => thresholdsFor(this.portfolio, owner));
  }
  /** One entity's live channels with their spend and attribution, computed once (perEntity). */
  channels(entity) {
    return this.perEntity("channels", entity, () => channelStats(entity, this.asOf));
  }
  /** The CFO's figures for every entity: summary.json's `metrics`. */
  metrics() {
    return Object.fromEntries(
      this.portfolio.entities.map((entity) => [entity.id, this.finance(entity)])
    );
  }
};

export {
  Analyzer
};

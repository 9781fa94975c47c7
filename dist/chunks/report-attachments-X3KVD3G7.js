import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  withAttachedFiles
} from "./chunk-RRQPDUQS.js";
import "./chunk-OXRXBV5P.js";

// src/render/report-attachments.ts
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

// node_modules/csv-stringify/lib/utils/get.js
var charCodeOfDot = ".".charCodeAt(0);
var reEscapeChar = /\\(\\)?/g;
var rePropName = RegExp(
  // Match anything that isn't a dot or bracket.
  `[^.[\\]]+|\\[(?:([^"'][^[]*)|(["'])((?:(?!\\2)[^\\\\]|\\\\.)*?)\\2)\\]|(?=(?:\\.|\\[\\])(?:\\.|\\[\\]|$))`,
  "g"
);
var reIsDeepProp = /\.|\[(?:[^[\]]*|(["'])(?:(?!\1)[^\\]|\\.)*?\1)\]/;
var reIsPlainProp = /^\w*$/;
var getTag = function(value) {
  return Object.prototype.toString.call(value);
};
var isSymbol = function(value) {
  const type = typeof value;
  return type === "symbol" || type === "object" && value && getTag(value) === "[object Symbol]";
};
var isKey = function(value, object) {
  if (Array.isArray(value)) {
    return false;
  }
  const type = typeof value;
  if (type === "number" || type === "symbol" || type === "boolean" || !value || isSymbol(value)) {
    return true;
  }
  return reIsPlainProp.test(value) || !reIsDeepProp.test(value) || object != null && value in Object(object);
};
var stringToPath = function(string) {
  const result = [];
  if (string.charCodeAt(0) === charCodeOfDot) {
    result.push("");
  }
  string.replace(rePropName, function(match, expression, quote, subString) {
    let key = match;
    if (quote) {
      key = subString.replace(reEscapeChar, "$1");
    } else if (expression) {
      key = expression.trim();
    }
    result.push(key);
  });
  return result;
};
var castPath = function(value, object) {
  if (Array.isArray(value)) {
    return value;
  } else {
    return isKey(value, object) ? [value] : stringToPath(value);
  }
};
var toKey = function(value) {
  if (typeof value === "string" || isSymbol(value)) return value;
  const result = `${value}`;
  return result == "0" && 1 / value == -Infinity ? "-0" : result;
};
var get = function(object, path2) {
  path2 = castPath(path2, object);
  let index = 0;
  const length = path2.length;
  while (object != null && index < length) {
    object = object[toKey(path2[index++])];
  }
  return index && index === length ? object : void 0;
};

// node_modules/csv-stringify/lib/utils/is_object.js
var is_object = function(obj) {
  return typeof obj === "object" && obj !== null && !Array.isArray(obj);
};

// node_modules/csv-stringify/lib/api/normalize_columns.js
var normalize_columns = function(columns) {
  if (columns === void 0 || columns === null) {
    return [void 0, void 0];
  }
  if (typeof columns !== "object") {
    return [Error('Invalid option "columns": expect an array or an object')];
  }
  if (!Array.isArray(columns)) {
    const newcolumns = [];
    for (const k in columns) {
      newcolumns.push({
        key: k,
        header: columns[k]
      });
    }
    columns = newcolumns;
  } else {
    const newcolumns = [];
    for (const column of columns) {
      if (typeof column === "string") {
        newcolumns.push({
          key: column,
          header: column
        });
      } else if (typeof column === "object" && column !== null && !Array.isArray(column)) {
        if (!column.key) {
          return [
            Error('Invalid column definition: property "key" is required')
          ];
        }
        if (column.header === void 0) {
          column.header = column.key;
        }
        newcolumns.push(column);
      } else {
        return [
          Error("Invalid column definition: expect a string or an object")
        ];
      }
    }
    columns = newcolumns;
  }
  return [void 0, columns];
};

// node_modules/csv-stringify/lib/api/CsvError.js
var CsvError = class _CsvError extends Error {
  constructor(code, message, ...contexts) {
    if (Array.isArray(message)) message = message.join(" ");
    super(message);
    if (Error.captureStackTrace !== void 0) {
      Error.captureStackTrace(this, _CsvError);
    }
    this.code = code;
    for (const context of contexts) {
      for (const key in context) {
        const value = context[key];
        this[key] = Buffer.isBuffer(value) ? value.toString() : value == null ? value : JSON.parse(JSON.stringify(value));
      }
    }
  }
};

// node_modules/csv-stringify/lib/utils/underscore.js
var underscore = function(str) {
  return str.replace(/([A-Z])/g, function(_, match) {
    return "_" + match.toLowerCase();
  });
};

// node_modules/csv-stringify/lib/api/normalize_options.js
var normalize_options = function(opts) {
  const options = {};
  for (const opt in opts) {
    options[underscore(opt)] = opts[opt];
  }
  if (options.bom === void 0 || options.bom === null || options.bom === false) {
    options.bom = false;
  } else if (options.bom !== true) {
    return [
      new CsvError("CSV_OPTION_BOOLEAN_INVALID_TYPE", [
        "option `bom` is optional and must be a boolean value,",
        `got ${JSON.stringify(options.bom)}`
      ])
    ];
  }
  if (options.delimiter === void 0 || options.delimiter === null) {
    options.delimiter = ",";
  } else if (Buffer.isBuffer(options.delimiter)) {
    options.delimiter = options.delimiter.toString();
  } else if (typeof options.delimiter !== "string") {
    return [
      new CsvError("CSV_OPTION_DELIMITER_INVALID_TYPE", [
        "option `delimiter` must be a buffer or a string,",
        `got ${JSON.stringify(options.delimiter)}`
      ])
    ];
  }
  if (options.quote === void 0 || options.quote === null) {
    options.quote = '"';
  } else if (options.quote === true) {
    options.quote = '"';
  } else if (options.quote === false) {
    options.quote = "";
  } else if (Buffer.isBuffer(options.quote)) {
    options.quote = options.quote.toString();
  } else if (typeof options.quote !== "string") {
    return [
      new CsvError("CSV_OPTION_QUOTE_INVALID_TYPE", [
        "option `quote` must be a boolean, a buffer or a string,",
        `got ${JSON.stringify(options.quote)}`
      ])
    ];
  }
  if (options.quoted === void 0 || options.quoted === null) {
    options.quoted = false;
  } else {
  }
  if (options.escape_formulas === void 0 || options.escape_formulas === null) {
    options.escape_formulas = false;
  } else if (typeof options.escape_formulas !== "boolean") {
    return [
      new CsvError("CSV_OPTION_ESCAPE_FORMULAS_INVALID_TYPE", [
        "option `escape_formulas` must be a boolean,",
        `got ${JSON.stringify(options.escape_formulas)}`
      ])
    ];
  }
  if (options.quoted_empty === void 0 || options.quoted_empty === null) {
    options.quoted_empty = void 0;
  } else {
  }
  if (options.quoted_match === void 0 || options.quoted_match === null || options.quoted_match === false) {
    options.quoted_match = null;
  } else if (!Array.isArray(options.quoted_match)) {
    options.quoted_match = [options.quoted_match];
  }
  if (options.quoted_match) {
    for (const quoted_match of options.quoted_match) {
      const isString = typeof quoted_match === "string";
      const isRegExp = quoted_match instanceof RegExp;
      if (!isString && !isRegExp) {
        return [
          new CsvError("CSV_OPTION_QUOTED_MATCH", [
            "option `quoted_match` must be a string or a regex,",
            `got ${JSON.stringify(options.quoted_match)}`
          ])
        ];
      }
    }
  }
  if (options.quoted_string === void 0 || options.quoted_string === null) {
    options.quoted_string = false;
  } else {
  }
  if (options.eof === void 0 || options.eof === null) {
    options.eof = true;
  } else {
  }
  if (options.escape === void 0 || options.escape === null) {
    options.escape = '"';
  } else if (Buffer.isBuffer(options.escape)) {
    options.escape = options.escape.toString();
  } else if (typeof options.escape !== "string") {
    return [
      Error(
        `Invalid Option: escape must be a buffer or a string, got ${JSON.stringify(options.escape)}`
      )
    ];
  }
  if (options.escape.length > 1) {
    return [
      Error(
        `Invalid Option: escape must be one character, got ${options.escape.length} characters`
      )
    ];
  }
  if (options.header === void 0 || options.header === null || options.header === false) {
    options.header = false;
  } else if (options.header !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_HEADER",
      [
        "option `header` is expected to be a boolean,",
        `got ${JSON.stringify(options.header)}`
      ],
      options
    );
  }
  if (options.header_as_comment === void 0 || options.header_as_comment === null || options.header_as_comment === false) {
    options.header_as_comment = false;
  } else if (options.header_as_comment === true) {
    options.header_as_comment = "#";
  } else if (Buffer.isBuffer(options.header_as_comment)) {
    options.header_as_comment = options.header_as_comment.toString();
  } else if (typeof options.header_as_comment !== "string") {
    throw new CsvError(
      "CSV_INVALID_OPTION_HEADER_AS_COMMENT",
      [
        "option `header_as_comment` must be a boolean, a string or a buffer,",
        `got ${JSON.stringify(options.header_as_comment)}`
      ],
      options
    );
  }
  const [errColumns, columns] = normalize_columns(options.columns);
  if (errColumns !== void 0) return [errColumns];
  options.columns = columns;
  if (options.quoted === void 0 || options.quoted === null) {
    options.quoted = false;
  } else {
  }
  if (options.cast === void 0 || options.cast === null) {
    options.cast = {};
  } else {
  }
  if (options.cast.bigint === void 0 || options.cast.bigint === null) {
    options.cast.bigint = (value) => "" + value;
  }
  if (options.cast.boolean === void 0 || options.cast.boolean === null) {
    options.cast.boolean = (value) => value ? "1" : "";
  }
  if (options.cast.date === void 0 || options.cast.date === null) {
    options.cast.date = (value) => "" + value.getTime();
  }
  if (options.cast.number === void 0 || options.cast.number === null) {
    options.cast.number = (value) => "" + value;
  }
  if (options.cast.object === void 0 || options.cast.object === null) {
    options.cast.object = (value) => JSON.stringify(value);
  }
  if (options.cast.string === void 0 || options.cast.string === null) {
    options.cast.string = function(value) {
      return value;
    };
  }
  if (options.on_record !== void 0 && typeof options.on_record !== "function") {
    return [Error(`Invalid Option: "on_record" must be a function.`)];
  }
  if (options.quote_record_delimiter === void 0 || options.quote_record_delimiter === null) {
    options.quote_record_delimiter = !options.record_delimiter;
  } else if (typeof options.quote_record_delimiter !== "boolean") {
    return [
      new CsvError("CSV_OPTION_QUOTE_RECORD_DELIMITER_INVALID_TYPE", [
        "option `quote_record_delimiter` must be a boolean,",
        `got ${JSON.stringify(options.quote_record_delimiter)}`
      ])
    ];
  }
  if (options.record_delimiter === void 0 || options.record_delimiter === null) {
    options.record_delimiter = "\n";
  } else if (Buffer.isBuffer(options.record_delimiter)) {
    options.record_delimiter = options.record_delimiter.toString();
  } else if (typeof options.record_delimiter !== "string") {
    return [
      Error(
        `Invalid Option: record_delimiter must be a buffer or a string, got ${JSON.stringify(options.record_delimiter)}`
      )
    ];
  }
  switch (options.record_delimiter) {
    case "unix":
      options.record_delimiter = "\n";
      break;
    case "mac":
      options.record_delimiter = "\r";
      break;
    case "windows":
      options.record_delimiter = "\r\n";
      break;
    case "ascii":
      options.record_delimiter = "";
      break;
    case "unicode":
      options.record_delimiter = "\u2028";
      break;
  }
  return [void 0, options];
};

// node_modules/csv-stringify/lib/api/index.js
var bom_utf8 = Buffer.from([239, 187, 191]);
var emits_separator = function(value, separators) {
  return separators.some(
    (separator) => separator.length !== 0 && (value.indexOf(separator) !== -1 || separator.length > 1 && (value + separator).indexOf(separator) < value.length)
  );
};
var matches_quoted_match = function(value, quoted_match) {
  if (!quoted_match) return false;
  return quoted_match.some(
    (pattern) => typeof pattern === "string" ? value.indexOf(pattern) !== -1 : value.search(pattern) !== -1
  );
};
var stringifier = function(options, state, info) {
  return {
    options,
    state,
    info,
    __transform: function(chunk, push) {
      if (!Array.isArray(chunk) && typeof chunk !== "object") {
        return Error(
          `Invalid Record: expect an array or an object, got ${JSON.stringify(chunk)}`
        );
      }
      if (this.info.records === 0) {
        if (Array.isArray(chunk)) {
          if (this.options.header === true && this.options.columns === void 0) {
            return Error(
              "Undiscoverable Columns: header option requires column option or object records"
            );
          }
        } else if (this.options.columns === void 0) {
          const [err2, columns] = normalize_columns(Object.keys(chunk));
          if (err2) return;
          this.options.columns = columns;
        }
      }
      if (this.info.records === 0) {
        this.bom(push);
        const err2 = this.headers(push);
        if (err2) return err2;
      }
      try {
        if (this.options.on_record) {
          this.options.on_record(chunk, this.info.records);
        }
      } catch (err2) {
        return err2;
      }
      let err, chunk_string;
      if (this.options.eof) {
        [err, chunk_string] = this.stringify(chunk);
        if (err) return err;
        if (chunk_string === void 0) {
          return;
        } else {
          chunk_string = chunk_string + this.options.record_delimiter;
        }
      } else {
        [err, chunk_string] = this.stringify(chunk);
        if (err) return err;
        if (chunk_string === void 0) {
          return;
        } else {
          if (this.options.header || this.info.records) {
            chunk_string = this.options.record_delimiter + chunk_string;
          }
        }
      }
      this.info.records++;
      push(chunk_string);
    },
    stringify: function(chunk, chunkIsHeader = false) {
      if (typeof chunk !== "object") {
        return [void 0, chunk];
      }
      const { columns } = this.options;
      const record = [];
      if (Array.isArray(chunk)) {
        const length = columns ? Math.min(chunk.length, columns.length) : chunk.length;
        for (let i = 0; i < length; i++) {
          const field = chunk[i];
          const [err, value] = this.__cast(field, {
            index: i,
            column: i,
            records: this.info.records,
            header: chunkIsHeader
          });
          if (err) return [err];
          record[i] = [value, field];
        }
      } else {
        for (let i = 0; i < columns.length; i++) {
          const field = get(chunk, columns[i].key);
          const [err, value] = this.__cast(field, {
            index: i,
            column: columns[i].key,
            records: this.info.records,
            header: chunkIsHeader
          });
          if (err) return [err];
          record[i] = [value, field];
        }
      }
      let csvrecord = "";
      for (let i = 0; i < record.length; i++) {
        let options2, err;
        let [value, field] = record[i];
        if (typeof value === "string") {
          options2 = this.options;
        } else if (is_object(value)) {
          options2 = { ...value };
          value = options2.value;
          delete options2.value;
          if (typeof value !== "string" && value !== void 0 && value !== null) {
            if (err)
              return [
                Error(
                  `Invalid Casting Value: returned value must return a string, null or undefined, got ${JSON.stringify(value)}`
                )
              ];
          }
          options2 = { ...this.options, ...options2 };
          [err, options2] = normalize_options(options2);
          if (err !== void 0) {
            return [err];
          }
        } else if (value === void 0 || value === null) {
          options2 = this.options;
        } else {
          return [
            Error(
              `Invalid Casting Value: returned value must return a string, an object, null or undefined, got ${JSON.stringify(value)}`
            )
          ];
        }
        const {
          delimiter,
          escape,
          quote,
          quoted,
          quoted_empty,
          quoted_string,
          quoted_match,
          record_delimiter,
          quote_record_delimiter,
          escape_formulas
        } = options2;
        if ("" === value && "" === field) {
          const quotedMatch = matches_quoted_match(value, quoted_match);
          const shouldQuote = quotedMatch || true === quoted_empty || true === quoted_string && false !== quoted_empty;
          if (shouldQuote === true) {
            value = quote + value + quote;
          }
          csvrecord += value;
        } else if (value) {
          if (typeof value !== "string") {
            return [
              Error(
                `Formatter must return a string, null or undefined, got ${JSON.stringify(value)}`
              )
            ];
          }
          const containsdelimiter = emits_separator(value, [delimiter]);
          const containsQuote = quote !== "" && value.indexOf(quote) >= 0;
          const containsEscape = value.indexOf(escape) >= 0 && escape !== quote;
          const containsRecordDelimiter = emits_separator(value, [
            record_delimiter,
            ...quote_record_delimiter === false ? [] : ["\n", "\r"]
          ]);
          const quotedString = quoted_string && typeof field === "string";
          const quotedMatch = matches_quoted_match(value, quoted_match);
          if (escape_formulas) {
            switch (value[0]) {
              case "-":
                if (typeof field === "number" || typeof field === "bigint") {
                  break;
                }
                value = `'${value}`;
                break;
              case "=":
              case "+":
              case "@":
              case "	":
              case "\r":
              case "\uFF1D":
              // Unicode '='
              case "\uFF0B":
              // Unicode '+'
              case "\uFF0D":
              // Unicode '-'
              case "\uFF20":
                value = `'${value}`;
                break;
            }
          }
          const shouldQuote = containsQuote === true || containsdelimiter || containsRecordDelimiter || quoted || quotedString || quotedMatch;
          if (shouldQuote === true && containsEscape === true) {
            value = value.replaceAll(escape, () => escape + escape);
          }
          if (containsQuote === true) {
            value = value.replaceAll(quote, () => escape + quote);
          }
          if (shouldQuote === true) {
            value = quote + value + quote;
          }
          csvrecord += value;
        } else if (quoted_empty === true || field === "" && quoted_string === true && quoted_empty !== false) {
          csvrecord += quote + quote;
        }
        if (i !== record.length - 1) {
          csvrecord += delimiter;
        }
      }
      return [void 0, csvrecord];
    },
    bom: function(push) {
      if (this.options.bom !== true) {
        return;
      }
      push(bom_utf8);
    },
    headers: function(push) {
      if (this.options.header === false) {
        return;
      }
      if (this.options.columns === void 0) {
        return;
      }
      let err;
      let headers = this.options.columns.map((column) => column.header);
      if (this.options.eof) {
        [err, headers] = this.stringify(headers, true);
        headers += this.options.record_delimiter;
      } else {
        [err, headers] = this.stringify(headers, true);
      }
      if (err) return err;
      if (this.options.header_as_comment) {
        headers = this.options.header_as_comment + " " + headers;
      }
      push(headers);
    },
    __cast: function(value, context) {
      const type = typeof value;
      try {
        if (type === "string") {
          return [void 0, this.options.cast.string(value, context)];
        } else if (type === "bigint") {
          return [void 0, this.options.cast.bigint(value, context)];
        } else if (type === "number") {
          return [void 0, this.options.cast.number(value, context)];
        } else if (type === "boolean") {
          return [void 0, this.options.cast.boolean(value, context)];
        } else if (value instanceof Date) {
          return [void 0, this.options.cast.date(value, context)];
        } else if (type === "object" && value !== null) {
          return [void 0, this.options.cast.object(value, context)];
        } else if (value === null && this.options.cast.null !== void 0) {
          return [void 0, this.options.cast.null(value, context)];
        } else if (value === void 0 && this.options.cast.undefined !== void 0) {
          return [void 0, this.options.cast.undefined(value, context)];
        } else {
          return [void 0, value];
        }
      } catch (err) {
        return [err];
      }
    }
  };
};

// node_modules/csv-stringify/lib/sync.js
var stringify = function(records, opts = {}) {
  const data = [];
  const [err, options] = normalize_options(opts);
  if (err !== void 0) throw err;
  const state = {
    stop: false
  };
  const info = {
    records: 0
  };
  const api = stringifier(options, state, info);
  for (const record of records) {
    const err2 = api.__transform(record, function(record2) {
      data.push(record2);
    });
    if (err2 !== void 0) throw err2;
  }
  if (data.length === 0) {
    api.bom((d) => {
      data.push(d);
    });
    const err2 = api.headers((headers) => {
      data.push(headers);
    });
    if (err2 !== void 0) throw err2;
  }
  return data.join("");
};

// src/render/csv.ts
var CSV_CONTENT_TYPE = "text/csv; charset=utf-8";
var MONEY_WORDS = /* @__PURE__ */ new Set([
  "amount",
  "annual",
  "available",
  "burn",
  "cac",
  "cash",
  "cost",
  "costs",
  "deferred",
  "deposit",
  "deposits",
  "estimate",
  "expenses",
  "gap",
  "income",
  "invested",
  "monthly",
  "noi",
  "profit",
  "receivable",
  "released",
  "rent",
  "reserve",
  "revenue",
  "spend",
  "unbilled",
  "value"
]);
var NOT_MONEY_WORDS = /* @__PURE__ */ new Set([
  "age",
  "bookings",
  "clients",
  "count",
  "day",
  "days",
  "hours",
  "invoices",
  "leads",
  "line",
  "margin",
  "month",
  "months",
  "occupancy",
  "occupied",
  "postings",
  "rank",
  "rate",
  "ratio",
  "roas",
  "rows",
  "share",
  "times",
  "units"
]);
var NOT_MONEY_NAMES = /* @__PURE__ */ new Set(["cash_on_cash"]);
var MONEY_NAMES = /* @__PURE__ */ new Set(["receipt_threshold"]);
function isMoneyField(name) {
  const leaf = name.slice(name.lastIndexOf(".") + 1);
  if (NOT_MONEY_NAMES.has(leaf)) return false;
  if (MONEY_NAMES.has(leaf)) return true;
  const words = leaf.split("_");
  if (words.some((word) => NOT_MONEY_WORDS.has(word))) return false;
  return words.some((word) => MONEY_WORDS.has(word));
}
function reportTables(document) {
  const tables = [];
  for (const section of document.sections) collectObject(section.data, [section.id], tables);
  collectObject(
    {
      findings: document.findings ?? [],
      actions: document.actions ?? [],
      // `changes.sections` holds the figures of `changes.entities` again, grouped by section.
      ...isObject(document.changes) ? { changes: { ...document.changes, sections: void 0 } } : {}
    },
    [],
    tables
  );
  return tables;
}
function reportCsvFiles(reportId, document, currency) {
  const used = /* @__PURE__ */ new Set();
  return reportTables(document).map((table) => {
    let base = safeFileName(`${reportId}-${table.name}`);
    for (let n = 2; used.has(base); n += 1) base = safeFileName(`${reportId}-${table.name}-${n}`);
    used.add(base);
    return { fileName: `${base}.csv`, content: Buffer.from(tableCsv(table, currency), "utf8") };
  });
}
function tableCsv(table, currency) {
  const figures = table.columns.length === 3 && table.columns[0] === FIGURE_COLUMN;
  const money = table.columns.map(
    (column, i) => !figures && isMoneyField(column) && table.rows.every((row) => row[i] === null || typeof row[i] === "number")
  );
  const header = table.columns.map((column, i) => money[i] ? `${column} (${currency})` : column);
  const rows = table.rows.map((row) => {
    const figureIsMoney = figures && isMoneyField(String(row[0])) && typeof row[1] === "number";
    return row.map((cell, i) => {
      if (figures && i === 2) return figureIsMoney ? currency : "";
      return cellText(cell, money[i] === true || figureIsMoney && i === 1);
    });
  });
  return stringify([header, ...rows], {
    record_delimiter: "windows",
    quoted_match: /[\r\n]|^\s|\s$/
  });
}
var FIGURE_COLUMN = "figure";
function cellText(cell, money) {
  if (cell === null) return "";
  if (typeof cell === "boolean") return cell ? "true" : "false";
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return "";
    if (money && Number(cell.toFixed(2)) === cell) return cell.toFixed(2);
    return String(cell);
  }
  return cell.length > 1 && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
function safeFileName(name) {
  return name.replace(/[^A-Za-z0-9_.-]+/g, "_").slice(0, 120);
}
function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
function isChartSpec(value) {
  return isObject(value) && Array.isArray(value.series) && Array.isArray(value.categories);
}
function isDisplayOnly(key, value) {
  return isChartSpec(value) || /(^|_)chart$/.test(key) || key === "text" && isObject(value);
}
function isRecordList(value) {
  return Array.isArray(value) && value.some(isObject);
}
function collectObject(value, path2, tables) {
  if (!isObject(value)) return;
  const figures = [];
  const walk = (object, prefix) => {
    for (const [key, item] of Object.entries(object)) {
      if (item === void 0 || isDisplayOnly(key, item)) continue;
      if (isRecordList(item)) collectRecords(item, [], [...path2, ...prefix, key], tables);
      else if (isObject(item)) walk(item, [...prefix, key]);
      else figures.push([[...prefix, key].join("."), cellOf(item), null]);
    }
  };
  walk(value, []);
  if (figures.length > 0 && path2.length > 0)
    tables.push({
      name: [...path2, "figures"].join("-"),
      columns: [FIGURE_COLUMN, "value", "currency"],
      rows: figures
    });
}
function collectRecords(records, keysOf, path2, tables) {
  const rows = records.flatMap(
    (record, i) => isObject(record) ? [{ record, keys: keysOf[i] ?? [] }] : []
  );
  if (rows.length === 0) return;
  const childKeys = /* @__PURE__ */ new Set();
  for (const { record } of rows)
    for (const [key, item] of Object.entries(record)) if (isRecordList(item)) childKeys.add(key);
  const columns = [];
  const index = /* @__PURE__ */ new Map();
  const flatRows = rows.map(({ record, keys }) => {
    const cells = new Map(keys.map((k) => [k.column, k.value]));
    const flatten = (object, prefix) => {
      for (const [key, item] of Object.entries(object)) {
        const name = prefix + key;
        if (item === void 0 || isDisplayOnly(key, item) || !prefix && childKeys.has(key))
          continue;
        if (isObject(item)) flatten(item, `${name}.`);
        else cells.set(name, cellOf(item));
      }
    };
    flatten(record, "");
    for (const name of cells.keys())
      if (!index.has(name)) {
        index.set(name, columns.length);
        columns.push(name);
      }
    return cells;
  });
  tables.push({
    name: path2.join("-"),
    columns,
    rows: flatRows.map((cells) => {
      const row = columns.map(() => null);
      for (const [name, cell] of cells) row[index.get(name)] = cell;
      return row;
    })
  });
  const list = path2[path2.length - 1];
  for (const key of childKeys) {
    const children = [];
    const childKeysOf = [];
    rows.forEach(({ record, keys }, i) => {
      const item = record[key];
      if (!Array.isArray(item)) return;
      const own = recordKey(record, list, i);
      for (const child of item) {
        children.push(child);
        childKeysOf.push([...keys, own]);
      }
    });
    collectRecords(children, childKeysOf, [...path2, key], tables);
  }
}
function recordKey(record, list, index) {
  for (const field of ["id", "name"]) {
    const value = record[field];
    if (typeof value === "string" || typeof value === "number")
      return { column: `${list}.${field}`, value };
  }
  return { column: `${list}.row`, value: index + 1 };
}
function cellOf(value) {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => String(cellOf(item) ?? "")).join("; ");
  return JSON.stringify(value);
}
function reportAttachmentFiles(report, json, currency) {
  if (!report.attachments?.includes("csv")) return [];
  return reportCsvFiles(report.id, JSON.parse(json), currency);
}

// src/render/report-attachments.ts
async function attachReportFiles(entries, { staging, out, currency }) {
  const errors = [];
  const rendered = [];
  for (const entry of entries) {
    const { report } = entry;
    if (!report.attachments?.length) {
      rendered.push(entry);
      continue;
    }
    const json = await readFile(path.join(staging, `${report.id}.json`), "utf8");
    const files = reportAttachmentFiles(report, json, currency);
    let size = entry.size;
    try {
      size = withAttachedFiles(
        entry.size,
        files.map((file) => ({ name: file.fileName, bytes: file.content.length }))
      );
    } catch (error) {
      errors.push(`${report.id}: ${error.message}`);
      rendered.push(entry);
      continue;
    }
    const attachments = [];
    for (const file of files) {
      await writeFile(path.join(staging, file.fileName), file.content);
      attachments.push({
        fileName: file.fileName,
        contentType: CSV_CONTENT_TYPE,
        file: path.join(out, "reports", file.fileName)
      });
    }
    rendered.push({ ...entry, size, ...attachments.length > 0 ? { attachments } : {} });
  }
  return { rendered, errors };
}
export {
  attachReportFiles
};

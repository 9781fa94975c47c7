import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  formatDate,
  formatSeverity
} from "./chunk-XU4MFCUY.js";
import {
  BoundedCache
} from "./chunk-7ADVH35N.js";
import {
  chartFilter,
  escapeMarkdown
} from "./chunk-6WH5L3UC.js";
import {
  formatMoney,
  formatNumber,
  formatPercent,
  formatQuantity,
  formatRunway
} from "./chunk-GGC72TJI.js";
import {
  parseIsoDate
} from "./chunk-MFOCRCT4.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-OXRXBV5P.js";

// node_modules/liquidjs/dist/liquid.node.js
var require_liquid_node = __commonJS({
  "node_modules/liquidjs/dist/liquid.node.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var stream = __require("stream");
    var path = __require("path");
    var fs$1 = __require("fs");
    var crypto = __require("crypto");
    var Token = class {
      constructor(kind, input, begin, end, file) {
        this.kind = kind;
        this.input = input;
        this.begin = begin;
        this.end = end;
        this.file = file;
      }
      getText() {
        return this.input.slice(this.begin, this.end);
      }
      getPosition() {
        let [row, col] = [1, 1];
        for (let i = 0; i < this.begin; i++) {
          if (this.input[i] === "\n") {
            row++;
            col = 1;
          } else
            col++;
        }
        return [row, col];
      }
      size() {
        return this.end - this.begin;
      }
    };
    var Drop = class {
      liquidMethodMissing(key, context) {
        return void 0;
      }
    };
    var toString$1 = Object.prototype.toString;
    var toLowerCase = String.prototype.toLowerCase;
    var hasOwnProperty = Object.hasOwnProperty;
    function isString(value) {
      return typeof value === "string";
    }
    function isFunction(value) {
      return typeof value === "function";
    }
    function isPromise(val) {
      return val && isFunction(val.then);
    }
    function isIterator(val) {
      return val && isFunction(val.next) && isFunction(val.throw) && isFunction(val.return);
    }
    function promisify(fn) {
      return function(...args) {
        return new Promise((resolve2, reject2) => {
          fn(...args, (err, result) => {
            err ? reject2(err) : resolve2(result);
          });
        });
      };
    }
    function stringify(value) {
      value = toValue2(value);
      if (isString(value))
        return value;
      if (isNil(value))
        return "";
      if (isArray(value))
        return value.map((x) => stringify(x)).join("");
      return String(value);
    }
    function readArrayElement(arr, index, ownPropertyOnly) {
      if (index < 0)
        index = arr.length + index;
      if (ownPropertyOnly && !hasOwnProperty.call(arr, index))
        return void 0;
      return arr[index];
    }
    function toEnumerable(val) {
      val = toValue2(val);
      if (isArray(val))
        return val;
      if (isString(val) && val.length > 0)
        return [val];
      if (isIterable(val))
        return Array.from(val);
      if (isObject(val))
        return Object.keys(val).map((key) => [key, val[key]]);
      return [];
    }
    function toArray(val) {
      val = toValue2(val);
      if (isNil(val))
        return [];
      if (isArray(val))
        return val;
      return [val];
    }
    function toValue2(value) {
      return value instanceof Drop && isFunction(value.valueOf) ? value.valueOf() : value;
    }
    function toNumber(value) {
      return +toValue2(value) || 0;
    }
    function isNumber(value) {
      return typeof value === "number";
    }
    function toLiquid(value) {
      if (value && isFunction(value.toLiquid))
        return toLiquid(value.toLiquid());
      return value;
    }
    function isNil(value) {
      return value == null;
    }
    function isUndefined(value) {
      return value === void 0;
    }
    function isArray(value) {
      return toString$1.call(value) === "[object Array]";
    }
    function isArrayLike(value) {
      return value && isNumber(value.length);
    }
    function isIterable(value) {
      return isObject(value) && Symbol.iterator in value;
    }
    function forOwn(obj, iteratee) {
      obj = obj || {};
      for (const k in obj) {
        if (hasOwnProperty.call(obj, k)) {
          if (iteratee(obj[k], k, obj) === false)
            break;
        }
      }
      return obj;
    }
    function isObject(value) {
      const type = typeof value;
      return value !== null && (type === "object" || type === "function");
    }
    function range(start, stop, step = 1) {
      const arr = [];
      for (let i = start; i < stop; i += step) {
        arr.push(i);
      }
      return arr;
    }
    function padStart(str, length, ch = " ") {
      return pad(str, length, ch, (str2, ch2) => ch2 + str2);
    }
    function padEnd(str, length, ch = " ") {
      return pad(str, length, ch, (str2, ch2) => str2 + ch2);
    }
    function pad(str, length, ch, add) {
      str = String(str);
      const n = length - str.length;
      if (n <= 0)
        return str;
      return add(str, ch.repeat(n));
    }
    function identify(val) {
      return val;
    }
    function changeCase(str) {
      const hasLowerCase = [...str].some((ch) => ch >= "a" && ch <= "z");
      return hasLowerCase ? str.toUpperCase() : str.toLowerCase();
    }
    function ellipsis(str, N) {
      return str.length > N ? str.slice(0, N - 3) + "..." : str;
    }
    function orderedCompare(a, b) {
      if (isNil(a) && isNil(b))
        return 0;
      if (isNil(a))
        return 1;
      if (isNil(b))
        return -1;
      if (a < b)
        return -1;
      if (a > b)
        return 1;
      return 0;
    }
    function caseInsensitiveCompare(a, b) {
      if (isNil(a) && isNil(b))
        return 0;
      if (isNil(a))
        return 1;
      if (isNil(b))
        return -1;
      a = toLowerCase.call(a);
      b = toLowerCase.call(b);
      if (a < b)
        return -1;
      if (a > b)
        return 1;
      return 0;
    }
    function argumentsToValue(fn) {
      return function(...args) {
        return fn.call(this, ...args.map(toValue2));
      };
    }
    function argumentsToNumber(fn) {
      return function(...args) {
        return fn.call(this, ...args.map(toNumber));
      };
    }
    function* strictUniq(array) {
      const seen = /* @__PURE__ */ new Set();
      for (const element of array) {
        const key = JSON.stringify(element);
        if (!seen.has(key)) {
          seen.add(key);
          yield element;
        }
      }
    }
    var TRAIT = "__liquidClass__";
    var LiquidError = class extends Error {
      constructor(err, token) {
        super(typeof err === "string" ? err : err.message);
        this.context = "";
        if (typeof err !== "string")
          Object.defineProperty(this, "originalError", { value: err, enumerable: false });
        Object.defineProperty(this, "token", { value: token, enumerable: false });
        Object.defineProperty(this, TRAIT, { value: "LiquidError", enumerable: false });
      }
      update() {
        Object.defineProperty(this, "context", { value: mkContext(this.token), enumerable: false });
        this.message = mkMessage(this.message, this.token);
        this.stack = this.message + "\n" + this.context + "\n" + this.stack;
        if (this.originalError)
          this.stack += "\nFrom " + this.originalError.stack;
      }
      static is(obj) {
        return obj?.[TRAIT] === "LiquidError";
      }
    };
    var TokenizationError = class extends LiquidError {
      constructor(message, token) {
        super(message, token);
        this.name = "TokenizationError";
        super.update();
      }
    };
    var ParseError = class extends LiquidError {
      constructor(err, token) {
        super(err, token);
        this.name = "ParseError";
        this.message = err.message;
        super.update();
      }
    };
    var RenderError = class extends LiquidError {
      constructor(err, tpl) {
        super(err, tpl.token);
        this.name = "RenderError";
        this.message = err.message;
        super.update();
      }
      static is(obj) {
        return obj.name === "RenderError";
      }
    };
    var LiquidErrors = class extends LiquidError {
      constructor(errors) {
        super(errors[0], errors[0].token);
        this.errors = errors;
        this.name = "LiquidErrors";
        const s = errors.length > 1 ? "s" : "";
        this.message = `${errors.length} error${s} found`;
        super.update();
      }
      static is(obj) {
        return obj.name === "LiquidErrors";
      }
    };
    var UndefinedVariableError = class extends LiquidError {
      constructor(err, token) {
        super(err, token);
        this.name = "UndefinedVariableError";
        this.message = err.message;
        super.update();
      }
    };
    var InternalUndefinedVariableError = class extends Error {
      constructor(variableName) {
        super(`undefined variable: ${variableName}`);
        this.name = "InternalUndefinedVariableError";
        this.variableName = variableName;
      }
    };
    var AssertionError = class extends Error {
      constructor(message) {
        super(message);
        this.name = "AssertionError";
        this.message = message + "";
      }
    };
    function mkContext(token) {
      const [line, col] = token.getPosition();
      const lines = token.input.split("\n");
      const begin = Math.max(line - 2, 1);
      const end = Math.min(line + 3, lines.length);
      const context = range(begin, end + 1).map((lineNumber) => {
        const rowIndicator = lineNumber === line ? ">> " : "   ";
        const num = padStart(String(lineNumber), String(end).length);
        let text = `${rowIndicator}${num}| `;
        const colIndicator = lineNumber === line ? "\n" + padStart("^", col + text.length) : "";
        text += lines[lineNumber - 1];
        text += colIndicator;
        return text;
      }).join("\n");
      return context;
    }
    function mkMessage(msg, token) {
      if (token.file)
        msg += `, file:${token.file}`;
      const [line, col] = token.getPosition();
      msg += `, line:${line}, col:${col}`;
      return msg;
    }
    var TYPES = [0, 0, 0, 0, 0, 0, 0, 0, 0, 20, 4, 4, 4, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 20, 2, 8, 0, 0, 0, 0, 8, 0, 0, 0, 64, 0, 65, 0, 0, 33, 33, 33, 33, 33, 33, 33, 33, 33, 33, 0, 0, 2, 2, 2, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0];
    var WORD = 1;
    var BLANK = 4;
    var QUOTE = 8;
    var INLINE_BLANK = 16;
    var NUMBER = 32;
    var SIGN = 64;
    var PUNCTUATION = 128;
    function isWord(char) {
      const code = char.charCodeAt(0);
      return code >= 128 ? !TYPES[code] : !!(TYPES[code] & WORD);
    }
    TYPES[160] = TYPES[5760] = TYPES[6158] = TYPES[8192] = TYPES[8193] = TYPES[8194] = TYPES[8195] = TYPES[8196] = TYPES[8197] = TYPES[8198] = TYPES[8199] = TYPES[8200] = TYPES[8201] = TYPES[8202] = TYPES[8232] = TYPES[8233] = TYPES[8239] = TYPES[8287] = TYPES[12288] = BLANK;
    TYPES[8220] = TYPES[8221] = PUNCTUATION;
    function assert(predicate, message) {
      if (!predicate) {
        const msg = typeof message === "function" ? message() : message || `expect ${predicate} to be true`;
        throw new AssertionError(msg);
      }
    }
    function assertEmpty(predicate, message = `unexpected ${JSON.stringify(predicate)}`) {
      assert(!predicate, message);
    }
    var NullDrop = class extends Drop {
      *equals(value) {
        return isNil(yield toValue2(value));
      }
      gt() {
        return false;
      }
      geq() {
        return false;
      }
      lt() {
        return false;
      }
      leq() {
        return false;
      }
      valueOf() {
        return null;
      }
    };
    var EmptyDrop = class _EmptyDrop extends Drop {
      *equals(value) {
        if (value instanceof _EmptyDrop)
          return false;
        value = yield toValue2(value);
        if (isString(value) || isArray(value))
          return value.length === 0;
        if (isObject(value))
          return Object.keys(value).length === 0;
        return false;
      }
      gt() {
        return false;
      }
      geq() {
        return false;
      }
      lt() {
        return false;
      }
      leq() {
        return false;
      }
      valueOf() {
        return "";
      }
      static is(value) {
        return value instanceof _EmptyDrop;
      }
    };
    var BlankDrop = class _BlankDrop extends EmptyDrop {
      *equals(value) {
        if (value === false)
          return true;
        if (isNil(yield toValue2(value)))
          return true;
        if (isString(value))
          return /^\s*$/.test(value);
        return yield super.equals(value);
      }
      static is(value) {
        return value instanceof _BlankDrop;
      }
    };
    var ForloopDrop = class extends Drop {
      constructor(length, collection, variable) {
        super();
        this.i = 0;
        this.length = length;
        this.name = `${variable}-${collection}`;
      }
      next() {
        this.i++;
      }
      index0() {
        return this.i;
      }
      index() {
        return this.i + 1;
      }
      first() {
        return this.i === 0;
      }
      last() {
        return this.i === this.length - 1;
      }
      rindex() {
        return this.length - this.i;
      }
      rindex0() {
        return this.length - this.i - 1;
      }
      valueOf() {
        return JSON.stringify(this);
      }
    };
    var SimpleEmitter = class {
      constructor() {
        this.buffer = "";
      }
      write(html) {
        this.buffer += stringify(html);
      }
    };
    var StreamedEmitter = class {
      constructor() {
        this.buffer = "";
        this.stream = new stream.PassThrough();
      }
      write(html) {
        this.stream.write(stringify(html));
      }
      error(err) {
        this.stream.emit("error", err);
      }
      end() {
        this.stream.end();
      }
    };
    var KeepingTypeEmitter = class {
      constructor() {
        this.buffer = "";
      }
      write(html) {
        html = toValue2(html);
        if (typeof html !== "string" && this.buffer === "") {
          this.buffer = html;
        } else {
          this.buffer = stringify(this.buffer) + stringify(html);
        }
      }
    };
    var BlockDrop = class extends Drop {
      constructor(superBlockRender = () => "") {
        super();
        this.superBlockRender = superBlockRender;
      }
      /**
       * Provide parent access in child block by
       * {{ block.super }}
       */
      *super() {
        const emitter = new SimpleEmitter();
        yield this.superBlockRender(emitter);
        return emitter.buffer;
      }
    };
    function isComparable(arg) {
      return arg && isFunction(arg.equals) && isFunction(arg.gt) && isFunction(arg.geq) && isFunction(arg.lt) && isFunction(arg.leq);
    }
    var nil = new NullDrop();
    var literalValues = {
      "true": true,
      "false": false,
      "nil": nil,
      "null": nil,
      "empty": new EmptyDrop(),
      "blank": new BlankDrop()
    };
    var trieCache = /* @__PURE__ */ new WeakMap();
    function createTrie(input) {
      const cached = trieCache.get(input);
      if (cached)
        return cached;
      const trie = {};
      for (const [name, data] of Object.entries(input)) {
        let node = trie;
        for (let i = 0; i < name.length; i++) {
          const c = name[i];
          node[c] = node[c] || {};
          if (i === name.length - 1 && isWord(name[i])) {
            node[c].needBoundary = true;
          }
          node = node[c];
        }
        node.data = data;
        node.end = true;
      }
      trieCache.set(input, trie);
      return trie;
    }
    function toLiquidAsync(asyncFn, syncFn) {
      const syncImpl = syncFn || asyncFn;
      return (sync, ...args) => {
        return sync ? syncImpl(...args) : asyncFn(...args);
      };
    }
    async function toPromise(val) {
      if (!isIterator(val))
        return val;
      let value;
      let done = false;
      let next = "next";
      do {
        const state = val[next](value);
        done = !!state.done;
        value = state.value;
        next = "next";
        try {
          if (isIterator(value))
            value = toPromise(value);
          if (isPromise(value))
            value = await value;
        } catch (err) {
          next = "throw";
          value = err;
        }
      } while (!done);
      return value;
    }
    function toValueSync(val) {
      if (!isIterator(val))
        return val;
      let value;
      let done = false;
      let next = "next";
      do {
        const state = val[next](value);
        done = !!state.done;
        value = state.value;
        next = "next";
        if (isIterator(value)) {
          try {
            value = toValueSync(value);
          } catch (err) {
            next = "throw";
            value = err;
          }
        }
      } while (!done);
      return value;
    }
    var rFormat = /%([-_0^#:]+)?(\d+)?([EO])?(.)/;
    function daysInMonth(d) {
      const feb = isLeapYear(d) ? 29 : 28;
      return [31, feb, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    }
    function getDayOfYear(d) {
      let num = 0;
      for (let i = 0; i < d.getMonth(); ++i) {
        num += daysInMonth(d)[i];
      }
      return num + d.getDate();
    }
    function getWeekOfYear(d, startDay) {
      const daysSinceStartDay = (d.getDay() - startDay + 7) % 7;
      return String(Math.floor((getDayOfYear(d) - 1 - daysSinceStartDay + 7) / 7));
    }
    function isLeapYear(d) {
      const year = d.getFullYear();
      return !!((year & 3) === 0 && (year % 100 || year % 400 === 0 && year));
    }
    function ordinal(d) {
      const date2 = d.getDate();
      if ([11, 12, 13].includes(date2))
        return "th";
      switch (date2 % 10) {
        case 1:
          return "st";
        case 2:
          return "nd";
        case 3:
          return "rd";
        default:
          return "th";
      }
    }
    function century(d) {
      return Math.floor(d.getFullYear() / 100);
    }
    var padWidths = {
      C: 2,
      d: 2,
      e: 2,
      H: 2,
      I: 2,
      j: 3,
      k: 2,
      l: 2,
      L: 3,
      m: 2,
      M: 2,
      S: 2,
      U: 2,
      W: 2,
      y: 2
    };
    var padSpaceChars = new Set("aAbBceklpP");
    function getTimezoneOffset(d, opts) {
      const nOffset = Math.abs(d.getTimezoneOffset());
      const h = Math.floor(nOffset / 60);
      const m = nOffset % 60;
      return (d.getTimezoneOffset() > 0 ? "-" : "+") + padStart(h, 2, "0") + (opts.flags[":"] ? ":" : "") + padStart(m, 2, "0");
    }
    var formatCodes = {
      a: (d) => d.getShortWeekdayName(),
      A: (d) => d.getLongWeekdayName(),
      b: (d) => d.getShortMonthName(),
      B: (d) => d.getLongMonthName(),
      c: (d) => d.toLocaleString(),
      C: (d) => century(d),
      d: (d) => d.getDate(),
      e: (d) => d.getDate(),
      H: (d) => d.getHours(),
      I: (d) => String(d.getHours() % 12 || 12),
      j: (d) => getDayOfYear(d),
      k: (d) => d.getHours(),
      l: (d) => String(d.getHours() % 12 || 12),
      L: (d) => d.getMilliseconds(),
      m: (d) => d.getMonth() + 1,
      M: (d) => d.getMinutes(),
      N: (d, opts) => {
        const width = Number(opts.width) || 9;
        const str = padStart(String(d.getMilliseconds()), 3, "0").slice(0, width);
        opts.memoryLimit?.use(width - str.length);
        return padEnd(str, width, "0");
      },
      p: (d) => d.getHours() < 12 ? "AM" : "PM",
      P: (d) => d.getHours() < 12 ? "am" : "pm",
      q: (d) => ordinal(d),
      s: (d) => Math.floor(d.dateValue() / 1e3),
      S: (d) => d.getSeconds(),
      u: (d) => d.getDay() || 7,
      U: (d) => getWeekOfYear(d, 0),
      w: (d) => d.getDay(),
      W: (d) => getWeekOfYear(d, 1),
      x: (d) => d.toLocaleDateString(),
      X: (d) => d.toLocaleTimeString(),
      y: (d) => (d.getFullYear() % 100 + 100) % 100,
      Y: (d) => d.getFullYear(),
      z: getTimezoneOffset,
      Z: (d, opts) => d.getTimeZoneName() || getTimezoneOffset(d, opts),
      "t": () => "	",
      "n": () => "\n",
      "%": () => "%"
    };
    formatCodes.h = formatCodes.b;
    function strftime(d, formatStr, memoryLimit) {
      let output = "";
      let remaining = formatStr;
      let match;
      while (match = rFormat.exec(remaining)) {
        output += remaining.slice(0, match.index);
        remaining = remaining.slice(match.index + match[0].length);
        output += format(d, match, memoryLimit);
      }
      return output + remaining;
    }
    function format(d, match, memoryLimit) {
      const [input, flagStr = "", width, modifier, conversion] = match;
      const convert = formatCodes[conversion];
      if (!convert)
        return input;
      const flags = {};
      for (const flag of flagStr)
        flags[flag] = true;
      let ret = String(convert(d, { flags, width, modifier, memoryLimit }));
      let padChar = padSpaceChars.has(conversion) ? " " : "0";
      let padWidth = Number(width) || padWidths[conversion] || 0;
      if (flags["^"])
        ret = ret.toUpperCase();
      else if (flags["#"])
        ret = changeCase(ret);
      if (flags["_"])
        padChar = " ";
      else if (flags["0"])
        padChar = "0";
      if (flags["-"])
        padWidth = 0;
      memoryLimit?.use(Number(padWidth) - ret.length);
      return padStart(ret, padWidth, padChar);
    }
    function getDateTimeFormat() {
      return typeof Intl !== "undefined" ? Intl.DateTimeFormat : void 0;
    }
    var OneMinute = 6e4;
    var TIMEZONE_PATTERN = /([zZ]|([+-])(\d{2}):?(\d{2}))$/;
    var monthNames = [
      "January",
      "February",
      "March",
      "April",
      "May",
      "June",
      "July",
      "August",
      "September",
      "October",
      "November",
      "December"
    ];
    var monthNamesShort = monthNames.map((name) => name.slice(0, 3));
    var dayNames = [
      "Sunday",
      "Monday",
      "Tuesday",
      "Wednesday",
      "Thursday",
      "Friday",
      "Saturday"
    ];
    var dayNamesShort = dayNames.map((name) => name.slice(0, 3));
    var LiquidDate = class _LiquidDate {
      constructor(init, locale, timezone) {
        this.locale = locale;
        this.DateTimeFormat = getDateTimeFormat();
        this.date = new Date(init);
        this.timezoneFixed = timezone !== void 0;
        if (timezone === void 0) {
          timezone = this.date.getTimezoneOffset();
        }
        this.timezoneOffset = isString(timezone) ? _LiquidDate.getTimezoneOffset(timezone, this.date) : timezone;
        this.timezoneName = isString(timezone) ? timezone : "";
        const diff = (this.date.getTimezoneOffset() - this.timezoneOffset) * OneMinute;
        const time = this.date.getTime() + diff;
        this.displayDate = new Date(time);
      }
      getTime() {
        return this.displayDate.getTime();
      }
      /**
       * The underlying UTC timestamp in milliseconds, unaffected by the display
       * timezone. Use this (not `getTime()`) for timezone-invariant values like
       * `%s`: `getTime()` reads `displayDate`, which is deliberately shifted by
       * the display timezone offset so wall-clock getters can delegate to Date.
       */
      dateValue() {
        return this.date.getTime();
      }
      getMilliseconds() {
        return this.displayDate.getMilliseconds();
      }
      getSeconds() {
        return this.displayDate.getSeconds();
      }
      getMinutes() {
        return this.displayDate.getMinutes();
      }
      getHours() {
        return this.displayDate.getHours();
      }
      getDay() {
        return this.displayDate.getDay();
      }
      getDate() {
        return this.displayDate.getDate();
      }
      getMonth() {
        return this.displayDate.getMonth();
      }
      getFullYear() {
        return this.displayDate.getFullYear();
      }
      toLocaleString(locale, init) {
        if (init?.timeZone) {
          return this.date.toLocaleString(locale, init);
        }
        return this.displayDate.toLocaleString(locale, init);
      }
      toLocaleTimeString(locale) {
        return this.displayDate.toLocaleTimeString(locale);
      }
      toLocaleDateString(locale) {
        return this.displayDate.toLocaleDateString(locale);
      }
      getTimezoneOffset() {
        return this.timezoneOffset;
      }
      getTimeZoneName() {
        if (this.timezoneFixed)
          return this.timezoneName;
        if (!this.DateTimeFormat)
          return;
        return this.DateTimeFormat().resolvedOptions().timeZone;
      }
      getLongMonthName() {
        return this.format({ month: "long" }) ?? monthNames[this.getMonth()];
      }
      getShortMonthName() {
        return this.format({ month: "short" }) ?? monthNamesShort[this.getMonth()];
      }
      getLongWeekdayName() {
        return this.format({ weekday: "long" }) ?? dayNames[this.displayDate.getDay()];
      }
      getShortWeekdayName() {
        return this.format({ weekday: "short" }) ?? dayNamesShort[this.displayDate.getDay()];
      }
      valid() {
        return !isNaN(this.getTime());
      }
      format(options) {
        return this.DateTimeFormat && this.DateTimeFormat(this.locale, options).format(this.displayDate);
      }
      /**
       * Create a Date object fixed to it's declared Timezone. Both
       * - 2021-08-06T02:29:00.000Z and
       * - 2021-08-06T02:29:00.000+08:00
       * will always be displayed as
       * - 2021-08-06 02:29:00
       * regardless timezoneOffset in JavaScript realm
       *
       * The implementation hack:
       * Instead of calling `.getMonth()`/`.getUTCMonth()` respect to `preserveTimezones`,
       * we create a different Date to trick strftime, it's both simpler and more performant.
       * Given that a template is expected to be parsed fewer times than rendered.
       */
      static createDateFixedToTimezone(dateString, locale) {
        const m = dateString.match(TIMEZONE_PATTERN);
        if (m && m[1] === "Z") {
          return new _LiquidDate(+new Date(dateString), locale, 0);
        }
        if (m && m[2] && m[3] && m[4]) {
          const [, , sign, hours, minutes] = m;
          const offset2 = (sign === "+" ? -1 : 1) * (parseInt(hours, 10) * 60 + parseInt(minutes, 10));
          return new _LiquidDate(+new Date(dateString), locale, offset2);
        }
        return new _LiquidDate(dateString, locale);
      }
      static getTimezoneOffset(timezoneName, date2) {
        const localDateString = date2.toLocaleString("en-US", { timeZone: timezoneName });
        const utcDateString = date2.toLocaleString("en-US", { timeZone: "UTC" });
        const localDate = new Date(localDateString);
        const utcDate = new Date(utcDateString);
        return (+utcDate - +localDate) / (60 * 1e3);
      }
    };
    var Limiter = class {
      constructor(resource, limit2) {
        this.base = 0;
        this.message = `${resource} limit exceeded`;
        this.limit = limit2;
      }
      use(count) {
        if (+count > 0) {
          assert(this.base + +count <= this.limit, this.message);
          this.base += +count;
        }
      }
      check(count) {
        if (+count > 0) {
          assert(+count <= this.limit, this.message);
        }
      }
    };
    var DelimitedToken = class extends Token {
      constructor(kind, [contentBegin, contentEnd], input, begin, end, trimLeft2, trimRight2, file) {
        super(kind, input, begin, end, file);
        this.trimLeft = false;
        this.trimRight = false;
        const tl = input[contentBegin] === "-";
        const tr = input[contentEnd - 1] === "-";
        let l = tl ? contentBegin + 1 : contentBegin;
        let r = tr ? contentEnd - 1 : contentEnd;
        while (l < r && TYPES[input.charCodeAt(l)] & BLANK)
          l++;
        while (r > l && TYPES[input.charCodeAt(r - 1)] & BLANK)
          r--;
        this.contentRange = [l, r];
        this.trimLeft = tl || trimLeft2;
        this.trimRight = tr || trimRight2;
      }
      get content() {
        return this.input.slice(this.contentRange[0], this.contentRange[1]);
      }
    };
    var TagToken = class extends DelimitedToken {
      constructor(input, begin, end, options, file) {
        const { trimTagLeft, trimTagRight, tagDelimiterLeft, tagDelimiterRight } = options;
        const [valueBegin, valueEnd] = [begin + tagDelimiterLeft.length, end - tagDelimiterRight.length];
        super(exports.TokenKind.Tag, [valueBegin, valueEnd], input, begin, end, trimTagLeft, trimTagRight, file);
        this.tokenizer = new Tokenizer(input, options.operators, file, this.contentRange, options.groupedExpressions);
        this.name = this.tokenizer.readTagName();
        this.tokenizer.assert(this.name, `illegal tag syntax, tag name expected`);
        this.tokenizer.skipBlank();
        this.args = this.tokenizer.input.slice(this.tokenizer.p, this.contentRange[1]);
      }
    };
    var OutputToken = class extends DelimitedToken {
      constructor(input, begin, end, options, file) {
        const { trimOutputLeft, trimOutputRight, outputDelimiterLeft, outputDelimiterRight } = options;
        const valueRange = [begin + outputDelimiterLeft.length, end - outputDelimiterRight.length];
        super(exports.TokenKind.Output, valueRange, input, begin, end, trimOutputLeft, trimOutputRight, file);
      }
    };
    var HTMLToken = class extends Token {
      constructor(input, begin, end, file) {
        super(exports.TokenKind.HTML, input, begin, end, file);
        this.input = input;
        this.begin = begin;
        this.end = end;
        this.file = file;
        this.trimLeft = 0;
        this.trimRight = 0;
      }
      getContent() {
        return this.input.slice(this.begin + this.trimLeft, this.end - this.trimRight);
      }
    };
    var NumberToken = class extends Token {
      constructor(input, begin, end, file) {
        super(exports.TokenKind.Number, input, begin, end, file);
        this.input = input;
        this.begin = begin;
        this.end = end;
        this.file = file;
        this.content = Number(this.getText());
      }
    };
    var IdentifierToken = class extends Token {
      constructor(input, begin, end, file) {
        super(exports.TokenKind.Word, input, begin, end, file);
        this.input = input;
        this.begin = begin;
        this.end = end;
        this.file = file;
        this.content = this.getText();
      }
    };
    var LiteralToken = class extends Token {
      constructor(input, begin, end, file) {
        super(exports.TokenKind.Literal, input, begin, end, file);
        this.input = input;
        this.begin = begin;
        this.end = end;
        this.file = file;
        this.literal = this.getText();
        this.content = literalValues[this.literal];
      }
    };
    var operatorPrecedences = {
      "==": 2,
      "!=": 2,
      ">": 2,
      "<": 2,
      ">=": 2,
      "<=": 2,
      "contains": 2,
      "not": 1,
      "and": 0,
      "or": 0
    };
    var operatorTypes = {
      "==": 0,
      "!=": 0,
      ">": 0,
      "<": 0,
      ">=": 0,
      "<=": 0,
      "contains": 0,
      "not": 1,
      "and": 0,
      "or": 0
      /* OperatorType.Binary */
    };
    var OperatorToken = class extends Token {
      constructor(input, begin, end, file) {
        super(exports.TokenKind.Operator, input, begin, end, file);
        this.input = input;
        this.begin = begin;
        this.end = end;
        this.file = file;
        this.operator = this.getText();
      }
      getPrecedence() {
        return this.operator in operatorPrecedences ? operatorPrecedences[this.operator] : 1;
      }
    };
    var PropertyAccessToken = class extends Token {
      constructor(variable, props, input, begin, end, file) {
        super(exports.TokenKind.PropertyAccess, input, begin, end, file);
        this.variable = variable;
        this.props = props;
      }
    };
    var FilterToken = class extends Token {
      constructor(name, args, input, begin, end, file) {
        super(exports.TokenKind.Filter, input, begin, end, file);
        this.name = name;
        this.args = args;
      }
    };
    var HashToken = class extends Token {
      constructor(input, begin, end, name, value, file) {
        super(exports.TokenKind.Hash, input, begin, end, file);
        this.input = input;
        this.begin = begin;
        this.end = end;
        this.name = name;
        this.value = value;
        this.file = file;
      }
    };
    var rHex = /[\da-fA-F]/;
    var rOct = /[0-7]/;
    var escapeChar = {
      b: "\b",
      f: "\f",
      n: "\n",
      r: "\r",
      t: "	",
      v: "\v"
    };
    function hexVal(c) {
      const code = c.charCodeAt(0);
      if (code >= 97)
        return code - 87;
      if (code >= 65)
        return code - 55;
      return code - 48;
    }
    function parseStringLiteral(str) {
      let ret = "";
      for (let i = 1; i < str.length - 1; i++) {
        if (str[i] !== "\\") {
          ret += str[i];
          continue;
        }
        if (escapeChar[str[i + 1]] !== void 0) {
          ret += escapeChar[str[++i]];
        } else if (str[i + 1] === "u") {
          let val = 0;
          let j = i + 2;
          while (j <= i + 5 && rHex.test(str[j])) {
            val = val * 16 + hexVal(str[j++]);
          }
          i = j - 1;
          ret += String.fromCharCode(val);
        } else if (!rOct.test(str[i + 1])) {
          ret += str[++i];
        } else {
          let j = i + 1;
          let val = 0;
          while (j <= i + 3 && rOct.test(str[j])) {
            val = val * 8 + hexVal(str[j++]);
          }
          i = j - 1;
          ret += String.fromCharCode(val);
        }
      }
      return ret;
    }
    var QuotedToken = class extends Token {
      constructor(input, begin, end, file) {
        super(exports.TokenKind.Quoted, input, begin, end, file);
        this.input = input;
        this.begin = begin;
        this.end = end;
        this.file = file;
        this.content = parseStringLiteral(this.getText());
      }
    };
    var RangeToken = class extends Token {
      constructor(input, begin, end, lhs, rhs, file) {
        super(exports.TokenKind.Range, input, begin, end, file);
        this.input = input;
        this.begin = begin;
        this.end = end;
        this.lhs = lhs;
        this.rhs = rhs;
        this.file = file;
      }
    };
    var LiquidTagToken = class extends DelimitedToken {
      constructor(input, begin, end, options, file) {
        super(exports.TokenKind.Tag, [begin, end], input, begin, end, false, false, file);
        this.tokenizer = new Tokenizer(input, options.operators, file, this.contentRange, options.groupedExpressions);
        this.name = this.tokenizer.readTagName();
        this.tokenizer.assert(this.name, "illegal liquid tag syntax");
        this.tokenizer.skipBlank();
      }
      get args() {
        return this.tokenizer.input.slice(this.tokenizer.p, this.contentRange[1]);
      }
    };
    var FilteredValueToken = class extends Token {
      constructor(initial, filters2, input, begin, end, file) {
        super(exports.TokenKind.FilteredValue, input, begin, end, file);
        this.initial = initial;
        this.filters = filters2;
        this.input = input;
        this.begin = begin;
        this.end = end;
        this.file = file;
      }
    };
    var polyfill = {
      now: () => Date.now()
    };
    function getPerformance() {
      return typeof global === "object" && global.performance || typeof window === "object" && window.performance || polyfill;
    }
    var Render = class {
      renderTemplatesToNodeStream(templates, ctx) {
        const emitter = new StreamedEmitter();
        Promise.resolve().then(() => toPromise(this.renderTemplates(templates, ctx, emitter))).then(() => emitter.end(), (err) => emitter.error(err));
        return emitter.stream;
      }
      *renderTemplates(templates, ctx, emitter) {
        if (!emitter) {
          emitter = ctx.opts.keepOutputType ? new KeepingTypeEmitter() : new SimpleEmitter();
        }
        ctx.renderLimit.check(getPerformance().now());
        const errors = [];
        for (const tpl of templates) {
          ctx.renderLimit.check(getPerformance().now());
          try {
            const html = yield tpl.render(ctx, emitter);
            html && emitter.write(html);
            if (ctx.breakCalled || ctx.continueCalled)
              break;
          } catch (e) {
            const err = LiquidError.is(e) ? e : new RenderError(e, tpl);
            if (ctx.opts.catchAllErrors)
              errors.push(err);
            else
              throw err;
          }
        }
        if (errors.length) {
          throw new LiquidErrors(errors);
        }
        return emitter.buffer;
      }
    };
    function isKeyValuePair(arr) {
      return isArray(arr);
    }
    var Filter = class {
      constructor(token, options, liquid) {
        this.token = token;
        this.name = token.name;
        this.handler = isFunction(options) ? options : isFunction(options?.handler) ? options.handler : identify;
        this.raw = !isFunction(options) && !!options?.raw;
        this.args = token.args;
        this.liquid = liquid;
      }
      *render(value, context) {
        const argv = [];
        for (const arg of this.args) {
          if (isKeyValuePair(arg))
            argv.push([arg[0], yield evalToken(arg[1], context)]);
          else
            argv.push(yield evalToken(arg, context));
        }
        return yield this.handler.apply({ context, token: this.token, liquid: this.liquid }, [value, ...argv]);
      }
    };
    var Expression = class {
      constructor(tokens) {
        this.postfix = [...toPostfix(tokens)];
      }
      *evaluate(ctx, lenient) {
        assert(ctx, "unable to evaluate: context not defined");
        const operands = [];
        for (const token of this.postfix) {
          if (isOperatorToken(token)) {
            const r = operands.pop();
            let result;
            if (operatorTypes[token.operator] === 1) {
              result = yield ctx.opts.operators[token.operator](r, ctx);
            } else {
              const l = operands.pop();
              result = yield ctx.opts.operators[token.operator](l, r, ctx);
            }
            operands.push(result);
          } else {
            operands.push(yield evalToken(token, ctx, lenient));
          }
        }
        return operands[0];
      }
      valid() {
        return !!this.postfix.length;
      }
    };
    function* evalToken(token, ctx, lenient = false) {
      if (!token)
        return;
      if ("content" in token)
        return token.content;
      if (isPropertyAccessToken(token))
        return yield evalPropertyAccessToken(token, ctx, lenient);
      if (isRangeToken(token))
        return yield evalRangeToken(token, ctx);
      if (isFilteredValueToken(token))
        return yield evalFilteredValueToken(token, ctx, lenient);
    }
    function* evalFilteredValueToken(token, ctx, lenient) {
      assert(ctx.liquid, "FilteredValueToken evaluation requires liquid instance in context");
      lenient = lenient || ctx.opts.lenientIf && token.filters.length > 0 && token.filters[0].name === "default";
      let val = yield token.initial.evaluate(ctx, lenient);
      for (const filterToken of token.filters) {
        const filterImpl = ctx.liquid.filters[filterToken.name];
        assert(filterImpl || !ctx.liquid.options.strictFilters, () => `undefined filter: ${filterToken.name}`);
        const filter2 = new Filter(filterToken, filterImpl, ctx.liquid);
        val = yield filter2.render(val, ctx);
      }
      return val;
    }
    function* evalTokenValue(token, ctx, lenient = false) {
      return yield toValue2(yield evalToken(token, ctx, lenient));
    }
    function* evalPropertyAccessToken(token, ctx, lenient) {
      const props = [];
      for (const prop of token.props) {
        props.push(yield evalTokenValue(prop, ctx, false));
      }
      try {
        if (token.variable) {
          const variable = yield evalToken(token.variable, ctx, lenient);
          return yield ctx._getFromScope(variable, props);
        } else {
          return yield ctx._get(props);
        }
      } catch (e) {
        if (lenient && e.name === "InternalUndefinedVariableError")
          return null;
        throw new UndefinedVariableError(e, token);
      }
    }
    function evalQuotedToken(token) {
      return token.content;
    }
    function* evalRangeToken(token, ctx) {
      const low = yield evalTokenValue(token.lhs, ctx);
      const high = yield evalTokenValue(token.rhs, ctx);
      ctx.memoryLimit.use(high - low + 1);
      return range(+low, +high + 1);
    }
    function* toPostfix(tokens) {
      const ops = [];
      for (const token of tokens) {
        if (isOperatorToken(token)) {
          while (ops.length && ops[ops.length - 1].getPrecedence() > token.getPrecedence()) {
            yield ops.pop();
          }
          ops.push(token);
        } else
          yield token;
      }
      while (ops.length) {
        yield ops.pop();
      }
    }
    function isTruthy(val, ctx) {
      return !isFalsy(val, ctx);
    }
    function isFalsy(val, ctx) {
      val = toValue2(val);
      if (ctx.opts.jsTruthy) {
        return !val;
      } else {
        return val === false || void 0 === val || val === null;
      }
    }
    var defaultOperators = {
      "==": function* (l, r) {
        return yield equals(l, r);
      },
      "!=": function* (l, r) {
        return !(yield equals(l, r));
      },
      ">": function* (l, r) {
        if (isComparable(l))
          return yield l.gt(r);
        if (isComparable(r))
          return yield r.lt(l);
        return (yield toValue2(l)) > (yield toValue2(r));
      },
      "<": function* (l, r) {
        if (isComparable(l))
          return yield l.lt(r);
        if (isComparable(r))
          return yield r.gt(l);
        return (yield toValue2(l)) < (yield toValue2(r));
      },
      ">=": function* (l, r) {
        if (isComparable(l))
          return yield l.geq(r);
        if (isComparable(r))
          return yield r.leq(l);
        return (yield toValue2(l)) >= (yield toValue2(r));
      },
      "<=": function* (l, r) {
        if (isComparable(l))
          return yield l.leq(r);
        if (isComparable(r))
          return yield r.geq(l);
        return (yield toValue2(l)) <= (yield toValue2(r));
      },
      "contains": function* (l, r) {
        l = yield toValue2(l);
        if (isArray(l))
          return yield arrayIncludes(l, r);
        if (isFunction(l?.indexOf))
          return l.indexOf(yield toValue2(r)) > -1;
        return false;
      },
      "not": function* (v, ctx) {
        return isFalsy(yield toValue2(v), ctx);
      },
      "and": function* (l, r, ctx) {
        return isTruthy(yield toValue2(l), ctx) && isTruthy(yield toValue2(r), ctx);
      },
      "or": function* (l, r, ctx) {
        return isTruthy(yield toValue2(l), ctx) || isTruthy(yield toValue2(r), ctx);
      }
    };
    function* equals(lhs, rhs) {
      if (isComparable(lhs))
        return yield lhs.equals(rhs);
      if (isComparable(rhs))
        return yield rhs.equals(lhs);
      lhs = yield toValue2(lhs);
      rhs = yield toValue2(rhs);
      if (isArray(lhs)) {
        return isArray(rhs) && (yield arrayEquals(lhs, rhs));
      }
      return lhs === rhs;
    }
    function* arrayEquals(lhs, rhs) {
      if (lhs.length !== rhs.length)
        return false;
      for (let i = 0; i < lhs.length; i++) {
        if (!(yield equals(lhs[i], rhs[i])))
          return false;
      }
      return true;
    }
    function* arrayIncludes(arr, item) {
      for (const value of arr) {
        if (yield equals(value, item))
          return true;
      }
      return false;
    }
    var Node = class {
      constructor(key, value, next, prev) {
        this.key = key;
        this.value = value;
        this.next = next;
        this.prev = prev;
      }
    };
    var LRU = class {
      constructor(limit2, size2 = 0) {
        this.limit = limit2;
        this.size = size2;
        this.cache = {};
        this.head = new Node("HEAD", null, null, null);
        this.tail = new Node("TAIL", null, null, null);
        this.head.next = this.tail;
        this.tail.prev = this.head;
      }
      write(key, value) {
        if (this.cache[key]) {
          this.cache[key].value = value;
        } else {
          const node = new Node(key, value, this.head.next, this.head);
          this.head.next.prev = node;
          this.head.next = node;
          this.cache[key] = node;
          this.size++;
          this.ensureLimit();
        }
      }
      read(key) {
        if (!this.cache[key])
          return;
        const { value } = this.cache[key];
        this.remove(key);
        this.write(key, value);
        return value;
      }
      remove(key) {
        const node = this.cache[key];
        node.prev.next = node.next;
        node.next.prev = node.prev;
        delete this.cache[key];
        this.size--;
      }
      clear() {
        this.head.next = this.tail;
        this.tail.prev = this.head;
        this.size = 0;
        this.cache = {};
      }
      ensureLimit() {
        if (this.size > this.limit)
          this.remove(this.tail.prev.key);
      }
    };
    var requireResolve = (partial) => __require.resolve(partial, { paths: ["."] });
    var statAsync = promisify(fs$1.stat);
    var readFileAsync = promisify(fs$1.readFile);
    async function exists(filepath) {
      try {
        await statAsync(filepath);
        return true;
      } catch (err) {
        return false;
      }
    }
    function readFile(filepath) {
      return readFileAsync(filepath, "utf8");
    }
    function existsSync(filepath) {
      try {
        fs$1.statSync(filepath);
        return true;
      } catch (err) {
        return false;
      }
    }
    function readFileSync(filepath) {
      return fs$1.readFileSync(filepath, "utf8");
    }
    function resolve(root, file, ext) {
      if (!path.extname(file))
        file += ext;
      return path.resolve(root, file);
    }
    function fallback(file) {
      try {
        return requireResolve(file);
      } catch (e) {
      }
    }
    function dirname(filepath) {
      return path.dirname(filepath);
    }
    var realpathAsync = promisify(fs$1.realpath);
    async function contains(root, file) {
      try {
        const realRoot = await realpathAsync(root);
        const realFile = await realpathAsync(file);
        const prefix = realRoot.endsWith(path.sep) ? realRoot : realRoot + path.sep;
        return realFile.startsWith(prefix);
      } catch {
        return false;
      }
    }
    function containsSync(root, file) {
      try {
        const realRoot = fs$1.realpathSync(root);
        const realFile = fs$1.realpathSync(file);
        const prefix = realRoot.endsWith(path.sep) ? realRoot : realRoot + path.sep;
        return realFile.startsWith(prefix);
      } catch {
        return false;
      }
    }
    var fs = /* @__PURE__ */ Object.freeze({
      __proto__: null,
      exists,
      readFile,
      existsSync,
      readFileSync,
      resolve,
      fallback,
      dirname,
      contains,
      containsSync,
      sep: path.sep
    });
    function chargeJsonReplacerValue(memoryLimit, val) {
      if (typeof val === "string") {
        memoryLimit.use(val.length);
      } else if (val === null || typeof val === "number" || typeof val === "boolean") {
        memoryLimit.use(JSON.stringify(val).length);
      } else if (Array.isArray(val)) {
        memoryLimit.use(val.length + 1);
      } else if (typeof val === "object") {
        memoryLimit.use(2);
      }
    }
    function defaultFilter(value, defaultValue, ...args) {
      value = toValue2(value);
      if (isArray(value) || isString(value))
        return value.length ? value : defaultValue;
      if (value === false && new Map(args).get("allow_false"))
        return false;
      return isFalsy(value, this.context) ? defaultValue : value;
    }
    function json(value, space = 0) {
      const memoryLimit = this.context.memoryLimit;
      return JSON.stringify(value, (_key, val) => {
        chargeJsonReplacerValue(memoryLimit, val);
        return val;
      }, space);
    }
    function inspect(value, space = 0) {
      const memoryLimit = this.context.memoryLimit;
      const ancestors = [];
      return JSON.stringify(value, function(_key, value2) {
        if (typeof value2 !== "object" || value2 === null) {
          chargeJsonReplacerValue(memoryLimit, value2);
          return value2;
        }
        while (ancestors.length > 0 && ancestors[ancestors.length - 1] !== this)
          ancestors.pop();
        if (ancestors.includes(value2)) {
          memoryLimit.use("[Circular]".length);
          return "[Circular]";
        }
        ancestors.push(value2);
        chargeJsonReplacerValue(memoryLimit, value2);
        return value2;
      }, space);
    }
    function to_integer(value) {
      return Number(value);
    }
    var raw = {
      raw: true,
      handler: identify
    };
    var misc = {
      default: defaultFilter,
      raw,
      jsonify: json,
      to_integer,
      json,
      inspect
    };
    var escapeMap = {
      "&": "&amp;",
      "<": "&lt;",
      ">": "&gt;",
      '"': "&#34;",
      "'": "&#39;"
    };
    var unescapeMap = {
      "&amp;": "&",
      "&lt;": "<",
      "&gt;": ">",
      "&#34;": '"',
      "&#39;": "'"
    };
    function escape(str) {
      str = stringify(str);
      this.context.memoryLimit.use(str.length);
      return str.replace(/&|<|>|"|'/g, (m) => escapeMap[m]);
    }
    function xml_escape(str) {
      return escape.call(this, str);
    }
    function unescape(str) {
      str = stringify(str);
      this.context.memoryLimit.use(str.length);
      return str.replace(/&(amp|lt|gt|#34|#39);/g, (m) => unescapeMap[m]);
    }
    function escape_once(str) {
      return escape.call(this, unescape.call(this, str));
    }
    function newline_to_br(v) {
      const str = stringify(v);
      this.context.memoryLimit.use(str.length);
      return str.replace(/\r?\n/gm, "<br />\n");
    }
    function strip_html(v) {
      const str = stringify(v);
      this.context.memoryLimit.use(str.length);
      const blocks = /* @__PURE__ */ new Map([["<script", "</script>"], ["<style", "</style>"], ["<!--", "-->"], ["<", ">"]]);
      let out = "";
      let i = 0;
      while (i < str.length) {
        const lt = str.indexOf("<", i);
        if (lt < 0)
          return out + str.slice(i);
        out += str.slice(i, lt);
        for (const [opener, closer] of blocks) {
          if (!str.startsWith(opener, lt))
            continue;
          const e = str.indexOf(closer, lt + opener.length);
          if (e >= 0) {
            i = e + closer.length;
            break;
          }
          blocks.delete(opener);
        }
        if (i <= lt)
          return out + str.slice(lt);
      }
      return out;
    }
    var htmlFilters = /* @__PURE__ */ Object.freeze({
      __proto__: null,
      escape,
      xml_escape,
      escape_once,
      newline_to_br,
      strip_html
    });
    var MapFS = class {
      constructor(mapping) {
        this.mapping = mapping;
        this.sep = "/";
      }
      async exists(filepath) {
        return this.existsSync(filepath);
      }
      existsSync(filepath) {
        return !isNil(this.mapping[filepath]);
      }
      async readFile(filepath) {
        return this.readFileSync(filepath);
      }
      readFileSync(filepath) {
        const content = this.mapping[filepath];
        if (isNil(content))
          throw new Error(`ENOENT: ${filepath}`);
        return content;
      }
      dirname(filepath) {
        const segments = filepath.split(this.sep);
        segments.pop();
        return segments.join(this.sep);
      }
      resolve(dir, file, ext) {
        file += ext;
        if (dir === ".")
          return file;
        const segments = dir.split(/\/+/);
        for (const segment of file.split(this.sep)) {
          if (segment === "." || segment === "")
            continue;
          else if (segment === "..") {
            if (segments.length > 1 || segments[0] !== "")
              segments.pop();
          } else
            segments.push(segment);
        }
        return segments.join(this.sep);
      }
    };
    var defaultOptions = {
      root: ["."],
      layouts: ["."],
      partials: ["."],
      relativeReference: true,
      jekyllInclude: false,
      keyValueSeparator: ":",
      cache: void 0,
      extname: "",
      fs,
      dynamicPartials: true,
      jsTruthy: false,
      dateFormat: "%A, %B %-e, %Y at %-l:%M %P %z",
      locale: "",
      trimTagRight: false,
      trimTagLeft: false,
      trimOutputRight: false,
      trimOutputLeft: false,
      greedy: true,
      tagDelimiterLeft: "{%",
      tagDelimiterRight: "%}",
      outputDelimiterLeft: "{{",
      outputDelimiterRight: "}}",
      preserveTimezones: false,
      strictFilters: false,
      strictVariables: false,
      ownPropertyOnly: true,
      lenientIf: false,
      globals: {},
      keepOutputType: false,
      operators: defaultOperators,
      groupedExpressions: false,
      memoryLimit: Infinity,
      parseLimit: Infinity,
      renderLimit: Infinity
    };
    function normalize(options) {
      if (options.hasOwnProperty("root")) {
        if (!options.hasOwnProperty("partials"))
          options.partials = options.root;
        if (!options.hasOwnProperty("layouts"))
          options.layouts = options.root;
      }
      if (options.hasOwnProperty("cache")) {
        let cache;
        if (typeof options.cache === "number")
          cache = options.cache > 0 ? new LRU(options.cache) : void 0;
        else if (typeof options.cache === "object")
          cache = options.cache;
        else
          cache = options.cache ? new LRU(1024) : void 0;
        options.cache = cache;
      }
      options = { ...defaultOptions, ...options.jekyllInclude ? { dynamicPartials: false } : {}, ...options };
      if ((!options.fs.dirname || !options.fs.sep) && options.relativeReference) {
        console.warn("[LiquidJS] `fs.dirname` and `fs.sep` are required for relativeReference, set relativeReference to `false` to suppress this warning");
        options.relativeReference = false;
      }
      options.root = normalizeDirectoryList(options.root);
      options.partials = normalizeDirectoryList(options.partials);
      options.layouts = normalizeDirectoryList(options.layouts);
      options.outputEscape = options.outputEscape && getOutputEscapeFunction(options.outputEscape);
      if (!options.locale) {
        options.locale = getDateTimeFormat()?.().resolvedOptions().locale ?? "en-US";
      }
      if (options.templates) {
        options.fs = new MapFS(options.templates);
        options.relativeReference = true;
        options.root = options.partials = options.layouts = ".";
      }
      return options;
    }
    function getOutputEscapeFunction(nameOrFunction) {
      if (nameOrFunction === "escape")
        return escape;
      if (nameOrFunction === "json")
        return misc.json;
      assert(isFunction(nameOrFunction), "`outputEscape` need to be of type string or function");
      return nameOrFunction;
    }
    function normalizeDirectoryList(value) {
      let list = [];
      if (isArray(value))
        list = value;
      if (isString(value))
        list = [value];
      return list;
    }
    function whiteSpaceCtrl(tokens, options) {
      let inRaw = false;
      for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i];
        if (!isDelimitedToken(token))
          continue;
        if (!inRaw && token.trimLeft) {
          trimLeft(tokens[i - 1], options.greedy);
        }
        if (isTagToken(token)) {
          if (token.name === "raw")
            inRaw = true;
          else if (token.name === "endraw")
            inRaw = false;
        }
        if (!inRaw && token.trimRight) {
          trimRight(tokens[i + 1], options.greedy);
        }
      }
    }
    function trimLeft(token, greedy) {
      if (!token || !isHTMLToken(token))
        return;
      const mask = greedy ? BLANK : INLINE_BLANK;
      while (TYPES[token.input.charCodeAt(token.end - 1 - token.trimRight)] & mask)
        token.trimRight++;
    }
    function trimRight(token, greedy) {
      if (!token || !isHTMLToken(token))
        return;
      const mask = greedy ? BLANK : INLINE_BLANK;
      while (TYPES[token.input.charCodeAt(token.begin + token.trimLeft)] & mask)
        token.trimLeft++;
      if (token.input.charAt(token.begin + token.trimLeft) === "\n")
        token.trimLeft++;
    }
    var Tokenizer = class {
      constructor(input, operators = defaultOptions.operators, file, range2, groupedExpressions = false) {
        this.input = input;
        this.file = file;
        this.rawBeginAt = -1;
        this.p = range2 ? range2[0] : 0;
        this.N = range2 ? range2[1] : input.length;
        this.opTrie = createTrie(operators);
        this.literalTrie = createTrie(literalValues);
        this.groupedExpressions = groupedExpressions;
      }
      readExpression() {
        return new Expression(this.readExpressionTokens());
      }
      *readExpressionTokens() {
        while (this.p < this.N) {
          const operator = this.readOperator();
          if (operator) {
            yield operator;
            continue;
          }
          const operand = this.readValue();
          if (operand) {
            yield operand;
            continue;
          }
          return;
        }
      }
      readOperator() {
        this.skipBlank();
        const end = this.matchTrie(this.opTrie);
        if (end === -1)
          return;
        return new OperatorToken(this.input, this.p, this.p = end, this.file);
      }
      matchTrie(trie) {
        let node = trie;
        let i = this.p;
        let info;
        while (node[this.input[i]] && i < this.N) {
          node = node[this.input[i++]];
          if (node["end"])
            info = node;
        }
        if (!info)
          return -1;
        if (info["needBoundary"] && isWord(this.peek(i - this.p)))
          return -1;
        return i;
      }
      readFilteredValue() {
        const begin = this.p;
        const initial = this.readExpression();
        this.assert(initial.valid(), `invalid value expression: ${this.snapshot()}`);
        const filters2 = this.readFilters();
        return new FilteredValueToken(initial, filters2, this.input, begin, this.p, this.file);
      }
      readFilters() {
        const filters2 = [];
        while (true) {
          const filter2 = this.readFilter();
          if (!filter2)
            return filters2;
          filters2.push(filter2);
        }
      }
      readFilter() {
        this.skipBlank();
        if (this.end())
          return null;
        if (this.peek() === ")")
          return null;
        this.assert(this.read() === "|", `expected "|" before filter`);
        const name = this.readIdentifier();
        if (!name.size()) {
          this.assert(this.end(), `expected filter name`);
          return null;
        }
        const args = [];
        this.skipBlank();
        if (this.peek() === ":") {
          do {
            ++this.p;
            const arg = this.readFilterArg();
            arg && args.push(arg);
            this.skipBlank();
            this.assert(this.end() || this.peek() === "," || this.peek() === "|" || this.peek() === ")", () => `unexpected character ${this.snapshot()}`);
          } while (this.peek() === ",");
        } else if (this.peek() === "|" || this.peek() === ")" || this.end()) ;
        else {
          throw this.error('expected ":" after filter name');
        }
        return new FilterToken(name.getText(), args, this.input, name.begin, this.p, this.file);
      }
      readFilterArg() {
        const key = this.readValue();
        if (!key)
          return;
        this.skipBlank();
        if (this.peek() !== ":")
          return key;
        ++this.p;
        const value = this.readValue();
        return [key.getText(), value];
      }
      readTopLevelTokens(options = defaultOptions) {
        const tokens = [];
        while (this.p < this.N) {
          const token = this.readTopLevelToken(options);
          tokens.push(token);
        }
        whiteSpaceCtrl(tokens, options);
        return tokens;
      }
      readTopLevelToken(options) {
        const { tagDelimiterLeft, outputDelimiterLeft } = options;
        if (this.rawBeginAt > -1)
          return this.readEndrawOrRawContent(options);
        if (this.match(tagDelimiterLeft))
          return this.readTagToken(options);
        if (this.match(outputDelimiterLeft))
          return this.readOutputToken(options);
        return this.readHTMLToken([tagDelimiterLeft, outputDelimiterLeft]);
      }
      readHTMLToken(stopStrings) {
        const begin = this.p;
        while (this.p < this.N) {
          if (stopStrings.some((str) => this.match(str)))
            break;
          ++this.p;
        }
        return new HTMLToken(this.input, begin, this.p, this.file);
      }
      readTagToken(options) {
        const { file, input } = this;
        const begin = this.p;
        if (this.readToDelimiter(options.tagDelimiterRight) === -1) {
          throw this.error(`tag ${this.snapshot(begin)} not closed`, begin);
        }
        const token = new TagToken(input, begin, this.p, options, file);
        if (token.name === "raw")
          this.rawBeginAt = begin;
        return token;
      }
      readToDelimiter(delimiter, respectQuoted = false) {
        this.skipBlank();
        while (this.p < this.N) {
          if (respectQuoted && this.peekType() & QUOTE) {
            this.readQuoted();
            continue;
          }
          ++this.p;
          if (this.rmatch(delimiter))
            return this.p;
        }
        return -1;
      }
      readOutputToken(options = defaultOptions) {
        const { file, input } = this;
        const { outputDelimiterRight } = options;
        const begin = this.p;
        if (this.readToDelimiter(outputDelimiterRight, true) === -1) {
          throw this.error(`output ${this.snapshot(begin)} not closed`, begin);
        }
        return new OutputToken(input, begin, this.p, options, file);
      }
      readEndrawOrRawContent(options) {
        const { tagDelimiterLeft, tagDelimiterRight } = options;
        const begin = this.p;
        let leftPos = this.readTo(tagDelimiterLeft) - tagDelimiterLeft.length;
        while (this.p < this.N) {
          if (this.readIdentifier().getText() !== "endraw") {
            leftPos = this.readTo(tagDelimiterLeft) - tagDelimiterLeft.length;
            continue;
          }
          while (this.p <= this.N) {
            if (this.rmatch(tagDelimiterRight)) {
              const end = this.p;
              if (begin === leftPos) {
                this.rawBeginAt = -1;
                return new TagToken(this.input, begin, end, options, this.file);
              } else {
                this.p = leftPos;
                return new HTMLToken(this.input, begin, leftPos, this.file);
              }
            }
            if (this.rmatch(tagDelimiterLeft))
              break;
            this.p++;
          }
        }
        throw this.error(`raw ${this.snapshot(this.rawBeginAt)} not closed`, begin);
      }
      readLiquidTagTokens(options = defaultOptions) {
        const tokens = [];
        while (this.p < this.N) {
          const token = this.readLiquidTagToken(options);
          token && tokens.push(token);
        }
        return tokens;
      }
      readLiquidTagToken(options) {
        this.skipBlank();
        if (this.end())
          return;
        const begin = this.p;
        this.readToDelimiter("\n");
        const end = this.p;
        return new LiquidTagToken(this.input, begin, end, options, this.file);
      }
      error(msg, pos = this.p) {
        return new TokenizationError(msg, new IdentifierToken(this.input, pos, this.N, this.file));
      }
      assert(pred, msg, pos) {
        if (!pred)
          throw this.error(typeof msg === "function" ? msg() : msg, pos);
      }
      snapshot(begin = this.p) {
        return JSON.stringify(ellipsis(this.input.slice(begin, this.N), 32));
      }
      /**
       * @deprecated use #readIdentifier instead
       */
      readWord() {
        return this.readIdentifier();
      }
      readIdentifier() {
        this.skipBlank();
        const begin = this.p;
        while (!this.end() && isWord(this.peek()))
          ++this.p;
        return new IdentifierToken(this.input, begin, this.p, this.file);
      }
      readNonEmptyIdentifier() {
        const id = this.readIdentifier();
        return id.size() ? id : void 0;
      }
      readTagName() {
        this.skipBlank();
        if (this.input[this.p] === "#")
          return this.input.slice(this.p, ++this.p);
        return this.readIdentifier().getText();
      }
      readHashes(jekyllStyle) {
        const hashes = [];
        while (true) {
          const hash = this.readHash(jekyllStyle);
          if (!hash)
            return hashes;
          hashes.push(hash);
        }
      }
      readHash(jekyllStyle) {
        this.skipBlank();
        if (this.peek() === ",")
          ++this.p;
        const begin = this.p;
        const name = this.readNonEmptyIdentifier();
        if (!name)
          return;
        let value;
        this.skipBlank();
        const sep = isString(jekyllStyle) ? jekyllStyle : jekyllStyle ? "=" : ":";
        if (this.peek() === sep) {
          ++this.p;
          value = this.readValue();
        }
        return new HashToken(this.input, begin, this.p, name, value, this.file);
      }
      remaining() {
        return this.input.slice(this.p, this.N);
      }
      advance(step = 1) {
        this.p += step;
      }
      end() {
        return this.p >= this.N;
      }
      read() {
        return this.input[this.p++];
      }
      readTo(end) {
        while (this.p < this.N) {
          ++this.p;
          if (this.rmatch(end))
            return this.p;
        }
        return -1;
      }
      readValue() {
        this.skipBlank();
        const begin = this.p;
        let variable = this.readLiteral() || this.readQuoted() || this.readNumber();
        if (!variable && this.peek() === "(") {
          variable = this.readGroupOrRange();
        }
        const props = this.readProperties(!variable);
        if (!props.length)
          return variable;
        return new PropertyAccessToken(variable, props, this.input, begin, this.p);
      }
      readScopeValue() {
        this.skipBlank();
        const begin = this.p;
        const props = this.readProperties();
        if (!props.length)
          return void 0;
        return new PropertyAccessToken(void 0, props, this.input, begin, this.p);
      }
      readProperties(isBegin = true) {
        const props = [];
        while (true) {
          if (this.peek() === "[") {
            this.p++;
            const prop = this.readValue() || new IdentifierToken(this.input, this.p, this.p, this.file);
            this.assert(this.readTo("]") !== -1, "[ not closed");
            props.push(prop);
            continue;
          }
          if (isBegin && !props.length) {
            const prop = this.readNonEmptyIdentifier();
            if (prop) {
              props.push(prop);
              continue;
            }
          }
          if (this.peek() === "." && this.peek(1) !== ".") {
            this.p++;
            const prop = this.readNonEmptyIdentifier();
            if (!prop)
              break;
            props.push(prop);
            continue;
          }
          break;
        }
        return props;
      }
      readNumber() {
        this.skipBlank();
        let decimalFound = false;
        let digitFound = false;
        let n = 0;
        if (this.peekType() & SIGN)
          n++;
        while (this.p + n <= this.N) {
          if (this.peekType(n) & NUMBER) {
            digitFound = true;
            n++;
          } else if (this.peek(n) === "." && this.peek(n + 1) !== ".") {
            if (decimalFound || !digitFound)
              return;
            decimalFound = true;
            n++;
          } else
            break;
        }
        if (digitFound && !isWord(this.peek(n))) {
          const num = new NumberToken(this.input, this.p, this.p + n, this.file);
          this.advance(n);
          return num;
        }
      }
      readLiteral() {
        this.skipBlank();
        const end = this.matchTrie(this.literalTrie);
        if (end === -1)
          return;
        const literal = new LiteralToken(this.input, this.p, end, this.file);
        this.p = end;
        return literal;
      }
      readGroupOrRange() {
        this.skipBlank();
        const begin = this.p;
        if (this.peek() !== "(")
          return;
        ++this.p;
        const lhs = this.readValueOrThrow();
        this.skipBlank();
        if (this.peek() === "." && this.peek(1) === ".") {
          this.p += 2;
          const rhs = this.readValueOrThrow();
          this.skipBlank();
          this.assert(this.read() === ")", "invalid range syntax");
          return new RangeToken(this.input, begin, this.p, lhs, rhs, this.file);
        }
        if (this.groupedExpressions) {
          const initial = new Expression([lhs, ...this.readExpressionTokens()]);
          this.assert(initial.valid(), () => `invalid value expression: ${this.snapshot()}`);
          const filters2 = this.readFilters();
          this.skipBlank();
          this.assert(this.read() === ")", "unbalanced parentheses");
          return new FilteredValueToken(initial, filters2, this.input, begin, this.p, this.file);
        }
        throw this.error("invalid range syntax");
      }
      readValueOrThrow() {
        const value = this.readValue();
        this.assert(value, () => `unexpected token ${this.snapshot()}, value expected`);
        return value;
      }
      readQuoted() {
        this.skipBlank();
        const begin = this.p;
        if (!(this.peekType() & QUOTE))
          return;
        ++this.p;
        let escaped = false;
        while (this.p < this.N) {
          ++this.p;
          if (this.input[this.p - 1] === this.input[begin] && !escaped)
            break;
          if (escaped)
            escaped = false;
          else if (this.input[this.p - 1] === "\\")
            escaped = true;
        }
        return new QuotedToken(this.input, begin, this.p, this.file);
      }
      *readFileNameTemplate(options) {
        const { outputDelimiterLeft } = options;
        const htmlStopStrings = [",", " ", "\r", "\n", "	", outputDelimiterLeft];
        const htmlStopStringSet = new Set(htmlStopStrings);
        while (this.p < this.N && !htmlStopStringSet.has(this.peek())) {
          yield this.match(outputDelimiterLeft) ? this.readOutputToken(options) : this.readHTMLToken(htmlStopStrings);
        }
      }
      match(word) {
        for (let i = 0; i < word.length; i++) {
          if (word[i] !== this.input[this.p + i])
            return false;
        }
        return true;
      }
      rmatch(pattern) {
        for (let i = 0; i < pattern.length; i++) {
          if (pattern[pattern.length - 1 - i] !== this.input[this.p - 1 - i])
            return false;
        }
        return true;
      }
      peekType(n = 0) {
        return this.p + n >= this.N ? 0 : TYPES[this.input.charCodeAt(this.p + n)];
      }
      peek(n = 0) {
        return this.p + n >= this.N ? "" : this.input[this.p + n];
      }
      skipBlank() {
        while (this.peekType() & BLANK)
          ++this.p;
      }
    };
    var ParseStream = class {
      constructor(tokens, parseToken) {
        this.handlers = {};
        this.stopRequested = false;
        this.tokens = tokens;
        this.parseToken = parseToken;
      }
      on(name, cb) {
        this.handlers[name] = cb;
        return this;
      }
      trigger(event, arg) {
        const h = this.handlers[event];
        return h ? (h.call(this, arg), true) : false;
      }
      start() {
        this.trigger("start");
        let token;
        while (!this.stopRequested && (token = this.tokens.shift())) {
          if (this.trigger("token", token))
            continue;
          if (isTagToken(token) && this.trigger(`tag:${token.name}`, token)) {
            continue;
          }
          const template = this.parseToken(token, this.tokens);
          this.trigger("template", template);
        }
        if (!this.stopRequested)
          this.trigger("end");
        return this;
      }
      stop() {
        this.stopRequested = true;
        return this;
      }
    };
    var TemplateImpl = class {
      constructor(token) {
        this.token = token;
      }
    };
    var Tag = class extends TemplateImpl {
      constructor(token, remainTokens, liquid) {
        super(token);
        this.name = token.name;
        this.liquid = liquid;
        this.tokenizer = token.tokenizer;
      }
    };
    var Hash = class {
      constructor(input, jekyllStyle) {
        this.hash = {};
        const tokenizer = input instanceof Tokenizer ? input : new Tokenizer(input, {});
        for (const hash of tokenizer.readHashes(jekyllStyle)) {
          this.hash[hash.name.content] = hash.value;
        }
      }
      *render(ctx) {
        const hash = {};
        for (const key of Object.keys(this.hash)) {
          hash[key] = this.hash[key] === void 0 ? true : yield evalToken(this.hash[key], ctx);
        }
        return hash;
      }
    };
    function createTagClass(options) {
      return class extends Tag {
        constructor(token, tokens, liquid) {
          super(token, tokens, liquid);
          if (isFunction(options.parse)) {
            options.parse.call(this, token, tokens);
          }
        }
        *render(ctx, emitter) {
          const hash = yield new Hash(this.token.args, ctx.opts.keyValueSeparator).render(ctx);
          return yield options.render.call(this, ctx, emitter, hash);
        }
      };
    }
    var Value = class {
      /**
       * @param str the value to be valuated, eg.: "foobar" | truncate: 3
       */
      constructor(input, liquid) {
        this.filters = [];
        const token = typeof input === "string" ? new Tokenizer(input, liquid.options.operators, void 0, void 0, liquid.options.groupedExpressions).readFilteredValue() : input;
        this.initial = token.initial;
        this.filters = token.filters.map((token2) => new Filter(token2, this.getFilter(liquid, token2.name), liquid));
      }
      *value(ctx, lenient) {
        lenient = lenient || ctx.opts.lenientIf && this.filters.length > 0 && this.filters[0].name === "default";
        let val = yield this.initial.evaluate(ctx, lenient);
        for (const filter2 of this.filters) {
          val = yield filter2.render(val, ctx);
        }
        return val;
      }
      getFilter(liquid, name) {
        const impl = liquid.filters[name];
        assert(impl || !liquid.options.strictFilters, () => `undefined filter: ${name}`);
        return impl;
      }
    };
    var Output = class extends TemplateImpl {
      constructor(token, liquid) {
        super(token);
        const tokenizer = new Tokenizer(token.input, liquid.options.operators, token.file, token.contentRange, liquid.options.groupedExpressions);
        this.value = new Value(tokenizer.readFilteredValue(), liquid);
        const filters2 = this.value.filters;
        const outputEscape = liquid.options.outputEscape;
        if (!filters2[filters2.length - 1]?.raw && outputEscape) {
          const token2 = new FilterToken(toString.call(outputEscape), [], "", 0, 0);
          filters2.push(new Filter(token2, outputEscape, liquid));
        }
      }
      *render(ctx, emitter) {
        const val = yield toValue2(yield this.value.value(ctx, false));
        emitter.write(val);
      }
      *arguments() {
        yield this.value;
      }
    };
    var HTML = class extends TemplateImpl {
      constructor(token) {
        super(token);
        this.str = token.getContent();
      }
      *render(ctx, emitter) {
        emitter.write(this.str);
      }
    };
    var Variable = class _Variable {
      constructor(segments, location) {
        this.segments = segments;
        this.location = location;
      }
      toString() {
        return segmentsString(this.segments, true);
      }
      /** Return this variable's segments as an array, possibly with nested arrays for nested paths. */
      toArray() {
        function* _visit(...segments) {
          for (const segment of segments) {
            if (segment instanceof _Variable) {
              yield Array.from(_visit(...segment.segments));
            } else {
              yield segment;
            }
          }
        }
        return Array.from(_visit(...this.segments));
      }
    };
    var VariableMap = class {
      constructor() {
        this.map = /* @__PURE__ */ new Map();
      }
      get(key) {
        const k = segmentsString([key.segments[0]]);
        if (!this.map.has(k)) {
          this.map.set(k, []);
        }
        return this.map.get(k);
      }
      has(key) {
        return this.map.has(segmentsString([key.segments[0]]));
      }
      push(variable) {
        this.get(variable).push(variable);
      }
      asObject() {
        return Object.fromEntries(this.map);
      }
    };
    var defaultStaticAnalysisOptions = {
      partials: true
    };
    function* _analyze(templates, partials, sync) {
      const variables = new VariableMap();
      const globals = new VariableMap();
      const locals = new VariableMap();
      const rootScope = new DummyScope(/* @__PURE__ */ new Set());
      const seen = /* @__PURE__ */ new Set();
      function updateVariables(variable, scope) {
        variables.push(variable);
        const aliased = scope.alias(variable);
        if (aliased !== void 0) {
          const root = aliased.segments[0];
          if (isString(root) && !rootScope.has(root)) {
            globals.push(aliased);
          }
        } else {
          const root = variable.segments[0];
          if (isString(root) && !scope.has(root)) {
            globals.push(variable);
          }
        }
        for (const segment of variable.segments) {
          if (segment instanceof Variable) {
            updateVariables(segment, scope);
          }
        }
      }
      function* visit(template, scope) {
        if (template.arguments) {
          for (const arg of template.arguments()) {
            for (const variable of extractVariables(arg)) {
              updateVariables(variable, scope);
            }
          }
        }
        if (template.localScope) {
          for (const ident of template.localScope()) {
            scope.add(ident.content);
            scope.deleteAlias(ident.content);
            const [row, col] = ident.getPosition();
            locals.push(new Variable([ident.content], { row, col, file: ident.file }));
          }
        }
        if (template.children) {
          if (template.partialScope) {
            const partial = template.partialScope();
            if (partial === void 0) {
              for (const child of yield template.children(partials, sync)) {
                yield visit(child, scope);
              }
              return;
            }
            if (seen.has(partial.name))
              return;
            const partialScopeNames = /* @__PURE__ */ new Set();
            const partialScope = partial.isolated ? new DummyScope(partialScopeNames) : scope.push(partialScopeNames);
            for (const name of partial.scope) {
              if (isString(name)) {
                partialScopeNames.add(name);
              } else {
                const [alias, argument] = name;
                partialScopeNames.add(alias);
                const variables2 = Array.from(extractVariables(argument));
                if (variables2.length) {
                  partialScope.setAlias(alias, variables2[0].segments);
                }
              }
            }
            for (const child of yield template.children(partials, sync)) {
              yield visit(child, partialScope);
              seen.add(partial.name);
            }
            partialScope.pop();
          } else {
            if (template.blockScope) {
              scope.push(new Set(template.blockScope()));
            }
            for (const child of yield template.children(partials, sync)) {
              yield visit(child, scope);
            }
            if (template.blockScope) {
              scope.pop();
            }
          }
        }
      }
      for (const template of templates) {
        yield visit(template, rootScope);
      }
      return {
        variables: variables.asObject(),
        globals: globals.asObject(),
        locals: locals.asObject()
      };
    }
    function analyze(template, options = {}) {
      const opts = { ...defaultStaticAnalysisOptions, ...options };
      return toPromise(_analyze(template, opts.partials, false));
    }
    function analyzeSync(template, options = {}) {
      const opts = { ...defaultStaticAnalysisOptions, ...options };
      return toValueSync(_analyze(template, opts.partials, true));
    }
    var DummyScope = class {
      constructor(globals) {
        this.stack = [{ names: globals, aliases: /* @__PURE__ */ new Map() }];
      }
      /** Return true if `name` is in scope.  */
      has(name) {
        for (const scope of this.stack) {
          if (scope.names.has(name)) {
            return true;
          }
        }
        return false;
      }
      push(scope) {
        this.stack.push({ names: scope, aliases: /* @__PURE__ */ new Map() });
        return this;
      }
      pop() {
        return this.stack.pop()?.names;
      }
      // Add a name to the template scope.
      add(name) {
        this.stack[0].names.add(name);
      }
      /** Return the variable that `variable` aliases, or `variable` if it doesn't alias anything. */
      alias(variable) {
        const root = variable.segments[0];
        if (!isString(root))
          return void 0;
        const alias = this.getAlias(root);
        if (alias === void 0)
          return void 0;
        return new Variable([...alias, ...variable.segments.slice(1)], variable.location);
      }
      // TODO: `from` could be a path with multiple segments, like `include.x`.
      setAlias(from, to) {
        this.stack[this.stack.length - 1].aliases.set(from, to);
      }
      deleteAlias(name) {
        this.stack[this.stack.length - 1].aliases.delete(name);
      }
      getAlias(name) {
        for (const scope of this.stack) {
          if (scope.aliases.has(name)) {
            return scope.aliases.get(name);
          }
          if (scope.names.has(name)) {
            return void 0;
          }
        }
        return void 0;
      }
    };
    function* extractVariables(value) {
      if (isValueToken(value)) {
        yield* extractValueTokenVariables(value);
      } else if (value instanceof Value) {
        yield* extractFilteredValueVariables(value);
      }
    }
    function* extractFilteredValueVariables(value) {
      for (const token of value.initial.postfix) {
        if (isValueToken(token)) {
          yield* extractValueTokenVariables(token);
        }
      }
      for (const filter2 of value.filters) {
        for (const arg of filter2.args) {
          if (isKeyValuePair(arg) && arg[1]) {
            yield* extractValueTokenVariables(arg[1]);
          } else if (isValueToken(arg)) {
            yield* extractValueTokenVariables(arg);
          }
        }
      }
    }
    function* extractValueTokenVariables(token) {
      if (isRangeToken(token)) {
        yield* extractValueTokenVariables(token.lhs);
        yield* extractValueTokenVariables(token.rhs);
      } else if (isFilteredValueToken(token)) {
        yield* extractGroupedExpressionTokenVariables(token);
      } else if (isPropertyAccessToken(token)) {
        yield extractPropertyAccessVariable(token);
      }
    }
    function* extractGroupedExpressionTokenVariables(token) {
      if (!isFilteredValueToken(token))
        return;
      for (const t of token.initial.postfix) {
        if (isValueToken(t))
          yield* extractValueTokenVariables(t);
      }
      for (const filter2 of token.filters) {
        for (const arg of filter2.args) {
          if (isKeyValuePair(arg) && arg[1]) {
            yield* extractValueTokenVariables(arg[1]);
          } else if (isValueToken(arg)) {
            yield* extractValueTokenVariables(arg);
          }
        }
      }
    }
    function extractPropertyAccessVariable(token) {
      const segments = [];
      let file = token.file;
      const root = token.props[0];
      file = file || root.file;
      if (isQuotedToken(root) || isNumberToken(root) || isWordToken(root)) {
        segments.push(root.content);
      } else if (isPropertyAccessToken(root)) {
        segments.push(...extractPropertyAccessVariable(root).segments);
      }
      for (const prop of token.props.slice(1)) {
        file = file || prop.file;
        if (isQuotedToken(prop) || isNumberToken(prop) || isWordToken(prop)) {
          segments.push(prop.content);
        } else if (isPropertyAccessToken(prop)) {
          segments.push(extractPropertyAccessVariable(prop));
        }
      }
      const [row, col] = token.getPosition();
      return new Variable(segments, {
        row,
        col,
        file
      });
    }
    var RE_PROPERTY = /^[\u0080-\uFFFFa-zA-Z_][\u0080-\uFFFFa-zA-Z0-9_-]*$/;
    function segmentsString(segments, bracketedRoot = false) {
      const buf = [];
      const root = segments[0];
      if (isString(root)) {
        if (!bracketedRoot || root.match(RE_PROPERTY)) {
          buf.push(`${root}`);
        } else {
          buf.push(`['${root}']`);
        }
      }
      for (const segment of segments.slice(1)) {
        if (segment instanceof Variable) {
          buf.push(`[${segmentsString(segment.segments)}]`);
        } else if (isString(segment)) {
          if (segment.match(RE_PROPERTY)) {
            buf.push(`.${segment}`);
          } else {
            buf.push(`['${segment}']`);
          }
        } else {
          buf.push(`[${segment}]`);
        }
      }
      return buf.join("");
    }
    (function(LookupType2) {
      LookupType2["Partials"] = "partials";
      LookupType2["Layouts"] = "layouts";
      LookupType2["Root"] = "root";
    })(exports.LookupType || (exports.LookupType = {}));
    var Loader = class {
      constructor(options) {
        this.options = options;
        if (options.relativeReference) {
          const sep = options.fs.sep;
          assert(sep, "`fs.sep` is required for relative reference");
          const prefixes = ["." + sep, ".." + sep, "./", "../"];
          this.shouldLoadRelative = (referencedFile) => prefixes.some((prefix) => referencedFile.startsWith(prefix));
        } else {
          this.shouldLoadRelative = (_referencedFile) => false;
        }
        const fs2 = options.fs;
        this.contains = toLiquidAsync(fs2.contains?.bind(fs2) || (async () => true), fs2.containsSync?.bind(fs2) || (() => true));
        this.exists = toLiquidAsync(fs2.exists?.bind(fs2) || (async () => false), fs2.existsSync?.bind(fs2));
      }
      *lookup(file, type, sync, currentFile) {
        const dirs = this.options[type];
        for (const filepath of this.candidates(file, dirs, currentFile)) {
          let allowed = false;
          for (const dir of dirs) {
            if (yield this.contains(!!sync, dir, filepath)) {
              allowed = true;
              break;
            }
          }
          if (!allowed)
            continue;
          if (yield this.exists(!!sync, filepath))
            return filepath;
        }
        throw this.lookupError(file, dirs);
      }
      *candidates(file, dirs, currentFile) {
        const { fs: fs2, extname } = this.options;
        if (this.shouldLoadRelative(file) && currentFile) {
          const referenced = fs2.resolve(this.dirname(currentFile), file, extname);
          yield referenced;
        }
        for (const dir of dirs) {
          const referenced = fs2.resolve(dir, file, extname);
          yield referenced;
        }
        if (fs2.fallback !== void 0) {
          const filepath = fs2.fallback(file);
          if (filepath !== void 0)
            yield filepath;
        }
      }
      dirname(path2) {
        const fs2 = this.options.fs;
        assert(fs2.dirname, "`fs.dirname` is required for relative reference");
        return fs2.dirname(path2);
      }
      lookupError(file, roots) {
        const err = new Error("ENOENT");
        err.message = `ENOENT: Failed to lookup "${file}" in "${roots}"`;
        err.code = "ENOENT";
        return err;
      }
    };
    var Parser = class {
      constructor(liquid) {
        this.liquid = liquid;
        this.cache = this.liquid.options.cache;
        this.fs = this.liquid.options.fs;
        this.parseFile = this.cache ? this._parseFileCached : this._parseFile;
        this.loader = new Loader(this.liquid.options);
        this.parseLimit = new Limiter("parse length", liquid.options.parseLimit);
        this.readFile = toLiquidAsync(this.fs.readFile?.bind(this.fs) || (async () => {
          throw new Error("readFile not implemented");
        }), this.fs.readFileSync?.bind(this.fs));
      }
      parse(html, filepath) {
        html = String(html);
        this.parseLimit.use(html.length);
        const tokenizer = new Tokenizer(html, this.liquid.options.operators, filepath, void 0, this.liquid.options.groupedExpressions);
        const tokens = tokenizer.readTopLevelTokens(this.liquid.options);
        return this.parseTokens(tokens);
      }
      parseTokens(tokens) {
        let token;
        const templates = [];
        const errors = [];
        while (token = tokens.shift()) {
          try {
            templates.push(this.parseToken(token, tokens));
          } catch (err) {
            if (this.liquid.options.catchAllErrors)
              errors.push(err);
            else
              throw err;
          }
        }
        if (errors.length)
          throw new LiquidErrors(errors);
        return templates;
      }
      parseToken(token, remainTokens) {
        try {
          if (isTagToken(token)) {
            const TagClass = this.liquid.tags[token.name];
            assert(TagClass, `tag "${token.name}" not found`);
            return new TagClass(token, remainTokens, this.liquid, this);
          }
          if (isOutputToken(token)) {
            return new Output(token, this.liquid);
          }
          return new HTML(token);
        } catch (e) {
          if (LiquidError.is(e))
            throw e;
          throw new ParseError(e, token);
        }
      }
      parseStream(tokens) {
        return new ParseStream(tokens, (token, tokens2) => this.parseToken(token, tokens2));
      }
      *_parseFileCached(file, sync, type = exports.LookupType.Root, currentFile) {
        const cache = this.cache;
        const key = this.loader.shouldLoadRelative(file) ? currentFile + "," + file : type + ":" + file;
        const tpls = yield cache.read(key);
        if (tpls)
          return tpls;
        const task = this._parseFile(file, sync, type, currentFile);
        const taskOrTpl = sync ? yield task : toPromise(task);
        cache.write(key, taskOrTpl);
        try {
          return yield taskOrTpl;
        } catch (err) {
          cache.remove(key);
          throw err;
        }
      }
      *_parseFile(file, sync, type = exports.LookupType.Root, currentFile) {
        const filepath = yield this.loader.lookup(file, type, sync, currentFile);
        return this.parse(yield this.readFile(!!sync, filepath), filepath);
      }
    };
    (function(TokenKind) {
      TokenKind[TokenKind["Number"] = 1] = "Number";
      TokenKind[TokenKind["Literal"] = 2] = "Literal";
      TokenKind[TokenKind["Tag"] = 4] = "Tag";
      TokenKind[TokenKind["Output"] = 8] = "Output";
      TokenKind[TokenKind["HTML"] = 16] = "HTML";
      TokenKind[TokenKind["Filter"] = 32] = "Filter";
      TokenKind[TokenKind["Hash"] = 64] = "Hash";
      TokenKind[TokenKind["PropertyAccess"] = 128] = "PropertyAccess";
      TokenKind[TokenKind["Word"] = 256] = "Word";
      TokenKind[TokenKind["Range"] = 512] = "Range";
      TokenKind[TokenKind["Quoted"] = 1024] = "Quoted";
      TokenKind[TokenKind["Operator"] = 2048] = "Operator";
      TokenKind[TokenKind["FilteredValue"] = 4096] = "FilteredValue";
      TokenKind[TokenKind["GroupedExpression"] = 8192] = "GroupedExpression";
      TokenKind[TokenKind["Delimited"] = 12] = "Delimited";
    })(exports.TokenKind || (exports.TokenKind = {}));
    function isDelimitedToken(val) {
      return !!(getKind(val) & exports.TokenKind.Delimited);
    }
    function isOperatorToken(val) {
      return getKind(val) === exports.TokenKind.Operator;
    }
    function isHTMLToken(val) {
      return getKind(val) === exports.TokenKind.HTML;
    }
    function isOutputToken(val) {
      return getKind(val) === exports.TokenKind.Output;
    }
    function isTagToken(val) {
      return getKind(val) === exports.TokenKind.Tag;
    }
    function isQuotedToken(val) {
      return getKind(val) === exports.TokenKind.Quoted;
    }
    function isLiteralToken(val) {
      return getKind(val) === exports.TokenKind.Literal;
    }
    function isNumberToken(val) {
      return getKind(val) === exports.TokenKind.Number;
    }
    function isPropertyAccessToken(val) {
      return getKind(val) === exports.TokenKind.PropertyAccess;
    }
    function isWordToken(val) {
      return getKind(val) === exports.TokenKind.Word;
    }
    function isRangeToken(val) {
      return getKind(val) === exports.TokenKind.Range;
    }
    function isFilteredValueToken(val) {
      return getKind(val) === exports.TokenKind.FilteredValue;
    }
    function isValueToken(val) {
      return (getKind(val) & 5763) > 0;
    }
    function getKind(val) {
      return val ? val.kind : -1;
    }
    var typeGuards = /* @__PURE__ */ Object.freeze({
      __proto__: null,
      isDelimitedToken,
      isOperatorToken,
      isHTMLToken,
      isOutputToken,
      isTagToken,
      isQuotedToken,
      isLiteralToken,
      isNumberToken,
      isPropertyAccessToken,
      isWordToken,
      isRangeToken,
      isFilteredValueToken,
      isValueToken
    });
    var __assign = function() {
      __assign = Object.assign || function __assign2(t) {
        for (var s, i = 1, n = arguments.length; i < n; i++) {
          s = arguments[i];
          for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p)) t[p] = s[p];
        }
        return t;
      };
      return __assign.apply(this, arguments);
    };
    function createScope(from) {
      const scope = /* @__PURE__ */ Object.create(null);
      if (from)
        Object.assign(scope, from);
      return scope;
    }
    var Context = class _Context {
      constructor(env = {}, opts = defaultOptions, renderOptions = {}, { memoryLimit, renderLimit, liquid } = {}) {
        this.scopes = [createScope()];
        this.registers = {};
        this.breakCalled = false;
        this.continueCalled = false;
        this.sync = !!renderOptions.sync;
        this.opts = opts;
        this.globals = renderOptions.globals ?? opts.globals;
        this.environments = isObject(env) ? env : Object(env);
        this.strictVariables = renderOptions.strictVariables ?? this.opts.strictVariables;
        this.ownPropertyOnly = renderOptions.ownPropertyOnly ?? opts.ownPropertyOnly;
        this.memoryLimit = memoryLimit ?? new Limiter("memory alloc", renderOptions.memoryLimit ?? opts.memoryLimit);
        this.renderLimit = renderLimit ?? new Limiter("template render", getPerformance().now() + (renderOptions.renderLimit ?? opts.renderLimit));
        this.liquid = liquid;
      }
      getRegister(key, defaultValue = void 0) {
        return this.registers[key] = this.registers[key] || defaultValue;
      }
      setRegister(key, value) {
        return this.registers[key] = value;
      }
      saveRegister(...keys) {
        return keys.map((key) => [key, this.getRegister(key)]);
      }
      restoreRegister(keyValues) {
        return keyValues.forEach(([key, value]) => this.setRegister(key, value));
      }
      getAll() {
        return [this.globals, this.environments, ...this.scopes].reduce((ctx, val) => __assign(ctx, val), {});
      }
      /**
       * @deprecated use `_get()` or `getSync()` instead
       */
      get(paths) {
        return this.getSync(paths);
      }
      getSync(paths) {
        return toValueSync(this._get(paths));
      }
      *_get(paths) {
        const scope = this.findScope(paths[0]);
        return yield this._getFromScope(scope, paths);
      }
      /**
       * @deprecated use `_get()` instead
       */
      getFromScope(scope, paths) {
        return toValueSync(this._getFromScope(scope, paths));
      }
      *_getFromScope(scope, paths, strictVariables = this.strictVariables) {
        if (isString(paths))
          paths = paths.split(".");
        for (let i = 0; i < paths.length; i++) {
          scope = yield this.readProperty(scope, paths[i]);
          if (strictVariables && isUndefined(scope)) {
            throw new InternalUndefinedVariableError(paths.slice(0, i + 1).join("."));
          }
        }
        return scope;
      }
      push(ctx) {
        return this.scopes.push(ctx);
      }
      pop() {
        return this.scopes.pop();
      }
      bottom() {
        return this.scopes[0];
      }
      spawn(scope = {}) {
        return new _Context(scope, this.opts, {
          sync: this.sync,
          globals: this.globals,
          strictVariables: this.strictVariables,
          ownPropertyOnly: this.ownPropertyOnly
        }, {
          renderLimit: this.renderLimit,
          memoryLimit: this.memoryLimit,
          liquid: this.liquid
        });
      }
      findScope(key) {
        for (let i = this.scopes.length - 1; i >= 0; i--) {
          const candidate = this.scopes[i];
          if (key in candidate)
            return candidate;
        }
        if (key in this.environments)
          return this.environments;
        return this.globals;
      }
      readProperty(obj, key) {
        obj = toLiquid(obj);
        key = toValue2(key);
        if (isNil(obj))
          return obj;
        if (isArray(obj) && isNumber(key))
          return readArrayElement(obj, key, this.ownPropertyOnly);
        const value = readJSProperty(obj, key, this.ownPropertyOnly);
        if (value === void 0 && obj instanceof Drop)
          return obj.liquidMethodMissing(key, this);
        if (isFunction(value))
          return value.call(obj);
        if (key === "size")
          return readSize(obj);
        else if (key === "first")
          return readFirst(obj, this.ownPropertyOnly);
        else if (key === "last")
          return readLast(obj, this.ownPropertyOnly);
        return value;
      }
    };
    function readJSProperty(obj, key, ownPropertyOnly) {
      if (ownPropertyOnly && !hasOwnProperty.call(obj, key) && !(obj instanceof Drop))
        return void 0;
      return obj[key];
    }
    function readFirst(obj, ownPropertyOnly) {
      if (isArray(obj))
        return readArrayElement(obj, 0, ownPropertyOnly);
      return readJSProperty(obj, "first", ownPropertyOnly);
    }
    function readLast(obj, ownPropertyOnly) {
      if (isArray(obj))
        return readArrayElement(obj, -1, ownPropertyOnly);
      return readJSProperty(obj, "last", ownPropertyOnly);
    }
    function readSize(obj) {
      if (hasOwnProperty.call(obj, "size") || obj["size"] !== void 0)
        return obj["size"];
      if (isArray(obj) || isString(obj))
        return obj.length;
      if (typeof obj === "object")
        return Object.keys(obj).length;
    }
    var BlockMode;
    (function(BlockMode2) {
      BlockMode2[BlockMode2["OUTPUT"] = 0] = "OUTPUT";
      BlockMode2[BlockMode2["STORE"] = 1] = "STORE";
    })(BlockMode || (BlockMode = {}));
    var abs = argumentsToNumber(Math.abs);
    var at_least = argumentsToNumber(Math.max);
    var at_most = argumentsToNumber(Math.min);
    var ceil = argumentsToNumber(Math.ceil);
    var divided_by = argumentsToNumber((dividend, divisor, integerArithmetic = false) => integerArithmetic ? Math.floor(dividend / divisor) : dividend / divisor);
    var floor = argumentsToNumber(Math.floor);
    var minus = argumentsToNumber((v, arg) => v - arg);
    var plus = argumentsToNumber((lhs, rhs) => lhs + rhs);
    var modulo = argumentsToNumber((v, arg) => (v % arg + arg) % arg);
    var times = argumentsToNumber((v, arg) => v * arg);
    function round(v, arg = 0) {
      v = toNumber(v);
      arg = toNumber(arg);
      const amp = Math.pow(10, arg);
      const scaled = v * amp * (1 + Number.EPSILON);
      return Math.round(scaled) / amp;
    }
    var mathFilters = /* @__PURE__ */ Object.freeze({
      __proto__: null,
      abs,
      at_least,
      at_most,
      ceil,
      divided_by,
      floor,
      minus,
      plus,
      modulo,
      times,
      round
    });
    var url_decode = (x) => decodeURIComponent(stringify(x).replace(/\+/g, " "));
    var url_encode = (x) => encodeURIComponent(stringify(x)).replace(/%20/g, "+");
    var cgi_escape = (x) => encodeURIComponent(stringify(x)).replace(/%20/g, "+").replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
    var uri_escape = (x) => encodeURI(stringify(x)).replace(/%5B/g, "[").replace(/%5D/g, "]");
    var rSlugifyDefault = /[^\p{M}\p{L}\p{Nd}]+/ug;
    var rSlugifyReplacers = {
      "raw": /\s+/g,
      "default": rSlugifyDefault,
      "pretty": /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/ug,
      "ascii": /[^A-Za-z0-9]+/g,
      "latin": rSlugifyDefault,
      "none": null
    };
    function slugify(str, mode = "default", cased = false) {
      str = stringify(str);
      const replacer = rSlugifyReplacers[mode];
      if (replacer) {
        if (mode === "latin")
          str = removeAccents(str);
        str = str.replace(replacer, "-").replace(/^-|-$/g, "");
      }
      return cased ? str : str.toLowerCase();
    }
    function removeAccents(str) {
      return str.replace(/[àáâãäå]/g, "a").replace(/[æ]/g, "ae").replace(/[ç]/g, "c").replace(/[èéêë]/g, "e").replace(/[ìíîï]/g, "i").replace(/[ð]/g, "d").replace(/[ñ]/g, "n").replace(/[òóôõöø]/g, "o").replace(/[ùúûü]/g, "u").replace(/[ýÿ]/g, "y").replace(/[ß]/g, "ss").replace(/[œ]/g, "oe").replace(/[þ]/g, "th").replace(/[ẞ]/g, "SS").replace(/[Œ]/g, "OE").replace(/[Þ]/g, "TH");
    }
    var urlFilters = /* @__PURE__ */ Object.freeze({
      __proto__: null,
      url_decode,
      url_encode,
      cgi_escape,
      uri_escape,
      slugify
    });
    var join = argumentsToValue(function(v, arg) {
      const array = toArray(v);
      const sep = isNil(arg) ? " " : stringify(arg);
      let outputSize = sep.length * Math.max(array.length - 1, 0);
      for (let i = 0; i < array.length; i++)
        outputSize += String(array[i]).length;
      this.context.memoryLimit.use(outputSize);
      return Array.prototype.join.call(array, sep);
    });
    var last = argumentsToValue(function(v) {
      return isArrayLike(v) ? readArrayElement(v, -1, this.context.ownPropertyOnly) : "";
    });
    var first = argumentsToValue(function(v) {
      return isArrayLike(v) ? readArrayElement(v, 0, this.context.ownPropertyOnly) : "";
    });
    var reverse = argumentsToValue(function(v) {
      const array = toArray(v);
      this.context.memoryLimit.use(array.length);
      return [...array].reverse();
    });
    function* sortBy(arr, property, comparator) {
      const values = [];
      const array = toArray(arr);
      this.context.memoryLimit.use(array.length);
      for (const item of array) {
        values.push([
          item,
          property ? yield this.context._getFromScope(item, stringify(property).split("."), false) : item
        ]);
      }
      return values.sort((lhs, rhs) => comparator(lhs[1], rhs[1])).map((tuple) => tuple[0]);
    }
    function* sort(arr, property) {
      return yield* sortBy.call(this, arr, property, orderedCompare);
    }
    function* sort_natural(arr, property) {
      return yield* sortBy.call(this, arr, property, caseInsensitiveCompare);
    }
    var size = (v) => v && v.length || 0;
    function* map(arr, property) {
      const results = [];
      const array = toArray(arr);
      this.context.memoryLimit.use(array.length);
      for (const item of array) {
        results.push(yield this.context._getFromScope(item, stringify(property), false));
      }
      return results;
    }
    function* sum(arr, property) {
      let sum2 = 0;
      const array = toArray(arr);
      for (const item of array) {
        const data = Number(property ? yield this.context._getFromScope(item, stringify(property), false) : item);
        sum2 += Number.isNaN(data) ? 0 : data;
      }
      return sum2;
    }
    function compact(arr) {
      const array = toArray(arr);
      this.context.memoryLimit.use(array.length);
      return Array.prototype.filter.call(array, (x) => !isNil(toValue2(x)));
    }
    function concat(v, arg = []) {
      const lhs = toArray(v);
      const rhs = toArray(arg);
      this.context.memoryLimit.use(lhs.length + rhs.length);
      return Array.prototype.concat.call(lhs, rhs);
    }
    function push(v, arg) {
      return concat.call(this, v, [arg]);
    }
    function unshift(v, arg) {
      const array = toArray(v);
      this.context.memoryLimit.use(array.length);
      const clone = [...array];
      clone.unshift(arg);
      return clone;
    }
    function pop(v) {
      const array = toArray(v);
      this.context.memoryLimit.use(array.length);
      const clone = [...array];
      clone.pop();
      return clone;
    }
    function shift(v) {
      const array = toArray(v);
      this.context.memoryLimit.use(array.length);
      const clone = [...array];
      clone.shift();
      return clone;
    }
    function slice(v, begin, length = 1) {
      v = toValue2(v);
      if (isNil(v))
        return [];
      if (!isArray(v))
        v = stringify(v);
      begin = begin < 0 ? v.length + begin : begin;
      if (begin < 0 || length < 0)
        return isArray(v) ? [] : "";
      this.context.memoryLimit.use(length);
      return isArray(v) ? Array.prototype.slice.call(v, begin, begin + length) : String.prototype.slice.call(v, begin, begin + length);
    }
    function* matches(value, expected) {
      if (this.context.opts.jekyllWhere) {
        if (EmptyDrop.is(expected))
          return yield equals(value, expected);
        if (isArray(value))
          return yield arrayIncludes(value, expected);
        return yield equals(value, expected);
      }
      if (expected === void 0)
        return isTruthy(value, this.context);
      return yield equals(value, expected);
    }
    function* filter(include, arr, property, expected) {
      arr = toArray(arr);
      this.context.memoryLimit.use(arr.length);
      const token = new Tokenizer(stringify(property)).readScopeValue();
      const result = [];
      for (const item of arr) {
        const value = yield evalToken(token, this.context.spawn(item));
        if ((yield matches.call(this, value, expected)) === include)
          result.push(item);
      }
      return result;
    }
    function* filter_exp(include, arr, itemName, exp) {
      const filtered = [];
      const keyTemplate = new Value(stringify(exp), this.liquid);
      const array = toArray(arr);
      this.context.memoryLimit.use(array.length);
      for (const item of array) {
        this.context.push({ [itemName]: item });
        const value = yield keyTemplate.value(this.context);
        this.context.pop();
        if (value === include)
          filtered.push(item);
      }
      return filtered;
    }
    function* where(arr, property, expected) {
      return yield* filter.call(this, true, arr, property, expected);
    }
    function* reject(arr, property, expected) {
      return yield* filter.call(this, false, arr, property, expected);
    }
    function* where_exp(arr, itemName, exp) {
      return yield* filter_exp.call(this, true, arr, itemName, exp);
    }
    function* reject_exp(arr, itemName, exp) {
      return yield* filter_exp.call(this, false, arr, itemName, exp);
    }
    function* group_by(arr, property) {
      const map2 = /* @__PURE__ */ new Map();
      arr = toEnumerable(arr);
      const token = new Tokenizer(stringify(property)).readScopeValue();
      this.context.memoryLimit.use(arr.length);
      for (const item of arr) {
        const key = yield evalToken(token, this.context.spawn(item));
        if (!map2.has(key))
          map2.set(key, []);
        map2.get(key).push(item);
      }
      return [...map2.entries()].map(([name, items]) => ({ name, items }));
    }
    function* group_by_exp(arr, itemName, exp) {
      const map2 = /* @__PURE__ */ new Map();
      const keyTemplate = new Value(stringify(exp), this.liquid);
      arr = toEnumerable(arr);
      this.context.memoryLimit.use(arr.length);
      for (const item of arr) {
        this.context.push({ [itemName]: item });
        const key = yield keyTemplate.value(this.context);
        this.context.pop();
        if (!map2.has(key))
          map2.set(key, []);
        map2.get(key).push(item);
      }
      return [...map2.entries()].map(([name, items]) => ({ name, items }));
    }
    function* search(arr, property, expected) {
      const token = new Tokenizer(stringify(property)).readScopeValue();
      const array = toArray(arr);
      for (let index = 0; index < array.length; index++) {
        const value = yield evalToken(token, this.context.spawn(array[index]));
        if (yield matches.call(this, value, expected))
          return [index, array[index]];
      }
    }
    function* search_exp(arr, itemName, exp) {
      const predicate = new Value(stringify(exp), this.liquid);
      const array = toArray(arr);
      for (let index = 0; index < array.length; index++) {
        this.context.push({ [itemName]: array[index] });
        const value = yield predicate.value(this.context);
        this.context.pop();
        if (value)
          return [index, array[index]];
      }
    }
    function* has(arr, property, expected) {
      const result = yield* search.call(this, arr, property, expected);
      return !!result;
    }
    function* has_exp(arr, itemName, exp) {
      const result = yield* search_exp.call(this, arr, itemName, exp);
      return !!result;
    }
    function* find_index(arr, property, expected) {
      const result = yield* search.call(this, arr, property, expected);
      return result ? result[0] : void 0;
    }
    function* find_index_exp(arr, itemName, exp) {
      const result = yield* search_exp.call(this, arr, itemName, exp);
      return result ? result[0] : void 0;
    }
    function* find(arr, property, expected) {
      const result = yield* search.call(this, arr, property, expected);
      return result ? result[1] : void 0;
    }
    function* find_exp(arr, itemName, exp) {
      const result = yield* search_exp.call(this, arr, itemName, exp);
      return result ? result[1] : void 0;
    }
    function uniq(arr) {
      arr = toArray(arr);
      this.context.memoryLimit.use(arr.length);
      return [...new Set(arr)];
    }
    function sample(v, count = 1) {
      v = toValue2(v);
      if (isNil(v))
        return [];
      if (!isArray(v))
        v = stringify(v);
      this.context.memoryLimit.use(v.length);
      const shuffled = [...v].sort(() => Math.random() - 0.5);
      if (count === 1)
        return shuffled[0];
      return shuffled.slice(0, count);
    }
    var arrayFilters = /* @__PURE__ */ Object.freeze({
      __proto__: null,
      join,
      last,
      first,
      reverse,
      sort,
      sort_natural,
      size,
      map,
      sum,
      compact,
      concat,
      push,
      unshift,
      pop,
      shift,
      slice,
      where,
      reject,
      where_exp,
      reject_exp,
      group_by,
      group_by_exp,
      has,
      has_exp,
      find_index,
      find_index_exp,
      find,
      find_exp,
      uniq,
      sample
    });
    function date(v, format2, timezoneOffset) {
      const size2 = (v?.length ?? 0) + (timezoneOffset?.length ?? 0);
      this.context.memoryLimit.use(size2);
      const date2 = parseDate(v, this.context.opts, timezoneOffset);
      if (!date2)
        return v;
      format2 = toValue2(format2);
      format2 = isNil(format2) ? this.context.opts.dateFormat : stringify(format2);
      this.context.memoryLimit.use(format2.length);
      return strftime(date2, format2, this.context.memoryLimit);
    }
    function date_to_xmlschema(v) {
      return date.call(this, v, "%Y-%m-%dT%H:%M:%S%:z");
    }
    function date_to_rfc822(v) {
      return date.call(this, v, "%a, %d %b %Y %H:%M:%S %z");
    }
    function date_to_string(v, type, style) {
      return stringify_date.call(this, v, "%b", type, style);
    }
    function date_to_long_string(v, type, style) {
      return stringify_date.call(this, v, "%B", type, style);
    }
    function stringify_date(v, month_type, type, style) {
      const date2 = parseDate(v, this.context.opts);
      if (!date2)
        return v;
      const ml = this.context.memoryLimit;
      if (type === "ordinal") {
        const d = date2.getDate();
        return style === "US" ? strftime(date2, `${month_type} ${d}%q, %Y`, ml) : strftime(date2, `${d}%q ${month_type} %Y`, ml);
      }
      return strftime(date2, `%d ${month_type} %Y`, ml);
    }
    function parseDate(v, opts, timezoneOffset) {
      let date2;
      const defaultTimezoneOffset = timezoneOffset ?? opts.timezoneOffset;
      const locale = opts.locale;
      v = toValue2(v);
      if (isNil(v)) {
        return void 0;
      } else if (v === "now" || v === "today") {
        date2 = new LiquidDate(Date.now(), locale, defaultTimezoneOffset);
      } else if (isNumber(v)) {
        date2 = new LiquidDate(v * 1e3, locale, defaultTimezoneOffset);
      } else if (isString(v)) {
        if (/^\d+$/.test(v)) {
          date2 = new LiquidDate(+v * 1e3, locale, defaultTimezoneOffset);
        } else if (opts.preserveTimezones && timezoneOffset === void 0) {
          date2 = LiquidDate.createDateFixedToTimezone(v, locale);
        } else {
          date2 = new LiquidDate(v, locale, defaultTimezoneOffset);
        }
      } else {
        date2 = new LiquidDate(v, locale, defaultTimezoneOffset);
      }
      return date2.valid() ? date2 : void 0;
    }
    var dateFilters = /* @__PURE__ */ Object.freeze({
      __proto__: null,
      date,
      date_to_xmlschema,
      date_to_rfc822,
      date_to_string,
      date_to_long_string
    });
    var rCJKWord = /[\u4E00-\u9FFF\uF900-\uFAFF\u3400-\u4DBF\u3040-\u309F\u30A0-\u30FF\uAC00-\uD7AF]/gu;
    var rNonCJKWord = /[^\u4E00-\u9FFF\uF900-\uFAFF\u3400-\u4DBF\u3040-\u309F\u30A0-\u30FF\uAC00-\uD7AF\s]+/gu;
    function append(v, arg) {
      assert(arguments.length === 2, "append expect 2 arguments");
      const lhs = stringify(v);
      const rhs = stringify(arg);
      this.context.memoryLimit.use(lhs.length + rhs.length);
      return lhs + rhs;
    }
    function prepend(v, arg) {
      assert(arguments.length === 2, "prepend expect 2 arguments");
      const lhs = stringify(v);
      const rhs = stringify(arg);
      this.context.memoryLimit.use(lhs.length + rhs.length);
      return rhs + lhs;
    }
    function getTrimStart(str, chars) {
      let start = 0;
      for (const char of str) {
        if (!chars.has(char))
          break;
        start += char.length;
      }
      return start;
    }
    function getTrimEnd(str, chars, start = 0) {
      let end = str.length;
      while (end > start) {
        const size2 = end - start >= 2 && str.codePointAt(end - 2) > 65535 ? 2 : 1;
        if (!chars.has(str.slice(end - size2, end)))
          break;
        end -= size2;
      }
      return end;
    }
    function lstrip(v, chars) {
      const str = stringify(v);
      this.context.memoryLimit.use(str.length);
      if (chars) {
        chars = stringify(chars);
        this.context.memoryLimit.use(chars.length);
        return str.slice(getTrimStart(str, new Set(chars)));
      }
      return str.trimStart();
    }
    function downcase(v) {
      const str = stringify(v);
      this.context.memoryLimit.use(str.length);
      return str.toLowerCase();
    }
    function upcase(v) {
      const str = stringify(v);
      this.context.memoryLimit.use(str.length);
      return stringify(str).toUpperCase();
    }
    function remove(v, arg) {
      const str = stringify(v);
      arg = stringify(arg);
      this.context.memoryLimit.use(str.length + arg.length);
      return str.split(arg).join("");
    }
    function remove_first(v, l) {
      const str = stringify(v);
      l = stringify(l);
      this.context.memoryLimit.use(str.length + l.length);
      return str.replace(l, "");
    }
    function remove_last(v, l) {
      const str = stringify(v);
      const pattern = stringify(l);
      this.context.memoryLimit.use(str.length + pattern.length);
      const index = str.lastIndexOf(pattern);
      if (index === -1)
        return str;
      return str.substring(0, index) + str.substring(index + pattern.length);
    }
    function rstrip(str, chars) {
      str = stringify(str);
      this.context.memoryLimit.use(str.length);
      if (chars) {
        chars = stringify(chars);
        this.context.memoryLimit.use(chars.length);
        return str.slice(0, getTrimEnd(str, new Set(chars)));
      }
      return str.trimEnd();
    }
    function split(v, arg) {
      const str = stringify(v);
      this.context.memoryLimit.use(str.length);
      const arr = str.split(stringify(arg));
      while (arr.length && arr[arr.length - 1] === "")
        arr.pop();
      return arr;
    }
    function strip(v, chars) {
      const str = stringify(v);
      this.context.memoryLimit.use(str.length);
      if (chars) {
        const set = new Set(stringify(chars));
        this.context.memoryLimit.use(set.size);
        const start = getTrimStart(str, set);
        return str.slice(start, getTrimEnd(str, set, start));
      }
      return str.trim();
    }
    function strip_newlines(v) {
      const str = stringify(v);
      this.context.memoryLimit.use(str.length);
      return str.replace(/\r?\n/gm, "");
    }
    function squish(v) {
      const str = stringify(v);
      this.context.memoryLimit.use(str.length);
      return str.replace(/\s+/g, " ").trim();
    }
    function capitalize(str) {
      str = stringify(str);
      this.context.memoryLimit.use(str.length);
      return str.charAt(0).toUpperCase() + str.slice(1).toLowerCase();
    }
    function replace(v, pattern, replacement) {
      const str = stringify(v);
      pattern = stringify(pattern);
      replacement = stringify(replacement);
      const parts = str.split(pattern);
      const outputSize = str.length + (parts.length - 1) * (replacement.length - pattern.length);
      this.context.memoryLimit.use(outputSize);
      return parts.join(replacement);
    }
    function replace_first(v, arg1, arg2) {
      const str = stringify(v);
      arg1 = stringify(arg1);
      arg2 = stringify(arg2);
      this.context.memoryLimit.use(str.length + arg1.length + arg2.length);
      return str.replace(arg1, () => arg2);
    }
    function replace_last(v, arg1, arg2) {
      const str = stringify(v);
      const pattern = stringify(arg1);
      const replacement = stringify(arg2);
      this.context.memoryLimit.use(str.length + pattern.length + replacement.length);
      const index = str.lastIndexOf(pattern);
      if (index === -1)
        return str;
      return str.substring(0, index) + replacement + str.substring(index + pattern.length);
    }
    function truncate(v, l = 50, o = "...") {
      const str = stringify(v);
      o = stringify(o);
      this.context.memoryLimit.use(str.length + o.length);
      if (str.length <= l)
        return v;
      return str.substring(0, l - o.length) + o;
    }
    function truncatewords(v, words = 15, o = "...") {
      const str = stringify(v);
      o = stringify(o);
      this.context.memoryLimit.use(str.length + o.length);
      const arr = str.trimStart().split(/\s+/);
      if (words <= 0)
        words = 1;
      let ret = arr.slice(0, words).join(" ");
      if (arr.length >= words)
        ret += o;
      return ret;
    }
    function normalize_whitespace(v) {
      const str = stringify(v);
      this.context.memoryLimit.use(str.length);
      return str.replace(/\s+/g, " ");
    }
    function number_of_words(input, mode) {
      const str = stringify(input);
      this.context.memoryLimit.use(str.length);
      input = str.trim();
      if (!input)
        return 0;
      switch (mode) {
        case "cjk":
          return (input.match(rCJKWord) || []).length + (input.match(rNonCJKWord) || []).length;
        case "auto":
          return rCJKWord.test(input) ? input.match(rCJKWord).length + (input.match(rNonCJKWord) || []).length : input.split(/\s+/).length;
        default:
          return input.split(/\s+/).length;
      }
    }
    function array_to_sentence_string(array, connector = "and") {
      connector = stringify(connector);
      let outputSize = connector.length + array.length * 2;
      for (let i = 0; i < array.length; i++)
        outputSize += stringify(array[i]).length;
      this.context.memoryLimit.use(outputSize);
      switch (array.length) {
        case 0:
          return "";
        case 1:
          return array[0];
        case 2:
          return `${array[0]} ${connector} ${array[1]}`;
        default:
          return `${array.slice(0, -1).join(", ")}, ${connector} ${array[array.length - 1]}`;
      }
    }
    var stringFilters = /* @__PURE__ */ Object.freeze({
      __proto__: null,
      append,
      prepend,
      lstrip,
      downcase,
      upcase,
      remove,
      remove_first,
      remove_last,
      rstrip,
      split,
      strip,
      strip_newlines,
      squish,
      capitalize,
      replace,
      replace_first,
      replace_last,
      truncate,
      truncatewords,
      normalize_whitespace,
      number_of_words,
      array_to_sentence_string
    });
    function base64Encode(str) {
      return Buffer.from(str, "utf8").toString("base64");
    }
    function base64Decode(str) {
      return Buffer.from(str, "base64").toString("utf8");
    }
    function base64_encode(value) {
      if (typeof Buffer !== "undefined" && Buffer.isBuffer(value)) {
        this.context.memoryLimit.use(value.byteLength);
        return value.toString("base64");
      }
      const str = stringify(value);
      this.context.memoryLimit.use(str.length);
      return base64Encode(str);
    }
    function base64_decode(value) {
      const str = stringify(value);
      this.context.memoryLimit.use(str.length);
      return base64Decode(str);
    }
    var base64Filters = /* @__PURE__ */ Object.freeze({
      __proto__: null,
      base64_encode,
      base64_decode
    });
    function sha256(str) {
      return crypto.createHash("sha256").update(str, "utf8").digest("hex");
    }
    function hmacSha256(str, key) {
      return crypto.createHmac("sha256", key).update(str, "utf8").digest("hex");
    }
    function sha256$1(value) {
      const str = stringify(value);
      this.context.memoryLimit.use(str.length);
      return sha256(str);
    }
    function hmac_sha256(value, key) {
      const str = stringify(value);
      const keyStr = stringify(key);
      this.context.memoryLimit.use(str.length + keyStr.length);
      return hmacSha256(str, keyStr);
    }
    var cryptoFilters = /* @__PURE__ */ Object.freeze({
      __proto__: null,
      sha256: sha256$1,
      hmac_sha256
    });
    var filters = {
      ...htmlFilters,
      ...mathFilters,
      ...urlFilters,
      ...arrayFilters,
      ...dateFilters,
      ...stringFilters,
      ...base64Filters,
      ...cryptoFilters,
      ...misc
    };
    var AssignTag = class extends Tag {
      constructor(token, remainTokens, liquid) {
        super(token, remainTokens, liquid);
        this.identifier = this.tokenizer.readIdentifier();
        this.key = this.identifier.content;
        this.tokenizer.assert(this.key, "expected variable name");
        this.tokenizer.skipBlank();
        this.tokenizer.assert(this.tokenizer.peek() === "=", 'expected "="');
        this.tokenizer.advance();
        this.value = new Value(this.tokenizer.readFilteredValue(), this.liquid);
      }
      *render(ctx) {
        ctx.bottom()[this.key] = yield this.value.value(ctx, this.liquid.options.lenientIf);
      }
      *arguments() {
        yield this.value;
      }
      *localScope() {
        yield this.identifier;
      }
    };
    var MODIFIERS = ["offset", "limit", "reversed"];
    var ForTag = class extends Tag {
      constructor(token, remainTokens, liquid, parser) {
        super(token, remainTokens, liquid);
        const variable = this.tokenizer.readIdentifier();
        const inStr = this.tokenizer.readIdentifier();
        const collection = this.tokenizer.readValue();
        if (!variable.size() || inStr.content !== "in" || !collection) {
          throw new Error(`illegal tag: ${token.getText()}`);
        }
        this.variable = variable.content;
        this.collection = collection;
        this.hash = new Hash(this.tokenizer, liquid.options.keyValueSeparator);
        this.templates = [];
        this.elseTemplates = [];
        let p;
        const stream2 = parser.parseStream(remainTokens).on("start", () => p = this.templates).on("tag:else", (tag) => {
          assertEmpty(tag.args);
          p = this.elseTemplates;
        }).on("tag:endfor", (tag) => {
          assertEmpty(tag.args);
          stream2.stop();
        }).on("template", (tpl) => p.push(tpl)).on("end", () => {
          throw new Error(`tag ${token.getText()} not closed`);
        });
        stream2.start();
      }
      *render(ctx, emitter) {
        const r = this.liquid.renderer;
        let collection = toEnumerable(yield evalToken(this.collection, ctx));
        if (!collection.length) {
          yield r.renderTemplates(this.elseTemplates, ctx, emitter);
          return;
        }
        const continueKey = "continue-" + this.variable + "-" + this.collection.getText();
        ctx.push(createScope({ continue: ctx.getRegister(continueKey, {}) }));
        const hash = yield this.hash.render(ctx);
        ctx.pop();
        const modifiers = this.liquid.options.orderedFilterParameters ? Object.keys(hash).filter((x) => MODIFIERS.includes(x)) : MODIFIERS.filter((x) => hash[x] !== void 0);
        collection = modifiers.reduce((collection2, modifier) => {
          if (modifier === "offset")
            return offset(collection2, hash["offset"]);
          if (modifier === "limit")
            return limit(collection2, hash["limit"]);
          return reversed(collection2);
        }, collection);
        ctx.setRegister(continueKey, (hash["offset"] || 0) + collection.length);
        const scope = createScope({ forloop: new ForloopDrop(collection.length, this.collection.getText(), this.variable) });
        ctx.push(scope);
        for (const item of collection) {
          scope[this.variable] = item;
          ctx.continueCalled = ctx.breakCalled = false;
          yield r.renderTemplates(this.templates, ctx, emitter);
          if (ctx.breakCalled)
            break;
          scope.forloop.next();
        }
        ctx.continueCalled = ctx.breakCalled = false;
        ctx.pop();
      }
      *children() {
        const templates = this.templates.slice();
        if (this.elseTemplates) {
          templates.push(...this.elseTemplates);
        }
        return templates;
      }
      *arguments() {
        yield this.collection;
        for (const v of Object.values(this.hash.hash)) {
          if (isValueToken(v)) {
            yield v;
          }
        }
      }
      blockScope() {
        return [this.variable, "forloop"];
      }
    };
    function reversed(arr) {
      return [...arr].reverse();
    }
    function offset(arr, count) {
      return arr.slice(count);
    }
    function limit(arr, count) {
      return arr.slice(0, count);
    }
    var CaptureTag = class extends Tag {
      constructor(tagToken, remainTokens, liquid, parser) {
        super(tagToken, remainTokens, liquid);
        this.templates = [];
        this.identifier = this.readVariable();
        this.variable = this.identifier.content;
        while (remainTokens.length) {
          const token = remainTokens.shift();
          if (isTagToken(token) && token.name === "endcapture")
            return;
          this.templates.push(parser.parseToken(token, remainTokens));
        }
        throw new Error(`tag ${tagToken.getText()} not closed`);
      }
      readVariable() {
        let ident = this.tokenizer.readIdentifier();
        if (ident.content)
          return ident;
        ident = this.tokenizer.readQuoted();
        if (ident)
          return ident;
        throw this.tokenizer.error("invalid capture name");
      }
      *render(ctx) {
        const r = this.liquid.renderer;
        const html = yield r.renderTemplates(this.templates, ctx);
        ctx.bottom()[this.variable] = html;
      }
      *children() {
        return this.templates;
      }
      *localScope() {
        yield this.identifier;
      }
    };
    var CaseTag = class extends Tag {
      constructor(tagToken, remainTokens, liquid, parser) {
        super(tagToken, remainTokens, liquid);
        this.branches = [];
        this.elseTemplates = [];
        this.value = new Value(this.tokenizer.readFilteredValue(), this.liquid);
        this.elseTemplates = [];
        let p = [];
        let elseCount = 0;
        const stream2 = parser.parseStream(remainTokens).on("tag:when", (token) => {
          if (elseCount > 0) {
            return;
          }
          p = [];
          const values = [];
          while (!token.tokenizer.end()) {
            values.push(token.tokenizer.readValueOrThrow());
            token.tokenizer.skipBlank();
            if (token.tokenizer.peek() === ",") {
              token.tokenizer.readTo(",");
            } else {
              token.tokenizer.readTo("or");
            }
          }
          this.branches.push({
            values,
            templates: p
          });
        }).on("tag:else", () => {
          elseCount++;
          p = this.elseTemplates;
        }).on("tag:endcase", () => stream2.stop()).on("template", (tpl) => {
          if (p !== this.elseTemplates || elseCount === 1) {
            p.push(tpl);
          }
        }).on("end", () => {
          throw new Error(`tag ${tagToken.getText()} not closed`);
        });
        stream2.start();
      }
      *render(ctx, emitter) {
        const r = this.liquid.renderer;
        const target = yield toValue2(yield this.value.value(ctx, ctx.opts.lenientIf));
        let branchHit = false;
        for (const branch of this.branches) {
          for (const valueToken of branch.values) {
            const value = yield evalToken(valueToken, ctx, ctx.opts.lenientIf);
            if (yield equals(target, value)) {
              yield r.renderTemplates(branch.templates, ctx, emitter);
              branchHit = true;
              break;
            }
          }
        }
        if (!branchHit) {
          yield r.renderTemplates(this.elseTemplates, ctx, emitter);
        }
      }
      *arguments() {
        yield this.value;
        yield* this.branches.flatMap((b) => b.values);
      }
      *children() {
        const templates = this.branches.flatMap((b) => b.templates);
        if (this.elseTemplates) {
          templates.push(...this.elseTemplates);
        }
        return templates;
      }
    };
    var CommentTag = class extends Tag {
      constructor(tagToken, remainTokens, liquid) {
        super(tagToken, remainTokens, liquid);
        while (remainTokens.length) {
          const token = remainTokens.shift();
          if (isTagToken(token) && token.name === "endcomment")
            return;
        }
        throw new Error(`tag ${tagToken.getText()} not closed`);
      }
      render() {
      }
    };
    var RenderTag = class extends Tag {
      constructor(token, remainTokens, liquid, parser) {
        super(token, remainTokens, liquid);
        const tokenizer = this.tokenizer;
        this.file = parseFilePath(tokenizer, this.liquid, parser);
        this.currentFile = token.file;
        while (!tokenizer.end()) {
          tokenizer.skipBlank();
          const begin = tokenizer.p;
          const keyword = tokenizer.readIdentifier();
          if (keyword.content === "with" || keyword.content === "for") {
            tokenizer.skipBlank();
            if (tokenizer.peek() !== ":") {
              const value = tokenizer.readValue();
              if (value) {
                const beforeAs = tokenizer.p;
                const asStr = tokenizer.readIdentifier();
                let alias;
                if (asStr.content === "as")
                  alias = tokenizer.readIdentifier();
                else
                  tokenizer.p = beforeAs;
                const binding = { value, alias: alias && alias.content };
                if (keyword.content === "with")
                  this.with = binding;
                else
                  this.forBinding = binding;
                tokenizer.skipBlank();
                if (tokenizer.peek() === ",")
                  tokenizer.advance();
                continue;
              }
            }
          }
          tokenizer.p = begin;
          break;
        }
        this.hash = new Hash(tokenizer, liquid.options.keyValueSeparator);
      }
      *render(ctx, emitter) {
        const { liquid, hash } = this;
        const filepath = yield renderFilePath(this.file, ctx, liquid);
        assert(filepath, () => `illegal file path "${filepath}"`);
        const childCtx = ctx.spawn();
        const scope = childCtx.bottom();
        __assign(scope, yield hash.render(ctx));
        if (this.with) {
          const { value, alias } = this.with;
          scope[alias || filepath] = yield evalToken(value, ctx);
        }
        if (this.forBinding) {
          const { value, alias } = this.forBinding;
          const collection = toEnumerable(yield evalToken(value, ctx));
          scope["forloop"] = new ForloopDrop(collection.length, value.getText(), alias);
          for (const item of collection) {
            scope[alias] = item;
            const templates = yield liquid._parsePartialFile(filepath, childCtx.sync, this.currentFile);
            yield liquid.renderer.renderTemplates(templates, childCtx, emitter);
            scope["forloop"].next();
          }
        } else {
          const templates = yield liquid._parsePartialFile(filepath, childCtx.sync, this.currentFile);
          yield liquid.renderer.renderTemplates(templates, childCtx, emitter);
        }
      }
      *children(partials, sync) {
        if (partials && isString(this.file)) {
          return yield this.liquid._parsePartialFile(this.file, sync, this.currentFile);
        }
        return [];
      }
      partialScope() {
        if (isString(this.file)) {
          const names = Object.keys(this.hash.hash);
          if (this.with) {
            const { value, alias } = this.with;
            if (isString(alias)) {
              names.push([alias, value]);
            } else if (isString(this.file)) {
              names.push([this.file, value]);
            }
          }
          if (this.forBinding) {
            const { value, alias } = this.forBinding;
            if (isString(alias)) {
              names.push([alias, value]);
            } else if (isString(this.file)) {
              names.push([this.file, value]);
            }
          }
          return { name: this.file, isolated: true, scope: names };
        }
      }
      *arguments() {
        for (const v of Object.values(this.hash.hash)) {
          if (isValueToken(v)) {
            yield v;
          }
        }
        if (this.with) {
          const { value } = this.with;
          if (isValueToken(value)) {
            yield value;
          }
        }
        if (this.forBinding) {
          const { value } = this.forBinding;
          if (isValueToken(value)) {
            yield value;
          }
        }
      }
    };
    function parseFilePath(tokenizer, liquid, parser) {
      if (liquid.options.dynamicPartials) {
        const file = tokenizer.readValue();
        tokenizer.assert(file, "illegal file path");
        if (file.getText() === "none")
          return;
        if (isQuotedToken(file)) {
          const templates2 = parser.parse(evalQuotedToken(file));
          return optimize(templates2);
        }
        return file;
      }
      const tokens = [...tokenizer.readFileNameTemplate(liquid.options)];
      const templates = optimize(parser.parseTokens(tokens));
      return templates === "none" ? void 0 : templates;
    }
    function optimize(templates) {
      if (templates.length === 1 && isHTMLToken(templates[0].token))
        return templates[0].token.getContent();
      return templates;
    }
    function* renderFilePath(file, ctx, liquid) {
      if (typeof file === "string")
        return file;
      if (Array.isArray(file))
        return liquid.renderer.renderTemplates(file, ctx);
      return yield evalToken(file, ctx);
    }
    var IncludeTag = class extends Tag {
      constructor(token, remainTokens, liquid, parser) {
        super(token, remainTokens, liquid);
        const { tokenizer } = token;
        this.file = parseFilePath(tokenizer, this.liquid, parser);
        this.currentFile = token.file;
        const begin = tokenizer.p;
        const withStr = tokenizer.readIdentifier();
        if (withStr.content === "with") {
          tokenizer.skipBlank();
          if (tokenizer.peek() !== ":") {
            this.withVar = tokenizer.readValue();
          } else
            tokenizer.p = begin;
        } else
          tokenizer.p = begin;
        this.hash = new Hash(tokenizer, liquid.options.jekyllInclude || liquid.options.keyValueSeparator);
      }
      *render(ctx, emitter) {
        const { liquid, hash, withVar } = this;
        const { renderer } = liquid;
        const filepath = yield renderFilePath(this.file, ctx, liquid);
        assert(filepath, () => `illegal file path "${filepath}"`);
        const saved = ctx.saveRegister("blocks", "blockMode");
        ctx.setRegister("blocks", {});
        ctx.setRegister("blockMode", BlockMode.OUTPUT);
        const scope = createScope(yield hash.render(ctx));
        if (withVar)
          scope[filepath] = yield evalToken(withVar, ctx);
        const templates = yield liquid._parsePartialFile(filepath, ctx.sync, this.currentFile);
        ctx.push(ctx.opts.jekyllInclude ? createScope({ include: scope }) : scope);
        yield renderer.renderTemplates(templates, ctx, emitter);
        ctx.pop();
        ctx.restoreRegister(saved);
      }
      *children(partials, sync) {
        if (partials && isString(this.file)) {
          return yield this.liquid._parsePartialFile(this.file, sync, this.currentFile);
        }
        return [];
      }
      partialScope() {
        if (isString(this.file)) {
          let names;
          if (this.liquid.options.jekyllInclude) {
            names = ["include"];
          } else {
            names = Object.keys(this.hash.hash);
            if (this.withVar) {
              names.push([this.file, this.withVar]);
            }
          }
          return { name: this.file, isolated: false, scope: names };
        }
      }
      *arguments() {
        yield* Object.values(this.hash.hash).filter(isValueToken);
        if (isValueToken(this.file)) {
          yield this.file;
        }
        if (isValueToken(this.withVar)) {
          yield this.withVar;
        }
      }
    };
    var DecrementTag = class extends Tag {
      constructor(token, remainTokens, liquid) {
        super(token, remainTokens, liquid);
        this.identifier = this.tokenizer.readIdentifier();
        this.variable = this.identifier.content;
      }
      render(context, emitter) {
        const scope = context.environments;
        if (!isNumber(scope[this.variable])) {
          scope[this.variable] = 0;
        }
        emitter.write(stringify(--scope[this.variable]));
      }
      *localScope() {
        yield this.identifier;
      }
    };
    var CycleTag = class extends Tag {
      constructor(token, remainTokens, liquid) {
        super(token, remainTokens, liquid);
        this.candidates = [];
        const group = this.tokenizer.readValue();
        this.tokenizer.skipBlank();
        if (group) {
          if (this.tokenizer.peek() === ":") {
            this.group = group;
            this.tokenizer.advance();
          } else
            this.candidates.push(group);
        }
        while (!this.tokenizer.end()) {
          const value = this.tokenizer.readValue();
          if (value)
            this.candidates.push(value);
          this.tokenizer.readTo(",");
        }
        this.tokenizer.assert(this.candidates.length, () => `empty candidates: "${token.getText()}"`);
      }
      *render(ctx, emitter) {
        const group = yield evalToken(this.group, ctx);
        const fingerprint = `cycle:${group}:` + this.candidates.join(",");
        const groups = ctx.getRegister("cycle", {});
        let idx = groups[fingerprint];
        if (idx === void 0) {
          idx = groups[fingerprint] = 0;
        }
        const candidate = this.candidates[idx];
        idx = (idx + 1) % this.candidates.length;
        groups[fingerprint] = idx;
        return yield evalToken(candidate, ctx);
      }
      *arguments() {
        yield* this.candidates;
        if (this.group) {
          yield this.group;
        }
      }
    };
    var IfTag = class extends Tag {
      constructor(tagToken, remainTokens, liquid, parser) {
        super(tagToken, remainTokens, liquid);
        this.branches = [];
        let p = [];
        parser.parseStream(remainTokens).on("start", () => this.branches.push({
          value: new Value(tagToken.tokenizer.readFilteredValue(), this.liquid),
          templates: p = []
        })).on("tag:elsif", (token) => {
          assert(!this.elseTemplates, "unexpected elsif after else");
          this.branches.push({
            value: new Value(token.tokenizer.readFilteredValue(), this.liquid),
            templates: p = []
          });
        }).on("tag:else", (tag) => {
          assertEmpty(tag.args);
          assert(!this.elseTemplates, "duplicated else");
          p = this.elseTemplates = [];
        }).on("tag:endif", function(tag) {
          assertEmpty(tag.args);
          this.stop();
        }).on("template", (tpl) => p.push(tpl)).on("end", () => {
          throw new Error(`tag ${tagToken.getText()} not closed`);
        }).start();
      }
      *render(ctx, emitter) {
        const r = this.liquid.renderer;
        for (const { value, templates } of this.branches) {
          const v = yield toValue2(yield value.value(ctx, ctx.opts.lenientIf));
          if (isTruthy(v, ctx)) {
            yield r.renderTemplates(templates, ctx, emitter);
            return;
          }
        }
        yield r.renderTemplates(this.elseTemplates || [], ctx, emitter);
      }
      *children() {
        const templates = this.branches.flatMap((b) => b.templates);
        if (this.elseTemplates) {
          templates.push(...this.elseTemplates);
        }
        return templates;
      }
      arguments() {
        return this.branches.map((b) => b.value);
      }
    };
    var IncrementTag = class extends Tag {
      constructor(token, remainTokens, liquid) {
        super(token, remainTokens, liquid);
        this.identifier = this.tokenizer.readIdentifier();
        this.variable = this.identifier.content;
      }
      render(context, emitter) {
        const scope = context.environments;
        if (!isNumber(scope[this.variable])) {
          scope[this.variable] = 0;
        }
        const val = scope[this.variable];
        scope[this.variable]++;
        emitter.write(stringify(val));
      }
      *localScope() {
        yield this.identifier;
      }
    };
    var LayoutTag = class extends Tag {
      constructor(token, remainTokens, liquid, parser) {
        super(token, remainTokens, liquid);
        this.file = parseFilePath(this.tokenizer, this.liquid, parser);
        this.currentFile = token.file;
        this.args = new Hash(this.tokenizer, liquid.options.keyValueSeparator);
        this.templates = parser.parseTokens(remainTokens);
      }
      *render(ctx, emitter) {
        const { liquid, args, file } = this;
        const { renderer } = liquid;
        if (file === void 0) {
          ctx.setRegister("blockMode", BlockMode.OUTPUT);
          yield renderer.renderTemplates(this.templates, ctx, emitter);
          return;
        }
        const filepath = yield renderFilePath(this.file, ctx, liquid);
        assert(filepath, () => `illegal file path "${filepath}"`);
        const templates = yield liquid._parseLayoutFile(filepath, ctx.sync, this.currentFile);
        ctx.setRegister("blockMode", BlockMode.STORE);
        const html = yield renderer.renderTemplates(this.templates, ctx);
        const blocks = ctx.getRegister("blocks", {});
        if (blocks[""] === void 0)
          blocks[""] = (parent, emitter2) => emitter2.write(html);
        ctx.setRegister("blockMode", BlockMode.OUTPUT);
        ctx.push(createScope(yield args.render(ctx)));
        yield renderer.renderTemplates(templates, ctx, emitter);
        ctx.pop();
      }
      *children(partials) {
        const templates = this.templates.slice();
        if (partials && isString(this.file)) {
          templates.push(...yield this.liquid._parsePartialFile(this.file, true, this.currentFile));
        }
        return templates;
      }
      *arguments() {
        for (const v of Object.values(this.args.hash)) {
          if (isValueToken(v)) {
            yield v;
          }
        }
        if (isValueToken(this.file)) {
          yield this.file;
        }
      }
      partialScope() {
        if (isString(this.file)) {
          return { name: this.file, isolated: false, scope: Object.keys(this.args.hash) };
        }
      }
    };
    var BlockTag = class extends Tag {
      constructor(token, remainTokens, liquid, parser) {
        super(token, remainTokens, liquid);
        this.templates = [];
        const match = /\w+/.exec(token.args);
        this.block = match ? match[0] : "";
        while (remainTokens.length) {
          const token2 = remainTokens.shift();
          if (isTagToken(token2) && token2.name === "endblock")
            return;
          const template = parser.parseToken(token2, remainTokens);
          this.templates.push(template);
        }
        throw new Error(`tag ${token.getText()} not closed`);
      }
      *render(ctx, emitter) {
        const blockRender = this.getBlockRender(ctx);
        if (ctx.getRegister("blockMode") === BlockMode.STORE) {
          ctx.getRegister("blocks", {})[this.block] = blockRender;
        } else {
          yield blockRender(new BlockDrop(), emitter);
        }
      }
      getBlockRender(ctx) {
        const self = this;
        const { liquid, templates } = this;
        const renderChild = ctx.getRegister("blocks", {})[this.block];
        const renderCurrent = function* (superBlock, emitter) {
          const stack = ctx.getRegister("blockStack", []);
          if (stack.includes(self))
            throw new Error("block tag cannot be nested");
          stack.push(self);
          ctx.push(createScope({ block: superBlock }));
          yield liquid.renderer.renderTemplates(templates, ctx, emitter);
          ctx.pop();
          stack.pop();
        };
        return renderChild ? (superBlock, emitter) => renderChild(new BlockDrop((emitter2) => renderCurrent(superBlock, emitter2)), emitter) : renderCurrent;
      }
      *children() {
        return this.templates;
      }
      blockScope() {
        return ["block"];
      }
    };
    var RawTag = class extends Tag {
      constructor(tagToken, remainTokens, liquid) {
        super(tagToken, remainTokens, liquid);
        this.tokens = [];
        while (remainTokens.length) {
          const token = remainTokens.shift();
          if (isTagToken(token) && token.name === "endraw")
            return;
          this.tokens.push(token);
        }
        throw new Error(`tag ${tagToken.getText()} not closed`);
      }
      render() {
        return this.tokens.map((token) => token.getText()).join("");
      }
    };
    var TablerowloopDrop = class extends ForloopDrop {
      constructor(length, cols, collection, variable) {
        super(length, collection, variable);
        this.length = length;
        this.cols = cols;
      }
      row() {
        return Math.floor(this.i / this.cols) + 1;
      }
      col0() {
        return this.i % this.cols;
      }
      col() {
        return this.col0() + 1;
      }
      col_first() {
        return this.col0() === 0;
      }
      col_last() {
        return this.col() === this.cols;
      }
    };
    var TablerowTag = class extends Tag {
      constructor(tagToken, remainTokens, liquid, parser) {
        super(tagToken, remainTokens, liquid);
        const variable = this.tokenizer.readIdentifier();
        this.tokenizer.skipBlank();
        const predicate = this.tokenizer.readIdentifier();
        const collectionToken = this.tokenizer.readValue();
        if (predicate.content !== "in" || !collectionToken) {
          throw new Error(`illegal tag: ${tagToken.getText()}`);
        }
        this.variable = variable.content;
        this.collection = collectionToken;
        this.args = new Hash(this.tokenizer, liquid.options.keyValueSeparator);
        this.templates = [];
        let p;
        const stream2 = parser.parseStream(remainTokens).on("start", () => p = this.templates).on("tag:endtablerow", () => stream2.stop()).on("template", (tpl) => p.push(tpl)).on("end", () => {
          throw new Error(`tag ${tagToken.getText()} not closed`);
        });
        stream2.start();
      }
      *render(ctx, emitter) {
        let collection = toEnumerable(yield evalToken(this.collection, ctx));
        const args = yield this.args.render(ctx);
        const offset2 = args.offset || 0;
        const limit2 = args.limit === void 0 ? collection.length : args.limit;
        collection = collection.slice(offset2, offset2 + limit2);
        const cols = args.cols || collection.length;
        const r = this.liquid.renderer;
        const tablerowloop = new TablerowloopDrop(collection.length, cols, this.collection.getText(), this.variable);
        const scope = createScope({ tablerowloop });
        ctx.push(scope);
        for (let idx = 0; idx < collection.length; idx++, tablerowloop.next()) {
          scope[this.variable] = collection[idx];
          if (tablerowloop.col0() === 0) {
            if (tablerowloop.row() !== 1)
              emitter.write("</tr>");
            emitter.write(`<tr class="row${tablerowloop.row()}">`);
          }
          emitter.write(`<td class="col${tablerowloop.col()}">`);
          yield r.renderTemplates(this.templates, ctx, emitter);
          emitter.write("</td>");
        }
        if (collection.length)
          emitter.write("</tr>");
        ctx.pop();
      }
      *children() {
        return this.templates;
      }
      *arguments() {
        yield this.collection;
        for (const v of Object.values(this.args.hash)) {
          if (isValueToken(v)) {
            yield v;
          }
        }
      }
      blockScope() {
        return [this.variable, "tablerowloop"];
      }
    };
    var UnlessTag = class extends Tag {
      constructor(tagToken, remainTokens, liquid, parser) {
        super(tagToken, remainTokens, liquid);
        this.branches = [];
        this.elseTemplates = [];
        let p = [];
        let elseCount = 0;
        parser.parseStream(remainTokens).on("start", () => this.branches.push({
          value: new Value(tagToken.tokenizer.readFilteredValue(), this.liquid),
          test: isFalsy,
          templates: p = []
        })).on("tag:elsif", (token) => {
          if (elseCount > 0) {
            p = [];
            return;
          }
          this.branches.push({
            value: new Value(token.tokenizer.readFilteredValue(), this.liquid),
            test: isTruthy,
            templates: p = []
          });
        }).on("tag:else", () => {
          elseCount++;
          p = this.elseTemplates;
        }).on("tag:endunless", function() {
          this.stop();
        }).on("template", (tpl) => {
          if (p !== this.elseTemplates || elseCount === 1) {
            p.push(tpl);
          }
        }).on("end", () => {
          throw new Error(`tag ${tagToken.getText()} not closed`);
        }).start();
      }
      *render(ctx, emitter) {
        const r = this.liquid.renderer;
        for (const { value, test, templates } of this.branches) {
          const v = yield toValue2(yield value.value(ctx, ctx.opts.lenientIf));
          if (test(v, ctx)) {
            yield r.renderTemplates(templates, ctx, emitter);
            return;
          }
        }
        yield r.renderTemplates(this.elseTemplates, ctx, emitter);
      }
      *children() {
        const children = this.branches.flatMap((b) => b.templates);
        if (this.elseTemplates) {
          children.push(...this.elseTemplates);
        }
        return children;
      }
      arguments() {
        return this.branches.map((b) => b.value);
      }
    };
    var BreakTag = class extends Tag {
      render(ctx, _emitter) {
        ctx.breakCalled = true;
      }
    };
    var ContinueTag = class extends Tag {
      render(ctx, _emitter) {
        ctx.continueCalled = true;
      }
    };
    var EchoTag = class extends Tag {
      constructor(token, remainTokens, liquid) {
        super(token, remainTokens, liquid);
        this.tokenizer.skipBlank();
        if (!this.tokenizer.end()) {
          this.value = new Value(this.tokenizer.readFilteredValue(), this.liquid);
        }
      }
      *render(ctx, emitter) {
        if (!this.value)
          return;
        const val = yield toValue2(yield this.value.value(ctx, false));
        emitter.write(val);
      }
      *arguments() {
        if (this.value) {
          yield this.value;
        }
      }
    };
    var LiquidTag = class extends Tag {
      constructor(token, remainTokens, liquid, parser) {
        super(token, remainTokens, liquid);
        const tokens = this.tokenizer.readLiquidTagTokens(this.liquid.options);
        this.templates = parser.parseTokens(tokens);
      }
      *render(ctx, emitter) {
        yield this.liquid.renderer.renderTemplates(this.templates, ctx, emitter);
      }
      *children() {
        return this.templates;
      }
    };
    var InlineCommentTag = class extends Tag {
      constructor(tagToken, remainTokens, liquid) {
        super(tagToken, remainTokens, liquid);
        if (tagToken.args.search(/\n\s*[^#\s]/g) !== -1) {
          throw new Error("every line of an inline comment must start with a '#' character");
        }
      }
      render() {
      }
    };
    var tags = {
      assign: AssignTag,
      "for": ForTag,
      capture: CaptureTag,
      "case": CaseTag,
      comment: CommentTag,
      include: IncludeTag,
      render: RenderTag,
      decrement: DecrementTag,
      increment: IncrementTag,
      cycle: CycleTag,
      "if": IfTag,
      layout: LayoutTag,
      block: BlockTag,
      raw: RawTag,
      tablerow: TablerowTag,
      unless: UnlessTag,
      "break": BreakTag,
      "continue": ContinueTag,
      echo: EchoTag,
      liquid: LiquidTag,
      "#": InlineCommentTag
    };
    var Liquid2 = class _Liquid {
      constructor(opts = {}) {
        this.renderer = new Render();
        this.filters = /* @__PURE__ */ Object.create(null);
        this.tags = /* @__PURE__ */ Object.create(null);
        this.options = normalize(opts);
        this.parser = new Parser(this);
        forOwn(tags, (conf, name) => this.registerTag(name, conf));
        forOwn(filters, (handler, name) => this.registerFilter(name, handler));
      }
      parse(html, filepath) {
        const parser = new Parser(this);
        return parser.parse(html, filepath);
      }
      _render(tpl, scope, renderOptions) {
        const ctx = scope instanceof Context ? scope : new Context(scope, this.options, renderOptions, { liquid: this });
        return this.renderer.renderTemplates(tpl, ctx);
      }
      async render(tpl, scope, renderOptions) {
        return toPromise(this._render(tpl, scope, { ...renderOptions, sync: false }));
      }
      renderSync(tpl, scope, renderOptions) {
        return toValueSync(this._render(tpl, scope, { ...renderOptions, sync: true }));
      }
      renderToNodeStream(tpl, scope, renderOptions = {}) {
        const ctx = new Context(scope, this.options, renderOptions, { liquid: this });
        return this.renderer.renderTemplatesToNodeStream(tpl, ctx);
      }
      _parseAndRender(html, scope, renderOptions) {
        const tpl = this.parse(html);
        return this._render(tpl, scope, renderOptions);
      }
      async parseAndRender(html, scope, renderOptions) {
        return toPromise(this._parseAndRender(html, scope, { ...renderOptions, sync: false }));
      }
      parseAndRenderSync(html, scope, renderOptions) {
        return toValueSync(this._parseAndRender(html, scope, { ...renderOptions, sync: true }));
      }
      _parsePartialFile(file, sync, currentFile) {
        return new Parser(this).parseFile(file, sync, exports.LookupType.Partials, currentFile);
      }
      _parseLayoutFile(file, sync, currentFile) {
        return new Parser(this).parseFile(file, sync, exports.LookupType.Layouts, currentFile);
      }
      _parseFile(file, sync, lookupType, currentFile) {
        return new Parser(this).parseFile(file, sync, lookupType, currentFile);
      }
      async parseFile(file, lookupType) {
        return toPromise(new Parser(this).parseFile(file, false, lookupType));
      }
      parseFileSync(file, lookupType) {
        return toValueSync(new Parser(this).parseFile(file, true, lookupType));
      }
      *_renderFile(file, ctx, renderFileOptions) {
        const templates = yield this._parseFile(file, renderFileOptions.sync, renderFileOptions.lookupType);
        return yield this._render(templates, ctx, renderFileOptions);
      }
      async renderFile(file, ctx, renderFileOptions) {
        return toPromise(this._renderFile(file, ctx, { ...renderFileOptions, sync: false }));
      }
      renderFileSync(file, ctx, renderFileOptions) {
        return toValueSync(this._renderFile(file, ctx, { ...renderFileOptions, sync: true }));
      }
      async renderFileToNodeStream(file, scope, renderOptions) {
        const templates = await this.parseFile(file);
        return this.renderToNodeStream(templates, scope, renderOptions);
      }
      _evalValue(str, scope) {
        const value = new Value(str, this);
        const ctx = scope instanceof Context ? scope : new Context(scope, this.options, {}, { liquid: this });
        return value.value(ctx);
      }
      async evalValue(str, scope) {
        return toPromise(this._evalValue(str, scope));
      }
      evalValueSync(str, scope) {
        return toValueSync(this._evalValue(str, scope));
      }
      registerFilter(name, filter2) {
        this.filters[name] = filter2;
      }
      unregisterFilter(name) {
        delete this.filters[name];
      }
      registerTag(name, tag) {
        this.tags[name] = isFunction(tag) ? tag : createTagClass(tag);
      }
      plugin(plugin) {
        return plugin.call(this, _Liquid);
      }
      express() {
        const self = this;
        let firstCall = true;
        return function(filePath, ctx, callback) {
          if (firstCall) {
            firstCall = false;
            const dirs = normalizeDirectoryList(this.root);
            self.options.root.unshift(...dirs);
            self.options.layouts.unshift(...dirs);
            self.options.partials.unshift(...dirs);
          }
          self.renderFile(filePath, ctx).then((html) => callback(null, html), callback);
        };
      }
      async analyze(template, options = {}) {
        return analyze(template, options);
      }
      analyzeSync(template, options = {}) {
        return analyzeSync(template, options);
      }
      async parseAndAnalyze(html, filename, options = {}) {
        return analyze(this.parse(html, filename), options);
      }
      parseAndAnalyzeSync(html, filename, options = {}) {
        return analyzeSync(this.parse(html, filename), options);
      }
      /** Return an array of all variables without their properties. */
      async variables(template, options = {}) {
        const analysis = await analyze(isString(template) ? this.parse(template) : template, options);
        return Object.keys(analysis.variables);
      }
      /** Return an array of all variables without their properties. */
      variablesSync(template, options = {}) {
        const analysis = analyzeSync(isString(template) ? this.parse(template) : template, options);
        return Object.keys(analysis.variables);
      }
      /** Return an array of all variables including their properties/paths. */
      async fullVariables(template, options = {}) {
        const analysis = await analyze(isString(template) ? this.parse(template) : template, options);
        return Array.from(new Set(Object.values(analysis.variables).flatMap((a) => a.map((v) => String(v)))));
      }
      /** Return an array of all variables including their properties/paths. */
      fullVariablesSync(template, options = {}) {
        const analysis = analyzeSync(isString(template) ? this.parse(template) : template, options);
        return Array.from(new Set(Object.values(analysis.variables).flatMap((a) => a.map((v) => String(v)))));
      }
      /** Return an array of all variables, each as an array of properties/segments. */
      async variableSegments(template, options = {}) {
        const analysis = await analyze(isString(template) ? this.parse(template) : template, options);
        return Array.from(strictUniq(Object.values(analysis.variables).flatMap((a) => a.map((v) => v.toArray()))));
      }
      /** Return an array of all variables, each as an array of properties/segments. */
      variableSegmentsSync(template, options = {}) {
        const analysis = analyzeSync(isString(template) ? this.parse(template) : template, options);
        return Array.from(strictUniq(Object.values(analysis.variables).flatMap((a) => a.map((v) => v.toArray()))));
      }
      /** Return an array of all expected context variables without their properties. */
      async globalVariables(template, options = {}) {
        const analysis = await analyze(isString(template) ? this.parse(template) : template, options);
        return Object.keys(analysis.globals);
      }
      /** Return an array of all expected context variables without their properties. */
      globalVariablesSync(template, options = {}) {
        const analysis = analyzeSync(isString(template) ? this.parse(template) : template, options);
        return Object.keys(analysis.globals);
      }
      /** Return an array of all expected context variables including their properties/paths. */
      async globalFullVariables(template, options = {}) {
        const analysis = await analyze(isString(template) ? this.parse(template) : template, options);
        return Array.from(new Set(Object.values(analysis.globals).flatMap((a) => a.map((v) => String(v)))));
      }
      /** Return an array of all expected context variables including their properties/paths. */
      globalFullVariablesSync(template, options = {}) {
        const analysis = analyzeSync(isString(template) ? this.parse(template) : template, options);
        return Array.from(new Set(Object.values(analysis.globals).flatMap((a) => a.map((v) => String(v)))));
      }
      /** Return an array of all expected context variables, each as an array of properties/segments. */
      async globalVariableSegments(template, options = {}) {
        const analysis = await analyze(isString(template) ? this.parse(template) : template, options);
        return Array.from(strictUniq(Object.values(analysis.globals).flatMap((a) => a.map((v) => v.toArray()))));
      }
      /** Return an array of all expected context variables, each as an array of properties/segments. */
      globalVariableSegmentsSync(template, options = {}) {
        const analysis = analyzeSync(isString(template) ? this.parse(template) : template, options);
        return Array.from(strictUniq(Object.values(analysis.globals).flatMap((a) => a.map((v) => v.toArray()))));
      }
    };
    var version = "10.30.0";
    exports.AssertionError = AssertionError;
    exports.AssignTag = AssignTag;
    exports.BlockTag = BlockTag;
    exports.BreakTag = BreakTag;
    exports.CaptureTag = CaptureTag;
    exports.CaseTag = CaseTag;
    exports.CommentTag = CommentTag;
    exports.Context = Context;
    exports.ContinueTag = ContinueTag;
    exports.CycleTag = CycleTag;
    exports.DecrementTag = DecrementTag;
    exports.Drop = Drop;
    exports.EchoTag = EchoTag;
    exports.Expression = Expression;
    exports.Filter = Filter;
    exports.ForTag = ForTag;
    exports.Hash = Hash;
    exports.IfTag = IfTag;
    exports.IncludeTag = IncludeTag;
    exports.IncrementTag = IncrementTag;
    exports.InlineCommentTag = InlineCommentTag;
    exports.LayoutTag = LayoutTag;
    exports.Liquid = Liquid2;
    exports.LiquidError = LiquidError;
    exports.LiquidTag = LiquidTag;
    exports.Output = Output;
    exports.ParseError = ParseError;
    exports.ParseStream = ParseStream;
    exports.Parser = Parser;
    exports.RawTag = RawTag;
    exports.RenderError = RenderError;
    exports.RenderTag = RenderTag;
    exports.TablerowTag = TablerowTag;
    exports.Tag = Tag;
    exports.TagToken = TagToken;
    exports.Token = Token;
    exports.TokenizationError = TokenizationError;
    exports.Tokenizer = Tokenizer;
    exports.TypeGuards = typeGuards;
    exports.UndefinedVariableError = UndefinedVariableError;
    exports.UnlessTag = UnlessTag;
    exports.Value = Value;
    exports.Variable = Variable;
    exports.analyze = analyze;
    exports.analyzeSync = analyzeSync;
    exports.assert = assert;
    exports.createTrie = createTrie;
    exports.defaultOperators = defaultOperators;
    exports.defaultOptions = defaultOptions;
    exports.evalQuotedToken = evalQuotedToken;
    exports.evalToken = evalToken;
    exports.evalTokenValue = evalTokenValue;
    exports.filters = filters;
    exports.isFalsy = isFalsy;
    exports.isTruthy = isTruthy;
    exports.tags = tags;
    exports.toPromise = toPromise;
    exports.toValue = toValue2;
    exports.toValueSync = toValueSync;
    exports.version = version;
  }
});

// src/render/liquid.ts
var import_liquidjs = __toESM(require_liquid_node(), 1);
var headerEngines = /* @__PURE__ */ new WeakMap();
function createTemplateEngine(templateFiles, settings) {
  const { currency, timezone } = typeof settings === "string" ? { currency: settings, timezone: "UTC" } : settings;
  const templates = Object.fromEntries(
    [...templateFiles.values()].map((t) => [`${t.name}.md`, templateText(t.source)])
  );
  const make = (outputEscape) => {
    const engine2 = new import_liquidjs.Liquid({
      templates,
      extname: ".md",
      ...outputEscape ? { outputEscape } : {},
      strictFilters: true,
      strictVariables: true,
      ownPropertyOnly: true,
      timezoneOffset: timezone,
      // Parsed templates are kept: a run renders the same few templates for every report, and
      // checkTemplates's parse is the one the renders use.
      cache: parsedTemplates(),
      // A template loop over a huge table cannot hang a run.
      renderLimit: 5e3,
      parseLimit: 1e6
    });
    registerFilters(engine2, currency, timezone);
    return engine2;
  };
  const engine = make((value) => escapeMarkdown(textOf(value)));
  headerEngines.set(engine, make());
  return engine;
}
var LOOKUP_PREFIX = new RegExp(`^(?:${Object.values(import_liquidjs.LookupType).join("|")}):`);
function parsedTemplates() {
  const parsed = /* @__PURE__ */ new Map();
  const nameOf = (key) => key.replace(LOOKUP_PREFIX, "");
  return {
    read: (key) => parsed.get(nameOf(key)),
    write: (key, value) => void parsed.set(nameOf(key), value),
    remove: (key) => void parsed.delete(nameOf(key))
  };
}
function templateText(source) {
  return source.replace(/\r\n?/g, "\n");
}
function headerEngineOf(engine) {
  const header = headerEngines.get(engine);
  if (!header) throw new Error("not an engine made by createTemplateEngine");
  return header;
}
var parsedHeaders = /* @__PURE__ */ new WeakMap();
function parseHeader(engine, source) {
  const header = headerEngineOf(engine);
  let parsed = parsedHeaders.get(header);
  if (!parsed) parsedHeaders.set(header, parsed = /* @__PURE__ */ new Map());
  let templates = parsed.get(source);
  if (!templates) parsed.set(source, templates = header.parse(source));
  return templates;
}
function renderHeader(engine, source, view) {
  return headerEngineOf(engine).renderSync(parseHeader(engine, source), view);
}
function textOf(value) {
  const plain = (0, import_liquidjs.toValue)(value);
  if (plain === null || plain === void 0) return "";
  if (Array.isArray(plain)) return plain.map(textOf).join("");
  return String(plain);
}
function registerFilters(engine, currency, timezone) {
  const money = remembered((value) => formatMoney(value, currency));
  engine.registerFilter(
    "money",
    (value) => typeof value === "number" && !Object.is(value, -0) ? money(value) : formatMoney(value, currency)
  );
  engine.registerFilter(
    "percent",
    (value, digits) => formatPercent(value, digits)
  );
  engine.registerFilter("number", (value, digits) => formatNumber(value, digits));
  engine.registerFilter(
    "runway",
    (months, burning, cash) => formatRunway(months, burning, cash)
  );
  engine.registerFilter(
    "quantity",
    (value, unit) => formatQuantity(value, unit, currency)
  );
  const longDate = remembered(formatDate);
  engine.registerFilter(
    "date_long",
    (value) => typeof value === "string" ? longDate(value) : formatDate(value)
  );
  engine.registerFilter("severity", (value) => formatSeverity(value));
  engine.registerFilter(
    "or_none",
    (value, text = "none") => value === null || value === void 0 || value === "" || Array.isArray(value) && value.length === 0 ? text : value
  );
  engine.registerFilter("cell", (value) => textOf(value).replace(/[\r\n]+/g, " "));
  engine.registerFilter("chart", {
    raw: true,
    handler(value) {
      return chartFilter(this.context.globals, (0, import_liquidjs.toValue)(value));
    }
  });
  registerCalendarDate(engine, timezone);
}
var REMEMBERED = 1e4;
function remembered(format) {
  const known = new BoundedCache(REMEMBERED);
  return (key) => {
    let text = known.get(key);
    if (text === void 0) known.set(key, text = format(key));
    return text;
  };
}
function registerCalendarDate(engine, timezone) {
  const liquidDate = engine.filters.date;
  const handler = typeof liquidDate === "function" ? liquidDate : liquidDate.handler;
  engine.registerFilter("date", function(value, ...args) {
    const [format, zoneArgument] = args;
    const zone = zoneArgument ?? timezone;
    const day = typeof value === "string" ? parseIsoDate(value, 0) : void 0;
    if (!day || typeof zone !== "string" && typeof zone !== "number")
      return handler.call(this, value, ...args);
    const noonUtc = day.getTime() + 12 * 36e5;
    const offset = typeof zone === "number" ? zone : -offsetMinutes(zone, noonUtc - offsetMinutes(zone, noonUtc) * 6e4);
    const noonThere = new Date(noonUtc + offset * 6e4).toISOString();
    return handler.call(this, noonThere, format, offset);
  });
}
var offsetFormats = /* @__PURE__ */ new Map();
function offsetMinutes(zone, instant) {
  let format = offsetFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
    offsetFormats.set(zone, format);
  }
  const name = format.formatToParts(instant).find((part) => part.type === "timeZoneName")?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? "");
  if (!match) return 0;
  return (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}
function checkTemplates(templates, reports, engine, locate) {
  const errors = [];
  for (const template of templates.values()) {
    let parsed;
    try {
      parsed = engine.parseFileSync(template.name, import_liquidjs.LookupType.Partials);
    } catch (error) {
      errors.push(liquidError(template.file, error));
      continue;
    }
    for (const missing of missingPartials(parsed))
      errors.push({
        file: template.file,
        line: missing.line,
        column: missing.column,
        message: `Liquid: no partial "${missing.name}" (no templates/${missing.name.replace(/\.md$/, "")}.md)`
      });
  }
  for (const report of reports) {
    try {
      parseHeader(engine, report.subject);
    } catch (error) {
      errors.push(subjectError(report, error, locate));
    }
  }
  return errors;
}
function subjectError(report, error, locate) {
  const at = locate(report.file, ["subject"]) ?? { line: 1, column: 1 };
  const inner = liquidError(report.file, error);
  return {
    file: report.file,
    line: at.line,
    // +1 for the value's opening quote.
    column: at.column + inner.column,
    field: "subject",
    message: `subject: ${messageOf(error)}`
  };
}
function missingPartials(parsed) {
  const missing = [];
  const visit = (nodes) => {
    for (const node of nodes) {
      if (!node.children) continue;
      if (typeof node.file === "string") {
        try {
          runSync(node.children(true, true));
        } catch (error) {
          if (/ENOENT/.test(error.message)) {
            const [line, column] = node.token.getPosition();
            missing.push({ name: node.file, line, column });
          }
        }
      }
      visit(runSync(node.children(false, true)));
    }
  };
  visit(parsed);
  return missing;
}
function runSync(generator) {
  let step = generator.next();
  while (!step.done) {
    const yielded = step.value;
    step = generator.next(
      isGenerator(yielded) ? runSync(yielded) : yielded
    );
  }
  return step.value;
}
function isGenerator(value) {
  return typeof value?.next === "function";
}
function liquidError(file, error) {
  const position = error.token?.getPosition?.();
  return {
    file,
    line: position?.[0] ?? 1,
    column: position?.[1] ?? 1,
    message: `Liquid: ${messageOf(error)}`
  };
}
function renderErrorAt(templates, error) {
  const input = error.token?.input;
  if (typeof input !== "string") return void 0;
  for (const template of templates.values())
    if (templateText(template.source) === input) return liquidError(template.file, error);
  return void 0;
}
function messageOf(error) {
  return error.message.replace(/, file:.*$/, "").replace(/, line:\d+, col:\d+$/, "").replace(/ENOENT: Failed to lookup "([^"]*)" in "[^"]*"/, 'no partial "$1"');
}

export {
  createTemplateEngine,
  headerEngineOf,
  parseHeader,
  renderHeader,
  checkTemplates,
  subjectError,
  liquidError,
  renderErrorAt,
  messageOf
};

import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/config/iso-date.ts
var EARLIEST_INPUT_YEAR = 100;
function parseIsoDate(text, earliestYear = EARLIEST_INPUT_YEAR) {
  if (text.length !== 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH)
    return void 0;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < earliestYear || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return void 0;
  return new Date(utcMidnight(year, month - 1, day));
}
function utcMidnight(year, monthIndex, day) {
  if (year >= 100) return Date.UTC(year, monthIndex, day);
  const date = /* @__PURE__ */ new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date.getTime();
}
var DASH = 45;
function digitsAt(text, start, count) {
  let value = 0;
  for (let i = start; i < start + count; i += 1) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}
function daysInMonth(year, month) {
  if (month === 2) return year % 4 === 0 && year % 100 !== 0 || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export {
  EARLIEST_INPUT_YEAR,
  parseIsoDate,
  utcMidnight
};

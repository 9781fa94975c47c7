import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/render/format.ts
var NO_DATA = "no data";
function formatMoney(value, currency) {
  if (typeof value !== "number" || !Number.isFinite(value)) return NO_DATA;
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency,
    // Whole units: cents add noise to an executive report, and mixed precision misleads.
    maximumFractionDigits: 0
  }).format(value);
}
function formatPercent(value, digits = 1) {
  if (typeof value !== "number" || !Number.isFinite(value)) return NO_DATA;
  return `${(value * 100).toFixed(digits)}%`;
}
function formatNumber(value, digits = 0) {
  if (typeof value !== "number" || !Number.isFinite(value)) return NO_DATA;
  return new Intl.NumberFormat("en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits
  }).format(value);
}
function formatRunway(months, burning) {
  if (burning === false) return "not burning";
  if (typeof months !== "number") return NO_DATA;
  return `${months.toFixed(1)} months`;
}
function formatDate(value) {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return NO_DATA;
  const [year, month, day] = value.split("-").map(Number);
  const names = [
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec"
  ];
  return `${day} ${names[month - 1]} ${year}`;
}
function formatSeverity(value) {
  return value === "critical" ? "CRITICAL" : value === "warning" ? "Warning" : "Info";
}

export {
  formatMoney,
  formatPercent,
  formatNumber,
  formatRunway,
  formatDate,
  formatSeverity
};

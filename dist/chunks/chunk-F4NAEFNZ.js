import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/interning.ts
function interning({ copy = true } = {}) {
  const kept = /* @__PURE__ */ new Map();
  return (text) => {
    const known = kept.get(text);
    if (known !== void 0) return known;
    const own = copy ? flatCopy(text) : text;
    kept.set(own, own);
    return own;
  };
}
function keepOnce({ copy = true } = {}) {
  const text = interning({ copy });
  const numbers = /* @__PURE__ */ new Map();
  const decimals = /* @__PURE__ */ new Map();
  return {
    text,
    number: (value) => {
      if (Number.isInteger(value) || Number.isNaN(value)) return value;
      const known = numbers.get(value);
      if (known !== void 0) return known;
      numbers.set(value, value);
      return value;
    },
    decimal: (value) => {
      const same = decimals.get(value.units);
      const known = same?.find((d) => d.scale === value.scale);
      if (known) return known;
      const kept = { units: value.units, scale: value.scale };
      if (same) same.push(kept);
      else decimals.set(value.units, [kept]);
      return kept;
    }
  };
}
function standalone(text) {
  return text.length < STANDALONE_BELOW ? text : (" " + text).slice(1);
}
function flatCopy(text) {
  return text.length < STANDALONE_BELOW ? text : JSON.parse(JSON.stringify(text));
}
var STANDALONE_BELOW = 13;

export {
  keepOnce,
  standalone
};

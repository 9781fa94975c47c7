import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/interning.ts
function interning({ copy = true } = {}) {
  const kept = /* @__PURE__ */ new Map();
  return (text) => {
    const known = kept.get(text);
    if (known !== void 0) return known;
    const own = copy ? standalone(text) : text;
    kept.set(own, own);
    return own;
  };
}
function standalone(text) {
  return text.length < STANDALONE_BELOW ? text : (" " + text).slice(1);
}
var STANDALONE_BELOW = 13;

export {
  interning,
  standalone
};

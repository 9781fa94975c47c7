import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/render/bounded-cache.ts
var BoundedCache = class {
  constructor(budget, cost = () => 1) {
    this.budget = budget;
    this.cost = cost;
  }
  budget;
  cost;
  entries = /* @__PURE__ */ new Map();
  spent = 0;
  get(key) {
    return this.entries.get(key);
  }
  set(key, value) {
    const cost = this.cost(key, value);
    if (this.spent + cost > this.budget) {
      this.entries.clear();
      this.spent = 0;
    }
    this.entries.set(key, value);
    this.spent += cost;
  }
};

export {
  BoundedCache
};

import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/tasks/sink.ts
function isResolved(input, fingerprint, report) {
  return input.scope.has(report) && !input.leftOut?.has(fingerprint);
}
function resolvedBy(recorded, current) {
  const changes = Object.entries(recorded).filter(([key]) => key in current && current[key] !== recorded[key]).map(([key, was]) => `${key} was ${String(was)}, now ${String(current[key])}`);
  return changes.length ? `${changes.join("; ")}.` : "";
}

export {
  isResolved,
  resolvedBy
};

// Counting the functions built from source text (`new Function`, as zod's compiled fast path
// builds them) while some work runs: for the tests that check a parse goes without them.
import { afterEach } from 'vitest';

const realFunction = globalThis.Function;

/** Puts the real Function back after each test, should a count have thrown half-way. */
export function restoreFunctionAfterEach(): void {
  afterEach(() => {
    globalThis.Function = realFunction;
  });
}

/** Runs `work` and counts the functions built from source text (new Function) while it runs. */
export function countCompiled<T>(work: () => T): { result: T; compiled: number } {
  let compiled = 0;
  globalThis.Function = new Proxy(realFunction, {
    construct(target, args: string[]) {
      compiled += 1;
      return Reflect.construct(target, args) as object;
    },
    apply(target, self, args: string[]) {
      compiled += 1;
      return Reflect.apply(target, self, args) as unknown;
    },
  });
  try {
    return { result: work(), compiled };
  } finally {
    globalThis.Function = realFunction;
  }
}

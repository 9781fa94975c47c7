import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/delivery/transport.ts
var DeliveryError = class extends Error {
  constructor(message, code, kind) {
    super(message);
    this.code = code;
    this.kind = kind;
    this.name = "DeliveryError";
  }
  code;
  kind;
};
function failureKind(error) {
  return error instanceof DeliveryError ? error.kind : "permanent";
}

export {
  DeliveryError,
  failureKind
};

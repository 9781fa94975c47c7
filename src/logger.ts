// Where progress and problems go: the Actions log (with annotations) or the terminal.

export interface Annotation {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

export interface Logger {
  info(message: string): void;
  warning(message: string, where?: Annotation): void;
  error(message: string, where?: Annotation): void;
}

export const consoleLogger: Logger = {
  info: (message) => console.log(message),
  warning: (message) => console.warn(`warning: ${message}`),
  error: (message) => console.error(`error: ${message}`),
};

/** A logger that keeps what it was told, for tests and for a quiet run. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(`info: ${message}`),
    warning: (message) => lines.push(`warning: ${message}`),
    error: (message) => lines.push(`error: ${message}`),
  };
}

// Problems a user can fix in reports-config/ are values, collected and reported together.
import path from 'node:path';

export interface ConfigError {
  /** The file, relative to the working directory when it lies inside it. */
  readonly file: string;
  /** 1-based line; for a CSV, the row's line in the file (the header is line 1). */
  readonly line: number;
  /** 1-based column in a YAML file; absent for CSV rows and whole-file problems. */
  readonly column?: number;
  /** The CSV column, or the dotted YAML path, the problem is about. */
  readonly field?: string;
  readonly message: string;
}

/** The message alone (an annotation carries the place): a CSV problem names its column. */
export function describeConfigError(error: ConfigError): string {
  return error.column === undefined && error.field
    ? `${error.field}: ${error.message}`
    : error.message;
}

/** `file.yml:LINE:COL: message` for YAML, `file.csv:ROW: column: message` for CSV. */
export function formatConfigError(error: ConfigError): string {
  const place =
    error.column !== undefined
      ? `${error.file}:${error.line}:${error.column}`
      : `${error.file}:${error.line}`;
  return `${place}: ${describeConfigError(error)}`;
}

/** How a file is named in messages: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

export function sortConfigErrors(errors: ConfigError[]): ConfigError[] {
  return errors.sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0),
  );
}

/** A csv-parse failure as a ConfigError at the line csv-parse stopped on (its `lines`). */
export function csvSyntaxError(file: string, error: unknown): ConfigError {
  return {
    file,
    line: (error as { lines?: number }).lines ?? 1,
    message: `CSV syntax: ${(error as Error).message}`,
  };
}

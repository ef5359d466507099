/** One structured log record; `text`, when present, is a line meant for the person running the server. */
export interface LogRecord {
  level: 'info' | 'warn' | 'error';
  event: string;
  text?: string;
  [field: string]: unknown;
}

/** Log sink of the server; tests pass a function that drops or collects records. */
export type Log = (record: LogRecord) => void;

/** Writes records as JSON lines on stdout (errors on stderr), and records with `text` as that plain line. */
export function consoleLog(record: LogRecord): void {
  if (record.text !== undefined) {
    process.stdout.write(`${record.text}\n`);
    return;
  }
  const line = `${JSON.stringify({ time: new Date().toISOString(), ...record })}\n`;
  if (record.level === 'error') process.stderr.write(line);
  else process.stdout.write(line);
}

/** Describes a caught error for a log record: name and message, and the stack for unexpected errors. */
export function describeError(error: unknown): { errorName: string; errorMessage: string; stack?: string } {
  if (error instanceof Error) return { errorName: error.name, errorMessage: error.message, ...(error.stack ? { stack: error.stack } : {}) };
  return { errorName: typeof error, errorMessage: String(error) };
}

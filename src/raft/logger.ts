// The Logger interface of raft: Go-style format strings (see util/gofmt.ts).
export interface Logger {
  debug(...v: unknown[]): void;
  debugf(format: string, ...v: unknown[]): void;
  info(...v: unknown[]): void;
  infof(format: string, ...v: unknown[]): void;
  warning(...v: unknown[]): void;
  warningf(format: string, ...v: unknown[]): void;
  error(...v: unknown[]): void;
  errorf(format: string, ...v: unknown[]): void;
  /** Logs, then throws RaftPanic. */
  fatal(...v: unknown[]): never;
  fatalf(format: string, ...v: unknown[]): never;
  /** Logs, then throws RaftPanic. */
  panic(...v: unknown[]): never;
  panicf(format: string, ...v: unknown[]): never;
}

// The default Logger (Go's DefaultLogger over the standard "log" package)
// and the package-wide logger used where raft has no Config.Logger.
import { sprint, sprintf } from '../util/gofmt.js';
import { RaftPanic } from '../util/panic.js';
import type { Logger } from './logger.js';

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Go's log.LstdFlags prefix: "2006/01/02 15:04:05 " in local time. */
function timestamp(d: Date): string {
  return `${d.getFullYear()}/${pad2(d.getMonth() + 1)}/${pad2(d.getDate())} ${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())} `;
}

export type LogSink = (line: string) => void;

const stderrSink: LogSink = (line) => {
  process.stderr.write(line, 'latin1');
};

/**
 * Writes "<prefix>[date time ]LEVEL: message" lines, like Go's DefaultLogger.
 * Debug output is off unless enableDebug() is called.
 */
export class DefaultLogger implements Logger {
  private debugOn = false;
  private timestamps: boolean;

  constructor(
    private readonly prefix: string = 'raft',
    timestamps = true,
    private readonly sink: LogSink = stderrSink,
  ) {
    this.timestamps = timestamps;
  }

  enableTimestamps(): void {
    this.timestamps = true;
  }

  enableDebug(): void {
    this.debugOn = true;
  }

  private output(s: string): void {
    let line = this.prefix + (this.timestamps ? timestamp(new Date()) : '') + s;
    if (!line.endsWith('\n')) line += '\n';
    this.sink(line);
  }

  private header(lvl: string, msg: string): void {
    this.output(`${lvl}: ${msg}`);
  }

  debug(...v: unknown[]): void {
    if (this.debugOn) this.header('DEBUG', sprint(...v));
  }
  debugf(format: string, ...v: unknown[]): void {
    if (this.debugOn) this.header('DEBUG', sprintf(format, ...v));
  }
  info(...v: unknown[]): void {
    this.header('INFO', sprint(...v));
  }
  infof(format: string, ...v: unknown[]): void {
    this.header('INFO', sprintf(format, ...v));
  }
  error(...v: unknown[]): void {
    this.header('ERROR', sprint(...v));
  }
  errorf(format: string, ...v: unknown[]): void {
    this.header('ERROR', sprintf(format, ...v));
  }
  warning(...v: unknown[]): void {
    this.header('WARN', sprint(...v));
  }
  warningf(format: string, ...v: unknown[]): void {
    this.header('WARN', sprintf(format, ...v));
  }
  // Go exits the process on Fatal; a library should not, so it throws.
  fatal(...v: unknown[]): never {
    const s = sprint(...v);
    this.header('FATAL', s);
    throw new RaftPanic(s);
  }
  fatalf(format: string, ...v: unknown[]): never {
    const s = sprintf(format, ...v);
    this.header('FATAL', s);
    throw new RaftPanic(s);
  }
  panic(...v: unknown[]): never {
    const s = sprint(...v);
    this.output(s);
    throw new RaftPanic(s);
  }
  panicf(format: string, ...v: unknown[]): never {
    const s = sprintf(format, ...v);
    this.output(s);
    throw new RaftPanic(s);
  }
}

export const defaultLogger: Logger = new DefaultLogger('raft', true);
export const discardLogger: Logger = new DefaultLogger('', false, () => {});

let raftLogger: Logger = defaultLogger;

/** Sets the logger used where no Config.logger applies (Go's SetLogger). */
export function setLogger(l: Logger): void {
  raftLogger = l;
}

export function resetDefaultLogger(): void {
  setLogger(defaultLogger);
}

export function getLogger(): Logger {
  return raftLogger;
}

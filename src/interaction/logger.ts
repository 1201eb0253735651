// The harness's output buffer doubles as the raft Logger of every node, so
// log lines and handler output interleave exactly as in Go's RedirectLogger.
import type { Logger } from '../raft/logger.js';
import { sprint, sprintf, sprintln } from '../util/gofmt.js';
import { RaftPanic } from '../util/panic.js';

export const lvlNames: readonly string[] = ['DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL', 'NONE'];

export const LogLevel = { DEBUG: 0, INFO: 1, WARN: 2, ERROR: 3, FATAL: 4, NONE: 5 } as const;
export type LogLevel = (typeof LogLevel)[keyof typeof LogLevel];

/**
 * An append-only string builder (Go's strings.Builder): pieces are kept in an
 * array and joined once when read, so building large outputs stays linear.
 */
export class OutputBuffer {
  private parts: string[] = [];
  private size = 0;

  write(s: string): void {
    if (s.length === 0) return;
    this.parts.push(s);
    this.size += s.length;
  }

  get length(): number {
    return this.size;
  }

  reset(): void {
    this.parts = [];
    this.size = 0;
  }

  toString(): string {
    if (this.parts.length > 1) this.parts = [this.parts.join('')];
    return this.parts[0] ?? '';
  }
}

/**
 * Logger writing to a swappable OutputBuffer. Levels: 0 DEBUG … 4 FATAL,
 * 5 NONE; at NONE every write is dropped (see quiet()).
 */
export class RedirectLogger implements Logger {
  builder: OutputBuffer;
  lvl: number;

  constructor(builder: OutputBuffer = new OutputBuffer(), lvl = 0) {
    this.builder = builder;
    this.lvl = lvl;
  }

  quiet(): boolean {
    return this.lvl === lvlNames.length - 1;
  }

  /** Writes s unless quiet (Go's overridden Write/WriteString). */
  write(s: string): void {
    if (this.quiet()) return;
    this.builder.write(s);
  }

  get length(): number {
    return this.builder.length;
  }

  reset(): void {
    this.builder.reset();
  }

  toString(): string {
    return this.builder.toString();
  }

  private printf(lvl: number, format: string, args: unknown[]): void {
    if (this.lvl <= lvl) {
      this.write(lvlNames[lvl]! + ' ');
      this.write(sprintf(format, ...args));
      const n = format.length;
      if (n > 0 && format[n - 1] !== '\n') this.write('\n');
    }
  }

  private print(lvl: number, args: unknown[]): void {
    if (this.lvl <= lvl) {
      this.write(lvlNames[lvl]! + ' ');
      this.write(sprintln(...args));
    }
  }

  debug(...v: unknown[]): void {
    this.print(0, v);
  }
  debugf(format: string, ...v: unknown[]): void {
    this.printf(0, format, v);
  }
  info(...v: unknown[]): void {
    this.print(1, v);
  }
  infof(format: string, ...v: unknown[]): void {
    this.printf(1, format, v);
  }
  warning(...v: unknown[]): void {
    this.print(2, v);
  }
  warningf(format: string, ...v: unknown[]): void {
    this.printf(2, format, v);
  }
  error(...v: unknown[]): void {
    this.print(3, v);
  }
  errorf(format: string, ...v: unknown[]): void {
    this.printf(3, format, v);
  }
  fatal(...v: unknown[]): never {
    this.print(4, v);
    throw new RaftPanic(sprint(...v));
  }
  fatalf(format: string, ...v: unknown[]): never {
    this.printf(4, format, v);
    throw new RaftPanic(sprintf(format, ...v));
  }
  panic(...v: unknown[]): never {
    this.print(4, v);
    throw new RaftPanic(sprint(...v));
  }
  panicf(format: string, ...v: unknown[]): never {
    this.printf(4, format, v);
    throw new RaftPanic(sprintf(format, ...v));
  }
}

// One directive of a test file, as handed to a handler.

import { CmdArg, type ScanKind, type ScanResult } from './args.js';
import { DirectiveError, SkipError } from './errors.js';
import { goTrimSpace } from '../util/utf8.js';

/**
 * What an environment reads of a directive. TestData is one; the REPL and
 * library callers can hand environments any object of this shape.
 */
export interface Directive {
  pos: string;
  cmd: string;
  cmdArgs: ReadonlyArray<{ key: string; vals: readonly string[] }>;
  input: string;
  /** Reports a note about the directive (a warning) without changing its output. */
  log?(message: string): void;
}

/** Turns a directive into its actual output. Throw DirectiveError for script errors. */
export type Handler = (d: TestData) => string;

/** Per-file state that handles directives; create a fresh one per file. */
export interface Environment {
  handle(d: TestData): string;
}

const RETRY_ATTEMPTS = 100;
const RETRY_STABLE = 3;

export class TestData {
  /** `file:line` of the directive's first line. */
  pos: string;
  /** The first word of the directive. */
  cmd: string;
  cmdArgs: CmdArg[];
  /** Lines between the directive and `----`, whitespace-trimmed. */
  input: string;
  /** The expected output; ends in "\n" unless empty. */
  expected: string;
  /** Set when the run rewrites expected outputs instead of comparing. */
  rewrite: boolean;
  /** The directive as written (continuation lines joined with "\n"). */
  directive: string;
  /** Source name (path or `<string>`) and 1-based line of the directive. */
  file: string;
  line: number;
  /** Test name: the run's name and enclosing subtests joined with "/". */
  name = '';
  /** Messages from log(), collected by the runner. */
  readonly logs: string[] = [];

  constructor(init: {
    file: string;
    line: number;
    cmd: string;
    cmdArgs: CmdArg[];
    directive: string;
    input?: string;
    expected?: string;
    rewrite?: boolean;
  }) {
    this.file = init.file;
    this.line = init.line;
    this.pos = `${init.file}:${init.line}`;
    this.cmd = init.cmd;
    this.cmdArgs = init.cmdArgs;
    this.directive = init.directive;
    this.input = init.input ?? '';
    this.expected = init.expected ?? '';
    this.rewrite = init.rewrite ?? false;
  }

  hasArg(key: string): boolean {
    return this.arg(key) !== undefined;
  }

  /** The first argument with this key. */
  arg(key: string): CmdArg | undefined {
    return this.cmdArgs.find((a) => a.key === key);
  }

  /**
   * Scans the first argument with this key: `scanArgs('id', 'uint64')` gives
   * a number, `scanArgs('ids', 'uint64[]')` every value, and
   * `scanArgs('r', 'int', 'int')` a tuple (one kind per value). A missing
   * argument or a bad value throws DirectiveError.
   */
  scanArgs<K extends readonly ScanKind[]>(key: string, ...kinds: K): ScanResult<K> {
    const arg = this.arg(key);
    if (arg === undefined) throw new DirectiveError(`missing argument: ${key}`);
    return arg.scanKinds(kinds);
  }

  /** Like scanArgs, but undefined when the argument is absent. */
  maybeScanArgs<K extends readonly ScanKind[]>(key: string, ...kinds: K): ScanResult<K> | undefined {
    const arg = this.arg(key);
    return arg === undefined ? undefined : arg.scanKinds(kinds);
  }

  /**
   * Calls f until its output matches the expected output (ignoring
   * surrounding white space) three times in a row, at most 101 times, and
   * returns its last output. When rewriting, f runs once. Handlers are
   * synchronous, so there is no waiting between attempts: f itself must make
   * progress (Go's version sleeps to let goroutines run).
   */
  retry(f: () => string): string {
    if (this.rewrite) return f();
    const expected = goTrimSpace(this.expected);
    let ok = 0;
    for (let i = 0; ; i++) {
      const s = f();
      ok = goTrimSpace(s) === expected ? ok + 1 : 0;
      if (ok === RETRY_STABLE || i === RETRY_ATTEMPTS) {
        if (i >= RETRY_STABLE) this.log(`retried ${i - RETRY_STABLE + 1} times`);
        return s;
      }
    }
  }

  /** Records a message; the run result lists it as `file:line: message`. */
  log(message: string): void {
    this.logs.push(message);
  }

  /** Stops the file with a script error at this directive. */
  fatal(message: string): never {
    throw new DirectiveError(message, this.pos);
  }

  /** Ends the file here without failing it (not allowed inside a subtest). */
  skip(reason = ''): never {
    throw new SkipError(reason);
  }
}

// Runs test files against a handler, independent of any test framework.
//
// Like upstream: a script error (bad directive, DirectiveError from the
// handler, a subtest mistake) or an exception stops the file and is reported
// with file:line. A mismatch is recorded and the run goes on with the next
// directive (upstream stops at the first one; see RunOptions.stopOnMismatch).

import { readFileSync, statSync } from 'node:fs';
import type { CmdArg } from './args.js';
import { DirectiveError, SkipError } from './errors.js';
import { goQuote } from './gostr.js';
import { TestDataReader, type OutputBlock } from './reader.js';
import { applyReplacements, renderBlock, writeFileAtomic, type Replacement } from './rewrite.js';
import type { Environment, Handler, TestData } from './testdata.js';

export interface RunOptions {
  /** Rewrite expected outputs with the actual ones instead of comparing. */
  rewrite?: boolean;
  /** Test name prefix (e.g. the file's name from walk); subtests append `/name`. */
  name?: string;
  /** Stop at the first mismatch, as upstream's t.Fatalf does. Default false. */
  stopOnMismatch?: boolean;
  /** Called after each directive ran (for progress output). */
  onDirective?: (r: DirectiveResult) => void;
  /**
   * Keep a result for every directive in RunResult.directives (default
   * true). Off, only mismatches are kept: a script of 200,000 directives
   * then costs no memory for the ones that passed.
   */
  keepPassing?: boolean;
}

export interface DirectiveResult {
  /** `file:line` of the directive's first line. */
  pos: string;
  file: string;
  line: number;
  /** Test name (RunOptions.name and enclosing subtests). */
  name: string;
  /** The directive as written. */
  directive: string;
  cmd: string;
  cmdArgs: CmdArg[];
  input: string;
  expected: string;
  /** The handler's output, with a final "\n" added when missing. */
  actual: string;
  /** expected === actual. */
  passed: boolean;
  /** Rewrite mode: the output block was regenerated. */
  rewritten: boolean;
}

export interface RunError {
  /** `file:line`; undefined for errors about the file as a whole. */
  pos: string | undefined;
  message: string;
  /** 'error': a script error (DirectiveError); 'panic': any other exception. */
  kind: 'error' | 'panic';
  cause?: unknown;
}

export interface RunResult {
  source: string;
  rewrite: boolean;
  /** Every directive that ran to completion, in order (only mismatches with keepPassing: false). */
  directives: DirectiveResult[];
  /** Compare mode: the directives whose output did not match. */
  failures: DirectiveResult[];
  /** The error that stopped the file, if any. */
  error: RunError | undefined;
  /** Set when a handler called skip(): the rest of the file did not run. */
  skipped: { pos: string; reason: string } | undefined;
  /** `file:line: message` from TestData.log(). */
  logs: string[];
  /** No error and no mismatch. */
  ok: boolean;
  /** Rewrite mode: the new content (undefined if the run had an error or was skipped). */
  output: string | undefined;
  /** Rewrite mode: output differs from the original content. */
  changed: boolean;
  /** runFile in rewrite mode: the file was written. */
  written: boolean;
}

class Stop {}

class Skipped {
  constructor(
    readonly pos: string,
    readonly reason: string,
  ) {}
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function toHandler(h: Handler | Environment): Handler {
  return typeof h === 'function' ? h : (d) => h.handle(d);
}

class Run {
  private readonly replacements: Replacement[] = [];
  private readonly subtests: string[] = [];

  constructor(
    private readonly reader: TestDataReader,
    private readonly handler: Handler,
    private readonly opts: RunOptions,
    private readonly result: RunResult,
  ) {}

  run(): void {
    try {
      for (let td; (td = this.next()) !== undefined; ) this.runDirectiveOrSubTest(td, '');
    } catch (e) {
      if (e instanceof Skipped) this.result.skipped = { pos: e.pos, reason: e.reason };
      else if (!(e instanceof Stop)) throw e;
    }
  }

  rewritten(): string {
    return applyReplacements(this.reader.content, this.replacements);
  }

  private fatal(pos: string, message: string, kind: RunError['kind'] = 'error', cause?: unknown): never {
    this.result.error = { pos, message, kind, cause };
    throw new Stop();
  }

  private next(): TestData | undefined {
    try {
      return this.reader.next();
    } catch (e) {
      if (e instanceof DirectiveError) this.fatal(e.pos ?? this.reader.pos, e.message, 'error', e);
      throw e;
    }
  }

  private runDirectiveOrSubTest(td: TestData, prefix: string): void {
    const name = this.subTestStart(td, prefix);
    if (name !== undefined) this.runSubTest(name, td);
    else this.runDirective(td);
  }

  private subTestStart(td: TestData, prefix: string): string | undefined {
    if (td.cmd !== 'subtest') return undefined;
    if (td.cmdArgs.length !== 1) this.fatal(td.pos, 'invalid syntax for subtest');
    const name = td.cmdArgs[0]!.key;
    if (name === 'end') this.fatal(td.pos, 'subtest end without corresponding start');
    if (!name.startsWith(prefix)) {
      this.fatal(td.pos, `name of nested subtest must begin with ${goQuote(prefix)}`);
    }
    return name;
  }

  private isSubTestEnd(td: TestData): boolean {
    if (td.cmd !== 'subtest') return false;
    if (td.cmdArgs.length === 0 || td.cmdArgs[0]!.key !== 'end') return false;
    if (td.cmdArgs.length > 2) this.fatal(td.pos, 'invalid syntax for subtest end');
    return true;
  }

  // Runs the subtest body through its `subtest end`; the start was consumed.
  private runSubTest(name: string, start: TestData): void {
    let end: TestData | undefined;
    let skipped = false;
    this.subtests.push(name);
    try {
      for (let td; (td = this.next()) !== undefined; ) {
        if (this.isSubTestEnd(td)) {
          end = td;
          break;
        }
        this.runDirectiveOrSubTest(td, name + '/');
      }
    } catch (e) {
      if (!(e instanceof Skipped)) throw e;
      skipped = true;
    } finally {
      this.subtests.pop();
    }
    if (skipped) {
      this.fatal(this.reader.pos, `cannot use t.Skip inside subtest\n${start.pos}: subtest started here`);
    }
    if (end === undefined) {
      this.fatal(
        this.reader.pos,
        `EOF encountered without subtest end directive\n${start.pos}: subtest started here`,
      );
    }
    if (end.cmdArgs.length === 2 && end.cmdArgs[1]!.key !== name) {
      // Upstream's wording (the names read swapped) is kept.
      this.fatal(
        end.pos,
        `mismatched subtest end directive: expected ${goQuote(end.cmdArgs[1]!.key)}, got ${goQuote(name)}`,
      );
    }
  }

  private testName(): string {
    const parts: string[] = [];
    if (this.opts.name) parts.push(this.opts.name);
    const sub = this.subtests[this.subtests.length - 1];
    if (sub !== undefined) parts.push(sub);
    return parts.join('/');
  }

  private flushLogs(td: TestData): void {
    for (const m of td.logs) this.result.logs.push(`${td.pos}: ${m}`);
    td.logs.length = 0;
  }

  private runDirective(td: TestData): void {
    td.name = this.testName();
    let out: unknown;
    try {
      out = this.handler(td);
    } catch (e) {
      this.flushLogs(td);
      if (e instanceof SkipError) throw new Skipped(td.pos, e.message);
      if (e instanceof DirectiveError) this.fatal(e.pos ?? td.pos, e.message, 'error', e);
      this.fatal(td.pos, messageOf(e), 'panic', e);
    }
    this.flushLogs(td);
    if (typeof out !== 'string') {
      this.fatal(td.pos, `handler returned ${out === null ? 'null' : typeof out}, not a string`, 'panic');
    }
    const actual = out !== '' && !out.endsWith('\n') ? out + '\n' : out;
    const block = this.reader.block as OutputBlock;
    const passed = td.expected === actual;
    const rewrite = !!this.opts.rewrite;
    let rewritten = false;
    if (rewrite && !(block.hasSeparator && passed)) {
      this.replacements.push(this.replacement(block, actual));
      rewritten = true;
    }
    const r: DirectiveResult = {
      pos: td.pos,
      file: td.file,
      line: td.line,
      name: td.name,
      directive: td.directive,
      cmd: td.cmd,
      cmdArgs: td.cmdArgs,
      input: td.input,
      expected: td.expected,
      actual,
      passed,
      rewritten,
    };
    if (this.opts.keepPassing !== false || (!rewrite && !passed)) this.result.directives.push(r);
    this.opts.onDirective?.(r);
    if (!rewrite && !passed) {
      this.result.failures.push(r);
      if (this.opts.stopOnMismatch) throw new Stop();
    }
  }

  private replacement(block: OutputBlock, actual: string): Replacement {
    const content = this.reader.content;
    let text = renderBlock(actual, block.end === content.length);
    // A block added after a last line that has no newline needs one first.
    if (block.start === content.length && content.length > 0 && !content.endsWith('\n')) {
      text = '\n' + text;
    }
    return { start: block.start, end: block.end, text };
  }
}

function newResult(source: string, rewrite: boolean): RunResult {
  return {
    source,
    rewrite,
    directives: [],
    failures: [],
    error: undefined,
    skipped: undefined,
    logs: [],
    ok: false,
    output: undefined,
    changed: false,
    written: false,
  };
}

/**
 * Runs test content (a byte string) named sourceName in positions. In
 * rewrite mode, result.output holds the rewritten content; nothing is written.
 */
export function runContent(
  content: string,
  sourceName: string,
  handler: Handler | Environment,
  opts: RunOptions = {},
): RunResult {
  const rewrite = !!opts.rewrite;
  const result = newResult(sourceName, rewrite);
  const reader = new TestDataReader(content, sourceName, rewrite);
  const run = new Run(reader, toHandler(handler), opts, result);
  run.run();
  result.ok = result.error === undefined && result.failures.length === 0;
  if (rewrite && result.error === undefined && result.skipped === undefined) {
    result.output = run.rewritten();
    result.changed = result.output !== content;
  }
  return result;
}

/** Runs test content given as a string; positions read `<string>:line`. */
export function runTestFromString(
  input: string,
  handler: Handler | Environment,
  opts: RunOptions = {},
): RunResult {
  return runContent(input, '<string>', handler, opts);
}

function fileError(path: string, e: unknown): RunError {
  const code = (e as { code?: string }).code;
  const message =
    code === 'ENOENT'
      ? `open ${path}: no such file or directory`
      : code === 'EACCES'
        ? `open ${path}: permission denied`
        : messageOf(e);
  return { pos: undefined, message, kind: 'error', cause: e };
}

/**
 * Runs the test file at path (read as bytes). In rewrite mode the file is
 * replaced atomically with the new content if it changed and the run had no
 * error; a file whose run failed is left untouched.
 */
export function runFile(path: string, handler: Handler | Environment, opts: RunOptions = {}): RunResult {
  let content: string;
  try {
    if (statSync(path).isDirectory()) {
      const result = newResult(path, !!opts.rewrite);
      result.error = {
        pos: undefined,
        message: `${path} is a directory, not a file; consider using datadriven.Walk`,
        kind: 'error',
      };
      return result;
    }
    content = readFileSync(path, 'latin1');
  } catch (e) {
    const result = newResult(path, !!opts.rewrite);
    result.error = fileError(path, e);
    return result;
  }
  const result = runContent(content, path, handler, opts);
  if (result.output !== undefined && result.changed) {
    writeFileAtomic(path, result.output);
    result.written = true;
  }
  return result;
}

/** Same as runFile (the upstream name). */
export const runTest = runFile;

/**
 * Empties every expected output of the file at path and writes it back
 * (atomically). Returns the error that prevented it, or null.
 */
export function clearResults(path: string): Error | null {
  try {
    if (statSync(path).isDirectory()) return new Error(`${path} is a directory, not a file`);
  } catch (e) {
    return new Error(fileError(path, e).message);
  }
  let result: RunResult;
  try {
    result = runFile(path, () => '', { rewrite: true });
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
  if (result.error) {
    const { pos, message } = result.error;
    return new Error(pos === undefined ? message : `${pos}: ${message}`);
  }
  return null;
}

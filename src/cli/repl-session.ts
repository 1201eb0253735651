// The state of a REPL session, independent of the terminal: one environment,
// the directives run so far with their outputs (the transcript that .save
// writes as a datadriven script), and line-by-line input handling for
// multi-line directives. Everything here works on byte strings, like files.
import { readFileSync } from 'node:fs';
import { DirectiveError } from '../datadriven/errors.js';
import { parseLine } from '../datadriven/parser.js';
import { readAll } from '../datadriven/reader.js';
import { renderBlock, writeFileAtomic } from '../datadriven/rewrite.js';
import { TestData } from '../datadriven/testdata.js';
import { findCommand } from './catalog.js';
import { createEnv, type EnvName, type EnvOptions, type Environment } from './envs.js';

export interface TranscriptEntry {
  directive: string;
  input: string;
  output: string;
}

export type StepResult =
  | { kind: 'output'; text: string; notes?: string[] }
  | { kind: 'error'; text: string }
  | { kind: 'more' }
  | { kind: 'none' };

export class ReplSession {
  env: Environment;
  transcript: TranscriptEntry[] = [];
  private pendingDirective: string | undefined;
  private pendingInput: string[] = [];
  private continued = '';
  private directiveCount = 0;

  constructor(
    readonly envName: EnvName,
    readonly envOptions: EnvOptions,
  ) {
    this.env = createEnv(envName, envOptions);
  }

  /** True while a multi-line directive is waiting for more lines. */
  get inMultiline(): boolean {
    return this.pendingDirective !== undefined || this.continued !== '';
  }

  /** Drops the environment and the transcript. */
  reset(): void {
    this.env = createEnv(this.envName, this.envOptions);
    this.transcript = [];
    this.pendingDirective = undefined;
    this.pendingInput = [];
    this.continued = '';
  }

  /**
   * Feeds one line. A directive whose command reads input collects the
   * following lines until an empty line (or `----`); a line ending in `\`
   * continues on the next one, as in script files.
   */
  feedLine(line: string): StepResult {
    if (this.pendingDirective !== undefined) {
      if (line.trim() === '' || line.trim() === '----') {
        const directive = this.pendingDirective;
        const input = this.pendingInput.join('\n');
        this.pendingDirective = undefined;
        this.pendingInput = [];
        return this.execute(directive, input);
      }
      this.pendingInput.push(line);
      return { kind: 'more' };
    }
    if (line.endsWith('\\')) {
      this.continued += line.slice(0, -1) + ' ';
      return { kind: 'more' };
    }
    const full = this.continued + line;
    this.continued = '';
    if (full.trim() === '' || full.trim().startsWith('#')) return { kind: 'none' };
    let cmd: string;
    try {
      cmd = parseLine(full).cmd;
    } catch (e) {
      return { kind: 'error', text: errorText(e) };
    }
    if (findCommand(this.envName, cmd)?.takesInput) {
      this.pendingDirective = full.trim();
      return { kind: 'more' };
    }
    return this.execute(full.trim(), '');
  }

  /** Runs one directive; a failure leaves the transcript unchanged. */
  execute(directive: string, input: string): StepResult {
    this.directiveCount++;
    let d: TestData;
    try {
      const { cmd, cmdArgs } = parseLine(directive);
      d = new TestData({ file: '<repl>', line: this.directiveCount, cmd, cmdArgs, directive, input });
    } catch (e) {
      return { kind: 'error', text: errorText(e) };
    }
    try {
      const output = this.env.handle(d);
      this.transcript.push({ directive, input, output });
      return { kind: 'output', text: output, notes: d.logs.slice() };
    } catch (e) {
      const text = errorText(e);
      // A panic can leave raft half-way through a step; say so rather than
      // let later commands surprise the user.
      const hint = text.includes('raft panicked') ? '\n(the nodes may be inconsistent now; .reset starts over)' : '';
      return { kind: 'error', text: text + hint };
    }
  }

  /**
   * Replays a script's directives (its recorded outputs are ignored), adding
   * them to the transcript. Stops at the first error, which is thrown with
   * the directive's file:line.
   */
  load(path: string): TranscriptEntry[] {
    let content: string;
    try {
      content = readFileSync(path, 'latin1');
    } catch (e) {
      throw new Error(`cannot read ${path}: ${fsReason(e)}`);
    }
    const done: TranscriptEntry[] = [];
    for (const d of readAll(content, path)) {
      try {
        const output = this.env.handle(d);
        const entry = { directive: d.directive, input: d.input, output };
        this.transcript.push(entry);
        done.push(entry);
      } catch (e) {
        throw new DirectiveError(`${d.pos}: ${errorText(e)}`);
      }
    }
    return done;
  }

  /** The transcript as a datadriven script that `raftdd run` passes. */
  script(): string {
    const parts: string[] = [];
    this.transcript.forEach((t, i) => {
      const last = i === this.transcript.length - 1;
      parts.push(t.directive + '\n');
      if (t.input !== '') parts.push(t.input + '\n');
      const out = t.output === '' || t.output.endsWith('\n') ? t.output : t.output + '\n';
      parts.push(renderBlock(out, last));
    });
    return parts.join('');
  }

  /** Writes the script atomically. */
  save(path: string): void {
    try {
      writeFileAtomic(path, this.script());
    } catch (e) {
      throw new Error(`cannot write ${path}: ${fsReason(e)}`);
    }
  }
}

export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

/** The reason of a file-system error without Node's code prefix and path. */
function fsReason(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return errorText(e);
}

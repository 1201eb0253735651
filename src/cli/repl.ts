// `raftdd repl`: an interactive session on one environment. On a terminal it
// has persistent history, tab completion and a continuation prompt; with
// piped input it runs each line and exits 0 at the end of input. Errors are
// printed and the session goes on.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { byteStringToUtf8, utf8ToByteString } from '../util/bytes.js';
import { commandCatalog, type CommandDoc } from './catalog.js';
import type { EnvName, EnvOptions } from './envs.js';
import { errorText, ReplSession, type StepResult } from './repl-session.js';

export interface ReplOptions {
  env: EnvName;
  envOptions: EnvOptions;
  /** A script to replay first. */
  file?: string;
  input?: Readable;
  output?: Writable;
  /** Whether to use terminal features; defaults to whether input is a TTY. */
  terminal?: boolean;
  /** History file; defaults to $RAFTDD_HISTORY or ~/.raftdd_history. */
  historyFile?: string;
}

const DOT_COMMANDS = ['.help', '.reset', '.load', '.save', '.exit'];
const HISTORY_SIZE = 1000;

export async function runRepl(opts: ReplOptions): Promise<number> {
  const input = opts.input ?? process.stdin;
  const output = opts.output ?? process.stdout;
  const terminal = opts.terminal ?? Boolean((input as { isTTY?: boolean }).isTTY);
  const session = new ReplSession(opts.env, opts.envOptions);
  const write = (s: string) => output.write(s);
  const print = (text: string) => write(byteStringToUtf8(text.endsWith('\n') ? text : text + '\n'));
  const printError = (text: string) => write(`error: ${byteStringToUtf8(text)}\n`);

  if (opts.file !== undefined) {
    try {
      const ran = session.load(opts.file);
      write(`replayed ${ran.length} directives from ${opts.file}\n`);
    } catch (e) {
      printError(errorText(e));
    }
  }

  const historyFile = opts.historyFile ?? process.env.RAFTDD_HISTORY ?? join(homedir(), '.raftdd_history');
  const rl = createInterface({
    input,
    output: terminal ? output : undefined,
    terminal,
    history: terminal ? loadHistory(historyFile) : [],
    historySize: HISTORY_SIZE,
    removeHistoryDuplicates: true,
    completer: terminal ? (line: string) => complete(line, session) : undefined,
    prompt: `raftdd(${opts.env})> `,
  });
  const prompt = () => {
    if (!terminal) return;
    rl.setPrompt(session.inMultiline ? '... ' : `raftdd(${opts.env})> `);
    rl.prompt();
  };
  if (terminal) write(`raftdd repl on the ${opts.env} environment; .help lists the commands, .exit leaves.\n`);

  const handleDot = (line: string): boolean => {
    const [word, ...rest] = line.trim().split(/\s+/);
    const arg = rest.join(' ');
    switch (word) {
      case '.exit':
        return false;
      case '.help':
        write(helpText(opts.env, arg));
        return true;
      case '.reset':
        session.reset();
        write('environment reset\n');
        return true;
      case '.load':
        if (arg === '') {
          printError('.load needs a file');
          return true;
        }
        try {
          for (const t of session.load(arg)) {
            write(`${byteStringToUtf8(t.directive)}\n`);
            print(t.output);
          }
        } catch (e) {
          printError(errorText(e));
        }
        return true;
      case '.save':
        if (arg === '') {
          printError('.save needs a file');
          return true;
        }
        try {
          session.save(arg);
          write(`saved ${session.transcript.length} directives to ${arg}\n`);
        } catch (e) {
          printError(errorText(e));
        }
        return true;
      default:
        printError(`unknown REPL command ${word}; try .help`);
        return true;
    }
  };

  const show = (r: StepResult) => {
    if (r.kind === 'output') {
      for (const note of r.notes ?? []) write(`${byteStringToUtf8(note)}\n`);
      print(r.text);
    }
    else if (r.kind === 'error') printError(r.text);
  };

  prompt();
  for await (const rawLine of rl) {
    const line = utf8ToByteString(rawLine);
    if (!session.inMultiline && line.trim().startsWith('.')) {
      if (terminal) appendHistory(historyFile, rawLine);
      if (!handleDot(line)) break;
    } else {
      if (terminal && line.trim() !== '') appendHistory(historyFile, rawLine);
      show(session.feedLine(line));
    }
    prompt();
  }
  // End of input while a multi-line directive was still open: run it.
  if (session.inMultiline) show(session.feedLine(''));
  rl.close();
  return 0;
}

function helpText(env: EnvName, about: string): string {
  const docs = commandCatalog(env);
  const one = (c: CommandDoc) => {
    const opts = c.options.length > 0 ? ` [${c.options.map((o) => `${o}=…`).join(' ')}]` : '';
    const input = c.takesInput ? '\n      (reads input lines until an empty line)' : '';
    const example = c.example.split('\n').join('\n        ');
    return `  ${c.name}${c.args ? ' ' + c.args : ''}${opts}\n      ${c.summary}${input}\n      example: ${example}\n`;
  };
  if (about !== '') {
    const c = docs.find((d) => d.name === about);
    return c ? one(c) : `no command ${about} in the ${env} environment\n`;
  }
  return [
    `Commands of the ${env} environment:\n`,
    ...docs.map(one),
    '\nREPL commands:\n',
    '  .help [command]  this text, or one command\n',
    '  .reset           start over with a fresh environment\n',
    '  .load FILE       replay a script\n',
    '  .save FILE       write the session so far as a script with its outputs\n',
    '  .exit            leave (so does end of input)\n',
  ].join('');
}

/** Completes commands, then option names and node ids. */
export function complete(line: string, session: ReplSession): [string[], string] {
  const words = line.split(/\s+/);
  const current = words[words.length - 1] ?? '';
  const docs = commandCatalog(session.envName);
  if (words.length <= 1) {
    const all = [...docs.map((d) => d.name), ...DOT_COMMANDS];
    return [all.filter((c) => c.startsWith(current)), current];
  }
  const doc = docs.find((d) => d.name === words[0]);
  const candidates: string[] = doc ? doc.options.map((o) => `${o}=`) : [];
  const env = session.env as { nodes?: unknown[] };
  if (Array.isArray(env.nodes)) {
    for (let i = 1; i <= env.nodes.length; i++) candidates.push(String(i));
  }
  return [candidates.filter((c) => c.startsWith(current)), current];
}

function loadHistory(path: string): string[] {
  try {
    if (!existsSync(path)) return [];
    const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l !== '');
    // readline wants the newest entry first.
    return lines.slice(-HISTORY_SIZE).reverse();
  } catch {
    return [];
  }
}

function appendHistory(path: string, line: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    appendFileSync(path, line + '\n');
  } catch {
    // History is a convenience; never fail the session over it.
  }
}


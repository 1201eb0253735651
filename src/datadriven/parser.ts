// Directive line parser: `cmd key key=val key=(v1, v2) key=` with nested
// parentheses inside multi-values. Offsets are byte offsets (byte strings).

import { CmdArg } from './args.js';
import { DirectiveError } from './errors.js';
import { goTrimSpace, skipSpace } from '../util/utf8.js';

export interface ParsedLine {
  cmd: string;
  cmdArgs: CmdArg[];
}

class ParseFailure {
  constructor(readonly at: number) {}
}

/**
 * Parses a directive line. A blank line gives cmd "". Throws DirectiveError
 * `cannot parse directive at column N: <line>` on bad syntax.
 */
export function parseLine(input: string): ParsedLine {
  const line = goTrimSpace(input);
  if (line === '') return { cmd: '', cmdArgs: [] };
  try {
    return parseTrimmed(line);
  } catch (e) {
    if (e instanceof ParseFailure) {
      throw new DirectiveError(`cannot parse directive at column ${e.at + 1}: ${line}`);
    }
    throw e;
  }
}

function parseTrimmed(line: string): ParsedLine {
  const n = line.length;
  let p = 0;
  // Consumes up to the first of the given characters (or the end).
  const until = (a: string, b?: string): string => {
    let i = p;
    while (i < n && line[i] !== a && line[i] !== b) i++;
    const res = line.slice(p, i);
    p = i;
    return res;
  };

  const cmd = until(' ');
  if (cmd === '') throw new ParseFailure(p);
  p = skipSpace(line, p);

  const cmdArgs: CmdArg[] = [];
  while (p < n) {
    const key = until(' ', '=');
    if (key === '') throw new ParseFailure(p);
    const vals: string[] = [];
    if (p < n && line[p] === '=') {
      p++;
      if (p === n || line[p] === ' ') {
        vals.push('');
      } else if (line[p] !== '(') {
        vals.push(until(' '));
      } else {
        let q = p + 1;
        let depth = 1;
        let valStart = q;
        while (depth > 0) {
          if (q === n) throw new ParseFailure(p);
          const c = line[q++];
          if (c === ',') {
            if (depth === 1) {
              vals.push(line.slice(valStart, q - 1));
              while (q < n && line[q] === ' ') q++;
              valStart = q;
            }
          } else if (c === '(') {
            depth++;
          } else if (c === ')') {
            depth--;
          }
        }
        vals.push(line.slice(valStart, q - 1));
        p = q;
      }
    }
    cmdArgs.push(new CmdArg(key, vals));
    p = skipSpace(line, p);
  }
  return { cmd, cmdArgs };
}

// How a mismatch reads on the console: file:line, the directive, and a
// unified diff of expected (-) against actual (+), coloured on a terminal.
import type { DirectiveResult } from '../datadriven/runner.js';
import { unifiedDiff } from '../datadriven/diff.js';

export interface Colors {
  red(s: string): string;
  green(s: string): string;
  cyan(s: string): string;
  bold(s: string): string;
}

const paint = (code: string) => (s: string) => `\x1b[${code}m${s}\x1b[0m`;
const plain = (s: string) => s;

export const ANSI: Colors = { red: paint('31'), green: paint('32'), cyan: paint('36'), bold: paint('1') };
export const NO_COLORS: Colors = { red: plain, green: plain, cyan: plain, bold: plain };

/** Colours only on a terminal, and never when NO_COLOR is set (no-color.org). */
export function colorsFor(stream: { isTTY?: boolean }): Colors {
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  return stream.isTTY && !noColor ? ANSI : NO_COLORS;
}

export function formatMismatch(r: DirectiveResult, c: Colors): string {
  const head = `${c.red('FAIL')} ${c.bold(r.pos)}: ${r.directive.split('\n')[0]}\n`;
  if (r.expected === '') {
    return (
      head +
      '  no expected output yet (a directive without ----): run with --rewrite to record this output:\n' +
      r.actual.replace(/^/gm, '  ').replace(/ {2}$/, '') +
      '\n'
    );
  }
  const lines = unifiedDiff(r.expected, r.actual, r.pos).split('\n');
  const colored = lines.map((l) => {
    if (l.startsWith('+++') || l.startsWith('---')) return c.bold(l);
    if (l.startsWith('+')) return c.green(l);
    if (l.startsWith('-')) return c.red(l);
    if (l.startsWith('@@')) return c.cyan(l);
    return l;
  });
  return head + colored.join('\n') + (colored[colored.length - 1] === '' ? '' : '\n') + '\n';
}

// Shared helpers for the datadriven tests.

import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { goQuote } from '../../src/datadriven/gostr.js';
import { conformanceDir, conformanceRoot } from '../support/conformance.js';

/** A file or directory under conformance/datadriven. */
export function ddPath(...parts: string[]): string {
  return join(conformanceRoot, 'datadriven', ...parts);
}

/** Under CI=true a missing suite throws instead of skipping. */
export const haveConformance = conformanceDir('datadriven') !== undefined;

/** The conformance files that a passing test has checked. */
export const verifiedFiles = new Set<string>();

/** Every regular file of the datadriven suite (recursively). */
export function allConformanceFiles(dir = ddPath()): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? allConformanceFiles(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** Go's %#v of a []string. */
export function goStringSlice(vals: readonly string[]): string {
  if (vals.length === 0) return '[]string(nil)';
  return `[]string{${vals.map(goQuote).join(', ')}}`;
}

/** A fresh temporary directory, removed by the returned cleanup function. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'raftdd-dd-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Reference model of upstream's rewrite (runTestInternal with rewrite=true):
 * every line is re-emitted with "\n", every output block regenerated, and one
 * trailing blank line trimmed. Written independently of src/datadriven (no
 * CR handling: callers pass "\n"-only text) to check the splicing rewriter.
 */
export function goRewriteModel(content: string, outputs: (index: number) => string): string {
  const lines = content.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let i = 0;
  const scan = (): string | undefined => (i < lines.length ? lines[i++] : undefined);
  const buf: string[] = [];
  const emit = (s: string): void => {
    buf.push(s, '\n');
  };
  const trim = (s: string): string => s.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '');
  let n = 0;
  for (let line = scan(); line !== undefined; line = scan()) {
    emit(line);
    let t = trim(line);
    if (t.startsWith('#')) continue;
    while (t.endsWith('\\')) {
      const next = scan();
      if (next === undefined) break;
      emit(next);
      t = t.slice(0, -1) + ' ' + trim(next);
    }
    if (t === '') continue;
    if (t.split(' ')[0] === 'subtest') continue;
    let sep = false;
    for (let l = scan(); l !== undefined; l = scan()) {
      if (l === '----') {
        sep = true;
        break;
      }
      emit(l);
    }
    if (sep) {
      let first = scan();
      if (first === '----') {
        for (let l = scan(); l !== undefined; l = scan()) {
          if (l === '----') {
            const l2 = scan();
            if (l2 === '----') {
              scan();
              break;
            }
          }
        }
      } else {
        while (first !== undefined && trim(first) !== '') first = scan();
      }
    }
    let actual = outputs(n++);
    if (actual !== '' && !actual.endsWith('\n')) actual += '\n';
    emit('----');
    if (/^[\t ]*\n/m.test(actual)) {
      emit('----');
      buf.push(actual);
      emit('----');
      emit('----');
      emit('');
    } else {
      emit(actual);
    }
  }
  let out = buf.join('');
  if (out.length > 2 && out.endsWith('\n\n')) out = out.slice(0, -1);
  return out;
}

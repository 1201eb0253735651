// Rewriting expected outputs: output blocks are rendered exactly as Go's
// datadriven writes them and spliced into the original text, which is kept
// byte for byte everywhere else.

import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fchmodSync,
  fsyncSync,
  openSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { hasBlankLine } from './gostr.js';

export interface Replacement {
  start: number;
  end: number;
  text: string;
}

/**
 * The `----` block for an actual output (already ending in "\n" unless
 * empty). Output with blank lines uses the doubled-separator form. A block
 * that reaches the end of the file loses its final blank line, as Go trims
 * the file's trailing blank line.
 */
export function renderBlock(actual: string, atEof: boolean): string {
  const text = hasBlankLine(actual)
    ? `----\n----\n${actual}----\n----\n\n`
    : `----\n${actual}\n`;
  return atEof ? text.slice(0, -1) : text;
}

/** Applies non-overlapping replacements given in ascending order; linear time. */
export function applyReplacements(content: string, reps: readonly Replacement[]): string {
  if (reps.length === 0) return content;
  const parts: string[] = [];
  let at = 0;
  for (const r of reps) {
    if (r.start < at || r.end < r.start) throw new Error('overlapping or unordered replacements');
    parts.push(content.slice(at, r.start), r.text);
    at = r.end;
  }
  parts.push(content.slice(at));
  return parts.join('');
}

/**
 * Writes a byte string (latin1) via a temporary file in the same directory
 * and a rename, so readers never see a partial file. Keeps the file mode;
 * a symlink is followed and its target replaced.
 */
export function writeFileAtomic(path: string, data: string): void {
  let target = path;
  let mode: number | undefined;
  try {
    target = realpathSync(path);
    mode = statSync(target).mode & 0o7777;
  } catch {
    // A new file: default mode.
  }
  const tmp = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  const fd = openSync(tmp, 'wx', mode ?? 0o644);
  try {
    try {
      if (mode !== undefined) fchmodSync(fd, mode);
      const buf = Buffer.from(data, 'latin1');
      for (let off = 0; off < buf.length; ) off += writeSync(fd, buf, off, buf.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // Already gone.
    }
    throw e;
  }
}

// Human-readable reports of mismatches and errors.

import type * as Diff from 'diff';
import { lazyRequire } from '../util/lazy.js';

const diffLib = lazyRequire<typeof Diff>('diff');
import type { DirectiveResult, RunError, RunResult } from './runner.js';

export interface DiffOptions {
  /** Lines of context around changes (default 5, like upstream). */
  context?: number;
}

/**
 * Unified diff of expected (-) against actual (+): `--- expected` and
 * `+++ actual` headers (followed by the label, e.g. file:line, when given),
 * then the hunks. Empty when they are equal.
 */
export function unifiedDiff(
  expected: string,
  actual: string,
  label?: string,
  opts: DiffOptions = {},
): string {
  if (expected === actual) return '';
  const patch = diffLib().structuredPatch('expected', 'actual', expected, actual, undefined, undefined, {
    context: opts.context ?? 5,
  });
  const suffix = label ? ` ${label}` : '';
  const out: string[] = [`--- expected${suffix}`, `+++ actual${suffix}`];
  for (const h of patch.hunks) {
    out.push(`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`);
    out.push(...h.lines);
  }
  return out.join('\n') + '\n';
}

/**
 * A mismatch report: `file:line:`, the directive and its input, then the
 * unified diff of expected (-) against actual (+).
 */
export function formatFailure(r: DirectiveResult, opts: DiffOptions = {}): string {
  const parts = [`${r.pos}:`, r.directive];
  if (r.input !== '') parts.push(r.input);
  parts.push("output didn't match expected:");
  return parts.join('\n') + '\n' + unifiedDiff(r.expected, r.actual, undefined, opts);
}

/** `file:line: message` (a 'panic' is marked as such). */
export function formatRunError(e: RunError): string {
  const msg = e.kind === 'panic' ? `panic: ${e.message}` : e.message;
  return e.pos === undefined ? msg : `${e.pos}: ${msg}`;
}

/** Every failure and the stopping error of a run, or "" when it passed. */
export function formatRunResult(result: RunResult, opts: DiffOptions = {}): string {
  const parts = result.failures.map((f) => formatFailure(f, opts));
  if (result.error) parts.push(formatRunError(result.error) + '\n');
  return parts.join('\n');
}

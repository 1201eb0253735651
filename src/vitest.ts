// raftdd/vitest: turns a directory of scripts into vitest suites, a
// `describe` per file and a `test` per directive. A failing directive throws
// with its file:line and the unified diff. `vitest -u` or RAFTDD_REWRITE=1
// rewrites the golden files instead, like a snapshot update.
import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readAll } from './datadriven/reader.js';
import { runFile, type RunResult } from './datadriven/runner.js';
import { walkFiles } from './datadriven/walk.js';
import { NO_COLORS, formatMismatch } from './cli/report.js';
import { createEnv, type EnvName, type EnvOptions } from './cli/envs.js';
import { byteStringToUtf8 } from './util/bytes.js';

export interface ScriptSuiteOptions extends EnvOptions {
  /** Environment of the scripts (default interaction). */
  env?: EnvName;
  /** Only files whose path matches. */
  filter?: RegExp;
  /** Force rewrite mode on or off (default: `vitest -u` or RAFTDD_REWRITE=1). */
  rewrite?: boolean;
}

/** Registers a describe() per script under root (a file or a directory). */
export function describeScripts(root: string, opts: ScriptSuiteOptions = {}): void {
  const files = statSync(root).isDirectory() ? walkFiles(root) : [root];
  for (const file of files) {
    if (opts.filter && !opts.filter.test(file)) continue;
    describeScript(file, opts, relative(root, file) || file);
  }
}

/** Registers one describe() for a script, a test per directive. */
export function describeScript(file: string, opts: ScriptSuiteOptions = {}, name = file): void {
  describe(name, () => {
    let directives: { pos: string; directive: string }[];
    try {
      directives = readAll(readFileSync(file, 'latin1'), file)
        .filter((d) => d.cmd !== 'subtest')
        .map((d) => ({ pos: d.pos, directive: d.directive }));
    } catch (e) {
      test('parse', () => {
        throw e;
      });
      return;
    }
    let result: RunResult | undefined;
    const run = (): RunResult => {
      result ??= runFile(file, createEnv(opts.env ?? 'interaction', opts), { rewrite: rewriteMode(opts) });
      return result;
    };
    for (const d of directives) {
      test(`${d.pos} ${byteStringToUtf8(d.directive.split('\n')[0]!)}`, () => {
        const r = run();
        const got = r.directives.find((x) => x.pos === d.pos);
        if (got === undefined) {
          if (r.error) {
            const where = r.error.pos ?? file;
            throw new Error(
              where === d.pos ? `${where}: ${r.error.message}` : `not run: the script stopped at ${where}: ${r.error.message}`,
            );
          }
          throw new Error(`${d.pos}: not run`);
        }
        if (!got.passed && !r.rewrite) throw new Error(byteStringToUtf8(formatMismatch(got, NO_COLORS)));
      });
    }
  });
}

function rewriteMode(opts: ScriptSuiteOptions): boolean {
  if (opts.rewrite !== undefined) return opts.rewrite;
  if (process.env.RAFTDD_REWRITE === '1' || process.env.RAFTDD_REWRITE === 'true') return true;
  // `vitest -u` sets the snapshot state to update everything.
  const state = expect.getState().snapshotState as unknown as { _updateSnapshot?: string } | undefined;
  return state?._updateSnapshot === 'all';
}

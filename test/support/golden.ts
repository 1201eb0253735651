// Conformance suites: every golden file must come back byte for byte when
// its outputs are blanked and then rewritten by raftdd (the same check the
// project's hooks run), and on a mismatch the test shows the first diffs.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatFailure } from '../../src/datadriven/diff.js';
import { runContent } from '../../src/datadriven/runner.js';
import { createEnv, type EnvName } from '../../src/cli/envs.js';
import { conformanceDir, conformanceFiles } from './conformance.js';

/** The file with every expected output emptied (its `----` lines kept). */
export function blank(content: string, source: string): string {
  const r = runContent(content, source, () => '', { rewrite: true });
  if (r.output === undefined) throw new Error(`cannot blank ${source}: ${r.error?.message}`);
  return r.output;
}

/** Why the file does not reproduce, or undefined when it does byte for byte. */
export function reproduce(path: string, env: EnvName): string | undefined {
  const original = readFileSync(path, 'latin1');
  const rewritten = runContent(blank(original, path), path, createEnv(env), { rewrite: true });
  if (rewritten.error) return `${rewritten.error.pos ?? path}: ${rewritten.error.message}`;
  if (rewritten.output === original) return undefined;
  const compared = runContent(original, path, createEnv(env));
  const diffs = compared.failures.slice(0, 3).map((f) => formatFailure(f));
  return diffs.length > 0 ? diffs.join('\n') : `${path}: rewrite differs from the golden file outside the outputs`;
}

/** Registers a describe() for a conformance suite and prints its count. */
export function conformanceSuite(suite: string, env: EnvName, expectedFiles?: number): void {
  const dir = conformanceDir(suite);
  describe.skipIf(dir === undefined)(`conformance ${suite}`, () => {
    const files = dir === undefined ? [] : conformanceFiles(dir);
    let identical = 0;
    if (expectedFiles !== undefined) {
      it(`has ${expectedFiles} golden files`, () => expect(files.length).toBe(expectedFiles));
    }
    for (const file of files) {
      it(basename(file), () => {
        const problem = reproduce(file, env);
        if (problem === undefined) identical++;
        expect(problem, problem).toBeUndefined();
      });
    }
    afterAll(() => {
      console.log(`conformance ${suite}: ${identical}/${files.length} files byte-identical`);
    });
  });
}

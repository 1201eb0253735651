// Every conformance script, run through the interaction environment, must
// produce byte-identical output to what etcd raft v3.6.0 produced.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAll } from '../../src/datadriven/reader.js';
import { InteractionEnv } from '../../src/interaction/env.js';
import { conformanceDir, conformanceFiles } from '../support/conformance.js';

/** Runs a script; returns the first mismatch as a readable report, or undefined. */
function runScript(path: string): string | undefined {
  const content = readFileSync(path, 'latin1');
  const env = new InteractionEnv();
  for (const d of readAll(content, path)) {
    let actual = env.handle(d);
    if (actual !== '' && !actual.endsWith('\n')) actual += '\n';
    if (actual !== d.expected) {
      return `${d.pos}: ${d.directive}\nexpected:\n${d.expected}\nfound:\n${actual}`;
    }
  }
  return undefined;
}

for (const suite of ['etcd-raft-v3.6.0/interaction', 'generated']) {
  const dir = conformanceDir(suite);
  describe.skipIf(dir === undefined)(`interaction conformance: ${suite}`, () => {
    for (const file of dir === undefined ? [] : conformanceFiles(dir)) {
      it(basename(file), () => {
        expect(runScript(file)).toBeUndefined();
      });
    }
  });
}

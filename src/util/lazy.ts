// Loads a dependency on first use: `raftdd run` starts for every test file
// in a suite, and yaml (only needed with a config file) and diff (only on a
// mismatch) would otherwise cost tens of milliseconds at every start.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function lazyRequire<T>(id: string): () => T {
  let mod: T | undefined;
  return () => (mod ??= require(id) as T);
}

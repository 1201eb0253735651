// Locates the shared conformance suites (never copied into the repo).
// Outside CI a missing directory skips those suites with a message; under
// CI=true it is a failure, so a misconfigured CI cannot pass by testing nothing.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '..', '..');

export const conformanceRoot = resolve(
  process.env.RAFTDD_CONFORMANCE ?? join(repoRoot, '..', 'shared', 'conformance'),
);

/**
 * The directory of one suite (e.g. 'etcd-raft-v3.6.0/quorum'), or undefined
 * when it is absent outside CI. Throws under CI=true when absent.
 */
export function conformanceDir(suite: string): string | undefined {
  const dir = join(conformanceRoot, suite);
  if (existsSync(dir)) return dir;
  const msg = `conformance suite ${suite} not found at ${dir} (set RAFTDD_CONFORMANCE to the conformance directory)`;
  if (process.env.CI === 'true') throw new Error(msg);
  console.warn(`skipping: ${msg}`);
  return undefined;
}

/** The regular files of a suite directory, sorted (non-recursive). */
export function conformanceFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort()
    .map((f) => join(dir, f));
}

// Scripts whose golden output was recorded with the real etcd raft v3.6.0
// harness, pinning behaviours found by differential testing (see each
// file's header). They run like any other scripts.
import { resolve } from 'node:path';
import { describeScripts } from '../src/vitest.js';

describeScripts(resolve(import.meta.dirname, 'reference'), { rewrite: false });

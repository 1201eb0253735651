// The project's own scenarios, through the public vitest integration: a
// describe per file, a test per directive. `RAFTDD_REWRITE=1 npx vitest run
// test/testdata.test.ts` (or `npx vitest -u`) re-records their outputs.
import { resolve } from 'node:path';
import { describeScripts } from '../src/vitest.js';

describeScripts(resolve(import.meta.dirname, '..', 'testdata'));

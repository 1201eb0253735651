// Runs the raftdd CLI in this process and reports its peak memory, for
// scripts/bench.mjs (the same code path as bin/raftdd).
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { main } = createRequire(import.meta.url)(join(root, 'dist', 'cli.cjs'));
const code = await main(process.argv.slice(2));
process.stderr.write(`RAFTDD_BENCH ${JSON.stringify({ maxRSS: process.resourceUsage().maxRSS })}\n`);
process.exitCode = code;

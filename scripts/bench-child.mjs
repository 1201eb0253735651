// Runs the raftdd CLI in this process and reports its peak memory, for
// scripts/bench.mjs (the same code path as bin/raftdd).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { main } = await import(join(root, 'dist', 'cli.js'));
const code = await main(process.argv.slice(2));
process.stderr.write(`RAFTDD_BENCH ${JSON.stringify({ maxRSS: process.resourceUsage().maxRSS })}\n`);
process.exitCode = code;

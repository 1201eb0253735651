// Bundles the CLI and the library entry points with esbuild: one file each
// keeps the cold start of `raftdd run` small. Type declarations come from tsc.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
};
const entries = [
  ['src/cli/main.ts', 'dist/cli.js', []],
  ['src/index.ts', 'dist/index.js', []],
  ['src/vitest.ts', 'dist/vitest.js', ['vitest']],
];
for (const [entry, outfile, external] of entries) {
  if (!existsSync(entry)) continue;
  await build({
    ...common,
    entryPoints: [entry],
    outfile,
    // Runtime dependencies stay external so that they resolve from node_modules.
    packages: 'external',
    external,
  });
}
if (process.argv.includes('--types')) {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}

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
  // Bundled CommonJS code (commander) calls require() for Node built-ins.
  banner: { js: "import { createRequire as __raftddCreateRequire } from 'node:module'; const require = __raftddCreateRequire(import.meta.url);" },
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
    // commander is bundled (it is needed at every start); diff and yaml are
    // loaded lazily from node_modules (src/util/lazy.ts), and vitest is the
    // host of raftdd/vitest.
    external: ['diff', 'yaml', ...external],
  });
}
if (process.argv.includes('--types')) {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}

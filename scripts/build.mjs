// Builds dist/: the CLI as one CommonJS bundle (bin/raftdd loads it through a
// V8 code cache, which ESM cannot use on Node 20), the library entry points
// as ESM bundles, and type declarations from tsc (--no-types skips them).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';

rmSync('dist', { recursive: true, force: true });
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // diff and yaml are loaded lazily from node_modules (src/util/lazy.ts);
  // commander is bundled since every start needs it.
  external: ['diff', 'yaml'],
};

await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.cjs',
  format: 'cjs',
  // The sources are ESM; in the CommonJS bundle import.meta.url is the file's URL.
  define: { 'import.meta.url': '__raftddFileUrl' },
  banner: { js: "const __raftddFileUrl = require('node:url').pathToFileURL(__filename).href;" },
});

for (const [entry, outfile, external] of [
  ['src/index.ts', 'dist/index.js', []],
  ['src/vitest.ts', 'dist/vitest.js', ['vitest']],
]) {
  await build({
    ...common,
    entryPoints: [entry],
    outfile,
    format: 'esm',
    external: [...common.external, ...external],
    // Bundled CommonJS code (commander) calls require() for Node built-ins.
    banner: {
      js: "import { createRequire as __raftddCreateRequire } from 'node:module'; const require = __raftddCreateRequire(import.meta.url);",
    },
  });
}

if (!process.argv.includes('--no-types')) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}

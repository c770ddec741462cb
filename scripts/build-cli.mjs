// Bundles the kpack CLI (lib/cli/main.ts and everything it imports) into dist/kpack.mjs, so
// bin/kpack.mjs starts without compiling TypeScript. Run by `npm run build:cli`, `postinstall` and the
// test scripts. Safe in an install without devDependencies: without esbuild it leaves dist as it is.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist/kpack.mjs');

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.warn(
    existsSync(outfile)
      ? 'build-cli: esbuild is not installed; keeping the existing dist/kpack.mjs'
      : 'build-cli: esbuild is not installed; kpack is not built (npm install with devDependencies, then npm run build:cli)',
  );
  process.exit(0);
}

await esbuild.build({
  entryPoints: [join(root, 'lib/cli/main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  // DuckDB (kpack report) ships a native binary: loaded from node_modules at run time, not bundled.
  external: ['@duckdb/*'],
  // Some dependencies are CommonJS that require() Node built-ins: give the ES module a require.
  banner: {
    js: "import { createRequire as __kpackRequire } from 'node:module'; const require = __kpackRequire(import.meta.url);",
  },
});

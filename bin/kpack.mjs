#!/usr/bin/env node
// Thin launcher: runs the bundled CLI (dist/kpack.mjs, built by `npm run build:cli` from lib/cli).
try {
  await import('../dist/kpack.mjs');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/kpack.mjs')) throw error;
  process.stderr.write('kpack is not built: run `npm run build:cli` in the Huashu checkout\n');
  process.exitCode = 2;
}

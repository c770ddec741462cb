#!/usr/bin/env node
// Thin launcher: tsx runs the TypeScript CLI in lib/cli without a build step.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { register } from 'tsx/esm/api';

register();
const { runKpack } = await import('../lib/cli/kpack.ts');

process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const code = await runKpack(process.argv.slice(2), {
  readFile: (path) => readFile(path, 'utf8'),
  readBytes: async (path) => new Uint8Array(await readFile(path)),
  writeFile: (path, text) => writeFile(path, text, 'utf8'),
  makeDir: (path) => mkdir(path, { recursive: true }).then(() => {}),
  readStdin: () => createInterface({ input: process.stdin, crlfDelay: Infinity }),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
process.exitCode = code;

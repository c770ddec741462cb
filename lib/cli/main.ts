/**
 * `kpack` on a real process: wires `runKpack` to the file system, stdin and stdout. Bundled by
 * `npm run build:cli` into dist/kpack.mjs, which bin/kpack.mjs runs (no TypeScript compiled at start).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { runKpack } from './kpack';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await runKpack(process.argv.slice(2), {
  readFile: (path) => readFile(path, 'utf8'),
  readBytes: async (path) => new Uint8Array(await readFile(path)),
  writeFile: (path, text) => writeFile(path, text, 'utf8'),
  makeDir: (path) => mkdir(path, { recursive: true }).then(() => {}),
  readStdin: () => createInterface({ input: process.stdin, crlfDelay: Infinity }),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});

/**
 * The team lead's side of signed packs in the e2e tests: a pack file signed by kpack, as built, with a new
 * key — the pack the signed-sync tests subscribe to (Chromium and Firefox) and the fleet policy's.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './harness';

/** The free gift wrapping reply of "Signed desk" as signed; tests change it to a paid one after signing. */
const SIGNED_REPLY = 'Gift wrapping is free with every order.';

/** "Signed desk" 1.0.0, one entry (gift wrapping) whose reply is `reply`. */
export function signedDeskPack(reply = SIGNED_REPLY): string {
  const pack = {
    format: 'huashu-pack/1',
    id: 'signed-desk',
    name: 'Signed desk',
    version: '1.0.0',
    locale: 'en',
    entries: [
      {
        id: 'gift-wrap',
        title: 'Gift wrapping',
        questions: ['do you gift wrap', 'gift wrapping price'],
        keywords: ['wrapping'],
        replies: [{ text: reply }],
      },
    ],
  };
  return `${JSON.stringify(pack, null, 2)}\n`;
}

export interface SignedPack {
  /** The pack file, in a temporary folder of its own (serve the folder; write the file to change it). */
  file: string;
  folder: string;
  /** The text of `file.sig`. */
  signature: string;
  /** The public key kpack printed, as a team lead would paste it. */
  publicKey: string;
}

/** Writes `text` as `name` in a new temporary folder and signs it with `kpack sign --new-key`. */
export function signedPack(name: string, text: string): SignedPack {
  const folder = mkdtempSync(join(tmpdir(), 'huashu-signed-'));
  const file = join(folder, name);
  writeFileSync(file, text);
  // The private key goes to a folder of its own: serving the pack's folder must not serve the key.
  const keyFile = join(mkdtempSync(join(tmpdir(), 'huashu-key-')), 'team.pem');
  const printed = execFileSync(process.execPath, [join(ROOT, 'bin/kpack.mjs'), 'sign', '--new-key', keyFile, file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const publicKey = /^public key: (\S+)$/m.exec(printed)?.[1];
  if (!publicKey) throw new Error(`kpack sign printed no public key:\n${printed}`);
  return { file, folder, publicKey, signature: readFileSync(`${file}.sig`, 'utf8') };
}

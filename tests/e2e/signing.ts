/** The team lead's side of signed packs in the e2e tests: kpack, as built, signs a file with a new key. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './harness';

/**
 * `kpack sign --new-key` on `file` (the key goes to a temporary folder): writes `file.sig` and returns its
 * text and the public key kpack printed, as a team lead would paste it.
 */
export function signWithNewKey(file: string): { publicKey: string; signature: string } {
  const keyFile = join(mkdtempSync(join(tmpdir(), 'huashu-key-')), 'team.pem');
  const printed = execFileSync(process.execPath, [join(ROOT, 'bin/kpack.mjs'), 'sign', '--new-key', keyFile, file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const publicKey = /^public key: (\S+)$/m.exec(printed)?.[1];
  if (!publicKey) throw new Error(`kpack sign printed no public key:\n${printed}`);
  return { publicKey, signature: readFileSync(`${file}.sig`, 'utf8') };
}

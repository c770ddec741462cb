/**
 * Signed packs: `kpack sign` (node:crypto) signs a file's bytes, WebCrypto (as in the extension) checks
 * them against the pinned public key; an unsigned, tampered or differently signed file is refused.
 */
import { webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runKpack, type KpackIo } from '../../lib/cli/kpack';
import { signatureUrlOf, verifyPackSignature } from '../../lib/packs/signature';

const PACK = new Uint8Array(readFileSync('knowledge-packs/tmall-apparel.json'));

function memoryIo(files: Record<string, Uint8Array | string>) {
  const out: string[] = [];
  const io: KpackIo = {
    readFile: async (path) => String(files[path]),
    readBytes: async (path) => files[path] as Uint8Array,
    writeFile: async (path, text) => void (files[path] = text),
    readStdin: () => (async function* () {})(),
    out: (line) => out.push(line),
    err: (line) => out.push(line),
  };
  return { io, out, files };
}

async function signed(keyFile = 'team.pem') {
  const { io, out, files } = memoryIo({ 'pack.json': PACK });
  expect(await runKpack(['sign', '--new-key', keyFile, 'pack.json'], io)).toBe(0);
  const publicKey = out.find((line) => line.startsWith('public key: '))!.slice('public key: '.length);
  return { signature: String(files['pack.json.sig']), publicKey };
}

describe('signed packs', () => {
  const subtle = webcrypto.subtle as unknown as SubtleCrypto;

  it('accepts the file as signed, refuses it tampered, unsigned or signed with another key', async () => {
    const { signature, publicKey } = await signed();
    expect(await verifyPackSignature(subtle, PACK, signature, publicKey)).toEqual({ ok: true });
    const tampered = PACK.slice();
    tampered[100] = tampered[100]! ^ 1;
    expect(await verifyPackSignature(subtle, tampered, signature, publicKey)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('does not match'),
    });
    expect(await verifyPackSignature(subtle, PACK, null, publicKey)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not signed'),
    });
    const other = await signed('other.pem');
    expect(await verifyPackSignature(subtle, PACK, other.signature, publicKey)).toMatchObject({ ok: false });
    expect(await verifyPackSignature(subtle, PACK, 'not base64!', publicKey)).toMatchObject({ ok: false });
  });

  it('signs with an existing key and names the signature file beside the pack URL', async () => {
    const first = memoryIo({ 'pack.json': PACK });
    await runKpack(['sign', '--new-key', 'k.pem', 'pack.json'], first.io);
    const again = memoryIo({ 'pack.json': PACK, 'k.pem': first.files['k.pem']! });
    expect(await runKpack(['sign', '--key', 'k.pem', 'pack.json'], again.io)).toBe(0);
    expect(again.files['pack.json.sig']).toBe(first.files['pack.json.sig']);
    expect(signatureUrlOf('https://packs.example.com/team/pack.json?v=2')).toBe(
      'https://packs.example.com/team/pack.json.sig?v=2',
    );
    expect(await runKpack(['sign', 'pack.json'], again.io)).toBe(2);
  });
});

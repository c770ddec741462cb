/**
 * Signed packs: a team lead signs a pack file with an Ed25519 key (`kpack sign`), publishes the
 * signature beside it (`PACK.json.sig`, the base64 of the 64-byte signature over the file's exact
 * bytes), and a subscription pinned to the team's public key accepts only files that verify. Verifying
 * uses WebCrypto (`crypto.subtle`, Ed25519: Chromium 137+, Node 20), passed in so tests use Node's.
 */

/** The sidecar file that holds a pack's signature. */
export const signatureUrlOf = (packUrl: string): string => {
  const url = new URL(packUrl);
  url.pathname += '.sig';
  return url.href;
};

function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  const clean = text.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(clean)) return null;
  let binary: string;
  try {
    binary = atob(clean);
  } catch {
    return null; // a length no base64 has ("hello")
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** How long the base64 of a raw 32-byte Ed25519 public key is (what `kpack sign` prints). */
const PUBLIC_KEY_LENGTH = 44;

/**
 * A team public key as a team lead pasted it, checked when subscribing: the base64 of a raw 32-byte
 * Ed25519 key. The "public key:" label `kpack sign` prints before it may come along with the paste.
 */
export function checkPublicKey(input: string): { ok: true; publicKey: string } | { ok: false; message: string } {
  const text = input.trim().replace(/^public key:\s*/i, '');
  const key = fromBase64(text);
  if (key && key.length === 32) return { ok: true, publicKey: text };
  const shown = text.length > PUBLIC_KEY_LENGTH + 8 ? `${text.slice(0, PUBLIC_KEY_LENGTH)}…` : text;
  return {
    ok: false,
    message:
      `“${shown}” is not an Ed25519 public key: paste the ${PUBLIC_KEY_LENGTH}-character line that ` +
      '`kpack sign` printed after “public key:”',
  };
}

/** Why a file was refused, or ok. */
export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/**
 * Whether `signature` (base64) is the team key's signature of `bytes`. `publicKey` is the base64 of the
 * raw 32-byte Ed25519 key that `kpack sign` prints.
 */
export async function verifyPackSignature(
  subtle: SubtleCrypto,
  bytes: Uint8Array<ArrayBuffer>,
  signature: string | null,
  publicKey: string,
): Promise<SignatureCheck> {
  if (signature === null) return { ok: false, reason: 'the pack is not signed (no .sig file beside it)' };
  const key = fromBase64(publicKey);
  if (!key || key.length !== 32) return { ok: false, reason: 'the pinned public key is not an Ed25519 key' };
  const sig = fromBase64(signature);
  if (!sig || sig.length !== 64) return { ok: false, reason: 'the signature file is not an Ed25519 signature' };
  let imported: CryptoKey;
  try {
    imported = await subtle.importKey('raw', key, { name: 'Ed25519' }, false, ['verify']);
  } catch (error) {
    return { ok: false, reason: `this browser cannot check Ed25519 signatures (${(error as Error).message})` };
  }
  const valid = await subtle.verify({ name: 'Ed25519' }, imported, sig, bytes);
  return valid
    ? { ok: true }
    : { ok: false, reason: 'the signature does not match: the file was changed or signed with another key' };
}

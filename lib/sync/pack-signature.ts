/**
 * A pinned subscription's check of the file it fetched: the signature beside it (`PACK.sig`, fetched
 * under the same rules as the pack: https, no redirect to http, a timeout, a size limit) must be the
 * pinned team key's signature of the exact bytes fetched. It runs before anything parses the bytes.
 */
import { signatureUrlOf, verifyPackSignature } from '../packs/signature';
import { fetchPackBytes, fileNameOfUrl, type FetchLike, type FetchPackOptions } from './pack-fetch';

/** A signature file is 88 base64 characters and a newline; anything much larger is not one. */
const MAX_SIGNATURE_BYTES = 4 * 1024;

/** Whether the fetched pack may be read: ok, or why it was refused (what `lastError` records). */
export type SignedPackCheck = { ok: true } | { ok: false; message: string };

/**
 * Fetches the signature beside `packUrl` and checks it over `bytes` with the pinned `publicKey`.
 * `subtle` is WebCrypto's (the browser's, or Node's in tests); without it nothing pinned is accepted.
 * A missing signature file (404, 410) is an unsigned pack: refused like a wrong one.
 */
export async function checkSignedPack(
  fetchFn: FetchLike,
  subtle: SubtleCrypto | undefined,
  packUrl: string,
  bytes: Uint8Array<ArrayBuffer>,
  publicKey: string,
  options: FetchPackOptions = {},
): Promise<SignedPackCheck> {
  if (!subtle) return { ok: false, message: 'refused: this browser cannot check signatures (no WebCrypto)' };
  const signatureUrl = signatureUrlOf(packUrl);
  const outcome = await fetchPackBytes(fetchFn, signatureUrl, {}, { ...options, maxBytes: MAX_SIGNATURE_BYTES });
  let signature: string | null = null;
  if (outcome.kind === 'fetched') {
    signature = new TextDecoder().decode(outcome.bytes);
  } else if (outcome.kind === 'unchanged' || (outcome.status !== 404 && outcome.status !== 410)) {
    // No conditional headers were sent, so a 304 is as wrong as a server error.
    const why = outcome.kind === 'error' ? outcome.message : 'the server answered “304 Not Modified”';
    return {
      ok: false,
      message: `refused: the signature ${fileNameOfUrl(signatureUrl)} could not be fetched (${why})`,
    };
  }
  const check = await verifyPackSignature(subtle, bytes, signature, publicKey);
  return check.ok ? check : { ok: false, message: `refused: ${check.reason}` };
}

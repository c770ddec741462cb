/**
 * Bytes on the wire: Chrome's runtime messages are JSON, which has no bytes (a Uint8Array arrives as an
 * object of numbered keys), so a file travels as base64.
 */

/** Bytes → base64, in chunks (a spread of a few megabytes into `String.fromCharCode` overflows the stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Base64 → bytes. */
export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

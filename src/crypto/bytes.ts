/*
 * Bytes as text and back. Keys, IVs and ciphertext travel inside JSON documents and URL
 * fragments, so they are written in base64url (RFC 4648 §5, no padding): safe in both.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}

/** The text the bytes encode, or null when they are not UTF-8. */
export function fromUtf8(bytes: BufferSource): string | null {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

/** The browser's own base64 (Chromium 140 on, not Node 20): a coordinator's first sync decodes 200,000 docs. */
interface NativeBase64 {
  fromBase64?: (text: string, options: { alphabet: 'base64url' }) => Uint8Array<ArrayBuffer>;
}
const native = Uint8Array as unknown as NativeBase64;

export function toBase64Url(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const withNative = view as Uint8Array & {
    toBase64?: (options: { alphabet: 'base64url'; omitPadding: true }) => string;
  };
  if (typeof withNative.toBase64 === 'function')
    return withNative.toBase64({ alphabet: 'base64url', omitPadding: true });
  let binary = '';
  for (let start = 0; start < view.length; start += 0x8000) {
    binary += String.fromCharCode(...view.subarray(start, start + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const base64Url = /^[A-Za-z0-9_-]*$/;

/** The bytes a base64url text stands for, or null when it is not base64url. */
export function fromBase64Url(text: unknown): Uint8Array<ArrayBuffer> | null {
  if (typeof text !== 'string' || !base64Url.test(text) || text.length % 4 === 1) return null;
  if (native.fromBase64) {
    try {
      return native.fromBase64(text, { alphabet: 'base64url' });
    } catch {
      return null;
    }
  }
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

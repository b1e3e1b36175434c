import { fromBase64Url, fromUtf8, randomBytes, toBase64Url, utf8 } from './bytes';

/*
 * Authenticated encryption of one JSON value: AES-GCM-256 through Web Crypto, a fresh random
 * 12-byte IV on every seal (every revision of a document), and additional data that binds the
 * ciphertext to where it belongs (a document's id and readable metadata). A changed byte of
 * either, or a ciphertext moved to another document, fails to open: it is never half-read.
 */

export const IV_BYTES = 12;
const KEY_BITS = 256;

/** A sealed value as it is stored: version, IV and ciphertext (with its 16-byte tag), base64url. */
export interface Sealed {
  v: 1;
  iv: string;
  data: string;
}

/** Why a sealed value could not be opened, for the caller to put in its own words. */
export type OpenFailure = 'malformed' | 'refused' | 'not-json';

export class OpenError extends Error {
  constructor(readonly reason: OpenFailure) {
    super(
      reason === 'malformed'
        ? 'The sealed value is not in the shape a sealed value has.'
        : reason === 'refused'
          ? 'The sealed value does not open with this key and this additional data.'
          : 'The sealed value opened, but holds no JSON.',
    );
    this.name = 'OpenError';
  }
}

/** A new random content key. Extractable only so that it can be wrapped for other devices at once. */
export function newContentKeyBytes(): Uint8Array<ArrayBuffer> {
  return randomBytes(KEY_BITS / 8);
}

/** The key for sealing and opening, from its bytes; it cannot be read back out of the browser. */
export function importContentKey(bytes: BufferSource): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', bytes, { name: 'AES-GCM', length: KEY_BITS }, false, ['encrypt', 'decrypt']);
}

export async function seal(key: CryptoKey, value: unknown, additionalData: string): Promise<Sealed> {
  const iv = randomBytes(IV_BYTES);
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: utf8(additionalData) },
    key,
    utf8(JSON.stringify(value)),
  );
  return { v: 1, iv: toBase64Url(iv), data: toBase64Url(data) };
}

function isSealed(value: unknown): value is Sealed {
  if (typeof value !== 'object' || value === null) return false;
  const { v, iv, data } = value as Record<string, unknown>;
  return v === 1 && typeof iv === 'string' && typeof data === 'string';
}

/** The value sealed with this key and additional data; throws OpenError otherwise. */
export async function open(key: CryptoKey, sealed: unknown, additionalData: string): Promise<unknown> {
  if (!isSealed(sealed)) throw new OpenError('malformed');
  const iv = fromBase64Url(sealed.iv);
  const data = fromBase64Url(sealed.data);
  if (!iv || iv.length !== IV_BYTES || !data || data.length < 16) throw new OpenError('malformed');
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: utf8(additionalData) }, key, data);
  } catch {
    throw new OpenError('refused');
  }
  const text = fromUtf8(plain);
  if (text === null) throw new OpenError('not-json');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new OpenError('not-json');
  }
}

import { fromBase64Url, randomBytes, toBase64Url, utf8 } from './bytes';
import { open, OpenError, seal, type Sealed } from './sealing';

/*
 * Key boxes: content keys sealed so that only one holder can open them. Two kinds of holder:
 *
 * - a device, by its ECDH P-256 key pair: the box carries a fresh ephemeral public key; the shared
 *   secret of the two goes through HKDF-SHA-256 (fresh salt, the box's context as info) to an
 *   AES-GCM key that seals the contents, with the context again as additional data;
 * - a secret, as an invitation's link carries it in its fragment: HKDF-SHA-256 of the secret, with
 *   a fresh salt and the context, gives the sealing key; another HKDF of it names the box, so
 *   that whoever holds the link finds the box without the secret ever reaching the server.
 *
 * The context names what the box is for (a document id); a box moved elsewhere does not open.
 */

export interface DeviceBox {
  v: 1;
  /** The ephemeral public key, raw (uncompressed point), base64url. */
  epk: string;
  salt: string;
  sealed: Sealed;
}

export interface SecretBox {
  v: 1;
  salt: string;
  sealed: Sealed;
}

const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;
const SECRET_BYTES = 32;

async function hkdfKey(material: BufferSource, salt: BufferSource, info: string): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', material, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt, info: utf8(info) },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** A device's own key pair: the private half never leaves the browser, not even to this app. */
export async function newDeviceKeyPair(): Promise<{ privateKey: CryptoKey; publicKey: string }> {
  const pair = (await crypto.subtle.generateKey(ECDH, false, ['deriveBits'])) as CryptoKeyPair;
  const raw = await crypto.subtle.exportKey('raw', pair.publicKey);
  return { privateKey: pair.privateKey, publicKey: toBase64Url(raw) };
}

async function importPublicKey(text: string): Promise<CryptoKey | null> {
  const raw = fromBase64Url(text);
  if (!raw || raw.length !== 65) return null;
  try {
    return await crypto.subtle.importKey('raw', raw, ECDH, false, []);
  } catch {
    return null;
  }
}

async function sharedBits(privateKey: CryptoKey, publicKey: CryptoKey): Promise<ArrayBuffer> {
  return crypto.subtle.deriveBits({ name: 'ECDH', public: publicKey }, privateKey, 256);
}

/** Seals `contents` for the device whose public key this is; null when the key is not one. */
export async function boxForDevice(recipient: string, contents: unknown, context: string): Promise<DeviceBox | null> {
  const publicKey = await importPublicKey(recipient);
  if (!publicKey) return null;
  const ephemeral = (await crypto.subtle.generateKey(ECDH, true, ['deriveBits'])) as CryptoKeyPair;
  const salt = randomBytes(16);
  const key = await hkdfKey(await sharedBits(ephemeral.privateKey, publicKey), salt, `mentorlog device box|${context}`);
  return {
    v: 1,
    epk: toBase64Url(await crypto.subtle.exportKey('raw', ephemeral.publicKey)),
    salt: toBase64Url(salt),
    sealed: await seal(key, contents, context),
  };
}

/** What a box sealed for this device holds; throws OpenError (or a malformed box's) otherwise. */
export async function openDeviceBox(privateKey: CryptoKey, box: DeviceBox, context: string): Promise<unknown> {
  const publicKey = await importPublicKey(box.epk);
  const salt = fromBase64Url(box.salt);
  if (!publicKey || !salt) throw new OpenError('malformed');
  const key = await hkdfKey(await sharedBits(privateKey, publicKey), salt, `mentorlog device box|${context}`);
  return open(key, box.sealed, context);
}

/** A new one-use secret for an invitation's link: 256 random bits, base64url. */
export function newLinkSecret(): string {
  return toBase64Url(randomBytes(SECRET_BYTES));
}

/** The name of the box a link secret opens: derived from it, so the secret itself is never sent. */
export async function secretBoxName(secret: string): Promise<string> {
  const bytes = fromBase64Url(secret);
  if (!bytes) throw new Error('Not a link secret.');
  const base = await crypto.subtle.importKey('raw', bytes, 'HKDF', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: utf8('mentorlog secret box name') },
    base,
    128,
  );
  return toBase64Url(bits);
}

export async function boxForSecret(secret: string, contents: unknown, context: string): Promise<SecretBox> {
  const bytes = fromBase64Url(secret);
  if (!bytes) throw new Error('Not a link secret.');
  const salt = randomBytes(16);
  const key = await hkdfKey(bytes, salt, `mentorlog secret box|${context}`);
  return { v: 1, salt: toBase64Url(salt), sealed: await seal(key, contents, context) };
}

export async function openSecretBox(secret: string, box: SecretBox, context: string): Promise<unknown> {
  const bytes = fromBase64Url(secret);
  const salt = fromBase64Url(box.salt);
  if (!bytes || !salt) throw new OpenError('malformed');
  return open(await hkdfKey(bytes, salt, `mentorlog secret box|${context}`), box.sealed, context);
}

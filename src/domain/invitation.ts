import { isServerUrl } from './syncAccount';

/*
 * An invitation to sync: a link that opens the join screen on the invited person's device, and a
 * one-time code given to them separately. Everything the join screen needs rides in the link's
 * fragment (after `#`), which browsers never send to a server, so no server log holds it; the code
 * joins it only in the QR code, which is shown to the one person it is for.
 */

/** Crockford's base32: no I, L, O or U, so that a code read aloud or copied by hand is hard to get wrong. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 12 characters of 32 each: 60 bits, far more than anyone can guess at the server's pace of sign-ins. */
export const CODE_LENGTH = 12;

/** A fresh one-time code (also the person's one-time password on the server). */
export function newOneTimeCode(
  fillRandom: (bytes: Uint8Array<ArrayBuffer>) => void = (bytes) => crypto.getRandomValues(bytes),
): string {
  const bytes = new Uint8Array(CODE_LENGTH);
  fillRandom(bytes);
  // 256 is a multiple of 32, so the low five bits of a random byte are evenly spread.
  return Array.from(bytes, (byte) => ALPHABET.charAt(byte & 31)).join('');
}

/** The code as a person reads it: three groups of four. */
export function formatCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** The code a person typed, in the form the server knows, or null when it cannot be one. */
export function normalizeCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return code.length === CODE_LENGTH && [...code].every((char) => ALPHABET.includes(char)) ? code : null;
}

export interface Invitation {
  /** The program server's address, as the inviting device reaches it (`/couch` on the app's origin). */
  serverUrl: string;
  /** The invited person's id: their user name on the server. */
  personId: string;
  pairId: string;
  /** The person's name, to greet them before anything has synced. */
  name: string;
  /** The `_rev` of their user document after the one-time password was set; null when unknown. */
  rev: string | null;
  /** The one-time code, in the QR code's link only. */
  code: string | null;
  /**
   * The one-use secret that opens the invitation's key box (src/sync/invitationKeys.ts), in every
   * link: 32 random bytes, base64url. Null in a link made before pairs were sealed.
   */
  secret: string | null;
  /**
   * A link for a new device of someone who has joined already, made by their partner's device or
   * another of their own: they sign in with their own password (no code), and the device takes the
   * keys. Absent on a coordinator's invitation.
   */
  device?: true;
}

const linkSecret = /^[A-Za-z0-9_-]{43}$/;

/** The join screen's address for an invitation; the code is added only when given (for the QR code). */
export function invitationLink(appOrigin: string, invitation: Invitation): string {
  const fragment = new URLSearchParams({
    server: invitation.serverUrl,
    user: invitation.personId,
    pair: invitation.pairId,
    name: invitation.name,
    ...(invitation.rev ? { rev: invitation.rev } : {}),
    ...(invitation.code ? { code: invitation.code } : {}),
    ...(invitation.secret ? { key: invitation.secret } : {}),
    ...(invitation.device ? { device: '1' } : {}),
  });
  return `${appOrigin}/join#${fragment.toString()}`;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const revision = /^\d+-[0-9a-f]{1,64}$/;

/** The invitation a link's fragment (`#…`) carries, or null when it carries none or a damaged one. */
export function readInvitation(fragment: string): Invitation | null {
  const fields = new URLSearchParams(fragment.replace(/^#/, ''));
  const serverUrl = fields.get('server') ?? '';
  const personId = fields.get('user') ?? '';
  const pairId = fields.get('pair') ?? '';
  if (!isServerUrl(serverUrl) || !uuid.test(personId) || !uuid.test(pairId)) return null;
  const rev = fields.get('rev');
  const code = fields.get('code');
  const secret = fields.get('key');
  return {
    serverUrl,
    personId,
    pairId,
    name: (fields.get('name') ?? '').slice(0, 120),
    rev: rev && revision.test(rev) ? rev : null,
    code: code ? normalizeCode(code) : null,
    secret: secret && linkSecret.test(secret) ? secret : null,
    ...(fields.get('device') === '1' ? { device: true as const } : {}),
  };
}

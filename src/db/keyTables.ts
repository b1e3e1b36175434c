import type { DeviceBox } from '../crypto/keyBoxes';
import type { Sealed } from '../crypto/sealing';

/*
 * The keys of end-to-end encryption (schema version 11). A content key per database of the
 * program's server and generation: held as a CryptoKey that cannot be read back out of the browser,
 * beside its bytes boxed for this device's own key pair, so that the device can box it for another
 * (an invitation, a partner's new phone) without ever storing it in the clear. And the device's key
 * pair, whose private half is not extractable either.
 */

export interface KeyringEntry {
  /** `<database>#<generation>`. */
  id: string;
  /** The server's database whose records the key seals, e.g. `mentorlog-pair-<pairId>`. */
  database: string;
  generation: number;
  /** Absent while the app lock is on: a stored CryptoKey's bytes sit in the browser's files. */
  key?: CryptoKey;
  /** The key's bytes, boxed for this device (src/crypto/keyBoxes.ts), in the context of `id`; absent while locked. */
  box?: DeviceBox;
  /** With the app lock on: the key's bytes sealed by the vault key, in the context of `id`, and nothing else. */
  lockedKey?: Sealed;
}

export interface DeviceKey {
  id: 'device';
  privateKey: CryptoKey;
  /** Raw P-256 point, base64url. */
  publicKey: string;
}

export function keyringId(database: string, generation: number): string {
  return `${database}#${generation}`;
}

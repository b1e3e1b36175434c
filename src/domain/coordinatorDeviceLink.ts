import { isServerUrl } from './syncAccount';

/*
 * A link that lets another device of the coordinator's in: made on a coordinator's device that
 * holds the program's keys, opened on the new one. Like an invitation's, everything rides in the
 * fragment (after `#`), which browsers never send to a server: the server, who signs in, their
 * name to greet them, and the one-use secret that opens the boxes of keys waiting in the directory.
 */

export interface CoordinatorDeviceLink {
  /** The program server's address, as the making device reaches it. */
  serverUrl: string;
  /** The coordinator's person id: their user name on the server. */
  personId: string;
  /** Their name, to greet them before anything has synced. */
  name: string;
  /** 32 random bytes, base64url: opens the key boxes (src/sync/coordinatorKeys.ts). */
  secret: string;
}

/** What a fragment says it is: a coordinator's device link, whole or damaged, or something else. */
export type ReadCoordinatorLink =
  { kind: 'link'; link: CoordinatorDeviceLink } | { kind: 'damaged' } | { kind: 'none' };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const linkSecret = /^[A-Za-z0-9_-]{43}$/;
const MARK = 'coordinator';

/** The join screen's address for a coordinator's new device. */
export function coordinatorDeviceLink(appOrigin: string, link: CoordinatorDeviceLink): string {
  const fragment = new URLSearchParams({
    [MARK]: '1',
    server: link.serverUrl,
    user: link.personId,
    name: link.name,
    key: link.secret,
  });
  return `${appOrigin}/join#${fragment.toString()}`;
}

/**
 * The coordinator's device link a fragment carries. A fragment marked as one whose other parts are
 * missing or cut short (a link copied in part) is `damaged`, so that the screen can say so rather
 * than treat it as an invitation.
 */
export function readCoordinatorDeviceLink(fragment: string): ReadCoordinatorLink {
  const fields = new URLSearchParams(fragment.replace(/^#/, ''));
  if (fields.get(MARK) !== '1') return { kind: 'none' };
  const serverUrl = fields.get('server') ?? '';
  const personId = fields.get('user') ?? '';
  const secret = fields.get('key') ?? '';
  if (!isServerUrl(serverUrl) || !uuid.test(personId) || !linkSecret.test(secret)) return { kind: 'damaged' };
  return { kind: 'link', link: { serverUrl, personId, secret, name: (fields.get('name') ?? '').slice(0, 120) } };
}

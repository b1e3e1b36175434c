import { url, type CouchConnection } from './couchHttp';

/*
 * The client of CouchDB's HTTP API: sign in with a cookie session, push with `_bulk_docs`
 * (pushDatabase.ts), pull from `_changes` (pullDatabase.ts). Plain fetch keeps it to a few KB and
 * leaves Dexie the only store.
 */

export { RefusedError, SignedOutError, type CouchConnection } from './couchHttp';
export { pushDatabase } from './pushDatabase';
export { pullDatabase } from './pullDatabase';

export type SignInResult =
  | { ok: true; name: string; roles: string[] }
  | { ok: false; reason: 'wrong-name-or-password' | 'unreachable'; message: string };

/**
 * Opens a cookie session (`POST /_session`). The password goes in this one request and is kept
 * nowhere; the browser keeps the cookie, which the server renews as it is used.
 */
export async function signIn(connection: CouchConnection, name: string, password: string): Promise<SignInResult> {
  let response: Response;
  try {
    response = await (connection.fetch ?? fetch)(url(connection, '_session'), {
      method: 'POST',
      credentials: 'include',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ name, password }),
    });
  } catch {
    return {
      ok: false,
      reason: 'unreachable',
      message:
        'The sync server cannot be reached. Your records are safe on this device; try again when you are online.',
    };
  }
  if (response.status === 401) {
    return {
      ok: false,
      reason: 'wrong-name-or-password',
      message: 'That name and password do not match. Nothing was changed; try again.',
    };
  }
  if (!response.ok) {
    return {
      ok: false,
      reason: 'unreachable',
      message: `The sync server could not sign you in (it answered ${response.status}). Your records are safe on this device; try again later.`,
    };
  }
  const body = (await response.json()) as { name?: unknown; roles?: unknown };
  return {
    ok: true,
    name: typeof body.name === 'string' ? body.name : name,
    roles: Array.isArray(body.roles) ? body.roles.filter((role): role is string => typeof role === 'string') : [],
  };
}

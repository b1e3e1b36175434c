import type { CouchConnection } from './couchClient';
import { userDocumentId } from './provisionProgram';

/*
 * A person replaces the one-time password of their invitation with their own, signed in with the
 * one-time one: CouchDB lets a user write their own `_users` document as long as the name, type
 * and roles stay as they are. The stand-in (pouchdb-server) cannot read a user's own document
 * (DESIGN.md "Sync"), so the invitation carries the document's `_rev`; when that rev is stale
 * (CouchDB rewrites the document as it upgrades a password's hash), the CouchDB way is to read the
 * document and write again.
 */

export interface OwnPasswordChange {
  personId: string;
  /** The `_rev` the invitation carried, or null to read it from the server. */
  rev: string | null;
  /** The roles the server reported at sign-in: a user may not change their own. */
  roles: string[];
  password: string;
}

export type OwnPasswordResult = { ok: true } | { ok: false; message: string };

const unreachable: OwnPasswordResult = {
  ok: false,
  message:
    "The program's server cannot be reached, so your password was not changed. Check that this device is online and try again.",
};

async function send(connection: CouchConnection, method: 'GET' | 'PUT', path: string, body?: object) {
  return (connection.fetch ?? fetch)(`${connection.serverUrl.replace(/\/+$/, '')}/${path}`, {
    method,
    credentials: 'include',
    headers: { Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}

async function currentRev(connection: CouchConnection, path: string): Promise<string | null> {
  const response = await send(connection, 'GET', path);
  if (!response.ok) {
    await response.body?.cancel();
    return null;
  }
  const body = (await response.json()) as { _rev?: unknown };
  return typeof body._rev === 'string' ? body._rev : null;
}

function refusal(status: number): OwnPasswordResult {
  if (status === 401 || status === 403) {
    return {
      ok: false,
      message:
        'The server no longer accepts the code of this invitation, so your password was not changed. Ask your coordinator for a new invitation.',
    };
  }
  return {
    ok: false,
    message: `The program's server did not change your password (it answered ${status}). Try again; if it keeps failing, ask your coordinator.`,
  };
}

/** Sets the signed-in person's own password. The session's cookie must be theirs. */
export async function changeOwnPassword(
  connection: CouchConnection,
  change: OwnPasswordChange,
): Promise<OwnPasswordResult> {
  const path = `_users/${encodeURIComponent(userDocumentId(change.personId))}`;
  try {
    let rev = change.rev ?? (await currentRev(connection, path));
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const response = await send(connection, 'PUT', path, {
        _id: userDocumentId(change.personId),
        ...(rev ? { _rev: rev } : {}),
        name: change.personId,
        type: 'user',
        roles: change.roles,
        password: change.password,
      });
      await response.body?.cancel();
      if (response.status === 201 || response.status === 202) return { ok: true };
      if (response.status !== 409) return refusal(response.status);
      rev = await currentRev(connection, path);
      if (!rev) break;
    }
    return {
      ok: false,
      message:
        'Your account on the server was changed from somewhere else at the same time, so your password was not changed. Try again.',
    };
  } catch {
    return unreachable;
  }
}
